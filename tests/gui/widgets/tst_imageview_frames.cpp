// ImageView's frames over time: cine at the header's rate, views destroyed while their frames
// are still decoding, a corrupt frame among good ones, export of frames other than the shown
// one, and the annotations drawn over the image.

#include "viewfixture.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace fixture;

class TestImageViewFrames : public QObject
{
    Q_OBJECT
private slots:
    void cine_playsTheUltrasoundClipAtTheHeaderRate_andStops();
    void destroyingTheView_whileFramesDecode_neitherCrashesNorCallsBack();
    void destroyingTheWindow_whileFramesDecode_neitherCrashesNorCallsBack();
    void corruptFrame_showsItsError_andTheOtherFramesStillShow();
    void renderFrameImage_exportsAnotherFrame_andLeavesTheViewAsItWas();
    void annotations_areDrawnOnlyWhenAskedAndVisible();
    void referenceLines_areDrawnAcrossTheImage();
    void clear_showsNothingAndForgetsTheDisplaySet();
    void displaySetOpenedBeforeShowing_isShownFittedOnceVisible();
};

namespace {

// Every display set of every series under the test data: a few hundred frames in a dozen
// transfer syntaxes, some slow to decode (JPEG 2000), for the destruction races.
DisplaySet largeDisplaySet()
{
    const ImportResult result =
        importPaths({dataPath(QStringLiteral("ct")), dataPath(QStringLiteral("syntaxes")),
                     dataPath(QStringLiteral("mr"))});
    DisplaySet all;
    for (const auto& patient : result.library.tree())
        for (const auto& study : patient.studies)
            for (const auto& series : study.series)
                for (const auto& displaySet : series.displaySets)
                    if (isMonochrome(displaySet.format.photometric))
                        all.frames.insert(all.frames.end(), displaySet.frames.begin(),
                                          displaySet.frames.end());
    all.format = all.frames.empty() ? PixelFormat{} : all.frames.front().instance->format;
    return all;
}

int countColours(const QImage& image, bool colouredOnly)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb c = image.pixel(x, y);
            if (!colouredOnly || qRed(c) != qGreen(c) || qGreen(c) != qBlue(c))
                colours.insert(c);
        }
    return static_cast<int>(colours.size());
}

int countLight(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qGray(image.pixel(x, y)) > 200 ? 1 : 0;
    return count;
}

} // namespace

void TestImageViewFrames::cine_playsTheUltrasoundClipAtTheHeaderRate_andStops()
{
    const DisplaySet clip = loadDisplaySet(QStringLiteral("us"));
    const QJsonObject cine =
        manifest()["studies"_L1]["us"_L1]["series"_L1][0]["cine"_L1].toObject();
    const int frames = cine["frames"_L1].toInt();
    QCOMPARE(static_cast<int>(clip.frames.size()), frames);
    const double headerInterval = 1000.0 / cine["recommended_frame_rate"_L1].toDouble();
    ShownView shown(QSize(320, 240));
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(clip));
    QCOMPARE(shown.view->currentIndex(), 0); // a clip opens on its first frame
    QVERIFY(std::abs(shown.view->cineIntervalMs() - headerInterval) < 0.5);

    QSignalSpy shownFrames(shown.view.get(), &ImageView::frameShown);
    shown.view->startCine();
    QVERIFY(shown.view->isCinePlaying());
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(2000); // the measurement interval itself
    const qint64 elapsed = clock.elapsed();
    const int count = static_cast<int>(shownFrames.size());
    const double expected = static_cast<double>(elapsed) / headerInterval;
    QVERIFY2(count >= expected * 0.8 && count <= expected * 1.1 + 1,
             qPrintable(QStringLiteral("%1 frames in %2 ms, expected about %3")
                            .arg(count)
                            .arg(elapsed)
                            .arg(expected)));
    // It loops: after the last frame comes the first again, in order.
    for (int i = 1; i < count; ++i) {
        const int previous = shownFrames.at(i - 1).at(0).toInt();
        QCOMPARE(shownFrames.at(i).at(0).toInt(), (previous + 1) % frames);
    }

    shown.view->stopCine();
    QVERIFY(!shown.view->isCinePlaying());
    shownFrames.clear();
    QVERIFY(!shownFrames.wait(static_cast<int>(headerInterval * 5)));

    // Twice the speed halves the interval.
    shown.view->setCineSpeed(2.0);
    QVERIFY(std::abs(shown.view->cineIntervalMs() - headerInterval / 2) < 0.5);
}

void TestImageViewFrames::destroyingTheView_whileFramesDecode_neitherCrashesNorCallsBack()
{
    const DisplaySet large = largeDisplaySet();
    QVERIFY(large.frames.size() > 100);
    for (int round = 0; round < 10; ++round) {
        auto* view = new ImageView;
        view->resize(200, 200);
        view->show();
        QSignalSpy shown(view, &ImageView::frameShown);
        view->setDisplaySet(large);
        // Jump around so decodes of many instances are queued and running.
        for (int i = 0; i < 40; ++i)
            view->setCurrentIndex((i * 37) % static_cast<int>(large.frames.size()));
        QPointer<ImageView> guard(view);
        delete view;
        QVERIFY(guard.isNull());
        // Anything a job posted for the dead view would be delivered here.
        QCoreApplication::processEvents();
    }
    // The pool is idle and nothing ran against a dead object (ASan/valgrind by hand).
    QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
    QCoreApplication::processEvents();
}

void TestImageViewFrames::destroyingTheWindow_whileFramesDecode_neitherCrashesNorCallsBack()
{
    const DisplaySet large = largeDisplaySet();
    for (int round = 0; round < 5; ++round) {
        auto* window = new QWidget;
        auto* layout = new QVBoxLayout(window);
        std::vector<QPointer<ImageView>> views;
        for (int i = 0; i < 3; ++i) {
            auto* view = new ImageView(window);
            layout->addWidget(view);
            views.emplace_back(view);
        }
        window->resize(300, 600);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        for (std::size_t i = 0; i < views.size(); ++i) {
            views[i]->setDisplaySet(large);
            views[i]->setCurrentIndex(static_cast<int>(i * 50));
        }
        delete window;
        for (const auto& view : views)
            QVERIFY(view.isNull());
        QCoreApplication::processEvents();
    }
    QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
}

void TestImageViewFrames::corruptFrame_showsItsError_andTheOtherFramesStillShow()
{
    // A copy of the CT series in which one slice is replaced, after import, by the scenario's
    // file cut in the middle of its pixel data: the header was read, the pixels fail.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir ct(dataPath(QStringLiteral("ct")));
    for (const QString& name : ct.entryList(QDir::Files))
        QVERIFY(QFile::copy(ct.filePath(name), dir.filePath(name)));
    const DisplaySet copy = loadDisplaySet(QStringList{dir.path()});
    QCOMPARE(copy.frames.size(), std::size_t{40});
    const int broken = 22;
    const QString victim = copy.frames[broken].instance->localPath;
    QVERIFY(QFile::remove(victim));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("scenarios/bad/IM000001.dcm")), victim));

    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(copy)); // frame 20
    shown.view->setWindowLevel(WindowLevel{40, 400});
    QSignalSpy errors(shown.view.get(), &ImageView::errorOccurred);
    shown.view->setCurrentIndex(broken);
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QVERIFY(!errors.first().at(0).toString().isEmpty());
    QVERIFY2(shown.view->centreMessage().contains(QLatin1String("truncated")),
             qPrintable(shown.view->centreMessage()));
    QVERIFY(!shown.view->isFrameReady(broken));
    QCOMPARE(shown.view->displayedGrey(QPointF(32.5, 32.5)), -1);
    const QImage failed = shown.view->renderToImage(false);
    QCOMPARE(qGray(failed.pixel(shown.devicePixel(QPointF(32.5, 32.5)))), 0); // background only
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_error.png"));

    for (const int neighbour : {broken - 1, broken + 1}) {
        QVERIFY(shown.goTo(neighbour));
        QCOMPARE(shown.view->displayedGrey(QPointF(32.5, 32.5)), expectedGrey(0, 40, 400));
    }
    // Back on the broken one: the error is remembered, not decoded again.
    shown.view->setCurrentIndex(broken);
    QVERIFY(!shown.view->centreMessage().isEmpty());
}

void TestImageViewFrames::renderFrameImage_exportsAnotherFrame_andLeavesTheViewAsItWas()
{
    const DisplaySet ct = loadDisplaySet(QStringLiteral("ct"));
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(ct));
    shown.view->setWindowLevel(WindowLevel{40, 400});
    const int middle = shown.view->currentIndex();
    QSignalSpy moved(shown.view.get(), &ImageView::currentIndexChanged);
    const QPoint centre = shown.devicePixel(QPointF(32.5, 32.5));
    // The last slice is beyond the water cylinder: air in the middle.
    const QImage last = shown.view->renderFrameImage(39, false);
    QCOMPARE(qGray(last.pixel(centre)), expectedGrey(-1000, 40, 400));
    QVERIFY(moved.isEmpty());
    QCOMPARE(shown.view->currentIndex(), middle);
    QCOMPARE(qGray(shown.view->renderToImage(false).pixel(centre)), expectedGrey(0, 40, 400));
}

void TestImageViewFrames::annotations_areDrawnOnlyWhenAskedAndVisible()
{
    ShownView shown(QSize(700, 600));
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(loadDisplaySet(QStringLiteral("ct"))));
    shown.view->setWindowLevel(WindowLevel{40, 400});
    // The CT image is grey: any coloured pixel comes from the overlay (yellow markers).
    QCOMPARE(countColours(shown.view->renderToImage(false), true), 0);
    const QImage annotated = shown.view->renderToImage(true);
    QVERIFY(countColours(annotated, true) > 0);
    saveScreenshot(annotated, QStringLiteral("imageview_ct.png"));
    // Light text on the black top-left corner (the patient's name and ID).
    QVERIFY(countLight(annotated.copy(0, 0, 150, 40)) > 50);
    QCOMPARE(countLight(shown.view->renderToImage(false).copy(0, 0, 150, 40)), 0);
    shown.view->setAnnotationsVisible(false);
    QCOMPARE(countColours(shown.view->renderToImage(true), true), 0);

    shown.view->setAnnotationsVisible(true);
    shown.view->rotate(true);
    shown.view->flipHorizontal();
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_ct_rotated.png"));
    QVERIFY(shown.open(loadDisplaySet(QStringLiteral("mr"))));
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_mr.png"));
    QVERIFY(shown.open(loadDisplaySet(QStringLiteral("us"))));
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_us.png"));
    for (const QString& plane : {QStringLiteral("coronal"), QStringLiteral("sagittal")}) {
        const QString folder = QStringLiteral("scenarios/") + plane;
        if (QDir(dataPath(folder)).exists() && shown.open(loadDisplaySet(folder)))
            saveScreenshot(shown.view->renderToImage(true),
                           QStringLiteral("imageview_%1.png").arg(plane));
    }
}

void TestImageViewFrames::referenceLines_areDrawnAcrossTheImage()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(loadDisplaySet(QStringLiteral("ct"))));
    shown.view->setAnnotationsVisible(false); // lines are not annotations: they stay
    shown.view->setReferenceLines({QLineF(0, 40, 64, 40)});
    const QImage image = shown.view->renderToImage(true);
    const int y = shown.devicePixel(QPointF(0, 40)).y();
    int yellow = 0;
    for (int x = 0; x < image.width(); ++x)
        for (int dy = -1; dy <= 1; ++dy) {
            const QRgb c = image.pixel(x, y + dy);
            yellow += qRed(c) > 150 && qGreen(c) > 150 && qBlue(c) < 120 ? 1 : 0;
        }
    QVERIFY2(yellow > image.width() / 4, qPrintable(QString::number(yellow))); // dashed
    shown.view->setReferenceLines({});
    QCOMPARE(countColours(shown.view->renderToImage(true), true), 0);
}

void TestImageViewFrames::clear_showsNothingAndForgetsTheDisplaySet()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(loadDisplaySet(QStringLiteral("ct"))));
    shown.view->clear();
    QVERIFY(!shown.view->hasDisplaySet());
    QCOMPARE(shown.view->frameCount(), 0);
    QVERIFY(shown.view->centreMessage().isEmpty());
    const QImage image = shown.view->renderToImage(true);
    QCOMPARE(countColours(image, false), 1); // the background only
    shown.view->setCurrentIndex(3);          // harmless
    QTest::keyClick(shown.view.get(), Qt::Key_End);
    QCOMPARE(shown.view->currentIndex(), 0);
}

void TestImageViewFrames::displaySetOpenedBeforeShowing_isShownFittedOnceVisible()
{
    ImageView view;
    QSignalSpy shownFrames(&view, &ImageView::frameShown);
    view.setDisplaySet(loadDisplaySet(QStringLiteral("ct")));
    view.setWindowLevel(WindowLevel{40, 400});
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY_WITH_TIMEOUT(!shownFrames.isEmpty(), 10000);
    // Fitted to the final size: the 64 x 64 image fills the height.
    QCOMPARE(view.transform().zoom(), 400.0 / 64.0);
    const QImage image = view.renderToImage(false);
    const QPointF water = view.transform().toWidget(QPointF(32.5, 32.5));
    QCOMPARE(qGray(image.pixel((water * view.devicePixelRatioF()).toPoint())),
             expectedGrey(0, 40, 400));
}

FENESTRA_GUI_TEST_MAIN(TestImageViewFrames)

#include "tst_imageview_frames.moc"
