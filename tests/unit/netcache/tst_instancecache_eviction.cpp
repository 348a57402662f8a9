// The cache's size bound: least recently used entries go first, exactly those needed; open
// (pinned) studies go last; an instance larger than the bound is refused.

#include "cachetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::net;
using namespace cachetest;

namespace {

constexpr qsizetype kInstanceBytes = 1000;
constexpr qint64 kEntryBytes = kInstanceBytes + 32; // marker, nonce and tag

int letterIndex(const QString& letter)
{
    return letter.at(0).unicode() - 'a';
}

} // namespace

class TestInstanceCacheEviction : public QObject
{
    Q_OBJECT

private slots:
    void put_overTheBound_evictsLeastRecentlyUsed_data();
    void put_overTheBound_evictsLeastRecentlyUsed();
    void eviction_takesPinnedStudiesLast();
    void keptStudy_isEvictedLast_andStaysKeptAfterReopening();
    void setMaxBytes_lower_evictsAtOnce();
    void put_largerThanTheWholeBound_isRefused();
};

void TestInstanceCacheEviction::put_overTheBound_evictsLeastRecentlyUsed_data()
{
    // Operations on instances named a, b, c... of 1000 bytes each, with room for three; the
    // entries evicted, in order.
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("evicted");
    QTest::addColumn<QString>("remaining");
    QTest::newRow("the oldest goes first") << "put a, put b, put c, put d"
                                           << "a"
                                           << "bcd";
    QTest::newRow("a read makes an entry recent") << "put a, put b, put c, get a, put d"
                                                  << "b"
                                                  << "acd";
    QTest::newRow("one entry per new entry, in recency order")
        << "put a, put b, put c, get a, get b, put d, put e"
        << "c,a"
        << "bde";
    QTest::newRow("a rewrite makes an entry recent") << "put a, put b, put c, put a, put d"
                                                     << "b"
                                                     << "acd";
    QTest::newRow("contains does not count as a use") << "put a, put b, put c, contains a, put d"
                                                      << "a"
                                                      << "bcd";
    QTest::newRow("a miss changes nothing") << "put a, put b, get z, put c"
                                            << ""
                                            << "abc";
}

void TestInstanceCacheEviction::put_overTheBound_evictsLeastRecentlyUsed()
{
    QFETCH(QString, operations);
    QFETCH(QString, evicted);
    QFETCH(QString, remaining);
    QTemporaryDir dir;
    auto cache = openCache(dir.path(), kTestKey, 3 * kEntryBytes);
    QVERIFY(cache);
    QStringList present;
    QStringList evictedInOrder;
    for (const QString& operation : operations.split(QStringLiteral(", "))) {
        const QString verb = operation.section(u' ', 0, 0);
        const QString letter = operation.section(u' ', 1, 1);
        const InstanceRef r = ref(letterIndex(letter));
        if (verb == QStringLiteral("put"))
            QVERIFY(cache->put(r, instanceBytes(letterIndex(letter), kInstanceBytes)).has_value());
        else if (verb == QStringLiteral("get"))
            (void)cache->get(r);
        else
            (void)cache->contains(r);
        if (verb == QStringLiteral("put") && !present.contains(letter))
            present.append(letter);
        for (const QString& p : QStringList(present)) {
            if (!cache->contains(ref(letterIndex(p)))) {
                present.removeOne(p);
                evictedInOrder.append(p);
            }
        }
    }
    QCOMPARE(evictedInOrder.join(u','), evicted);
    present.sort();
    QCOMPARE(present.join(QString()), remaining);
    for (const QString& p : std::as_const(present))
        QCOMPARE(*cache->get(ref(letterIndex(p))), instanceBytes(letterIndex(p), kInstanceBytes));
    QCOMPARE(cache->stats().evictions, quint64(evictedInOrder.size()));
    QVERIFY(cache->stats().bytesOnDisk <= 3 * kEntryBytes);
    QCOMPARE(filesIn(dir.path()).filter(QStringLiteral("index")).size() + present.size(),
             filesIn(dir.path()).size());
}

void TestInstanceCacheEviction::eviction_takesPinnedStudiesLast()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path(), kTestKey, 3 * kEntryBytes);
    QVERIFY(cache);
    const QString openStudy = kStudy + QStringLiteral(".1");
    const QString otherStudy = kStudy + QStringLiteral(".2");
    const auto put = [&](int n, const QString& study) {
        return cache->put(ref(n, kArchiveA, study), instanceBytes(n, kInstanceBytes)).has_value();
    };
    const auto has = [&](int n, const QString& study) {
        return cache->contains(ref(n, kArchiveA, study));
    };
    StudyPin pin = cache->pinStudy(kArchiveA, openStudy);
    QVERIFY(put(1, openStudy));
    QVERIFY(put(2, openStudy));
    QVERIFY(put(3, otherStudy));
    QVERIFY(put(4, otherStudy)); // 1 is the oldest, but its study is open: 3 goes
    QVERIFY(has(1, openStudy) && has(2, openStudy) && !has(3, otherStudy) && has(4, otherStudy));
    // The same study in another archive is not pinned.
    QVERIFY(cache->put(ref(5, kArchiveB, openStudy), instanceBytes(5, kInstanceBytes)).has_value());
    QVERIFY(has(1, openStudy) && has(2, openStudy) && !has(4, otherStudy));
    QVERIFY(put(6, otherStudy)); // evicts archive B's entry
    QVERIFY(!cache->contains(ref(5, kArchiveB, openStudy)));
    QVERIFY(put(7, openStudy)); // evicts 6, the only unpinned entry
    QVERIFY(has(1, openStudy) && has(2, openStudy) && !has(6, otherStudy) && has(7, openStudy));
    // Only the open study is left: its oldest entry goes rather than exceed the bound.
    QVERIFY(put(8, openStudy));
    QVERIFY(!has(1, openStudy) && has(2, openStudy) && has(7, openStudy) && has(8, openStudy));
    // Closed again: plain recency.
    pin = StudyPin();
    QVERIFY(put(9, otherStudy));
    QVERIFY(!has(2, openStudy) && has(7, openStudy) && has(8, openStudy) && has(9, otherStudy));
    QCOMPARE(cache->stats().evictions, quint64(6));
}

void TestInstanceCacheEviction::keptStudy_isEvictedLast_andStaysKeptAfterReopening()
{
    QTemporaryDir dir;
    const QString kept = kStudy + QStringLiteral(".1");
    const QString other = kStudy + QStringLiteral(".2");
    {
        auto cache = openCache(dir.path(), kTestKey, 3 * kEntryBytes);
        QVERIFY(cache);
        cache->keepStudy(kArchiveA, kept);
        QVERIFY(cache->isStudyKept(kArchiveA, kept));
        QVERIFY(!cache->isStudyKept(kArchiveB, kept)); // bound to its archive
        QVERIFY(cache->put(ref(1, kArchiveA, kept), instanceBytes(1, kInstanceBytes)));
        QVERIFY(cache->put(ref(2, kArchiveA, other), instanceBytes(2, kInstanceBytes)));
        QVERIFY(cache->flush());
    }
    // Reopened (no pin, a new process would be the same): the mark is still there.
    auto cache = openCache(dir.path(), kTestKey, 3 * kEntryBytes);
    QVERIFY(cache);
    QVERIFY(cache->isStudyKept(kArchiveA, kept));
    QVERIFY(cache->put(ref(3, kArchiveA, other), instanceBytes(3, kInstanceBytes)));
    QVERIFY(cache->put(ref(4, kArchiveA, other), instanceBytes(4, kInstanceBytes)));
    // 1 is the oldest, but kept: 2 goes.
    QVERIFY(cache->contains(ref(1, kArchiveA, kept)));
    QVERIFY(!cache->contains(ref(2, kArchiveA, other)));
    // Removing the study drops the mark too.
    QVERIFY(cache->removeStudy(kArchiveA, kept));
    QVERIFY(!cache->isStudyKept(kArchiveA, kept));
}

void TestInstanceCacheEviction::setMaxBytes_lower_evictsAtOnce()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    for (int i = 0; i < 5; ++i)
        QVERIFY(cache->put(ref(i), instanceBytes(i, kInstanceBytes)).has_value());
    cache->setMaxBytes(2 * kEntryBytes);
    QCOMPARE(cache->stats().entries, 2);
    QCOMPARE(cache->stats().maxBytes, 2 * kEntryBytes);
    QVERIFY(cache->contains(ref(3)) && cache->contains(ref(4)));
    QCOMPARE(cache->stats().evictions, quint64(3));
}

void TestInstanceCacheEviction::put_largerThanTheWholeBound_isRefused()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path(), kTestKey, 2 * kEntryBytes);
    QVERIFY(cache);
    QVERIFY(cache->put(ref(1), instanceBytes(1, kInstanceBytes)).has_value());
    const Result<void> tooLarge = cache->put(ref(2), instanceBytes(2, 3 * kInstanceBytes));
    QVERIFY(!tooLarge.has_value());
    QCOMPARE(tooLarge.error().code, ErrorCode::CacheEntryTooLarge);
    QVERIFY(cache->contains(ref(1)));
    QStringList entryFiles = filesIn(dir.path());
    entryFiles.removeAll(QStringLiteral("index"));
    QCOMPARE(entryFiles.size(), 1); // entry 1 only: nothing written for the refused one
}

QTEST_GUILESS_MAIN(TestInstanceCacheEviction)
#include "tst_instancecache_eviction.moc"
