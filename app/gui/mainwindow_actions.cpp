// Menus, tool bar and shortcuts of the main window. Every command is a QAction with a
// shortcut, so everything is reachable from the keyboard and listed in the shortcut sheet (F1).
// Texts are kept untranslated with their action and set again on a language change.

#include "mainwindow.h"

#include "cache/instancecache.h"
#include "gui/exportdialog.h"
#include "gui/helpoverlay.h"
#include "gui/recentitems.h"
#include "gui/settingsdialog.h"
#include "gui/viewgrid.h"
#include "gui/viewsync.h"
#include "settings.h"
#include "translations.h"
#include "view/windowpresets.h"
#include "widgets/imageview.h"
#include "widgets/mprview.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QToolBar>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

// The views display options apply to: the grid's, and the reformats while MPR is shown (the
// MPR layout takes them from the settings when it opens, and follows them while open).
QList<ImageView*> gridAndMprViews(const MainWindow& window)
{
    QList<ImageView*> all = window.views();
    for (MprView* v : window.mprViews())
        all.append(v);
    return all;
}

} // namespace

QAction* MainWindow::addAction(QMenu* menu, const char* text, const QKeySequence& shortcut,
                               std::function<void()> run, bool viewScoped)
{
    auto* action = new QAction(this);
    action->setShortcut(shortcut);
    if (viewScoped) {
        // Single keys act on the views only, so they never steal typing from other widgets.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_grid->addAction(action);
    }
    connect(action, &QAction::triggered, this, std::move(run));
    menu->addAction(action);
    m_translatable.push_back({action, text});
    return action;
}

void MainWindow::withActiveView(const std::function<void(ImageView&)>& run)
{
    if (ImageView* view = activeView())
        run(*view);
}

void MainWindow::createActions()
{
    auto menu = [this](const char* title) {
        QMenu* m = menuBar()->addMenu(QString());
        m_translatable.push_back({m, title});
        return m;
    };
    QMenu* file = menu(QT_TR_NOOP("&File"));
    addAction(file, QT_TR_NOOP("&Open files..."), QKeySequence::Open, [this] { chooseFiles(); });
    addAction(file, QT_TR_NOOP("Open &folder or CD..."),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { chooseFolder(); });
    addAction(file, QT_TR_NOOP("Open &zip archive..."),
              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O), [this] { chooseArchive(); });
    file->addMenu(m_recent->menu()); // RecentItems names and translates it
    addAction(file, QT_TR_NOOP("&Close all studies"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), [this] { closeAll(); });
    file->addSeparator();
    addAction(file, QT_TR_NOOP("&Export images..."), QKeySequence(Qt::CTRL | Qt::Key_E),
              [this] { exportImages(); });
    addAction(file, QT_TR_NOOP("&Copy view to clipboard"), QKeySequence::Copy, [this] {
        withActiveView([this](ImageView& v) {
            Exporter::copyToClipboard(v, v.annotationsVisible());
            statusBar()->showMessage(tr("View copied to the clipboard"), 3000);
        });
    });
    file->addSeparator();
    addAction(file, QT_TR_NOOP("&Settings..."), QKeySequence::Preferences,
              [this] { openSettings(); });
    addAction(file, QT_TR_NOOP("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu* view = menu(QT_TR_NOOP("&View"));
    addViewActions(view);
    addMprActions(view);
    addLayoutActions(menu(QT_TR_NOOP("&Layout")));
    addToolActions(menu(QT_TR_NOOP("&Tools")));

    addAccountActions(menu(QT_TR_NOOP("&Account")));

    QMenu* help = menu(QT_TR_NOOP("&Help"));
    addAction(help, QT_TR_NOOP("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1),
              [this] { m_help->toggle(); });
    addAction(help, QT_TR_NOOP("&About Fenestra"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About Fenestra"),
                           tr("Fenestra %1: a DICOM viewer and cross-hospital query client.")
                               .arg(QApplication::applicationVersion()));
    });
    for (QAction* a : menuBar()->actions())
        if (a->menu() != nullptr)
            m_help->addMenu(a->menu());
    m_help->addMenu(m_presets); // a submenu: listed on its own
}

void MainWindow::addViewActions(QMenu* view)
{
    auto onView = [this](void (ImageView::*method)()) {
        return [this, method] { withActiveView([method](ImageView& v) { (v.*method)(); }); };
    };
    QAction* annotations = addAction(
        view, QT_TR_NOOP("Show &annotations"), QKeySequence(Qt::Key_A), [] {}, true);
    annotations->setCheckable(true);
    annotations->setChecked(m_settings.annotationsVisible());
    connect(annotations, &QAction::toggled, this, [this](bool on) {
        m_settings.setAnnotationsVisible(on);
        for (ImageView* v : gridAndMprViews(*this))
            v->setAnnotationsVisible(on);
    });
    QAction* smooth = addAction(
        view, QT_TR_NOOP("Smooth &interpolation"), QKeySequence(Qt::SHIFT | Qt::Key_I), [] {},
        true);
    smooth->setCheckable(true);
    smooth->setChecked(m_settings.linearInterpolation());
    connect(smooth, &QAction::toggled, this, [this](bool on) {
        m_settings.setLinearInterpolation(on);
        for (ImageView* v : gridAndMprViews(*this))
            v->setInterpolation(on);
    });
    view->addSeparator();
    addAction(view, QT_TR_NOOP("&Fit to window"), QKeySequence(Qt::Key_F), onView(&ImageView::fit),
              true);
    addAction(view, QT_TR_NOOP("Actual &pixels (1:1)"), QKeySequence(Qt::Key_1 | Qt::CTRL),
              onView(&ImageView::oneToOne), true);
    addAction(view, QT_TR_NOOP("Zoom &in"), QKeySequence(Qt::Key_Plus), onView(&ImageView::zoomIn),
              true);
    addAction(view, QT_TR_NOOP("Zoom &out"), QKeySequence(Qt::Key_Minus),
              onView(&ImageView::zoomOut), true);
    addAction(
        view, QT_TR_NOOP("&Rotate clockwise"), QKeySequence(Qt::Key_R),
        [this] { withActiveView([](ImageView& v) { v.rotate(true); }); }, true);
    addAction(
        view, QT_TR_NOOP("Rotate &counter-clockwise"), QKeySequence(Qt::SHIFT | Qt::Key_R),
        [this] { withActiveView([](ImageView& v) { v.rotate(false); }); }, true);
    addAction(view, QT_TR_NOOP("Flip &horizontally"), QKeySequence(Qt::Key_H),
              onView(&ImageView::flipHorizontal), true);
    addAction(view, QT_TR_NOOP("Flip &vertically"), QKeySequence(Qt::Key_V),
              onView(&ImageView::flipVertical), true);
    addAction(
        view, QT_TR_NOOP("In&vert greys"), QKeySequence(Qt::Key_I),
        [this] { withActiveView([](ImageView& v) { v.setInverted(!v.isInverted()); }); }, true);
    view->addSeparator();
    addAction(
        view, QT_TR_NOOP("&Next image"), QKeySequence(Qt::Key_Down),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(v.currentIndex() + 1); }); },
        true);
    addAction(
        view, QT_TR_NOOP("&Previous image"), QKeySequence(Qt::Key_Up),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(v.currentIndex() - 1); }); },
        true);
    addAction(
        view, QT_TR_NOOP("Ten images forward"), QKeySequence(Qt::Key_PageDown),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(v.currentIndex() + 10); }); },
        true);
    addAction(
        view, QT_TR_NOOP("Ten images back"), QKeySequence(Qt::Key_PageUp),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(v.currentIndex() - 10); }); },
        true);
    addAction(
        view, QT_TR_NOOP("First image"), QKeySequence(Qt::Key_Home),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(0); }); }, true);
    addAction(
        view, QT_TR_NOOP("Last image"), QKeySequence(Qt::Key_End),
        [this] { withActiveView([](ImageView& v) { v.setCurrentIndex(v.frameCount() - 1); }); },
        true);
    view->addSeparator();
    addAction(
        view, QT_TR_NOOP("Play or pause &cine"), QKeySequence(Qt::Key_Space),
        [this] {
            withActiveView([](ImageView& v) { v.isCinePlaying() ? v.stopCine() : v.startCine(); });
        },
        true);
    addAction(
        view, QT_TR_NOOP("Cine &faster"), QKeySequence(Qt::Key_BracketRight),
        [this] {
            withActiveView([](ImageView& v) { v.setCineSpeed(qMin(8.0, v.cineSpeed() * 1.5)); });
        },
        true);
    addAction(
        view, QT_TR_NOOP("Cine &slower"), QKeySequence(Qt::Key_BracketLeft),
        [this] {
            withActiveView([](ImageView& v) { v.setCineSpeed(qMax(0.125, v.cineSpeed() / 1.5)); });
        },
        true);
}

void MainWindow::addLayoutActions(QMenu* layout)
{
    const struct
    {
        const char* text;
        int rows, columns;
        Qt::Key key;
    } layouts[] = {{QT_TR_NOOP("One view (1x1)"), 1, 1, Qt::Key_1},
                   {QT_TR_NOOP("Side by side (1x2)"), 1, 2, Qt::Key_2},
                   {QT_TR_NOOP("Above each other (2x1)"), 2, 1, Qt::Key_3},
                   {QT_TR_NOOP("Four views (2x2)"), 2, 2, Qt::Key_4},
                   {QT_TR_NOOP("Nine views (3x3)"), 3, 3, Qt::Key_9}};
    for (const auto& l : layouts)
        addAction(layout, l.text, QKeySequence(Qt::ALT | l.key),
                  [this, r = l.rows, c = l.columns] { setViewLayout(r, c); });
    layout->addSeparator();
    QAction* scroll = addAction(layout, QT_TR_NOOP("Synchronize &scrolling"),
                                QKeySequence(Qt::ALT | Qt::Key_S), [] {});
    scroll->setCheckable(true);
    scroll->setChecked(m_sync->scrollSync());
    connect(scroll, &QAction::toggled, m_sync, &ViewSync::setScrollSync);
    QAction* panZoom = addAction(layout, QT_TR_NOOP("Synchronize &pan and zoom"),
                                 QKeySequence(Qt::ALT | Qt::Key_Z), [] {});
    panZoom->setCheckable(true);
    panZoom->setChecked(m_sync->panZoomSync());
    connect(panZoom, &QAction::toggled, m_sync, &ViewSync::setPanZoomSync);
    QAction* lines =
        addAction(layout, QT_TR_NOOP("&Reference lines"), QKeySequence(Qt::ALT | Qt::Key_R), [] {});
    lines->setCheckable(true);
    lines->setChecked(m_sync->referenceLines());
    connect(lines, &QAction::toggled, m_sync, &ViewSync::setReferenceLines);
    addAction(layout, QT_TR_NOOP("Next &view"), QKeySequence(Qt::Key_Tab | Qt::CTRL), [this] {
        const int count = static_cast<int>(views().size());
        if (count > 0)
            setActiveView((m_grid->activeIndex() + 1) % count);
        withActiveView([](ImageView& v) { v.setFocus(); });
    });
}

void MainWindow::addToolActions(QMenu* tools)
{
    const struct
    {
        const char* text;
        MouseTool tool;
        QKeySequence key;
    } list[] = {{QT_TR_NOOP("&Scroll"), MouseTool::Scroll, QKeySequence(Qt::Key_S)},
                {QT_TR_NOOP("&Window/level"), MouseTool::WindowLevel, QKeySequence(Qt::Key_W)},
                {QT_TR_NOOP("&Zoom"), MouseTool::Zoom, QKeySequence(Qt::Key_Z)},
                {QT_TR_NOOP("&Pan"), MouseTool::Pan, QKeySequence(Qt::Key_P)},
                {QT_TR_NOOP("&Length"), MouseTool::Length, QKeySequence(Qt::Key_L)},
                {QT_TR_NOOP("&Angle"), MouseTool::Angle, QKeySequence(Qt::SHIFT | Qt::Key_A)},
                {QT_TR_NOOP("&Ellipse ROI"), MouseTool::Ellipse, QKeySequence(Qt::Key_E)},
                {QT_TR_NOOP("&Rectangle ROI"), MouseTool::Rectangle, QKeySequence(Qt::Key_G)},
                {QT_TR_NOOP("Pixel &probe"), MouseTool::Probe, QKeySequence(Qt::Key_X)},
                {QT_TR_NOOP("&Text"), MouseTool::Text, QKeySequence(Qt::Key_T)},
                {QT_TR_NOOP("A&rrow"), MouseTool::Arrow, QKeySequence(Qt::SHIFT | Qt::Key_T)}};
    m_tools = new QActionGroup(this);
    QToolBar* bar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("tools"));
    m_translatable.push_back({bar, QT_TR_NOOP("Tools")});
    for (const auto& t : list) {
        QAction* a = addAction(
            tools, t.text, t.key,
            [this, tool = t.tool] {
                for (ImageView* v : views())
                    v->setTool(tool);
            },
            true);
        a->setCheckable(true);
        a->setData(static_cast<int>(t.tool));
        a->setChecked(t.tool == MouseTool::Scroll);
        m_tools->addAction(a);
        bar->addAction(a);
    }
    tools->addSeparator();
    QMenu* presets = tools->addMenu(QString());
    m_presets = presets;
    m_translatable.push_back({presets, QT_TR_NOOP("Window &presets")});
    const auto table = ctWindowPresets();
    for (std::size_t i = 0; i < table.size(); ++i) {
        QAction* a = presets->addAction(QString());
        a->setShortcut(QKeySequence(static_cast<int>(Qt::Key_1 + i)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_grid->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] {
            withActiveView([i](ImageView& v) { v.applyPreset(static_cast<int>(i)); });
        });
        m_translatable.push_back({a, table[i].name, "fenestra::viewer::WindowPreset"});
    }
    addAction(
        presets, QT_TR_NOOP("Window from the image"), QKeySequence(Qt::Key_0),
        [this] { withActiveView([](ImageView& v) { v.resetWindowLevel(); }); }, true);
}

void MainWindow::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open DICOM files"), QString(),
        tr("DICOM files (*.dcm *.DCM DICOMDIR *);;Zip archives (*.zip)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder or CD"));
    if (!dir.isEmpty())
        openPaths({dir});
}

void MainWindow::chooseArchive()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a zip archive"), QString(),
                                                      tr("Zip archives (*.zip)"));
    if (!file.isEmpty())
        openPaths({file});
}

void MainWindow::exportImages()
{
    ImageView* view = activeView();
    if (view == nullptr || !view->hasDisplaySet()) {
        statusBar()->showMessage(tr("Open a series to export its images."), 5000);
        return;
    }
    ExportDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QProgressDialog progress(tr("Exporting images..."), tr("Cancel"), 0, view->frameCount(), this);
    progress.setWindowModality(Qt::WindowModal);
    const QString error = Exporter::run(*view, dialog.request(), [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export images"), error);
    else
        statusBar()->showMessage(tr("Images exported"), 5000);
    auditExport(*view, dialog.request().target);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    connect(&dialog, &SettingsDialog::languageChosen, this,
            [](const QString& code) { setLanguage(*QCoreApplication::instance(), code); });
    connect(&dialog, &SettingsDialog::clearCacheRequested, this, [this] {
        if (m_cache != nullptr)
            m_cache->clear();
        statusBar()->showMessage(tr("The local image cache is empty."), 5000);
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Archives of the settings, plus those given on the command line for this session.
    QList<net::ArchiveConfig> archives = dialog.archives(); // with this session's passwords
    for (const net::ArchiveConfig& a : m_archives)
        if (std::none_of(archives.begin(), archives.end(),
                         [&a](const net::ArchiveConfig& b) { return b.baseUrl == a.baseUrl; }))
            archives << a;
    setArchives(archives);
    if (m_cache != nullptr)
        m_cache->setMaxBytes(qint64(m_settings.diskCacheMb()) << 20);
    for (ImageView* v : views())
        v->setDecodedCacheLimit(qint64(m_settings.cacheSizeMb()) << 20);
    for (ImageView* v : gridAndMprViews(*this)) {
        v->setAnnotationsVisible(m_settings.annotationsVisible());
        v->setInterpolation(m_settings.linearInterpolation());
    }
}

} // namespace fenestra::app
