// The test federation's enforcement at the archives (issue 6), with raw HTTP requests that carry
// real tokens of the real provider: three Orthancs (hospital-a, -b, -c) each running
// orthanc_policy.py, the consent registry, and patients held under different local ids. The
// matrix: requesting hospital (a, b) x holding hospital (a, b, c) x consent state (none, active,
// withdrawn, expired, deny) x purpose (treatment, break-glass emergency): exactly the expected
// studies are returned, direct retrievals by UID are refused when not allowed, break-glass is
// logged at the archive, and a withdrawn consent refuses the very next request.

#include "support/federation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

const QString kA = QStringLiteral("hospital-a");
const QString kB = QStringLiteral("hospital-b");
const QString kC = QStringLiteral("hospital-c");
const QString kReason = QStringLiteral("unconscious patient in the emergency room");
constexpr int kBreakGlassTtl = 120;

QSet<QString> studyUids(const QByteArray& qidoJson)
{
    QSet<QString> uids;
    for (const QJsonValue& study : QJsonDocument::fromJson(qidoJson).array())
        uids.insert(study.toObject()
                        .value(QLatin1String("0020000D"))
                        .toObject()
                        .value(QLatin1String("Value"))
                        .toArray()
                        .first()
                        .toString());
    return uids;
}

QByteArray percent(const QString& value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

class TestFederationPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatedIdentity_nationalIdsValidAndLocalIdsDiffer();
    void breakGlassToken_carriesEmergencyPurposeReasonAndShortLifetime();
    void breakGlassToken_withoutReason_isRefusedAndRefreshTokenStillWorks();
    void matrix_data();
    void matrix();
    void consentAnswer_isCachedBriefly();
    void unknownStudyUid_fromOtherHospital_isRefusedNotAnsweredEmpty();
    void otherHospital_writesAndNonDicomWeb_areRefused();
    void searchAcrossAllPatients_fromOtherHospital_onlyWhenEveryMatchConsented();
    void searchByNationalId_fromOtherHospital_findsConsentedPatient();
    void registryDown_otherHospitalRefused_ownHospitalStillServed(); // last: kills the registry
    void cleanupTestCase();

private:
    HttpResult get(const QString& tenant, const QByteArray& target, const QByteArray& token);
    // Puts the consent state of anna (none, active, withdrawn, expired, deny) unless it is
    // already so, then waits for the archives' consent cache to forget the old answer.
    void setAnnaConsent(const QString& state);
    QByteArray token(const QString& tenant, bool emergency) const
    {
        return (emergency ? m_emergency : m_treatment).value(tenant);
    }

    std::unique_ptr<TestFederation> m_federation;
    QMap<QString, QByteArray> m_treatment; // tenant -> access token (TREAT)
    QMap<QString, QByteArray> m_emergency; // tenant -> break-glass access token (EMER)
    QString m_annaState = QStringLiteral("none");
};

void TestFederationPolicy::initTestCase()
{
    TestFederation::Options options;
    options.breakGlassTtlSeconds = kBreakGlassTtl;
    m_federation = std::make_unique<TestFederation>(options);
    QVERIFY2(m_federation->start(), qPrintable(m_federation->lastError()));
    for (const QString& tenant : {kA, kB}) {
        const TokenSet tokens = m_federation->tokensFor(tenant);
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_treatment.insert(tenant, tokens.accessToken);
        const TokenSet glass =
            m_federation->provider().breakGlassTokens(tokens.refreshToken, kReason);
        QVERIFY2(glass.ok(), qPrintable(glass.error));
        m_emergency.insert(tenant, glass.accessToken);
    }
}

void TestFederationPolicy::cleanupTestCase()
{
    m_federation.reset();
}

HttpResult TestFederationPolicy::get(const QString& tenant, const QByteArray& target,
                                     const QByteArray& token)
{
    return httpRequest(m_federation->orthanc(tenant).httpPort(), "GET", target, {},
                       {{"Authorization", "Bearer " + token}, {"Accept", "application/json"}}, 15s);
}

void TestFederationPolicy::generatedIdentity_nationalIdsValidAndLocalIdsDiffer()
{
    const QList<FederationPatient> patients = m_federation->patients();
    QCOMPARE(patients.size(), 4);
    for (const FederationPatient& patient : patients) {
        QVERIFY2(TestFederation::checkNationalId(patient.nationalId),
                 qPrintable(patient.nationalId));
        QCOMPARE(patient.nationalId.left(8), patient.birthDate.toString(u"yyyyMMdd"));
    }
    const FederationPatient anna = m_federation->patient(QStringLiteral("anna"));
    QCOMPARE(QSet<QString>(anna.localIds.begin(), anna.localIds.end()).size(), 3);
    const FederationPatient marc = m_federation->patient(QStringLiteral("marc"));
    QCOMPARE(marc.studyUids(kB), marc.studyUids(kC)); // the dedup case
    QVERIFY(marc.studyUids(kA) != marc.studyUids(kB));
    const FederationPatient jean1 = m_federation->patient(QStringLiteral("jean1"));
    const FederationPatient jean2 = m_federation->patient(QStringLiteral("jean2"));
    QCOMPARE(jean1.patientName, jean2.patientName);
    QCOMPARE(jean1.birthDate, jean2.birthDate);
    QVERIFY(jean1.nationalId != jean2.nationalId);
    // A corrupted check digit is caught.
    QString wrong = anna.nationalId;
    wrong[12] = QChar(u'0' + (wrong.at(12).digitValue() + 1) % 10);
    QVERIFY(!TestFederation::checkNationalId(wrong));

    // The archive holds the identity as documented: local id, its issuer, the national id.
    const HttpResult meta = m_federation->orthanc(kB).get(
        "/dicom-web/studies/" + anna.studyUids(kB).first().toLatin1() + "/metadata");
    QCOMPARE(meta.status, 200);
    const QJsonObject first = QJsonDocument::fromJson(meta.body).array().first().toObject();
    auto value = [&](const QJsonObject& o, const char* tag) {
        return o.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
    };
    QCOMPARE(value(first, "00100020").first().toString(), anna.localIds.value(kB));
    QCOMPARE(value(first, "00100021").first().toString(), kB);
    const QJsonObject other = value(first, "00101002").first().toObject();
    QCOMPARE(value(other, "00100020").first().toString(), anna.nationalId);
    QCOMPARE(value(other, "00100021").first().toString(), TestFederation::nationalIdIssuer());
}

void TestFederationPolicy::breakGlassToken_carriesEmergencyPurposeReasonAndShortLifetime()
{
    const QJsonObject claims = jwtClaims(m_emergency.value(kB));
    const QJsonObject purpose = claims.value(QLatin1String("extensions"))
                                    .toObject()
                                    .value(QLatin1String("ihe_iua"))
                                    .toObject()
                                    .value(QLatin1String("purpose_of_use"))
                                    .toObject();
    QCOMPARE(purpose.value(QLatin1String("code")).toString(), QStringLiteral("EMER"));
    QCOMPARE(claims.value(QLatin1String("break_glass")).toObject().value(QLatin1String("reason")),
             QJsonValue(kReason));
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger() -
                 claims.value(QLatin1String("iat")).toInteger(),
             kBreakGlassTtl);
    QCOMPARE(claims.value(QLatin1String("organisation")).toString(), kB);
    const QJsonObject ordinary = jwtClaims(m_treatment.value(kB));
    QVERIFY(!ordinary.contains(QLatin1String("break_glass")));
    QCOMPARE(ordinary.value(QLatin1String("exp")).toInteger() -
                 ordinary.value(QLatin1String("iat")).toInteger(),
             300);
}

void TestFederationPolicy::breakGlassToken_withoutReason_isRefusedAndRefreshTokenStillWorks()
{
    const TokenSet tokens = m_federation->tokensFor(kB);
    QVERIFY2(tokens.ok(), qPrintable(tokens.error));
    const TokenSet noReason =
        m_federation->provider().breakGlassTokens(tokens.refreshToken, QStringLiteral("  "));
    QVERIFY(!noReason.ok());
    QVERIFY2(noReason.error.contains(QLatin1String("invalid_request")) &&
                 noReason.error.contains(QLatin1String("break_glass_reason required")),
             qPrintable(noReason.error));
    const TokenSet badPurpose = m_federation->provider().breakGlassTokens(
        tokens.refreshToken, kReason, QStringLiteral("HRESCH"));
    QVERIFY2(badPurpose.error.contains(QLatin1String("purpose_of_use must be EMER or ETREAT")),
             qPrintable(badPurpose.error));
    // Refused before the refresh token was used up: it still works, and an ordinary refresh
    // after an emergency one is back to treatment.
    const TokenSet glass =
        m_federation->provider().breakGlassTokens(tokens.refreshToken, kReason, "ETREAT");
    QVERIFY2(glass.ok(), qPrintable(glass.error));
    const TokenSet back = m_federation->provider().refreshTokens(glass.refreshToken);
    QVERIFY2(back.ok(), qPrintable(back.error));
    const QJsonObject claims = jwtClaims(back.accessToken);
    QVERIFY(!claims.contains(QLatin1String("break_glass")));
    QCOMPARE(claims.value(QLatin1String("extensions"))
                 .toObject()
                 .value(QLatin1String("ihe_iua"))
                 .toObject()
                 .value(QLatin1String("purpose_of_use"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("TREAT"));
}

void TestFederationPolicy::setAnnaConsent(const QString& state)
{
    if (state == m_annaState)
        return;
    ConsentRegistry& registry = m_federation->registry();
    ConsentSpec spec = m_federation->consentFor(QStringLiteral("anna"), {kA, kB});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    spec.periodStart = now.addDays(-30);
    spec.periodEnd = now.addDays(30);
    if (state == QLatin1String("none")) {
        QVERIFY(registry.clear());
    } else {
        if (state == QLatin1String("withdrawn"))
            spec.status = QStringLiteral("inactive");
        if (state == QLatin1String("expired"))
            spec.periodEnd = now.addDays(-1);
        if (state == QLatin1String("deny"))
            spec.provisionType = QStringLiteral("deny");
        QVERIFY2(registry.putConsent(spec), qPrintable(registry.lastError()));
    }
    m_annaState = state;
    // The archives reuse a registry answer this long (the documented cache), then ask again.
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
}

void TestFederationPolicy::matrix_data()
{
    QTest::addColumn<QString>("consent");
    QTest::addColumn<QString>("requesting");
    QTest::addColumn<QString>("holding");
    QTest::addColumn<bool>("emergency");
    QTest::addColumn<bool>("allowed");
    // In this order: "withdrawn" follows "active", so its first row is the request right after
    // the withdrawal.
    for (const char* consent : {"none", "active", "withdrawn", "expired", "deny"})
        for (const QString& requesting : {kA, kB})
            for (const QString& holding : {kA, kB, kC})
                for (const bool emergency : {false, true}) {
                    // Own hospital always; break-glass always; otherwise an active permit
                    // covering both hospitals (the consent names hospital-a and hospital-b).
                    const bool allowed = requesting == holding || emergency ||
                                         (qstrcmp(consent, "active") == 0 && holding != kC);
                    QTest::addRow("%s/%s->%s/%s", consent, qPrintable(requesting.right(1)),
                                  qPrintable(holding.right(1)), emergency ? "EMER" : "TREAT")
                        << QString::fromLatin1(consent) << requesting << holding << emergency
                        << allowed;
                }
}

void TestFederationPolicy::matrix()
{
    QFETCH(QString, consent);
    QFETCH(QString, requesting);
    QFETCH(QString, holding);
    QFETCH(bool, emergency);
    QFETCH(bool, allowed);
    setAnnaConsent(consent);
    const FederationPatient anna = m_federation->patient(QStringLiteral("anna"));
    const FederationStudy study = anna.studies.value(holding).first();
    const QByteArray bearer = token(requesting, emergency);
    const qsizetype logBefore = m_federation->archiveLog(holding).size();

    // QIDO for the patient by this hospital's local id.
    const HttpResult search = get(
        holding, "/dicom-web/studies?PatientID=" + percent(anna.localIds.value(holding)), bearer);
    if (allowed) {
        QCOMPARE(search.status, 200);
        QCOMPARE(studyUids(search.body), QSet<QString>{study.studyUid});
    } else {
        QCOMPARE(search.status, 403);
        QVERIFY(!search.body.contains(study.studyUid.toLatin1()));
    }
    // Direct requests by UID: the series of the study, and one instance (WADO-RS).
    const QByteArray studyPath = "/dicom-web/studies/" + study.studyUid.toLatin1();
    const HttpResult series = get(holding, studyPath + "/series", bearer);
    QCOMPARE(series.status, allowed ? 200 : 403);
    const QByteArray instancePath = studyPath + "/series/" + study.seriesUids.first().toLatin1() +
                                    "/instances/" + study.sopInstanceUids.first().toLatin1();
    const HttpResult instance =
        httpRequest(m_federation->orthanc(holding).httpPort(), "GET", instancePath, {},
                    {{"Authorization", "Bearer " + bearer},
                     {"Accept", "multipart/related; type=application/dicom"}},
                    15s);
    QCOMPARE(instance.status, allowed ? 200 : 403);
    if (allowed)
        QVERIFY(instance.body.contains("DICM"));
    else
        QVERIFY(!instance.body.contains("DICM"));

    const QByteArray log = m_federation->archiveLog(holding).mid(logBefore);
    const QByteArray breakGlassLine = "fenestra-policy: break-glass by " +
                                      m_federation->userOf(requesting).username.toUtf8() +
                                      " from " + requesting.toUtf8() + ": " + kReason.toUtf8();
    QCOMPARE(log.contains(breakGlassLine), emergency && requesting != holding);
    if (!allowed)
        QVERIFY2(log.contains("fenestra-policy: refused GET /dicom-web/studies"), log.constData());
    // No patient data in the archive's policy lines.
    for (const QByteArray& line : log.split('\n'))
        if (line.contains("fenestra-policy")) {
            QVERIFY2(!line.contains("Muller") && !line.contains(anna.nationalId.toLatin1()) &&
                         !line.contains(study.studyUid.toLatin1()) &&
                         !line.contains(anna.localIds.value(holding).toLatin1()),
                     line.constData());
        }
}

void TestFederationPolicy::consentAnswer_isCachedBriefly()
{
    setAnnaConsent(QStringLiteral("active"));
    const FederationPatient anna = m_federation->patient(QStringLiteral("anna"));
    const QByteArray target = "/dicom-web/studies?PatientID=" + percent(anna.localIds.value(kA));
    const int before = m_federation->registry().searchCount();
    QCOMPARE(get(kA, target, token(kB, false)).status, 200);
    QCOMPARE(get(kA, target, token(kB, false)).status, 200);
    QCOMPARE(m_federation->registry().searchCount(), before + 1);
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
    QCOMPARE(get(kA, target, token(kB, false)).status, 200);
    QCOMPARE(m_federation->registry().searchCount(), before + 2);
}

void TestFederationPolicy::unknownStudyUid_fromOtherHospital_isRefusedNotAnsweredEmpty()
{
    const QByteArray target = "/dicom-web/studies/2.25.1234567890/series";
    QCOMPARE(get(kA, target, token(kB, false)).status, 403);
    const HttpResult own = get(kA, target, token(kA, false)); // Orthanc: an empty answer
    QCOMPARE(own.status, 200);
    QCOMPARE(QJsonDocument::fromJson(own.body).array().size(), 0);
}

void TestFederationPolicy::otherHospital_writesAndNonDicomWeb_areRefused()
{
    setAnnaConsent(QStringLiteral("active"));
    const quint16 port = m_federation->orthanc(kA).httpPort();
    for (const bool emergency : {false, true}) {
        const HttpResult post = httpRequest(port, "POST", "/dicom-web/studies", "x",
                                            {{"Authorization", "Bearer " + token(kB, emergency)},
                                             {"Content-Type", "application/dicom"}});
        QCOMPARE(post.status, 403);
        QCOMPARE(get(kA, "/patients", token(kB, emergency)).status, 403);
    }
    QCOMPARE(get(kA, "/patients", token(kA, false)).status, 200);
    const QByteArray log = m_federation->archiveLog(kA);
    QVERIFY(log.contains("fenestra-policy: refused POST /dicom-web/studies: other hospitals may "
                         "only read"));
    QVERIFY(log.contains("fenestra-policy: refused GET /patients: only DICOMweb for other "
                         "hospitals"));
}

void TestFederationPolicy::searchAcrossAllPatients_fromOtherHospital_onlyWhenEveryMatchConsented()
{
    ConsentRegistry& registry = m_federation->registry();
    QVERIFY(registry.clear());
    m_annaState = QStringLiteral("none");
    QSet<QString> all; // every study held by hospital-a
    for (const FederationPatient& patient : m_federation->patients())
        for (const QString& uid : patient.studyUids(kA))
            all.insert(uid);
    QCOMPARE(all.size(), 3); // anna, marc, jean1

    const HttpResult own = get(kA, "/dicom-web/studies", token(kA, false));
    QCOMPARE(own.status, 200);
    QCOMPARE(studyUids(own.body), all);
    QCOMPARE(get(kA, "/dicom-web/studies", token(kB, false)).status, 403);

    for (const char* key : {"anna", "marc", "jean1"})
        QVERIFY(registry.putConsent(m_federation->consentFor(QString::fromLatin1(key), {kA, kB})));
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
    const HttpResult consented = get(kA, "/dicom-web/studies", token(kB, false));
    QCOMPARE(consented.status, 200);
    QCOMPARE(studyUids(consented.body), all);
    // The ambiguity pair: a name + birth date search matches only jean1 here (jean2 is at
    // hospital-b): allowed while jean1 consents.
    const HttpResult byName =
        get(kA, "/dicom-web/studies?PatientName=Schmit^Jean&PatientBirthDate=19850620",
            token(kB, false));
    QCOMPARE(byName.status, 200);
    QCOMPARE(studyUids(byName.body),
             QSet<QString>{m_federation->patient(QStringLiteral("jean1")).studyUids(kA).first()});

    QVERIFY(registry.removeConsent(QStringLiteral("consent-marc")));
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
    QCOMPARE(get(kA, "/dicom-web/studies", token(kB, false)).status, 403);
    // A search naming only jean1 is unaffected by marc's withdrawal.
    QCOMPARE(get(kA, "/dicom-web/studies?PatientName=Schmit^Jean", token(kB, false)).status, 200);
    QVERIFY(registry.clear());
}

void TestFederationPolicy::searchByNationalId_fromOtherHospital_findsConsentedPatient()
{
    ConsentRegistry& registry = m_federation->registry();
    const FederationPatient anna = m_federation->patient(QStringLiteral("anna"));
    // Other Patient IDs (0010,1000) by its tag: see federation.h.
    const QByteArray target = "/dicom-web/studies?00101000=" + percent(anna.nationalId);
    QVERIFY(registry.putConsent(m_federation->consentFor(QStringLiteral("anna"), {kA, kB, kC})));
    m_annaState = QStringLiteral("all");
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
    for (const QString& holding : {kA, kB, kC}) {
        const HttpResult result = get(holding, target, token(kA, false));
        QCOMPARE(result.status, 200);
        QCOMPARE(studyUids(result.body), QSet<QString>{anna.studyUids(holding).first()});
    }
    // The keyword is not applied by Orthanc's QIDO (every study would match): the policy then
    // checks every patient, and marc and jean1 have no consent.
    QCOMPARE(
        get(kA, "/dicom-web/studies?OtherPatientIDs=" + percent(anna.nationalId), token(kB, false))
            .status,
        403);
}

void TestFederationPolicy::registryDown_otherHospitalRefused_ownHospitalStillServed()
{
    const FederationPatient anna = m_federation->patient(QStringLiteral("anna"));
    QTest::qWait(TestFederation::Options{}.consentCacheMilliseconds + 150);
    m_federation->registry().kill();
    const QByteArray target = "/dicom-web/studies?PatientID=" + percent(anna.localIds.value(kA));
    QCOMPARE(get(kA, target, token(kB, false)).status, 403);
    QCOMPARE(get(kA, target, token(kA, false)).status, 200);
    QVERIFY(m_federation->archiveLog(kA).contains("consent registry unavailable"));
}

QTEST_GUILESS_MAIN(TestFederationPolicy)
#include "tst_federationpolicy.moc"
