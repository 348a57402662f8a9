#pragma once

#include "jwk.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace fenestra::net {

// What the client needs from a provider's discovery document (OpenID Connect Discovery 1.0).
struct ProviderMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl endSessionEndpoint; // empty: no RP-initiated logout
    QUrl revocationEndpoint; // empty: no token revocation (RFC 7009)
    QUrl userinfoEndpoint;
    QStringList codeChallengeMethods; // empty when the document does not say
};

// The discovery URL of an issuer: issuer + "/.well-known/openid-configuration".
QUrl discoveryUrl(const QString& issuer);

// Checks and reads a discovery document. The issuer it states must be exactly the configured
// one (a mismatch is IdentityProviderError "the identity provider says its issuer is ...");
// every endpoint must be https (http only on a loopback address); when the document lists
// code challenge methods, S256 must be among them.
Result<ProviderMetadata> parseProviderMetadata(const QJsonObject& document,
                                               const QString& expectedIssuer);

// A provider's metadata and signing keys, fetched once and kept; the keys are fetched again
// (once) when a token names a key id they do not hold: the provider has rotated its keys.
//
// Thread contract: lives on the thread of the manager, used there; callbacks run there and are
// dropped when the object is destroyed.
class OidcDiscovery : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<void>)>;

    OidcDiscovery(QString issuer, QNetworkAccessManager* manager,
                  std::chrono::milliseconds timeout = std::chrono::seconds(15),
                  QObject* parent = nullptr);

    const QString& issuer() const { return m_issuer; }
    // True once discover() succeeded.
    bool isReady() const { return m_ready; }
    const ProviderMetadata& metadata() const { return m_metadata; }
    const JsonWebKeySet& keys() const { return m_keys; }

    // Fetches the discovery document, then the key set. Does nothing but call `done` when
    // already ready. Calls made while a fetch runs share its outcome.
    void discover(Done done);
    // Fetches the key set again (after an unknown key id); replaces the held set on success.
    void refetchKeys(Done done);

private:
    void fetchKeys();
    void finish(Result<void> result);

    QString m_issuer;
    QNetworkAccessManager* m_manager;
    std::chrono::milliseconds m_timeout;
    ProviderMetadata m_metadata;
    JsonWebKeySet m_keys;
    bool m_ready = false;
    bool m_busy = false;
    QList<Done> m_waiting;
};

} // namespace fenestra::net
