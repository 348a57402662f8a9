#include "jwk.h"

#include "pkce.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace fenestra::net {

namespace {

constexpr int kMinRsaBits = 2048;
constexpr qsizetype kP256CoordinateSize = 32;
constexpr qsizetype kEd25519KeySize = 32;

struct BnFree
{
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};

std::unexpected<Error> keyError(const QString& detail)
{
    ERR_clear_error(); // nothing of OpenSSL's queue may leak into a later, unrelated call
    return fail(ErrorCode::InvalidToken, detail);
}

QString text(const char* source)
{
    return QCoreApplication::translate("JsonWebKey", source);
}

// A base64url member of the JWK, decoded; nullopt when absent or not base64url.
std::optional<QByteArray> member(const QJsonObject& jwk, const char* name)
{
    const QJsonValue value = jwk.value(QLatin1String(name));
    if (!value.isString())
        return std::nullopt;
    return pkce::base64UrlDecode(value.toString().toLatin1());
}

std::unexpected<Error> missingMember(const char* name)
{
    return keyError(QCoreApplication::translate("JsonWebKey",
                                                "the key's member '%1' is missing or not base64url")
                        .arg(QLatin1String(name)));
}

// Builds the key of type `name` ("RSA", "EC", "ED25519") from public parameters.
Result<std::shared_ptr<evp_pkey_st>> keyFromParams(const char* name, OSSL_PARAM_BLD* builder)
{
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, name, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return keyError(text("the key's parameters are not a valid public key"));
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

Result<std::shared_ptr<evp_pkey_st>> rsaKey(const QJsonObject& jwk)
{
    const std::optional<QByteArray> n = member(jwk, "n");
    const std::optional<QByteArray> e = member(jwk, "e");
    if (!n || n->isEmpty())
        return missingMember("n");
    if (!e || e->isEmpty())
        return missingMember("e");
    const auto* nBytes = reinterpret_cast<const unsigned char*>(n->constData());
    std::unique_ptr<BIGNUM, BnFree> modulus(BN_bin2bn(nBytes, int(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> exponent(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e->constData()), int(e->size()), nullptr));
    if (!modulus || !exponent)
        return keyError(text("the key's parameters are not a valid public key"));
    const int bits = BN_num_bits(modulus.get());
    if (bits < kMinRsaBits)
        return keyError(
            QCoreApplication::translate("JsonWebKey", "RSA key of %1 bits is too short").arg(bits));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
        return keyError(text("the key's parameters are not a valid public key"));
    return keyFromParams("RSA", builder.get());
}

Result<std::shared_ptr<evp_pkey_st>> ecKey(const QJsonObject& jwk)
{
    const QString curve = jwk.value(QLatin1String("crv")).toString();
    if (curve != QLatin1String("P-256"))
        return keyError(QCoreApplication::translate("JsonWebKey", "unsupported EC curve '%1'")
                            .arg(curve.left(20)));
    const std::optional<QByteArray> x = member(jwk, "x");
    const std::optional<QByteArray> y = member(jwk, "y");
    if (!x)
        return missingMember("x");
    if (!y)
        return missingMember("y");
    if (x->size() != kP256CoordinateSize || y->size() != kP256CoordinateSize)
        return keyError(text("a P-256 coordinate must be 32 bytes long"));
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // uncompressed SEC1 point
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1",
                                        0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1)
        return keyError(text("the key's parameters are not a valid public key"));
    // EVP_PKEY_fromdata decodes the point and refuses one that is not on the curve.
    return keyFromParams("EC", builder.get());
}

Result<std::shared_ptr<evp_pkey_st>> okpKey(const QJsonObject& jwk)
{
    const QString curve = jwk.value(QLatin1String("crv")).toString();
    if (curve != QLatin1String("Ed25519"))
        return keyError(QCoreApplication::translate("JsonWebKey", "unsupported OKP curve '%1'")
                            .arg(curve.left(20)));
    const std::optional<QByteArray> x = member(jwk, "x");
    if (!x)
        return missingMember("x");
    if (x->size() != kEd25519KeySize)
        return keyError(text("an Ed25519 public key must be 32 bytes long"));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                                     x->constData(), size_t(x->size())) != 1)
        return keyError(text("the key's parameters are not a valid public key"));
    return keyFromParams("ED25519", builder.get());
}

// JOSE carries an ECDSA signature as r||s; OpenSSL verifies the DER form.
std::optional<QByteArray> ecdsaRawToDer(const QByteArray& raw)
{
    if (raw.size() != 2 * kP256CoordinateSize)
        return std::nullopt;
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw.constData());
    std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytes, int(kP256CoordinateSize), nullptr);
    BIGNUM* s = BN_bin2bn(bytes + kP256CoordinateSize, int(kP256CoordinateSize), nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return std::nullopt;
    }
    const int size = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (size <= 0)
        return std::nullopt;
    QByteArray der(size, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != size)
        return std::nullopt;
    return der;
}

bool typeFits(JwkType type, JwsAlgorithm algorithm)
{
    switch (algorithm) {
    case JwsAlgorithm::RS256:
    case JwsAlgorithm::PS256:
        return type == JwkType::Rsa;
    case JwsAlgorithm::ES256:
        return type == JwkType::EcP256;
    case JwsAlgorithm::EdDSA:
        return type == JwkType::Ed25519;
    }
    return false;
}

} // namespace

std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString& name)
{
    for (const JwsAlgorithm algorithm :
         {JwsAlgorithm::RS256, JwsAlgorithm::PS256, JwsAlgorithm::ES256, JwsAlgorithm::EdDSA}) {
        if (name == jwsAlgorithmName(algorithm)) // case-sensitive, as RFC 7515 requires
            return algorithm;
    }
    return std::nullopt;
}

QString jwsAlgorithmName(JwsAlgorithm algorithm)
{
    switch (algorithm) {
    case JwsAlgorithm::RS256:
        return QStringLiteral("RS256");
    case JwsAlgorithm::PS256:
        return QStringLiteral("PS256");
    case JwsAlgorithm::ES256:
        return QStringLiteral("ES256");
    case JwsAlgorithm::EdDSA:
        return QStringLiteral("EdDSA");
    }
    return {};
}

Result<JsonWebKey> JsonWebKey::fromJson(const QJsonObject& jwk)
{
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    Result<std::shared_ptr<evp_pkey_st>> key = std::unexpected(Error{});
    JsonWebKey result;
    if (kty == QLatin1String("RSA")) {
        key = rsaKey(jwk);
        result.m_type = JwkType::Rsa;
    } else if (kty == QLatin1String("EC")) {
        key = ecKey(jwk);
        result.m_type = JwkType::EcP256;
    } else if (kty == QLatin1String("OKP")) {
        key = okpKey(jwk);
        result.m_type = JwkType::Ed25519;
    } else {
        return keyError(QCoreApplication::translate("JsonWebKey", "unsupported key type '%1'")
                            .arg(kty.left(20)));
    }
    if (!key)
        return std::unexpected(key.error());
    result.m_key = std::move(*key);
    result.m_keyId = jwk.value(QLatin1String("kid")).toString();
    result.m_use = jwk.value(QLatin1String("use")).toString();
    if (jwk.contains(QLatin1String("alg"))) {
        const QString alg = jwk.value(QLatin1String("alg")).toString();
        result.m_algorithm = jwsAlgorithmFromName(alg);
        if (!result.m_algorithm || !typeFits(result.m_type, *result.m_algorithm))
            return keyError(QCoreApplication::translate("JsonWebKey",
                                                        "the key's algorithm '%1' is not "
                                                        "supported for this key type")
                                .arg(alg.left(20)));
    }
    return result;
}

bool JsonWebKey::accepts(JwsAlgorithm algorithm) const
{
    if (!typeFits(m_type, algorithm))
        return false;
    if (m_algorithm && *m_algorithm != algorithm)
        return false;
    return m_use.isEmpty() || m_use == QLatin1String("sig");
}

Result<void> JsonWebKey::verify(JwsAlgorithm algorithm, const QByteArray& signingInput,
                                const QByteArray& signature) const
{
    if (!accepts(algorithm))
        return keyError(
            QCoreApplication::translate("JsonWebKey", "algorithm %1 does not match the key")
                .arg(jwsAlgorithmName(algorithm)));
    QByteArray encoded = signature;
    if (algorithm == JwsAlgorithm::ES256) {
        std::optional<QByteArray> der = ecdsaRawToDer(signature);
        if (!der)
            return keyError(text("signature does not verify"));
        encoded = std::move(*der);
    }
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr; // owned by ctx
    const char* digest = algorithm == JwsAlgorithm::EdDSA ? nullptr : "SHA256";
    if (!ctx || EVP_DigestVerifyInit_ex(ctx.get(), &pctx, digest, nullptr, nullptr, m_key.get(),
                                        nullptr) != 1)
        return keyError(text("the cryptographic library cannot verify with this key"));
    if (algorithm == JwsAlgorithm::PS256 &&
        (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
        return keyError(text("the cryptographic library cannot verify with this key"));
    const int verified = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char*>(encoded.constData()),
        size_t(encoded.size()), reinterpret_cast<const unsigned char*>(signingInput.constData()),
        size_t(signingInput.size()));
    if (verified != 1)
        return keyError(text("signature does not verify"));
    return {};
}

Result<JsonWebKeySet> JsonWebKeySet::fromJson(const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!document.isObject() || !keys.isArray())
        return fail(ErrorCode::InvalidToken,
                    QCoreApplication::translate("JsonWebKey", "the key set is not a JWK Set"));
    JsonWebKeySet set;
    for (const QJsonValue& value : keys.toArray()) {
        const QJsonObject jwk = value.toObject();
        const QString use = jwk.value(QLatin1String("use")).toString();
        Result<JsonWebKey> key = use.isEmpty() || use == QLatin1String("sig")
                                     ? JsonWebKey::fromJson(jwk)
                                     : fail(ErrorCode::InvalidToken);
        if (key)
            set.m_keys.append(std::move(*key));
        else
            ++set.m_skipped;
    }
    return set;
}

bool JsonWebKeySet::containsKeyId(const QString& keyId) const
{
    return std::any_of(m_keys.cbegin(), m_keys.cend(),
                       [&keyId](const JsonWebKey& key) { return key.keyId() == keyId; });
}

QList<JsonWebKey> JsonWebKeySet::candidates(JwsAlgorithm algorithm, const QString& keyId) const
{
    QList<JsonWebKey> found;
    for (const JsonWebKey& key : m_keys) {
        if ((keyId.isEmpty() || key.keyId() == keyId) && key.accepts(algorithm))
            found.append(key);
    }
    return found;
}

} // namespace fenestra::net
