// The review workstation as a whole, with real widgets and real rendering under Xvfb: opening,
// comparing two studies side by side, measurements kept with the study, export, language, and
// closing while frames are still loading.

#include "gui/exporter.h"
#include "gui/helpoverlay.h"
#include "gui/mainwindow.h"
#include "gui/thumbnailstrip.h"
#include "gui/viewsync.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "translations.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QScreen>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtMath>

using namespace fenestra;
using viewer::ImageView;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void openFolder_showsMiddleImageOfFirstSeries();
    void openMissingPath_listsTheErrorAndKeepsWorking();
    void dropFolder_opensIt();
    void openZipAndCd_listsTheirStudies();
    void screenshots_inEnglishAndFrench_showTheImage_data();
    void screenshots_inEnglishAndFrench_showTheImage();
    void sideBySide_priorStudy_scrollsByPosition();
    void sideBySide_axialAndCoronal_showReferenceLines();
    void measurements_areKeptWithTheStudy();
    void exportWholeSeries_writesOneImagePerFrame();
    void closeWhileLoading_neitherCrashesNorLeavesWork();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<app::Settings> m_settings;
    std::unique_ptr<app::MainWindow> openWindow(const QStringList& folders);
};

namespace {

QString data(const QString& folder)
{
    return QStringLiteral(FENESTRA_TEST_DATA "/") + folder;
}

QJsonObject manifest()
{
    QFile f(data(QStringLiteral("manifest.json")));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject scenario(const char* name)
{
    return manifest()[QLatin1String("scenarios")].toObject()[QLatin1String(name)].toObject();
}

bool waitShown(ImageView* view, int timeoutMs = 20000)
{
    return QTest::qWaitFor(
        [view] {
            return view->hasDisplaySet() && view->isFrameReady(view->currentIndex()) &&
                   view->centreMessage().isEmpty();
        },
        timeoutMs);
}

// Distinct grey levels in a region of an image, sampled on a grid.
int greyLevels(const QImage& image, QRect region)
{
    QSet<int> greys;
    for (int y = region.top(); y < region.bottom(); y += 5)
        for (int x = region.left(); x < region.right(); x += 5)
            greys.insert(qGray(image.pixel(x, y)));
    return static_cast<int>(greys.size());
}

QString keyOfSeries(const app::MainWindow& window, const QString& seriesUid)
{
    for (const QString& key : window.displaySetKeys())
        if (key.startsWith(seriesUid + QLatin1Char('#')))
            return key;
    return {};
}

} // namespace

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<app::Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void TestMainWindow::cleanup()
{
    app::setLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<app::MainWindow> TestMainWindow::openWindow(const QStringList& folders)
{
    auto window =
        std::make_unique<app::MainWindow>(*m_settings, m_dir->filePath(QStringLiteral("notes")));
    window->resize(1200, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QSignalSpy opened(window.get(), &app::MainWindow::opened);
    QStringList paths;
    for (const QString& f : folders)
        paths << data(f);
    window->openPaths(paths);
    if (!opened.wait(30000))
        return nullptr;
    return window;
}

void TestMainWindow::openFolder_showsMiddleImageOfFirstSeries()
{
    auto window = openWindow({QStringLiteral("ct")});
    QVERIFY(window);
    ImageView* view = window->activeView();
    QVERIFY(view != nullptr);
    QVERIFY(waitShown(view));
    QCOMPARE(view->frameCount(), 40);
    QCOMPARE(view->currentIndex(), 20);
    QCOMPARE(window->thumbnails()->count(), 1);
    QCOMPARE(view->tool(), viewer::MouseTool::Scroll);
}

void TestMainWindow::openMissingPath_listsTheErrorAndKeepsWorking()
{
    auto window = std::make_unique<app::MainWindow>(*m_settings, m_dir->path());
    window->show();
    QSignalSpy opened(window.get(), &app::MainWindow::opened);
    window->openPaths({QStringLiteral("/nonexistent/file.dcm"), data(QStringLiteral("ct"))});
    QVERIFY(opened.wait(30000));
    QListWidget* problems = nullptr;
    for (QListWidget* list : window->findChildren<QListWidget*>())
        if (list->count() > 0 && list->item(0)->text().startsWith(QLatin1String("/nonexistent")))
            problems = list;
    QVERIFY(problems != nullptr);
    QCOMPARE(problems->count(), 1);
    QVERIFY(waitShown(window->activeView()));
}

void TestMainWindow::dropFolder_opensIt()
{
    app::MainWindow window(*m_settings, m_dir->path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &app::MainWindow::opened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(data(QStringLiteral("mr")))});
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(opened.wait(30000));
    QVERIFY(waitShown(window.activeView()));
    QCOMPARE(window.activeView()->frameCount(), 24);
}

void TestMainWindow::openZipAndCd_listsTheirStudies()
{
    const QJsonObject zip = scenario("zip");
    QString archive;
    for (const QString& name : QDir(data(zip[QLatin1String("directory")].toString()))
                                   .entryList({QStringLiteral("*.zip")}))
        archive = zip[QLatin1String("directory")].toString() + QLatin1Char('/') + name;
    QVERIFY(!archive.isEmpty());
    auto window = openWindow({archive, QStringLiteral("cd/DICOMDIR")});
    QVERIFY(window);
    // The zip's series and the CD's two series (CT, MR), each with a thumbnail.
    QVERIFY2(window->displaySetKeys().size() >= 3,
             qPrintable(window->displaySetKeys().join(QLatin1Char(' '))));
    QVERIFY(waitShown(window->activeView()));
}

void TestMainWindow::screenshots_inEnglishAndFrench_showTheImage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("&File");
    QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("&Fichier");
}

void TestMainWindow::screenshots_inEnglishAndFrench_showTheImage()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    app::setLanguage(*QCoreApplication::instance(), language);
    auto window = openWindow({QStringLiteral("ct"), QStringLiteral("mr")});
    QVERIFY(window);
    QVERIFY(window->setViewLayout(1, 2));
    for (ImageView* view : window->views())
        QVERIFY(waitShown(view));
    QTest::qWait(200);
    QCOMPARE(window->menuBar()->actions().first()->text(), fileMenu);

    // What the display shows, read back from the X server.
    const QImage shot = window->screen()->grabWindow(window->winId()).toImage();
    const QString file = QDir(QStringLiteral(FENESTRA_BINARY_DIR))
                             .filePath(QStringLiteral("mainwindow-%1.png").arg(language));
    QVERIFY(shot.save(file));
    // Each view's area of the window shows the phantom: many grey levels, not one flat colour.
    for (ImageView* view : window->views()) {
        const QRect area(view->mapTo(window.get(), QPoint(0, 0)), view->size());
        const QImage scaled = shot.scaled(window->size());
        QVERIFY2(greyLevels(scaled, area) >= 8, qPrintable(file));
        // The annotations are drawn: the corner text's yellow-white orientation markers and
        // white text make the top-left corner of each view differ from plain black.
        const QRect corner(area.topLeft(), QSize(150, 40));
        QVERIFY2(greyLevels(scaled, corner) >= 3, qPrintable(file));
    }

    // The shortcut sheet (F1) lists the commands in the window's language.
    window->helpOverlay()->open();
    QTest::qWait(100);
    const auto entries = window->helpOverlay()->entries();
    QVERIFY(entries.size() > 40);
    const QString firstMenu = window->menuBar()->actions().first()->text().remove(QLatin1Char('&'));
    QCOMPARE(entries.front().category, firstMenu);
    window->screen()
        ->grabWindow(window->winId())
        .save(QDir(QStringLiteral(FENESTRA_BINARY_DIR))
                  .filePath(QStringLiteral("mainwindow-help-%1.png").arg(language)));
    window->helpOverlay()->dismiss();
}

void TestMainWindow::sideBySide_priorStudy_scrollsByPosition()
{
    auto window = openWindow({QStringLiteral("ct"), QStringLiteral("scenarios/prior_ct")});
    QVERIFY(window);
    QVERIFY(window->setViewLayout(1, 2));
    const QJsonObject prior = scenario("prior_ct");
    const QString ctKey = keyOfSeries(*window, manifest()[QLatin1String("studies")]
                                                   .toObject()[QLatin1String("ct")]
                                                   .toObject()[QLatin1String("series")]
                                                   .toArray()[0]
                                                   .toObject()[QLatin1String("series_instance_uid")]
                                                   .toString());
    const QString priorKey =
        keyOfSeries(*window, prior[QLatin1String("series_instance_uid")].toString());
    QVERIFY(!ctKey.isEmpty() && !priorKey.isEmpty());
    QVERIFY(window->openDisplaySet(ctKey, 0));
    QVERIFY(window->openDisplaySet(priorKey, 1));
    ImageView* current = window->views().at(0);
    ImageView* earlier = window->views().at(1);
    QVERIFY(window->viewSync()->scrollSync());
    const QJsonArray nearest =
        prior[QLatin1String("expected")].toObject()[QLatin1String("nearest_prior_slice")].toArray();
    QCOMPARE(nearest.size(), 40);
    for (int slice : {0, 7, 20, 33, 39}) {
        current->setCurrentIndex(slice);
        QCOMPARE(earlier->currentIndex(), nearest.at(slice).toInt());
    }
}

void TestMainWindow::sideBySide_axialAndCoronal_showReferenceLines()
{
    auto window = openWindow({QStringLiteral("ct"), QStringLiteral("scenarios/coronal")});
    QVERIFY(window);
    QVERIFY(window->setViewLayout(1, 2));
    const QJsonObject coronal = scenario("coronal");
    const QString coronalKey =
        keyOfSeries(*window, coronal[QLatin1String("series_instance_uid")].toString());
    QVERIFY(window->openDisplaySet(coronalKey, 1));
    ImageView* axial = window->views().at(0);
    QVERIFY(waitShown(axial));
    QVERIFY(waitShown(window->views().at(1)));
    // The coronal slice shown cuts the axial image along one image row: a horizontal line.
    const QImage with = axial->renderToImage(true);
    window->viewSync()->setReferenceLines(false);
    const QImage without = axial->renderToImage(true);
    QCOMPARE(with.size(), without.size());
    int changedRows = 0;
    for (int y = 0; y < with.height(); ++y) {
        int changed = 0;
        for (int x = 0; x < with.width(); ++x)
            changed += with.pixel(x, y) != without.pixel(x, y) ? 1 : 0;
        changedRows += changed > with.width() / 3 ? 1 : 0;
    }
    // A line a few pixels wide (antialiased; twice as many device rows at pixel ratio 2).
    const int most = 6 * qCeil(axial->devicePixelRatioF());
    QVERIFY2(changedRows >= 1 && changedRows <= most, qPrintable(QString::number(changedRows)));
}

void TestMainWindow::measurements_areKeptWithTheStudy()
{
    viewer::Measurement length;
    {
        auto window = openWindow({QStringLiteral("ct")});
        QVERIFY(window);
        ImageView* view = window->activeView();
        QVERIFY(waitShown(view));
        const viewer::FrameRef& frame = view->displaySet().frames.at(20);
        length.id = QUuid::createUuid();
        length.kind = viewer::MeasurementKind::Length;
        length.sopInstanceUid = frame.instance->sopInstanceUid;
        length.points = {QPointF(10.5, 10.5), QPointF(20.5, 10.5)};
        QSignalSpy changed(view, &ImageView::measurementsChanged);
        view->setMeasurements({length});
        view->updateMeasurementText(length.id, QStringLiteral("note"));
        QVERIFY(changed.count() >= 1);
    }
    // A new window on the same store shows it again; the store's file names hold no UID.
    auto window = openWindow({QStringLiteral("ct")});
    QVERIFY(window);
    const auto& restored = window->activeView()->measurements();
    QCOMPARE(restored.size(), std::size_t{1});
    QCOMPARE(restored.front().id, length.id);
    QCOMPARE(restored.front().points, length.points);
    for (const QString& name :
         QDir(m_dir->filePath(QStringLiteral("notes"))).entryList(QDir::Files))
        QVERIFY2(!name.contains(QLatin1String("2.25.")), qPrintable(name));
}

void TestMainWindow::exportWholeSeries_writesOneImagePerFrame()
{
    auto window = openWindow({QStringLiteral("ct")});
    QVERIFY(window);
    ImageView* view = window->activeView();
    QVERIFY(waitShown(view));
    app::ExportRequest request;
    request.scope = app::ExportScope::WholeDisplaySet;
    request.withAnnotations = false;
    request.target = m_dir->filePath(QStringLiteral("export"));
    QCOMPARE(app::Exporter::run(*view, request), QString());
    const QStringList files = QDir(request.target).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 40);
    QCOMPARE(files.first(), QStringLiteral("image-0001.png"));
    const QImage first(QDir(request.target).filePath(files.first()));
    QCOMPARE(first.size(), view->renderToImage(false).size());
    QCOMPARE(view->currentIndex(), 20); // the view is back where it was

    request.scope = app::ExportScope::CurrentView;
    request.format = QStringLiteral("jpg");
    request.target = m_dir->filePath(QStringLiteral("view.jpg"));
    QCOMPARE(app::Exporter::run(*view, request), QString());
    QVERIFY(!QImage(request.target).isNull());
}

void TestMainWindow::closeWhileLoading_neitherCrashesNorLeavesWork()
{
    for (int round = 0; round < 4; ++round) {
        auto window = std::make_unique<app::MainWindow>(*m_settings, m_dir->path());
        window->show();
        QSignalSpy opened(window.get(), &app::MainWindow::opened);
        window->openPaths({data(QStringLiteral("ct")), data(QStringLiteral("mr"))});
        if (round % 2 == 0) {
            // Close the studies as soon as they are listed, while frames are decoding.
            QVERIFY(opened.wait(30000));
            QPointer<ImageView> view = window->activeView();
            view->setCurrentIndex(5);
            window->closeAll();
            QVERIFY(!view->hasDisplaySet());
        }
        // Destroy the window with whatever is still running (import or decodes).
        QPointer<ImageView> view = window->activeView();
        window.reset();
        QVERIFY(view.isNull());
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    }
}

int main(int argc, char* argv[])
{
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
