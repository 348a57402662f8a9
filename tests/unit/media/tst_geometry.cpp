// Geometry of imported series: sorting, spacing issues, display sets and volumes, checked
// against the generator's manifest.json.

#include "testdata.h"

#include "media/importer.h"
#include "media/volumeloader.h"

#include <QDirIterator>
#include <QFuture>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace fenestra::viewer;
namespace td = fenestra::viewer::testdata;

class TestGeometry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void ctPhantom_shuffledNames_oneVolumeWithManifestGeometry();
    void shuffled_anyInputOrder_sortsAlongNormal();
    void obliqueMr_normalIsRowCrossColumn_oneDisplaySet();
    void missingSlice_oneGapAfterRightFrame_volumeKeepsSliceUnloaded();
    void irregular_reportsIrregularStep();
    void mixedSizes_twoDisplaySetsWithManifestCounts();
    void enhancedCt_reverseStoredFrames_sortAscending();

    void loadVolume_ctPhantom_voxelValueAndPositionMatchManifest_data();
    void loadVolume_ctPhantom_voxelValueAndPositionMatchManifest();
    void loadVolume_ctPhantom_bufferIsNative16Bit();
    void loadVolume_cancelledRightAway_returnsCancelledWithoutCrash();

private:
    // Imports a folder of the test data; fails the test on any file error.
    static std::vector<DisplaySet> importDisplaySets(const QString& relative);

    std::vector<DisplaySet> m_ct;
    std::shared_ptr<Volume> m_ctVolume;
};

std::vector<DisplaySet> TestGeometry::importDisplaySets(const QString& relative)
{
    const ImportResult result = importPaths({td::path(relative)});
    for (const FileError& error : result.library.errors())
        qWarning("%s: %s", qPrintable(error.source), qPrintable(error.error.toString()));
    if (!result.library.errors().empty() || result.cancelled)
        return {};
    return td::allDisplaySets(result.library);
}

void TestGeometry::initTestCase()
{
    m_ct = importDisplaySets(td::studySeries("ct")["directory"].toString());
    QCOMPARE(m_ct.size(), std::size_t(1));
    auto loaded = loadVolume(m_ct.front());
    QVERIFY2(loaded.has_value(), qPrintable(td::errorText(loaded)));
    QVERIFY(!loaded->cancelled);
    QVERIFY(loaded->errors.empty());
    m_ctVolume = loaded->volume;
}

void TestGeometry::ctPhantom_shuffledNames_oneVolumeWithManifestGeometry()
{
    const QJsonObject series = td::studySeries("ct");
    const QJsonObject geometry = series["geometry"].toObject();
    const DisplaySet& set = m_ct.front();

    QVERIFY(set.isVolume());
    QVERIFY(set.spacingIssues.empty());
    QCOMPARE(set.seriesInstanceUid, series["series_instance_uid"].toString());
    QCOMPARE(set.format.columns, geometry["columns"].toInt());
    QCOMPARE(set.format.rows, geometry["rows"].toInt());
    QCOMPARE(int(set.frames.size()), geometry["slices"].toInt());
    QCOMPARE(td::frameSopUids(set), td::sopUidsByZ(series));
    QCOMPARE(set.sliceSpacing, geometry["slice_spacing"].toDouble());

    const std::vector<double> spacing = td::doubles(geometry["pixel_spacing"]);
    const std::vector<double> orientation = td::doubles(geometry["orientation"]);
    const ImagePlane& first = set.frames.front().info().plane;
    QCOMPARE(first.rowSpacing, spacing[0]);
    QCOMPARE(first.columnSpacing, spacing[1]);
    QVERIFY2(td::near(first.position, td::vec3(geometry["origin"]), 1e-9),
             qPrintable(td::toString(first.position)));
    QVERIFY(td::near(first.rowDirection, {orientation[0], orientation[1], orientation[2]}, 1e-9));
    QVERIFY(
        td::near(first.columnDirection, {orientation[3], orientation[4], orientation[5]}, 1e-9));
}

void TestGeometry::shuffled_anyInputOrder_sortsAlongNormal()
{
    const QJsonObject scenario = td::scenario("shuffled");
    const QJsonObject expected = scenario["expected"].toObject();
    const QString folder = td::path(scenario["directory"].toString());

    // The scenario only proves something when the names do not already sort spatially.
    QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), scenario["expected_files"].toInt());
    QVERIFY(!expected["lexical_order_is_spatial"].toBool());
    std::ranges::reverse(files);
    for (QString& file : files)
        file = QDir(folder).filePath(file);

    const ImportResult fromFolder = importPaths({folder});
    const ImportResult fromReversedFiles = importPaths(files);
    const std::vector<DisplaySet> a = td::allDisplaySets(fromFolder.library);
    const std::vector<DisplaySet> b = td::allDisplaySets(fromReversedFiles.library);
    QCOMPARE(a.size(), std::size_t(1));
    QCOMPARE(b.size(), std::size_t(1));
    QCOMPARE(td::frameSopUids(a.front()), td::sopUidsByZ(scenario));
    QCOMPARE(td::frameSopUids(b.front()), td::sopUidsByZ(scenario));
    QCOMPARE(int(a.front().frames.size()), expected["slices"].toInt());
    QCOMPARE(a.front().sliceSpacing, expected["slice_spacing"].toDouble());

    const std::vector<double> sortedZ = td::doubles(expected["sorted_z"]);
    for (std::size_t i = 0; i < sortedZ.size(); ++i)
        QCOMPARE(a.front().frames[i].info().plane.position.z, sortedZ[i]);
}

void TestGeometry::obliqueMr_normalIsRowCrossColumn_oneDisplaySet()
{
    const QJsonObject series = td::studySeries("mr");
    const QJsonObject geometry = series["geometry"].toObject();
    const std::vector<double> o = td::doubles(geometry["orientation"]);
    const Vec3 row{o[0], o[1], o[2]};
    const Vec3 column{o[3], o[4], o[5]};
    const Vec3 expectedNormal = row.cross(column).normalized();

    const std::vector<DisplaySet> sets = importDisplaySets(series["directory"].toString());
    QCOMPARE(sets.size(), std::size_t(1));
    const DisplaySet& set = sets.front();
    QVERIFY(set.isVolume());
    QVERIFY(set.spacingIssues.empty());
    QCOMPARE(int(set.frames.size()), geometry["slices"].toInt());
    QVERIFY2(td::near(set.normal, expectedNormal, 1e-6), qPrintable(td::toString(set.normal)));
    // The manifest's own normal agrees (it is rounded less than the orientation it prints).
    QVERIFY(td::near(set.normal, td::vec3(geometry["normal"]), 1e-6));
    QVERIFY(std::abs(set.sliceSpacing - geometry["slice_spacing"].toDouble()) < 1e-6);

    const QJsonArray positions = geometry["slice_positions"].toArray();
    QCOMPARE(qsizetype(set.frames.size()), positions.size());
    for (std::size_t k = 0; k < set.frames.size(); ++k) {
        const Vec3 actual = set.frames[k].info().plane.position;
        QVERIFY2(td::near(actual, td::vec3(positions[qsizetype(k)]), 1e-6),
                 qPrintable(QStringLiteral("slice %1 at %2").arg(k).arg(td::toString(actual))));
    }
}

void TestGeometry::missingSlice_oneGapAfterRightFrame_volumeKeepsSliceUnloaded()
{
    const QJsonObject scenario = td::scenario("missing_slice");
    const QJsonObject expected = scenario["expected"].toObject();
    const std::vector<double> gapBetween = td::doubles(expected["gap_between_z"]);

    const std::vector<DisplaySet> sets = importDisplaySets(scenario["directory"].toString());
    QCOMPARE(sets.size(), std::size_t(1));
    const DisplaySet& set = sets.front();
    const int n = expected["slices"].toInt();
    QCOMPARE(int(set.frames.size()), n);
    QCOMPARE(set.sliceSpacing, expected["nominal_spacing"].toDouble());
    QCOMPARE(set.spacingIssues.size(), std::size_t(1));
    const SpacingIssue& gap = set.spacingIssues.front();
    QCOMPARE(gap.kind, SpacingIssueKind::Gap);
    QCOMPARE(set.frames[std::size_t(gap.afterFrame)].info().plane.position.z, gapBetween[0]);
    QCOMPARE(set.frames[std::size_t(gap.afterFrame) + 1].info().plane.position.z, gapBetween[1]);
    QCOMPARE(gap.actual, expected["gap_mm"].toDouble());
    QCOMPARE(gap.expected, expected["nominal_spacing"].toDouble());

    auto loaded = loadVolume(set);
    QVERIFY2(loaded.has_value(), qPrintable(td::errorText(loaded)));
    const Volume& volume = *loaded->volume;
    QCOMPARE(volume.slices(), n + 1);
    QCOMPARE(volume.loadedCount(), n);
    const int missing = expected["missing_index"].toInt();
    for (int k = 0; k < volume.slices(); ++k)
        QCOMPARE(volume.isLoaded(k), k != missing);
    QCOMPARE(volume.patientPosition(0, 0, missing).z, expected["missing_z"].toDouble());
    // An unloaded slice reads as the lowest stored value of the (unsigned) type.
    QCOMPARE(volume.scalarType(), ScalarType::UInt16);
    QCOMPARE(volume.storedValue(volume.columns() / 2, volume.rows() / 2, missing), 0.0);
    QVERIFY(volume.storedValue(volume.columns() / 2, volume.rows() / 2, missing - 1) > 0.0);
}

void TestGeometry::irregular_reportsIrregularStep()
{
    const QJsonObject scenario = td::scenario("irregular");
    const QJsonObject expected = scenario["expected"].toObject();

    const std::vector<DisplaySet> sets = importDisplaySets(scenario["directory"].toString());
    QCOMPARE(sets.size(), std::size_t(1));
    const DisplaySet& set = sets.front();
    QCOMPARE(int(set.frames.size()), expected["slices"].toInt());
    QCOMPARE(set.sliceSpacing, expected["nominal_spacing"].toDouble());
    QCOMPARE(set.spacingIssues.size(), std::size_t(1));
    const SpacingIssue& issue = set.spacingIssues.front();
    QCOMPARE(issue.kind, SpacingIssueKind::Irregular);
    QCOMPARE(issue.afterFrame, expected["irregular_step_index"].toInt());
    QCOMPARE(issue.actual, expected["irregular_step_mm"].toDouble());
    QCOMPARE(issue.expected, expected["nominal_spacing"].toDouble());
}

void TestGeometry::mixedSizes_twoDisplaySetsWithManifestCounts()
{
    const QJsonObject scenario = td::scenario("mixed_sizes");
    const QJsonArray stacks = scenario["expected"]["stacks"].toArray();

    const std::vector<DisplaySet> sets = importDisplaySets(scenario["directory"].toString());
    QCOMPARE(qsizetype(sets.size()), stacks.size());
    for (const QJsonValue& value : stacks) {
        const QJsonObject stack = value.toObject();
        const auto match = std::ranges::find_if(sets, [&](const DisplaySet& set) {
            return set.format.columns == stack["columns"].toInt() &&
                   set.format.rows == stack["rows"].toInt();
        });
        QVERIFY2(match != sets.end(), qPrintable(QString::number(stack["columns"].toInt())));
        QCOMPARE(int(match->frames.size()), stack["count"].toInt());
        QCOMPARE(match->seriesInstanceUid, scenario["series_instance_uid"].toString());
    }
}

void TestGeometry::enhancedCt_reverseStoredFrames_sortAscending()
{
    const QJsonObject scenario = td::scenario("enhanced_ct");
    const QJsonObject expected = scenario["expected"].toObject();
    const QString folder = td::path(scenario["directory"].toString());

    const ImportResult result = importPaths({folder});
    QVERIFY(result.library.errors().empty());
    QCOMPARE(result.library.instances().size(), std::size_t(scenario["expected_files"].toInt()));
    QCOMPARE(result.library.instances().front()->numberOfFrames, expected["frames"].toInt());

    const std::vector<DisplaySet> sets = td::allDisplaySets(result.library);
    QCOMPARE(sets.size(), std::size_t(1));
    const DisplaySet& set = sets.front();
    QVERIFY(set.isVolume());
    QVERIFY(set.spacingIssues.empty());
    QCOMPARE(set.sliceSpacing, scenario["geometry"]["slice_spacing"].toDouble());

    const std::vector<double> order = td::doubles(expected["sorted_frame_order"]);
    const std::vector<double> storedZ = td::doubles(expected["frame_z"]);
    QCOMPARE(set.frames.size(), order.size());
    for (std::size_t k = 0; k < set.frames.size(); ++k) {
        QCOMPARE(set.frames[k].frame, int(order[k]));
        QCOMPARE(set.frames[k].info().plane.position.z, storedZ[std::size_t(order[k])]);
        if (k > 0)
            QVERIFY(set.frames[k].info().plane.position.z >
                    set.frames[k - 1].info().plane.position.z);
    }
}

void TestGeometry::loadVolume_ctPhantom_voxelValueAndPositionMatchManifest_data()
{
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("hu");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("z");

    const QJsonObject phantom = td::studySeries("ct")["phantom"].toObject();
    auto addRow = [](const QString& name, const QJsonObject& o, const char* positionKey) {
        const QJsonArray voxel = o["voxel"].toArray();
        const Vec3 p = td::vec3(o[QLatin1String(positionKey)]);
        QTest::newRow(qPrintable(name)) << voxel[0].toInt() << voxel[1].toInt() << voxel[2].toInt()
                                        << o["hu"].toDouble() << p.x << p.y << p.z;
    };
    for (const QJsonValue& sphere : phantom["spheres"].toArray())
        addRow(sphere["name"].toString(), sphere.toObject(), "centre");
    int marker = 0;
    for (const QJsonValue& m : phantom["markers"].toArray())
        addRow(QStringLiteral("marker_%1").arg(marker++), m.toObject(), "position");
}

void TestGeometry::loadVolume_ctPhantom_voxelValueAndPositionMatchManifest()
{
    QFETCH(int, i);
    QFETCH(int, j);
    QFETCH(int, k);
    QFETCH(double, hu);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, z);

    const Volume& volume = *m_ctVolume;
    QVERIFY(volume.isLoaded(k));
    const double value =
        volume.storedValue(i, j, k) * volume.rescale().slope + volume.rescale().intercept;
    QCOMPARE(value, hu);
    const Vec3 position = volume.patientPosition(i, j, k);
    QVERIFY2(td::near(position, {x, y, z}, 1e-6), qPrintable(td::toString(position)));
}

void TestGeometry::loadVolume_ctPhantom_bufferIsNative16Bit()
{
    const QJsonObject series = td::studySeries("ct");
    const QJsonObject geometry = series["geometry"].toObject();
    const QJsonObject rescale = series["rescale"].toObject();
    const Volume& volume = *m_ctVolume;

    QCOMPARE(volume.scalarType(),
             series["bits"]["signed"].toBool() ? ScalarType::Int16 : ScalarType::UInt16);
    QCOMPARE(volume.bytesPerVoxel(), 2);
    QCOMPARE(volume.columns(), geometry["columns"].toInt());
    QCOMPARE(volume.rows(), geometry["rows"].toInt());
    QCOMPARE(volume.slices(), geometry["slices"].toInt());
    QCOMPARE(volume.byteCount(), std::size_t(geometry["columns"].toInt()) *
                                     std::size_t(geometry["rows"].toInt()) *
                                     std::size_t(geometry["slices"].toInt()) * 2);
    QCOMPARE(volume.loadedCount(), volume.slices());
    QCOMPARE(volume.rescale().slope, rescale["slope"].toDouble());
    QCOMPARE(volume.rescale().intercept, rescale["intercept"].toDouble());
    QCOMPARE(volume.sliceSpacing(), geometry["slice_spacing"].toDouble());
    QVERIFY(td::near(volume.origin(), td::vec3(geometry["origin"]), 1e-9));
}

// Okular's classic race: the job is cancelled while (or before) it runs. Whatever the timing,
// the result is consistent: cancelled with slices missing, or complete.
void TestGeometry::loadVolume_cancelledRightAway_returnsCancelledWithoutCrash()
{
    const DisplaySet& set = m_ct.front();
    const int frames = int(set.frames.size());
    // loadVolume must not run on the pool it decodes on: the job gets a thread of its own.
    QThreadPool runner;
    runner.setMaxThreadCount(1);
    int cancelledRuns = 0;
    for (int run = 0; run < 20; ++run) {
        std::atomic<bool> cancel{false};
        std::atomic<int> progressCalls{0};
        VolumeLoadOptions options;
        options.cancel = &cancel;
        options.progress = [&](int, int) { ++progressCalls; };
        QFuture<Result<VolumeLoadResult>> future =
            QtConcurrent::run(&runner, [&set, options] { return loadVolume(set, options); });
        cancel = true;
        const Result<VolumeLoadResult> result = future.result();
        QVERIFY2(result.has_value(), qPrintable(td::errorText(result)));
        QVERIFY(result->volume);
        QVERIFY(result->errors.empty());
        if (result->cancelled) {
            ++cancelledRuns;
            QVERIFY(result->volume->loadedCount() < frames);
        } else {
            QCOMPARE(result->volume->loadedCount(), frames);
        }
        QVERIFY(progressCalls.load() <= frames);
    }
    // The flag is set long before 40 files can be decoded: most runs must see it.
    QVERIFY2(cancelledRuns > 0, "no run observed the cancel flag");
}

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
