#include "pkce.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace fenestra::net::pkce {

namespace {

Result<QByteArray> randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("RAND_bytes failed"));
    return bytes;
}

bool isBase64UrlCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

} // namespace

Result<QByteArray> generateVerifier(int length)
{
    if (length < kMinVerifierLength || length > kMaxVerifierLength)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a PKCE verifier has 43 to 128 characters, not %1").arg(length));
    // 3 random bytes give 4 characters; draw enough, then cut to the length asked.
    Result<QByteArray> bytes = randomBytes((length * 3 + 3) / 4);
    if (!bytes)
        return std::unexpected(bytes.error());
    QByteArray verifier = base64UrlEncode(*bytes).left(length);
    bytes->fill('\0');
    return verifier;
}

QByteArray challengeS256(QByteArrayView verifier)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(verifier.data(), size_t(verifier.size()), digest, &size, EVP_sha256(),
                   nullptr) != 1)
        return {};
    return base64UrlEncode(QByteArrayView(reinterpret_cast<const char*>(digest), size));
}

Result<QByteArray> randomToken(int bytes)
{
    if (bytes < 16)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("a state or nonce needs at least 16 random bytes"));
    Result<QByteArray> random = randomBytes(bytes);
    if (!random)
        return random;
    return base64UrlEncode(*random);
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    for (const char c : text) {
        if (!isBase64UrlCharacter(c))
            return std::nullopt;
    }
    if (text.size() % 4 == 1) // no base64 text has this length
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace fenestra::net::pkce
