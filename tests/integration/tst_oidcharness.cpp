// The real peers of the login tests: our OpenID Connect provider (oidc-provider under Node, on
// an ephemeral loopback port) played through the TestBrowser, and an Orthanc whose Python
// filter demands the provider's access tokens. What the client tests rely on is checked here:
// discovery, PKCE S256 required, the loopback redirect on any port, the tokens' claims,
// refresh token rotation, RP-initiated logout, and Orthanc refusing every token but a valid one.

#include "support/oidcprovider.h"
#include "support/orthancserver.h"
#include "support/testbrowser.h"
#include "support/testdata.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace fenestra::integration;

namespace {

// A client's loopback listener: answers one GET and records its request line.
class LoopbackListener
{
public:
    LoopbackListener()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray request = socket->readAll();
                m_requestLine = request.left(request.indexOf("\r\n"));
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                              "9\r\nConnection: close\r\n\r\nsigned in");
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray requestLine() const { return m_requestLine; }

private:
    QTcpServer m_server;
    QByteArray m_requestLine;
};

struct Pkce
{
    QByteArray verifier = QByteArray(43, 'v'); // the shortest verifier RFC 7636 allows
    QString challenge() const
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
};

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The same token with one claim changed and the original signature: what an attacker would
// send to read another hospital's archive.
QByteArray tamper(const QByteArray& jwt)
{
    QList<QByteArray> parts = jwt.split('.');
    QJsonObject claims = jwtClaims(jwt);
    claims.insert(QStringLiteral("organisation"), QStringLiteral("hospital-b"));
    parts[1] = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return parts.join('.');
}

// An unsigned token ("alg": "none") with valid-looking claims.
QByteArray unsignedToken(const QByteArray& jwt)
{
    return base64Url(R"({"alg":"none","typ":"at+jwt"})") + '.' + jwt.split('.').value(1) + '.';
}

} // namespace

class TestOidcHarness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void discovery_advertisesCodeFlowWithPkceS256AndEndpoints();
    void authorize_withoutPkce_isRefused();
    void authorize_wrongPassword_showsTheLoginFormAgain();
    void authorize_deliversCodeToLoopbackOnAnyPort_andPkceGuardsTheExchange();
    void tokens_carryTheDoctorsClaims();
    void refresh_rotatesTheRefreshToken_andRefusesTheUsedOne();
    void endSession_confirmsLogout_andTheRefreshTokenDies();
    void consentForm_grantGivesCode_denyGivesAccessDenied();
    void orthanc_validToken_answers200();
    void orthanc_refusesBadTokens_data();
    void orthanc_refusesBadTokens();
    void orthanc_expiredToken_isRefused();
    void orthanc_keysFromJwksUrl_verifiesTheSameWay();
    void providerStopped_refusesConnections();

private:
    OidcProvider::User alice() const { return OidcProvider::defaultUsers().at(0); }
    HttpResult orthancGet(const QByteArray& authorization);
    QByteArray refusalReasonsLogged();

    std::unique_ptr<OidcProvider> m_provider;
    std::unique_ptr<OrthancServer> m_orthanc;
    ManifestStudy m_study;
    TokenSet m_tokens; // alice's, for the default audience
};

void TestOidcHarness::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-python)");
    m_provider = std::make_unique<OidcProvider>();
    QVERIFY2(m_provider->start(), qPrintable(m_provider->lastError()));
    QVERIFY(QFileInfo::exists(m_provider->jwksFile()));

    m_study = readManifest(QStringLiteral(FENESTRA_TEST_DATA)).value(QStringLiteral("ct"));
    QVERIFY(!m_study.files().isEmpty());
    OrthancServer::Options options;
    options.pythonScript = OidcProvider::orthancFilterScript();
    options.extraConfiguration = m_provider->orthancConfiguration();
    m_orthanc = std::make_unique<OrthancServer>(options);
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QVERIFY2(m_orthanc->upload(m_study.files().first()), qPrintable(m_orthanc->lastError()));

    m_tokens = m_provider->obtainTokens(alice().username, alice().password);
    QVERIFY2(m_tokens.ok(), qPrintable(m_tokens.error));
}

void TestOidcHarness::discovery_advertisesCodeFlowWithPkceS256AndEndpoints()
{
    const HttpResult result = m_provider->get("/.well-known/openid-configuration");
    QCOMPARE(result.status, 200);
    const QJsonObject discovery = QJsonDocument::fromJson(result.body).object();
    const QString issuer = m_provider->issuer();
    QCOMPARE(issuer, QStringLiteral("http://127.0.0.1:%1").arg(m_provider->port()));
    QCOMPARE(discovery.value(QLatin1String("issuer")).toString(), issuer);
    QCOMPARE(discovery.value(QLatin1String("authorization_endpoint")).toString(),
             issuer + QStringLiteral("/auth"));
    QCOMPARE(discovery.value(QLatin1String("token_endpoint")).toString(),
             issuer + QStringLiteral("/token"));
    QCOMPARE(discovery.value(QLatin1String("jwks_uri")).toString(), m_provider->jwksUrl());
    QCOMPARE(discovery.value(QLatin1String("end_session_endpoint")).toString(),
             issuer + QStringLiteral("/session/end"));
    QCOMPARE(discovery.value(QLatin1String("revocation_endpoint")).toString(),
             issuer + QStringLiteral("/token/revocation"));
    QCOMPARE(discovery.value(QLatin1String("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
    QCOMPARE(discovery.value(QLatin1String("response_types_supported")).toArray(),
             QJsonArray{QStringLiteral("code")});
    const QJsonArray scopes = discovery.value(QLatin1String("scopes_supported")).toArray();
    for (const char* scope : {"openid", "profile", "offline_access"})
        QVERIFY2(scopes.contains(QLatin1String(scope)), scope);

    // The keys published at jwks_uri are those in the file Orthanc reads.
    const QJsonObject jwks = QJsonDocument::fromJson(m_provider->get("/jwks").body).object();
    QFile file(m_provider->jwksFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject fileKeys = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(jwks.value(QLatin1String("keys")).toArray().size(), 1);
    QCOMPARE(jwks.value(QLatin1String("keys"))[0][QLatin1String("kid")],
             fileKeys.value(QLatin1String("keys"))[0][QLatin1String("kid")]);
    QCOMPARE(jwks.value(QLatin1String("keys"))[0][QLatin1String("n")],
             fileKeys.value(QLatin1String("keys"))[0][QLatin1String("n")]);
    QVERIFY(!fileKeys.value(QLatin1String("keys"))[0].toObject().contains(QLatin1String("d")));
}

void TestOidcHarness::authorize_withoutPkce_isRefused()
{
    QUrl url = m_provider->authorizationUrl(QStringLiteral("http://127.0.0.1:1/callback"),
                                            QStringLiteral("s1"), QStringLiteral("n1"),
                                            Pkce().challenge());
    QUrlQuery query(url);
    query.removeQueryItem(QStringLiteral("code_challenge"));
    query.removeQueryItem(QStringLiteral("code_challenge_method"));
    url.setQuery(query);
    TestBrowser::Options options;
    options.deliverRedirect = false;
    TestBrowser browser(options);
    QString error;
    const QUrl redirect = browser.authorize(url, alice().username, alice().password, &error);
    QVERIFY2(redirect.isValid(), qPrintable(error));
    const QUrlQuery answer(redirect);
    QCOMPARE(answer.queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_request"));
    // Form encoding (application/x-www-form-urlencoded): '+' stands for a space.
    QVERIFY2(answer.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)
                 .replace(QLatin1Char('+'), QLatin1Char(' '))
                 .contains(QLatin1String("requires PKCE")),
             qPrintable(redirect.toString()));
    QCOMPARE(answer.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
    QVERIFY(!answer.hasQueryItem(QStringLiteral("code")));
}

void TestOidcHarness::authorize_wrongPassword_showsTheLoginFormAgain()
{
    TestBrowser::Options options;
    options.deliverRedirect = false;
    TestBrowser browser(options);
    QString error;
    const QUrl redirect = browser.authorize(
        m_provider->authorizationUrl(QStringLiteral("http://127.0.0.1:1/callback"),
                                     QStringLiteral("s"), QStringLiteral("n"), Pkce().challenge()),
        alice().username, QStringLiteral("not-her-password"), &error);
    QVERIFY(redirect.isEmpty());
    QCOMPARE(error, QStringLiteral("login refused (HTTP 401): Wrong user name or password."));
}

void TestOidcHarness::authorize_deliversCodeToLoopbackOnAnyPort_andPkceGuardsTheExchange()
{
    LoopbackListener listener;
    QVERIFY(listener.port() > 0);
    // Registered as http://127.0.0.1/callback: the port is the client's ephemeral one.
    const QString redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(listener.port());
    const Pkce pkce;
    TestBrowser browser;
    QString error;
    const QUrl redirect =
        browser.authorize(m_provider->authorizationUrl(redirectUri, QStringLiteral("state-42"),
                                                       QStringLiteral("nonce-7"), pkce.challenge()),
                          alice().username, alice().password, &error);
    QVERIFY2(redirect.isValid(), qPrintable(error));
    QCOMPARE(redirect.port(), int(listener.port()));
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    const QUrlQuery answer(redirect);
    QCOMPARE(answer.queryItemValue(QStringLiteral("state")), QStringLiteral("state-42"));
    QCOMPARE(answer.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
             m_provider->issuer());
    const QString code = answer.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    // The browser delivered the redirect to the client's listener.
    QCOMPARE(browser.lastRedirectStatus(), 200);
    QCOMPARE(browser.lastRedirectBody(), QByteArray("signed in"));
    QVERIFY2(listener.requestLine().startsWith("GET /callback?code="), listener.requestLine());

    // A wrong verifier is refused; the right one gives the tokens.
    const HttpResult wrong = m_provider->tokenRequest({{"grant_type", "authorization_code"},
                                                       {"code", code.toUtf8()},
                                                       {"redirect_uri", redirectUri.toUtf8()},
                                                       {"code_verifier", QByteArray(43, 'w')}});
    QCOMPARE(wrong.status, 400);
    QCOMPARE(QJsonDocument::fromJson(wrong.body)[QLatin1String("error")].toString(),
             QStringLiteral("invalid_grant"));

    // The PKCE check fails before the code is consumed: the right verifier still works, once.
    const QList<QPair<QByteArray, QByteArray>> exchange{{"grant_type", "authorization_code"},
                                                        {"code", code.toUtf8()},
                                                        {"redirect_uri", redirectUri.toUtf8()},
                                                        {"code_verifier", pkce.verifier}};
    const HttpResult result = m_provider->tokenRequest(exchange);
    const HttpResult replay = m_provider->tokenRequest(exchange);
    QCOMPARE(replay.status, 400);
    QCOMPARE(QJsonDocument::fromJson(replay.body)[QLatin1String("error")].toString(),
             QStringLiteral("invalid_grant"));
    QCOMPARE(result.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(body.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(body.value(QLatin1String("expires_in")).toInt(), 300);
    QVERIFY(!body.value(QLatin1String("refresh_token")).toString().isEmpty());

    const QByteArray idToken = body.value(QLatin1String("id_token")).toString().toLatin1();
    QCOMPARE(jwtClaims(idToken).value(QLatin1String("nonce")).toString(),
             QStringLiteral("nonce-7"));
    QCOMPARE(jwtClaims(body.value(QLatin1String("access_token")).toString().toLatin1())
                 .value(QLatin1String("aud"))
                 .toString(),
             m_provider->audience());
}

void TestOidcHarness::tokens_carryTheDoctorsClaims()
{
    const QByteArray accessToken = m_tokens.accessToken;
    QCOMPARE(jwtHeader(accessToken).value(QLatin1String("alg")).toString(),
             QStringLiteral("RS256"));
    QCOMPARE(jwtHeader(accessToken).value(QLatin1String("typ")).toString(),
             QStringLiteral("at+jwt"));
    const QJsonObject access = jwtClaims(accessToken);
    QCOMPARE(access.value(QLatin1String("iss")).toString(), m_provider->issuer());
    QCOMPARE(access.value(QLatin1String("aud")).toString(), m_provider->audience());
    QCOMPARE(access.value(QLatin1String("sub")).toString(), QStringLiteral("alice"));
    QCOMPARE(access.value(QLatin1String("client_id")).toString(), QStringLiteral("fenestra"));
    QCOMPARE(access.value(QLatin1String("exp")).toInteger() -
                 access.value(QLatin1String("iat")).toInteger(),
             300);
    const QJsonObject iua =
        access[QLatin1String("extensions")][QLatin1String("ihe_iua")].toObject();
    QCOMPARE(iua[QLatin1String("purpose_of_use")][QLatin1String("code")].toString(),
             QStringLiteral("TREAT"));
    QCOMPARE(iua[QLatin1String("subject_organization_id")].toString(),
             QStringLiteral("hospital-a"));

    const QJsonObject id = jwtClaims(m_tokens.idToken);
    QCOMPARE(jwtHeader(m_tokens.idToken).value(QLatin1String("alg")).toString(),
             QStringLiteral("RS256"));
    QCOMPARE(id.value(QLatin1String("iss")).toString(), m_provider->issuer());
    QCOMPARE(id.value(QLatin1String("aud")).toString(), QStringLiteral("fenestra"));
    for (const QJsonObject& claims : {access, id}) {
        QCOMPARE(claims.value(QLatin1String("name")).toString(),
                 QStringLiteral("Dr. Alice Martin"));
        QCOMPARE(claims.value(QLatin1String("preferred_username")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(claims.value(QLatin1String("organisation")).toString(),
                 QStringLiteral("hospital-a"));
        QCOMPARE(claims.value(QLatin1String("organisation_name")).toString(),
                 QStringLiteral("Hospital A"));
        QCOMPARE(claims.value(QLatin1String("role")).toString(), QStringLiteral("physician"));
    }

    // Bob, of another hospital, gets his own claims; for the second audience on request.
    const TokenSet bob = m_provider->obtainTokens(
        QStringLiteral("bob"), QStringLiteral("bob-secret-2"), m_provider->otherAudience());
    QVERIFY2(bob.ok(), qPrintable(bob.error));
    QCOMPARE(jwtClaims(bob.accessToken).value(QLatin1String("aud")).toString(),
             m_provider->otherAudience());
    QCOMPARE(jwtClaims(bob.accessToken).value(QLatin1String("organisation")).toString(),
             QStringLiteral("hospital-b"));
    QCOMPARE(jwtClaims(bob.idToken).value(QLatin1String("role")).toString(), QStringLiteral("gp"));
}

void TestOidcHarness::refresh_rotatesTheRefreshToken_andRefusesTheUsedOne()
{
    const TokenSet first = m_provider->obtainTokens(alice().username, alice().password);
    QVERIFY2(first.ok(), qPrintable(first.error));
    const TokenSet second = m_provider->refreshTokens(first.refreshToken);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QVERIFY(!second.refreshToken.isEmpty());
    QVERIFY(second.refreshToken != first.refreshToken);
    QVERIFY(second.accessToken != first.accessToken);
    QCOMPARE(jwtClaims(second.accessToken).value(QLatin1String("aud")).toString(),
             m_provider->audience());
    QCOMPARE(jwtClaims(second.accessToken).value(QLatin1String("organisation")).toString(),
             QStringLiteral("hospital-a"));
    // The new one works once more; the used one is refused.
    const TokenSet third = m_provider->refreshTokens(second.refreshToken);
    QVERIFY2(third.ok(), qPrintable(third.error));
    const TokenSet reused = m_provider->refreshTokens(first.refreshToken);
    QVERIFY(!reused.ok());
    QVERIFY2(reused.error.startsWith(QLatin1String("HTTP 400 invalid_grant")),
             qPrintable(reused.error));
}

void TestOidcHarness::endSession_confirmsLogout_andTheRefreshTokenDies()
{
    LoopbackListener listener;
    const QString redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(listener.port());
    const Pkce pkce;
    TestBrowser browser;
    QString error;
    const QUrl redirect =
        browser.authorize(m_provider->authorizationUrl(redirectUri, QStringLiteral("s"),
                                                       QStringLiteral("n"), pkce.challenge()),
                          alice().username, alice().password, &error);
    QVERIFY2(redirect.isValid(), qPrintable(error));
    const HttpResult exchange = m_provider->tokenRequest(
        {{"grant_type", "authorization_code"},
         {"code",
          QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).toUtf8()},
         {"redirect_uri", redirectUri.toUtf8()},
         {"code_verifier", pkce.verifier}});
    QCOMPARE(exchange.status, 200);
    const QJsonObject tokens = QJsonDocument::fromJson(exchange.body).object();

    // Single sign-on: the provider's session signs in again without the login form.
    const QUrl sso =
        browser.authorize(m_provider->authorizationUrl(redirectUri, QStringLiteral("s2"),
                                                       QStringLiteral("n2"), pkce.challenge()),
                          QString(), QString(), &error);
    QVERIFY2(sso.isValid(), qPrintable(error));
    QVERIFY(QUrlQuery(sso).hasQueryItem(QStringLiteral("code")));

    LoopbackListener loggedOut;
    const QString postLogout =
        QStringLiteral("http://127.0.0.1:%1/logged-out").arg(loggedOut.port());
    QVERIFY2(browser.endSession(m_provider->endSessionUrl(
                                    tokens.value(QLatin1String("id_token")).toString().toLatin1(),
                                    postLogout, QStringLiteral("bye")),
                                &error),
             qPrintable(error));
    QCOMPARE(browser.lastRedirect().port(), int(loggedOut.port()));
    QCOMPARE(QUrlQuery(browser.lastRedirect()).queryItemValue(QStringLiteral("state")),
             QStringLiteral("bye"));
    QVERIFY2(loggedOut.requestLine().startsWith("GET /logged-out?state=bye"),
             loggedOut.requestLine());

    // Logged out: the refresh token is refused and signing in needs the password again.
    const TokenSet refreshed = m_provider->refreshTokens(
        tokens.value(QLatin1String("refresh_token")).toString().toLatin1());
    QVERIFY2(refreshed.error.startsWith(QLatin1String("HTTP 400 invalid_grant")),
             qPrintable(refreshed.error));
    const QUrl afterLogout =
        browser.authorize(m_provider->authorizationUrl(redirectUri, QStringLiteral("s3"),
                                                       QStringLiteral("n3"), pkce.challenge()),
                          QString(), QString(), &error);
    QVERIFY(afterLogout.isEmpty());
    QVERIFY2(error.startsWith(QLatin1String("login refused")), qPrintable(error));
}

void TestOidcHarness::consentForm_grantGivesCode_denyGivesAccessDenied()
{
    m_provider->options().consentForm = true;
    QVERIFY2(m_provider->restart(), qPrintable(m_provider->lastError()));
    const QUrl url =
        m_provider->authorizationUrl(QStringLiteral("http://127.0.0.1:1/callback"),
                                     QStringLiteral("s"), QStringLiteral("n"), Pkce().challenge());
    for (const bool grant : {true, false}) {
        TestBrowser::Options options;
        options.deliverRedirect = false;
        options.grantConsent = grant;
        TestBrowser browser(options);
        QString error;
        const QUrl redirect = browser.authorize(url, alice().username, alice().password, &error);
        QVERIFY2(redirect.isValid(), qPrintable(error));
        const QList<QUrl> history = browser.history();
        QVERIFY(std::any_of(history.begin(), history.end(), [](const QUrl& visited) {
            return visited.path().endsWith(QLatin1String("/consent"));
        }));
        const QUrlQuery answer(redirect);
        QCOMPARE(answer.hasQueryItem(QStringLiteral("code")), grant);
        QCOMPARE(answer.queryItemValue(QStringLiteral("error")),
                 grant ? QString() : QStringLiteral("access_denied"));
    }
    m_provider->options().consentForm = false;
    QVERIFY2(m_provider->restart(), qPrintable(m_provider->lastError()));
}

HttpResult TestOidcHarness::orthancGet(const QByteArray& authorization)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Accept", "application/dicom+json"}};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return httpRequest(m_orthanc->httpPort(), "GET", "/dicom-web/studies", {}, headers);
}

QByteArray TestOidcHarness::refusalReasonsLogged()
{
    // Orthanc writes its log as it goes; the harness reads the file.
    QFile file(QFileInfo(m_orthanc->storageDirectory()).path() + QStringLiteral("/orthanc.log"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestOidcHarness::orthanc_validToken_answers200()
{
    const HttpResult result = orthancGet("Bearer " + m_tokens.accessToken);
    QCOMPARE(result.status, 200);
    const QJsonArray studies = QJsonDocument::fromJson(result.body).array();
    QCOMPARE(studies.size(), 1);
    QCOMPARE(studies[0][QLatin1String("0020000D")][QLatin1String("Value")][0].toString(),
             m_study.studyUid);
    // The scheme is case-insensitive (RFC 7235).
    QCOMPARE(orthancGet("bearer " + m_tokens.accessToken).status, 200);
}

void TestOidcHarness::orthanc_refusesBadTokens_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("reason");
    const TokenSet other =
        m_provider->obtainTokens(alice().username, alice().password, m_provider->otherAudience());
    QVERIFY2(other.ok(), qPrintable(other.error));
    const QByteArray token = m_tokens.accessToken;
    QTest::newRow("no token") << QByteArray() << QByteArray("no bearer token");
    QTest::newRow("basic") << QByteArray("Basic YWxpY2U6YWxpY2Utc2VjcmV0LTE=")
                           << QByteArray("no bearer token");
    QTest::newRow("wrong audience")
        << "Bearer " + other.accessToken << QByteArray("wrong audience");
    QTest::newRow("tampered") << "Bearer " + tamper(token) << QByteArray("bad signature");
    QTest::newRow("unsigned") << "Bearer " + unsignedToken(token)
                              << QByteArray("algorithm not allowed");
    QTest::newRow("id token") << "Bearer " + m_tokens.idToken << QByteArray("wrong audience");
    QTest::newRow("garbage") << QByteArray("Bearer not-a-jwt") << QByteArray("malformed token");
}

void TestOidcHarness::orthanc_refusesBadTokens()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, reason);
    const HttpResult result = orthancGet(authorization);
    // Orthanc answers 403 when the filter refuses (it cannot send 401).
    QCOMPARE(result.status, 403);
    QVERIFY(!result.body.contains(m_study.studyUid.toLatin1()));
    const QByteArray log = refusalReasonsLogged();
    QVERIFY2(log.trimmed().endsWith("fenestra-auth: refused GET /dicom-web/studies: " + reason),
             log.right(300).constData());
    // The token itself is never logged.
    if (authorization.size() > 20)
        QVERIFY(!log.contains(authorization.mid(7)));
}

void TestOidcHarness::orthanc_expiredToken_isRefused()
{
    // Short-lived access tokens from the same issuer with the same keys.
    m_provider->options().accessTokenTtlSeconds = 3;
    QVERIFY2(m_provider->restart(), qPrintable(m_provider->lastError()));
    const TokenSet tokens = m_provider->obtainTokens(alice().username, alice().password);
    QVERIFY2(tokens.ok(), qPrintable(tokens.error));
    QCOMPARE(tokens.expiresIn, 3);
    const qint64 expiry = jwtClaims(tokens.accessToken).value(QLatin1String("exp")).toInteger();
    QVERIFY(expiry > 0);
    // Valid while it lasts, at least 2 s (the signature, issuer and audience are fine)...
    QCOMPARE(orthancGet("Bearer " + tokens.accessToken).status, 200);
    // ...refused once its exp has passed (the filter allows no leeway).
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() > expiry, 6000);
    QCOMPARE(orthancGet("Bearer " + tokens.accessToken).status, 403);
    QVERIFY(refusalReasonsLogged().trimmed().endsWith("token expired"));
    // Tokens issued before the restart stay valid: same issuer, same key.
    QCOMPARE(orthancGet("Bearer " + m_tokens.accessToken).status, 200);
}

void TestOidcHarness::orthanc_keysFromJwksUrl_verifiesTheSameWay()
{
    // As an archive would be deployed: the keys fetched from the provider's jwks_uri.
    QJsonObject auth =
        m_provider->orthancConfiguration().value(QLatin1String("FenestraAuth")).toObject();
    auth.remove(QStringLiteral("JwksFile"));
    auth.insert(QStringLiteral("JwksUrl"), m_provider->jwksUrl());
    OrthancServer::Options options;
    options.pythonScript = OidcProvider::orthancFilterScript();
    options.extraConfiguration = {{QStringLiteral("FenestraAuth"), auth}};
    OrthancServer orthanc(options);
    QVERIFY2(orthanc.start(), qPrintable(orthanc.lastError()));
    const auto get = [&](const QByteArray& token) {
        return httpRequest(orthanc.httpPort(), "GET", "/dicom-web/studies", {},
                           {{"Authorization", "Bearer " + token}})
            .status;
    };
    QCOMPARE(get(m_tokens.accessToken), 200);
    QCOMPARE(get(tamper(m_tokens.accessToken)), 403);
    orthanc.stop();
    QVERIFY(orthanc.log().contains("fenestra-auth: refused GET /dicom-web/studies: bad signature"));
}

void TestOidcHarness::providerStopped_refusesConnections()
{
    const quint16 port = m_provider->port();
    QVERIFY(m_provider->stop());
    QVERIFY(!m_provider->isRunning());
    const HttpResult result = httpRequest(port, "GET", "/.well-known/openid-configuration", {}, {},
                                          std::chrono::seconds(5));
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error, QStringLiteral("Connection refused"));
    TestBrowser browser;
    QString error;
    QVERIFY(browser
                .authorize(m_provider->authorizationUrl(QStringLiteral("http://127.0.0.1:1/cb"),
                                                        QStringLiteral("s"), QStringLiteral("n"),
                                                        Pkce().challenge()),
                           alice().username, alice().password, &error)
                .isEmpty());
    QVERIFY2(
        error.startsWith(
            QStringLiteral("no answer from %1/auth: Connection refused").arg(m_provider->issuer())),
        qPrintable(error));
    const TokenSet tokens = m_provider->refreshTokens(m_tokens.refreshToken);
    QVERIFY2(tokens.error.startsWith(QLatin1String("no answer from the token endpoint")),
             qPrintable(tokens.error));
}

QTEST_GUILESS_MAIN(TestOidcHarness)
#include "tst_oidcharness.moc"
