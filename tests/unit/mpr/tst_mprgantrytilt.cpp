// MPR of a gantry-tilted CT (the generator's gantry_tilt scenario): image planes tilted 20 deg
// about x while the table steps the slices along z, so the stack is sheared. The volume must
// take the table's step as its slice axis, and coronal and sagittal reformats must show the
// phantom's spheres at their patient positions and sizes: the value at the projection of each
// centre, the edge at the radius (within what the interpolation can blur), and every pixel the
// phantom decides. Expected values come from the manifest's solids and geometry alone.

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
#include <optional>

using namespace fenestra::viewer;

namespace {

QJsonObject scenario()
{
    QFile file(QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no manifest.json in %s: run the generate_test_data test first", FENESTRA_TEST_DATA);
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    return manifest["scenarios"]["gantry_tilt"].toObject();
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
    Sagittal
};

// The sheared grid as the manifest describes it: voxel (i, j, k) at
// origin + i * a + j * b + k * c, independently of Volume.
struct Grid
{
    Vec3 origin, a, b, c;
    int dims[3] = {0, 0, 0};

    // Continuous voxel index of a patient point (Cramer's rule).
    Vec3 index(Vec3 p) const
    {
        const Vec3 d = p - origin;
        const double det = a.dot(b.cross(c));
        return {d.dot(b.cross(c)) / det, a.dot(d.cross(c)) / det, a.dot(b.cross(d)) / det};
    }
    // Inside the voxel centres' hull, away from its faces by more than float noise.
    bool contains(Vec3 p) const
    {
        const Vec3 i = index(p);
        const double v[3] = {i.x, i.y, i.z};
        for (int axis = 0; axis < 3; ++axis)
            if (v[axis] < 1e-3 || v[axis] > dims[axis] - 1 - 1e-3)
                return false;
        return true;
    }
    // The longest diagonal of a grid cell: how far linear interpolation reads from a point.
    double cellDiagonal() const
    {
        double longest = 0.0;
        for (double sb : {-1.0, 1.0})
            for (double sc : {-1.0, 1.0})
                longest = std::max(longest, (a + b * sb + c * sc).length());
        return longest;
    }
};

} // namespace

class TestMprGantryTilt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void volume_slicesStepAlongTheTable_notAlongTheImageNormal();
    void reslice_throughSphereCentre_showsItAtItsPatientPositionAndSize_data();
    void reslice_throughSphereCentre_showsItAtItsPatientPositionAndSize();

private:
    std::optional<double> expectedStored(Vec3 p, double margin) const;
    QJsonObject sphere(const QString& name) const;

    QJsonObject m_scenario;
    QJsonObject m_phantom;
    Grid m_grid;
    std::shared_ptr<Volume> m_volume;
    double m_intercept = 0.0;
};

void TestMprGantryTilt::initTestCase()
{
    m_scenario = scenario();
    QVERIFY2(!m_scenario.isEmpty(), "no gantry_tilt scenario in the manifest");
    m_phantom = m_scenario["expected"].toObject()["phantom"].toObject();
    m_intercept = m_scenario["rescale"].toObject()["intercept"].toDouble();
    const QJsonObject g = m_scenario["geometry"].toObject();
    const QJsonArray cosines = g["orientation"].toArray();
    const double spacing = g["pixel_spacing"][0].toDouble();
    m_grid.origin = vec3(g["origin"]);
    m_grid.a = Vec3{cosines[0].toDouble(), cosines[1].toDouble(), cosines[2].toDouble()} * spacing;
    m_grid.b = Vec3{cosines[3].toDouble(), cosines[4].toDouble(), cosines[5].toDouble()} * spacing;
    m_grid.c = vec3(g["slice_vector"]);
    m_grid.dims[0] = g["columns"].toInt();
    m_grid.dims[1] = g["rows"].toInt();
    m_grid.dims[2] = g["slices"].toInt();

    const ImportResult imported = importPaths(
        {QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(m_scenario["directory"].toString())});
    QVERIFY(imported.library.errors().empty());
    const DisplaySet set =
        imported.library.tree().at(0).studies.at(0).series.at(0).displaySets.at(0);
    QVERIFY(set.isVolume());
    QCOMPARE(static_cast<int>(set.frames.size()), m_grid.dims[2]);
    auto loaded = loadVolume(set);
    QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
    QVERIFY(loaded->errors.empty());
    m_volume = loaded->volume;
}

QJsonObject TestMprGantryTilt::sphere(const QString& name) const
{
    for (const QJsonValue& s : m_phantom["spheres"].toArray())
        if (s["name"].toString() == name)
            return s.toObject();
    qFatal("no sphere %s in the manifest", qPrintable(name));
}

std::optional<double> TestMprGantryTilt::expectedStored(Vec3 p, double margin) const
{
    if (!m_grid.contains(p))
        return std::nullopt;
    // Inside (true), outside (false) or too close to the surface to tell (nullopt).
    const auto side = [margin](double distance, double radius) -> std::optional<bool> {
        if (std::abs(distance - radius) <= margin)
            return std::nullopt;
        return distance < radius;
    };
    double hu = m_phantom["background_hu"].toDouble();
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
        const Vec3 half = vec3(marker["half_size_mm"]);
        if (std::abs(d.x) < half.x + margin && std::abs(d.y) < half.y + margin &&
            std::abs(d.z) < half.z + margin)
            return std::nullopt;
    }
    return hu - m_intercept;
}

void TestMprGantryTilt::volume_slicesStepAlongTheTable_notAlongTheImageNormal()
{
    const Volume& v = *m_volume;
    const QJsonObject g = m_scenario["geometry"].toObject();
    // The slice axis is the table's step (0, 0, 7.5), not the normal (0, sin 20, cos 20).
    const Vec3 step = v.sliceDirection() * v.sliceSpacing();
    QVERIFY2((step - m_grid.c).length() < 1e-6,
             qPrintable(QStringLiteral("slice step %1 %2 %3").arg(step.x).arg(step.y).arg(step.z)));
    QVERIFY(v.sliceDirection().dot(vec3(g["normal"])) < std::cos(qDegreesToRadians(19.0)));
    // Every slice lies where its file puts it.
    const QJsonArray positions = g["slice_positions"].toArray();
    QCOMPARE(v.slices(), static_cast<int>(positions.size()));
    for (int k = 0; k < v.slices(); ++k)
        QVERIFY2((v.patientPosition(0, 0, k) - vec3(positions[k])).length() < 1e-6,
                 qPrintable(QStringLiteral("slice %1").arg(k)));
    // The voxel nearest each sphere centre (its continuous index in the manifest) holds the
    // sphere's value.
    for (const QJsonValue& s : m_phantom["spheres"].toArray()) {
        const Vec3 index = vec3(s["voxel"]);
        QCOMPARE(v.storedValue(static_cast<int>(std::lround(index.x)),
                               static_cast<int>(std::lround(index.y)),
                               static_cast<int>(std::lround(index.z))),
                 s["stored_value"].toDouble());
    }
}

void TestMprGantryTilt::reslice_throughSphereCentre_showsItAtItsPatientPositionAndSize_data()
{
    QTest::addColumn<PlaneKind>("kind");
    QTest::addColumn<QString>("sphereName");
    QTest::addColumn<MprInterpolation>("interpolation");
    for (const char* name : {"sphere_soft", "sphere_dense", "sphere_lung"}) {
        QTest::addRow("coronal, %s", name)
            << PlaneKind::Coronal << QString::fromLatin1(name) << MprInterpolation::Linear;
        QTest::addRow("sagittal, %s", name)
            << PlaneKind::Sagittal << QString::fromLatin1(name) << MprInterpolation::Linear;
        QTest::addRow("coronal, %s, nearest", name)
            << PlaneKind::Coronal << QString::fromLatin1(name) << MprInterpolation::Nearest;
        QTest::addRow("sagittal, %s, nearest", name)
            << PlaneKind::Sagittal << QString::fromLatin1(name) << MprInterpolation::Nearest;
    }
}

void TestMprGantryTilt::reslice_throughSphereCentre_showsItAtItsPatientPositionAndSize()
{
    QFETCH(PlaneKind, kind);
    QFETCH(QString, sphereName);
    QFETCH(MprInterpolation, interpolation);
    const QJsonObject s = sphere(sphereName);
    const Vec3 centre = vec3(s["centre"]);
    const double radius = s["radius"].toDouble();
    const double inSphere = s["stored_value"].toDouble();
    const Vec3 offset = centre - volumeCentre(*m_volume);
    const MprPlane plane = kind == PlaneKind::Coronal
                               ? coronalPlane(*m_volume, offset.dot({0, 1, 0}))
                               : sagittalPlane(*m_volume, offset.dot({-1, 0, 0}));
    QVERIFY(std::abs((centre - plane.centre).dot(plane.normal())) < 1e-9);
    const Result<PixelBuffer> image = reslice(*m_volume, plane, 0.0, SlabMode::None, interpolation);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));

    // Linear interpolation reads the corners of the sheared cell around a point, nearest
    // neighbour the corner nearest in index space: up to half that far.
    const double margin = interpolation == MprInterpolation::Linear ? m_grid.cellDiagonal() + 1e-6
                                                                    : m_grid.cellDiagonal() / 2;
    QVERIFY(margin < radius);
    // The centre's pixel, from the plane geometry alone.
    const int c0 = static_cast<int>(
        std::lround((centre - plane.centre).dot(plane.rowDirection) / plane.pixelSpacing +
                    (plane.columns - 1) / 2.0));
    const int r0 = static_cast<int>(
        std::lround((centre - plane.centre).dot(plane.columnDirection) / plane.pixelSpacing +
                    (plane.rows - 1) / 2.0));
    QCOMPARE(pixelValue(*image, c0, r0), inSphere);

    // The edge: walking out from the centre along the image's four directions, the last pixel
    // within radius - margin of the centre is the sphere and the first beyond radius + margin
    // is what surrounds it.
    int edgesChecked = 0;
    for (const auto& [dc, dr] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
        int inner = 0;
        int outer = 0;
        for (int n = 0; n < 40; ++n) {
            const double distance =
                (plane.pixelPosition(c0 + n * dc, r0 + n * dr) - centre).length();
            if (distance <= radius - margin)
                inner = n;
            if (distance >= radius + margin) {
                outer = n;
                break;
            }
        }
        QVERIFY(outer > inner);
        QCOMPARE(pixelValue(*image, c0 + inner * dc, r0 + inner * dr), inSphere);
        const Vec3 outside = plane.pixelPosition(c0 + outer * dc, r0 + outer * dr);
        if (const std::optional<double> expected = expectedStored(outside, margin)) {
            QCOMPARE(pixelValue(*image, c0 + outer * dc, r0 + outer * dr), *expected);
            QVERIFY(*expected != inSphere);
            ++edgesChecked;
        }
    }
    QVERIFY2(edgesChecked >= 3, qPrintable(QString::number(edgesChecked)));

    // Every pixel whose value the phantom decides.
    int decided = 0;
    int sphereArea = 0;
    for (int r = 0; r < plane.rows; ++r) {
        for (int c = 0; c < plane.columns; ++c) {
            const Vec3 p = plane.pixelPosition(c, r);
            const std::optional<double> expected = expectedStored(p, margin);
            if (!expected)
                continue;
            ++decided;
            sphereArea += *expected == inSphere ? 1 : 0;
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
    // The decided part of the sphere's disc (radius - margin around its centre), in pixels:
    // all there, give or take the pixel grid's rounding.
    const double innerDisc = M_PI * std::pow((radius - margin) / plane.pixelSpacing, 2);
    QVERIFY2(sphereArea >= std::max(1.0, std::floor(0.8 * innerDisc)),
             qPrintable(QStringLiteral("%1 pixels, disc %2").arg(sphereArea).arg(innerDisc)));
    QVERIFY2(decided >= 1000, qPrintable(QString::number(decided)));
}

QTEST_GUILESS_MAIN(TestMprGantryTilt)
#include "tst_mprgantrytilt.moc"
