// The cache used from several threads at once: puts and gets of the same and of different
// instances, under a tight bound, while the same instance is rewritten, and while the cache is
// cleared. A read returns the exact bytes or a miss, never a corrupt entry; afterwards the index
// and the files agree.

#include "cachetestutil.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

using namespace fenestra::net;
using namespace cachetest;

namespace {

constexpr int kThreads = 4;

qsizetype sizeOf(int n)
{
    return 2000 + n * 37;
}

// Collects failures from worker threads; QtTest macros only work on the test's own thread.
class Failures
{
public:
    void add(const QString& what)
    {
        QMutexLocker lock(&m_mutex);
        if (m_first.isEmpty())
            m_first = what;
        ++m_count;
    }
    int count() const
    {
        QMutexLocker lock(&m_mutex);
        return m_count;
    }
    QString first() const
    {
        QMutexLocker lock(&m_mutex);
        return m_first;
    }

private:
    mutable QMutex m_mutex;
    int m_count = 0;
    QString m_first;
};

// A read is right when it returns the instance's bytes or says the instance is not there.
void checkRead(InstanceCache& cache, int n, Failures& failures)
{
    const Result<QByteArray> bytes = cache.get(ref(n));
    if (bytes) {
        if (*bytes != instanceBytes(n, sizeOf(n)))
            failures.add(QStringLiteral("instance %1 read back different bytes").arg(n));
    } else if (bytes.error().code != ErrorCode::CacheMiss) {
        failures.add(bytes.error().toString());
    }
}

void runThreads(int count, const std::function<void(int)>& body)
{
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < count; ++t)
        threads.emplace_back(QThread::create(body, t));
    for (auto& thread : threads)
        thread->start();
    for (auto& thread : threads)
        thread->wait();
}

// Every entry the cache lists has its file and reads back; no file is unlisted.
void verifyConsistent(InstanceCache& cache, const QString& dir, int instanceCount)
{
    int listed = 0;
    for (int n = 0; n < instanceCount; ++n) {
        if (!cache.contains(ref(n)))
            continue;
        ++listed;
        const Result<QByteArray> bytes = cache.get(ref(n));
        QVERIFY2(bytes.has_value(), describe(bytes).constData());
        QCOMPARE(*bytes, instanceBytes(n, sizeOf(n)));
    }
    QCOMPARE(cache.stats().entries, listed);
    QStringList entryFiles = filesIn(dir);
    entryFiles.removeAll(QStringLiteral("index"));
    QCOMPARE(entryFiles.size(), listed);
}

} // namespace

class TestInstanceCacheThreads : public QObject
{
    Q_OBJECT

private slots:
    void concurrentPutsAndGets_ofSharedInstances_returnExactBytes();
    void concurrentPuts_underTightBound_neverCorruptAndStayBounded();
    void rewritesOfOneInstance_duringReads_neverShowAPartialFile();
    void clear_duringConcurrentWrites_leavesIndexAndFilesInAgreement();
};

void TestInstanceCacheThreads::concurrentPutsAndGets_ofSharedInstances_returnExactBytes()
{
    constexpr int kInstances = 80;
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    Failures failures;
    // Every thread stores all instances, each starting elsewhere, and reads others meanwhile.
    runThreads(kThreads, [&](int t) {
        for (int i = 0; i < kInstances; ++i) {
            const int n = (i + t * kInstances / kThreads) % kInstances;
            if (const Result<void> put = cache->put(ref(n), instanceBytes(n, sizeOf(n))); !put)
                failures.add(put.error().toString());
            checkRead(*cache, (n * 7 + t) % kInstances, failures);
        }
    });
    QVERIFY2(failures.count() == 0, qPrintable(failures.first()));
    QCOMPARE(cache->stats().entries, kInstances);
    QCOMPARE(cache->stats().puts, quint64(kThreads * kInstances));
    QCOMPARE(cache->stats().corruptEntries, quint64(0));
    verifyConsistent(*cache, dir.path(), kInstances);
}

void TestInstanceCacheThreads::concurrentPuts_underTightBound_neverCorruptAndStayBounded()
{
    constexpr int kPerThread = 60;
    QTemporaryDir dir;
    const qint64 bound = 10 * (sizeOf(kThreads * kPerThread) + 32);
    auto cache = openCache(dir.path(), kTestKey, bound);
    QVERIFY(cache);
    Failures failures;
    runThreads(kThreads, [&](int t) {
        for (int i = 0; i < kPerThread; ++i) {
            const int n = t * kPerThread + i;
            if (const Result<void> put = cache->put(ref(n), instanceBytes(n, sizeOf(n))); !put)
                failures.add(put.error().toString());
            checkRead(*cache, n, failures);
            checkRead(*cache, std::max(0, n - 5), failures);
        }
    });
    QVERIFY2(failures.count() == 0, qPrintable(failures.first()));
    const CacheStats stats = cache->stats();
    QVERIFY(stats.bytesOnDisk <= bound);
    QVERIFY(stats.evictions > 0);
    QCOMPARE(stats.corruptEntries, quint64(0));
    QCOMPARE(stats.evictions + quint64(stats.entries), quint64(kThreads * kPerThread));
    verifyConsistent(*cache, dir.path(), kThreads * kPerThread);
}

void TestInstanceCacheThreads::rewritesOfOneInstance_duringReads_neverShowAPartialFile()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    QVERIFY(cache->put(ref(3), instanceBytes(3, sizeOf(3))).has_value());
    Failures failures;
    std::atomic<int> reads{0};
    runThreads(kThreads, [&](int t) {
        for (int i = 0; i < 60; ++i) {
            if (t == 0) {
                if (const Result<void> put = cache->put(ref(3), instanceBytes(3, sizeOf(3))); !put)
                    failures.add(put.error().toString());
                continue;
            }
            const Result<QByteArray> bytes = cache->get(ref(3));
            ++reads;
            if (!bytes)
                failures.add(bytes.error().toString()); // never a miss: it is always there
            else if (*bytes != instanceBytes(3, sizeOf(3)))
                failures.add(QStringLiteral("partial or different bytes"));
        }
    });
    QVERIFY2(failures.count() == 0, qPrintable(failures.first()));
    QCOMPARE(reads.load(), (kThreads - 1) * 60);
    verifyConsistent(*cache, dir.path(), 4);
}

void TestInstanceCacheThreads::clear_duringConcurrentWrites_leavesIndexAndFilesInAgreement()
{
    constexpr int kInstances = 120;
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    Failures failures;
    std::atomic<int> done{0};
    std::atomic<int> clears{0};
    std::unique_ptr<QThread> clearer(QThread::create([&] {
        // Clears up to three times while the writers run, each time 20 more have been written.
        for (quint64 seen = 0; clears.load() < 3 && done.load() < kThreads;) {
            if (cache->stats().puts >= seen + 20) {
                seen = cache->stats().puts;
                if (const Result<void> cleared = cache->clear(); !cleared)
                    failures.add(cleared.error().toString());
                ++clears;
            }
            QThread::yieldCurrentThread();
        }
    }));
    clearer->start();
    runThreads(kThreads, [&](int t) {
        for (int n = t; n < kInstances; n += kThreads) {
            // Halfway, wait for the first clear, so at least one falls among the writes.
            const QDeadlineTimer deadline(10000);
            while (n >= kInstances / 2 && clears.load() == 0 && !deadline.hasExpired())
                QThread::yieldCurrentThread();
            const Result<void> put = cache->put(ref(n), instanceBytes(n, sizeOf(n)));
            if (!put && put.error().code != ErrorCode::Cancelled)
                failures.add(put.error().toString());
            checkRead(*cache, n, failures);
        }
        ++done;
    });
    clearer->wait();
    QVERIFY2(failures.count() == 0, qPrintable(failures.first()));
    QVERIFY(clears.load() >= 1);
    QVERIFY(cache->stats().entries < kInstances);
    QVERIFY(cache->flush().has_value());
    verifyConsistent(*cache, dir.path(), kInstances);
}

QTEST_GUILESS_MAIN(TestInstanceCacheThreads)
#include "tst_instancecache_threads.moc"
