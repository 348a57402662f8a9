// JWK import, JWS signature verification and claim validation, against keys generated and
// tokens signed in the test with OpenSSL.

#include "auth/jwt.h"
#include "jwttestkeys.h"

#include <QJsonArray>
#include <QTest>

using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.org");
const QString kClient = QStringLiteral("fenestra");
const QDateTime kNow = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);

QJsonObject claimsAt(const QDateTime& now, qint64 lifetime = 300)
{
    return QJsonObject{{QStringLiteral("iss"), kIssuer},
                       {QStringLiteral("sub"), QStringLiteral("doctor-1")},
                       {QStringLiteral("aud"), kClient},
                       {QStringLiteral("iat"), double(now.toSecsSinceEpoch())},
                       {QStringLiteral("exp"), double(now.toSecsSinceEpoch() + lifetime)},
                       {QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj")}};
}

ClaimChecks checksAt(const QDateTime& now)
{
    ClaimChecks checks;
    checks.issuer = kIssuer;
    checks.audience = kClient;
    checks.nonce = QStringLiteral("n-0S6_WzA2Mj");
    checks.now = now;
    checks.leeway = 30s;
    return checks;
}

JsonWebKeySet setOf(const QList<QJsonObject>& jwks)
{
    QJsonArray keys;
    for (const QJsonObject& jwk : jwks)
        keys.append(jwk);
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson();
    Result<JsonWebKeySet> set = JsonWebKeySet::fromJson(json);
    return set ? *set : JsonWebKeySet();
}

testkeys::Pkey keyFor(const QString& alg)
{
    if (alg == QLatin1String("ES256"))
        return testkeys::generateP256();
    if (alg == QLatin1String("EdDSA"))
        return testkeys::generateEd25519();
    return testkeys::generateRsa();
}

// The token with one character of its payload's base64url changed.
QByteArray tamperPayload(QByteArray token)
{
    const qsizetype at = token.indexOf('.') + 5;
    token[at] = token[at] == 'A' ? 'B' : 'A';
    return token;
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void verifyJwt_signedWithEachAlgorithm_isAccepted_data();
    void verifyJwt_signedWithEachAlgorithm_isAccepted();
    void verifyJwt_withTamperedPayloadOrSignature_isRefused_data();
    void verifyJwt_withTamperedPayloadOrSignature_isRefused();
    void parseJwt_withAlgNoneOrHmac_isRefused();
    void parseJwt_malformed_isRefused();
    void verifyJwt_withAlgorithmNotMatchingKeyType_isRefused();
    void verifyJwt_withKeyRestrictedToOtherAlgorithm_isRefused();
    void verifyJwt_picksKeyByKid_andReportsUnknownKid();
    void checkClaims_timesWithLeeway_data();
    void checkClaims_timesWithLeeway();
    void checkClaims_audienceIssuerNonce_data();
    void checkClaims_audienceIssuerNonce();
    void jsonWebKey_invalidKeys_areRefusedWithReason();
    void jsonWebKeySet_skipsEncryptionAndUnknownKeys();
};

void TestJwt::verifyJwt_signedWithEachAlgorithm_isAccepted_data()
{
    QTest::addColumn<QString>("alg");
    for (const char* alg : {"RS256", "PS256", "ES256", "EdDSA"})
        QTest::newRow(alg) << QString::fromLatin1(alg);
}

void TestJwt::verifyJwt_signedWithEachAlgorithm_isAccepted()
{
    QFETCH(QString, alg);
    const testkeys::Pkey key = keyFor(alg);
    QVERIFY(key);
    const QByteArray compact = testkeys::signJwt(key.get(), alg, claimsAt(kNow), "k1");
    const Result<JsonWebToken> token =
        verifyJwt(compact, setOf({testkeys::publicJwk(key.get(), "k1")}), checksAt(kNow));
    QVERIFY2(token, qPrintable(token ? QString() : token.error().toString()));
    QCOMPARE(jwsAlgorithmName(token->algorithm), alg);
    QCOMPARE(token->claims.value("sub").toString(), QStringLiteral("doctor-1"));
    QCOMPARE(token->keyId, QStringLiteral("k1"));
}

void TestJwt::verifyJwt_withTamperedPayloadOrSignature_isRefused_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<bool>("tamperSignature");
    for (const char* alg : {"RS256", "PS256", "ES256", "EdDSA"}) {
        QTest::addRow("%s payload", alg) << QString::fromLatin1(alg) << false;
        QTest::addRow("%s signature", alg) << QString::fromLatin1(alg) << true;
    }
}

void TestJwt::verifyJwt_withTamperedPayloadOrSignature_isRefused()
{
    QFETCH(QString, alg);
    QFETCH(bool, tamperSignature);
    const testkeys::Pkey key = keyFor(alg);
    QByteArray compact = testkeys::signJwt(key.get(), alg, claimsAt(kNow));
    if (tamperSignature) {
        // Flip bits in the middle of the signature (the last character may hold padding bits).
        const qsizetype at = compact.lastIndexOf('.') + 10;
        compact[at] = compact[at] == 'A' ? 'B' : 'A';
    } else {
        compact = tamperPayload(compact);
    }
    const Result<JsonWebToken> token =
        verifyJwt(compact, setOf({testkeys::publicJwk(key.get())}), checksAt(kNow));
    QVERIFY(!token);
    QCOMPARE(token.error().code, ErrorCode::InvalidToken);
    // A tampered payload may no longer be JSON; otherwise the signature must fail.
    QVERIFY2(token.error().detail == QLatin1String("signature does not verify") ||
                 token.error().detail.contains(QLatin1String("payload")),
             qPrintable(token.error().detail));
}

void TestJwt::parseJwt_withAlgNoneOrHmac_isRefused()
{
    const QByteArray payload = testkeys::encodeJson(claimsAt(kNow));
    for (const char* alg : {"none", "None", "HS256", "RS512", ""}) {
        const QByteArray header = testkeys::encodeJson(QJsonObject{{"alg", alg}});
        const Result<JsonWebToken> token = parseJwt(header + '.' + payload + ".c2ln");
        QVERIFY2(!token, alg);
        QVERIFY2(token.error().detail.contains(QLatin1String("not accepted")),
                 qPrintable(token.error().detail));
    }
    // An unsigned token ("alg":"none" with an empty signature) fails before even the alg check.
    const QByteArray none = testkeys::encodeJson(QJsonObject{{"alg", "none"}});
    QVERIFY(!parseJwt(none + '.' + payload + '.'));
}

void TestJwt::parseJwt_malformed_isRefused()
{
    const testkeys::Pkey key = testkeys::generateEd25519();
    const QByteArray good = testkeys::signJwt(key.get(), "EdDSA", claimsAt(kNow));
    QVERIFY(parseJwt(good));
    const QList<QByteArray> parts = good.split('.');
    QVERIFY(!parseJwt(parts[0] + '.' + parts[1]));                  // two parts
    QVERIFY(!parseJwt(good + ".x.y"));                              // five parts (JWE)
    QVERIFY(!parseJwt("bm90IGpzb24." + parts[1] + '.' + parts[2])); // header not JSON
    QVERIFY(!parseJwt(parts[0] + ".W10." + parts[2]));              // payload an array
    const QByteArray crit = testkeys::encodeJson(
        QJsonObject{{"alg", "EdDSA"}, {"crit", QJsonArray{"exp"}}, {"exp", 1}});
    const Result<JsonWebToken> critical = parseJwt(crit + '.' + parts[1] + '.' + parts[2]);
    QVERIFY(!critical);
    QVERIFY(critical.error().detail.contains(QLatin1String("extensions")));
}

void TestJwt::verifyJwt_withAlgorithmNotMatchingKeyType_isRefused()
{
    // An RSA key published, a token whose header claims ES256 signed with an EC key that has
    // the same kid: the RSA key must not be used for ES256, nor the EC signature accepted.
    const testkeys::Pkey rsa = testkeys::generateRsa();
    const testkeys::Pkey ec = testkeys::generateP256();
    const QByteArray compact = testkeys::signJwt(ec.get(), "ES256", claimsAt(kNow), "k1");
    const Result<JsonWebToken> token =
        verifyJwt(compact, setOf({testkeys::publicJwk(rsa.get(), "k1")}), checksAt(kNow));
    QVERIFY(!token);
    QCOMPARE(token.error().detail, QStringLiteral("no key in the key set accepts ES256"));

    // The key itself refuses an algorithm of another family before any cryptography.
    const Result<JsonWebKey> rsaKey = JsonWebKey::fromJson(testkeys::publicJwk(rsa.get()));
    QVERIFY(rsaKey);
    const Result<void> direct = rsaKey->verify(JwsAlgorithm::EdDSA, "a.b", "sig");
    QVERIFY(!direct);
    QCOMPARE(direct.error().detail, QStringLiteral("algorithm EdDSA does not match the key"));
}

void TestJwt::verifyJwt_withKeyRestrictedToOtherAlgorithm_isRefused()
{
    const testkeys::Pkey rsa = testkeys::generateRsa();
    QJsonObject jwk = testkeys::publicJwk(rsa.get(), "k1");
    jwk[QStringLiteral("alg")] = QStringLiteral("PS256");
    const QByteArray rs256 = testkeys::signJwt(rsa.get(), "RS256", claimsAt(kNow), "k1");
    QVERIFY(!verifyJwt(rs256, setOf({jwk}), checksAt(kNow)));
    const QByteArray ps256 = testkeys::signJwt(rsa.get(), "PS256", claimsAt(kNow), "k1");
    QVERIFY(verifyJwt(ps256, setOf({jwk}), checksAt(kNow)));
}

void TestJwt::verifyJwt_picksKeyByKid_andReportsUnknownKid()
{
    const testkeys::Pkey first = testkeys::generateP256();
    const testkeys::Pkey second = testkeys::generateP256();
    const JsonWebKeySet set =
        setOf({testkeys::publicJwk(first.get(), "k1"), testkeys::publicJwk(second.get(), "k2")});
    QCOMPARE(set.keys().size(), 2);
    QVERIFY(verifyJwt(testkeys::signJwt(second.get(), "ES256", claimsAt(kNow), "k2"), set,
                      checksAt(kNow)));
    // Signed by the second key but naming the first: the named key alone is tried.
    const Result<JsonWebToken> wrongKid = verifyJwt(
        testkeys::signJwt(second.get(), "ES256", claimsAt(kNow), "k1"), set, checksAt(kNow));
    QVERIFY(!wrongKid);
    QCOMPARE(wrongKid.error().detail, QStringLiteral("signature does not verify"));
    const Result<JsonWebToken> unknown = verifyJwt(
        testkeys::signJwt(second.get(), "ES256", claimsAt(kNow), "k9"), set, checksAt(kNow));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().detail, QStringLiteral("no key 'k9' in the provider's key set"));
    // Without kid every key of the type is tried.
    QVERIFY(
        verifyJwt(testkeys::signJwt(second.get(), "ES256", claimsAt(kNow)), set, checksAt(kNow)));
}

void TestJwt::checkClaims_timesWithLeeway_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QString>("error"); // empty: accepted
    const qint64 now = kNow.toSecsSinceEpoch();
    QJsonObject claims = claimsAt(kNow);
    QTest::newRow("valid") << claims << QString();
    claims[QStringLiteral("exp")] = double(now - 20);
    QTest::newRow("expired within leeway") << claims << QString();
    claims[QStringLiteral("exp")] = double(now - 31);
    QTest::newRow("expired") << claims
                             << QStringLiteral("token expired at 2024-05-01 09:59:29 UTC");
    claims = claimsAt(kNow);
    claims[QStringLiteral("nbf")] = double(now + 60);
    QTest::newRow("not yet valid")
        << claims << QStringLiteral("token not valid before 2024-05-01 10:01:00 UTC");
    claims = claimsAt(kNow);
    claims[QStringLiteral("iat")] = double(now + 3600);
    QTest::newRow("issued in the future")
        << claims << QStringLiteral("token issued in the future, at 2024-05-01 11:00:00 UTC");
    claims = claimsAt(kNow);
    claims.remove(QStringLiteral("exp"));
    QTest::newRow("no expiry") << claims << QStringLiteral("the token has no expiry");
    claims[QStringLiteral("exp")] = QStringLiteral("tomorrow");
    QTest::newRow("expiry not a number")
        << claims << QStringLiteral("the claim 'exp' is not a number");
}

void TestJwt::checkClaims_timesWithLeeway()
{
    QFETCH(QJsonObject, claims);
    QFETCH(QString, error);
    const Result<void> result = checkClaims(claims, checksAt(kNow));
    if (error.isEmpty()) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
    } else {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidToken);
        QCOMPARE(result.error().detail, error);
    }
}

void TestJwt::checkClaims_audienceIssuerNonce_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value"); // undefined: removed
    QTest::addColumn<QString>("error");
    QTest::newRow("aud array containing us")
        << "aud" << QJsonValue(QJsonArray{"other", kClient}) << QString();
    QTest::newRow("aud other") << "aud" << QJsonValue("other")
                               << "audience 'other' not accepted (expected 'fenestra')";
    QTest::newRow("aud array without us") << "aud" << QJsonValue(QJsonArray{"a", "b"})
                                          << "audience 'a,b' not accepted (expected 'fenestra')";
    QTest::newRow("aud missing") << "aud" << QJsonValue(QJsonValue::Undefined)
                                 << "audience '' not accepted (expected 'fenestra')";
    QTest::newRow("iss other") << "iss" << QJsonValue("https://evil.example")
                               << "issuer 'https://evil.example' not accepted (expected "
                                  "'https://idp.example.org')";
    QTest::newRow("iss with trailing slash")
        << "iss" << QJsonValue(kIssuer + '/')
        << "issuer 'https://idp.example.org/' not accepted (expected 'https://idp.example.org')";
    QTest::newRow("nonce other") << "nonce" << QJsonValue("replayed")
                                 << "the token's nonce does not match the login request";
    QTest::newRow("nonce missing") << "nonce" << QJsonValue(QJsonValue::Undefined)
                                   << "the token's nonce does not match the login request";
}

void TestJwt::checkClaims_audienceIssuerNonce()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QJsonObject claims = claimsAt(kNow);
    if (value.isUndefined())
        claims.remove(member);
    else
        claims[member] = value;
    const Result<void> result = checkClaims(claims, checksAt(kNow));
    if (error.isEmpty()) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
        return;
    }
    QVERIFY(!result);
    QCOMPARE(result.error().detail, error);
}

void TestJwt::jsonWebKey_invalidKeys_areRefusedWithReason()
{
    const testkeys::Pkey weak = testkeys::generateRsa(1024);
    const Result<JsonWebKey> shortRsa = JsonWebKey::fromJson(testkeys::publicJwk(weak.get()));
    QVERIFY(!shortRsa);
    QCOMPARE(shortRsa.error().detail, QStringLiteral("RSA key of 1024 bits is too short"));

    const testkeys::Pkey ec = testkeys::generateP256();
    QJsonObject offCurve = testkeys::publicJwk(ec.get());
    QByteArray y = *pkce::base64UrlDecode(offCurve.value("y").toString().toLatin1());
    y[31] = char(y[31] ^ 1);
    offCurve[QStringLiteral("y")] = testkeys::b64(y);
    const Result<JsonWebKey> notOnCurve = JsonWebKey::fromJson(offCurve);
    QVERIFY(!notOnCurve);
    QCOMPARE(notOnCurve.error().detail,
             QStringLiteral("the key's parameters are not a valid public key"));

    QJsonObject shortX = testkeys::publicJwk(ec.get());
    shortX[QStringLiteral("x")] = QStringLiteral("AAAA");
    QCOMPARE(JsonWebKey::fromJson(shortX).error().detail,
             QStringLiteral("a P-256 coordinate must be 32 bytes long"));

    QCOMPARE(JsonWebKey::fromJson(QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0"}}).error().detail,
             QStringLiteral("unsupported key type 'oct'"));
    QCOMPARE(JsonWebKey::fromJson(QJsonObject{{"kty", "EC"}, {"crv", "P-384"}}).error().detail,
             QStringLiteral("unsupported EC curve 'P-384'"));
    QJsonObject mislabelled = testkeys::publicJwk(ec.get());
    mislabelled[QStringLiteral("alg")] = QStringLiteral("RS256");
    QVERIFY(!JsonWebKey::fromJson(mislabelled));
}

void TestJwt::jsonWebKeySet_skipsEncryptionAndUnknownKeys()
{
    const testkeys::Pkey rsa = testkeys::generateRsa();
    const testkeys::Pkey ed = testkeys::generateEd25519();
    QJsonObject encryption = testkeys::publicJwk(rsa.get(), "enc1");
    encryption[QStringLiteral("use")] = QStringLiteral("enc");
    const JsonWebKeySet set = setOf({encryption, testkeys::publicJwk(ed.get(), "sig1"),
                                     QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0"}}});
    QCOMPARE(set.keys().size(), 1);
    QCOMPARE(set.skippedKeys(), 2);
    QVERIFY(set.containsKeyId("sig1"));
    QVERIFY(!set.containsKeyId("enc1"));
    QVERIFY(!JsonWebKeySet::fromJson("{\"keys\": {}}"));
    QVERIFY(!JsonWebKeySet::fromJson("not json"));
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
