// PKCE (RFC 7636) and the random values of an authorization request.

#include "auth/pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace fenestra::net;

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void challengeS256_ofRfc7636AppendixBVerifier_matchesRfc();
    void generateVerifier_ofAllowedLength_isBase64UrlAndFresh_data();
    void generateVerifier_ofAllowedLength_isBase64UrlAndFresh();
    void generateVerifier_outsideRfcLengths_isRefused_data();
    void generateVerifier_outsideRfcLengths_isRefused();
    void randomToken_isUnguessableAndUnique();
    void base64UrlDecode_refusesPaddingAndForeignCharacters();
};

void TestPkce::challengeS256_ofRfc7636AppendixBVerifier_matchesRfc()
{
    QCOMPARE(pkce::challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::generateVerifier_ofAllowedLength_isBase64UrlAndFresh_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("minimum") << 43;
    QTest::newRow("default") << 64;
    QTest::newRow("maximum") << 128;
}

void TestPkce::generateVerifier_ofAllowedLength_isBase64UrlAndFresh()
{
    QFETCH(int, length);
    const Result<QByteArray> first = pkce::generateVerifier(length);
    const Result<QByteArray> second = pkce::generateVerifier(length);
    QVERIFY(first && second);
    QCOMPARE(first->size(), length);
    QCOMPARE(second->size(), length);
    QVERIFY(*first != *second);
    // RFC 7636: unreserved characters only; base64url is a subset.
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QVERIFY(alphabet.match(QString::fromLatin1(*first)).hasMatch());
    QCOMPARE(pkce::challengeS256(*first).size(), 43);
}

void TestPkce::generateVerifier_outsideRfcLengths_isRefused_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("42") << 42;
    QTest::newRow("129") << 129;
    QTest::newRow("0") << 0;
}

void TestPkce::generateVerifier_outsideRfcLengths_isRefused()
{
    QFETCH(int, length);
    const Result<QByteArray> verifier = pkce::generateVerifier(length);
    QVERIFY(!verifier);
    QCOMPARE(verifier.error().code, ErrorCode::InvalidArgument);
    QVERIFY(verifier.error().detail.contains(QString::number(length)));
}

void TestPkce::randomToken_isUnguessableAndUnique()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const Result<QByteArray> token = pkce::randomToken();
        QVERIFY(token);
        QCOMPARE(token->size(), 43); // 32 bytes, base64url without padding
        seen.insert(*token);
    }
    QCOMPARE(seen.size(), 200);
    QVERIFY(!pkce::randomToken(8)); // too few bits to be unguessable
}

void TestPkce::base64UrlDecode_refusesPaddingAndForeignCharacters()
{
    QCOMPARE(pkce::base64UrlDecode("aGVsbG8_-w"), std::optional(QByteArray("hello?\xfb")));
    QVERIFY(!pkce::base64UrlDecode("aGVsbG8=")); // padding is not part of base64url in JOSE
    QVERIFY(!pkce::base64UrlDecode("aGVs+G8/")); // the standard alphabet's characters
    QVERIFY(!pkce::base64UrlDecode("aGVsb G8")); // whitespace
    QVERIFY(!pkce::base64UrlDecode("aGVsb"));    // a length no encoding produces
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
