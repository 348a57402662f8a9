#pragma once

#include "support/orthancserver.h" // HttpResult

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>
#include <memory>

namespace fenestra::integration {

// The tokens of one sign-in, as the token endpoint returned them (test code only: they stay in
// memory and are never logged).
struct TokenSet
{
    QByteArray accessToken; // a JWT (RS256) for the requested audience
    QByteArray idToken;
    QByteArray refreshToken; // rotates: each refresh returns a new one, the old one is refused
    QString tokenType;       // "Bearer"
    QString scope;
    int expiresIn = 0; // seconds
    QString error;     // empty on success, else the OAuth error and description or the failure
    bool ok() const { return error.isEmpty() && !accessToken.isEmpty(); }
};

// The parts of a JWT, base64url-decoded, unverified (for assertions).
QJsonObject jwtHeader(const QByteArray& jwt);
QJsonObject jwtClaims(const QByteArray& jwt);

// Our own OpenID Connect provider for integration tests: npm `oidc-provider` (8.x) run by Node
// from tests/integration/oidc/provider.mjs (node_modules installed by installer/setup.sh with
// `npm ci`), on 127.0.0.1 and an ephemeral port, issuer "http://127.0.0.1:<port>", with:
//  - one public native client (Options::clientId, no secret, application_type native): the
//    authorization code flow with PKCE S256 required; loopback redirect URIs match on any port
//    (RFC 8252 7.3): register "http://127.0.0.1/callback", redirect to
//    "http://127.0.0.1:<any port>/callback";
//  - scopes openid profile offline_access; a refresh token with every code exchange, rotated
//    at each use (the used one is then refused); without offline_access (which OIDC Core 11
//    grants only with prompt=consent) it ends with the provider session, at logout;
//  - revocation; RP-initiated logout (end_session_endpoint, with a confirmation form;
//    post_logout_redirect_uri on loopback matches on any port too);
//  - access tokens as RS256 JWTs for a resource (RFC 8707): Options::audience by default,
//    Options::otherAudience when the request names it as `resource` (wrong-audience tests);
//  - claims in the ID token and the access token: name, preferred_username, organisation
//    (tenant id), organisation_name, role; in the access token also the IHE IUA
//    extensions.ihe_iua (purpose_of_use, subject_name, subject_organization,
//    subject_organization_id, subject_role);
//  - our own login page (username + password form checked against Options::users) and, when
//    Options::consentForm, a consent form; otherwise consent is granted at sign-in.
// State (sessions, grants, refresh tokens) lives in the provider's memory only: stop() or
// kill() forgets it. The signing key is generated at the first start() and kept for restart().
//
// Thread contract: one thread (the test's); all calls block.
class OidcProvider
{
public:
    struct User
    {
        QString username; // also the subject (sub)
        QString password;
        QString name;
        QString organisation;     // tenant id, e.g. "hospital-a"
        QString organisationName; // e.g. "Hospital A"
        QString role;             // "physician", "gp"
    };

    struct Options
    {
        QString node = QStringLiteral("node"); // looked up in PATH
        // tests/integration/oidc of the source tree (provider.mjs, node_modules).
        QString providerDirectory;
        QString clientId = QStringLiteral("fenestra");
        QStringList redirectUris{QStringLiteral("http://127.0.0.1/callback")};
        QStringList postLogoutRedirectUris{QStringLiteral("http://127.0.0.1/logged-out")};
        // Resource indicators are absolute URIs (RFC 8707); each is the "aud" of its tokens.
        QString audience = QStringLiteral("urn:fenestra:archive"); // default resource
        QString otherAudience = QStringLiteral("urn:fenestra:other-archive");
        // IHE IUA purpose of use: an HL7 v3 ActReason code ("TREAT": treatment).
        QString purposeOfUse = QStringLiteral("TREAT");
        int accessTokenTtlSeconds = 300;
        // Lifetime of a break-glass access token (breakGlassTokens()).
        int breakGlassTtlSeconds = 300;
        int idTokenTtlSeconds = 3600;
        int refreshTokenTtlSeconds = 86400;
        int sessionTtlSeconds = 86400;
        bool consentForm = false; // show a consent form after the login form
        QList<User> users = defaultUsers();
        std::chrono::milliseconds readyTimeout{20000};
        int startAttempts = 5; // new port each time the port turns out to be taken
    };

    // "alice" (physician, hospital-a) and "bob" (gp, hospital-b); passwords in the source.
    static QList<User> defaultUsers();

    OidcProvider();
    explicit OidcProvider(Options options);
    ~OidcProvider(); // stop()
    OidcProvider(const OidcProvider&) = delete;
    OidcProvider& operator=(const OidcProvider&) = delete;

    // Starts on a new port with a new signing key and waits until the discovery document
    // answers with our issuer. False (lastError) when Node, node_modules or the port fail.
    bool start();
    // SIGTERM, wait, then SIGKILL; true when it stopped cleanly. The port then refuses
    // connections.
    bool stop();
    // SIGKILL now, as a crash would.
    void kill();
    // Starts again on the same port with the same signing key (sessions and refresh tokens
    // are gone: they lived in memory).
    bool restart();

    bool isRunning() const;
    quint16 port() const { return m_port; }
    QString issuer() const; // "http://127.0.0.1:<port>"
    QString clientId() const { return m_options.clientId; }
    QString audience() const { return m_options.audience; }
    QString otherAudience() const { return m_options.otherAudience; }
    const Options& options() const { return m_options; }
    // To change settings (TTLs, users, consent form): they apply at the next start() or
    // restart() (restart keeps the issuer and the keys: tokens issued before stay valid).
    Options& options() { return m_options; }
    QString discoveryUrl() const; // issuer + "/.well-known/openid-configuration"
    QString jwksUrl() const;      // issuer + "/jwks"
    // The provider's public keys (JWKS) in a file, for a verifier that must not fetch them.
    QString jwksFile() const;
    // Why the last call failed, with the end of the provider's log.
    QString lastError() const { return m_lastError; }
    QByteArray log() const;

    // Orthanc's "FenestraAuth" section for tests/integration/support/orthanc_jwt_filter.py:
    // {"FenestraAuth": {"Issuer", "Audience" (default audience()), "JwksFile"}}, to merge into
    // OrthancServer::Options::extraConfiguration.
    QJsonObject orthancConfiguration(const QString& audience = {}) const;
    // tests/integration/support/orthanc_jwt_filter.py in the source tree.
    static QString orthancFilterScript();

    // The authorization URL of a code flow with PKCE S256 (response_type code, scopes openid
    // profile offline_access); resource when not empty.
    QUrl authorizationUrl(const QString& redirectUri, const QString& state, const QString& nonce,
                          const QString& codeChallenge, const QString& resource = {}) const;
    // The end_session_endpoint URL for RP-initiated logout.
    QUrl endSessionUrl(const QByteArray& idTokenHint, const QString& postLogoutRedirectUri,
                       const QString& state) const;

    // Signs user in through a TestBrowser and exchanges the code (PKCE with the harness's own
    // verifier), for tests that need tokens without the client under test. audience: a
    // resource (empty: the default audience).
    TokenSet obtainTokens(const QString& user, const QString& password,
                          const QString& audience = {});
    // grant_type refresh_token.
    TokenSet refreshTokens(const QByteArray& refreshToken, const QString& audience = {});
    // Break-glass: grant_type refresh_token with purpose_of_use=<purpose> (EMER or ETREAT) and
    // break_glass_reason=<reason>: an access token with that purpose and a "break_glass"
    // claim ({reason, started_at}), valid Options::breakGlassTtlSeconds; the refresh token it
    // returns is an ordinary one (see provider.mjs).
    TokenSet breakGlassTokens(const QByteArray& refreshToken, const QString& reason,
                              const QString& purpose = QStringLiteral("EMER"),
                              const QString& audience = {});
    // POST form to the token endpoint (client_id added); the raw answer.
    HttpResult tokenRequest(const QList<QPair<QByteArray, QByteArray>>& form);
    // GET on the provider (e.g. the discovery document).
    HttpResult get(const QByteArray& target);

private:
    bool launch();
    bool waitReady();
    bool writeConfiguration();
    void collectLog();
    void fail(const QString& why);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_lastError;
    mutable QByteArray m_log;
};

} // namespace fenestra::integration
