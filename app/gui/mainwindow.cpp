#include "mainwindow.h"

#include "errortext.h"
#include "stackview.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {
constexpr int kSeriesRole = Qt::UserRole + 1;
constexpr int kDisplaySetRole = Qt::UserRole + 2;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Fenestra"));
    m_view = new StackView(this);
    setCentralWidget(m_view);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Patient / study / series"), tr("Images")});
    m_tree->setAccessibleName(tr("Study browser"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* browser = new QDockWidget(tr("Studies"), this);
    browser->setObjectName(QStringLiteral("studies"));
    browser->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, browser);
    resizeDocks({browser}, {340}, Qt::Horizontal);

    m_errors = new QListWidget(this);
    m_errors->setAccessibleName(tr("Files that could not be opened"));
    auto* problems = new QDockWidget(tr("Problems"), this);
    problems->setObjectName(QStringLiteral("problems"));
    problems->setWidget(m_errors);
    addDockWidget(Qt::BottomDockWidgetArea, problems);
    problems->hide();

    createMenus();
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { showSelected(item); });
    connect(m_view, &StackView::statusChanged, statusBar(),
            [this](const QString& message) { statusBar()->showMessage(message); });
    connect(&m_importWatcher, &QFutureWatcher<ImportResult>::finished, this,
            &MainWindow::importFinished);
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
    if (m_cancelImport)
        m_cancelImport->store(true);
    m_importWatcher.waitForFinished();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open files..."), QKeySequence::Open, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open DICOM files"));
        if (!files.isEmpty())
            openPaths(files);
    });
    file->addAction(tr("Open &folder..."), QKeySequence(tr("Ctrl+Shift+O")), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder or CD"));
        if (!dir.isEmpty())
            openPaths({dir});
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::openPaths(const QStringList& paths)
{
    if (m_importWatcher.isRunning())
        return;
    statusBar()->showMessage(tr("Opening..."));
    m_cancelImport = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelImport;
    m_importWatcher.setFuture(QtConcurrent::run([paths, cancel] {
        ImportOptions options;
        options.cancel = cancel.get();
        return importPaths(paths, options);
    }));
}

void MainWindow::importFinished()
{
    ImportResult result = m_importWatcher.result();
    for (const FileError& e : result.library.errors())
        m_errors->addItem(tr("%1: %2").arg(e.source, describeError(e.error)));
    for (const QString& w : result.warnings)
        m_errors->addItem(w);
    if (m_errors->count() > 0)
        m_errors->parentWidget()->show();
    if (!m_imports.empty()) {
        m_imports.front().library.merge(std::move(result.library));
        if (result.extracted)
            m_imports.push_back(std::move(result)); // keeps extracted archives alive
    } else {
        m_imports.push_back(std::move(result));
    }
    populateTree();
    statusBar()->showMessage(tr("%n objects opened", nullptr,
                                static_cast<int>(m_imports.front().library.instances().size())));
    emit opened();
}

void MainWindow::populateTree()
{
    m_patients = m_imports.front().library.tree();
    m_tree->clear();
    QTreeWidgetItem* first = nullptr;
    for (std::size_t p = 0; p < m_patients.size(); ++p) {
        const PatientNode& patient = m_patients[p];
        auto* pItem = new QTreeWidgetItem(
            m_tree, {patient.info.name.isEmpty() ? tr("(no name)") : patient.info.name});
        for (const StudyNode& study : patient.studies) {
            auto* sItem = new QTreeWidgetItem(
                pItem, {study.info.date + QLatin1Char(' ') + study.info.description});
            for (const SeriesNode& series : study.series) {
                for (std::size_t d = 0; d < series.displaySets.size(); ++d) {
                    auto* item = new QTreeWidgetItem(
                        sItem, {tr("%1 %2").arg(series.info.modality, series.info.description),
                                QString::number(series.displaySets[d].frames.size())});
                    item->setData(0, kSeriesRole, series.info.instanceUid);
                    item->setData(0, kDisplaySetRole, static_cast<int>(d));
                    if (first == nullptr)
                        first = item;
                }
            }
        }
    }
    m_tree->expandAll();
    if (first != nullptr)
        m_tree->setCurrentItem(first);
}

void MainWindow::showSelected(QTreeWidgetItem* item)
{
    if (item == nullptr || !item->data(0, kSeriesRole).isValid())
        return;
    const QString uid = item->data(0, kSeriesRole).toString();
    const auto index = static_cast<std::size_t>(item->data(0, kDisplaySetRole).toInt());
    for (const PatientNode& p : m_patients)
        for (const StudyNode& st : p.studies)
            for (const SeriesNode& s : st.series)
                if (s.info.instanceUid == uid && index < s.displaySets.size()) {
                    m_view->setDisplaySet(s.displaySets[index]);
                    m_view->setFocus();
                    return;
                }
}

} // namespace fenestra::app
