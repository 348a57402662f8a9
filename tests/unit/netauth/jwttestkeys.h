#pragma once

// Keys generated in the test with OpenSSL, their public JWK, and tokens signed with them: the
// verifier under test is checked against an independent signer, never against itself.

#include "auth/pkce.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace fenestra::net::testkeys {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

inline Pkey generateRsa(int bits = 2048)
{
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)));
}
inline Pkey generateP256()
{
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}
inline Pkey generateEd25519()
{
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
}

inline QByteArray bnParam(EVP_PKEY* key, const char* name, int padTo = 0)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray bytes(padTo > 0 ? padTo : BN_num_bytes(bn), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(bytes.data()), int(bytes.size()));
    BN_free(bn);
    return bytes;
}

inline QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(pkce::base64UrlEncode(bytes));
}

// The public JWK of `key`, with "kid" when given.
inline QJsonObject publicJwk(EVP_PKEY* key, const QString& kid = {})
{
    QJsonObject jwk;
    if (EVP_PKEY_is_a(key, "RSA")) {
        jwk[QStringLiteral("kty")] = QStringLiteral("RSA");
        jwk[QStringLiteral("n")] = b64(bnParam(key, OSSL_PKEY_PARAM_RSA_N));
        jwk[QStringLiteral("e")] = b64(bnParam(key, OSSL_PKEY_PARAM_RSA_E));
    } else if (EVP_PKEY_is_a(key, "EC")) {
        jwk[QStringLiteral("kty")] = QStringLiteral("EC");
        jwk[QStringLiteral("crv")] = QStringLiteral("P-256");
        jwk[QStringLiteral("x")] = b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32));
        jwk[QStringLiteral("y")] = b64(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32));
    } else {
        unsigned char raw[32];
        size_t size = sizeof raw;
        EVP_PKEY_get_raw_public_key(key, raw, &size);
        jwk[QStringLiteral("kty")] = QStringLiteral("OKP");
        jwk[QStringLiteral("crv")] = QStringLiteral("Ed25519");
        jwk[QStringLiteral("x")] = b64(QByteArray(reinterpret_cast<const char*>(raw), int(size)));
    }
    if (!kid.isEmpty())
        jwk[QStringLiteral("kid")] = kid;
    return jwk;
}

// Signs `input` with `alg` ("RS256", "PS256", "ES256", "EdDSA"); ES256 in JOSE's r||s form.
inline QByteArray sign(EVP_PKEY* key, const QString& alg, const QByteArray& input)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    const char* digest = alg == QLatin1String("EdDSA") ? nullptr : "SHA256";
    EVP_DigestSignInit_ex(ctx, &pctx, digest, nullptr, nullptr, key, nullptr);
    if (alg == QLatin1String("PS256")) {
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
    }
    size_t size = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
    EVP_DigestSign(ctx, nullptr, &size, data, size_t(input.size()));
    QByteArray signature(int(size), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &size, data,
                   size_t(input.size()));
    signature.resize(int(size));
    EVP_MD_CTX_free(ctx);
    if (alg != QLatin1String("ES256"))
        return signature;
    const auto* der = reinterpret_cast<const unsigned char*>(signature.constData());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
    QByteArray raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

inline QByteArray encodeJson(const QJsonObject& object)
{
    return pkce::base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A compact JWS of `claims` signed by `key` with `alg`, header {"alg", "typ", "kid"}.
inline QByteArray signJwt(EVP_PKEY* key, const QString& alg, const QJsonObject& claims,
                          const QString& kid = {})
{
    QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), "JWT"}};
    if (!kid.isEmpty())
        header[QStringLiteral("kid")] = kid;
    const QByteArray input = encodeJson(header) + '.' + encodeJson(claims);
    return input + '.' + pkce::base64UrlEncode(sign(key, alg, input));
}

} // namespace fenestra::net::testkeys
