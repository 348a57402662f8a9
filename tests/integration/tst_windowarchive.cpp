// The window with a real archive: search a patient across two archives (one dead), open a
// study from the results, and see its first series stream into the view, showing exactly what
// the same series shows when opened from disk.

#include "archivetest.h"

#include "gui/mainwindow.h"
#include "gui/searchpanel.h"
#include "gui/thumbnailstrip.h"
#include "media/importer.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra;
using namespace fenestra::integration;

class TestWindowArchive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void openStudyFromSearch_streamsTheSeriesAndShowsItLikeFromDisk();

private:
    OrthancServer m_orthanc;
    QMap<QString, ManifestStudy> m_studies;
};

void TestWindowArchive::initTestCase()
{
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    QVERIFY(m_studies.contains(QStringLiteral("ct")));
    QVERIFY(m_orthanc.start());
    QVERIFY(uploadStudies(m_orthanc, m_studies, {QStringLiteral("ct"), QStringLiteral("mr")}) > 0);
}

void TestWindowArchive::openStudyFromSearch_streamsTheSeriesAndShowsItLikeFromDisk()
{
    QTemporaryDir dir;
    app::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    app::MainWindow window(settings, dir.filePath(QStringLiteral("notes")));
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const net::ArchiveConfig live{QStringLiteral("Hospital A"), QUrl(m_orthanc.dicomWebUrl())};
    const net::ArchiveConfig dead{
        QStringLiteral("Hospital B"),
        QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(pickFreePort()))};
    window.setArchives({live, dead});

    // Search: both archives answer on their own; the live one lists the CT study.
    QSignalSpy searched(window.searchPanel(), &app::SearchPanel::searchFinished);
    window.searchPanel()->search();
    QVERIFY(searched.wait(30000));
    QSignalSpy openRequested(window.searchPanel(), &app::SearchPanel::openStudyRequested);

    // Open the CT study as a double-click on its row would.
    const ManifestStudy ct = m_studies.value(QStringLiteral("ct"));
    window.openRemoteStudy(live, ct.studyUid, true);
    viewer::ImageView* view = window.activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));
    QCOMPARE(view->frameCount(), 40);
    QVERIFY(QTest::qWaitFor(
        [&] { return view->isFrameReady(view->currentIndex()) && view->centreMessage().isEmpty(); },
        30000));

    // The streamed series has its thumbnail, with a progress bar until it is complete.
    const QString key = app::ThumbnailStrip::keyFor(view->displaySet());
    QVERIFY(window.thumbnails()->keys().contains(key));
    QVERIFY(QTest::qWaitFor([&] { return !window.thumbnails()->thumbnail(key).isNull(); }, 30000));
    QVERIFY(QTest::qWaitFor([&] { return window.thumbnails()->progress(key) < 0; }, 60000));

    // The same frames from disk, in a second view: identical pixels on screen.
    viewer::ImageView fromDisk;
    fromDisk.resize(view->size());
    fromDisk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fromDisk));
    const viewer::ImportResult imported = viewer::importPaths(ct.files());
    fromDisk.setDisplaySet(
        imported.library.tree().at(0).studies.at(0).series.at(0).displaySets.at(0));
    for (int index : {0, 20, 39}) {
        view->setCurrentIndex(index);
        fromDisk.setCurrentIndex(index);
        QVERIFY(QTest::qWaitFor([&] { return view->isFrameReady(index); }, 30000));
        QVERIFY(QTest::qWaitFor([&] { return fromDisk.isFrameReady(index); }, 30000));
        QTest::qWait(50);
        const QImage streamed = view->renderToImage(false);
        const QImage local = fromDisk.renderToImage(false);
        QCOMPARE(streamed.size(), local.size());
        QVERIFY2(streamed == local, qPrintable(QStringLiteral("frame %1 differs").arg(index)));
    }
}

int main(int argc, char* argv[])
{
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestWindowArchive test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowarchive.moc"
