// A keyring daemon that takes the request and never answers must not hang the application:
// KeychainKeyStore gives up after its timeout with a Timeout error. The test runs its own
// private D-Bus session bus with a stand-in KWallet service that never replies, so no real
// keyring is involved. Separate from tst_keystore because qtkeychain picks its backend once per
// process, from the environment.

#include "cache/keychainkeystore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

const QString kWalletService = QStringLiteral("org.kde.kwalletd5");
const QString kWalletPath = QStringLiteral("/modules/kwalletd5");

} // namespace

// Accepts every call of qtkeychain's first KWallet request and never replies.
class SilentWallet : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.KWallet")

public:
    int calls() const { return int(m_pending.size()); }

public slots:
    QString networkWallet(const QDBusMessage& message)
    {
        message.setDelayedReply(true);
        m_pending.append(message); // kept, so the caller waits for its own timeout
        return {};
    }

private:
    QList<QDBusMessage> m_pending;
};

class TestKeychainTimeout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void keychainKeyStore_withSilentKeyring_givesUpAfterTimeout();

private:
    QProcess m_bus;
    SilentWallet m_wallet;
};

void TestKeychainTimeout::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    m_bus.setProcessChannelMode(QProcess::SeparateChannels);
    m_bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                         QStringLiteral("--print-address")});
    QVERIFY(m_bus.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine() || m_bus.waitForReadyRead(100), 10000);
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY2(address.startsWith("unix:"), address.constData());

    // The stand-in wallet on its own connection; qtkeychain uses the session bus below.
    QDBusConnection wallet = QDBusConnection::connectToBus(QString::fromLatin1(address),
                                                           QStringLiteral("silent-wallet"));
    QVERIFY(wallet.isConnected());
    QVERIFY(wallet.registerObject(kWalletPath, &m_wallet, QDBusConnection::ExportAllSlots));
    QVERIFY(wallet.registerService(kWalletService));

    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    qputenv("XDG_CURRENT_DESKTOP", "KDE"); // makes qtkeychain ask KWallet
    qputenv("KDE_SESSION_VERSION", "5");
}

void TestKeychainTimeout::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("silent-wallet"));
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }
}

void TestKeychainTimeout::keychainKeyStore_withSilentKeyring_givesUpAfterTimeout()
{
    KeychainKeyStore store(QStringLiteral("FenestraTest"), QStringLiteral("cache-key"), 300ms);
    QElapsedTimer clock;
    clock.start();
    const Result<QByteArray> key = store.loadOrCreateKey();
    const qint64 elapsed = clock.elapsed();
    QVERIFY(!key.has_value());
    QCOMPARE(key.error().code, ErrorCode::Timeout);
    QVERIFY(key.error().detail.contains(QStringLiteral("300 ms")));
    QVERIFY(m_wallet.calls() >= 1); // the request did reach the (silent) keyring
    QVERIFY2(elapsed >= 300 && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "tst_keychaintimeout.moc"
