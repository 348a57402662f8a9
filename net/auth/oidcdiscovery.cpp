#include "oidcdiscovery.h"

#include "oidchttp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fenestra::net {

namespace {

std::unexpected<Error> providerError(const QString& detail)
{
    return fail(ErrorCode::IdentityProviderError, detail);
}

// An endpoint of the document; `required` ones must be present. Sets `error` when invalid.
QUrl endpoint(const QJsonObject& document, const char* name, bool required,
              std::optional<Error>& error)
{
    const QString text = document.value(QLatin1String(name)).toString();
    if (text.isEmpty()) {
        if (required && !error)
            error = Error{ErrorCode::IdentityProviderError,
                          QCoreApplication::translate("OidcSession", "the identity provider's "
                                                                     "discovery document has no "
                                                                     "%1")
                              .arg(QLatin1String(name))};
        return {};
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!oidchttp::isAllowedProviderUrl(url) && !error)
        error = Error{ErrorCode::IdentityProviderError,
                      QCoreApplication::translate("OidcSession",
                                                  "the identity provider's %1 is not an https "
                                                  "URL: %2")
                          .arg(QLatin1String(name), oidchttp::originOf(url))};
    return url;
}

} // namespace

QUrl discoveryUrl(const QString& issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

Result<ProviderMetadata> parseProviderMetadata(const QJsonObject& document,
                                               const QString& expectedIssuer)
{
    ProviderMetadata metadata;
    metadata.issuer = document.value(QLatin1String("issuer")).toString();
    if (metadata.issuer != expectedIssuer)
        return providerError(QCoreApplication::translate("OidcSession",
                                                         "the identity provider says its issuer is "
                                                         "'%1', expected '%2'")
                                 .arg(metadata.issuer.left(200), expectedIssuer));
    std::optional<Error> error;
    metadata.authorizationEndpoint = endpoint(document, "authorization_endpoint", true, error);
    metadata.tokenEndpoint = endpoint(document, "token_endpoint", true, error);
    metadata.jwksUri = endpoint(document, "jwks_uri", true, error);
    metadata.endSessionEndpoint = endpoint(document, "end_session_endpoint", false, error);
    metadata.revocationEndpoint = endpoint(document, "revocation_endpoint", false, error);
    metadata.userinfoEndpoint = endpoint(document, "userinfo_endpoint", false, error);
    if (error)
        return std::unexpected(*error);
    for (const QJsonValue& method :
         document.value(QLatin1String("code_challenge_methods_supported")).toArray())
        metadata.codeChallengeMethods.append(method.toString());
    if (!metadata.codeChallengeMethods.isEmpty() &&
        !metadata.codeChallengeMethods.contains(QLatin1String("S256")))
        return providerError(QCoreApplication::translate(
            "OidcSession", "the identity provider does not support PKCE with S256"));
    return metadata;
}

OidcDiscovery::OidcDiscovery(QString issuer, QNetworkAccessManager* manager,
                             std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent), m_issuer(std::move(issuer)), m_manager(manager), m_timeout(timeout)
{}

void OidcDiscovery::discover(Done done)
{
    if (m_ready) {
        done({});
        return;
    }
    m_waiting.append(std::move(done));
    if (m_busy)
        return;
    m_busy = true;
    const QUrl url = discoveryUrl(m_issuer);
    if (!oidchttp::isAllowedProviderUrl(url)) {
        finish(providerError(
            QCoreApplication::translate("OidcSession", "the identity provider's address is not an "
                                                       "https URL: %1")
                .arg(oidchttp::originOf(url))));
        return;
    }
    oidchttp::getJson(m_manager, url, m_timeout, this, [this](Result<QJsonObject> document) {
        if (!document) {
            finish(std::unexpected(document.error()));
            return;
        }
        Result<ProviderMetadata> metadata = parseProviderMetadata(*document, m_issuer);
        if (!metadata) {
            finish(std::unexpected(metadata.error()));
            return;
        }
        m_metadata = std::move(*metadata);
        fetchKeys();
    });
}

void OidcDiscovery::refetchKeys(Done done)
{
    if (!m_ready) {
        discover(std::move(done));
        return;
    }
    m_waiting.append(std::move(done));
    if (m_busy)
        return;
    m_busy = true;
    fetchKeys();
}

void OidcDiscovery::fetchKeys()
{
    oidchttp::getJson(
        m_manager, m_metadata.jwksUri, m_timeout, this, [this](Result<QJsonObject> document) {
            if (!document) {
                finish(std::unexpected(document.error()));
                return;
            }
            Result<JsonWebKeySet> keys =
                JsonWebKeySet::fromJson(QJsonDocument(*document).toJson(QJsonDocument::Compact));
            if (!keys) {
                finish(std::unexpected(keys.error()));
                return;
            }
            m_keys = std::move(*keys);
            m_ready = true;
            finish({});
        });
}

void OidcDiscovery::finish(Result<void> result)
{
    m_busy = false;
    const QList<Done> waiting = std::exchange(m_waiting, {});
    for (const Done& done : waiting)
        done(result);
}

} // namespace fenestra::net
