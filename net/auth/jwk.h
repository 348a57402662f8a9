#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of this header

namespace fenestra::net {

// The JWS signature algorithms accepted (RFC 7518, RFC 8037). "none" and the HMAC family are
// never accepted: a verifier that holds only public keys must not trust a shared secret.
enum class JwsAlgorithm
{
    RS256, // RSASSA-PKCS1-v1_5 with SHA-256
    PS256, // RSASSA-PSS with SHA-256, MGF1 SHA-256, 32-byte salt
    ES256, // ECDSA P-256 with SHA-256, signature as raw r||s (64 bytes)
    EdDSA, // Ed25519
};
std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString& name);
QString jwsAlgorithmName(JwsAlgorithm algorithm);

// The key types a JsonWebKey can hold.
enum class JwkType
{
    Rsa,     // kty RSA, 2048 bits or more
    EcP256,  // kty EC, crv P-256
    Ed25519, // kty OKP, crv Ed25519
};

// One public key from a JWK (RFC 7517), imported into OpenSSL with EVP_PKEY_fromdata. Private
// members of the JWK ("d", ...) are ignored: a verifier never needs them.
// Thread contract: immutable once built; copies share the key; verify() may be called from any
// thread.
class JsonWebKey
{
public:
    // InvalidToken with what is wrong ("RSA key of 1024 bits is too short", "EC point is not on
    // the curve", "unsupported key type 'oct'").
    static Result<JsonWebKey> fromJson(const QJsonObject& jwk);

    JwkType type() const { return m_type; }
    QString keyId() const { return m_keyId; } // "kid", empty when absent
    QString use() const { return m_use; }     // "use", empty when absent
    // The one algorithm the key is restricted to ("alg"), when the JWK names one.
    std::optional<JwsAlgorithm> algorithm() const { return m_algorithm; }
    // True when this key may verify signatures made with `algorithm`: the key type fits the
    // algorithm, the JWK's own "alg" (if any) is the same and its "use" (if any) is "sig".
    bool accepts(JwsAlgorithm algorithm) const;

    // Verifies `signature` over `signingInput` ("header.payload" of a compact JWS) with
    // `algorithm`. InvalidToken "signature does not verify" when it does not; an algorithm the
    // key does not accept is refused before any cryptography.
    Result<void> verify(JwsAlgorithm algorithm, const QByteArray& signingInput,
                        const QByteArray& signature) const;

private:
    JsonWebKey() = default;

    std::shared_ptr<evp_pkey_st> m_key;
    JwkType m_type = JwkType::Rsa;
    QString m_keyId;
    QString m_use;
    std::optional<JwsAlgorithm> m_algorithm;
};

// A JWK Set (RFC 7517 section 5): the provider's signing keys from its jwks_uri.
// Thread contract: immutable once built; usable from any thread.
class JsonWebKeySet
{
public:
    JsonWebKeySet() = default;
    // Keys that are not signature keys or not of a supported type are skipped (a provider may
    // publish encryption keys too); skippedKeys() says how many. InvalidToken when the document
    // is not a JWK Set.
    static Result<JsonWebKeySet> fromJson(const QByteArray& json);

    const QList<JsonWebKey>& keys() const { return m_keys; }
    int skippedKeys() const { return m_skipped; }
    bool containsKeyId(const QString& keyId) const;
    // The keys that may have made a signature with `algorithm` and key id `keyId`: the key of
    // that id when `keyId` is set (none if unknown), else every key accepting the algorithm.
    QList<JsonWebKey> candidates(JwsAlgorithm algorithm, const QString& keyId) const;

private:
    QList<JsonWebKey> m_keys;
    int m_skipped = 0;
};

} // namespace fenestra::net
