// The thumbnail strip shows one rendered thumbnail per display set, reports the user's choice
// by key, draws progress over a thumbnail and survives being cleared or destroyed while its
// workers still render.

#include "dicom/dicomreader.h"
#include "gui/thumbnailstrip.h"
#include "image/framerenderer.h"
#include "media/importer.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace fenestra;
using app::ThumbnailEntry;
using app::ThumbnailStrip;

class TestThumbnailStrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void ctAndMrFolders_showOneRenderedThumbnailPerDisplaySet();
    void thumbnail_showsTheMiddleFrameInItsDefaultWindow();
    void clickOrEnter_emitsTheKeyOfTheThumbnail();
    void setProgress_drawsABarAndFullProgressRemovesIt();
    void clearWhileRendering_deliversNothingAndStaysUsable();
    void destroyWhileRendering_doesNotCrash();

private:
    std::vector<ThumbnailEntry> m_entries;
};

namespace {

std::vector<ThumbnailEntry> entriesOf(const QStringList& folders)
{
    const viewer::ImportResult result = viewer::importPaths(folders);
    std::vector<ThumbnailEntry> entries;
    for (const viewer::PatientNode& patient : result.library.tree())
        for (const viewer::StudyNode& study : patient.studies)
            for (const viewer::SeriesNode& series : study.series)
                for (const viewer::DisplaySet& ds : series.displaySets)
                    entries.push_back({ThumbnailStrip::keyFor(ds), QString(), ds});
    return entries;
}

bool allRendered(const ThumbnailStrip& strip)
{
    for (const QString& key : strip.keys())
        if (strip.thumbnail(key).isNull())
            return false;
    return true;
}

int greyLevels(const QImage& image)
{
    QSet<int> levels;
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y)
        for (int x = 0; x < grey.width(); ++x)
            levels.insert(qGray(grey.pixel(x, y)));
    return static_cast<int>(levels.size());
}

} // namespace

void TestThumbnailStrip::initTestCase()
{
    m_entries = entriesOf(
        {QStringLiteral(FENESTRA_TEST_DATA "/ct"), QStringLiteral(FENESTRA_TEST_DATA "/mr")});
    // One series in each study of the manifest, each a single display set.
    QCOMPARE(m_entries.size(), std::size_t{2});
}

void TestThumbnailStrip::ctAndMrFolders_showOneRenderedThumbnailPerDisplaySet()
{
    ThumbnailStrip strip;
    strip.resize(600, 200);
    strip.show();
    QSignalSpy finished(&strip, &ThumbnailStrip::renderingFinished);
    strip.setDisplaySets(m_entries);
    QCOMPARE(strip.count(), static_cast<int>(m_entries.size()));
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(allRendered(strip), 5000);
    for (const ThumbnailEntry& entry : m_entries) {
        const QImage image = strip.thumbnail(entry.key);
        QCOMPARE(std::max(image.width(), image.height()), ThumbnailStrip::kThumbnailSize);
        QVERIFY2(greyLevels(image) >= 3, "the thumbnail is blank");
    }
    // The label names the image count.
    const QString text = strip.listWidget()->item(0)->text();
    QVERIFY2(text.contains(QString::number(m_entries[0].displaySet.frames.size())),
             qPrintable(text));
}

void TestThumbnailStrip::thumbnail_showsTheMiddleFrameInItsDefaultWindow()
{
    ThumbnailStrip strip;
    strip.setDisplaySets({m_entries[0]});
    QTRY_VERIFY_WITH_TIMEOUT(allRendered(strip), 20000);
    const viewer::DisplaySet& ds = m_entries[0].displaySet;
    const viewer::FrameRef& ref = ds.frames[ds.frames.size() / 2];
    auto pixels = viewer::decodeDicomPixels(
        viewer::DicomSource{ref.instance->source, ref.instance->localPath, {}});
    QVERIFY(pixels.has_value());
    const QImage full = viewer::renderFrame(*ref.instance, *pixels, ref.frame);
    const QImage thumb = strip.thumbnail(m_entries[0].key);
    // Smoothing averages neighbours: compare the mean grey of matching central regions.
    auto meanGrey = [](const QImage& image, QRectF fraction) {
        const QRect r(static_cast<int>(fraction.x() * image.width()),
                      static_cast<int>(fraction.y() * image.height()),
                      static_cast<int>(fraction.width() * image.width()),
                      static_cast<int>(fraction.height() * image.height()));
        double sum = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                sum += qGray(image.pixel(x, y));
        return sum / (r.width() * r.height());
    };
    for (const QRectF region : {QRectF(0.4, 0.4, 0.2, 0.2), QRectF(0.1, 0.45, 0.2, 0.1)}) {
        const double expected = meanGrey(full, region);
        const double shown = meanGrey(thumb, region);
        QVERIFY2(std::abs(expected - shown) < 12.0,
                 qPrintable(QStringLiteral("thumbnail %1, pipeline %2").arg(shown).arg(expected)));
    }
}

void TestThumbnailStrip::clickOrEnter_emitsTheKeyOfTheThumbnail()
{
    ThumbnailStrip strip;
    strip.resize(600, 200);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    strip.setDisplaySets(m_entries);
    QSignalSpy activated(&strip, &ThumbnailStrip::activated);
    QListWidget* list = strip.listWidget();
    const QRect second = list->visualItemRect(list->item(1));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), m_entries[1].key);

    activated.clear();
    strip.setCurrent(m_entries[0].key);
    QCOMPARE(activated.count(), 0); // the program's choice is not the user's
    QCOMPARE(strip.currentKey(), m_entries[0].key);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), m_entries[0].key);
}

void TestThumbnailStrip::setProgress_drawsABarAndFullProgressRemovesIt()
{
    ThumbnailStrip strip;
    strip.resize(600, 200);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    strip.setDisplaySets(m_entries);
    QTRY_VERIFY_WITH_TIMEOUT(allRendered(strip), 20000);
    QListWidget* list = strip.listWidget();
    const QRect cell = list->visualItemRect(list->item(0));
    auto grabCell = [&] {
        QCoreApplication::processEvents();
        return list->viewport()->grab(cell).toImage();
    };
    const QImage before = grabCell();
    strip.setProgress(m_entries[0].key, 0.5);
    QCOMPARE(strip.progress(m_entries[0].key), 0.5);
    const QImage during = grabCell();
    QVERIFY2(during != before, "no progress bar was drawn");
    strip.setProgress(m_entries[0].key, 1.0);
    QCOMPARE(strip.progress(m_entries[0].key), -1.0);
    QCOMPARE(grabCell(), before);
}

void TestThumbnailStrip::clearWhileRendering_deliversNothingAndStaysUsable()
{
    ThumbnailStrip strip;
    QSignalSpy ready(&strip, &ThumbnailStrip::thumbnailReady);
    for (int i = 0; i < 5; ++i) {
        strip.setDisplaySets(m_entries);
        strip.clear();
    }
    QCOMPARE(strip.count(), 0);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    QCoreApplication::processEvents();
    QCOMPARE(ready.count(), 0);

    // Old batches do not leak into a new one.
    strip.setDisplaySets({m_entries[1]});
    strip.setDisplaySets({m_entries[0]});
    QTRY_VERIFY_WITH_TIMEOUT(allRendered(strip), 20000);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    QCoreApplication::processEvents();
    QCOMPARE(strip.keys(), QStringList{m_entries[0].key});
    QCOMPARE(ready.count(), 1);
}

void TestThumbnailStrip::destroyWhileRendering_doesNotCrash()
{
    for (int i = 0; i < 3; ++i) {
        auto* strip = new ThumbnailStrip;
        strip->setDisplaySets(m_entries);
        delete strip;
    }
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    QCoreApplication::processEvents();
}

QTEST_MAIN(TestThumbnailStrip)
#include "tst_thumbnailstrip.moc"
