// Where the cache key comes from: the in-memory store, the OS keyring through qtkeychain when no
// secret service can be reached (a clear error, within the timeout), and the fall-back from the
// keyring to a session key. Nothing here needs a keyring daemon; the test makes sure none is
// reachable so it never touches a real keyring.

#include "cache/keychainkeystore.h"
#include "cache/keystore.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

// A store with a scripted answer, standing in for a keyring that works or fails.
class ScriptedKeyStore final : public KeyStore
{
public:
    explicit ScriptedKeyStore(Result<QByteArray> answer) : m_answer(std::move(answer)) {}
    Result<QByteArray> loadOrCreateKey() override { return m_answer; }
    bool isPersistent() const override { return true; }

private:
    Result<QByteArray> m_answer;
};

const QByteArray kKey(32, 'k');

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void memoryKeyStore_givesTheSameRandomKeyEachTime();
    void memoryKeyStore_withKeyOfWrongLength_fails_data();
    void memoryKeyStore_withKeyOfWrongLength_fails();
    void keychainKeyStore_withoutSecretService_reportsClearErrorInTime();
    void chooseCacheKey_withWorkingKeyring_usesItsPersistentKey();
    void chooseCacheKey_withoutKeyring_fallsBackToSessionKey();
    void chooseCacheKey_whenBothFail_fails();
};

void TestKeyStore::initTestCase()
{
    // No session bus and no desktop: qtkeychain then finds no Secret Service nor KWallet. Set
    // before the first keychain job, which is when qtkeychain picks its backend.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/fenestra-test-bus");
    qunsetenv("XDG_CURRENT_DESKTOP");
    qunsetenv("DESKTOP_SESSION");
    qunsetenv("KDE_FULL_SESSION");
    qunsetenv("GNOME_DESKTOP_SESSION_ID");
    qunsetenv("DISPLAY");
}

void TestKeyStore::memoryKeyStore_givesTheSameRandomKeyEachTime()
{
    MemoryKeyStore store;
    MemoryKeyStore other;
    const Result<QByteArray> key = store.loadOrCreateKey();
    QVERIFY(key.has_value());
    QCOMPARE(key->size(), 32);
    QCOMPARE(*store.loadOrCreateKey(), *key);
    QVERIFY(*other.loadOrCreateKey() != *key);
    QVERIFY(*key != QByteArray(32, '\0'));
    QVERIFY(!store.isPersistent());
    QCOMPARE(*MemoryKeyStore(kKey).loadOrCreateKey(), kKey);
}

void TestKeyStore::memoryKeyStore_withKeyOfWrongLength_fails_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("empty") << 0;
    QTest::newRow("128-bit") << 16;
    QTest::newRow("one byte short") << 31;
    QTest::newRow("one byte long") << 33;
}

void TestKeyStore::memoryKeyStore_withKeyOfWrongLength_fails()
{
    QFETCH(int, length);
    MemoryKeyStore store{QByteArray(length, 'x')};
    const Result<QByteArray> key = store.loadOrCreateKey();
    QVERIFY(!key.has_value());
    QCOMPARE(key.error().code, ErrorCode::CryptoFailure);
}

void TestKeyStore::keychainKeyStore_withoutSecretService_reportsClearErrorInTime()
{
    KeychainKeyStore store(QStringLiteral("FenestraTest"), QStringLiteral("cache-key"), 10s);
    QElapsedTimer clock;
    clock.start();
    const Result<QByteArray> key = store.loadOrCreateKey();
    if (key.has_value())
        QSKIP("a keyring answered although no session bus is reachable");
    QVERIFY(clock.elapsed() < 10000); // an answer, not the timeout
    QCOMPARE(key.error().code, ErrorCode::KeyStoreUnavailable);
    QVERIFY2(key.error().detail.startsWith(QStringLiteral("OS keyring: ")),
             qPrintable(key.error().detail));
    QVERIFY(store.isPersistent());
}

void TestKeyStore::chooseCacheKey_withWorkingKeyring_usesItsPersistentKey()
{
    ScriptedKeyStore keyring{kKey};
    MemoryKeyStore session;
    const Result<CacheKeyChoice> choice = chooseCacheKey(keyring, session);
    QVERIFY(choice.has_value());
    QCOMPARE(choice->key, kKey);
    QVERIFY(choice->persistent);
    QVERIFY(!choice->preferredError.has_value());
}

void TestKeyStore::chooseCacheKey_withoutKeyring_fallsBackToSessionKey()
{
    KeychainKeyStore keyring(QStringLiteral("FenestraTest"), QStringLiteral("cache-key"), 10s);
    MemoryKeyStore session;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("OS keyring unavailable.*only for this session"));
    const Result<CacheKeyChoice> choice = chooseCacheKey(keyring, session);
    if (choice.has_value() && choice->persistent)
        QSKIP("a keyring answered although no session bus is reachable");
    QVERIFY(choice.has_value());
    QCOMPARE(choice->key, *session.loadOrCreateKey());
    QVERIFY(!choice->persistent);
    QVERIFY(choice->preferredError.has_value());
    QCOMPARE(choice->preferredError->code, ErrorCode::KeyStoreUnavailable);
}

void TestKeyStore::chooseCacheKey_whenBothFail_fails()
{
    ScriptedKeyStore keyring{fail(ErrorCode::KeyStoreUnavailable, QStringLiteral("none"))};
    MemoryKeyStore broken{QByteArray()};
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("OS keyring unavailable"));
    const Result<CacheKeyChoice> choice = chooseCacheKey(keyring, broken);
    QVERIFY(!choice.has_value());
    QCOMPARE(choice.error().code, ErrorCode::CryptoFailure);
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
