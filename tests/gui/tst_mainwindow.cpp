// The viewer window opens a study and shows the middle image of the first display set exactly
// as the 2D pipeline renders it.

#include "dicom/dicomreader.h"
#include "gui/mainwindow.h"
#include "gui/stackview.h"
#include "image/framerenderer.h"
#include "media/importer.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace fenestra;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void openFolder_showsMiddleImageOfFirstSeries();
    void openMissingPath_listsTheErrorAndKeepsWorking();
};

namespace {

QString ctFolder()
{
    return QStringLiteral(FENESTRA_TEST_DATA "/ct");
}

// The middle frame of the CT phantom as the pipeline renders it.
QImage expectedMiddleImage()
{
    const viewer::ImportResult result = viewer::importPaths({ctFolder()});
    const auto tree = result.library.tree();
    const viewer::DisplaySet& ds = tree.at(0).studies.at(0).series.at(0).displaySets.at(0);
    const viewer::FrameRef& ref = ds.frames.at(ds.frames.size() / 2);
    auto pixels = viewer::decodeDicomPixels(
        viewer::DicomSource{ref.instance->source, ref.instance->localPath, {}});
    return pixels ? viewer::renderFrame(*ref.instance, *pixels, ref.frame) : QImage();
}

} // namespace

void TestMainWindow::openFolder_showsMiddleImageOfFirstSeries()
{
    app::MainWindow window;
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &app::MainWindow::opened);
    window.openPaths({ctFolder()});
    QVERIFY(opened.wait(20000));

    auto* view = window.findChild<app::StackView*>();
    QVERIFY(view != nullptr);
    const QImage expected = expectedMiddleImage();
    QVERIFY(!expected.isNull());
    QCOMPARE(view->currentIndex(), 20); // 40 slices: the middle one

    QTest::qWait(100);
    const QImage shown = view->grab().toImage().convertToFormat(QImage::Format_RGB32);
    // Not blank: the phantom shows several grey levels.
    QSet<QRgb> colours;
    for (int y = 0; y < shown.height(); y += 7)
        for (int x = 0; x < shown.width(); x += 7)
            colours.insert(shown.pixel(x, y));
    QVERIFY2(colours.size() >= 3, "the view is blank");
    // The centre of the view shows the centre of the image (fitted, centred): same grey.
    const int expectedGrey = qGray(expected.pixel(expected.width() / 2, expected.height() / 2));
    const int shownGrey = qGray(shown.pixel(shown.width() / 2, shown.height() / 2));
    QVERIFY2(std::abs(expectedGrey - shownGrey) <= 1,
             qPrintable(QStringLiteral("shown %1, pipeline %2").arg(shownGrey).arg(expectedGrey)));
}

void TestMainWindow::openMissingPath_listsTheErrorAndKeepsWorking()
{
    app::MainWindow window;
    window.show();
    QSignalSpy opened(&window, &app::MainWindow::opened);
    window.openPaths({QStringLiteral("/nonexistent/file.dcm"), ctFolder()});
    QVERIFY(opened.wait(20000));
    auto* problems = window.findChild<QListWidget*>();
    QVERIFY(problems != nullptr);
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().startsWith(QStringLiteral("/nonexistent/file.dcm: ")));
    QVERIFY(window.findChild<app::StackView*>()->currentIndex() > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
