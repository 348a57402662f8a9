// The MPR layout of the main window, with real widgets under Xvfb: Ctrl+M turns the grid into
// axial, coronal and sagittal reformats of the active series plus its 3D view; the window's
// tools, presets and slab actions act on the MPR views; Ctrl+M again (or a layout) brings the
// grid back as it was.

#include "gui/mainwindow.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "view/mprgeometry.h"
#include "widgets/imageview.h"
#include "widgets/mprview.h"
#include "widgets/mprviewgroup.h"
#include "widgets/volumeview.h"

#include <QApplication>
#include <QDir>
#include <QScreen>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace fenestra;
using viewer::ImageView;
using viewer::MprAxis;
using viewer::MprView;

class TestMainWindowMpr : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void ctrlM_showsThreeReformatsAndThe3dView_ofTheActiveSeries();
    void toolsPresetsAndSlabActions_actOnTheMprViews();
    void ctrlMAgain_orALayout_bringsBackTheGridAsItWas();
    void annotationsAndSmoothInterpolation_reachTheMprViews();

private:
    bool openCt();
    bool enterWithShortcut();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<app::Settings> m_settings;
    std::unique_ptr<app::MainWindow> m_window;
};

namespace {

bool settled(const QList<MprView*>& views)
{
    return QTest::qWaitFor(
        [&views] {
            for (MprView* v : views)
                if (!v->isSettled() || !v->centreMessage().isEmpty() ||
                    v->displayedGrey(QPointF(0.5, 0.5)) < 0)
                    return false;
            return !views.isEmpty();
        },
        20000);
}

// Distinct grey levels over an image, sampled on a grid: a blank render has one.
int greyLevels(const QImage& image)
{
    QSet<int> greys;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            greys.insert(qGray(image.pixel(x, y)));
    return static_cast<int>(greys.size());
}

} // namespace

void TestMainWindowMpr::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<app::Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_window =
        std::make_unique<app::MainWindow>(*m_settings, m_dir->filePath(QStringLiteral("notes")));
    m_window->resize(1400, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(openCt());
}

void TestMainWindowMpr::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

bool TestMainWindowMpr::openCt()
{
    QSignalSpy opened(m_window.get(), &app::MainWindow::opened);
    m_window->openPaths({QStringLiteral(FENESTRA_TEST_DATA "/ct")});
    if (!opened.wait(30000))
        return false;
    ImageView* view = m_window->activeView();
    return QTest::qWaitFor(
        [view] { return view->hasDisplaySet() && view->centreMessage().isEmpty(); }, 20000);
}

bool TestMainWindowMpr::enterWithShortcut()
{
    m_window->activeView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_M, Qt::ControlModifier);
    return m_window->isMprActive() && settled(m_window->mprViews());
}

void TestMainWindowMpr::ctrlM_showsThreeReformatsAndThe3dView_ofTheActiveSeries()
{
    const QString series = m_window->activeView()->displaySet().seriesInstanceUid;
    QVERIFY(enterWithShortcut());
    const QList<MprView*> views = m_window->mprViews();
    QCOMPARE(views.size(), 3);
    // Axial, coronal and sagittal planes of that series, with their markers.
    const viewer::Vec3 normals[] = {{0, 0, 1}, {0, 1, 0}, {-1, 0, 0}};
    const QStringList markers[] = {
        {"R", "L", "A", "P"}, {"R", "L", "H", "F"}, {"A", "P", "H", "F"}};
    for (int i = 0; i < 3; ++i) {
        MprView* v = views[i];
        QVERIFY(v->isVisible());
        QCOMPARE(v->displaySet().seriesInstanceUid, series);
        const viewer::Vec3 n = v->currentPlane().normal();
        QVERIFY((n - normals[i]).length() < 1e-9);
        const viewer::OrientationMarkers m = v->currentMarkers();
        QCOMPARE((QStringList{m.left, m.right, m.top, m.bottom}), markers[i]);
        QVERIFY2(greyLevels(v->renderToImage(false)) >= 3, "a blank reformat");
        // Four equal panes.
        const QWidget* workspace = v->parentWidget();
        QVERIFY(v->width() > workspace->width() * 0.45 && v->height() > workspace->height() * 0.45);
    }
    // The active view is an MPR view: the window's view commands reach it.
    QVERIFY(views.contains(qobject_cast<MprView*>(m_window->activeView())));
    // The fourth pane holds the 3D view of the same volume.
    auto* volume = m_window->findChild<viewer::VolumeView*>();
    QVERIFY(volume != nullptr);
    QVERIFY(volume->isVisible());
    QVERIFY(volume->width() > volume->parentWidget()->width() * 0.45);
    QTest::qWait(300); // the 3D view's first frame
    const QImage shot = m_window->screen()->grabWindow(m_window->winId()).toImage();
    QDir().mkpath(QStringLiteral("/tmp/fen/shots"));
    shot.save(QStringLiteral("/tmp/fen/shots/mpr_window.png"));
    QVERIFY(greyLevels(shot) >= 3);
}

void TestMainWindowMpr::toolsPresetsAndSlabActions_actOnTheMprViews()
{
    QVERIFY(enterWithShortcut());
    const QList<MprView*> views = m_window->mprViews();
    MprView* coronal = views[1];
    coronal->setFocus();
    QTRY_COMPARE(qobject_cast<MprView*>(m_window->activeView()), coronal);
    // Tools: L picks the length tool in every MPR view.
    QTest::keyClick(coronal, Qt::Key_L);
    for (MprView* v : views)
        QCOMPARE(v->tool(), viewer::MouseTool::Length);
    // Presets: 2 sets the second CT preset's window on the active view.
    const viewer::WindowLevel before = coronal->windowLevel();
    QTest::keyClick(coronal, Qt::Key_2);
    QVERIFY(!(coronal->windowLevel() == before));
    // Slab: MIP on the active view only, thicker doubles it.
    QTest::keyClick(coronal, Qt::Key_M, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(coronal->slabMode(), viewer::SlabMode::Max);
    QCOMPARE(coronal->slabThickness(), 10.0);
    QCOMPARE(views[0]->slabMode(), viewer::SlabMode::None);
    QTest::keyClick(coronal, Qt::Key_Up, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(coronal->slabThickness(), 20.0);
    QVERIFY(settled(views));
    // Reset MPR: planes turned, then back to the patient axes.
    coronal->group()->rotate(MprAxis::Coronal, std::numbers::pi / 6);
    QVERIFY(std::abs(coronal->group()->geometry().normal(MprAxis::Axial).z - 1) > 0.05);
    QTest::keyClick(coronal, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(std::abs(coronal->group()->geometry().normal(MprAxis::Axial).z - 1) < 1e-12);
    QVERIFY(settled(views));
}

void TestMainWindowMpr::ctrlMAgain_orALayout_bringsBackTheGridAsItWas()
{
    ImageView* grid = m_window->activeView();
    const QString series = grid->displaySet().seriesInstanceUid;
    const int index = grid->currentIndex();
    QVERIFY(enterWithShortcut());
    QVERIFY(!grid->isVisible());
    QTest::keyClick(m_window->mprViews().front(), Qt::Key_M, Qt::ControlModifier);
    QVERIFY(!m_window->isMprActive());
    QVERIFY(m_window->mprViews().isEmpty());
    QCOMPARE(m_window->activeView(), grid);
    QVERIFY(grid->isVisible());
    QCOMPARE(grid->displaySet().seriesInstanceUid, series);
    QCOMPARE(grid->currentIndex(), index);
    QTRY_VERIFY(m_window->findChild<viewer::VolumeView*>() == nullptr);
    // A layout chosen while in MPR leaves it too.
    QVERIFY(enterWithShortcut());
    QVERIFY(m_window->setViewLayout(1, 2));
    QVERIFY(!m_window->isMprActive());
    QCOMPARE(m_window->views().size(), 2);
    QVERIFY(m_window->views().front()->isVisible());
}

void TestMainWindowMpr::annotationsAndSmoothInterpolation_reachTheMprViews()
{
    QVERIFY(enterWithShortcut());
    const QList<MprView*> views = m_window->mprViews();
    MprView* sagittal = views[2];
    sagittal->setFocus();
    QTRY_COMPARE(qobject_cast<MprView*>(m_window->activeView()), sagittal);
    const bool annotations = m_settings->annotationsVisible();
    const bool smooth = m_settings->linearInterpolation();
    for (MprView* v : views) {
        QCOMPARE(v->annotationsVisible(), annotations);
        QCOMPARE(v->interpolation(), smooth);
    }
    std::vector<QImage> withText;
    std::vector<QImage> plain;
    for (MprView* v : views) {
        withText.push_back(v->renderToImage(true));
        plain.push_back(v->renderToImage(false));
    }

    // A: the annotations (corner texts, markers, ruler) go from every MPR view at once.
    QTest::keyClick(sagittal, Qt::Key_A);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(views[i]->annotationsVisible(), !annotations);
        QVERIFY2(views[i]->renderToImage(true) != withText[static_cast<std::size_t>(i)],
                 "the annotations did not change on screen");
    }
    // Shift+I: smooth interpolation changes every MPR view's magnified pixels.
    QTest::keyClick(sagittal, Qt::Key_I, Qt::ShiftModifier);
    QVERIFY(settled(views));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(views[i]->interpolation(), !smooth);
        QVERIFY2(views[i]->renderToImage(false) != plain[static_cast<std::size_t>(i)],
                 "the interpolation did not change on screen");
    }
    // The grid's views and the settings followed; MPR opened again starts that way.
    QCOMPARE(m_settings->annotationsVisible(), !annotations);
    QCOMPARE(m_settings->linearInterpolation(), !smooth);
    m_window->leaveMpr();
    for (ImageView* v : m_window->views()) {
        QCOMPARE(v->annotationsVisible(), !annotations);
        QCOMPARE(v->interpolation(), !smooth);
    }
    QVERIFY(enterWithShortcut());
    for (MprView* v : m_window->mprViews()) {
        QCOMPARE(v->annotationsVisible(), !annotations);
        QCOMPARE(v->interpolation(), !smooth);
    }
}

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION"))
        qputenv("QT_XCB_GL_INTEGRATION", "xcb_glx");
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestMainWindowMpr test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow_mpr.moc"
