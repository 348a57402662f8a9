// ViewTransform: image <-> widget mapping, fit, zoom about an anchor, pan, and rotations and
// flips checked against screen-space operations computed independently of the class.

#include "view/viewtransform.h"

#include <QTest>

#include <cmath>

using namespace fenestra::viewer;

namespace {

// A sequence of view operations: "cw", "ccw", "h" (flip horizontal), "v" (flip vertical).
void applyOperations(ViewTransform& view, const QStringList& operations)
{
    for (const QString& op : operations) {
        if (op == QLatin1String("cw"))
            view.rotate90(true);
        else if (op == QLatin1String("ccw"))
            view.rotate90(false);
        else if (op == QLatin1String("h"))
            view.flipHorizontal();
        else if (op == QLatin1String("v"))
            view.flipVertical();
        else
            qFatal("unknown operation");
    }
}

// The same operations done to a point already on screen, about the viewport centre.
QPointF applyOnScreen(QPointF p, QPointF centre, const QStringList& operations)
{
    for (const QString& op : operations) {
        const QPointF d = p - centre;
        if (op == QLatin1String("cw")) // y is down: top (0,-1) goes right (1,0)
            p = centre + QPointF(-d.y(), d.x());
        else if (op == QLatin1String("ccw"))
            p = centre + QPointF(d.y(), -d.x());
        else if (op == QLatin1String("h"))
            p = centre + QPointF(-d.x(), d.y());
        else if (op == QLatin1String("v"))
            p = centre + QPointF(d.x(), -d.y());
    }
    return p;
}

bool near(QPointF a, QPointF b, double tolerance = 1e-9)
{
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}

QString text(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'g', 15).arg(p.y(), 0, 'g', 15);
}

ViewTransform makeView(QSize image, double columnSpacing, double rowSpacing, QSizeF viewport)
{
    ViewTransform view;
    view.setImage(image, columnSpacing, rowSpacing);
    view.setViewport(viewport);
    view.fit();
    return view;
}

const QList<QPointF> kSamplePoints{{0, 0}, {10.5, 3.25}, {63.9, 0.1}, {-5, 70}, {31.7, 47.2}};

} // namespace

class TestViewTransform : public QObject
{
    Q_OBJECT

private slots:
    void toImage_afterAnyOperations_isInverseOfToWidget_data();
    void toImage_afterAnyOperations_isInverseOfToWidget();
    void imageToWidget_agreesWithToWidget();
    void fit_anyRotation_largestZoomThatShowsWholeImageCentred_data();
    void fit_anyRotation_largestZoomThatShowsWholeImageCentred();
    void nonSquarePixels_showTheirTrueAspect();
    void zoomBy_anyOrientation_keepsAnchorFixed_data();
    void zoomBy_anyOrientation_keepsAnchorFixed();
    void setZoom_keepsViewportCentre();
    void panBy_movesEveryPointByTheDelta();
    void rotateAndFlip_anySequence_equalScreenSpaceOperations_data();
    void rotateAndFlip_anySequence_equalScreenSpaceOperations();
    void rotate90Clockwise_topOfImageMovesToRight();
    void fourQuarterTurnsOrTwoFlips_restoreTheView();
    void resetOrientation_returnsToUnrotatedUnflipped();
    void setOneToOne_oneColumnPerDevicePixelCentred();
    void millimetresPerWidgetPixel_matchesScreenDistance_data();
    void millimetresPerWidgetPixel_matchesScreenDistance();
    void state_copiedToAnotherView_givesSameMapping();
    void setImage_unknownSpacing_countsAsOne();
};

void TestViewTransform::toImage_afterAnyOperations_isInverseOfToWidget_data()
{
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<QStringList>("operations");
    QTest::addColumn<double>("zoomFactor");
    QTest::addColumn<QPointF>("pan");

    QTest::newRow("square, fitted") << 1.0 << 1.0 << QStringList{} << 1.0 << QPointF();
    QTest::newRow("non-square, zoomed, panned")
        << 0.3 << 0.7 << QStringList{} << 3.7 << QPointF(12.5, -7.25);
    QTest::newRow("rotated cw") << 0.5 << 0.5 << QStringList{"cw"} << 1.3 << QPointF(5, 5);
    QTest::newRow("rotated ccw, flipped h")
        << 2.0 << 0.5 << QStringList{"ccw", "h"} << 0.2 << QPointF(-40, 3);
    QTest::newRow("flipped v, rotated twice")
        << 0.8 << 1.6 << QStringList{"v", "cw", "cw"} << 11.0 << QPointF(1, 1);
    QTest::newRow("both flips, rotated")
        << 1.0 << 3.0 << QStringList{"h", "v", "cw"} << 0.9 << QPointF(0.5, 0.25);
}

void TestViewTransform::toImage_afterAnyOperations_isInverseOfToWidget()
{
    QFETCH(double, columnSpacing);
    QFETCH(double, rowSpacing);
    QFETCH(QStringList, operations);
    QFETCH(double, zoomFactor);
    QFETCH(QPointF, pan);

    ViewTransform view = makeView({64, 48}, columnSpacing, rowSpacing, {640, 480});
    applyOperations(view, operations);
    view.zoomBy(zoomFactor, {100, 200});
    view.panBy(pan);
    for (const QPointF& p : kSamplePoints) {
        const QPointF back = view.toImage(view.toWidget(p));
        QVERIFY2(near(back, p), qPrintable(text(back) + " != " + text(p)));
        const QPointF widget(p.x() * 7.0, p.y() * 3.0);
        const QPointF again = view.toWidget(view.toImage(widget));
        QVERIFY2(near(again, widget, 1e-8), qPrintable(text(again) + " != " + text(widget)));
    }
}

void TestViewTransform::imageToWidget_agreesWithToWidget()
{
    ViewTransform view = makeView({64, 48}, 0.6, 0.9, {500, 300});
    applyOperations(view, {"cw", "h"});
    view.zoomBy(1.7, {40, 80});
    view.panBy({13, -4});
    const QTransform transform = view.imageToWidget();
    for (const QPointF& p : kSamplePoints)
        QVERIFY2(near(transform.map(p), view.toWidget(p), 1e-9), qPrintable(text(p)));
}

void TestViewTransform::fit_anyRotation_largestZoomThatShowsWholeImageCentred_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<QSizeF>("viewport");
    QTest::addColumn<QStringList>("operations");
    QTest::addColumn<double>("expectedZoom");

    // 200x100 square pixels in 400x300: width limits (400/200) unrotated, height (300/200)
    // rotated.
    QTest::newRow("landscape") << QSize(200, 100) << 1.0 << 1.0 << QSizeF(400, 300) << QStringList{}
                               << 2.0;
    QTest::newRow("landscape rotated")
        << QSize(200, 100) << 1.0 << 1.0 << QSizeF(400, 300) << QStringList{"cw"} << 1.5;
    QTest::newRow("landscape rotated and flipped")
        << QSize(200, 100) << 1.0 << 1.0 << QSizeF(400, 300) << QStringList{"h", "ccw"} << 1.5;
    QTest::newRow("landscape upside down")
        << QSize(200, 100) << 1.0 << 1.0 << QSizeF(400, 300) << QStringList{"cw", "cw"} << 2.0;
    // 100x100 pixels 1 mm wide and 2 mm tall: shown 100 x 200 units per zoom.
    QTest::newRow("tall pixels") << QSize(100, 100) << 1.0 << 2.0 << QSizeF(400, 300)
                                 << QStringList{} << 1.5;
    QTest::newRow("tall pixels rotated")
        << QSize(100, 100) << 1.0 << 2.0 << QSizeF(400, 300) << QStringList{"cw"} << 2.0;
}

void TestViewTransform::fit_anyRotation_largestZoomThatShowsWholeImageCentred()
{
    QFETCH(QSize, image);
    QFETCH(double, columnSpacing);
    QFETCH(double, rowSpacing);
    QFETCH(QSizeF, viewport);
    QFETCH(QStringList, operations);
    QFETCH(double, expectedZoom);

    ViewTransform view = makeView(image, columnSpacing, rowSpacing, viewport);
    view.zoomBy(5.0, {3, 7}); // fit must undo any zoom and pan
    view.panBy({50, 60});
    applyOperations(view, operations);
    view.fit();
    QCOMPARE(view.zoom(), expectedZoom);

    const QRectF shown = view.imageToWidget().mapRect(QRectF(QPointF(0, 0), QSizeF(image)));
    QVERIFY(near(shown.center(), QPointF(viewport.width() / 2, viewport.height() / 2)));
    QVERIFY(shown.width() <= viewport.width() + 1e-9);
    QVERIFY(shown.height() <= viewport.height() + 1e-9);
    // Largest: one side touches the viewport.
    QVERIFY(std::abs(shown.width() - viewport.width()) < 1e-9 ||
            std::abs(shown.height() - viewport.height()) < 1e-9);
}

void TestViewTransform::nonSquarePixels_showTheirTrueAspect()
{
    // Columns 0.5 mm apart, rows 1.5 mm apart: one row step is three column steps on screen.
    ViewTransform view = makeView({40, 40}, 0.5, 1.5, {600, 600});
    const QPointF origin = view.toWidget({10, 10});
    const QPointF right = view.toWidget({11, 10}) - origin;
    const QPointF down = view.toWidget({10, 11}) - origin;
    QCOMPARE(right.y(), 0.0);
    QCOMPARE(down.x(), 0.0);
    QCOMPARE(down.y() / right.x(), 3.0);
    QCOMPARE(right.x(), view.zoom());
}

void TestViewTransform::zoomBy_anyOrientation_keepsAnchorFixed_data()
{
    QTest::addColumn<QStringList>("operations");
    QTest::addColumn<double>("factor");
    QTest::addColumn<QPointF>("anchor");

    QTest::newRow("in at a corner") << QStringList{} << 2.0 << QPointF(10, 20);
    QTest::newRow("out off centre") << QStringList{} << 0.25 << QPointF(500, 90);
    QTest::newRow("rotated") << QStringList{"cw"} << 1.5 << QPointF(123, 321);
    QTest::newRow("flipped and rotated") << QStringList{"h", "ccw"} << 3.0 << QPointF(0, 0);
    QTest::newRow("both flips") << QStringList{"h", "v"} << 1.1 << QPointF(639, 479);
}

void TestViewTransform::zoomBy_anyOrientation_keepsAnchorFixed()
{
    QFETCH(QStringList, operations);
    QFETCH(double, factor);
    QFETCH(QPointF, anchor);

    ViewTransform view = makeView({64, 48}, 0.7, 0.9, {640, 480});
    applyOperations(view, operations);
    const QPointF imagePoint = view.toImage(anchor);
    const double before = view.zoom();
    view.zoomBy(factor, anchor);
    QCOMPARE(view.zoom(), before * factor);
    QVERIFY2(near(view.toWidget(imagePoint), anchor, 1e-9),
             qPrintable(text(view.toWidget(imagePoint))));
}

void TestViewTransform::setZoom_keepsViewportCentre()
{
    ViewTransform view = makeView({64, 48}, 1.0, 1.0, {640, 480});
    view.panBy({30, -20});
    const QPointF atCentre = view.toImage({320, 240});
    view.setZoom(4.0);
    QCOMPARE(view.zoom(), 4.0);
    QVERIFY(near(view.toWidget(atCentre), {320, 240}));
}

void TestViewTransform::panBy_movesEveryPointByTheDelta()
{
    ViewTransform view = makeView({64, 48}, 0.5, 2.0, {640, 480});
    applyOperations(view, {"cw", "v"});
    const QPointF delta(17.5, -42.0);
    for (const QPointF& p : kSamplePoints) {
        ViewTransform moved = view;
        moved.panBy(delta);
        QVERIFY(near(moved.toWidget(p), view.toWidget(p) + delta));
    }
}

void TestViewTransform::rotateAndFlip_anySequence_equalScreenSpaceOperations_data()
{
    QTest::addColumn<QStringList>("operations");

    QTest::newRow("cw") << QStringList{"cw"};
    QTest::newRow("ccw") << QStringList{"ccw"};
    QTest::newRow("cw cw cw") << QStringList{"cw", "cw", "cw"};
    QTest::newRow("h") << QStringList{"h"};
    QTest::newRow("v") << QStringList{"v"};
    QTest::newRow("h cw") << QStringList{"h", "cw"};
    QTest::newRow("cw h") << QStringList{"cw", "h"};
    QTest::newRow("v ccw") << QStringList{"v", "ccw"};
    QTest::newRow("h v cw") << QStringList{"h", "v", "cw"};
    QTest::newRow("cw v ccw h cw") << QStringList{"cw", "v", "ccw", "h", "cw"};
}

void TestViewTransform::rotateAndFlip_anySequence_equalScreenSpaceOperations()
{
    QFETCH(QStringList, operations);

    ViewTransform view = makeView({64, 48}, 0.6, 1.1, {640, 480});
    view.zoomBy(1.8, {100, 50}); // off-centre content, so "about the centre" matters
    const ViewTransform before = view;
    applyOperations(view, operations);
    const QPointF centre(320, 240);
    for (const QPointF& p : kSamplePoints) {
        const QPointF expected = applyOnScreen(before.toWidget(p), centre, operations);
        QVERIFY2(near(view.toWidget(p), expected, 1e-9),
                 qPrintable(text(view.toWidget(p)) + " != " + text(expected)));
    }
}

void TestViewTransform::rotate90Clockwise_topOfImageMovesToRight()
{
    ViewTransform view = makeView({64, 64}, 1.0, 1.0, {400, 400});
    const QPointF topCentre(32, 0);
    QVERIFY(view.toWidget(topCentre).y() < 200);
    view.rotate90(true);
    QCOMPARE(view.quarterTurns(), 1);
    const QPointF shown = view.toWidget(topCentre);
    QVERIFY2(near(shown, {400, 200}), qPrintable(text(shown)));
}

void TestViewTransform::fourQuarterTurnsOrTwoFlips_restoreTheView()
{
    const ViewTransform original = makeView({64, 48}, 0.7, 0.9, {640, 480});
    for (const QStringList& operations :
         {QStringList{"cw", "cw", "cw", "cw"}, QStringList{"h", "h"}, QStringList{"v", "v"},
          QStringList{"h", "cw", "h", "cw"}, QStringList{"h", "v", "cw", "cw"}}) {
        ViewTransform view = original;
        applyOperations(view, operations);
        QCOMPARE(view.imageToWidget(), original.imageToWidget());
    }
}

void TestViewTransform::resetOrientation_returnsToUnrotatedUnflipped()
{
    ViewTransform view = makeView({64, 48}, 1.0, 1.0, {640, 480});
    const QTransform original = view.imageToWidget();
    applyOperations(view, {"cw", "h", "v"});
    QVERIFY(view.isFlippedHorizontally());
    QVERIFY(view.isFlippedVertically());
    view.resetOrientation();
    QCOMPARE(view.quarterTurns(), 0);
    QVERIFY(!view.isFlippedHorizontally());
    QVERIFY(!view.isFlippedVertically());
    QCOMPARE(view.imageToWidget(), original);
}

void TestViewTransform::setOneToOne_oneColumnPerDevicePixelCentred()
{
    ViewTransform view = makeView({64, 48}, 0.5, 0.5, {640, 480});
    view.panBy({100, 100});
    view.setOneToOne(2.0);
    QCOMPARE(view.zoom(), 0.5);
    QVERIFY(near(view.toWidget({32, 24}), {320, 240}));
    QCOMPARE(view.toWidget({33, 24}).x() - view.toWidget({32, 24}).x(), 0.5);
}

void TestViewTransform::millimetresPerWidgetPixel_matchesScreenDistance_data()
{
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<QStringList>("operations");

    QTest::newRow("square") << 0.5 << 0.5 << QStringList{};
    QTest::newRow("non-square") << 0.4 << 1.2 << QStringList{};
    QTest::newRow("non-square rotated") << 0.4 << 1.2 << QStringList{"cw"};
    QTest::newRow("non-square rotated and flipped") << 0.4 << 1.2 << QStringList{"ccw", "v"};
}

void TestViewTransform::millimetresPerWidgetPixel_matchesScreenDistance()
{
    QFETCH(double, columnSpacing);
    QFETCH(double, rowSpacing);
    QFETCH(QStringList, operations);

    ViewTransform view = makeView({64, 48}, columnSpacing, rowSpacing, {640, 480});
    applyOperations(view, operations);
    view.zoomBy(1.37, {0, 0});
    // 100 widget pixels along screen x, measured in millimetres through the image.
    const QPointF a = view.toImage({100, 100});
    const QPointF b = view.toImage({200, 100});
    const double mm = std::hypot((b.x() - a.x()) * columnSpacing, (b.y() - a.y()) * rowSpacing);
    QVERIFY(std::abs(mm - 100.0 * view.millimetresPerWidgetPixel()) < 1e-9);
}

void TestViewTransform::state_copiedToAnotherView_givesSameMapping()
{
    ViewTransform view = makeView({64, 48}, 0.7, 0.9, {640, 480});
    applyOperations(view, {"ccw", "h"});
    view.zoomBy(2.5, {10, 10});
    view.panBy({-33, 12});
    ViewTransform other = makeView({64, 48}, 0.7, 0.9, {640, 480});
    other.setState(view.state());
    QCOMPARE(other.imageToWidget(), view.imageToWidget());
    QCOMPARE(other.quarterTurns(), view.quarterTurns());
    QCOMPARE(other.isFlippedHorizontally(), true);
    QCOMPARE(other.isFlippedVertically(), false);
}

void TestViewTransform::setImage_unknownSpacing_countsAsOne()
{
    const ViewTransform unknown = makeView({64, 48}, 0.0, -2.0, {640, 480});
    const ViewTransform unit = makeView({64, 48}, 1.0, 1.0, {640, 480});
    QCOMPARE(unknown.imageToWidget(), unit.imageToWidget());
    QCOMPARE(unknown.millimetresPerWidgetPixel(), 1.0 / unknown.zoom());
}

QTEST_GUILESS_MAIN(TestViewTransform)
#include "tst_viewtransform.moc"
