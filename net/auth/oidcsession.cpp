#include "oidcsession.h"

#include "jwt.h"
#include "loopbackreceiver.h"
#include "oidchttp.h"
#include "pkce.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>

#include <openssl/crypto.h>

namespace fenestra::net {

namespace {

Q_LOGGING_CATEGORY(lcAuth, "fenestra.net.auth")

// A refresh that failed because the provider could not be reached is tried again after this.
constexpr int kRefreshRetryMs = 30000;
// Never refresh more often than this, whatever lifetime the provider states.
constexpr qint64 kMinRefreshDelayMs = 5000;

void wipe(QByteArray& secret)
{
    // Only bytes we own alone are overwritten: a shared buffer belongs to another holder too.
    if (!secret.isEmpty() && secret.isDetached())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret = QByteArray();
}

QByteArray tokenMember(const QJsonObject& answer, const char* name)
{
    return answer.value(QLatin1String(name)).toString().toUtf8(); // a fresh, unshared array
}

QStringList stringOrArray(const QJsonValue& value)
{
    if (value.isString())
        return {value.toString()};
    QStringList list;
    for (const QJsonValue& entry : value.toArray())
        list.append(entry.toString());
    return list;
}

Error sessionError(ErrorCode code, const char* text)
{
    return Error{code, QCoreApplication::translate("OidcSession", text)};
}

} // namespace

Identity identityFromClaims(const QJsonObject& claims, const ClaimNames& names)
{
    Identity identity;
    identity.issuer = claims.value(QLatin1String("iss")).toString();
    identity.subject = claims.value(QLatin1String("sub")).toString();
    identity.name = claims.value(names.name).toString();
    identity.username = claims.value(names.username).toString();
    identity.organisation = claims.value(names.organisation).toString();
    identity.organisationName = claims.value(names.organisationName).toString();
    identity.roles = stringOrArray(claims.value(names.role));
    return identity;
}

OidcSession::OidcSession(OidcConfig config, QNetworkAccessManager* manager, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_manager(manager),
      m_discovery(new OidcDiscovery(m_config.issuer, manager, m_config.requestTimeout, this)),
      m_receiver(new LoopbackReceiver(this)), m_requests(new QObject(this))
{
    connect(m_receiver, &LoopbackReceiver::received, this, &OidcSession::onAuthorizationResponse);
    connect(m_receiver, &LoopbackReceiver::failed, this, &OidcSession::failLogin);
    connect(m_receiver, &LoopbackReceiver::requestRefused, this,
            &OidcSession::loginRedirectRefused);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &OidcSession::refresh);
}

OidcSession::~OidcSession()
{
    wipeTokens();
}

QString OidcSession::storeAccount() const
{
    return m_config.issuer + QLatin1Char(' ') + m_config.clientId;
}

QByteArray OidcSession::accessToken() const
{
    return QByteArray(m_accessToken.constData(), m_accessToken.size()); // never share ours
}

bool OidcSession::bearerFor(QNetworkRequest& request) const
{
    if (m_accessToken.isEmpty())
        return false;
    request.setRawHeader("Authorization", "Bearer " + m_accessToken);
    return true;
}

std::function<QByteArray()> OidcSession::authorizationProvider() const
{
    return [self = QPointer<const OidcSession>(this)]() -> QByteArray {
        if (!self || self->m_accessToken.isEmpty())
            return {};
        return "Bearer " + self->m_accessToken;
    };
}

Result<QJsonObject> OidcSession::verifyIdToken(const QByteArray& idToken,
                                               const std::optional<QString>& nonce) const
{
    ClaimChecks checks;
    checks.issuer = m_config.issuer;
    checks.audience = m_config.clientId;
    checks.nonce = nonce;
    checks.leeway = m_config.clockLeeway;
    checks.now = now();
    Result<JsonWebToken> token = verifyJwt(idToken, m_discovery->keys(), checks);
    if (!token)
        return std::unexpected(token.error());
    if (token->claims.value(QLatin1String("sub")).toString().isEmpty())
        return fail(ErrorCode::InvalidToken,
                    QCoreApplication::translate("OidcSession", "the ID token names no subject"));
    return token->claims;
}

void OidcSession::login()
{
    cancelLogin();
    setState(State::LoggingIn);
    const quint64 epoch = m_epoch;
    qCDebug(lcAuth, "login at %s", qPrintable(m_config.issuer));
    m_discovery->discover([this, epoch](Result<void> discovered) {
        if (epoch != m_epoch)
            return;
        if (!discovered)
            failLogin(discovered.error());
        else
            startLogin();
    });
}

void OidcSession::cancelLogin()
{
    ++m_epoch; // drops the answers of the abandoned login...
    m_receiver->close();
    if (m_pending)
        wipe(m_pending->verifier);
    m_pending.reset();
    if (m_refreshing) { // ...but a refresh running meanwhile is still wanted: start it again
        m_refreshing = false;
        refresh();
    }
    if (m_state == State::LoggingIn)
        setState(m_accessToken.isEmpty()
                     ? (m_identity.isValid() ? State::NeedsLogin : State::LoggedOut)
                     : State::LoggedIn);
}

void OidcSession::startLogin()
{
    Result<QByteArray> verifier = pkce::generateVerifier();
    Result<QByteArray> state = pkce::randomToken();
    Result<QByteArray> nonce = pkce::randomToken();
    if (!verifier || !state || !nonce) {
        failLogin(Error{ErrorCode::CryptoFailure, QStringLiteral("no random bytes for the login")});
        return;
    }
    const QString stateText = QString::fromLatin1(*state);
    Result<QUrl> redirect =
        m_receiver->listen(m_config.redirectPath, stateText, m_config.loginTimeout);
    if (!redirect) {
        failLogin(redirect.error());
        return;
    }
    m_pending = PendingLogin{*verifier, stateText, QString::fromLatin1(*nonce),
                             redirect->toString(QUrl::FullyEncoded)};
    oidchttp::FormFields fields{{"response_type", "code"},
                                {"client_id", m_config.clientId.toUtf8()},
                                {"redirect_uri", m_pending->redirectUri.toUtf8()},
                                {"scope", m_config.scopes.join(QLatin1Char(' ')).toUtf8()},
                                {"state", *state},
                                {"nonce", *nonce},
                                {"code_challenge", pkce::challengeS256(*verifier)},
                                {"code_challenge_method", "S256"}};
    if (!m_config.resource.isEmpty())
        fields.append({"resource", m_config.resource.toUtf8()});
    for (const auto& [name, value] : m_config.extraAuthorizationParameters)
        fields.append({name.toUtf8(), value.toUtf8()});
    wipe(*verifier);
    qCDebug(lcAuth, "waiting for the login redirect on %s", qPrintable(m_pending->redirectUri));
    QUrl url = m_discovery->metadata().authorizationEndpoint;
    const QString existing = url.query(QUrl::FullyEncoded);
    const QString query = QString::fromLatin1(oidchttp::encodeForm(fields));
    url.setQuery(existing.isEmpty() ? query : existing + QLatin1Char('&') + query,
                 QUrl::StrictMode);
    emit authorizationUrlReady(url);
}

void OidcSession::failLogin(const Error& error)
{
    m_receiver->close();
    if (m_pending)
        wipe(m_pending->verifier);
    m_pending.reset();
    ++m_epoch;
    if (m_refreshing) {
        m_refreshing = false;
        refresh();
    }
    setState(m_accessToken.isEmpty() ? (m_identity.isValid() ? State::NeedsLogin : State::LoggedOut)
                                     : State::LoggedIn);
    emit loginFailed(error);
}

void OidcSession::onAuthorizationResponse(const AuthorizationResponse& response)
{
    if (!m_pending)
        return;
    // RFC 9207: the provider that answered must be the one asked (against mix-up attacks).
    if (!response.issuer.isEmpty() && response.issuer != m_config.issuer) {
        failLogin(Error{ErrorCode::LoginFailed,
                        QCoreApplication::translate("OidcSession",
                                                    "the login answer comes from issuer '%1', "
                                                    "expected '%2'")
                            .arg(response.issuer.left(200), m_config.issuer)});
        return;
    }
    oidchttp::FormFields form{{"grant_type", "authorization_code"},
                              {"code", response.code.toUtf8()},
                              {"redirect_uri", m_pending->redirectUri.toUtf8()},
                              {"client_id", m_config.clientId.toUtf8()},
                              {"code_verifier", m_pending->verifier}};
    if (!m_config.resource.isEmpty())
        form.append({"resource", m_config.resource.toUtf8()});
    const quint64 epoch = m_epoch;
    oidchttp::postForm(m_manager, m_discovery->metadata().tokenEndpoint, form,
                       m_config.requestTimeout, m_requests,
                       [this, epoch](Result<QJsonObject> answer) {
                           onTokenAnswer(std::move(answer), true, epoch);
                       });
    for (auto& field : form)
        wipe(field.second);
}

void OidcSession::onTokenAnswer(Result<QJsonObject> answer, bool fromLogin, quint64 epoch)
{
    if (epoch != m_epoch)
        return;
    const auto failed = [this, fromLogin](const Error& error) {
        if (fromLogin)
            failLogin(error);
        else
            finishRefresh(error);
    };
    if (!answer) {
        failed(answer.error());
        return;
    }
    if (answer->value(QLatin1String("token_type"))
                .toString()
                .compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0 ||
        answer->value(QLatin1String("access_token")).toString().isEmpty()) {
        failed(sessionError(ErrorCode::IdentityProviderError,
                            "the identity provider's answer holds no bearer access token"));
        return;
    }
    const QByteArray idToken = tokenMember(*answer, "id_token");
    if (idToken.isEmpty()) {
        if (fromLogin) {
            failed(sessionError(ErrorCode::IdentityProviderError,
                                "the identity provider's answer holds no ID token"));
            return;
        }
        if (Result<void> accepted = acceptTokens(*answer, {}, false); !accepted)
            failed(accepted.error());
        else
            finishRefresh(std::nullopt);
        return;
    }
    const std::optional<QString> nonce =
        fromLogin && m_pending ? std::optional(m_pending->nonce) : std::nullopt;
    verifyIdTokenAsync(
        idToken, nonce,
        [this, answer = *answer, fromLogin, epoch, failed](Result<QJsonObject> claims) {
            if (epoch != m_epoch)
                return;
            if (!claims) {
                failed(claims.error());
                return;
            }
            if (Result<void> accepted = acceptTokens(answer, *claims, fromLogin); !accepted) {
                failed(accepted.error());
                return;
            }
            if (!fromLogin) {
                finishRefresh(std::nullopt);
                return;
            }
            m_receiver->close();
            wipe(m_pending->verifier);
            m_pending.reset();
            setState(State::LoggedIn);
            qCDebug(lcAuth, "logged in; access token valid until %s",
                    qPrintable(m_accessExpiry.toString(Qt::ISODate)));
            emit loggedIn(m_identity);
        });
}

void OidcSession::verifyIdTokenAsync(const QByteArray& idToken, std::optional<QString> nonce,
                                     std::function<void(Result<QJsonObject>)> done)
{
    const Result<JsonWebToken> parsed = parseJwt(idToken);
    const bool unknownKey =
        parsed && !parsed->keyId.isEmpty() && !m_discovery->keys().containsKeyId(parsed->keyId);
    if (!unknownKey) {
        done(verifyIdToken(idToken, nonce));
        return;
    }
    // The provider may have rotated its keys since they were fetched: fetch them once more.
    m_discovery->refetchKeys([this, idToken, nonce, done](Result<void> fetched) {
        if (!fetched)
            done(std::unexpected(fetched.error()));
        else
            done(verifyIdToken(idToken, nonce));
    });
}

Result<void> OidcSession::acceptTokens(const QJsonObject& answer, const QJsonObject& idClaims,
                                       bool fromLogin)
{
    Identity identity = m_identity;
    if (!idClaims.isEmpty()) {
        identity = identityFromClaims(idClaims, m_config.claimNames);
        // OpenID Connect Core 12.2: a refresh must not change whose session this is.
        if (!fromLogin && identity.subject != m_identity.subject)
            return fail(ErrorCode::InvalidToken,
                        QCoreApplication::translate("OidcSession",
                                                    "the renewed ID token names another subject"));
    }
    wipe(m_accessToken);
    m_accessToken = tokenMember(answer, "access_token");
    QByteArray refreshToken = tokenMember(answer, "refresh_token");
    if (!refreshToken.isEmpty() || fromLogin) { // rotated; a login without one has none
        wipe(m_refreshToken);
        m_refreshToken = std::move(refreshToken);
    }
    QByteArray idToken = tokenMember(answer, "id_token");
    if (!idToken.isEmpty()) {
        wipe(m_idToken);
        m_idToken = std::move(idToken);
    }
    m_identity = std::move(identity);
    const QJsonValue expiresIn = answer.value(QLatin1String("expires_in"));
    const qint64 lifetime = expiresIn.isDouble() ? qint64(expiresIn.toDouble()) : 0;
    m_accessExpiry = lifetime > 0 ? now().addSecs(lifetime) : QDateTime();
    scheduleRefresh(lifetime);
    storeTokens();
    return {};
}

void OidcSession::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_refreshTimer.stop();
    const quint64 epoch = m_epoch;
    if (m_refreshToken.isEmpty()) {
        QTimer::singleShot(0, this, [this, epoch] {
            if (epoch == m_epoch)
                finishRefresh(sessionError(ErrorCode::NotAuthenticated,
                                           "no refresh token is held: log in again"));
        });
        return;
    }
    m_discovery->discover([this, epoch](Result<void> discovered) {
        if (epoch != m_epoch)
            return;
        if (!discovered) {
            finishRefresh(discovered.error());
            return;
        }
        oidchttp::FormFields form{{"grant_type", "refresh_token"},
                                  {"refresh_token", m_refreshToken},
                                  {"client_id", m_config.clientId.toUtf8()}};
        if (!m_config.resource.isEmpty())
            form.append({"resource", m_config.resource.toUtf8()});
        if (m_emergencyRequest) {
            form.append({"purpose_of_use", m_emergencyRequest->first.toUtf8()});
            form.append({"break_glass_reason", m_emergencyRequest->second.toUtf8()});
        }
        oidchttp::postForm(m_manager, m_discovery->metadata().tokenEndpoint, form,
                           m_config.requestTimeout, m_requests,
                           [this, epoch](Result<QJsonObject> answer) {
                               onTokenAnswer(std::move(answer), false, epoch);
                           });
    });
}

void OidcSession::startEmergencyAccess(const QString& purpose, const QString& reason)
{
    if (m_refreshing || m_refreshToken.isEmpty()) {
        const Error busy =
            sessionError(ErrorCode::NotAuthenticated,
                         m_refreshToken.isEmpty() ? "no refresh token is held: log in again"
                                                  : "the tokens are being renewed: try again");
        QTimer::singleShot(0, this, [this, busy] { emit emergencyAccessFailed(busy); });
        return;
    }
    m_emergencyRequest = std::pair(purpose, reason);
    refresh();
}

void OidcSession::endEmergencyAccess()
{
    if (isEmergencyAccess())
        refresh(); // an ordinary token replaces the emergency one
}

void OidcSession::finishRefresh(const std::optional<Error>& error)
{
    m_refreshing = false;
    const bool forUnauthorized = std::exchange(m_refreshForUnauthorized, false);
    const std::optional<std::pair<QString, QString>> emergency =
        std::exchange(m_emergencyRequest, std::nullopt);
    if (emergency && error && error->code == ErrorCode::IdentityProviderError) {
        // The provider refused the emergency request before using the refresh token up: the
        // ordinary tokens stay as they were.
        scheduleRefresh(qMax<qint64>(1, now().secsTo(m_accessExpiry)));
        emit emergencyAccessFailed(*error);
        return;
    }
    if (emergency && error)
        emit emergencyAccessFailed(*error);
    if (!error && emergency) {
        // Valid until it expires, then an ordinary token: no early renewal of this one.
        m_emergencyUntil = m_accessExpiry;
        if (m_accessExpiry.isValid())
            m_refreshTimer.start(int(std::clamp<qint64>(now().msecsTo(m_accessExpiry) - 500, 0,
                                                        std::numeric_limits<int>::max())));
        qCInfo(lcAuth, "emergency access started; it ends at %s",
               qPrintable(m_emergencyUntil.toString(Qt::ISODate)));
        if (m_state != State::LoggingIn)
            setState(State::LoggedIn);
        emit emergencyAccessStarted(m_emergencyUntil);
        return;
    }
    if (!error && m_emergencyUntil.isValid()) {
        m_emergencyUntil = QDateTime();
        qCInfo(lcAuth, "emergency access ended");
        emit emergencyAccessEnded();
    }
    if (!error) {
        qCDebug(lcAuth, "tokens refreshed; access token valid until %s",
                qPrintable(m_accessExpiry.toString(Qt::ISODate)));
        if (m_state != State::LoggingIn)
            setState(State::LoggedIn);
        emit tokensRefreshed();
        return;
    }
    const bool unreachable = error->code == ErrorCode::IdentityProviderUnreachable ||
                             error->code == ErrorCode::TlsFailure;
    if (unreachable && !forUnauthorized) {
        // The token may still be good for a while: try again later, keep everything.
        qCWarning(lcAuth, "token refresh failed, retrying in %d s: %s", kRefreshRetryMs / 1000,
                  qPrintable(error->toString()));
        m_refreshTimer.start(kRefreshRetryMs);
        return;
    }
    if (!unreachable) { // refused by the provider: these tokens are dead
        wipeTokens();
        if (m_store)
            m_store->remove(storeAccount());
    }
    if (m_state != State::LoggingIn)
        setState(State::NeedsLogin);
    emit reauthenticationRequired(*error);
}

void OidcSession::handleUnauthorized(bool alreadyRetried)
{
    if (alreadyRetried) {
        QTimer::singleShot(0, this, [this] {
            if (m_state != State::LoggingIn)
                setState(State::NeedsLogin);
            emit reauthenticationRequired(sessionError(ErrorCode::Unauthorized,
                                                       "the archive refused the renewed access "
                                                       "token: log in again"));
        });
        return;
    }
    m_refreshForUnauthorized = true;
    refresh(); // joins a refresh already running
}

void OidcSession::logout()
{
    ++m_epoch;
    m_receiver->close();
    if (m_pending)
        wipe(m_pending->verifier);
    m_pending.reset();
    m_refreshTimer.stop();
    m_refreshing = false;
    m_refreshForUnauthorized = false;
    delete m_requests; // aborts every provider request still running
    m_requests = new QObject(this);

    qCDebug(lcAuth, "logout at %s", qPrintable(m_config.issuer));
    const ProviderMetadata& metadata = m_discovery->metadata();
    QUrl endSession;
    if (m_discovery->isReady() && metadata.endSessionEndpoint.isValid() && !m_idToken.isEmpty()) {
        oidchttp::FormFields fields{{"id_token_hint", m_idToken},
                                    {"client_id", m_config.clientId.toUtf8()}};
        if (m_config.postLogoutRedirectUri.isValid())
            fields.append({"post_logout_redirect_uri",
                           m_config.postLogoutRedirectUri.toString(QUrl::FullyEncoded).toUtf8()});
        if (Result<QByteArray> state = pkce::randomToken())
            fields.append({"state", *state});
        endSession = metadata.endSessionEndpoint;
        endSession.setQuery(QString::fromLatin1(oidchttp::encodeForm(fields)), QUrl::StrictMode);
    }
    const bool revoke = m_discovery->isReady() && metadata.revocationEndpoint.isValid() &&
                        !m_refreshToken.isEmpty();
    if (revoke) {
        oidchttp::FormFields form{{"token", m_refreshToken},
                                  {"token_type_hint", "refresh_token"},
                                  {"client_id", m_config.clientId.toUtf8()}};
        oidchttp::postForm(m_manager, metadata.revocationEndpoint, form, m_config.requestTimeout,
                           m_requests, [this](Result<QJsonObject> answer) {
                               if (!answer)
                                   qCWarning(lcAuth, "refresh token revocation failed: %s",
                                             qPrintable(answer.error().toString()));
                               emit loggedOut();
                           });
    }
    wipeTokens();
    if (m_store)
        m_store->remove(storeAccount());
    m_identity = Identity();
    setState(State::LoggedOut);
    if (endSession.isValid())
        emit endSessionUrlReady(endSession);
    if (!revoke)
        QTimer::singleShot(0, m_requests, [this] { emit loggedOut(); });
}

void OidcSession::scheduleRefresh(qint64 lifetimeSeconds)
{
    m_refreshTimer.stop();
    if (lifetimeSeconds <= 0)
        return; // no stated lifetime: refreshed when an archive refuses the token
    const double delay = double(lifetimeSeconds) * 1000.0 * m_config.refreshAtFraction;
    m_refreshTimer.start(int(
        std::clamp<qint64>(qint64(delay), kMinRefreshDelayMs, std::numeric_limits<int>::max())));
}

void OidcSession::storeTokens()
{
    if (!m_store || m_refreshToken.isEmpty())
        return;
    QJsonObject entry{{QStringLiteral("refresh_token"), QString::fromUtf8(m_refreshToken)},
                      {QStringLiteral("id_token"), QString::fromUtf8(m_idToken)}};
    QByteArray blob = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    if (Result<void> saved = m_store->save(storeAccount(), blob); !saved)
        qCWarning(lcAuth, "login tokens kept in memory only: %s",
                  qPrintable(saved.error().toString()));
    wipe(blob);
}

void OidcSession::wipeTokens()
{
    wipe(m_accessToken);
    wipe(m_refreshToken);
    wipe(m_idToken);
    m_accessExpiry = QDateTime();
    m_refreshTimer.stop();
    m_emergencyRequest.reset();
    if (m_emergencyUntil.isValid()) {
        m_emergencyUntil = QDateTime();
        emit emergencyAccessEnded();
    }
}

void OidcSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QDateTime OidcSession::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentDateTimeUtc();
}

} // namespace fenestra::net
