#pragma once

#include "jwk.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

// JSON Web Tokens (RFC 7519) in compact JWS form: parsing, signature verification against a
// JWK Set and claim validation. General on purpose: ID tokens of the login, and later signed
// share tokens (ES256 / EdDSA), go through the same code.
//
// Errors are InvalidToken with a precise, translated detail ("signature does not verify",
// "token expired at 2024-05-01 10:00:00 UTC", "audience 'x' not accepted"). Details never quote
// the token itself, only the claim that failed.
// Thread contract: free functions and values without shared state; any thread.
namespace fenestra::net {

// A compact JWS split and decoded, NOT verified: trust nothing in it before verifyJwt (or
// verifyJwtSignature and checkClaims) succeeded.
struct JsonWebToken
{
    QJsonObject header;
    QJsonObject claims;
    JwsAlgorithm algorithm = JwsAlgorithm::RS256; // from the header's "alg"
    QString keyId;                                // the header's "kid", empty when absent
    QByteArray signingInput;                      // "header.payload" exactly as received
    QByteArray signature;                         // the decoded signature bytes
};

// Splits and decodes `compact`: three base64url segments, a JSON object header with a
// supported "alg" (never "none", never HMAC) and no "crit" extension, a JSON object payload.
Result<JsonWebToken> parseJwt(const QByteArray& compact);

// What the claims must satisfy. Empty strings are not checked; fill what the use demands.
struct ClaimChecks
{
    QString issuer;   // "iss" must be exactly this
    QString audience; // "aud" (a string, or an array) must contain this
    // When set, "nonce" must be exactly this (an ID token answering our authorization request).
    std::optional<QString> nonce;
    bool requireExpiry = true; // a token without "exp" is refused
    // Tolerated clock difference with the issuer for exp, nbf and iat.
    std::chrono::seconds leeway{60};
    QDateTime now; // the current time when invalid (tests set it)
};

// InvalidToken for the first claim that fails: issuer, audience (with the OpenID Connect rule
// that "azp", when present with several audiences, names our audience), expiry, not-before,
// issued-at in the future, nonce.
Result<void> checkClaims(const QJsonObject& claims, const ClaimChecks& checks);

// Verifies the signature of a parsed token with the key set: the key named by "kid", or when
// the token has none, any key accepting the algorithm. An unknown "kid" is reported as such
// ("no key 'k1' in the provider's key set") so that the caller may refetch the set once.
Result<void> verifyJwtSignature(const JsonWebToken& token, const JsonWebKeySet& keys);

// parseJwt, verifyJwtSignature and checkClaims in this order; the verified token on success.
Result<JsonWebToken> verifyJwt(const QByteArray& compact, const JsonWebKeySet& keys,
                               const ClaimChecks& checks);

// The "exp" claim as a time, invalid when absent.
QDateTime jwtExpiry(const QJsonObject& claims);

} // namespace fenestra::net
