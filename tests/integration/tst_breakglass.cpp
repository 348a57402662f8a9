// Break-the-glass with the real provider: the session asks for an emergency token carrying the
// purpose and the doctor's written reason; it lasts the provider's short lifetime and ends by
// itself (an ordinary token follows) or on request; a refused request keeps the ordinary
// tokens; signing out ends it too.

#include "auth/oidcsession.h"
#include "support/oidcprovider.h"
#include "support/testbrowser.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace fenestra::integration;
using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

QString purposeOf(const QByteArray& accessToken)
{
    return jwtClaims(accessToken)
        .value(QStringLiteral("extensions"))
        .toObject()
        .value(QStringLiteral("ihe_iua"))
        .toObject()
        .value(QStringLiteral("purpose_of_use"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

} // namespace

class TestBreakGlass : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emergencyToken_carriesPurposeAndReason_andEndsByItself();
    void endEmergencyAccess_returnsToAnOrdinaryTokenAtOnce();
    void refusedRequest_keepsTheOrdinaryTokens();
    void logout_endsEmergencyAccess();

private:
    std::unique_ptr<OidcProvider> m_provider;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<OidcSession> m_session;
};

void TestBreakGlass::initTestCase()
{
    OidcProvider::Options options;
    options.breakGlassTtlSeconds = 3;
    m_provider = std::make_unique<OidcProvider>(options);
    QVERIFY2(m_provider->start(), qPrintable(m_provider->lastError()));
}

void TestBreakGlass::init()
{
    OidcConfig config;
    config.issuer = m_provider->issuer();
    config.clientId = m_provider->clientId();
    config.resource = m_provider->audience();
    config.loginTimeout = 30s;
    config.requestTimeout = 10s;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_session = std::make_unique<OidcSession>(config, m_network.get());
    QSignalSpy urls(m_session.get(), &OidcSession::authorizationUrlReady);
    QSignalSpy in(m_session.get(), &OidcSession::loggedIn);
    m_session->login();
    QVERIFY(urls.count() == 1 || urls.wait(10000));
    TestBrowser browser;
    const OidcProvider::User alice = OidcProvider::defaultUsers().at(0);
    QString error;
    QVERIFY2(browser.authorize(urls.last().at(0).toUrl(), alice.username, alice.password, &error)
                 .isValid(),
             qPrintable(error));
    QVERIFY(in.count() == 1 || in.wait(15000));
    QCOMPARE(purposeOf(m_session->accessToken()), QStringLiteral("TREAT"));
}

void TestBreakGlass::cleanup()
{
    m_session.reset();
    m_network.reset();
}

void TestBreakGlass::emergencyToken_carriesPurposeAndReason_andEndsByItself()
{
    QSignalSpy started(m_session.get(), &OidcSession::emergencyAccessStarted);
    QSignalSpy ended(m_session.get(), &OidcSession::emergencyAccessEnded);
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    m_session->startEmergencyAccess(QStringLiteral("EMER"),
                                    QStringLiteral("Unconscious patient in the emergency room"));
    QVERIFY(started.wait(10000));
    QVERIFY(m_session->isEmergencyAccess());
    const QByteArray token = m_session->accessToken();
    QCOMPARE(purposeOf(token), QStringLiteral("EMER"));
    QCOMPARE(jwtClaims(token).value(QStringLiteral("break_glass")).toObject().value("reason"),
             QStringLiteral("Unconscious patient in the emergency room"));
    // Short-lived: the provider's 3 s, announced to the app.
    const QDateTime until = started.last().at(0).toDateTime();
    QVERIFY2(qAbs(asked.secsTo(until) - 3) <= 1, qPrintable(until.toString(Qt::ISODate)));

    // It ends by itself, on time, and an ordinary token follows.
    QVERIFY(ended.wait(10000));
    QVERIFY2(QDateTime::currentDateTimeUtc() <= until.addSecs(1), "ended late");
    QVERIFY(!m_session->isEmergencyAccess());
    QCOMPARE(purposeOf(m_session->accessToken()), QStringLiteral("TREAT"));
    QVERIFY(!jwtClaims(m_session->accessToken()).contains(QStringLiteral("break_glass")));
}

void TestBreakGlass::endEmergencyAccess_returnsToAnOrdinaryTokenAtOnce()
{
    QSignalSpy started(m_session.get(), &OidcSession::emergencyAccessStarted);
    QSignalSpy ended(m_session.get(), &OidcSession::emergencyAccessEnded);
    m_session->startEmergencyAccess(QStringLiteral("ETREAT"), QStringLiteral("Stroke, on call"));
    QVERIFY(started.wait(10000));
    m_session->endEmergencyAccess();
    QVERIFY(ended.wait(2000)); // well before the 3 s
    QCOMPARE(purposeOf(m_session->accessToken()), QStringLiteral("TREAT"));
}

void TestBreakGlass::refusedRequest_keepsTheOrdinaryTokens()
{
    const QByteArray before = m_session->accessToken();
    QSignalSpy failed(m_session.get(), &OidcSession::emergencyAccessFailed);
    QSignalSpy reauth(m_session.get(), &OidcSession::reauthenticationRequired);
    m_session->startEmergencyAccess(QStringLiteral("EMER"), QString()); // no reason written
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.last().at(0).value<Error>().toString().contains(
                 QStringLiteral("break_glass_reason required")),
             qPrintable(failed.last().at(0).value<Error>().toString()));
    QCOMPARE(reauth.count(), 0);
    QVERIFY(!m_session->isEmergencyAccess());
    QCOMPARE(m_session->accessToken(), before);
    QCOMPARE(m_session->state(), OidcSession::State::LoggedIn);
    // The refresh token survived: an ordinary refresh still works.
    QSignalSpy refreshed(m_session.get(), &OidcSession::tokensRefreshed);
    m_session->refresh();
    QVERIFY(refreshed.wait(10000));
}

void TestBreakGlass::logout_endsEmergencyAccess()
{
    QSignalSpy started(m_session.get(), &OidcSession::emergencyAccessStarted);
    QSignalSpy ended(m_session.get(), &OidcSession::emergencyAccessEnded);
    m_session->startEmergencyAccess(QStringLiteral("EMER"), QStringLiteral("Cardiac arrest"));
    QVERIFY(started.wait(10000));
    m_session->logout();
    QVERIFY(ended.count() == 1 || ended.wait(5000));
    QVERIFY(!m_session->isEmergencyAccess());
    QVERIFY(m_session->accessToken().isEmpty());
}

QTEST_GUILESS_MAIN(TestBreakGlass)
#include "tst_breakglass.moc"
