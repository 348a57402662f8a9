#pragma once

#include "core/neterrors.h"
#include "oidcdiscovery.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace fenestra::net {

class LoopbackReceiver;
class TokenStore;
struct AuthorizationResponse;

// The claims the doctor's identity is read from; providers name them differently.
struct ClaimNames
{
    QString name = QStringLiteral("name");
    QString username = QStringLiteral("preferred_username");
    QString organisation = QStringLiteral("organisation"); // the hospital's id
    QString organisationName = QStringLiteral("organisation_name");
    QString role = QStringLiteral("role"); // a string or an array of strings
};

// Who is logged in, from the verified ID token. What the app offers follows from it.
struct Identity
{
    QString issuer;
    QString subject; // "sub": the stable id of the doctor at the provider
    QString name;
    QString username;
    QString organisation;
    QString organisationName;
    QStringList roles;

    bool isValid() const { return !subject.isEmpty(); }
};

// Reads an Identity from verified claims.
Identity identityFromClaims(const QJsonObject& claims, const ClaimNames& names);

struct OidcConfig
{
    QString issuer;   // exactly as the provider states it ("https://idp.hospital.org/realms/x")
    QString clientId; // a public native client: no secret, PKCE S256
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"),
                       QStringLiteral("offline_access")};
    // The resource (RFC 8707) access tokens are asked for: the archives' audience. Empty: none.
    QString resource;
    QString redirectPath = QStringLiteral("/callback"); // on http://127.0.0.1:<ephemeral port>
    // Where the provider sends the browser after logout; empty: the provider's own page.
    QUrl postLogoutRedirectUri;
    // Added to the authorization request as they are (prompt=login, acr_values=..., ...).
    QList<QPair<QString, QString>> extraAuthorizationParameters;
    ClaimNames claimNames;
    std::chrono::milliseconds loginTimeout{std::chrono::minutes(5)};    // the doctor at the browser
    std::chrono::milliseconds requestTimeout{std::chrono::seconds(15)}; // each provider request
    std::chrono::seconds clockLeeway{60}; // tolerated clock difference with the provider
    // The access token is refreshed when this fraction of its lifetime has passed.
    double refreshAtFraction = 0.8;
    // The current time for token checks (tests move it); the system clock when empty.
    std::function<QDateTime()> clock;
};

// One doctor's OpenID Connect session with one provider: the authorization code flow with
// PKCE (S256) through the system browser and a loopback redirect on 127.0.0.1 (RFC 8252),
// ID token verification, access tokens refreshed before expiry (rotating refresh tokens),
// bearer tokens for archive requests, re-authentication and logout.
//
// Typical wiring in the app:
//     connect(session, &OidcSession::authorizationUrlReady, [](const QUrl& url) {
//         QDesktopServices::openUrl(url); });
//     connect(session, &OidcSession::loggedIn, ...);          // identity(): name, hospital, role
//     connect(session, &OidcSession::loginFailed, ...);       // error.detail is translated text
//     connect(session, &OidcSession::reauthenticationRequired, ...); // prompt, keep open work
//     connect(session, &OidcSession::endSessionUrlReady, [](const QUrl& url) {
//         QDesktopServices::openUrl(url); });
//     options.authorization = session->authorizationProvider(); // DicomWebClient requests
//     session->login();
// When an archive answers 401/403 (ErrorCode::Unauthorized / Forbidden), call
// handleUnauthorized(): it refreshes once, then emits tokensRefreshed() (retry the request once)
// or reauthenticationRequired(). If the retry is refused again, call
// handleUnauthorized(true): that asks for a new login without another refresh.
//
// Secrets: tokens are held in memory only (overwritten when replaced and at logout), and in
// the TokenStore when one is set (the OS keyring, never a file). Nothing here logs a token.
// Error details are translated (context "OidcSession", "JsonWebToken", "LoopbackReceiver").
//
// Thread contract: lives on the thread of the QNetworkAccessManager (the GUI thread) and is
// used only there; signals are emitted there, never from inside the call that started the
// operation except authorizationUrlReady. authorizationProvider()'s function must also be
// called on that thread.
class OidcSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        LoggedOut,  // no tokens
        LoggingIn,  // waiting for the browser or the provider (tokens of a previous login
                    // may still be held and used meanwhile)
        LoggedIn,   // a valid access token is held (refreshed in the background)
        NeedsLogin, // the session ended at the provider or tokens were refused: login()
    };

    OidcSession(OidcConfig config, QNetworkAccessManager* manager, QObject* parent = nullptr);
    ~OidcSession() override; // wipes the tokens

    const OidcConfig& config() const { return m_config; }
    State state() const { return m_state; }
    // The logged-in doctor; kept through NeedsLogin so the app can show whose work is open.
    const Identity& identity() const { return m_identity; }
    // Whether the access token held is an emergency (break-the-glass) one, and until when.
    bool isEmergencyAccess() const { return m_emergencyUntil.isValid(); }
    QDateTime emergencyAccessUntil() const { return m_emergencyUntil; }
    // The provider's metadata once discovered (login, or prepare()).
    const OidcDiscovery& discovery() const { return *m_discovery; }

    // Where the refresh and ID tokens are kept besides memory (not owned; may be null). The
    // store's entry for this issuer and client is replaced at each login and refresh, and
    // removed at logout.
    void setTokenStore(TokenStore* store) { m_store = store; }
    // The TokenStore account of this session: "<issuer> <client id>".
    QString storeAccount() const;

    // The current access token (a copy), empty when none is held.
    QByteArray accessToken() const;
    QDateTime accessTokenExpiry() const { return m_accessExpiry; }
    // Sets "Authorization: Bearer <token>" on `request`; false (request unchanged) without a
    // token.
    bool bearerFor(QNetworkRequest& request) const;
    // A function giving the Authorization header value ("Bearer <token>", or empty without a
    // token) at the moment a request is sent, for RequestOptions::authorization. Safe to call
    // after the session is destroyed (then empty).
    std::function<QByteArray()> authorizationProvider() const;

    // Verifies an ID token against the provider's keys held (no fetch): signature, issuer,
    // audience = client id, expiry, and the nonce when given. The claims on success.
    Result<QJsonObject> verifyIdToken(const QByteArray& idToken,
                                      const std::optional<QString>& nonce) const;

public slots:
    // Discovers the provider (if not yet), listens on the loopback address and emits
    // authorizationUrlReady(). Then loggedIn() or loginFailed(). A login already running is
    // abandoned for the new one. While re-authenticating, the old tokens stay in use until the
    // new ones arrive.
    void login();
    // Abandons a running login (the loopback listener closes); emits nothing.
    void cancelLogin();
    // Refreshes the access token now (also done automatically before expiry).
    void refresh();
    // An archive refused the access token. alreadyRetried false: one refresh, then
    // tokensRefreshed() or reauthenticationRequired(); several calls while that refresh runs
    // share it. alreadyRetried true (the request sent after a refresh was refused too):
    // reauthenticationRequired() at once.
    void handleUnauthorized(bool alreadyRetried = false);
    // Break-the-glass: asks the provider, with a refresh, for a short-lived access token whose
    // purpose of use is `purpose` (IHE IUA: "EMER" or "ETREAT") and which carries the doctor's
    // written `reason` (form parameters purpose_of_use and break_glass_reason). While it lasts
    // every request carries it; it ends by itself when it expires (an ordinary token follows),
    // or at endEmergencyAccess(). emergencyAccessStarted(until) or emergencyAccessFailed(); a
    // refused request leaves the ordinary tokens as they were.
    void startEmergencyAccess(const QString& purpose, const QString& reason);
    void endEmergencyAccess();

    // Revokes the refresh token (when the provider has a revocation endpoint), emits
    // endSessionUrlReady() with the provider's end_session_endpoint (id_token_hint,
    // post_logout_redirect_uri) for the browser, wipes every token, removes the stored ones,
    // then emits loggedOut(). Note: the end-session URL carries the ID token as a hint; it is
    // not a credential for any archive.
    void logout();

signals:
    void authorizationUrlReady(const QUrl& url);
    void loggedIn(const fenestra::net::Identity& identity);
    void loginFailed(const fenestra::net::Error& error);
    // A request reached the loopback address but did not belong to this login (state
    // mismatch); the login keeps waiting for the genuine redirect.
    void loginRedirectRefused(const fenestra::net::Error& error);
    void tokensRefreshed();
    // The tokens can no longer be renewed (refresh refused, revoked, or the provider's session
    // ended): ask the doctor to log in again, keeping the open work.
    void reauthenticationRequired(const fenestra::net::Error& reason);
    void endSessionUrlReady(const QUrl& url);
    void emergencyAccessStarted(const QDateTime& until);
    void emergencyAccessFailed(const fenestra::net::Error& error);
    // The emergency token expired or was given up: requests carry an ordinary token again.
    void emergencyAccessEnded();
    void loggedOut();
    void stateChanged(fenestra::net::OidcSession::State state);

private:
    struct PendingLogin
    {
        QByteArray verifier;
        QString state;
        QString nonce;
        QString redirectUri;
    };

    void startLogin();
    void failLogin(const Error& error);
    void onAuthorizationResponse(const AuthorizationResponse& response);
    void onTokenAnswer(Result<QJsonObject> answer, bool fromLogin, quint64 epoch);
    void verifyIdTokenAsync(const QByteArray& idToken, std::optional<QString> nonce,
                            std::function<void(Result<QJsonObject>)> done);
    Result<void> acceptTokens(const QJsonObject& answer, const QJsonObject& idClaims,
                              bool fromLogin);
    void finishRefresh(const std::optional<Error>& error);
    void scheduleRefresh(qint64 lifetimeSeconds);
    void storeTokens();
    void wipeTokens();
    void setState(State state);
    QDateTime now() const;

    OidcConfig m_config;
    QNetworkAccessManager* m_manager;
    OidcDiscovery* m_discovery;
    LoopbackReceiver* m_receiver;
    QPointer<QObject> m_requests; // parent of running provider requests; replaced to drop them
    TokenStore* m_store = nullptr;
    State m_state = State::LoggedOut;
    std::optional<PendingLogin> m_pending;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QByteArray m_idToken;
    QDateTime m_accessExpiry;
    Identity m_identity;
    QTimer m_refreshTimer;
    bool m_refreshing = false;
    bool m_refreshForUnauthorized = false;
    // The break-glass refresh under way: {purpose, reason}.
    std::optional<std::pair<QString, QString>> m_emergencyRequest;
    QDateTime m_emergencyUntil; // valid while the token held is an emergency one
    quint64 m_epoch = 0; // bumped by logout and cancelLogin: answers of older requests are dropped
};

} // namespace fenestra::net
