// The 3D widgets for real under Xvfb (Mesa llvmpipe): VolumeView over the CT phantom and a
// streamed synthetic volume, cropping, clipping, mouse rotation with interactive quality, and
// the transfer-function editor.

#include "render/volumescene.h"
#include "render/volumeviewport.h"
#include "volumetestdata.h"
#include "widgets/transferfunctioneditor.h"
#include "widgets/volumeview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace fenestra::viewer;
using namespace fenestra::viewer::testdata;

namespace {

bool isBackground(QRgb pixel)
{
    return qRed(pixel) < 8 && qGreen(pixel) < 8 && qBlue(pixel) < 8;
}

int countForeground(const QImage& image, const QRect& area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += isBackground(image.pixel(x, y)) ? 0 : 1;
    return count;
}

// Two renderings of the same data on llvmpipe agree to within this (channel levels).
constexpr int kSameRenderingTolerance = 4;

// The largest difference of any channel of any pixel of `area`.
int maxDifference(const QImage& a, const QImage& b, const QRect& area)
{
    int worst = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                              std::abs(qBlue(p) - qBlue(q))});
        }
    return worst;
}

QImage grab(VolumeView& view)
{
    return view.viewport()->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
}

} // namespace

class TestVolumeViewport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void view_onXvfb_usesCpuRayCasterAndShowsPhantom();
    void cropBox_removingPatientLeftHalf_leavesThatSideEmpty();
    void clipPlane_keepsOnlyTheSideItsNormalPointsTo();
    void leftDrag_rotatesWithInteractiveQualityAndRestoresFull();
    void volumeUpdated_showsSlicesThatArrivedWhileStreaming();
    void foggyTransferFunction_leavesSlicesStillToArriveEmpty();
    void editor_doubleClickAddsPointAndRightClickDeletesIt();
    void editor_dragMovesOpacityPoint();

private:
    std::shared_ptr<Volume> m_phantom;
    std::unique_ptr<VolumeView> m_view;
};

void TestVolumeViewport::initTestCase()
{
    m_phantom = loadPhantom();
    QVERIFY(m_phantom);
}

void TestVolumeViewport::init()
{
    m_view = std::make_unique<VolumeView>();
    m_view->resize(420, 460);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestVolumeViewport::cleanup()
{
    m_view.reset();
}

void TestVolumeViewport::view_onXvfb_usesCpuRayCasterAndShowsPhantom()
{
    m_view->setVolume(m_phantom);
    m_view->setPreset(QStringLiteral("mip"));
    const QImage shot = grab(*m_view);
    QDir().mkpath(QStringLiteral("/tmp/fen/shots"));
    shot.save(QStringLiteral("/tmp/fen/shots/volumeview-mip.png"));
    QVERIFY2(m_view->viewport()->openGlRenderer().contains(QLatin1String("llvmpipe")),
             qPrintable(m_view->viewport()->openGlRenderer()));
    QCOMPARE(m_view->viewport()->scene().mapperKind(), VolumeMapperKind::CpuRayCast);
    QCOMPARE(m_view->mode(), VolumeRenderMode::Mip);
    // The water cylinder (200 mm across in a 533 mm view) fills about 3/8 of the width.
    const int foreground = countForeground(shot, shot.rect());
    QVERIFY2(foreground > 0.15 * shot.width() * shot.height(),
             qPrintable(QString::number(foreground)));
}

void TestVolumeViewport::cropBox_removingPatientLeftHalf_leavesThatSideEmpty()
{
    m_view->setVolume(m_phantom);
    m_view->setPreset(QStringLiteral("mip"));
    const QImage whole = grab(*m_view);
    // Keep x < centre (the patient's right, the left of an anterior view).
    const Volume& v = *m_phantom;
    const double half = (v.columns() - 1) / 2.0;
    m_view->setCropBox(VoxelBox{-0.5, half, -0.5, v.rows() - 0.5, -0.5, v.slices() - 0.5});
    const QImage cropped = grab(*m_view);
    cropped.save(QStringLiteral("/tmp/fen/shots/volumeview-mip-cropped.png"));
    const int w = cropped.width();
    const QRect right(w / 2 + 4, 0, w - w / 2 - 4, cropped.height());
    const QRect left(0, 0, w / 2 - 4, cropped.height());
    QVERIFY(countForeground(whole, right) > 1000);
    QCOMPARE(countForeground(cropped, right), 0);
    // The kept side is unchanged (but for the few pixels on the cut, within 1 %).
    QVERIFY(countForeground(cropped, left) > 0.99 * countForeground(whole, left));
    m_view->reset();
    QCOMPARE(countForeground(grab(*m_view), right), countForeground(whole, right));
}

void TestVolumeViewport::clipPlane_keepsOnlyTheSideItsNormalPointsTo()
{
    m_view->setVolume(m_phantom);
    m_view->setPreset(QStringLiteral("mip"));
    const QImage whole = grab(*m_view);
    // Keep what lies above z = centre (superior): the lower half of the view empties.
    const Volume& v = *m_phantom;
    const Vec3 centre =
        v.patientPosition((v.columns() - 1) / 2.0, (v.rows() - 1) / 2.0, (v.slices() - 1) / 2.0);
    m_view->setClipPlane(ClipPlane{centre, {0, 0, 1}});
    const QImage clipped = grab(*m_view);
    const int h = clipped.height();
    const QRect lower(0, h / 2 + 4, clipped.width(), h - h / 2 - 4);
    const QRect upper(0, 0, clipped.width(), h / 2 - 4);
    QVERIFY(countForeground(whole, lower) > 1000);
    QCOMPARE(countForeground(clipped, lower), 0);
    QVERIFY(countForeground(clipped, upper) > 0.9 * countForeground(whole, upper));
}

void TestVolumeViewport::leftDrag_rotatesWithInteractiveQualityAndRestoresFull()
{
    m_view->setVolume(m_phantom);
    const QImage before = grab(*m_view);
    QWidget* target = m_view->viewport();
    const QPoint start = target->rect().center();
    QTest::mousePress(target, Qt::LeftButton, {}, start);
    QVERIFY(m_view->viewport()->scene().interactive());
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(80, 0)),
                     target->mapToGlobal(QPointF(start + QPoint(80, 0))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    const QImage dragging = grab(*m_view);
    QTest::mouseRelease(target, Qt::LeftButton, {}, start + QPoint(80, 0));
    QVERIFY(!m_view->viewport()->scene().interactive());
    const QImage after = grab(*m_view);
    after.save(QStringLiteral("/tmp/fen/shots/volumeview-bone-rotated.png"));
    QVERIFY(countForeground(dragging, dragging.rect()) > 500);
    QVERIFY(countForeground(after, after.rect()) > 500);
    QVERIFY(before != after);
}

void TestVolumeViewport::volumeUpdated_showsSlicesThatArrivedWhileStreaming()
{
    // A bright cube in the upper half of a volume whose upper slices have not arrived yet. The
    // volume is allocated over heap memory that reads as bone (0x1010: 3088 HU) unless the
    // volume fills what has not arrived with the lowest value.
    SyntheticGeometry g;
    g.rescale = {1.0, -1024.0, QStringLiteral("HU")};
    const auto value = [](int i, int j, int k) -> qint16 {
        const bool cube = i >= 8 && i < 24 && j >= 8 && j < 24 && k >= 4 && k < 28;
        return static_cast<qint16>((cube ? 1000 : -1000) + 1024);
    };
    auto volume = withDirtyAllocations(
        0x10, [&] { return makeVolume(g, value, [](int k) { return k < 16; }); });
    m_view->setVolume(volume);
    m_view->setPreset(QStringLiteral("ct-bone"));
    const QImage partial = grab(*m_view);
    partial.save(QStringLiteral("/tmp/fen/shots/vr-streaming-partial.png"));
    const int h = partial.height();
    const QRect upper(0, 0, partial.width(), h / 2 - 8);
    const QRect lower(0, h / 2 + 8, partial.width(), h - h / 2 - 8);
    QVERIFY(countForeground(partial, lower) > 500);
    // The slices still to arrive (k >= 16, above the middle) show as nothing: they read as
    // the lowest value (shaded, a uniform slab of anything would show black: check the value).
    QCOMPARE(countForeground(partial, upper), 0);
    QCOMPARE(volume->storedValue(g.columns / 2, g.rows / 2, g.slices - 1), -32768.0);

    for (int k = 16; k < g.slices; ++k) {
        auto* out = reinterpret_cast<qint16*>(volume->slice(k).data());
        for (int j = 0; j < g.rows; ++j)
            for (int i = 0; i < g.columns; ++i)
                out[j * g.columns + i] = value(i, j, k);
        volume->markLoaded(k);
        m_view->volumeUpdated(); // throttled: the last call leads to one more render
    }
    QTest::qWait(m_view->updateIntervalMs() + 100);
    const QImage complete = grab(*m_view);
    complete.save(QStringLiteral("/tmp/fen/shots/vr-streaming-complete.png"));
    QVERIFY(countForeground(complete, upper) > 500);
    // The slices that had arrived looked as they do in the complete volume, up to the last one
    // (k = 15, 0.5 mm below the middle) where the cube was cut.
    const double pixelsPerMm = h / (2.0 * std::sqrt(3.0) * 15.5); // the bounding sphere
    const int margin = static_cast<int>(std::ceil(1.0 * pixelsPerMm)) + 1;
    const QRect arrived(0, h / 2 + margin, partial.width(), h - h / 2 - margin);
    QVERIFY2(maxDifference(partial, complete, arrived) <= kSameRenderingTolerance,
             qPrintable(QString::number(maxDifference(partial, complete, arrived))));
}

void TestVolumeViewport::foggyTransferFunction_leavesSlicesStillToArriveEmpty()
{
    // A function with opacity at its lowest point: VTK would extend that opacity to the
    // lowest stored value that slices still to arrive hold, filling them with grey fog. (Over
    // heap memory that reads as bone unless the volume fills it: unshaded, any value shows.)
    SyntheticGeometry g;
    g.rescale = {1.0, -1024.0, QStringLiteral("HU")};
    const auto value = [](int, int, int) -> qint16 { return 1024; }; // water
    auto volume = withDirtyAllocations(
        0x10, [&] { return makeVolume(g, value, [](int k) { return k < 16; }); });
    TransferFunction fog;
    fog.id = QStringLiteral("custom");
    fog.opacity = {{-1000, 0.05}, {1000, 0.05}};
    fog.colour = {{-1000, QColor(200, 200, 200)}, {1000, QColor(200, 200, 200)}};
    m_view->setVolume(volume);
    m_view->setTransferFunction(fog);
    m_view->setShading(false);
    const QImage partial = grab(*m_view);
    partial.save(QStringLiteral("/tmp/fen/shots/vr-streaming-fog-partial.png"));
    const int h = partial.height();
    const QRect upper(0, 0, partial.width(), h / 2 - 8);
    const QRect lower(0, h / 2 + 8, partial.width(), h - h / 2 - 8);
    QVERIFY(countForeground(partial, lower) > 5000);
    QCOMPARE(countForeground(partial, upper), 0);
}

void TestVolumeViewport::editor_doubleClickAddsPointAndRightClickDeletesIt()
{
    TransferFunctionEditor editor;
    editor.resize(400, 160);
    editor.setValueRange(-1000, 3000);
    editor.setTransferFunction(*transferFunctionPreset(QStringLiteral("ct-bone")));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy changed(&editor, &TransferFunctionEditor::transferFunctionChanged);
    const std::size_t before = editor.transferFunction().opacity.size();
    // An empty spot of the curve area, at about 1000 HU and opacity 0.2.
    const QPoint spot(8 + (400 - 16) / 4 * 2, 100);
    QTest::mouseDClick(&editor, Qt::LeftButton, {}, spot);
    QCOMPARE(editor.transferFunction().opacity.size(), before + 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(editor.transferFunction().id, QStringLiteral("custom"));
    const auto added = std::ranges::find_if(editor.transferFunction().opacity, [](const auto& p) {
        return std::abs(p.value - 1000) < 20;
    });
    QVERIFY(added != editor.transferFunction().opacity.end());
    const int index = static_cast<int>(added - editor.transferFunction().opacity.begin());
    QTest::mouseClick(&editor, Qt::RightButton, {}, editor.opacityPointPosition(index).toPoint());
    QCOMPARE(editor.transferFunction().opacity.size(), before);
    QCOMPARE(changed.count(), 2);
}

void TestVolumeViewport::editor_dragMovesOpacityPoint()
{
    TransferFunctionEditor editor;
    editor.resize(400, 160);
    editor.setValueRange(-1000, 3000);
    TransferFunction tf;
    tf.opacity = {{0, 0.0}, {1000, 0.5}, {2000, 1.0}};
    tf.colour = {{0, Qt::black}, {2000, Qt::white}};
    editor.setTransferFunction(tf);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy finished(&editor, &TransferFunctionEditor::editingFinished);
    const QPoint from = editor.opacityPointPosition(1).toPoint();
    const QPoint to = from + QPoint(-20, -30);
    QTest::mousePress(&editor, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), editor.mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&editor, &move);
    QTest::mouseRelease(&editor, Qt::LeftButton, {}, to);
    QCOMPARE(finished.count(), 1);
    const OpacityPoint moved = editor.transferFunction().opacity.at(1);
    QVERIFY(moved.value < 1000 && moved.opacity > 0.5);
    QVERIFY(std::abs(editor.opacityPointPosition(1).x() - to.x()) < 1.0);
    QVERIFY(std::abs(editor.opacityPointPosition(1).y() - to.y()) < 1.0);
}

int main(int argc, char** argv)
{
    // Debian's VTK resolves OpenGL through GLEW built for GLX: keep Qt on GLX, not EGL.
    if (!qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION"))
        qputenv("QT_XCB_GL_INTEGRATION", "xcb_glx");
    QSurfaceFormat::setDefaultFormat(VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestVolumeViewport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_volumeviewport.moc"
