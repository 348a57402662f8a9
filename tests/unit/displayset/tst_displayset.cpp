// Splitting a series into display sets, sorting along the normal and checking the spacing.
// Instances are built in code: the behaviour under test is pure geometry on our model types.

#include "core/displayset.h"

#include <QList>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace fenestra::viewer;

using InstancePtr = std::shared_ptr<const InstanceInfo>;
using Instances = std::vector<InstancePtr>;
Q_DECLARE_METATYPE(Instances)

namespace {

const QString kSeriesUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.7");
const Vec3 kAxialRow{1, 0, 0};
const Vec3 kAxialColumn{0, 1, 0};
const Vec3 kCoronalRow{1, 0, 0};
const Vec3 kCoronalColumn{0, 0, -1};

PixelFormat monochrome(int rows, int columns)
{
    PixelFormat format;
    format.rows = rows;
    format.columns = columns;
    return format;
}

PixelFormat rgb(int rows, int columns)
{
    PixelFormat format = monochrome(rows, columns);
    format.samplesPerPixel = 3;
    format.bitsAllocated = 8;
    format.bitsStored = 8;
    format.highBit = 7;
    format.photometric = Photometric::Rgb;
    return format;
}

FrameInfo planeAt(Vec3 position, Vec3 row = kAxialRow, Vec3 column = kAxialColumn)
{
    FrameInfo frame;
    frame.plane.position = position;
    frame.plane.rowDirection = row;
    frame.plane.columnDirection = column;
    frame.plane.hasPosition = true;
    frame.plane.hasOrientation = true;
    return frame;
}

FrameInfo withoutPosition()
{
    FrameInfo frame;
    frame.plane.hasOrientation = true;
    return frame;
}

FrameInfo withoutGeometry()
{
    return FrameInfo{};
}

InstancePtr makeInstance(const QString& uid, int number, std::vector<FrameInfo> frames,
                         PixelFormat format = monochrome(512, 512))
{
    auto instance = std::make_shared<InstanceInfo>();
    instance->sopInstanceUid = uid;
    instance->series.instanceUid = kSeriesUid;
    instance->kind = ObjectKind::Image;
    instance->instanceNumber = number;
    instance->hasPixelData = true;
    instance->format = format;
    instance->numberOfFrames = static_cast<int>(frames.size());
    instance->frames = std::move(frames);
    return instance;
}

InstancePtr axialSlice(const QString& uid, int number, double z,
                       PixelFormat format = monochrome(512, 512))
{
    return makeInstance(uid, number, {planeAt({-125.0, -125.0, z})}, format);
}

// Plane rotated by `degrees` about the x axis: row (1,0,0), column (0,cos,sin), so the normal is
// (0,-sin,cos). The position is `t` along the normal plus `u` along the column direction.
InstancePtr obliqueSlice(const QString& uid, int number, double degrees, double t, double u)
{
    const double angle = degrees * std::numbers::pi / 180.0;
    const Vec3 row{1, 0, 0};
    const Vec3 column{0, std::cos(angle), std::sin(angle)};
    const Vec3 normal{0, -std::sin(angle), std::cos(angle)};
    return makeInstance(uid, number, {planeAt(t * normal + u * column, row, column)});
}

// A series of axial slices "s<index>" with instance numbers first, first+1, ... at the given z.
Instances axialSeries(const QList<double>& zs, int firstNumber = 1,
                      PixelFormat format = monochrome(512, 512), const QString& prefix = "s")
{
    Instances instances;
    for (int i = 0; i < zs.size(); ++i)
        instances.push_back(
            axialSlice(prefix + QString::number(i), firstNumber + i, zs[i], format));
    return instances;
}

Instances concat(Instances a, const Instances& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Instances pick(const Instances& from, const QList<int>& order)
{
    Instances picked;
    for (int index : order)
        picked.push_back(from.at(static_cast<std::size_t>(index)));
    return picked;
}

// "uid" for a single-frame instance, "uid#frame" for a frame of a multi-frame instance.
QStringList labels(const DisplaySet& set)
{
    QStringList result;
    for (const FrameRef& ref : set.frames) {
        const QString& uid = ref.instance->sopInstanceUid;
        result << (ref.instance->frames.size() > 1 ? uid + "#" + QString::number(ref.frame) : uid);
    }
    return result;
}

QString issueText(const SpacingIssue& issue)
{
    const char* kind = issue.kind == SpacingIssueKind::Gap         ? "Gap"
                       : issue.kind == SpacingIssueKind::Irregular ? "Irregular"
                                                                   : "DuplicatePosition";
    return QStringLiteral("%1 after %2: expected %3 actual %4")
        .arg(kind)
        .arg(issue.afterFrame)
        .arg(issue.expected, 0, 'f', 3)
        .arg(issue.actual, 0, 'f', 3);
}

QStringList issueTexts(const DisplaySet& set)
{
    QStringList result;
    for (const SpacingIssue& issue : set.spacingIssues)
        result << issueText(issue);
    return result;
}

QList<int> sizes(const std::vector<DisplaySet>& sets)
{
    QList<int> result;
    for (const DisplaySet& set : sets)
        result << static_cast<int>(set.frames.size());
    return result;
}

} // namespace

class TestDisplaySet : public QObject
{
    Q_OBJECT

private slots:
    void sort_anyInputOrder_sortsAscendingAlongNormal_data();
    void sort_anyInputOrder_sortsAscendingAlongNormal();
    void spacing_fromPositions_reportsMedianAndIssues_data();
    void spacing_fromPositions_reportsMedianAndIssues();
    void split_differentGeometry_givesSeparateDisplaySetsInOrder_data();
    void split_differentGeometry_givesSeparateDisplaySetsInOrder();
    void enhancedMultiFrame_reverseSpatialOrder_sortsFramesAscending();
    void timeSeriesMultiFrame_getsOwnDisplaySetInFrameOrder_data();
    void timeSeriesMultiFrame_getsOwnDisplaySetInFrameOrder();
    void nonImageInstances_areIgnored_data();
    void nonImageInstances_areIgnored();
    void framesWithoutPosition_areNonSpatialSortedByInstanceNumber();
    void mixedSeries_everyInputPermutation_givesIdenticalOutput();
    void orientationDrift_everyInputPermutation_groupsAgainstLowestInstanceNumber();
    void twoAcquisitionsAtSamePositions_duplicatesOrderedByInstanceNumber();
};

void TestDisplaySet::sort_anyInputOrder_sortsAscendingAlongNormal_data()
{
    QTest::addColumn<Instances>("instances");
    QTest::addColumn<QStringList>("expected");

    const Instances ascending = axialSeries({0.0, 2.5, 5.0, 7.5, 10.0});
    const QStringList s0to4{"s0", "s1", "s2", "s3", "s4"};
    QTest::newRow("sortedInput") << ascending << s0to4;
    QTest::newRow("shuffledInput") << pick(ascending, {3, 0, 4, 1, 2}) << s0to4;
    QTest::newRow("descendingPositionsInFileOrder")
        << axialSeries({10.0, 7.5, 5.0, 2.5, 0.0}) << QStringList{"s4", "s3", "s2", "s1", "s0"};
    QTest::newRow("negativePositions")
        << axialSeries({-20.0, -30.0, -25.0}) << QStringList{"s1", "s2", "s0"};

    // Along the normal o0 < o1 < o2 < o3, but the in-plane offset makes z decrease.
    Instances oblique;
    for (int i = 0; i < 4; ++i)
        oblique.push_back(obliqueSlice("o" + QString::number(i), 10 - i, 20.0, 3.0 * i, -10.0 * i));
    QVERIFY(oblique[0]->frames[0].plane.position.z > oblique[3]->frames[0].plane.position.z);
    QTest::newRow("obliqueOrientation_sortsByProjectionNotZ")
        << pick(oblique, {2, 0, 3, 1}) << QStringList{"o0", "o1", "o2", "o3"};

    // Tilted gantry: positions advance along z and shift in y, the plane stays axial.
    Instances tilted;
    const double shear = std::tan(15.0 * std::numbers::pi / 180.0);
    for (int i = 0; i < 4; ++i)
        tilted.push_back(makeInstance("t" + QString::number(i), i + 1,
                                      {planeAt({-125.0, -125.0 + shear * 3.0 * i, 3.0 * i})}));
    QTest::newRow("gantryTilt_sortsAlongNormal")
        << pick(tilted, {3, 1, 0, 2}) << QStringList{"t0", "t1", "t2", "t3"};
}

void TestDisplaySet::sort_anyInputOrder_sortsAscendingAlongNormal()
{
    QFETCH(Instances, instances);
    QFETCH(QStringList, expected);

    const std::vector<DisplaySet> sets = buildDisplaySets(instances);
    QCOMPARE(sets.size(), std::size_t{1});
    const DisplaySet& set = sets.front();
    QVERIFY(set.isSpatial);
    QCOMPARE(labels(set), expected);
    for (std::size_t i = 1; i < set.frames.size(); ++i) {
        const double previous = set.frames[i - 1].info().plane.position.dot(set.normal);
        QVERIFY(set.frames[i].info().plane.position.dot(set.normal) > previous);
    }
    QVERIFY(set.spacingIssues.empty());
    QVERIFY(set.isVolume());
}

void TestDisplaySet::spacing_fromPositions_reportsMedianAndIssues_data()
{
    QTest::addColumn<QList<double>>("zs");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<QStringList>("issues");
    QTest::addColumn<bool>("isVolume");

    QTest::newRow("regular_1.25mm") << QList<double>{0.0, 1.25, 2.5, 3.75, 5.0, 6.25, 7.5, 8.75}
                                    << 1.25 << QStringList{} << true;
    QTest::newRow("missingSlice_oneGap")
        << QList<double>{0.0, 1.25, 2.5, 3.75, 6.25, 7.5, 8.75} << 1.25
        << QStringList{"Gap after 3: expected 1.250 actual 2.500"} << true;
    QTest::newRow("twoMissingSlices_oneGap")
        << QList<double>{0.0, 1.25, 2.5, 6.25, 7.5, 8.75} << 1.25
        << QStringList{"Gap after 2: expected 1.250 actual 3.750"} << true;
    QTest::newRow("longerStep_irregular")
        << QList<double>{0.0, 1.25, 2.5, 3.75, 5.25, 6.5, 7.75} << 1.25
        << QStringList{"Irregular after 3: expected 1.250 actual 1.500"} << true;
    QTest::newRow("shorterStep_irregular")
        << QList<double>{0.0, 1.25, 2.5, 3.0, 4.25, 5.5} << 1.25
        << QStringList{"Irregular after 2: expected 1.250 actual 0.500"} << true;
    QTest::newRow("duplicatePosition_notAVolume")
        << QList<double>{0.0, 1.25, 2.5, 2.5, 3.75, 5.0} << 1.25
        << QStringList{"DuplicatePosition after 2: expected 1.250 actual 0.000"} << false;
    QTest::newRow("nearDuplicateBelowOnePercent_notAVolume")
        << QList<double>{0.0, 2.0, 4.0, 4.01, 6.01, 8.01} << 2.0
        << QStringList{"DuplicatePosition after 2: expected 2.000 actual 0.010"} << false;
    QTest::newRow("roundedPositions_withinTolerance")
        << QList<double>{0.0, 0.63, 1.25, 1.88, 2.5, 3.13, 3.75} << 0.62 << QStringList{} << true;
    QTest::newRow("twoSlices") << QList<double>{4.0, 1.0} << 3.0 << QStringList{} << true;
    QTest::newRow("singleSlice_notAVolume") << QList<double>{5.0} << 0.0 << QStringList{} << false;
    QTest::newRow("allSamePosition_notAVolume")
        << QList<double>{5.0, 5.0, 5.0} << 0.0
        << QStringList{"DuplicatePosition after 0: expected 0.000 actual 0.000",
                       "DuplicatePosition after 1: expected 0.000 actual 0.000"}
        << false;
}

void TestDisplaySet::spacing_fromPositions_reportsMedianAndIssues()
{
    QFETCH(QList<double>, zs);
    QFETCH(double, spacing);
    QFETCH(QStringList, issues);
    QFETCH(bool, isVolume);

    const std::vector<DisplaySet> sets = buildDisplaySets(axialSeries(zs));
    QCOMPARE(sets.size(), std::size_t{1});
    QVERIFY(std::abs(sets.front().sliceSpacing - spacing) < 1e-9);
    QCOMPARE(issueTexts(sets.front()), issues);
    QCOMPARE(sets.front().isVolume(), isVolume);
}

void TestDisplaySet::split_differentGeometry_givesSeparateDisplaySetsInOrder_data()
{
    QTest::addColumn<Instances>("instances");
    QTest::addColumn<QList<int>>("expectedSizes");
    QTest::addColumn<QList<int>>("expectedRows");
    QTest::addColumn<QList<double>>("expectedNormalZ");

    QList<double> twelve;
    for (int i = 0; i < 12; ++i)
        twelve << 2.0 * i;
    const Instances large = axialSeries(twelve, 1, monochrome(512, 512), "a");
    const Instances smallAfter = axialSeries({0.0, 5.0, 10.0}, 13, monochrome(256, 256), "b");
    QTest::newRow("mixedSizes_largerHasLowestInstanceNumber")
        << pick(concat(large, smallAfter), {14, 3, 12, 0, 5, 13, 1, 2, 4, 6, 7, 8, 9, 10, 11})
        << QList<int>{12, 3} << QList<int>{512, 256} << QList<double>{1.0, 1.0};

    const Instances smallFirst = axialSeries({0.0, 5.0, 10.0}, 1, monochrome(256, 256), "b");
    const Instances largeAfter = axialSeries(twelve, 4, monochrome(512, 512), "a");
    QTest::newRow("mixedSizes_smallerHasLowestInstanceNumber")
        << concat(largeAfter, smallFirst) << QList<int>{3, 12} << QList<int>{256, 512}
        << QList<double>{1.0, 1.0};
    QTest::newRow("sameLowestInstanceNumber_largerFirst")
        << concat(smallFirst, large) << QList<int>{12, 3} << QList<int>{512, 256}
        << QList<double>{1.0, 1.0};

    Instances orientations = axialSeries({0.0, 3.0, 6.0, 9.0, 12.0});
    for (int i = 0; i < 4; ++i)
        orientations.push_back(
            makeInstance("c" + QString::number(i), 6 + i,
                         {planeAt({0.0, 4.0 * i, 0.0}, kCoronalRow, kCoronalColumn)}));
    // Coronal: row (1,0,0) x column (0,0,-1) = (0,1,0), so the normal has no z component.
    QTest::newRow("twoOrientations")
        << pick(orientations, {6, 0, 8, 1, 2, 5, 3, 7, 4}) << QList<int>{5, 4}
        << QList<int>{512, 512} << QList<double>{1.0, 0.0};

    Instances jittered;
    for (int i = 0; i < 6; ++i) {
        const double jitter = (i % 2 == 0 ? 4e-4 : -4e-4);
        jittered.push_back(
            makeInstance("j" + QString::number(i), i + 1,
                         {planeAt({0.0, 0.0, 1.5 * i}, {1.0, jitter, 0.0}, {-jitter, 1.0, 0.0})}));
    }
    QTest::newRow("orientationWithinTolerance_staysTogether")
        << jittered << QList<int>{6} << QList<int>{512} << QList<double>{1.0};

    PixelFormat inverted = monochrome(512, 512);
    inverted.photometric = Photometric::Monochrome1;
    QTest::newRow("monochrome1AndMonochrome2_split")
        << concat(axialSeries({0.0, 3.0, 6.0}, 1), axialSeries({0.0, 3.0}, 4, inverted, "m"))
        << QList<int>{3, 2} << QList<int>{512, 512} << QList<double>{1.0, 1.0};

    const Instances colour = axialSeries({0.0, 3.0}, 5, rgb(512, 512), "r");
    QTest::newRow("colourAndMonochromeSameSize_split")
        << concat(colour, axialSeries({0.0, 3.0, 6.0, 9.0})) << QList<int>{4, 2}
        << QList<int>{512, 512} << QList<double>{1.0, 1.0};
}

void TestDisplaySet::split_differentGeometry_givesSeparateDisplaySetsInOrder()
{
    QFETCH(Instances, instances);
    QFETCH(QList<int>, expectedSizes);
    QFETCH(QList<int>, expectedRows);
    QFETCH(QList<double>, expectedNormalZ);

    const std::vector<DisplaySet> sets = buildDisplaySets(instances);
    QCOMPARE(sizes(sets), expectedSizes);
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const DisplaySet& set = sets[i];
        QCOMPARE(set.indexInSeries, static_cast<int>(i));
        QCOMPARE(set.seriesInstanceUid, kSeriesUid);
        QCOMPARE(set.format.rows, expectedRows.at(static_cast<qsizetype>(i)));
        QVERIFY(set.isSpatial);
        QVERIFY(std::abs(set.normal.z - expectedNormalZ.at(static_cast<qsizetype>(i))) < 1e-3);
        for (const FrameRef& ref : set.frames)
            QCOMPARE(ref.instance->format.rows, set.format.rows);
        QVERIFY(set.isVolume());
    }
}

void TestDisplaySet::enhancedMultiFrame_reverseSpatialOrder_sortsFramesAscending()
{
    std::vector<FrameInfo> frames;
    for (int i = 0; i < 16; ++i)
        frames.push_back(planeAt({-125.0, -125.0, 2.0 * (15 - i)}));
    const std::vector<DisplaySet> sets = buildDisplaySets({makeInstance("e", 1, frames)});

    QCOMPARE(sets.size(), std::size_t{1});
    const DisplaySet& set = sets.front();
    QCOMPARE(set.frames.size(), std::size_t{16});
    for (int i = 0; i < 16; ++i) {
        QCOMPARE(set.frames[static_cast<std::size_t>(i)].frame, 15 - i);
        QCOMPARE(set.frames[static_cast<std::size_t>(i)].info().plane.position.z, 2.0 * i);
    }
    QVERIFY(set.isSpatial);
    QCOMPARE(set.sliceSpacing, 2.0);
    QVERIFY(set.spacingIssues.empty());
    QVERIFY(set.isVolume());
}

void TestDisplaySet::timeSeriesMultiFrame_getsOwnDisplaySetInFrameOrder_data()
{
    QTest::addColumn<Instances>("instances");
    QTest::addColumn<QList<int>>("expectedSizes");
    QTest::addColumn<int>("cineIndex");

    // Same size and orientation as the stack: only the shared position keeps it apart.
    const Instances stack = axialSeries({0.0, 3.0, 6.0, 9.0, 12.0});
    const InstancePtr cine =
        makeInstance("c", 6, std::vector<FrameInfo>(10, planeAt({-125.0, -125.0, 6.0})));
    QTest::newRow("cineSharedPosition_afterStack")
        << concat({cine}, stack) << QList<int>{5, 10} << 1;

    const InstancePtr clip =
        makeInstance("u", 1, std::vector<FrameInfo>(10, withoutGeometry()), rgb(480, 640));
    QTest::newRow("ultrasoundClipWithoutPosition") << Instances{clip} << QList<int>{10} << 0;

    const InstancePtr loop =
        makeInstance("c", 1, std::vector<FrameInfo>(10, planeAt({-125.0, -125.0, 6.0})));
    const InstancePtr second =
        makeInstance("d", 2, std::vector<FrameInfo>(7, planeAt({-125.0, -125.0, 6.0})));
    QTest::newRow("twoCineLoops_separateSets") << Instances{second, loop} << QList<int>{10, 7} << 0;
}

void TestDisplaySet::timeSeriesMultiFrame_getsOwnDisplaySetInFrameOrder()
{
    QFETCH(Instances, instances);
    QFETCH(QList<int>, expectedSizes);
    QFETCH(int, cineIndex);

    const std::vector<DisplaySet> sets = buildDisplaySets(instances);
    QCOMPARE(sizes(sets), expectedSizes);
    const DisplaySet& cine = sets.at(static_cast<std::size_t>(cineIndex));
    QVERIFY(!cine.isSpatial);
    QVERIFY(!cine.isVolume());
    for (std::size_t i = 0; i < cine.frames.size(); ++i) {
        QCOMPARE(cine.frames[i].frame, static_cast<int>(i));
        QCOMPARE(cine.frames[i].instance, cine.frames.front().instance);
    }
}

void TestDisplaySet::nonImageInstances_areIgnored_data()
{
    QTest::addColumn<Instances>("instances");
    QTest::addColumn<QList<int>>("expectedSizes");

    auto report = std::make_shared<InstanceInfo>();
    report->sopInstanceUid = "sr";
    report->kind = ObjectKind::StructuredReport;
    report->instanceNumber = 1;
    auto noPixels = std::make_shared<InstanceInfo>(*axialSlice("np", 1, 20.0));
    noPixels->hasPixelData = false;

    QTest::newRow("emptyInput") << Instances{} << QList<int>{};
    QTest::newRow("onlyNonImage") << Instances{report} << QList<int>{};
    QTest::newRow("reportAndImageWithoutPixels_amongSlices")
        << concat({report, noPixels, nullptr}, axialSeries({0.0, 1.0, 2.0}, 2)) << QList<int>{3};
}

void TestDisplaySet::nonImageInstances_areIgnored()
{
    QFETCH(Instances, instances);
    QFETCH(QList<int>, expectedSizes);

    const std::vector<DisplaySet> sets = buildDisplaySets(instances);
    QCOMPARE(sizes(sets), expectedSizes);
    if (!sets.empty())
        QCOMPARE(labels(sets.front()), (QStringList{"s0", "s1", "s2"}));
}

void TestDisplaySet::framesWithoutPosition_areNonSpatialSortedByInstanceNumber()
{
    const Instances instances{
        makeInstance("n3", 3, {withoutPosition()}), makeInstance("n2b", 2, {withoutGeometry()}),
        makeInstance("n1", 1, {withoutPosition()}), makeInstance("n2a", 2, {withoutPosition()})};

    const std::vector<DisplaySet> sets = buildDisplaySets(instances);
    QCOMPARE(sets.size(), std::size_t{1});
    const DisplaySet& set = sets.front();
    QCOMPARE(labels(set), (QStringList{"n1", "n2a", "n2b", "n3"}));
    QVERIFY(!set.isSpatial);
    QCOMPARE(set.sliceSpacing, 0.0);
    QVERIFY(set.spacingIssues.empty());
    QVERIFY(!set.isVolume());
}

// Duplicated positions, equal instance numbers, a second size, a non-spatial frame and a cine
// loop: all tie-breakers are exercised, and the output must not depend on the input order.
void TestDisplaySet::mixedSeries_everyInputPermutation_givesIdenticalOutput()
{
    Instances instances{axialSlice("b", 5, 10.0),
                        axialSlice("a", 2, 10.0),
                        axialSlice("d", 7, 0.0),
                        axialSlice("c", 7, 0.0),
                        axialSlice("small", 1, 0.0, monochrome(256, 256)),
                        makeInstance("flat", 3, {withoutPosition()}),
                        makeInstance("loop", 4, std::vector<FrameInfo>(3, planeAt({0, 0, 1.0})))};
    const QList<QStringList> expected{
        {"small"}, {"c", "d", "a", "b"}, {"flat"}, {"loop#0", "loop#1", "loop#2"}};

    std::ranges::sort(instances, {}, [](const InstancePtr& i) { return i->sopInstanceUid; });
    int permutations = 0;
    do {
        const std::vector<DisplaySet> sets = buildDisplaySets(instances);
        QList<QStringList> actual;
        for (const DisplaySet& set : sets)
            actual << labels(set);
        QCOMPARE(actual, expected);
        ++permutations;
    } while (std::ranges::next_permutation(instances, {}, [](const InstancePtr& i) {
                 return i->sopInstanceUid;
             }).found);
    QCOMPARE(permutations, 5040);
}

// Each neighbour is within the orientation tolerance of the next, the ends are not: the group
// is matched against its first frame in instance-number order, whatever the input order.
void TestDisplaySet::orientationDrift_everyInputPermutation_groupsAgainstLowestInstanceNumber()
{
    Instances instances;
    for (int i = 0; i < 3; ++i) {
        const double tilt = 8e-4 * i;
        instances.push_back(
            makeInstance("d" + QString::number(i), i + 1,
                         {planeAt({0.0, 0.0, 2.0 * i}, {1.0, tilt, 0.0}, {-tilt, 1.0, 0.0})}));
    }
    const QList<QStringList> expected{{"d0", "d1"}, {"d2"}};
    int permutations = 0;
    do {
        QList<QStringList> actual;
        for (const DisplaySet& set : buildDisplaySets(instances))
            actual << labels(set);
        QCOMPARE(actual, expected);
        ++permutations;
    } while (std::ranges::next_permutation(instances, {}, [](const InstancePtr& i) {
                 return i->sopInstanceUid;
             }).found);
    QCOMPARE(permutations, 6);
}

// Two acquisitions of the same 20 positions in one series (instances 1..20 and 21..40): every
// position appears twice, the first acquisition's frame first.
void TestDisplaySet::twoAcquisitionsAtSamePositions_duplicatesOrderedByInstanceNumber()
{
    Instances instances;
    QStringList expected;
    for (int k = 0; k < 20; ++k) {
        instances.push_back(axialSlice(QStringLiteral("p%1").arg(k), k + 1, 2.0 * k));
        instances.push_back(axialSlice(QStringLiteral("q%1").arg(k), k + 21, 2.0 * k));
        expected << QStringLiteral("p%1").arg(k) << QStringLiteral("q%1").arg(k);
    }
    // A fixed scramble: reverse, then interleave halves.
    std::ranges::reverse(instances);
    Instances scrambled;
    for (std::size_t i = 0; i < 20; ++i) {
        scrambled.push_back(instances[i + 20]);
        scrambled.push_back(instances[i]);
    }

    const std::vector<DisplaySet> sets = buildDisplaySets(scrambled);
    QCOMPARE(sets.size(), std::size_t{1});
    QCOMPARE(labels(sets.front()), expected);
    QCOMPARE(sets.front().sliceSpacing, 2.0);
    QCOMPARE(sets.front().spacingIssues.size(), std::size_t{20});
    QVERIFY(std::ranges::all_of(sets.front().spacingIssues, [](const SpacingIssue& issue) {
        return issue.kind == SpacingIssueKind::DuplicatePosition && issue.afterFrame % 2 == 0;
    }));
    QVERIFY(!sets.front().isVolume());
}

QTEST_GUILESS_MAIN(TestDisplaySet)
#include "tst_displayset.moc"
