#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

namespace fenestra::net::cachecrypto {

// Internal to the cache: the only place that includes OpenSSL. Every function is stateless and
// may be called from any thread at the same time.

inline constexpr qsizetype kKeySize = 32;   // AES-256 and HMAC-SHA-256 keys
inline constexpr qsizetype kNonceSize = 12; // 96-bit GCM nonce, random per message
inline constexpr qsizetype kTagSize = 16;   // full 128-bit GCM tag
inline constexpr qsizetype kMagicSize = 4;
// A sealed message: magic, nonce, ciphertext (same length as the plaintext), tag.
inline constexpr qsizetype kSealOverhead = kMagicSize + kNonceSize + kTagSize;

// Cryptographically secure random bytes; empty on failure of the system generator.
QByteArray randomBytes(qsizetype count);

// HMAC-SHA-256 of data under key (32 bytes out).
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// A 32-byte subkey for one purpose ("entry names", "encryption"), so the master key is never
// used for two algorithms at once.
QByteArray deriveKey(QByteArrayView masterKey, QByteArrayView purpose);

// Writes magic + nonce + AES-256-GCM(plain) + tag to out. The magic is part of the
// authenticated data, next to aad. Encrypts in chunks: no second copy of the plaintext.
Result<void> seal(QIODevice& out, QByteArrayView key, QByteArrayView magic, QByteArrayView aad,
                  QByteArrayView plain);

// Verifies and decrypts a sealed message. CacheCorrupt when the magic, the length or the tag
// does not match (tampered, truncated, other key, other aad); the plaintext is only returned
// once the tag has been checked.
Result<QByteArray> open(QByteArrayView sealed, QByteArrayView key, QByteArrayView magic,
                        QByteArrayView aad);

// Overwrites a key's bytes before its memory is released.
void wipe(QByteArray& secret);

} // namespace fenestra::net::cachecrypto
