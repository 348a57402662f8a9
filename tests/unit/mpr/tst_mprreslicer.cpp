// Multiplanar reconstruction of the generated CT phantom, against the ground truth in
// manifest.json: the phantom's solids (water and bone cylinders, spheres, markers) say what
// every reformatted pixel must hold, and slabs are checked against maxima computed here from
// the raw voxels.

#include "media/importer.h"
#include "media/volumeloader.h"
#include "render/mprreslicer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <optional>

using namespace fenestra::viewer;

namespace {

QJsonObject ctSeries()
{
    QFile file(QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no manifest.json in %s: run the generate_test_data test first", FENESTRA_TEST_DATA);
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    return manifest["studies"]["ct"]["series"][0].toObject();
}

Vec3 vec3(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a.size() > 2 ? a[2].toDouble() : 0.0};
}

double pixelValue(const PixelBuffer& image, int column, int row)
{
    quint16 v = 0;
    const std::size_t index = static_cast<std::size_t>(row) * image.format().columns + column;
    std::memcpy(&v, image.frame(0).data() + index * 2, 2);
    return v;
}

enum class PlaneKind
{
    Coronal,
    Sagittal,
    Oblique30
};

} // namespace

class TestMprReslicer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reslice_throughSphereCentre_showsPhantomAtItsPatientPosition_data();
    void reslice_throughSphereCentre_showsPhantomAtItsPatientPosition();
    void axialSlab_equalsPerPixelExtremumOfRawSlices_data();
    void axialSlab_equalsPerPixelExtremumOfRawSlices();
    void reslice_readsVolumeBufferInPlace();
    void reslice_ofEmptyPlane_failsWithGeometryMismatch();

private:
    // The stored value the phantom gives at p wherever every voxel within `margin` mm of p has
    // the same value; nullopt near a boundary or outside the voxel grid.
    std::optional<double> expectedStored(Vec3 p, double margin) const;
    MprPlane planeThrough(PlaneKind kind, Vec3 point) const;
    QJsonObject sphere(const QString& name) const;

    std::shared_ptr<Volume> m_volume;
    QJsonObject m_series;
    QJsonObject m_phantom;
    double m_intercept = 0.0;
};

void TestMprReslicer::initTestCase()
{
    m_series = ctSeries();
    m_phantom = m_series["phantom"].toObject();
    m_intercept = m_series["rescale"].toObject()["intercept"].toDouble();
    const ImportResult imported =
        importPaths({QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("ct"))});
    QVERIFY(imported.library.errors().empty());
    const DisplaySet set =
        imported.library.tree().at(0).studies.at(0).series.at(0).displaySets.at(0);
    auto loaded = loadVolume(set);
    QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
    QVERIFY(loaded->errors.empty());
    m_volume = loaded->volume;
    QCOMPARE(m_volume->columns(), m_series["geometry"].toObject()["columns"].toInt());
    QCOMPARE(m_volume->slices(), m_series["geometry"].toObject()["slices"].toInt());
}

QJsonObject TestMprReslicer::sphere(const QString& name) const
{
    for (const QJsonValue& s : m_phantom["spheres"].toArray())
        if (s["name"].toString() == name)
            return s.toObject();
    qFatal("no sphere %s in the manifest", qPrintable(name));
}

std::optional<double> TestMprReslicer::expectedStored(Vec3 p, double margin) const
{
    const QJsonObject g = m_series["geometry"].toObject();
    const Vec3 origin = vec3(g["origin"]);
    const double index[3] = {(p.x - origin.x) / g["pixel_spacing"][0].toDouble(),
                             (p.y - origin.y) / g["pixel_spacing"][1].toDouble(),
                             (p.z - origin.z) / g["slice_spacing"].toDouble()};
    const int dims[3] = {g["columns"].toInt(), g["rows"].toInt(), g["slices"].toInt()};
    for (int a = 0; a < 3; ++a)
        if (index[a] < 0.0 || index[a] > dims[a] - 1)
            return std::nullopt;

    double hu = m_phantom["background_hu"].toDouble();
    // Inside (true), outside (false) or too close to the surface to tell (nullopt).
    const auto side = [margin](double distance, double radius) -> std::optional<bool> {
        if (std::abs(distance - radius) <= margin)
            return std::nullopt;
        return distance < radius;
    };
    for (const QJsonValue& region : m_phantom["regions"].toArray()) {
        const Vec3 c = vec3(region["centre_xy"]);
        const auto inRadius = side(std::hypot(p.x - c.x, p.y - c.y), region["radius"].toDouble());
        const double z0 = region["z_range"][0].toDouble();
        const double z1 = region["z_range"][1].toDouble();
        const auto inZ = side(std::abs(p.z - (z0 + z1) / 2), (z1 - z0) / 2);
        if ((!inRadius && inZ != false) || (!inZ && inRadius != false))
            return std::nullopt;
        if (inRadius == true && inZ == true)
            hu = region["hu"].toDouble();
    }
    for (const QJsonValue& s : m_phantom["spheres"].toArray()) {
        const auto inside = side((p - vec3(s["centre"])).length(), s["radius"].toDouble());
        if (!inside)
            return std::nullopt;
        if (*inside)
            hu = s["hu"].toDouble();
    }
    for (const QJsonValue& marker : m_phantom["markers"].toArray()) {
        const Vec3 d = p - vec3(marker["position"]);
        // The 3x3-pixel markers of one slice: 7.5 x 7.5 x 3.75 mm half sizes.
        if (std::abs(d.x) < 7.5 + margin && std::abs(d.y) < 7.5 + margin &&
            std::abs(d.z) < 3.75 + margin)
            return std::nullopt;
    }
    return hu - m_intercept;
}

MprPlane TestMprReslicer::planeThrough(PlaneKind kind, Vec3 point) const
{
    const Vec3 centre = volumeCentre(*m_volume);
    switch (kind) {
    case PlaneKind::Coronal:
        return coronalPlane(*m_volume, (point - centre).dot({0, 1, 0}));
    case PlaneKind::Sagittal:
        return sagittalPlane(*m_volume, (point - centre).dot({-1, 0, 0}));
    case PlaneKind::Oblique30:
        break;
    }
    // A coronal plane turned 30 degrees about z, centred 40 mm along its rows and 25 mm down
    // its columns from `point` (so a misplaced sphere shows), at an off-grid pixel spacing.
    const double angle = 30.0 * std::numbers::pi / 180.0;
    MprPlane plane;
    plane.rowDirection = {std::cos(angle), std::sin(angle), 0.0};
    plane.columnDirection = {0.0, 0.0, -1.0};
    plane.pixelSpacing = 3.3;
    plane.columns = 81;
    plane.rows = 70;
    plane.centre = point + plane.rowDirection * 40.0 + plane.columnDirection * 25.0;
    return plane;
}

void TestMprReslicer::reslice_throughSphereCentre_showsPhantomAtItsPatientPosition_data()
{
    QTest::addColumn<PlaneKind>("kind");
    QTest::addColumn<QString>("sphereName");
    QTest::addColumn<MprInterpolation>("interpolation");
    QTest::newRow("coronal, soft sphere")
        << PlaneKind::Coronal << "sphere_soft" << MprInterpolation::Linear;
    QTest::newRow("sagittal, soft sphere")
        << PlaneKind::Sagittal << "sphere_soft" << MprInterpolation::Linear;
    QTest::newRow("oblique 30 deg, dense sphere")
        << PlaneKind::Oblique30 << "sphere_dense" << MprInterpolation::Linear;
    QTest::newRow("oblique 30 deg, soft sphere, nearest")
        << PlaneKind::Oblique30 << "sphere_soft" << MprInterpolation::Nearest;
}

void TestMprReslicer::reslice_throughSphereCentre_showsPhantomAtItsPatientPosition()
{
    QFETCH(PlaneKind, kind);
    QFETCH(QString, sphereName);
    QFETCH(MprInterpolation, interpolation);
    const QJsonObject s = sphere(sphereName);
    const Vec3 sphereCentre = vec3(s["centre"]);
    const MprPlane plane = planeThrough(kind, sphereCentre);
    QVERIFY(std::abs((sphereCentre - plane.centre).dot(plane.normal())) < 1e-9);

    const Result<PixelBuffer> image = reslice(*m_volume, plane, 0.0, SlabMode::None, interpolation);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    QCOMPARE(image->format(), mprPixelFormat(*m_volume, plane.columns, plane.rows));

    // The sphere centre's pixel, from the plane geometry alone.
    const double column =
        (sphereCentre - plane.centre).dot(plane.rowDirection) / plane.pixelSpacing +
        (plane.columns - 1) / 2.0;
    const double row =
        (sphereCentre - plane.centre).dot(plane.columnDirection) / plane.pixelSpacing +
        (plane.rows - 1) / 2.0;
    QCOMPARE(pixelValue(*image, int(std::lround(column)), int(std::lround(row))),
             s["stored_value"].toDouble());

    // Every pixel whose value the phantom decides: linear interpolation reads voxels up to a
    // voxel diagonal away, nearest neighbour half of that.
    const double diagonal = std::sqrt(2 * 5.0 * 5.0 + 7.5 * 7.5) + 1e-6;
    const double margin = interpolation == MprInterpolation::Linear ? diagonal : diagonal / 2;
    int inSphere = 0;
    int decided = 0;
    for (int r = 0; r < plane.rows; ++r) {
        for (int c = 0; c < plane.columns; ++c) {
            const Vec3 p = plane.pixelPosition(c, r);
            const std::optional<double> expected = expectedStored(p, margin);
            if (!expected)
                continue;
            ++decided;
            if (*expected == s["stored_value"].toDouble())
                ++inSphere;
            if (pixelValue(*image, c, r) != *expected)
                QFAIL(qPrintable(QStringLiteral("pixel (%1, %2) at (%3, %4, %5) is %6, not %7")
                                     .arg(c)
                                     .arg(r)
                                     .arg(p.x)
                                     .arg(p.y)
                                     .arg(p.z)
                                     .arg(pixelValue(*image, c, r))
                                     .arg(*expected)));
        }
    }
    QVERIFY2(inSphere >= 5, qPrintable(QString::number(inSphere)));
    QVERIFY2(decided >= plane.columns * plane.rows / 3, qPrintable(QString::number(decided)));
}

void TestMprReslicer::axialSlab_equalsPerPixelExtremumOfRawSlices_data()
{
    QTest::addColumn<SlabMode>("mode");
    QTest::addColumn<int>("firstSlice");
    QTest::addColumn<int>("lastSlice");
    // 14..26 crosses all three spheres, 32 holds the markers; odd and even slice counts (VTK
    // centres them differently), slabs touching either end of the volume, the whole volume.
    QTest::newRow("MIP, spheres") << SlabMode::Max << 14 << 26;
    QTest::newRow("MIP, markers, even count") << SlabMode::Max << 28 << 33;
    QTest::newRow("MIP, top 8 slices") << SlabMode::Max << 32 << 39;
    QTest::newRow("MIP, top 15 slices") << SlabMode::Max << 25 << 39;
    QTest::newRow("MIP, bottom 34 slices") << SlabMode::Max << 0 << 33;
    QTest::newRow("MIP, whole volume") << SlabMode::Max << 0 << 39;
    QTest::newRow("MinIP, spheres") << SlabMode::Min << 14 << 26;
}

void TestMprReslicer::axialSlab_equalsPerPixelExtremumOfRawSlices()
{
    QFETCH(SlabMode, mode);
    QFETCH(int, firstSlice);
    QFETCH(int, lastSlice);
    const Volume& v = *m_volume;
    const double middle = (firstSlice + lastSlice) / 2.0;
    const MprPlane plane = axialPlane(v, (middle - (v.slices() - 1) / 2.0) * v.sliceSpacing());
    QCOMPARE(plane.columns, v.columns()); // pixels on voxels: the computation below is exact
    QCOMPARE(plane.rows, v.rows());
    const double thickness = (lastSlice - firstSlice + 1) * v.sliceSpacing();

    const Result<PixelBuffer> image = reslice(v, plane, thickness, mode);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    int differing = 0;
    for (int j = 0; j < v.rows(); ++j) {
        for (int i = 0; i < v.columns(); ++i) {
            double expected = v.storedValue(i, j, firstSlice);
            for (int k = firstSlice; k <= lastSlice; ++k)
                expected = mode == SlabMode::Max ? std::max(expected, v.storedValue(i, j, k))
                                                 : std::min(expected, v.storedValue(i, j, k));
            if (pixelValue(*image, i, j) != expected && differing++ < 3)
                qWarning("pixel (%d, %d): %g, expected %g", i, j, pixelValue(*image, i, j),
                         expected);
        }
    }
    QCOMPARE(differing, 0);
    // Not a thin slice in disguise: the slab differs from its middle slice somewhere.
    const Result<PixelBuffer> thin = reslice(v, plane);
    QVERIFY(thin.has_value());
    QVERIFY(!std::ranges::equal(thin->frame(0), image->frame(0)));
}

void TestMprReslicer::reslice_readsVolumeBufferInPlace()
{
    QVERIFY(mprInputSharesVolumeBuffer(*m_volume));
    // A voxel changed in the volume shows in the next reslice: no copy is cached anywhere.
    const int k = 5;
    const MprPlane plane =
        axialPlane(*m_volume, (k - (m_volume->slices() - 1) / 2.0) * m_volume->sliceSpacing());
    std::span<std::byte> slice = m_volume->slice(k);
    quint16 saved = 0;
    std::memcpy(&saved, slice.data(), 2);
    const quint16 probe = 4000;
    std::memcpy(slice.data(), &probe, 2);
    const Result<PixelBuffer> image =
        reslice(*m_volume, plane, 0.0, SlabMode::None, MprInterpolation::Nearest);
    std::memcpy(slice.data(), &saved, 2);
    QVERIFY(image.has_value());
    QCOMPARE(pixelValue(*image, 0, 0), double(probe));
}

void TestMprReslicer::reslice_ofEmptyPlane_failsWithGeometryMismatch()
{
    MprPlane plane = axialPlane(*m_volume);
    plane.rows = 0;
    const Result<PixelBuffer> image = reslice(*m_volume, plane);
    QVERIFY(!image.has_value());
    QCOMPARE(image.error().code, ErrorCode::GeometryMismatch);
}

QTEST_GUILESS_MAIN(TestMprReslicer)
#include "tst_mprreslicer.moc"
