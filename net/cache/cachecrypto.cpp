#include "cachecrypto.h"

#include <QIODevice>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <memory>

namespace fenestra::net::cachecrypto {

namespace {

// EVP takes int lengths: large instances go through in slices.
constexpr qsizetype kChunk = 1 << 20;

struct CtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

const unsigned char* bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

unsigned char* bytes(QByteArray& array)
{
    return reinterpret_cast<unsigned char*>(array.data());
}

std::unexpected<Error> cryptoFailure(const char* step)
{
    return fail(ErrorCode::CryptoFailure, QStringLiteral("OpenSSL: %1").arg(QLatin1String(step)));
}

bool feedAad(EVP_CIPHER_CTX* ctx, QByteArrayView magic, QByteArrayView aad)
{
    int len = 0;
    return EVP_CipherUpdate(ctx, nullptr, &len, bytes(magic), int(magic.size())) == 1 &&
           EVP_CipherUpdate(ctx, nullptr, &len, bytes(aad), int(aad.size())) == 1;
}

CipherCtx startCipher(QByteArrayView key, QByteArrayView nonce, bool encrypt)
{
    if (key.size() != kKeySize || nonce.size() != kNonceSize)
        return {};
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce),
                                  encrypt ? 1 : 0) != 1)
        return {};
    return ctx;
}

} // namespace

QByteArray randomBytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(bytes(out), int(count)) != 1)
        return {};
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), bytes(data), size_t(data.size()),
              bytes(out), &len))
        return {};
    out.resize(len);
    return out;
}

QByteArray deriveKey(QByteArrayView masterKey, QByteArrayView purpose)
{
    // HMAC as a pseudo-random function over a purpose label (HKDF-Expand with one block).
    return hmacSha256(masterKey, purpose);
}

Result<void> seal(QIODevice& out, QByteArrayView key, QByteArrayView magic, QByteArrayView aad,
                  QByteArrayView plain)
{
    const QByteArray nonce = randomBytes(kNonceSize);
    if (nonce.isEmpty())
        return cryptoFailure("random nonce");
    CipherCtx ctx = startCipher(key, nonce, true);
    if (!ctx || magic.size() != kMagicSize || !feedAad(ctx.get(), magic, aad))
        return cryptoFailure("cipher set-up");
    if (out.write(magic.data(), magic.size()) != magic.size() || out.write(nonce) != nonce.size())
        return fail(ErrorCode::CacheIoFailure, out.errorString());
    QByteArray buffer(std::min(kChunk, std::max<qsizetype>(plain.size(), 1)), Qt::Uninitialized);
    for (qsizetype done = 0; done < plain.size();) {
        const qsizetype n = std::min(kChunk, plain.size() - done);
        int len = 0;
        if (EVP_EncryptUpdate(ctx.get(), bytes(buffer), &len, bytes(plain.sliced(done, n)),
                              int(n)) != 1)
            return cryptoFailure("encrypt");
        if (out.write(buffer.constData(), len) != len)
            return fail(ErrorCode::CacheIoFailure, out.errorString());
        done += n;
    }
    int len = 0;
    unsigned char tail[16]; // GCM writes nothing at the end; the API still wants a buffer
    QByteArray tag(kTagSize, Qt::Uninitialized);
    if (EVP_EncryptFinal_ex(ctx.get(), tail, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kTagSize), tag.data()) != 1)
        return cryptoFailure("encrypt final");
    if (out.write(tag) != tag.size())
        return fail(ErrorCode::CacheIoFailure, out.errorString());
    return {};
}

Result<QByteArray> open(QByteArrayView sealed, QByteArrayView key, QByteArrayView magic,
                        QByteArrayView aad)
{
    if (sealed.size() < kSealOverhead)
        return fail(
            ErrorCode::CacheCorrupt,
            QStringLiteral("truncated: %1 bytes, shorter than the header").arg(sealed.size()));
    if (sealed.first(kMagicSize) != magic)
        return fail(ErrorCode::CacheCorrupt, QStringLiteral("unknown format marker"));
    const QByteArrayView nonce = sealed.sliced(kMagicSize, kNonceSize);
    const QByteArrayView cipher =
        sealed.sliced(kMagicSize + kNonceSize, sealed.size() - kSealOverhead);
    QByteArray tag = sealed.last(kTagSize).toByteArray();
    CipherCtx ctx = startCipher(key, nonce, false);
    if (!ctx || !feedAad(ctx.get(), magic, aad))
        return cryptoFailure("cipher set-up");
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    for (qsizetype done = 0; done < cipher.size();) {
        const qsizetype n = std::min(kChunk, cipher.size() - done);
        int len = 0;
        if (EVP_DecryptUpdate(ctx.get(), bytes(plain) + done, &len, bytes(cipher.sliced(done, n)),
                              int(n)) != 1)
            return cryptoFailure("decrypt");
        done += n;
    }
    int len = 0;
    unsigned char tail[16];
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kTagSize), tag.data()) != 1)
        return cryptoFailure("set tag");
    if (EVP_DecryptFinal_ex(ctx.get(), tail, &len) != 1) {
        // Do not hand out unauthenticated plaintext, not even in memory we release.
        wipe(plain);
        return fail(ErrorCode::CacheCorrupt, QStringLiteral("authentication tag mismatch"));
    }
    return plain;
}

void wipe(QByteArray& secret)
{
    // A shared copy belongs to another holder too: only bytes we own alone are overwritten.
    if (!secret.isEmpty() && secret.isDetached())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret = QByteArray();
}

} // namespace fenestra::net::cachecrypto
