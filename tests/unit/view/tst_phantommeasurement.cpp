// Measurements on the generated CT phantom, against the ground truth in manifest.json: the
// two markers 50 mm apart, the soft-tissue sphere at 100 HU, and the probe's patient position.

#include "dicom/dicomreader.h"
#include "media/importer.h"
#include "view/measurement.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <numbers>
#include <utility>

using namespace fenestra::viewer;

namespace {

QJsonObject readManifest()
{
    QFile file(QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no manifest.json in %s: run the generate_test_data test first", FENESTRA_TEST_DATA);
    return QJsonDocument::fromJson(file.readAll()).object();
}

QPointF voxelCentre(const QJsonValue& voxel)
{
    const QJsonArray v = voxel.toArray();
    return {v[0].toDouble() + 0.5, v[1].toDouble() + 0.5};
}

Vec3 vec3(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

} // namespace

class TestPhantomMeasurement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lengthMeasurement_onKnownMarkers_is50mm();
    void probe_onMarker_givesMarkerHuAndPosition();
    void ellipseRoi_insideSoftSphere_is100Hu();

private:
    // The frame of the CT stack at patient z, decoded.
    struct Slice
    {
        std::shared_ptr<const InstanceInfo> instance;
        PixelBuffer pixels;
    };
    Slice sliceAt(double z);

    QJsonObject m_phantom;
    DisplaySet m_ct;
};

void TestPhantomMeasurement::initTestCase()
{
    const QJsonObject manifest = readManifest();
    const QJsonObject series = manifest["studies"]["ct"]["series"][0].toObject();
    m_phantom = series["phantom"].toObject();
    QVERIFY(!m_phantom.isEmpty());
    const QString folder =
        QDir(QStringLiteral(FENESTRA_TEST_DATA)).filePath(series["directory"].toString());
    const ImportResult result = importPaths({folder});
    QVERIFY(result.library.errors().empty());
    const auto tree = result.library.tree();
    QCOMPARE(tree.size(), std::size_t(1));
    const SeriesNode& node = tree.front().studies.front().series.front();
    QCOMPARE(node.displaySets.size(), std::size_t(1));
    m_ct = node.displaySets.front();
    QVERIFY(m_ct.isSpatial);
}

TestPhantomMeasurement::Slice TestPhantomMeasurement::sliceAt(double z)
{
    for (const FrameRef& frame : m_ct.frames) {
        if (std::abs(frame.info().plane.position.z - z) < 1e-6) {
            auto pixels = decodeDicomPixels(DicomSource::fromFile(frame.instance->localPath));
            if (!pixels)
                qFatal("%s", qPrintable(pixels.error().toString()));
            return {frame.instance, std::move(*pixels)};
        }
    }
    qFatal("no slice at z %g", z);
}

void TestPhantomMeasurement::lengthMeasurement_onKnownMarkers_is50mm()
{
    const QJsonArray markers = m_phantom["markers"].toArray();
    const Slice slice = sliceAt(std::as_const(m_phantom)["marker_slice"]["z"].toDouble());
    const ImagePlane& plane = slice.instance->frames.front().plane;
    const LengthResult length =
        measureLength(plane, voxelCentre(markers[0]["voxel"]), voxelCentre(markers[1]["voxel"]));
    QVERIFY(length.calibrated);
    QVERIFY(!length.fromImagerPixelSpacing);
    QCOMPARE(m_phantom["marker_distance_mm"].toDouble(), 50.0);
    QVERIFY2(std::abs(length.millimetres - 50.0) <= 0.5,
             qPrintable(QString::number(length.millimetres)));
}

void TestPhantomMeasurement::probe_onMarker_givesMarkerHuAndPosition()
{
    const QJsonObject marker = m_phantom["markers"][1].toObject();
    const Slice slice = sliceAt(std::as_const(m_phantom)["marker_slice"]["z"].toDouble());
    const auto result = probe(*slice.instance, slice.pixels, 0, voxelCentre(marker["voxel"]));
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->value, marker["hu"].toDouble());
    QCOMPARE(result->unit, QStringLiteral("HU"));
    QVERIFY(result->patient.has_value());
    const Vec3 expected = vec3(marker["position"]);
    QVERIFY(std::abs(result->patient->x - expected.x) < 1e-6);
    QVERIFY(std::abs(result->patient->y - expected.y) < 1e-6);
    QVERIFY(std::abs(result->patient->z - expected.z) < 1e-6);
}

void TestPhantomMeasurement::ellipseRoi_insideSoftSphere_is100Hu()
{
    QJsonObject sphere;
    for (const QJsonValue& s : m_phantom["spheres"].toArray()) {
        if (s["name"].toString() == QLatin1String("sphere_soft"))
            sphere = s.toObject();
    }
    QVERIFY(!sphere.isEmpty());
    const Slice slice = sliceAt(vec3(sphere["centre"]).z);
    const QPointF centre = voxelCentre(sphere["voxel"]);
    const QPointF radius(2, 2);
    const auto roi = measureRoi(*slice.instance, slice.pixels, 0, MeasurementKind::Ellipse,
                                centre - radius, centre + radius);
    QVERIFY2(roi.has_value(), qPrintable(roi ? QString() : roi.error().toString()));
    QCOMPARE(sphere["hu"].toDouble(), 100.0);
    QVERIFY2(std::abs(roi->mean - 100.0) <= 1.0, qPrintable(QString::number(roi->mean)));
    QCOMPARE(roi->unit, QStringLiteral("HU"));
    // Centres within 2 pixels of the centre: 13 of them, all inside the 4-pixel sphere.
    QCOMPARE(roi->pixelCount, 13);
    QCOMPARE(roi->minimum, 100.0);
    QCOMPARE(roi->maximum, 100.0);
    // pi * 2 * 2 pixels of 5 x 5 mm.
    QVERIFY(std::abs(roi->areaMm2 - std::numbers::pi * 100.0) < 1e-9);
}

QTEST_GUILESS_MAIN(TestPhantomMeasurement)
#include "tst_phantommeasurement.moc"
