#include "mainwindow.h"

#include "dicomweb/dicomwebclient.h"
#include "errortext.h"
#include "gui/helpoverlay.h"
#include "gui/measurementlist.h"
#include "gui/recentitems.h"
#include "gui/searchpanel.h"
#include "gui/thumbnailstrip.h"
#include "gui/viewgrid.h"
#include "gui/viewsync.h"
#include "settings.h"
#include "stream/streamsession.h"
#include "widgets/imageview.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;
constexpr int kRemoteRole = Qt::UserRole + 2; // see mainwindow_archive.cpp
} // namespace

MainWindow::MainWindow(Settings& settings, const QString& annotationDir, QWidget* parent)
    : QMainWindow(parent), m_settings(settings),
      m_annotations(annotationDir.isEmpty() ? AnnotationStore::defaultDirectory() : annotationDir)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_grid = new ViewGrid([this] { return createView(); }, this);
    m_grid->setObjectName(QStringLiteral("viewGrid"));
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_grid);
    setCentralWidget(m_central);
    m_sync = new ViewSync(this);
    m_help = new HelpOverlay(m_grid);
    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);
    createDocks();
    createArchiveDock();
    createSession();
    m_recent = new RecentItems(m_settings, this);
    createActions();
    connect(m_grid, &ViewGrid::layoutChanged, this, [this] { viewsChanged(); });
    connect(m_grid, &ViewGrid::activeIndexChanged, this, [this] { refreshMeasurementList(); });
    connect(m_recent, &RecentItems::openRequested, this,
            [this](const QString& path) { openPaths({path}); });
    connect(&m_importWatcher, &QFutureWatcher<ImportResult>::finished, this,
            &MainWindow::importFinished);
    const ViewLayout layout = m_settings.viewLayout();
    m_grid->setLayout(layout.rows, layout.columns);
    viewsChanged();
    retranslate();
    resize(1280, 800);
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
}

MainWindow::~MainWindow()
{
    if (m_cancelImport)
        m_cancelImport->store(true);
    m_importWatcher.waitForFinished();
    // Requests go before the network access manager they run on (children are deleted in
    // creation order, and the manager was created first): streams, clients, the search panel.
    qDeleteAll(m_streams);
    m_streams.clear();
    qDeleteAll(m_clients);
    m_clients.clear();
    delete m_search;
    for (ImageView* view : views())
        view->disconnect(this); // views going away are not the user's edits
}

void MainWindow::createDocks()
{
    m_tree = new QTreeWidget(this);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setMinimumWidth(240);
    m_thumbnails = new ThumbnailStrip(this);
    m_thumbnails->setOrientation(Qt::Vertical);
    m_measurementList = new MeasurementList(this);
    m_errors = new QListWidget(this);
    const std::pair<const char*, QWidget*> docks[] = {{"studies", m_tree},
                                                      {"thumbnails", m_thumbnails},
                                                      {"measurements", m_measurementList},
                                                      {"problems", m_errors}};
    for (const auto& [name, widget] : docks) {
        auto* dock = new QDockWidget(this);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(widget);
        m_docks.push_back(dock);
    }
    addDockWidget(Qt::LeftDockWidgetArea, m_docks[0]);
    addDockWidget(Qt::LeftDockWidgetArea, m_docks[1]);
    addDockWidget(Qt::RightDockWidgetArea, m_docks[2]);
    addDockWidget(Qt::BottomDockWidgetArea, m_docks[3]);
    resizeDocks({m_docks[0], m_docks[1]}, {300, 300}, Qt::Horizontal);
    m_docks[2]->hide();
    m_docks[3]->hide();

    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { showSelected(item); });
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { showSelected(item); });
    connect(m_thumbnails, &ThumbnailStrip::activated, this, [this](const QString& key) {
        if (!openDisplaySet(key))
            openRemoteThumbnail(key);
    });
    connect(m_measurementList, &MeasurementList::removeRequested, this, [this](const QUuid& id) {
        withActiveView([id](ImageView& view) { view.removeMeasurement(id); });
    });
    connect(m_measurementList, &MeasurementList::textEdited, this,
            [this](const QUuid& id, const QString& text) {
                withActiveView([&](ImageView& view) { view.updateMeasurementText(id, text); });
            });
    connect(m_measurementList, &MeasurementList::selected, this, [this](const QUuid& id) {
        withActiveView([id](ImageView& view) { view.selectMeasurement(id); });
    });
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Fenestra"));
    m_tree->setHeaderLabels({tr("Patient / study / series"), tr("Images")});
    m_tree->setAccessibleName(tr("Study browser"));
    m_thumbnails->setAccessibleName(tr("Series thumbnails"));
    m_measurementList->setAccessibleName(tr("Measurements"));
    m_errors->setAccessibleName(tr("Files that could not be opened"));
    // In the order the docks are made: createDocks(), then createArchiveDock().
    const std::array titles{QT_TR_NOOP("Studies"), QT_TR_NOOP("Series"), QT_TR_NOOP("Measurements"),
                            QT_TR_NOOP("Problems"), QT_TR_NOOP("Archives")};
    for (std::size_t i = 0; i < m_docks.size() && i < titles.size(); ++i)
        m_docks[i]->setWindowTitle(tr(titles[i]));
    for (const Translatable& t : m_translatable) {
        const QString text = QCoreApplication::translate(t.context, t.text);
        if (auto* action = qobject_cast<QAction*>(t.object))
            action->setText(text);
        else if (auto* menu = qobject_cast<QMenu*>(t.object))
            menu->setTitle(text);
        else if (auto* widget = qobject_cast<QWidget*>(t.object))
            widget->setWindowTitle(text);
    }
    retranslateSession();
    if (!m_patients.empty())
        populateBrowser();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_cancelImport)
        m_cancelImport->store(true);
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

QWidget* MainWindow::createView()
{
    auto* view = new ImageView(m_grid);
    view->setAnnotationsVisible(m_settings.annotationsVisible());
    view->setInterpolation(m_settings.linearInterpolation());
    view->setDecodedCacheLimit(qint64(m_settings.cacheSizeMb()) << 20);
    if (m_tools != nullptr && m_tools->checkedAction() != nullptr)
        view->setTool(static_cast<MouseTool>(m_tools->checkedAction()->data().toInt()));
    connect(view, &ImageView::activated, this,
            [this, view] { setActiveView(static_cast<int>(views().indexOf(view))); });
    connect(view, &ImageView::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(view, &ImageView::errorOccurred, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(view, &ImageView::measurementsChanged, this, [this, view] {
        saveMeasurements(*view);
        if (view == activeView())
            refreshMeasurementList();
    });
    return view;
}

void MainWindow::viewsChanged()
{
    std::vector<ImageView*> list;
    for (ImageView* view : views())
        list.push_back(view);
    // A view the layout dropped stops its transfers.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (std::find(list.begin(), list.end(), it.key()) == list.end()) {
            delete it.value();
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    m_sync->setViews(list);
    refreshMeasurementList();
}

void MainWindow::setActiveView(int index)
{
    if (index >= 0)
        m_grid->setActiveIndex(index);
}

ImageView* MainWindow::activeView() const
{
    if (ImageView* mpr = activeMprView())
        return mpr;
    return qobject_cast<ImageView*>(m_grid->activeWidget());
}

QList<ImageView*> MainWindow::views() const
{
    QList<ImageView*> result;
    for (QWidget* w : m_grid->widgets())
        if (auto* view = qobject_cast<ImageView*>(w))
            result << view;
    return result;
}

bool MainWindow::setViewLayout(int rows, int columns)
{
    leaveMpr();
    if (!m_grid->setLayout(rows, columns))
        return false;
    m_settings.setViewLayout({rows, columns});
    fillEmptyViews();
    return true;
}

void MainWindow::openPaths(const QStringList& paths)
{
    if (m_importWatcher.isRunning()) {
        m_pendingPaths << paths; // opened when the running import ends
        return;
    }
    m_recent->addAll(paths);
    statusBar()->showMessage(tr("Opening..."));
    m_cancelImport = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelImport;
    m_importWatcher.setFuture(QtConcurrent::run([paths, cancel] {
        ImportOptions options;
        options.cancel = cancel.get();
        return importPaths(paths, options);
    }));
}

void MainWindow::closeAll()
{
    if (m_cancelImport)
        m_cancelImport->store(true);
    m_pendingPaths.clear();
    leaveMpr();
    qDeleteAll(m_streams);
    m_streams.clear();
    for (ImageView* view : views()) {
        const QSignalBlocker quiet(view); // closing is not an edit of the measurements
        view->clear();
    }
    m_thumbnails->clear();
    m_remoteThumbnails.clear();
    m_tree->clear();
    m_errors->clear();
    m_patients.clear();
    m_displaySets.clear();
    m_studyOfSeries.clear();
    m_measurements.clear();
    m_imports.clear(); // extracted archives go with them
    refreshMeasurementList();
    m_sync->refresh();
}

void MainWindow::importFinished()
{
    ImportResult result = m_importWatcher.result();
    if (!result.cancelled || !m_imports.empty() || result.library.instances().size() > 0) {
        for (const FileError& e : result.library.errors())
            m_errors->addItem(tr("%1: %2").arg(e.source, describeError(e.error)));
        for (const QString& w : result.warnings)
            m_errors->addItem(w);
        if (m_errors->count() > 0)
            m_docks[3]->show();
        if (m_imports.empty())
            m_imports.push_back(std::move(result));
        else {
            m_imports.front().library.merge(std::move(result.library));
            if (result.extracted)
                m_imports.push_back(std::move(result)); // keeps extracted archives alive
        }
        populateBrowser();
        m_statusLabel->setText(tr("%n objects", nullptr,
                                  static_cast<int>(m_imports.front().library.instances().size())));
        statusBar()->clearMessage();
    }
    if (!m_pendingPaths.isEmpty()) {
        const QStringList next = std::exchange(m_pendingPaths, {});
        openPaths(next);
        return;
    }
    emit opened();
}

void MainWindow::populateBrowser()
{
    if (m_imports.empty())
        return;
    const bool firstFill = m_displaySets.isEmpty();
    m_patients = m_imports.front().library.tree();
    // Local studies are listed anew; studies opened from an archive stay.
    for (int t = m_tree->topLevelItemCount() - 1; t >= 0; --t)
        if (!m_tree->topLevelItem(t)->data(0, kRemoteRole).isValid())
            delete m_tree->takeTopLevelItem(t);
    m_displaySets.clear();
    std::vector<ThumbnailEntry> thumbnails;
    for (const PatientNode& patient : m_patients) {
        auto* pItem = new QTreeWidgetItem(
            m_tree, {patient.info.name.isEmpty() ? tr("(no name)") : patient.info.name});
        for (const StudyNode& study : patient.studies) {
            auto* sItem = new QTreeWidgetItem(
                pItem, {study.info.date + QLatin1Char(' ') + study.info.description});
            for (const SeriesNode& series : study.series) {
                m_studyOfSeries.insert(series.info.instanceUid, study.info.instanceUid);
                for (const DisplaySet& ds : series.displaySets) {
                    const QString key = ThumbnailStrip::keyFor(ds);
                    auto* item = new QTreeWidgetItem(
                        sItem, {tr("%1 %2").arg(series.info.modality, series.info.description),
                                QString::number(ds.frames.size())});
                    item->setData(0, kKeyRole, key);
                    m_displaySets.insert(key, ds);
                    thumbnails.push_back({key, {}, ds});
                }
            }
        }
    }
    m_tree->expandAll();
    m_thumbnails->setDisplaySets(thumbnails);
    for (auto it = m_remoteThumbnails.cbegin(); it != m_remoteThumbnails.cend(); ++it)
        m_thumbnails->addEntry(it.key(), it->label, it->frameCount); // streamed series stay
    if (firstFill) {
        fillEmptyViews();
        setActiveView(0);
    }
}

void MainWindow::fillEmptyViews()
{
    // Each empty view gets the display set after those already shown before it, so that a
    // comparison is one key away.
    const QStringList keys = displaySetKeys();
    const QList<ImageView*> all = views();
    qsizetype next = 0;
    for (qsizetype v = 0; v < all.size(); ++v) {
        if (all[v]->hasDisplaySet())
            next = qMax(next, keys.indexOf(ThumbnailStrip::keyFor(all[v]->displaySet())) + 1);
        else if (next < keys.size())
            openDisplaySet(keys[next++], static_cast<int>(v));
    }
}

QStringList MainWindow::displaySetKeys() const
{
    return m_thumbnails->keys();
}

void MainWindow::showSelected(QTreeWidgetItem* item)
{
    if (item != nullptr && item->data(0, kKeyRole).isValid())
        openDisplaySet(item->data(0, kKeyRole).toString());
    else
        openRemoteItem(item);
}

bool MainWindow::openDisplaySet(const QString& key, int viewIndex)
{
    const auto it = m_displaySets.constFind(key);
    const QList<ImageView*> all = views();
    ImageView* view = viewIndex < 0 ? activeView() : all.value(viewIndex);
    if (it == m_displaySets.constEnd() || view == nullptr)
        return false;
    {
        const QSignalBlocker quiet(view); // dropping the old measurements is not an edit
        view->setDisplaySet(*it);
    }
    loadMeasurements(*view);
    m_thumbnails->setCurrent(key);
    m_sync->refresh();
    if (view == activeView()) {
        view->setFocus();
        refreshMeasurementList();
    }
    return true;
}

} // namespace fenestra::app
