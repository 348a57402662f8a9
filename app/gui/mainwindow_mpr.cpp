// The MPR layout of the main window: axial, coronal and sagittal reformats of the active
// series' volume, linked by one crosshair, and its 3D view in the fourth pane. It replaces the
// view grid (kept as it was underneath) until MPR is left again or a layout is chosen.

#include "mainwindow.h"

#include "errortext.h"
#include "gui/viewgrid.h"
#include "media/volumeloader.h"
#include "settings.h"
#include "stream/streamsession.h"
#include "widgets/mprview.h"
#include "widgets/mprviewgroup.h"
#include "widgets/volumeview.h"

#include <QActionGroup>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QMenu>
#include <QStackedWidget>
#include <QStatusBar>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace fenestra::app {

using namespace fenestra::viewer;

// The panes of the MPR layout and the loading of a local volume. The loader is cancelled and
// waited for when the workspace goes, so its result never reaches a destroyed workspace.
class MprWorkspace : public QWidget
{
public:
    explicit MprWorkspace(QWidget* parent) : QWidget(parent), group(new MprViewGroup(this))
    {
        setObjectName(QStringLiteral("mprWorkspace"));
        auto* grid = new QGridLayout(this);
        grid->setContentsMargins(3, 3, 3, 3);
        grid->setSpacing(6);
        for (MprAxis axis : kMprAxes) {
            auto* view = new MprView(group, axis, this);
            view->setObjectName(QStringLiteral("mprView%1").arg(static_cast<int>(axis)));
            views[static_cast<std::size_t>(axis)] = view;
        }
        volume3d = new VolumeView(this);
        volume3d->setObjectName(QStringLiteral("mprVolumeView"));
        grid->addWidget(views[0], 0, 0);
        grid->addWidget(views[1], 0, 1);
        grid->addWidget(views[2], 1, 0);
        grid->addWidget(volume3d, 1, 1);
        // Four equal panes, whatever the panes' own size hints (the 3D view's controls).
        for (QWidget* pane :
             std::initializer_list<QWidget*>{views[0], views[1], views[2], volume3d})
            pane->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        for (int i = 0; i < 2; ++i) {
            grid->setRowStretch(i, 1);
            grid->setColumnStretch(i, 1);
        }
        active = views[0];
        for (MprView* view : views)
            connect(view, &ImageView::activated, this, [this, view] { active = view; });
        // loadVolume() decodes on the global pool and must not run on one of its workers.
        loaderPool.setMaxThreadCount(1);
    }

    ~MprWorkspace() override
    {
        cancel->store(true);
        loader.waitForFinished();
    }

    void show(std::shared_ptr<const Volume> volume, const DisplaySet& source)
    {
        group->setVolume(volume, source);
        volume3d->setVolume(std::move(volume));
    }

    void volumeUpdated()
    {
        group->volumeUpdated();
        volume3d->volumeUpdated();
    }

    MprViewGroup* group;
    std::array<MprView*, 3> views{};
    VolumeView* volume3d = nullptr;
    MprView* active = nullptr;
    QThreadPool loaderPool;
    QFutureWatcher<Result<VolumeLoadResult>> loader;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

void MainWindow::addMprActions(QMenu* view)
{
    view->addSeparator();
    m_mprAction = addAction(view, QT_TR_NOOP("&MPR (axial, coronal, sagittal, 3D)"),
                            QKeySequence(Qt::CTRL | Qt::Key_M), [this] { toggleMpr(); });
    m_mprAction->setCheckable(true);
    QMenu* slab = view->addMenu(QString());
    m_translatable.push_back({slab, QT_TR_NOOP("MPR &slab")});
    const struct
    {
        const char* text;
        SlabMode mode;
        Qt::Key key;
    } modes[] = {{QT_TR_NOOP("&Thin slice"), SlabMode::None, Qt::Key_T},
                 {QT_TR_NOOP("&Maximum intensity (MIP)"), SlabMode::Max, Qt::Key_M},
                 {QT_TR_NOOP("M&inimum intensity (MinIP)"), SlabMode::Min, Qt::Key_N},
                 {QT_TR_NOOP("&Average"), SlabMode::Mean, Qt::Key_V}};
    for (const auto& m : modes)
        addAction(slab, m.text, QKeySequence(Qt::CTRL | Qt::ALT | m.key), [this, mode = m.mode] {
            withActiveMprView([mode](MprView& v) {
                v.setSlab(mode == SlabMode::None ? 0.0 : std::max(v.slabThickness(), 10.0), mode);
            });
        });
    slab->addSeparator();
    addAction(slab, QT_TR_NOOP("T&hicker slab"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Up),
              [this] {
                  withActiveMprView([](MprView& v) {
                      v.setSlab(std::min(std::max(v.slabThickness() * 2, 5.0), 160.0),
                                v.slabMode() == SlabMode::None ? SlabMode::Max : v.slabMode());
                  });
              });
    addAction(
        slab, QT_TR_NOOP("Thi&nner slab"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Down), [this] {
            withActiveMprView([](MprView& v) {
                const double next = v.slabThickness() / 2;
                v.setSlab(next < 5.0 ? 0.0 : next, next < 5.0 ? SlabMode::None : v.slabMode());
            });
        });
    addAction(view, QT_TR_NOOP("&Reset MPR"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
              [this] {
                  if (m_mpr != nullptr)
                      m_mpr->group->reset();
              });
}

void MainWindow::withActiveMprView(const std::function<void(MprView&)>& run)
{
    if (m_mpr != nullptr && m_mpr->active != nullptr)
        run(*m_mpr->active);
    else
        statusBar()->showMessage(tr("Open the MPR layout first (Ctrl+M)"), 5000);
}

ImageView* MainWindow::activeMprView() const
{
    return m_mpr != nullptr ? m_mpr->active : nullptr;
}

QList<MprView*> MainWindow::mprViews() const
{
    if (m_mpr == nullptr)
        return {};
    return {m_mpr->views.begin(), m_mpr->views.end()};
}

void MainWindow::toggleMpr()
{
    if (m_mpr != nullptr)
        leaveMpr();
    else
        enterMpr();
}

bool MainWindow::enterMpr()
{
    if (m_mpr != nullptr)
        return true;
    ImageView* source = qobject_cast<ImageView*>(m_grid->activeWidget());
    StreamSession* stream = source != nullptr ? m_streams.value(source) : nullptr;
    // A series streaming from an archive whose description has not arrived yet: whether it is
    // a volume is not known; MPR opens now and shows it once it is (showStreamedVolume).
    const bool awaiting = stream != nullptr && stream->streamer().displaySets().empty();
    const bool ok = awaiting || (source != nullptr && source->hasDisplaySet() &&
                                 source->displaySet().isVolume());
    if (!ok) {
        statusBar()->showMessage(source != nullptr && source->hasDisplaySet()
                                     ? tr("MPR needs a volume: parallel, evenly spaced slices")
                                     : tr("MPR needs a series in the active view"),
                                 8000);
        m_mprAction->setChecked(false);
        return false;
    }
    createMprWorkspace();
    if (awaiting) {
        statusBar()->showMessage(tr("Waiting for the series to arrive..."));
        MprWorkspace* workspace = m_mpr;
        SeriesStreamer* streamer = &stream->streamer();
        connect(streamer, &SeriesStreamer::ready, workspace,
                [this, streamer] { showStreamedVolume(*streamer); });
        connect(streamer, &SeriesStreamer::failed, workspace, [this] { leaveMpr(); });
    } else if (stream != nullptr && stream->streamer().volume()) {
        showStreamedVolume(stream->streamer());
    } else {
        loadMprVolume(source->displaySet());
    }
    m_mpr->views[0]->setFocus();
    return true;
}

void MainWindow::createMprWorkspace()
{
    m_mpr = new MprWorkspace(m_central);
    for (MprView* view : m_mpr->views) {
        view->setAnnotationsVisible(m_settings.annotationsVisible());
        view->setInterpolation(m_settings.linearInterpolation());
        if (m_tools != nullptr && m_tools->checkedAction() != nullptr)
            view->setTool(static_cast<MouseTool>(m_tools->checkedAction()->data().toInt()));
        connect(view, &ImageView::statusMessage, this,
                [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    }
    connect(m_tools, &QActionGroup::triggered, m_mpr, [this](QAction* action) {
        for (MprView* view : mprViews())
            view->setTool(static_cast<MouseTool>(action->data().toInt()));
    });
    // The view keys (presets, zoom, tools) act in the MPR panes as in the grid.
    m_mpr->addActions(m_grid->actions());
    m_central->addWidget(m_mpr);
    m_central->setCurrentWidget(m_mpr);
    m_mprAction->setChecked(true);
}

void MainWindow::showStreamedVolume(SeriesStreamer& streamer)
{
    if (m_mpr == nullptr)
        return;
    if (!streamer.volume()) {
        // The series arrived described as something else than a volume: back to the grid.
        leaveMpr();
        statusBar()->showMessage(tr("MPR needs a volume: parallel, evenly spaced slices"), 8000);
        return;
    }
    // The live volume, resliced again as slices arrive; slices still to come read as empty.
    m_mpr->show(streamer.volume(), streamer.displaySet());
    MprWorkspace* workspace = m_mpr;
    connect(&streamer, &SeriesStreamer::frameArrived, workspace,
            [workspace] { workspace->volumeUpdated(); });
}

void MainWindow::loadMprVolume(const DisplaySet& displaySet)
{
    statusBar()->showMessage(tr("Loading the volume..."));
    MprWorkspace* workspace = m_mpr;
    connect(&workspace->loader, &QFutureWatcher<Result<VolumeLoadResult>>::finished, workspace,
            [this, workspace, displaySet] {
                const Result<VolumeLoadResult> loaded = workspace->loader.result();
                if (!loaded || loaded->cancelled || !loaded->volume) {
                    statusBar()->showMessage(
                        loaded
                            ? tr("Loading the volume was cancelled")
                            : tr("Cannot build the volume: %1").arg(describeError(loaded.error())),
                        8000);
                    return;
                }
                statusBar()->showMessage(loaded->errors.empty()
                                             ? tr("Volume loaded")
                                             : tr("Volume loaded; %n slices could not be read",
                                                  nullptr, static_cast<int>(loaded->errors.size())),
                                         5000);
                workspace->show(loaded->volume, displaySet);
            });
    workspace->loader.setFuture(
        QtConcurrent::run(&workspace->loaderPool, [displaySet, cancel = workspace->cancel] {
            VolumeLoadOptions options;
            options.cancel = cancel.get();
            return loadVolume(displaySet, options);
        }));
}

void MainWindow::leaveMpr()
{
    if (m_mpr == nullptr)
        return;
    m_central->setCurrentWidget(m_grid);
    m_central->removeWidget(m_mpr);
    // Later: the shortcut that leaves may come from one of its views. Its destructor waits
    // for a volume still loading; cancel that now.
    m_mpr->cancel->store(true);
    m_mpr->deleteLater();
    m_mpr = nullptr;
    m_mprAction->setChecked(false);
    withActiveView([](ImageView& v) { v.setFocus(); });
}

} // namespace fenestra::app
