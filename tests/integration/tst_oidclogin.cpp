// The login of net/auth end to end against real peers: our OpenID Connect provider
// (oidc-provider on 127.0.0.1, played through the TestBrowser) and an Orthanc whose Python
// filter demands the provider's access tokens. Login with PKCE and the loopback redirect, ID
// token verification, refresh with rotation, refused tokens, a provider that is down, bearer
// tokens on archive searches, 403 -> one refresh -> retry, logout at the provider, and a scan
// of every log line and file a whole session produced for the tokens it handled.

#include "archivetest.h"
#include "support/oidcprovider.h"
#include "support/testbrowser.h"

#include "auth/jwt.h"
#include "auth/oidcsession.h"
#include "auth/tokenstore.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace fenestra;
using namespace fenestra::integration;
using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

// Every message Qt and the code under test logged, whatever its category and level.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") +
                     QLatin1Char(' ') + message);
    }
    if (g_previousHandler && type != QtDebugMsg) // debug output only captured, not printed
        g_previousHandler(type, context, message);
}

// A token store that remembers every secret saved (test memory only): how the test learns the
// refresh and ID tokens the session held, to check rotation, logout and leaks.
class RecordingStore final : public TokenStore
{
public:
    Result<void> save(const QString& account, const QByteArray& secret) override
    {
        saved.append(secret);
        return m_memory.save(account, secret);
    }
    Result<QByteArray> load(const QString& account) override { return m_memory.load(account); }
    Result<void> remove(const QString& account) override
    {
        ++removals;
        return m_memory.remove(account);
    }
    bool isPersistent() const override { return false; }

    QByteArray lastToken(const char* name) const
    {
        if (saved.isEmpty())
            return {};
        return QJsonDocument::fromJson(saved.last())
            .object()
            .value(QLatin1String(name))
            .toString()
            .toUtf8();
    }

    QList<QByteArray> saved;
    int removals = 0;

private:
    MemoryTokenStore m_memory;
};

// One instance of the app's login: a network manager, the session and its store.
struct Client
{
    explicit Client(OidcConfig config) : session(std::move(config), &network)
    {
        session.setTokenStore(&store);
    }
    QNetworkAccessManager network;
    RecordingStore store;
    OidcSession session;
};

QString errorText(const QSignalSpy& spy)
{
    return spy.isEmpty() ? QStringLiteral("(no error)")
                         : spy.last().at(0).value<Error>().toString();
}

// The signature part of a compact JWS (or the whole of an opaque token).
QByteArray signaturePart(const QByteArray& token)
{
    const qsizetype dot = token.lastIndexOf('.');
    return dot < 0 ? token : token.mid(dot + 1);
}

QByteArray tamperedClaim(const QByteArray& jwt, const QString& claim, const QJsonValue& value)
{
    QList<QByteArray> parts = jwt.split('.');
    QJsonObject claims = jwtClaims(jwt);
    claims.insert(claim, value);
    parts[1] = QJsonDocument(claims)
                   .toJson(QJsonDocument::Compact)
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return parts.join('.');
}

} // namespace

class TestOidcLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void login_endToEnd_verifiesIdTokenAndReadsIdentity();
    void refresh_rotatesRefreshToken_andOldOneIsRefused();
    void idToken_tamperedWrongAudienceExpiredOrWrongNonce_isRefused();
    void login_withClockPastIdTokenExpiry_failsWithExpiry();
    void login_providerDown_saysItCannotReachIt();
    void login_issuerMismatch_isRefused();
    void login_forgedRedirect_isRefusedAndGenuineOneStillCompletes();
    void login_tokenEndpointError_reportsErrorAndDescription();
    void archiveSearch_withBearer_succeeds_withoutIsRefused();
    void archiveRefusal_oneRefreshThenRetrySucceeds_revokedRefreshAsksLogin();
    void logout_wipesTokensAndEndsProviderSession();
    void secrets_fullSessionLeavesNoTokenInLogsOrFiles();

private:
    OidcConfig config(const OidcProvider& provider) const;
    // Runs the browser part of a login started with session.login(); true once loggedIn().
    bool loginAs(Client& client, TestBrowser& browser, const OidcProvider::User& user);
    // A QIDO study search on `orthanc` with the session's bearer token; the finished request.
    std::unique_ptr<DicomWebClient> archiveClient(Client& client, OrthancServer& orthanc,
                                                  bool withToken = true);
    RequestOutcome search(DicomWebClient& archive, int* studies = nullptr);
    OidcProvider::User alice() const { return OidcProvider::defaultUsers().at(0); }

    std::unique_ptr<OidcProvider> m_provider;
    std::unique_ptr<OrthancServer> m_orthanc;
    // Access tokens of 3 s for the refusal -> refresh -> retry test, with its own Orthanc.
    std::unique_ptr<OidcProvider> m_shortProvider;
    std::unique_ptr<OrthancServer> m_shortOrthanc;
    bool m_haveOrthanc = false;
};

OidcConfig TestOidcLogin::config(const OidcProvider& provider) const
{
    OidcConfig config;
    config.issuer = provider.issuer();
    config.clientId = provider.clientId();
    config.resource = provider.audience();
    config.postLogoutRedirectUri = QUrl(QStringLiteral("http://127.0.0.1/logged-out"));
    config.loginTimeout = 30s;
    config.requestTimeout = 10s;
    return config;
}

bool TestOidcLogin::loginAs(Client& client, TestBrowser& browser, const OidcProvider::User& user)
{
    QSignalSpy urls(&client.session, &OidcSession::authorizationUrlReady);
    QSignalSpy loggedIn(&client.session, &OidcSession::loggedIn);
    QSignalSpy failed(&client.session, &OidcSession::loginFailed);
    client.session.login();
    if (urls.isEmpty() && !urls.wait(15000))
        return false;
    QString error;
    const QUrl redirect =
        browser.authorize(urls.last().at(0).toUrl(), user.username, user.password, &error);
    if (redirect.isEmpty()) {
        qWarning("browser: %s", qPrintable(error));
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (loggedIn.isEmpty() && failed.isEmpty() && clock.elapsed() < 15000)
        QTest::qWait(20);
    if (!failed.isEmpty())
        qWarning("login failed: %s", qPrintable(errorText(failed)));
    return !loggedIn.isEmpty();
}

std::unique_ptr<DicomWebClient> TestOidcLogin::archiveClient(Client& client, OrthancServer& orthanc,
                                                             bool withToken)
{
    auto archive =
        std::make_unique<DicomWebClient>(archiveOf(orthanc.dicomWebUrl()), &client.network);
    RequestOptions options;
    options.idleTimeout = 15s;
    if (withToken)
        options.authorization = client.session.authorizationProvider();
    archive->setOptions(options);
    return archive;
}

RequestOutcome TestOidcLogin::search(DicomWebClient& archive, int* studies)
{
    QidoSearch* search = archive.searchStudies(StudyQuery{});
    waitFinished(search);
    if (studies)
        *studies = int(search->studies().size());
    const RequestOutcome outcome = search->outcome();
    delete search;
    return outcome;
}

void TestOidcLogin::initTestCase()
{
    // After QTest's own handler is installed (by qExec), chaining to it.
    g_previousHandler = qInstallMessageHandler(captureMessage);
    m_provider = std::make_unique<OidcProvider>();
    QVERIFY2(m_provider->start(), qPrintable(m_provider->lastError()));
    OidcProvider::Options shortOptions;
    shortOptions.accessTokenTtlSeconds = 3;
    m_shortProvider = std::make_unique<OidcProvider>(shortOptions);
    QVERIFY2(m_shortProvider->start(), qPrintable(m_shortProvider->lastError()));

    m_haveOrthanc = QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc"));
    if (!m_haveOrthanc)
        return; // the archive tests skip themselves
    const ManifestStudy study =
        readManifest(QStringLiteral(FENESTRA_TEST_DATA)).value(QStringLiteral("ct"));
    QVERIFY(!study.files().isEmpty());
    for (auto [provider, orthanc] : {std::pair{m_provider.get(), &m_orthanc},
                                     std::pair{m_shortProvider.get(), &m_shortOrthanc}}) {
        OrthancServer::Options options;
        options.pythonScript = OidcProvider::orthancFilterScript();
        options.extraConfiguration = provider->orthancConfiguration();
        *orthanc = std::make_unique<OrthancServer>(options);
        QVERIFY2((*orthanc)->start(), qPrintable((*orthanc)->lastError()));
        QVERIFY2((*orthanc)->upload(study.files().first()), qPrintable((*orthanc)->lastError()));
    }
}

void TestOidcLogin::login_endToEnd_verifiesIdTokenAndReadsIdentity()
{
    Client client(config(*m_provider));
    QSignalSpy urls(&client.session, &OidcSession::authorizationUrlReady);
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));

    // The authorization request: PKCE S256, a loopback redirect on an ephemeral port.
    const QUrlQuery request(urls.last().at(0).toUrl());
    QCOMPARE(request.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
    QCOMPARE(request.queryItemValue("code_challenge").size(), 43);
    QCOMPARE(request.queryItemValue("response_type"), QStringLiteral("code"));
    const QUrl redirectUri(request.queryItemValue("redirect_uri", QUrl::FullyDecoded));
    QCOMPARE(redirectUri.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirectUri.port() > 0);
    // The browser saw our page, and the listener is gone.
    QCOMPARE(browser.lastRedirectStatus(), 200);
    QVERIFY(browser.lastRedirectBody().contains("You are signed in to Fenestra"));
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirectUri.port()));
    QVERIFY(!probe.waitForConnected(2000));

    QCOMPARE(client.session.state(), OidcSession::State::LoggedIn);
    const Identity& who = client.session.identity();
    QCOMPARE(who.subject, QStringLiteral("alice"));
    QCOMPARE(who.name, QStringLiteral("Dr. Alice Martin"));
    QCOMPARE(who.username, QStringLiteral("alice"));
    QCOMPARE(who.organisation, QStringLiteral("hospital-a"));
    QCOMPARE(who.organisationName, QStringLiteral("Hospital A"));
    QCOMPARE(who.roles, QStringList{QStringLiteral("physician")});
    QCOMPARE(who.issuer, m_provider->issuer());

    // The ID token held verifies against the provider's keys; the access token is for the
    // archives' audience and expires as the provider said.
    const QByteArray idToken = client.store.lastToken("id_token");
    QVERIFY(!idToken.isEmpty());
    QVERIFY(client.session.verifyIdToken(idToken, std::nullopt));
    const QJsonObject access = jwtClaims(client.session.accessToken());
    QCOMPARE(access.value("aud").toString(), m_provider->audience());
    QCOMPARE(access.value("sub").toString(), QStringLiteral("alice"));
    const qint64 lifetime =
        QDateTime::currentDateTimeUtc().secsTo(client.session.accessTokenExpiry());
    QVERIFY2(lifetime > 280 && lifetime <= 300, qPrintable(QString::number(lifetime)));
    QVERIFY(!client.store.lastToken("refresh_token").isEmpty());
}

void TestOidcLogin::refresh_rotatesRefreshToken_andOldOneIsRefused()
{
    Client client(config(*m_provider));
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));
    const QByteArray firstAccess = client.session.accessToken();
    const QByteArray firstRefresh = client.store.lastToken("refresh_token");

    QSignalSpy refreshed(&client.session, &OidcSession::tokensRefreshed);
    QSignalSpy reauth(&client.session, &OidcSession::reauthenticationRequired);
    client.session.refresh();
    QVERIFY2(refreshed.wait(15000), qPrintable(errorText(reauth)));
    const QByteArray secondRefresh = client.store.lastToken("refresh_token");
    QVERIFY(!secondRefresh.isEmpty());
    QVERIFY(secondRefresh != firstRefresh);
    QVERIFY(client.session.accessToken() != firstAccess);
    QCOMPARE(jwtClaims(client.session.accessToken()).value("sub").toString(),
             QStringLiteral("alice"));
    QCOMPARE(client.session.identity().organisation, QStringLiteral("hospital-a"));

    // The rotated token works again (and rotates again).
    client.session.refresh();
    QVERIFY2(refreshed.wait(15000), qPrintable(errorText(reauth)));
    QCOMPARE(reauth.size(), 0);
    QVERIFY(client.store.lastToken("refresh_token") != secondRefresh);

    // The provider refuses a used refresh token; such a replay also revokes the whole grant
    // (reuse detection), so the session's next refresh ends in a re-login prompt.
    const TokenSet replay = m_provider->refreshTokens(firstRefresh);
    QVERIFY(!replay.ok());
    QVERIFY2(replay.error.contains(QLatin1String("invalid_grant")), qPrintable(replay.error));
    client.session.refresh();
    QVERIFY(reauth.wait(15000));
    QCOMPARE(reauth.last().at(0).value<Error>().code, ErrorCode::IdentityProviderError);
    QCOMPARE(client.session.state(), OidcSession::State::NeedsLogin);
    QVERIFY(client.session.accessToken().isEmpty());
}

void TestOidcLogin::idToken_tamperedWrongAudienceExpiredOrWrongNonce_isRefused()
{
    Client client(config(*m_provider));
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));
    const QByteArray idToken = client.store.lastToken("id_token");
    QVERIFY(client.session.verifyIdToken(idToken, std::nullopt));

    const auto refusal = [](const Result<QJsonObject>& result) {
        return result ? QStringLiteral("(accepted)") : result.error().detail;
    };
    // Another hospital put in the claims, the signature kept.
    const QByteArray tampered =
        tamperedClaim(idToken, QStringLiteral("organisation"), QStringLiteral("hospital-b"));
    QCOMPARE(refusal(client.session.verifyIdToken(tampered, std::nullopt)),
             QStringLiteral("signature does not verify"));
    // The signature of another token of the same key.
    QList<QByteArray> parts = idToken.split('.');
    parts[2] = signaturePart(client.session.accessToken());
    QCOMPARE(refusal(client.session.verifyIdToken(parts.join('.'), std::nullopt)),
             QStringLiteral("signature does not verify"));
    // alg "none" with the signature stripped.
    QList<QByteArray> unsigned_ = idToken.split('.');
    unsigned_[0] = QByteArray(R"({"alg":"none"})")
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    unsigned_[2].clear();
    QVERIFY(!client.session.verifyIdToken(unsigned_.join('.'), std::nullopt));

    // A genuine ID token issued to another client: a session of that client refuses it.
    OidcConfig otherClient = config(*m_provider);
    otherClient.clientId = QStringLiteral("other-client");
    Client other(otherClient);
    QSignalSpy discovered(&other.session, &OidcSession::authorizationUrlReady);
    other.session.login(); // discovery and keys; the login itself is left unfinished
    QVERIFY(discovered.wait(15000));
    QCOMPARE(refusal(other.session.verifyIdToken(idToken, std::nullopt)),
             QStringLiteral("audience 'fenestra' not accepted (expected 'other-client')"));
    other.session.cancelLogin();

    // Expired: the same token two hours later (ID tokens live one hour at this provider).
    OidcConfig later = config(*m_provider);
    later.clock = [] { return QDateTime::currentDateTimeUtc().addSecs(7200); };
    Client future(later);
    QSignalSpy futureUrl(&future.session, &OidcSession::authorizationUrlReady);
    future.session.login();
    QVERIFY(futureUrl.wait(15000));
    const QString expired = refusal(future.session.verifyIdToken(idToken, std::nullopt));
    QVERIFY2(expired.startsWith(QLatin1String("token expired at ")), qPrintable(expired));
    future.session.cancelLogin();

    // A nonce other than the login's.
    QCOMPARE(refusal(client.session.verifyIdToken(idToken, QStringLiteral("not-the-nonce"))),
             QStringLiteral("the token's nonce does not match the login request"));
}

void TestOidcLogin::login_withClockPastIdTokenExpiry_failsWithExpiry()
{
    OidcConfig later = config(*m_provider);
    later.clock = [] { return QDateTime::currentDateTimeUtc().addSecs(7200); };
    Client client(later);
    QSignalSpy failed(&client.session, &OidcSession::loginFailed);
    TestBrowser browser;
    QVERIFY(!loginAs(client, browser, alice()));
    QCOMPARE(failed.size(), 1);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::InvalidToken);
    QVERIFY2(error.detail.startsWith(QLatin1String("token expired at ")), qPrintable(error.detail));
    QVERIFY(client.session.accessToken().isEmpty());
    QCOMPARE(client.session.state(), OidcSession::State::LoggedOut);
}

void TestOidcLogin::login_providerDown_saysItCannotReachIt()
{
    QTcpServer closed; // a port that was free a moment ago and now refuses connections
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    OidcConfig down = config(*m_provider);
    down.issuer = QStringLiteral("http://127.0.0.1:%1").arg(port);
    Client client(down);
    QSignalSpy failed(&client.session, &OidcSession::loginFailed);
    QSignalSpy urls(&client.session, &OidcSession::authorizationUrlReady);
    client.session.login();
    QVERIFY(failed.wait(15000));
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::IdentityProviderUnreachable);
    QVERIFY2(error.detail.startsWith(
                 QStringLiteral("cannot reach the identity provider at http://127.0.0.1:%1: ")
                     .arg(port)),
             qPrintable(error.detail));
    QVERIFY2(error.detail.contains(QLatin1String("refused")), qPrintable(error.detail));
    QCOMPARE(urls.size(), 0);
    QCOMPARE(client.session.state(), OidcSession::State::LoggedOut);
}

void TestOidcLogin::login_issuerMismatch_isRefused()
{
    OidcConfig slash = config(*m_provider);
    slash.issuer = m_provider->issuer() + QLatin1Char('/'); // same document, other issuer text
    Client client(slash);
    QSignalSpy failed(&client.session, &OidcSession::loginFailed);
    client.session.login();
    QVERIFY(failed.wait(15000));
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::IdentityProviderError);
    QCOMPARE(error.detail, QStringLiteral("the identity provider says its issuer is '%1', "
                                          "expected '%1/'")
                               .arg(m_provider->issuer()));
}

void TestOidcLogin::login_forgedRedirect_isRefusedAndGenuineOneStillCompletes()
{
    Client client(config(*m_provider));
    QSignalSpy urls(&client.session, &OidcSession::authorizationUrlReady);
    QSignalSpy refused(&client.session, &OidcSession::loginRedirectRefused);
    QSignalSpy loggedIn(&client.session, &OidcSession::loggedIn);
    client.session.login();
    QVERIFY(urls.wait(15000));
    const QUrlQuery request(urls.last().at(0).toUrl());
    QUrl forged(request.queryItemValue("redirect_uri", QUrl::FullyDecoded));
    forged.setQuery(QStringLiteral("code=attacker-code&state=attacker-state"));
    QNetworkReply* reply = client.network.get(QNetworkRequest(forged));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    delete reply;
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).value<Error>().detail,
             QStringLiteral("the login answer's state does not match the login request"));
    QCOMPARE(client.session.state(), OidcSession::State::LoggingIn);

    TestBrowser browser;
    QString error;
    QVERIFY2(
        !browser.authorize(urls.last().at(0).toUrl(), alice().username, alice().password, &error)
             .isEmpty(),
        qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 15000);
    QCOMPARE(client.session.identity().subject, QStringLiteral("alice"));
}

void TestOidcLogin::login_tokenEndpointError_reportsErrorAndDescription()
{
    Client client(config(*m_provider));
    QSignalSpy urls(&client.session, &OidcSession::authorizationUrlReady);
    QSignalSpy failed(&client.session, &OidcSession::loginFailed);
    client.session.login();
    QVERIFY(urls.wait(15000));
    TestBrowser::Options options;
    options.deliverRedirect = false; // the test delivers it, with a code the provider never gave
    TestBrowser browser(options);
    QString error;
    QUrl redirect =
        browser.authorize(urls.last().at(0).toUrl(), alice().username, alice().password, &error);
    QVERIFY2(!redirect.isEmpty(), qPrintable(error));
    QUrlQuery query(redirect);
    QVERIFY(!query.queryItemValue("code").isEmpty());
    query.removeAllQueryItems(QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("code"), QStringLiteral("not-a-code-of-this-provider"));
    redirect.setQuery(query);
    QNetworkReply* reply = client.network.get(QNetworkRequest(redirect));
    QVERIFY(failed.wait(15000));
    delete reply;
    const Error failure = failed.at(0).at(0).value<Error>();
    QCOMPARE(failure.code, ErrorCode::IdentityProviderError);
    QVERIFY2(failure.detail.startsWith(
                 QLatin1String("the identity provider refused the request: invalid_grant (")),
             qPrintable(failure.detail));
}

void TestOidcLogin::archiveSearch_withBearer_succeeds_withoutIsRefused()
{
    if (!m_haveOrthanc)
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-python)");
    Client client(config(*m_provider));
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));
    int studies = 0;
    const RequestOutcome with = search(*archiveClient(client, *m_orthanc), &studies);
    QCOMPARE(with.httpStatus, 200);
    QCOMPARE(with.status, RequestStatus::Clean);
    QCOMPARE(studies, 1);

    const RequestOutcome without = search(*archiveClient(client, *m_orthanc, false));
    QCOMPARE(without.httpStatus, 403);
    QCOMPARE(without.status, RequestStatus::Errored);
    QVERIFY(without.error);
    QCOMPARE(without.error->code, ErrorCode::Forbidden);
}

void TestOidcLogin::archiveRefusal_oneRefreshThenRetrySucceeds_revokedRefreshAsksLogin()
{
    if (!m_haveOrthanc)
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-python)");
    OidcConfig shortLived = config(*m_shortProvider);
    shortLived.refreshAtFraction = 100; // no background refresh during the test
    Client client(shortLived);
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));
    auto archive = archiveClient(client, *m_shortOrthanc);
    QCOMPARE(search(*archive).httpStatus, 200);

    // The access token lives 3 s: wait until the archive refuses it (polling the archive).
    RequestOutcome refused;
    QElapsedTimer clock;
    clock.start();
    do {
        QTest::qWait(250);
        refused = search(*archive);
    } while (refused.httpStatus == 200 && clock.elapsed() < 10000);
    QCOMPARE(refused.httpStatus, 403);
    QCOMPARE(refused.error->code, ErrorCode::Forbidden);

    // What the app does: one refresh, then the same request once more.
    QSignalSpy refreshed(&client.session, &OidcSession::tokensRefreshed);
    QSignalSpy reauth(&client.session, &OidcSession::reauthenticationRequired);
    const QByteArray oldRefresh = client.store.lastToken("refresh_token");
    client.session.handleUnauthorized();
    client.session.handleUnauthorized(); // a second refused request shares the same refresh
    QVERIFY2(refreshed.wait(15000), qPrintable(errorText(reauth)));
    QCOMPARE(search(*archive).httpStatus, 200);
    QTest::qWait(200);
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(client.store.lastToken("refresh_token") != oldRefresh);

    // A refused retry asks for a login at once, without another refresh.
    client.session.handleUnauthorized(true);
    QVERIFY(reauth.wait(5000));
    QCOMPARE(reauth.last().at(0).value<Error>().code, ErrorCode::Unauthorized);
    QCOMPARE(refreshed.size(), 1);

    // The refresh token revoked at the provider: the next refusal ends in a re-login prompt,
    // the identity kept for the app to show whose work is open.
    const QByteArray current = client.store.lastToken("refresh_token");
    const QUrl revocation = client.session.discovery().metadata().revocationEndpoint;
    QNetworkRequest revoke(revocation);
    revoke.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QNetworkReply* reply = client.network.post(
        revoke,
        "token=" + QUrl::toPercentEncoding(QString::fromLatin1(current)) +
            "&token_type_hint=refresh_token&client_id=" + m_shortProvider->clientId().toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
    client.session.handleUnauthorized();
    QTRY_COMPARE_WITH_TIMEOUT(reauth.size(), 2, 15000);
    const Error reason = reauth.last().at(0).value<Error>();
    QCOMPARE(reason.code, ErrorCode::IdentityProviderError);
    QVERIFY2(reason.detail.contains(QLatin1String("invalid_grant")), qPrintable(reason.detail));
    QCOMPARE(client.session.state(), OidcSession::State::NeedsLogin);
    QVERIFY(client.session.accessToken().isEmpty());
    QCOMPARE(client.session.identity().subject, QStringLiteral("alice"));
    QCOMPARE(search(*archive).httpStatus, 403); // no token sent at all now

    // Re-login in the same session (the app kept its work) restores access.
    QVERIFY(loginAs(client, browser, alice()));
    QCOMPARE(search(*archive).httpStatus, 200);
}

void TestOidcLogin::logout_wipesTokensAndEndsProviderSession()
{
    Client client(config(*m_provider));
    TestBrowser browser;
    QVERIFY(loginAs(client, browser, alice()));
    const QByteArray refreshToken = client.store.lastToken("refresh_token");
    const QByteArray idToken = client.store.lastToken("id_token");
    QVERIFY(!refreshToken.isEmpty());

    QSignalSpy endSession(&client.session, &OidcSession::endSessionUrlReady);
    QSignalSpy loggedOut(&client.session, &OidcSession::loggedOut);
    const int removals = client.store.removals;
    client.session.logout();
    QCOMPARE(endSession.size(), 1);
    QVERIFY(client.session.accessToken().isEmpty());
    QVERIFY(!client.session.identity().isValid());
    QCOMPARE(client.session.state(), OidcSession::State::LoggedOut);
    QCOMPARE(client.store.removals, removals + 1);
    QVERIFY(client.store.load(client.session.storeAccount())->isEmpty());
    QVERIFY(loggedOut.wait(15000)); // after the revocation

    const QUrl url = endSession.at(0).at(0).toUrl();
    const QUrlQuery query(url);
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(),
             client.session.discovery().metadata().endSessionEndpoint.toString());
    QCOMPARE(query.queryItemValue("id_token_hint").toUtf8(), idToken);
    QCOMPARE(query.queryItemValue("post_logout_redirect_uri", QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1/logged-out"));
    QString error;
    QVERIFY2(browser.endSession(url, &error), qPrintable(error));

    // The provider forgot the refresh token (revoked) and the browser's session: a new login
    // shows the login form again (a wrong password is now refused instead of single sign-on).
    const TokenSet replay = m_provider->refreshTokens(refreshToken);
    QVERIFY(!replay.ok());
    QVERIFY2(replay.error.contains(QLatin1String("invalid_grant")), qPrintable(replay.error));
    Client again(config(*m_provider));
    QSignalSpy urls(&again.session, &OidcSession::authorizationUrlReady);
    again.session.login();
    QVERIFY(urls.wait(15000));
    QVERIFY(browser
                .authorize(urls.last().at(0).toUrl(), alice().username,
                           QStringLiteral("wrong-password"), &error)
                .isEmpty());
}

void TestOidcLogin::secrets_fullSessionLeavesNoTokenInLogsOrFiles()
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.clear();
    }
    QList<QByteArray> tokens;
    {
        Client client(config(*m_provider));
        // The keyring store as the app uses it: no keyring here, so memory only.
        KeychainTokenStore keyring(QStringLiteral("FenestraTest"), 3s);
        client.session.setTokenStore(&keyring);
        TestBrowser browser;
        QVERIFY(loginAs(client, browser, alice()));
        tokens << client.session.accessToken();
        QVERIFY(client.session.verifyIdToken(
            QJsonDocument::fromJson(*keyring.load(client.session.storeAccount()))
                .object()
                .value("id_token")
                .toString()
                .toUtf8(),
            std::nullopt));
        const QJsonObject stored =
            QJsonDocument::fromJson(*keyring.load(client.session.storeAccount())).object();
        tokens << stored.value("refresh_token").toString().toUtf8()
               << stored.value("id_token").toString().toUtf8();
        QVERIFY(!keyring.isPersistent()); // fell back to memory, never to a file
        if (m_haveOrthanc)
            QCOMPARE(search(*archiveClient(client, *m_orthanc)).httpStatus, 200);
        QSignalSpy refreshed(&client.session, &OidcSession::tokensRefreshed);
        client.session.refresh();
        QVERIFY(refreshed.wait(15000));
        tokens << client.session.accessToken();
        const QJsonObject rotated =
            QJsonDocument::fromJson(*keyring.load(client.session.storeAccount())).object();
        tokens << rotated.value("refresh_token").toString().toUtf8()
               << rotated.value("id_token").toString().toUtf8();
        QSignalSpy loggedOut(&client.session, &OidcSession::loggedOut);
        QSignalSpy endSession(&client.session, &OidcSession::endSessionUrlReady);
        client.session.logout();
        QVERIFY(loggedOut.wait(15000));
        QVERIFY(browser.endSession(endSession.at(0).at(0).toUrl()));
    }
    for (const QByteArray& token : tokens)
        QVERIFY(token.size() > 20);

    QStringList log;
    {
        QMutexLocker lock(&g_logMutex);
        log = g_log;
    }
    // The capture saw the session's own debug lines: debug logging was on and captured.
    QVERIFY2(log.filter(QStringLiteral("fenestra.net.auth")).size() >= 4,
             qPrintable(log.join(QLatin1Char('\n'))));
    const QString allLog = log.join(QLatin1Char('\n'));
    for (const QByteArray& token : tokens) {
        QVERIFY2(!allLog.contains(QString::fromLatin1(token)), "a token was logged");
        QVERIFY2(!allLog.contains(QString::fromLatin1(signaturePart(token))),
                 "a token's signature was logged");
    }
    // Every file under the temporary HOME and XDG directories of this process.
    int files = 0;
    for (const char* variable : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
        const QString root = qEnvironmentVariable(variable);
        QVERIFY2(root.startsWith(QDir::tempPath()), variable);
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray& token : tokens) {
                QVERIFY2(!content.contains(token), qPrintable(file.fileName()));
                QVERIFY2(!content.contains(signaturePart(token)), qPrintable(file.fileName()));
            }
        }
    }
    qInfo("scanned %lld log lines and %d files for %lld tokens", qlonglong(log.size()), files,
          qlonglong(tokens.size()));
}

// All logging on (captured by the handler initTestCase installs), and temporary HOME / XDG
// directories, set before Qt reads them; no session bus (so no keyring) and no display.
int main(int argc, char** argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("HOME", home.path().toLocal8Bit());
    for (const char* variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
        const QString dir = home.path() + QLatin1Char('/') + QLatin1String(variable);
        QDir().mkpath(dir);
        qputenv(variable, dir.toLocal8Bit());
    }
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    qputenv("QT_LOGGING_RULES", "*.debug=true");
    QCoreApplication app(argc, argv);
    TestOidcLogin test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_oidclogin.moc"
