#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Proof Key for Code Exchange (RFC 7636) and the random values of an authorization request.
// Every value is base64url without padding, drawn from OpenSSL's RAND_bytes.
// Thread contract: free functions without shared state; callable from any thread.
namespace fenestra::net::pkce {

// RFC 7636 allows verifiers of 43 to 128 characters.
inline constexpr int kMinVerifierLength = 43;
inline constexpr int kMaxVerifierLength = 128;

// A fresh code verifier of `length` characters (43..128; InvalidArgument otherwise). Each
// character carries 6 random bits. CryptoFailure when the random generator fails.
Result<QByteArray> generateVerifier(int length = 64);

// The S256 code challenge of a verifier: base64url(SHA-256(verifier)), 43 characters.
QByteArray challengeS256(QByteArrayView verifier);

// An unguessable value for `state` or `nonce`: `bytes` random bytes (at least 16), base64url.
Result<QByteArray> randomToken(int bytes = 32);

// base64url without padding (RFC 7515 section 2), shared by the JOSE code.
QByteArray base64UrlEncode(QByteArrayView data);
// Strict decoding: characters outside the base64url alphabet or padding make it fail.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

} // namespace fenestra::net::pkce
