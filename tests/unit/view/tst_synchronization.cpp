// Linked views: matching frames between display sets, and reference lines between planes.

#include "view/synchronization.h"

#include <QTest>

#include <cmath>
#include <memory>
#include <numbers>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::ImagePlane)

namespace {

ImagePlane makePlane(Vec3 position, Vec3 row, Vec3 column, double columnSpacing, double rowSpacing)
{
    ImagePlane plane;
    plane.position = position;
    plane.rowDirection = row;
    plane.columnDirection = column;
    plane.columnSpacing = columnSpacing;
    plane.rowSpacing = rowSpacing;
    plane.hasPosition = plane.hasOrientation = true;
    plane.spacingSource = SpacingSource::PixelSpacing;
    return plane;
}

// A stack of planes at the given offsets along row x column, sorted like buildDisplaySets does.
DisplaySet makeStack(const QString& frameOfReference, Vec3 row, Vec3 column,
                     const QList<double>& offsets, bool spatial = true)
{
    DisplaySet set;
    set.isSpatial = spatial;
    set.normal = row.cross(column).normalized();
    set.sliceSpacing = offsets.size() > 1 ? offsets[1] - offsets[0] : 0.0;
    for (const double offset : offsets) {
        auto instance = std::make_shared<InstanceInfo>();
        instance->series.frameOfReferenceUid = frameOfReference;
        FrameInfo frame;
        frame.plane = makePlane(set.normal * offset, row, column, 1.0, 1.0);
        frame.plane.hasPosition = spatial;
        instance->frames.push_back(frame);
        set.frames.push_back({instance, 0});
    }
    return set;
}

QList<double> steps(double first, double step, int count)
{
    QList<double> values;
    for (int i = 0; i < count; ++i)
        values << first + step * i;
    return values;
}

const Vec3 kX{1, 0, 0};
const Vec3 kY{0, 1, 0};
const Vec3 kMinusZ{0, 0, -1};

// kY turned by `degrees` towards +z, about x.
Vec3 tiltedY(double degrees)
{
    const double a = degrees * std::numbers::pi / 180.0;
    return {0, std::cos(a), std::sin(a)};
}

bool sameLine(const QLineF& a, const QLineF& b, double tolerance)
{
    const auto near = [tolerance](QPointF p, QPointF q) {
        return std::abs(p.x() - q.x()) <= tolerance && std::abs(p.y() - q.y()) <= tolerance;
    };
    return (near(a.p1(), b.p1()) && near(a.p2(), b.p2())) ||
           (near(a.p1(), b.p2()) && near(a.p2(), b.p1()));
}

QString text(const QLineF& l)
{
    return QStringLiteral("(%1, %2)-(%3, %4)")
        .arg(l.x1(), 0, 'g', 12)
        .arg(l.y1(), 0, 'g', 12)
        .arg(l.x2(), 0, 'g', 12)
        .arg(l.y2(), 0, 'g', 12);
}

} // namespace

class TestSynchronization : public QObject
{
    Q_OBJECT

private slots:
    void matchFrame_sourceAndTarget_pickByPositionOrIndex_data();
    void matchFrame_sourceAndTarget_pickByPositionOrIndex();
    void matchFrame_emptyTarget_givesIndexZero();
    void referenceLine_crossingPlanes_giveKnownLine_data();
    void referenceLine_crossingPlanes_giveKnownLine();
    void referenceLine_parallelOrMissingPlanes_giveNothing_data();
    void referenceLine_parallelOrMissingPlanes_giveNothing();
};

void TestSynchronization::matchFrame_sourceAndTarget_pickByPositionOrIndex_data()
{
    QTest::addColumn<QString>("targetReference");
    QTest::addColumn<QList<double>>("targetOffsets");
    QTest::addColumn<double>("targetTiltDegrees"); // of the target's column direction
    QTest::addColumn<bool>("targetSpatial");
    QTest::addColumn<int>("sourceIndex");
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("byPosition");
    QTest::addColumn<bool>("within");

    // The source: axial frames at z = 0, 5, ..., 50 in frame of reference "1.2.3".
    // Target at z = 2, 6, 10, 14...: source 3 (z 15) is nearest to 14 (index 3).
    QTest::newRow("same reference, parallel")
        << "1.2.3" << steps(2, 4, 12) << 0.0 << true << 3 << 3 << true << true;
    // Source 10 (z 50) against z = 2, 6, 10: the nearest end, outside the stack.
    QTest::newRow("beyond the target stack")
        << "1.2.3" << steps(2, 4, 3) << 0.0 << true << 10 << 2 << true << false;
    // Source 8 (z 40) lies 40 cos(0.5 deg) along the tilted normal: offset 40, index 6.
    QTest::newRow("tilted half a degree still parallel")
        << "1.2.3" << steps(-20, 10, 8) << 0.5 << true << 8 << 6 << true << true;
    QTest::newRow("other reference: by index")
        << "9.9.9" << steps(2, 4, 12) << 0.0 << true << 3 << 3 << false << false;
    QTest::newRow("other reference: index clamped")
        << "9.9.9" << steps(2, 4, 5) << 0.0 << true << 9 << 4 << false << false;
    QTest::newRow("empty reference: by index")
        << "" << steps(100, 1, 12) << 0.0 << true << 7 << 7 << false << false;
    QTest::newRow("not parallel: by index")
        << "1.2.3" << steps(2, 4, 12) << 30.0 << true << 1 << 1 << false << false;
    QTest::newRow("target not spatial: by index")
        << "1.2.3" << steps(0, 0, 6) << 0.0 << false << 4 << 4 << false << false;
}

void TestSynchronization::matchFrame_sourceAndTarget_pickByPositionOrIndex()
{
    QFETCH(QString, targetReference);
    QFETCH(QList<double>, targetOffsets);
    QFETCH(double, targetTiltDegrees);
    QFETCH(bool, targetSpatial);
    QFETCH(int, sourceIndex);

    const DisplaySet source = makeStack(QStringLiteral("1.2.3"), kX, kY, steps(0, 5, 11));
    const DisplaySet target =
        makeStack(targetReference, kX, tiltedY(targetTiltDegrees), targetOffsets, targetSpatial);
    const FrameMatch match = matchFrame(source, sourceIndex, target);
    QTEST(match.index, "index");
    QTEST(match.byPosition, "byPosition");
    QTEST(match.withinHalfSpacing, "within");
}

void TestSynchronization::matchFrame_emptyTarget_givesIndexZero()
{
    const DisplaySet source = makeStack(QStringLiteral("1.2.3"), kX, kY, steps(0, 5, 11));
    const FrameMatch match = matchFrame(source, 5, DisplaySet{});
    QCOMPARE(match.index, 0);
    QVERIFY(!match.byPosition);
}

void TestSynchronization::referenceLine_crossingPlanes_giveKnownLine_data()
{
    QTest::addColumn<ImagePlane>("shown");
    QTest::addColumn<QSize>("shownSize");
    QTest::addColumn<ImagePlane>("other");
    QTest::addColumn<QLineF>("line");

    // Axial 64x64 at 5 mm from (-160, -160, 0): image y is (patient y + 160) / 5 + 0.5.
    const ImagePlane axial = makePlane({-160, -160, 0}, kX, kY, 5, 5);
    // A coronal plane at y = -60: image y = 100 / 5 + 0.5 = 20.5, across the whole width.
    const ImagePlane coronal = makePlane({-160, -60, 160}, kX, kMinusZ, 5, 7.5);
    QTest::newRow("axial shows coronal")
        << axial << QSize(64, 64) << coronal << QLineF(0, 20.5, 64, 20.5);
    // A sagittal plane at x = -25: image x = 135 / 5 + 0.5 = 27.5, full height.
    const ImagePlane sagittal = makePlane({-25, -160, 160}, kY, kMinusZ, 5, 7.5);
    QTest::newRow("axial shows sagittal")
        << axial << QSize(64, 64) << sagittal << QLineF(27.5, 0, 27.5, 64);
    // The coronal image (64x40, rows 7.5 mm down from z 160) cut by the axial plane z = 90:
    // y = 70 / 7.5 + 0.5.
    const ImagePlane axialAt90 = makePlane({-160, -160, 90}, kX, kY, 5, 5);
    QTest::newRow("coronal shows axial")
        << coronal << QSize(64, 40) << axialAt90 << QLineF(0, 70 / 7.5 + 0.5, 64, 70 / 7.5 + 0.5);
    // 10x10 at 1 mm from the origin: image (x, y) is patient (x - 0.5, y - 0.5, 0). The plane
    // x + y = 9 through (4.5, 4.5, 0) gives x + y = 10: the anti-diagonal, corner to corner.
    const double h = std::sqrt(0.5);
    const ImagePlane small = makePlane({0, 0, 0}, kX, kY, 1, 1);
    const ImagePlane diagonal = makePlane({4.5, 4.5, 0}, {0, 0, 1}, {h, -h, 0}, 1, 1);
    QTest::newRow("oblique through two corners")
        << small << QSize(10, 10) << diagonal << QLineF(0, 10, 10, 0);
    // The same plane moved to x + y = 5 (through (2.5, 2.5, 0)): x + y = 6.
    const ImagePlane nearer = makePlane({2.5, 2.5, 0}, {0, 0, 1}, {h, -h, 0}, 1, 1);
    QTest::newRow("oblique across a corner")
        << small << QSize(10, 10) << nearer << QLineF(0, 6, 6, 0);
}

void TestSynchronization::referenceLine_crossingPlanes_giveKnownLine()
{
    QFETCH(ImagePlane, shown);
    QFETCH(QSize, shownSize);
    QFETCH(ImagePlane, other);
    QFETCH(QLineF, line);

    const auto result = referenceLine(shown, shownSize, other, QSize(64, 40));
    QVERIFY(result.has_value());
    QVERIFY2(sameLine(*result, line, 1e-9), qPrintable(text(*result) + " != " + text(line)));
}

void TestSynchronization::referenceLine_parallelOrMissingPlanes_giveNothing_data()
{
    QTest::addColumn<ImagePlane>("other");

    QTest::newRow("parallel") << makePlane({0, 0, 10}, kX, kY, 1, 1);
    QTest::newRow("parallel, opposite normal") << makePlane({0, 0, 10}, kY, kX, 1, 1);
    QTest::newRow("within one degree") << makePlane({0, 0, 10}, kX, tiltedY(0.8), 1, 1);
    // Coronal at y = 500: misses the 64 x 64 mm image.
    QTest::newRow("crossing outside the image") << makePlane({0, 500, 0}, kX, kMinusZ, 1, 1);
    ImagePlane unpositioned = makePlane({0, 20, 0}, kX, kMinusZ, 1, 1);
    unpositioned.hasPosition = false;
    QTest::newRow("no position") << unpositioned;
}

void TestSynchronization::referenceLine_parallelOrMissingPlanes_giveNothing()
{
    QFETCH(ImagePlane, other);
    const ImagePlane shown = makePlane({0, 0, 0}, kX, kY, 1, 1);
    QVERIFY(!referenceLine(shown, QSize(64, 64), other, QSize(64, 64)).has_value());
}

QTEST_GUILESS_MAIN(TestSynchronization)
#include "tst_synchronization.moc"
