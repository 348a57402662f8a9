// The view logic on the generator's viewer scenarios (coronal and sagittal reformats, a CR with
// Imager Pixel Spacing only, a prior CT in the same Frame of Reference), checked against the
// expected blocks of manifest.json.

#include "dicom/dicomreader.h"
#include "media/importer.h"
#include "view/measurement.h"
#include "view/orientation.h"
#include "view/synchronization.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <map>
#include <numbers>

using namespace fenestra::viewer;

namespace {

const QJsonObject& manifest()
{
    static const QJsonObject object = [] {
        QFile file(QStringLiteral(FENESTRA_TEST_DATA "/manifest.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no manifest.json in %s: run the generate_test_data test first",
                   FENESTRA_TEST_DATA);
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return object;
}

QJsonValue scenario(const QString& name)
{
    return manifest()["scenarios"][name];
}

// The one display set of a folder of the test data.
DisplaySet importOne(const QString& directory)
{
    const ImportResult result = importPaths({QStringLiteral(FENESTRA_TEST_DATA "/") + directory});
    std::vector<DisplaySet> sets;
    for (const PatientNode& patient : result.library.tree())
        for (const StudyNode& study : patient.studies)
            for (const SeriesNode& series : study.series)
                sets.insert(sets.end(), series.displaySets.begin(), series.displaySets.end());
    if (!result.library.errors().empty() || sets.size() != 1)
        qFatal("%s: expected one display set without errors", qPrintable(directory));
    return sets.front();
}

const ImagePlane& planeOf(const DisplaySet& set, int index)
{
    return set.frames.at(static_cast<std::size_t>(index)).info().plane;
}

QPointF point(const QJsonValue& xy)
{
    return {xy[0].toDouble(), xy[1].toDouble()};
}

QPointF voxelCentre(const QJsonValue& voxel)
{
    return {voxel[0].toDouble() + 0.5, voxel[1].toDouble() + 0.5};
}

bool sameLine(const QLineF& a, const QLineF& b)
{
    const auto near = [](QPointF p, QPointF q) { return QLineF(p, q).length() < 1e-6; };
    return (near(a.p1(), b.p1()) && near(a.p2(), b.p2())) ||
           (near(a.p1(), b.p2()) && near(a.p2(), b.p1()));
}

QString text(const QLineF& l)
{
    return QStringLiteral("(%1, %2)-(%3, %4)").arg(l.x1()).arg(l.y1()).arg(l.x2()).arg(l.y2());
}

} // namespace

class TestViewerScenarios : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void orientationMarkers_unrotatedView_matchManifest_data();
    void orientationMarkers_unrotatedView_matchManifest();
    void probe_reformatMarkers_givePatientPositionAndHu_data();
    void probe_reformatMarkers_givePatientPositionAndHu();
    void lengthMeasurement_coronalMarkers_is50mm();
    void ellipseRoi_coronalSoftSphere_is100Hu();
    void referenceLine_axialMarkerSlice_crossesReformatsAtManifestRow_data();
    void referenceLine_axialMarkerSlice_crossesReformatsAtManifestRow();
    void referenceLine_reformatOnAxial_matchesManifest_data();
    void referenceLine_reformatOnAxial_matchesManifest();
    void lengthMeasurement_crImagerSpacing_is50mmAtDetector();
    void matchFrame_priorAndCurrentCt_byPositionAsManifest();

private:
    std::map<QString, DisplaySet> m_sets; // by scenario name, "ct" for the axial study
};

void TestViewerScenarios::initTestCase()
{
    m_sets["ct"] = importOne(manifest()["studies"]["ct"]["series"][0]["directory"].toString());
    for (const char* name : {"coronal", "sagittal", "cr_imager_spacing", "prior_ct"}) {
        const QJsonObject entry = scenario(QLatin1String(name)).toObject();
        QVERIFY2(!entry.isEmpty(), name);
        m_sets[QLatin1String(name)] = importOne(entry["directory"].toString());
    }
}

void TestViewerScenarios::orientationMarkers_unrotatedView_matchManifest_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"coronal", "sagittal", "cr_imager_spacing", "prior_ct"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestViewerScenarios::orientationMarkers_unrotatedView_matchManifest()
{
    QFETCH(QString, name);
    const DisplaySet& set = m_sets.at(name);
    const ImagePlane& plane = planeOf(set, 0);
    ViewTransform view;
    view.setImage({set.format.columns, set.format.rows}, plane.columnSpacing, plane.rowSpacing);
    view.setViewport({400, 300});
    view.fit();
    const OrientationMarkers markers = orientationMarkers(plane, view);
    const QJsonObject expected = scenario(name)["expected"]["orientation_markers"].toObject();
    QCOMPARE(markers.left, expected["left"].toString());
    QCOMPARE(markers.right, expected["right"].toString());
    QCOMPARE(markers.top, expected["top"].toString());
    QCOMPARE(markers.bottom, expected["bottom"].toString());
}

void TestViewerScenarios::probe_reformatMarkers_givePatientPositionAndHu_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("marker");
    QTest::newRow("coronal, first") << "coronal" << 0;
    QTest::newRow("coronal, second") << "coronal" << 1;
    QTest::newRow("sagittal, first") << "sagittal" << 0;
    QTest::newRow("sagittal, second") << "sagittal" << 1;
}

void TestViewerScenarios::probe_reformatMarkers_givePatientPositionAndHu()
{
    QFETCH(QString, name);
    QFETCH(int, marker);
    const QJsonObject m = scenario(name)["expected"]["markers"][marker].toObject();
    const QJsonArray voxel = m["voxel"].toArray();
    const FrameRef& frame = m_sets.at(name).frames.at(std::size_t(voxel[2].toInt()));
    auto pixels = decodeDicomPixels(DicomSource::fromFile(frame.instance->localPath));
    QVERIFY2(pixels.has_value(), qPrintable(pixels ? QString() : pixels.error().toString()));

    const auto result = probe(*frame.instance, *pixels, 0, voxelCentre(voxel));
    QVERIFY(result.has_value());
    QCOMPARE(result->value, m["hu"].toDouble());
    QVERIFY(result->patient.has_value());
    const QJsonArray position = m["position"].toArray();
    QVERIFY(std::abs(result->patient->x - position[0].toDouble()) < 1e-6);
    QVERIFY(std::abs(result->patient->y - position[1].toDouble()) < 1e-6);
    QVERIFY(std::abs(result->patient->z - position[2].toDouble()) < 1e-6);
}

void TestViewerScenarios::lengthMeasurement_coronalMarkers_is50mm()
{
    const QJsonObject expected = scenario("coronal")["expected"].toObject();
    const QJsonArray markers = expected["markers"].toArray();
    const DisplaySet& set = m_sets.at(QStringLiteral("coronal"));
    const ImagePlane& plane = planeOf(set, markers[0]["voxel"][2].toInt());
    const LengthResult length =
        measureLength(plane, voxelCentre(markers[0]["voxel"]), voxelCentre(markers[1]["voxel"]));
    QVERIFY(length.calibrated);
    QCOMPARE(expected["marker_distance_mm"].toDouble(), 50.0);
    QVERIFY2(std::abs(length.millimetres - 50.0) < 1e-9,
             qPrintable(QString::number(length.millimetres)));
}

void TestViewerScenarios::ellipseRoi_coronalSoftSphere_is100Hu()
{
    const QJsonObject sphere = scenario("coronal")["expected"]["spheres"][0].toObject();
    QCOMPARE(sphere["name"].toString(), QStringLiteral("sphere_soft"));
    const QJsonArray voxel = sphere["voxel"].toArray();
    const FrameRef& frame =
        m_sets.at(QStringLiteral("coronal")).frames.at(std::size_t(voxel[2].toInt()));
    auto pixels = decodeDicomPixels(DicomSource::fromFile(frame.instance->localPath));
    QVERIFY(pixels.has_value());
    // 20 mm radius: 4 columns of 5 mm, 2.7 rows of 7.5 mm; 10 x 7.5 mm semi-axes lie inside.
    const QPointF centre = voxelCentre(voxel);
    const auto roi = measureRoi(*frame.instance, *pixels, 0, MeasurementKind::Ellipse,
                                centre - QPointF(2, 1), centre + QPointF(2, 1));
    QVERIFY(roi.has_value());
    QCOMPARE(roi->mean, sphere["hu"].toDouble());
    QCOMPARE(roi->standardDeviation, 0.0);
    QVERIFY(std::abs(roi->areaMm2 - std::numbers::pi * 10.0 * 7.5) < 1e-9);
}

void TestViewerScenarios::referenceLine_axialMarkerSlice_crossesReformatsAtManifestRow_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("coronal") << "coronal";
    QTest::newRow("sagittal") << "sagittal";
}

void TestViewerScenarios::referenceLine_axialMarkerSlice_crossesReformatsAtManifestRow()
{
    QFETCH(QString, name);
    const QJsonObject phantom = manifest()["studies"]["ct"]["series"][0]["phantom"].toObject();
    const DisplaySet& ct = m_sets.at(QStringLiteral("ct"));
    const ImagePlane& axial = planeOf(ct, phantom["marker_slice"]["index"].toInt());
    const DisplaySet& shown = m_sets.at(name);
    const QJsonArray line =
        scenario(name)["expected"]["reference_lines"][0]["image_line"].toArray();
    const QLineF expected(point(line[0]), point(line[1]));
    for (int i = 0; i < int(shown.frames.size()); ++i) {
        const auto actual =
            referenceLine(planeOf(shown, i), {shown.format.columns, shown.format.rows}, axial,
                          {ct.format.columns, ct.format.rows});
        QVERIFY(actual.has_value());
        QVERIFY2(sameLine(*actual, expected), qPrintable(text(*actual) + " != " + text(expected)));
    }
}

void TestViewerScenarios::referenceLine_reformatOnAxial_matchesManifest_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("coronal") << "coronal";
    QTest::newRow("sagittal") << "sagittal";
}

void TestViewerScenarios::referenceLine_reformatOnAxial_matchesManifest()
{
    QFETCH(QString, name);
    const QJsonObject expected = scenario(name)["expected"]["line_in_ct_axial"].toObject();
    const DisplaySet& other = m_sets.at(name);
    const DisplaySet& ct = m_sets.at(QStringLiteral("ct"));
    const QJsonArray line = expected["image_line"].toArray();
    const auto actual = referenceLine(planeOf(ct, 20), {ct.format.columns, ct.format.rows},
                                      planeOf(other, expected["slice_index"].toInt()),
                                      {other.format.columns, other.format.rows});
    QVERIFY(actual.has_value());
    QVERIFY2(sameLine(*actual, QLineF(point(line[0]), point(line[1]))), qPrintable(text(*actual)));
}

void TestViewerScenarios::lengthMeasurement_crImagerSpacing_is50mmAtDetector()
{
    const QJsonObject expected = scenario("cr_imager_spacing")["expected"].toObject();
    const QJsonArray markers = expected["markers"].toArray();
    const ImagePlane& plane = planeOf(m_sets.at(QStringLiteral("cr_imager_spacing")), 0);
    QCOMPARE(plane.spacingSource, SpacingSource::ImagerPixelSpacing);
    const auto centre = [](const QJsonValue& m) {
        return QPointF(m["column"].toDouble() + 0.5, m["row"].toDouble() + 0.5);
    };
    const LengthResult length = measureLength(plane, centre(markers[0]), centre(markers[1]));
    QVERIFY(length.calibrated);
    QVERIFY(length.fromImagerPixelSpacing);
    QVERIFY(std::abs(length.millimetres - expected["marker_distance_mm"].toDouble()) < 1e-9);
    QVERIFY(std::abs(length.pixels - expected["marker_distance_pixels"].toDouble()) < 1e-9);
}

void TestViewerScenarios::matchFrame_priorAndCurrentCt_byPositionAsManifest()
{
    const QJsonObject expected = scenario("prior_ct")["expected"].toObject();
    const DisplaySet& prior = m_sets.at(QStringLiteral("prior_ct"));
    const DisplaySet& ct = m_sets.at(QStringLiteral("ct"));
    QCOMPARE(prior.frames.front().instance->series.frameOfReferenceUid,
             ct.frames.front().instance->series.frameOfReferenceUid);
    QVERIFY(prior.frames.front().instance->study.instanceUid !=
            ct.frames.front().instance->study.instanceUid);

    const QJsonArray matching = expected["matching_ct_slice"].toArray();
    QCOMPARE(qsizetype(prior.frames.size()), matching.size());
    for (int i = 0; i < int(prior.frames.size()); ++i) {
        const FrameMatch match = matchFrame(prior, i, ct);
        QVERIFY(match.byPosition);
        QVERIFY(match.withinHalfSpacing);
        QCOMPARE(match.index, matching[i].toInt());
    }
    const QJsonArray nearest = expected["nearest_prior_slice"].toArray();
    QCOMPARE(qsizetype(ct.frames.size()), nearest.size());
    for (int k = 0; k < int(ct.frames.size()); ++k) {
        const FrameMatch match = matchFrame(ct, k, prior);
        QVERIFY(match.byPosition);
        QCOMPARE(match.index, nearest[k].toInt());
    }
}

QTEST_GUILESS_MAIN(TestViewerScenarios)
#include "tst_viewerscenarios.moc"
