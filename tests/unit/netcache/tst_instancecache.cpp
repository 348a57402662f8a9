// The local instance cache: round trips, authentication of every entry (tampering, copying
// between entries and archives), reopening with the same and a different key, removing a study,
// clearing. Each test works in its own temporary directory with a fixed in-memory key.

#include "cachetestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::net;
using namespace cachetest;

class TestInstanceCache : public QObject
{
    Q_OBJECT

private slots:
    void putThenGet_returnsTheSameBytes_data();
    void putThenGet_returnsTheSameBytes();
    void get_ofAbsentInstance_isCacheMiss();
    void put_withIncompleteReference_isRefused();
    void entryFile_copiedOverAnotherEntry_failsAuthentication();
    void entryFile_fromAnotherArchive_failsAuthentication();
    void damagedFile_failsThatEntryOnly_data();
    void damagedFile_failsThatEntryOnly();
    void reopen_withSameKey_restoresIndex();
    void reopen_withDifferentKey_cannotReadAndWipes();
    void reopen_afterCrash_dropsFilesTheIndexDoesNotList();
    void instances_listStudyAndSeriesOfOneArchive();
    void removeStudy_removesOnlyThatStudyOfThatArchive();
    void clear_emptiesTheDirectory();
};

void TestInstanceCache::putThenGet_returnsTheSameBytes_data()
{
    QTest::addColumn<QList<qsizetype>>("sizes");
    QTest::newRow("one small instance") << QList<qsizetype>{1000};
    QTest::newRow("an empty instance") << QList<qsizetype>{0};
    QTest::newRow("several sizes") << QList<qsizetype>{1, 15, 16, 17, 4096, 524288};
    // Past the 1 MiB slice in which the cipher runs.
    QTest::newRow("larger than one cipher slice") << QList<qsizetype>{(3 << 20) + 7, 1 << 20};
}

void TestInstanceCache::putThenGet_returnsTheSameBytes()
{
    QFETCH(QList<qsizetype>, sizes);
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    for (int i = 0; i < sizes.size(); ++i)
        QVERIFY(cache->put(ref(i), instanceBytes(i, sizes[i])).has_value());
    for (int i = 0; i < sizes.size(); ++i) {
        QVERIFY(cache->contains(ref(i)));
        const Result<QByteArray> bytes = cache->get(ref(i));
        QVERIFY2(bytes.has_value(), describe(bytes).constData());
        QCOMPARE(*bytes, instanceBytes(i, sizes[i]));
    }
    const CacheStats stats = cache->stats();
    QCOMPARE(stats.entries, sizes.size());
    QCOMPARE(stats.puts, quint64(sizes.size()));
    QCOMPARE(stats.hits, quint64(sizes.size()));
    qint64 expectedBytes = 0;
    for (const qsizetype size : sizes)
        expectedBytes += size + 32; // marker, nonce and tag per file
    QCOMPARE(stats.bytesOnDisk, expectedBytes);
}

void TestInstanceCache::get_ofAbsentInstance_isCacheMiss()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    QVERIFY(cache->put(ref(1), instanceBytes(1, 100)).has_value());
    CACHETEST_COMPARE_ERROR(cache->get(ref(2)), ErrorCode::CacheMiss);
    // Same UIDs from another archive are another instance.
    CACHETEST_COMPARE_ERROR(cache->get(ref(1, kArchiveB)), ErrorCode::CacheMiss);
    QVERIFY(!cache->contains(ref(1, kArchiveB)));
    QCOMPARE(cache->stats().misses, quint64(2));
}

void TestInstanceCache::put_withIncompleteReference_isRefused()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    InstanceRef incomplete = ref(1);
    incomplete.seriesUid.clear();
    CACHETEST_COMPARE_ERROR(cache->put(incomplete, instanceBytes(1, 100)),
                            ErrorCode::InvalidArgument);
    QCOMPARE(filesIn(dir.path()), QStringList());
}

void TestInstanceCache::entryFile_copiedOverAnotherEntry_failsAuthentication()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    const QStringList before = filesIn(dir.path());
    QVERIFY(cache->put(ref(1), instanceBytes(1, 2000)).has_value());
    const QStringList afterFirst = filesIn(dir.path());
    QVERIFY(cache->put(ref(2), instanceBytes(2, 2000)).has_value());
    const QString first = newFile(before, afterFirst);
    const QString second = newFile(afterFirst, filesIn(dir.path()));
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    QVERIFY(writeAll(dir.filePath(second), readAll(dir.filePath(first))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("failed authentication"));
    const Result<QByteArray> swapped = cache->get(ref(2));
    QVERIFY(!swapped.has_value());
    QCOMPARE(swapped.error().code, ErrorCode::CacheCorrupt);
    QVERIFY(!swapped.error().detail.contains(sopUid(2)));
    QCOMPARE(*cache->get(ref(1)), instanceBytes(1, 2000));
}

void TestInstanceCache::entryFile_fromAnotherArchive_failsAuthentication()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    QVERIFY(cache->put(ref(1, kArchiveA), instanceBytes(1, 2000)).has_value());
    const QStringList withA = filesIn(dir.path());
    QVERIFY(cache->put(ref(1, kArchiveB), instanceBytes(1, 2000)).has_value());
    const QString fileA = newFile({}, withA);
    const QString fileB = newFile(withA, filesIn(dir.path()));
    QVERIFY(!fileA.isEmpty() && !fileB.isEmpty());
    QVERIFY(fileA != fileB); // the archive is part of the keyed name

    QVERIFY(writeAll(dir.filePath(fileB), readAll(dir.filePath(fileA))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("failed authentication"));
    CACHETEST_COMPARE_ERROR(cache->get(ref(1, kArchiveB)), ErrorCode::CacheCorrupt);
    QCOMPARE(*cache->get(ref(1, kArchiveA)), instanceBytes(1, 2000));
}

void TestInstanceCache::damagedFile_failsThatEntryOnly_data()
{
    QTest::addColumn<qsizetype>("flipAt");    // negative: from the end; none when truncating
    QTest::addColumn<qsizetype>("keepBytes"); // -1: keep the length
    QTest::addColumn<QByteArray>("append");
    QTest::newRow("flipped byte in the format marker")
        << qsizetype(0) << qsizetype(-1) << QByteArray();
    QTest::newRow("flipped byte in the nonce") << qsizetype(7) << qsizetype(-1) << QByteArray();
    QTest::newRow("flipped byte in the ciphertext")
        << qsizetype(1500) << qsizetype(-1) << QByteArray();
    QTest::newRow("flipped byte in the tag") << qsizetype(-1) << qsizetype(-1) << QByteArray();
    QTest::newRow("truncated by one byte") << qsizetype(0) << qsizetype(2031) << QByteArray();
    QTest::newRow("truncated inside the header") << qsizetype(0) << qsizetype(10) << QByteArray();
    QTest::newRow("emptied") << qsizetype(0) << qsizetype(0) << QByteArray();
    QTest::newRow("one byte appended") << qsizetype(0) << qsizetype(-2) << QByteArray("x");
}

void TestInstanceCache::damagedFile_failsThatEntryOnly()
{
    QFETCH(qsizetype, flipAt);
    QFETCH(qsizetype, keepBytes);
    QFETCH(QByteArray, append);
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    QStringList before = filesIn(dir.path());
    QString victim;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(cache->put(ref(i), instanceBytes(i, 2000)).has_value());
        const QStringList after = filesIn(dir.path());
        if (i == 2)
            victim = newFile(before, after);
        before = after;
    }
    QVERIFY(!victim.isEmpty());
    QByteArray content = readAll(dir.filePath(victim));
    QCOMPARE(content.size(), 2032);
    if (keepBytes >= 0)
        content.truncate(keepBytes);
    else if (keepBytes == -2)
        content.append(append);
    else
        content[flipAt < 0 ? content.size() + flipAt : flipAt] ^= 0x01;
    QVERIFY(writeAll(dir.filePath(victim), content));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("failed authentication"));
    const Result<QByteArray> damaged = cache->get(ref(2));
    QVERIFY(!damaged.has_value());
    QCOMPARE(damaged.error().code, ErrorCode::CacheCorrupt);
    QVERIFY(damaged.error().detail.contains(victim.left(8))); // names the entry, not the patient
    QVERIFY(!cache->contains(ref(2)));
    QVERIFY(!QFile::exists(dir.filePath(victim)));
    QCOMPARE(cache->stats().corruptEntries, quint64(1));
    for (int i : {0, 1, 3})
        QCOMPARE(*cache->get(ref(i)), instanceBytes(i, 2000));
    // The instance can be cached again.
    QVERIFY(cache->put(ref(2), instanceBytes(2, 2000)).has_value());
    QCOMPARE(*cache->get(ref(2)), instanceBytes(2, 2000));
}

void TestInstanceCache::reopen_withSameKey_restoresIndex()
{
    QTemporaryDir dir;
    const qint64 entryBytes = 1000 + 32;
    {
        auto cache = openCache(dir.path());
        QVERIFY(cache);
        QCOMPARE(cache->openOutcome(), CacheOpenOutcome::Created);
        for (int i = 0; i < 5; ++i)
            QVERIFY(cache->put(ref(i), instanceBytes(i, 1000)).has_value());
        QVERIFY(cache->get(ref(0)).has_value()); // 0 is now the most recent
    }
    auto cache = openCache(dir.path(), kTestKey, 5 * entryBytes);
    QVERIFY(cache);
    QCOMPARE(cache->openOutcome(), CacheOpenOutcome::Restored);
    QCOMPARE(cache->stats().entries, 5);
    QCOMPARE(cache->instances(kArchiveA, kStudy).size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(*cache->get(ref(i)), instanceBytes(i, 1000));
    // Recency survived the reopening: after reading 0..4 in order, 0 is the oldest again.
    QVERIFY(cache->put(ref(9), instanceBytes(9, 1000)).has_value());
    QVERIFY(!cache->contains(ref(0)));
    QVERIFY(cache->contains(ref(1)));
}

void TestInstanceCache::reopen_withDifferentKey_cannotReadAndWipes()
{
    QTemporaryDir dir;
    {
        auto cache = openCache(dir.path());
        QVERIFY(cache);
        for (int i = 0; i < 3; ++i)
            QVERIFY(cache->put(ref(i), instanceBytes(i, 1000)).has_value());
    }
    QCOMPARE(filesIn(dir.path()).size(), 4); // three entries and the index
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot be decrypted.*removing 3"));
    {
        auto other = openCache(dir.path(), kOtherKey);
        QVERIFY(other);
        QCOMPARE(other->openOutcome(), CacheOpenOutcome::WipedUnreadable);
        QCOMPARE(other->stats().entries, 0);
        CACHETEST_COMPARE_ERROR(other->get(ref(1)), ErrorCode::CacheMiss);
        QCOMPARE(filesIn(dir.path()), QStringList());
    }
    auto again = openCache(dir.path());
    QVERIFY(again);
    QCOMPARE(again->openOutcome(), CacheOpenOutcome::Created);
    QVERIFY(!again->contains(ref(1)));
}

void TestInstanceCache::reopen_afterCrash_dropsFilesTheIndexDoesNotList()
{
    QTemporaryDir dir;
    QTemporaryDir crashed;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    QVERIFY(cache->put(ref(1), instanceBytes(1, 1000)).has_value());
    QVERIFY(cache->put(ref(2), instanceBytes(2, 1000)).has_value());
    QVERIFY(cache->flush().has_value());
    QVERIFY(cache->put(ref(3), instanceBytes(3, 1000)).has_value());
    // The directory as a crash would leave it: entry 3 written, the index not yet.
    for (const QString& file : filesIn(dir.path()))
        QVERIFY(QFile::copy(dir.filePath(file), crashed.filePath(file)));
    QVERIFY(writeAll(crashed.filePath(QStringLiteral("index.Ab12Cd")), "half-written"));
    QCOMPARE(filesIn(crashed.path()).size(), 5);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("removing 1 cache files"));
    auto reopened = openCache(crashed.path());
    QVERIFY(reopened);
    QCOMPARE(reopened->openOutcome(), CacheOpenOutcome::Restored);
    QCOMPARE(*reopened->get(ref(1)), instanceBytes(1, 1000));
    QCOMPARE(*reopened->get(ref(2)), instanceBytes(2, 1000));
    QVERIFY(!reopened->contains(ref(3)));
    QCOMPARE(filesIn(crashed.path()).size(), 3); // two entries and the index
}

void TestInstanceCache::instances_listStudyAndSeriesOfOneArchive()
{
    QTemporaryDir dir;
    auto cache = openCache(dir.path());
    QVERIFY(cache);
    const QString seriesB = kSeries + QStringLiteral(".2");
    const QString otherStudy = kStudy + QStringLiteral(".9");
    QVERIFY(cache->put(ref(3, kArchiveA, kStudy, kSeries), instanceBytes(3, 30)).has_value());
    QVERIFY(cache->put(ref(1, kArchiveA, kStudy, kSeries), instanceBytes(1, 10)).has_value());
    QVERIFY(cache->put(ref(2, kArchiveA, kStudy, seriesB), instanceBytes(2, 20)).has_value());
    QVERIFY(cache->put(ref(4, kArchiveA, otherStudy, kSeries), instanceBytes(4, 40)).has_value());
    QVERIFY(cache->put(ref(5, kArchiveB, kStudy, kSeries), instanceBytes(5, 50)).has_value());

    const QList<CachedInstance> study = cache->instances(kArchiveA, kStudy);
    QCOMPARE(study.size(), 3);
    QCOMPARE(study[0].sopInstanceUid, sopUid(1));
    QCOMPARE(study[0].size, 10);
    QCOMPARE(study[1].sopInstanceUid, sopUid(3));
    QCOMPARE(study[2].sopInstanceUid, sopUid(2));
    QCOMPARE(study[2].seriesUid, seriesB);
    QVERIFY(study[0].lastAccess.isValid());
    const QList<CachedInstance> series = cache->instances(kArchiveA, kStudy, seriesB);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0].sopInstanceUid, sopUid(2));
    QCOMPARE(cache->studies(kArchiveA), (QStringList{kStudy, otherStudy}));
    QCOMPARE(cache->studies(kArchiveB), QStringList{kStudy});
    QCOMPARE(cache->studies(QStringLiteral("elsewhere")), QStringList());
}

void TestInstanceCache::removeStudy_removesOnlyThatStudyOfThatArchive()
{
    QTemporaryDir dir;
    const QString otherStudy = kStudy + QStringLiteral(".9");
    {
        auto cache = openCache(dir.path());
        QVERIFY(cache);
        for (int i = 0; i < 3; ++i)
            QVERIFY(cache->put(ref(i), instanceBytes(i, 100)).has_value());
        QVERIFY(cache->put(ref(7, kArchiveA, otherStudy), instanceBytes(7, 100)).has_value());
        QVERIFY(cache->put(ref(8, kArchiveB), instanceBytes(8, 100)).has_value());
        QVERIFY(cache->removeStudy(kArchiveA, kStudy).has_value());
        QCOMPARE(cache->stats().entries, 2);
        QCOMPARE(filesIn(dir.path()).size(), 3); // two entries and the index
        QVERIFY(!cache->contains(ref(1)));
    }
    auto reopened = openCache(dir.path());
    QVERIFY(reopened);
    QCOMPARE(reopened->instances(kArchiveA, kStudy).size(), 0);
    QCOMPARE(*reopened->get(ref(7, kArchiveA, otherStudy)), instanceBytes(7, 100));
    QCOMPARE(*reopened->get(ref(8, kArchiveB)), instanceBytes(8, 100));
}

void TestInstanceCache::clear_emptiesTheDirectory()
{
    QTemporaryDir dir;
    {
        auto cache = openCache(dir.path());
        QVERIFY(cache);
        for (int i = 0; i < 4; ++i)
            QVERIFY(cache->put(ref(i), instanceBytes(i, 100)).has_value());
        QVERIFY(cache->flush().has_value());
        QCOMPARE(filesIn(dir.path()).size(), 5);
        QVERIFY(cache->clear().has_value());
        QCOMPARE(everythingIn(dir.path()), QStringList());
        QCOMPARE(cache->stats().entries, 0);
        QCOMPARE(cache->stats().bytesOnDisk, 0);
        CACHETEST_COMPARE_ERROR(cache->get(ref(1)), ErrorCode::CacheMiss);
    }
    QCOMPARE(everythingIn(dir.path()), QStringList());
    auto reopened = openCache(dir.path());
    QVERIFY(reopened);
    QCOMPARE(reopened->openOutcome(), CacheOpenOutcome::Created);
}

QTEST_GUILESS_MAIN(TestInstanceCache)
#include "tst_instancecache.moc"
