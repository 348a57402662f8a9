// Orientation letters and the screen markers of axial, coronal, sagittal and oblique planes,
// through every rotation and flip. The expected markers after view operations are found by
// permuting the unrotated markers as the screen moves, independently of the view's matrices.

#include "view/orientation.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::Vec3)
Q_DECLARE_METATYPE(fenestra::viewer::ImagePlane)

namespace {

ImagePlane makePlane(Vec3 row, Vec3 column, double columnSpacing = 1.0, double rowSpacing = 1.0)
{
    ImagePlane plane;
    plane.rowDirection = row.normalized();
    plane.columnDirection = column.normalized();
    plane.columnSpacing = columnSpacing;
    plane.rowSpacing = rowSpacing;
    plane.hasOrientation = true;
    plane.hasPosition = true;
    plane.spacingSource = SpacingSource::PixelSpacing;
    return plane;
}

ImagePlane axial()
{
    return makePlane({1, 0, 0}, {0, 1, 0});
}
ImagePlane coronal()
{
    return makePlane({1, 0, 0}, {0, 0, -1});
}
ImagePlane sagittal()
{
    return makePlane({0, 1, 0}, {0, 0, -1});
}
// Rotated 30 degrees about the feet-head axis from coronal, with non-square pixels.
ImagePlane obliqueCoronal()
{
    const double c = std::cos(std::numbers::pi / 6.0);
    const double s = std::sin(std::numbers::pi / 6.0);
    return makePlane({c, s, 0}, {0, 0, -1}, 0.6, 1.4);
}

// The markers after a screen operation, by moving the labels with the screen.
OrientationMarkers moved(OrientationMarkers m, const QString& op)
{
    if (op == QLatin1String("cw")) // what was on top goes right
        return {m.bottom, m.top, m.left, m.right};
    if (op == QLatin1String("ccw"))
        return {m.top, m.bottom, m.right, m.left};
    if (op == QLatin1String("h"))
        return {m.right, m.left, m.top, m.bottom};
    if (op == QLatin1String("v"))
        return {m.left, m.right, m.bottom, m.top};
    qFatal("unknown operation");
}

QString text(const OrientationMarkers& m)
{
    return QStringLiteral("left %1 right %2 top %3 bottom %4")
        .arg(m.left, m.right, m.top, m.bottom);
}

ViewTransform fittedView()
{
    ViewTransform view;
    view.setImage({64, 40}, 0.6, 1.4);
    view.setViewport({500, 400});
    view.fit();
    return view;
}

} // namespace

class TestOrientation : public QObject
{
    Q_OBJECT

private slots:
    void orientationLabel_direction_givesStrongestLettersFirst_data();
    void orientationLabel_direction_givesStrongestLettersFirst();
    void markers_unrotatedView_matchRadiologicalConvention_data();
    void markers_unrotatedView_matchRadiologicalConvention();
    void markers_afterRotationsAndFlips_followTheScreen_data();
    void markers_afterRotationsAndFlips_followTheScreen();
    void markers_planeWithoutOrientation_areEmpty();
};

void TestOrientation::orientationLabel_direction_givesStrongestLettersFirst_data()
{
    QTest::addColumn<Vec3>("direction");
    QTest::addColumn<QString>("label");

    QTest::newRow("+x") << Vec3{1, 0, 0} << "L";
    QTest::newRow("-x") << Vec3{-1, 0, 0} << "R";
    QTest::newRow("+y") << Vec3{0, 1, 0} << "P";
    QTest::newRow("-y") << Vec3{0, -1, 0} << "A";
    QTest::newRow("+z") << Vec3{0, 0, 1} << "H";
    QTest::newRow("-z") << Vec3{0, 0, -1} << "F";
    QTest::newRow("slightly tilted") << Vec3{0.98, 0, -0.17} << "L";
    QTest::newRow("diagonal") << Vec3{0.7, 0.7, 0} << "LP";
    QTest::newRow("diagonal, anterior") << Vec3{0.7, -0.7, 0} << "LA";
    QTest::newRow("not normalised") << Vec3{0, -3, 4} << "HA";
    // (0.2, 0.9, 0.3)/0.97: 0.206 is below 0.25.
    QTest::newRow("small component omitted") << Vec3{0.2, 0.9, 0.3} << "PH";
    // (0.6, -0.5, 0.62)/0.997: 0.622 H, 0.602 L, 0.501 A.
    QTest::newRow("three letters") << Vec3{0.6, -0.5, 0.62} << "HLA";
    QTest::newRow("zero") << Vec3{0, 0, 0} << "";
}

void TestOrientation::orientationLabel_direction_givesStrongestLettersFirst()
{
    QFETCH(Vec3, direction);
    QFETCH(QString, label);
    QCOMPARE(orientationLabel(direction), label);
}

void TestOrientation::markers_unrotatedView_matchRadiologicalConvention_data()
{
    QTest::addColumn<ImagePlane>("plane");
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("top");
    QTest::addColumn<QString>("bottom");

    QTest::newRow("axial") << axial() << "R"
                           << "L"
                           << "A"
                           << "P";
    QTest::newRow("coronal") << coronal() << "R"
                             << "L"
                             << "H"
                             << "F";
    QTest::newRow("sagittal") << sagittal() << "A"
                              << "P"
                              << "H"
                              << "F";
    // Row (0.87, 0.5, 0): mostly left, partly posterior.
    QTest::newRow("oblique coronal") << obliqueCoronal() << "RA"
                                     << "LP"
                                     << "H"
                                     << "F";
    // Row (0.6, 0.8, 0), column (0, 0.6, -0.8): columns mostly posterior, rows mostly feet.
    QTest::newRow("double oblique") << makePlane({0.6, 0.8, 0}, {0, 0.6, -0.8}) << "AR"
                                    << "PL"
                                    << "HA"
                                    << "FP";
}

void TestOrientation::markers_unrotatedView_matchRadiologicalConvention()
{
    QFETCH(ImagePlane, plane);
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QString, top);
    QFETCH(QString, bottom);

    const OrientationMarkers markers = orientationMarkers(plane, fittedView());
    QCOMPARE(markers.left, left);
    QCOMPARE(markers.right, right);
    QCOMPARE(markers.top, top);
    QCOMPARE(markers.bottom, bottom);
}

void TestOrientation::markers_afterRotationsAndFlips_followTheScreen_data()
{
    QTest::addColumn<ImagePlane>("plane");
    QTest::addColumn<QStringList>("operations");

    const QList<std::pair<const char*, ImagePlane>> planes{{"axial", axial()},
                                                           {"coronal", coronal()},
                                                           {"sagittal", sagittal()},
                                                           {"oblique", obliqueCoronal()}};
    // The eight distinct orientations, reached by rotations and either flip.
    const QList<QStringList> sequences{{},
                                       {"cw"},
                                       {"cw", "cw"},
                                       {"ccw"},
                                       {"h"},
                                       {"h", "cw"},
                                       {"cw", "h"},
                                       {"v"},
                                       {"v", "ccw", "ccw", "ccw"},
                                       {"h", "v", "cw"}};
    for (const auto& [name, plane] : planes) {
        for (const QStringList& sequence : sequences) {
            const QString row = QStringLiteral("%1: %2").arg(
                QLatin1String(name),
                sequence.isEmpty() ? QStringLiteral("none") : sequence.join(QLatin1Char(' ')));
            QTest::newRow(qPrintable(row)) << plane << sequence;
        }
    }
}

void TestOrientation::markers_afterRotationsAndFlips_followTheScreen()
{
    QFETCH(ImagePlane, plane);
    QFETCH(QStringList, operations);

    ViewTransform view = fittedView();
    OrientationMarkers expected = orientationMarkers(plane, view);
    for (const QString& op : operations) {
        if (op == QLatin1String("cw"))
            view.rotate90(true);
        else if (op == QLatin1String("ccw"))
            view.rotate90(false);
        else if (op == QLatin1String("h"))
            view.flipHorizontal();
        else
            view.flipVertical();
        expected = moved(expected, op);
    }
    const OrientationMarkers actual = orientationMarkers(plane, view);
    QVERIFY2(actual == expected, qPrintable(text(actual) + " != " + text(expected)));
}

void TestOrientation::markers_planeWithoutOrientation_areEmpty()
{
    ImagePlane plane = axial();
    plane.hasOrientation = false;
    QCOMPARE(orientationMarkers(plane, fittedView()), OrientationMarkers{});
}

QTEST_GUILESS_MAIN(TestOrientation)
#include "tst_orientation.moc"
