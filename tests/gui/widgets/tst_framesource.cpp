// FrameSource decodes the frames of a display set on a thread pool: one decode per instance
// serves all its frames, the cache stays within its byte budget, neighbours are prefetched in
// the scroll direction, failures come back as values, and a destroyed source is never called.

#include "widgets/framesource.h"

#include "media/importer.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace fenestra::viewer;

class TestFrameSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oneDecode_servesEveryFrameOfAClip();
    void cache_staysWithinItsByteBudget_keepingTheMostRecent();
    void prefetch_asksForNeighboursInTheScrollDirectionFirst();
    void missingFile_isAnErrorValueForItsFrame_only();
    void destroyedSource_withJobsQueuedAndRunning_isNeverCalled();
    void decodeNow_decodesOnTheCallingThread();

private:
    DisplaySet m_ct;
    DisplaySet m_clip;
};

namespace {

DisplaySet firstDisplaySet(const QString& folder)
{
    const ImportResult result = importPaths({QStringLiteral(FENESTRA_TEST_DATA "/") + folder});
    const auto tree = result.library.tree();
    return tree.at(0).studies.at(0).series.at(0).displaySets.at(0);
}

qint64 instanceBytes(const DisplaySet& set)
{
    return static_cast<qint64>(set.format.frameBytes());
}

} // namespace

void TestFrameSource::initTestCase()
{
    m_ct = firstDisplaySet(QStringLiteral("ct"));
    m_clip = firstDisplaySet(QStringLiteral("us"));
    QCOMPARE(m_ct.frames.size(), std::size_t{40});
    QVERIFY(m_clip.frames.size() > 1);
}

void TestFrameSource::oneDecode_servesEveryFrameOfAClip()
{
    FrameSource source;
    source.setPrefetch(0, 0);
    source.setDisplaySet(m_clip);
    QSignalSpy decoded(&source, &FrameSource::frameDecoded);
    source.request(0);
    QVERIFY(source.isPending(0));
    QVERIFY(source.isPending(3)); // the same instance
    QVERIFY(decoded.wait(10000));
    for (int i = 0; i < source.frameCount(); ++i) {
        QVERIFY(source.isReady(i));
        QCOMPARE(source.frameInBuffer(i), i);
        QCOMPARE(source.pixels(i), source.pixels(0));
    }
    source.request(5); // cached: nothing to do
    QVERIFY(!decoded.wait(200));
    QCOMPARE(decoded.size(), 1);
}

void TestFrameSource::cache_staysWithinItsByteBudget_keepingTheMostRecent()
{
    FrameSource source;
    source.setPrefetch(0, 0);
    source.setCacheLimit(10 * instanceBytes(m_ct));
    source.setDisplaySet(m_ct);
    QSignalSpy decoded(&source, &FrameSource::frameDecoded);
    for (int i = 0; i < source.frameCount(); ++i) {
        source.request(i);
        QTRY_VERIFY_WITH_TIMEOUT(source.isReady(i), 10000);
        QVERIFY(source.cachedBytes() <= source.cacheLimit());
    }
    int ready = 0;
    for (int i = 0; i < source.frameCount(); ++i)
        ready += source.isReady(i) ? 1 : 0;
    QCOMPARE(ready, 10);
    for (int i = 30; i < 40; ++i)
        QVERIFY(source.isReady(i));
    // Reading a frame makes it recent: it outlives the next decode, the oldest one does not.
    QVERIFY(source.pixels(30) != nullptr);
    source.request(0);
    QTRY_VERIFY_WITH_TIMEOUT(source.isReady(0), 10000);
    QVERIFY(source.isReady(30));
    QVERIFY(!source.isReady(31));
}

void TestFrameSource::prefetch_asksForNeighboursInTheScrollDirectionFirst()
{
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    FrameSource source;
    source.setThreadPool(&pool);
    source.setPrefetch(3, 1);
    source.setDisplaySet(m_ct);
    source.prefetch(10, -1);
    for (int i = 0; i < source.frameCount(); ++i)
        QCOMPARE(source.isPending(i), i == 7 || i == 8 || i == 9 || i == 11);
    QTRY_VERIFY_WITH_TIMEOUT(source.isReady(7) && source.isReady(11), 10000);
}

void TestFrameSource::missingFile_isAnErrorValueForItsFrame_only()
{
    DisplaySet set = m_ct;
    auto broken = std::make_shared<InstanceInfo>(*set.frames[4].instance);
    broken->localPath = QStringLiteral(FENESTRA_TEST_DATA "/no/such/file.dcm");
    broken->source = broken->localPath;
    set.frames[4].instance = broken;
    FrameSource source;
    source.setPrefetch(0, 0);
    source.setDisplaySet(set);
    QSignalSpy decoded(&source, &FrameSource::frameDecoded);
    source.request(4);
    source.request(5);
    QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 2, 10000);
    QVERIFY(source.error(4).has_value());
    QCOMPARE(source.error(4)->code, ErrorCode::FileNotFound);
    QVERIFY(!source.isReady(4));
    QVERIFY(source.isReady(5));
    QVERIFY(!source.error(5).has_value());
    // A failed instance is not decoded again until the display set is set anew.
    source.request(4);
    QVERIFY(!source.isPending(4));
}

void TestFrameSource::destroyedSource_withJobsQueuedAndRunning_isNeverCalled()
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    int delivered = 0;
    for (int round = 0; round < 20; ++round) {
        auto* source = new FrameSource;
        source->setThreadPool(&pool);
        source->setDisplaySet(m_ct);
        connect(source, &FrameSource::frameDecoded, this, [&delivered] { ++delivered; });
        for (int i = 0; i < source->frameCount(); ++i)
            source->request(i);
        QTest::qWait(round % 4); // sometimes none started, sometimes some done and posted
        delete source;
        QCoreApplication::processEvents();
    }
    QVERIFY(pool.waitForDone(20000));
    const int before = delivered;
    QCoreApplication::processEvents();
    QCOMPARE(delivered, before); // nothing arrives once the sources are gone
}

void TestFrameSource::decodeNow_decodesOnTheCallingThread()
{
    FrameSource source;
    source.setDisplaySet(m_ct);
    QVERIFY(!source.isReady(12));
    const auto pixels = source.decodeNow(12);
    QVERIFY(pixels.has_value());
    QVERIFY(*pixels != nullptr);
    QVERIFY(source.isReady(12));
    QCOMPARE((*pixels)->format().rows, m_ct.format.rows);
    QVERIFY(!source.decodeNow(99).has_value());
}

QTEST_GUILESS_MAIN(TestFrameSource)

#include "tst_framesource.moc"
