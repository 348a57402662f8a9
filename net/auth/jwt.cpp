#include "jwt.h"

#include "pkce.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace fenestra::net {

namespace {

// Ten times what any provider issues: refuses memory exhaustion by a hostile "token".
constexpr qsizetype kMaxTokenSize = 64 * 1024;

std::unexpected<Error> tokenError(const QString& detail)
{
    return fail(ErrorCode::InvalidToken, detail);
}

QString text(const char* source)
{
    return QCoreApplication::translate("JsonWebToken", source);
}

QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    const std::optional<QByteArray> json = pkce::base64UrlDecode(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A NumericDate claim (seconds since the epoch); nullopt when absent, an error when malformed.
Result<std::optional<QDateTime>> timeClaim(const QJsonObject& claims, const char* name)
{
    const QJsonValue value = claims.value(QLatin1String(name));
    if (value.isUndefined())
        return std::optional<QDateTime>();
    if (!value.isDouble())
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "the claim '%1' is not a number")
                .arg(QLatin1String(name)));
    return std::optional<QDateTime>(
        QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC));
}

Result<void> checkAudience(const QJsonObject& claims, const QString& audience)
{
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    QStringList audiences;
    if (aud.isString())
        audiences.append(aud.toString());
    for (const QJsonValue& entry : aud.toArray())
        audiences.append(entry.toString());
    if (!audiences.contains(audience))
        return tokenError(QCoreApplication::translate("JsonWebToken",
                                                      "audience '%1' not accepted (expected '%2')")
                              .arg(audiences.join(QLatin1Char(',')).left(200), audience));
    const QJsonValue azp = claims.value(QLatin1String("azp"));
    if (audiences.size() > 1 && azp.isString() && azp.toString() != audience)
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "authorized party '%1' not accepted")
                .arg(azp.toString().left(100)));
    return {};
}

Result<void> checkTimes(const QJsonObject& claims, const ClaimChecks& checks)
{
    const QDateTime now = checks.now.isValid() ? checks.now : QDateTime::currentDateTimeUtc();
    const qint64 leeway = checks.leeway.count();
    Result<std::optional<QDateTime>> exp = timeClaim(claims, "exp");
    Result<std::optional<QDateTime>> nbf = timeClaim(claims, "nbf");
    Result<std::optional<QDateTime>> iat = timeClaim(claims, "iat");
    for (const auto* claim : {&exp, &nbf, &iat}) {
        if (!*claim)
            return std::unexpected(claim->error());
    }
    if (!*exp && checks.requireExpiry)
        return tokenError(text("the token has no expiry"));
    if (*exp && now.addSecs(-leeway) >= **exp)
        return tokenError(QCoreApplication::translate("JsonWebToken", "token expired at %1")
                              .arg(timeText(**exp)));
    if (*nbf && now.addSecs(leeway) < **nbf)
        return tokenError(QCoreApplication::translate("JsonWebToken", "token not valid before %1")
                              .arg(timeText(**nbf)));
    if (*iat && now.addSecs(leeway) < **iat)
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "token issued in the future, at %1")
                .arg(timeText(**iat)));
    return {};
}

} // namespace

Result<JsonWebToken> parseJwt(const QByteArray& compact)
{
    if (compact.size() > kMaxTokenSize)
        return tokenError(text("the token is too large"));
    const QList<QByteArray> segments = compact.split('.');
    if (segments.size() != 3) // a JWE has five; anything else is not a JWS either
        return tokenError(text("the token is not a compact JWS (three dot-separated parts)"));
    const std::optional<QJsonObject> header = decodeObject(segments[0]);
    if (!header)
        return tokenError(text("the token's header is not base64url-encoded JSON"));
    const std::optional<QJsonObject> claims = decodeObject(segments[1]);
    if (!claims)
        return tokenError(text("the token's payload is not base64url-encoded JSON"));
    const std::optional<QByteArray> signature = pkce::base64UrlDecode(segments[2]);
    if (!signature || signature->isEmpty())
        return tokenError(text("the token has no valid signature part"));
    const QString alg = header->value(QLatin1String("alg")).toString();
    const std::optional<JwsAlgorithm> algorithm = jwsAlgorithmFromName(alg);
    if (!algorithm)
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "signature algorithm '%1' not accepted")
                .arg(alg.left(20)));
    if (header->contains(QLatin1String("crit")))
        return tokenError(text("the token requires extensions this client does not know"));
    JsonWebToken token;
    token.header = *header;
    token.claims = *claims;
    token.algorithm = *algorithm;
    token.keyId = header->value(QLatin1String("kid")).toString();
    token.signingInput = compact.left(segments[0].size() + 1 + segments[1].size());
    token.signature = *signature;
    return token;
}

Result<void> checkClaims(const QJsonObject& claims, const ClaimChecks& checks)
{
    if (!checks.issuer.isEmpty()) {
        const QString issuer = claims.value(QLatin1String("iss")).toString();
        if (issuer != checks.issuer)
            return tokenError(QCoreApplication::translate(
                                  "JsonWebToken", "issuer '%1' not accepted (expected '%2')")
                                  .arg(issuer.left(200), checks.issuer));
    }
    if (!checks.audience.isEmpty()) {
        if (Result<void> audience = checkAudience(claims, checks.audience); !audience)
            return audience;
    }
    if (Result<void> times = checkTimes(claims, checks); !times)
        return times;
    if (checks.nonce) {
        const QJsonValue nonce = claims.value(QLatin1String("nonce"));
        if (!nonce.isString() || nonce.toString() != *checks.nonce)
            return tokenError(text("the token's nonce does not match the login request"));
    }
    return {};
}

Result<void> verifyJwtSignature(const JsonWebToken& token, const JsonWebKeySet& keys)
{
    if (!token.keyId.isEmpty() && !keys.containsKeyId(token.keyId))
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "no key '%1' in the provider's key set")
                .arg(token.keyId.left(100)));
    const QList<JsonWebKey> candidates = keys.candidates(token.algorithm, token.keyId);
    if (candidates.isEmpty())
        return tokenError(
            QCoreApplication::translate("JsonWebToken", "no key in the key set accepts %1")
                .arg(jwsAlgorithmName(token.algorithm)));
    Result<void> result;
    for (const JsonWebKey& key : candidates) {
        result = key.verify(token.algorithm, token.signingInput, token.signature);
        if (result)
            return result;
    }
    return result;
}

Result<JsonWebToken> verifyJwt(const QByteArray& compact, const JsonWebKeySet& keys,
                               const ClaimChecks& checks)
{
    Result<JsonWebToken> token = parseJwt(compact);
    if (!token)
        return token;
    if (Result<void> signature = verifyJwtSignature(*token, keys); !signature)
        return std::unexpected(signature.error());
    if (Result<void> claims = checkClaims(token->claims, checks); !claims)
        return std::unexpected(claims.error());
    return token;
}

QDateTime jwtExpiry(const QJsonObject& claims)
{
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (!exp.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
}

} // namespace fenestra::net
