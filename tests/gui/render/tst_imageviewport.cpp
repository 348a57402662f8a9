// ImageViewport renders through VTK into a QOpenGLWidget: the pixels read back from the widget's
// framebuffer are the image's own values, where the transform puts them, at any device pixel
// ratio (this binary also runs with QT_SCALE_FACTOR=2).

#include "render/imageviewport.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTest>

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include <cmath>
#include <set>

using fenestra::viewer::ImageViewport;
using fenestra::viewer::VtkViewport;

class TestImageViewport : public QObject
{
    Q_OBJECT
private slots:
    void renderer_createdThroughTheLibrary_isTheOpenGL2One();
    void devicePixelRatio_followsTheScaleFactor();
    void renderWindowRender_calledOutsidePaint_showsItsFrame();
    void renderToImage_showsEachPixelWhereTheTransformPutsIt_data();
    void renderToImage_showsEachPixelWhereTheTransformPutsIt();
    void linearInterpolation_insideUniformAreas_keepsExactGreys();
    void nearestInterpolation_onCheckerboardZoomed8x_showsOnlyTheTwoGreys();
    void linearInterpolation_onCheckerboardZoomed8x_showsIntermediateGreys();
    void setImage_again_showsTheNewPixels();
    void setImage_withNullImage_showsOnlyTheBackground();
    void overlay_isDrawnOnTopOnlyWhenAsked();
    void threeViewports_inOneWindow_eachShowTheirOwnImage();
    void viewport_movedToAnotherWindow_rendersAgain();
};

namespace {

const QColor background(0, 0, 64); // a colour none of the test images contains

// 16 x 12, a different range of greys per quadrant, a distinct value per pixel within a
// quadrant (steps of 3 and 6, above the tolerance) and a white top-left corner pixel.
int greyAt(int c, int r)
{
    if (c == 0 && r == 0)
        return 255;
    const int base = (c < 8 ? 10 : 70) + (r < 6 ? 0 : 120);
    return base + (c % 8) * 3 + (r % 6) * 6;
}

QImage testImage(QImage::Format format)
{
    QImage grey(16, 12, QImage::Format_Grayscale8);
    QImage colour(16, 12, QImage::Format_RGB888);
    for (int r = 0; r < 12; ++r) {
        for (int c = 0; c < 16; ++c) {
            const int v = greyAt(c, r);
            grey.setPixel(c, r, qRgb(v, v, v));
            colour.setPixel(c, r, qRgb(v, 255 - v, (c * 15 + r * 20) % 256));
        }
    }
    if (format == QImage::Format_Grayscale8)
        return grey;
    return colour.convertToFormat(format);
}

QImage uniformImage(QSize size, int grey)
{
    QImage image(size, QImage::Format_Grayscale8);
    image.fill(qRgb(grey, grey, grey));
    return image;
}

QImage checkerboard(int grey1, int grey2)
{
    QImage image(8, 8, QImage::Format_Grayscale8);
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 8; ++c) {
            const int v = (r + c) % 2 == 0 ? grey1 : grey2;
            image.setPixel(c, r, qRgb(v, v, v));
        }
    return image;
}

bool sameColour(QRgb a, QRgb b, int tolerance = 1)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance &&
           std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

QString describe(QRgb c)
{
    return QStringLiteral("(%1,%2,%3)").arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

// The device pixel under a point in widget (logical) coordinates.
QPoint devicePixel(QPointF widget, qreal ratio)
{
    return QPoint(static_cast<int>(std::floor(widget.x() * ratio)),
                  static_cast<int>(std::floor(widget.y() * ratio)));
}

// Shows the viewport in its own window and renders once.
bool showAndWait(QWidget& window)
{
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

// Checks the rendered size against widget size * devicePixelRatio.
bool hasDeviceSize(const QImage& shot, const QWidget& widget)
{
    const qreal ratio = widget.devicePixelRatioF();
    return shot.width() == std::lround(widget.width() * ratio) &&
           shot.height() == std::lround(widget.height() * ratio);
}

} // namespace

void TestImageViewport::renderer_createdThroughTheLibrary_isTheOpenGL2One()
{
    ImageViewport viewport;
    QVERIFY(viewport.renderer() != nullptr);
    QVERIFY2(viewport.renderer()->IsA("vtkOpenGLRenderer"), viewport.renderer()->GetClassName());
    // The factory overrides are registered for the whole process, not just inside the library.
    const auto standalone = vtkSmartPointer<vtkRenderer>::New();
    QVERIFY2(standalone->IsA("vtkOpenGLRenderer"), standalone->GetClassName());
    QVERIFY(viewport.renderWindow()->HasRenderer(viewport.renderer()));
}

void TestImageViewport::devicePixelRatio_followsTheScaleFactor()
{
    ImageViewport viewport;
    viewport.resize(100, 80);
    QVERIFY(showAndWait(viewport));
    const double expected = qEnvironmentVariableIsSet("QT_SCALE_FACTOR")
                                ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble()
                                : 1.0;
    QCOMPARE(viewport.devicePixelRatioF(), expected);
    const QImage shot = viewport.renderToImage(false);
    QCOMPARE(shot.size(), QSize(100, 80) * expected);
}

void TestImageViewport::renderWindowRender_calledOutsidePaint_showsItsFrame()
{
    VtkViewport viewport;
    viewport.resize(60, 40);
    QVERIFY(showAndWait(viewport));
    QVERIFY(sameColour(viewport.grabFramebuffer().pixel(10, 10), qRgb(0, 0, 0)));

    // VTK-side code may render by itself (3D views): the widget shows that frame.
    viewport.renderer()->SetBackground(0.2, 0.4, 0.6);
    viewport.renderWindow()->Render();
    const QImage shot = viewport.grabFramebuffer();
    QVERIFY2(sameColour(shot.pixel(10, 10), qRgb(51, 102, 153)),
             qPrintable(describe(shot.pixel(10, 10))));
}

void TestImageViewport::renderToImage_showsEachPixelWhereTheTransformPutsIt_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QTransform>("transform");

    const int grey = QImage::Format_Grayscale8;
    const QTransform zoom4(4, 0, 0, 4, 30, 20);
    const QTransform rotate90 = QTransform().translate(150, 10).rotate(90).scale(4, 4);
    const QTransform flipH(-4, 0, 0, 4, 200, 20);
    const QTransform flipVAnisotropic(3, 0, 0, -5, 20, 170);
    const QTransform rotate270Flipped =
        QTransform().translate(40.5, 20.25).rotate(-90).scale(-4, 4);
    const QTransform fractional(2.5, 0, 0, 2.5, 10.3, 7.7);

    QTest::newRow("grey, zoom 4 and pan") << grey << zoom4;
    QTest::newRow("grey, rotated 90 degrees") << grey << rotate90;
    QTest::newRow("grey, flipped horizontally") << grey << flipH;
    QTest::newRow("grey, flipped vertically, 3x5 pixels") << grey << flipVAnisotropic;
    QTest::newRow("grey, rotated 270 and flipped, fractional pan") << grey << rotate270Flipped;
    QTest::newRow("grey, zoom 2.5, fractional pan") << grey << fractional;
    QTest::newRow("RGB888, rotated 90 degrees") << int(QImage::Format_RGB888) << rotate90;
    QTest::newRow("RGB888, rotated 270 and flipped")
        << int(QImage::Format_RGB888) << rotate270Flipped;
    QTest::newRow("RGB32, flipped horizontally") << int(QImage::Format_RGB32) << flipH;
    QTest::newRow("ARGB32, zoom 2.5") << int(QImage::Format_ARGB32) << fractional;
}

void TestImageViewport::renderToImage_showsEachPixelWhereTheTransformPutsIt()
{
    QFETCH(int, format);
    QFETCH(QTransform, transform);

    const QImage image = testImage(static_cast<QImage::Format>(format));
    ImageViewport viewport;
    viewport.resize(240, 180);
    viewport.setBackground(background);
    viewport.setInterpolation(false);
    viewport.setImage(image);
    viewport.setImageTransform(transform);
    QVERIFY(showAndWait(viewport));

    const QImage shot = viewport.renderToImage(false);
    QVERIFY(hasDeviceSize(shot, viewport));
    const qreal ratio = viewport.devicePixelRatioF();
    for (int r = 0; r < image.height(); ++r) {
        for (int c = 0; c < image.width(); ++c) {
            const QPoint at = devicePixel(transform.map(QPointF(c + 0.5, r + 0.5)), ratio);
            QVERIFY2(shot.rect().contains(at), "the test transform puts a pixel off screen");
            const QRgb expected = image.pixel(c, r);
            const QRgb shown = shot.pixel(at);
            QVERIFY2(sameColour(shown, expected),
                     qPrintable(QStringLiteral("image pixel (%1,%2) at device (%3,%4): shown %5, "
                                               "expected %6")
                                    .arg(c)
                                    .arg(r)
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(describe(shown), describe(expected))));
        }
    }
    // Outside the image: the background.
    const QPointF outside = transform.map(QPointF(-1.0, -1.0));
    QVERIFY(sameColour(shot.pixel(devicePixel(outside, ratio)), background.rgb()));
}

void TestImageViewport::linearInterpolation_insideUniformAreas_keepsExactGreys()
{
    QImage image(16, 12, QImage::Format_Grayscale8);
    const int greys[2][2] = {{40, 90}, {160, 220}};
    for (int r = 0; r < 12; ++r)
        for (int c = 0; c < 16; ++c) {
            const int v = greys[r / 6][c / 8];
            image.setPixel(c, r, qRgb(v, v, v));
        }
    ImageViewport viewport;
    viewport.resize(160, 120);
    viewport.setImage(image);
    const QTransform transform(6, 0, 0, 6, 20, 15);
    viewport.setImageTransform(transform);
    QVERIFY(showAndWait(viewport));

    const QImage shot = viewport.renderToImage(false);
    const qreal ratio = viewport.devicePixelRatioF();
    for (int qr = 0; qr < 2; ++qr)
        for (int qc = 0; qc < 2; ++qc) {
            // A point two pixels inside the quadrant: the texture filter only sees one grey.
            const QPointF centre(qc * 8 + 4.0, qr * 6 + 3.0);
            const QRgb shown = shot.pixel(devicePixel(transform.map(centre), ratio));
            const int v = greys[qr][qc];
            QVERIFY2(sameColour(shown, qRgb(v, v, v)), qPrintable(describe(shown)));
        }
}

void TestImageViewport::nearestInterpolation_onCheckerboardZoomed8x_showsOnlyTheTwoGreys()
{
    ImageViewport viewport;
    viewport.resize(100, 100);
    viewport.setInterpolation(false);
    viewport.setImage(checkerboard(50, 200));
    viewport.setImageTransform(QTransform(8, 0, 0, 8, 16, 16));
    QVERIFY(showAndWait(viewport));

    const QImage shot = viewport.renderToImage(false);
    const qreal ratio = viewport.devicePixelRatioF();
    const QRect area(devicePixel(QPointF(16, 16), ratio), devicePixel(QPointF(80, 80), ratio));
    int fifty = 0;
    int twoHundred = 0;
    for (int y = area.top(); y < area.bottom(); ++y)
        for (int x = area.left(); x < area.right(); ++x) {
            const QRgb shown = shot.pixel(x, y);
            if (sameColour(shown, qRgb(50, 50, 50)))
                ++fifty;
            else if (sameColour(shown, qRgb(200, 200, 200)))
                ++twoHundred;
            else
                QFAIL(
                    qPrintable(QStringLiteral("(%1,%2) is %3").arg(x).arg(y).arg(describe(shown))));
        }
    QCOMPARE(fifty, twoHundred); // half each: the squares are all there
}

void TestImageViewport::linearInterpolation_onCheckerboardZoomed8x_showsIntermediateGreys()
{
    ImageViewport viewport;
    viewport.resize(100, 100);
    viewport.setInterpolation(true);
    viewport.setImage(checkerboard(50, 200));
    viewport.setImageTransform(QTransform(8, 0, 0, 8, 16, 16));
    QVERIFY(showAndWait(viewport));

    const QImage shot = viewport.renderToImage(false);
    const qreal ratio = viewport.devicePixelRatioF();
    std::set<int> between;
    for (int y = static_cast<int>(20 * ratio); y < 76 * ratio; ++y)
        for (int x = static_cast<int>(20 * ratio); x < 76 * ratio; ++x) {
            const int v = qRed(shot.pixel(x, y));
            if (v > 60 && v < 190)
                between.insert(v);
        }
    QVERIFY2(between.size() >= 10, "linear interpolation shows no ramps between the squares");
}

void TestImageViewport::setImage_again_showsTheNewPixels()
{
    ImageViewport viewport;
    viewport.resize(80, 60);
    viewport.setImageTransform(QTransform(4, 0, 0, 4, 0, 0));
    viewport.setImage(uniformImage(QSize(20, 15), 30));
    QVERIFY(showAndWait(viewport));
    // Inside all three images below.
    const QPoint centre = devicePixel(QPointF(20, 20), viewport.devicePixelRatioF());
    QVERIFY(sameColour(viewport.renderToImage(false).pixel(centre), qRgb(30, 30, 30)));

    // Same size and layout: the buffer is reused, the new pixels must still reach the screen.
    viewport.setImage(uniformImage(QSize(20, 15), 170));
    QVERIFY(sameColour(viewport.renderToImage(false).pixel(centre), qRgb(170, 170, 170)));
    // Another size and another layout.
    QImage colour(10, 10, QImage::Format_RGB888);
    colour.fill(qRgb(10, 220, 120));
    viewport.setImage(colour);
    QVERIFY(sameColour(viewport.renderToImage(false).pixel(centre), qRgb(10, 220, 120)));
}

void TestImageViewport::setImage_withNullImage_showsOnlyTheBackground()
{
    ImageViewport viewport;
    viewport.resize(80, 60);
    viewport.setBackground(background);
    viewport.setImageTransform(QTransform(4, 0, 0, 4, 0, 0));
    viewport.setImage(uniformImage(QSize(20, 15), 120));
    QVERIFY(showAndWait(viewport));
    const QPoint centre = devicePixel(QPointF(40, 30), viewport.devicePixelRatioF());
    QVERIFY(sameColour(viewport.renderToImage(false).pixel(centre), qRgb(120, 120, 120)));

    viewport.setImage(QImage());
    QVERIFY(sameColour(viewport.renderToImage(false).pixel(centre), background.rgb()));
}

void TestImageViewport::overlay_isDrawnOnTopOnlyWhenAsked()
{
    ImageViewport viewport;
    viewport.resize(120, 90);
    viewport.setImage(uniformImage(QSize(30, 30), 100));
    viewport.setImageTransform(QTransform(4, 0, 0, 4, 0, 0));
    viewport.setOverlayPainter(
        [](QPainter& painter) { painter.fillRect(QRectF(20, 20, 30, 10), QColor(255, 0, 0)); });
    QVERIFY(showAndWait(viewport));
    const qreal ratio = viewport.devicePixelRatioF();
    const QPoint inside = devicePixel(QPointF(48.5, 21.5), ratio);
    const QPoint below = devicePixel(QPointF(35.5, 30.5), ratio);

    const QImage with = viewport.renderToImage(true);
    QVERIFY(hasDeviceSize(with, viewport));
    QVERIFY2(sameColour(with.pixel(inside), qRgb(255, 0, 0)),
             qPrintable(describe(with.pixel(inside))));
    QVERIFY(sameColour(with.pixel(below), qRgb(100, 100, 100)));

    const QImage without = viewport.renderToImage(false);
    QVERIFY2(sameColour(without.pixel(inside), qRgb(100, 100, 100)),
             qPrintable(describe(without.pixel(inside))));
}

void TestImageViewport::threeViewports_inOneWindow_eachShowTheirOwnImage()
{
    QWidget window;
    auto* layout = new QHBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    const int greys[3] = {60, 120, 180};
    const QSize sizes[3] = {QSize(10, 10), QSize(20, 5), QSize(7, 13)};
    ImageViewport* viewports[3];
    for (int i = 0; i < 3; ++i) {
        viewports[i] = new ImageViewport(&window);
        viewports[i]->setFixedSize(120, 100);
        viewports[i]->setBackground(background);
        viewports[i]->setImage(uniformImage(sizes[i], greys[i]));
        // The image centred in its viewport, 5 widget pixels per image pixel.
        viewports[i]->setImageTransform(
            QTransform(5, 0, 0, 5, 60 - sizes[i].width() * 2.5, 50 - sizes[i].height() * 2.5));
        layout->addWidget(viewports[i]);
    }
    QVERIFY(showAndWait(window));

    for (int i = 0; i < 3; ++i) {
        const QImage shot = viewports[i]->renderToImage(false);
        QVERIFY(hasDeviceSize(shot, *viewports[i]));
        const QPoint centre = devicePixel(QPointF(60, 50), viewports[i]->devicePixelRatioF());
        const QPoint corner = devicePixel(QPointF(2, 2), viewports[i]->devicePixelRatioF());
        QVERIFY2(sameColour(shot.pixel(centre), qRgb(greys[i], greys[i], greys[i])),
                 qPrintable(describe(shot.pixel(centre))));
        QVERIFY(sameColour(shot.pixel(corner), background.rgb()));
    }

    // What the X server shows: the window's composition of the three framebuffers.
    QScreen* screen = window.screen();
    const auto screenShows = [&](int i) {
        const QPoint centre = viewports[i]->mapTo(&window, QPoint(60, 50));
        const QPixmap shot = screen->grabWindow(window.winId(), centre.x(), centre.y(), 1, 1);
        const QRgb shown = shot.toImage().pixel(0, 0);
        return sameColour(shown, qRgb(greys[i], greys[i], greys[i]));
    };
    for (int i = 0; i < 3; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(screenShows(i), 5000);
}

void TestImageViewport::viewport_movedToAnotherWindow_rendersAgain()
{
    QWidget first;
    first.resize(120, 100);
    auto* viewport = new ImageViewport(&first);
    viewport->setGeometry(0, 0, 120, 100);
    viewport->setImageTransform(QTransform(4, 0, 0, 4, 0, 0));
    viewport->setImage(uniformImage(QSize(30, 25), 77));
    QVERIFY(showAndWait(first));
    const QPoint centre = devicePixel(QPointF(60, 50), viewport->devicePixelRatioF());
    QVERIFY(sameColour(viewport->renderToImage(false).pixel(centre), qRgb(77, 77, 77)));

    // A new top-level window gives the widget a new OpenGL context: VTK's resources are
    // released with the old one and created again in the new one.
    QWidget second;
    second.resize(120, 100);
    viewport->setParent(&second);
    viewport->show();
    QVERIFY(showAndWait(second));
    viewport->setImage(uniformImage(QSize(30, 25), 201));
    const QImage shot = viewport->renderToImage(false);
    QVERIFY2(sameColour(shot.pixel(centre), qRgb(201, 201, 201)),
             qPrintable(describe(shot.pixel(centre))));
}

int main(int argc, char** argv)
{
    // Debian's VTK resolves OpenGL through GLEW built for GLX: keep Qt on GLX, not EGL.
    if (!qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION"))
        qputenv("QT_XCB_GL_INTEGRATION", "xcb_glx");
    QSurfaceFormat::setDefaultFormat(VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestImageViewport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_imageviewport.moc"
