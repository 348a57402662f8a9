// FHIR R4 Consent parsing and evaluation (net/consent/fhirconsent.h): who may see which
// hospital's images of a patient, for which purpose, when; table-driven.

#include "consent/fhirconsent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fenestra::net;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(ConsentOutcome)

namespace {

const QDateTime kNow(QDate(2025, 6, 15), QTime(12, 0), Qt::UTC);

QJsonObject actor(const QString& tenant, const QString& role = {})
{
    QJsonObject json{{"reference"_L1, QJsonObject{{"reference"_L1, "Organization/"_L1 + tenant}}}};
    if (!role.isEmpty())
        json.insert("role"_L1,
                    QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"code"_L1, role}}}}});
    return json;
}

// A consent as JSON: status, type, actors (tenant or tenant:ROLE), purposes, period.
QJsonObject consent(const QString& id, const QString& status, const QString& type,
                    const QStringList& actors, const QStringList& purposes = {"TREAT"_L1},
                    const QString& start = {}, const QString& end = {})
{
    QJsonArray actorArray;
    for (const QString& a : actors)
        actorArray.append(actor(a.section(u':', 0, 0), a.section(u':', 1)));
    QJsonArray purposeArray;
    for (const QString& p : purposes)
        purposeArray.append(
            QJsonObject{{"system"_L1, "http://terminology.hl7.org/CodeSystem/v3-ActReason"_L1},
                        {"code"_L1, p}});
    QJsonObject provision{{"type"_L1, type}, {"actor"_L1, actorArray}};
    if (!purposes.isEmpty())
        provision.insert("purpose"_L1, purposeArray);
    QJsonObject period;
    if (!start.isEmpty())
        period.insert("start"_L1, start);
    if (!end.isEmpty())
        period.insert("end"_L1, end);
    if (!period.isEmpty())
        provision.insert("period"_L1, period);
    return {{"resourceType"_L1, "Consent"_L1},
            {"id"_L1, id},
            {"status"_L1, status},
            {"patient"_L1,
             QJsonObject{{"identifier"_L1, QJsonObject{{"system"_L1, "urn:fenestra:id:lu-rnpp"_L1},
                                                       {"value"_L1, "1972031412333"_L1}}}}},
            {"provision"_L1, provision}};
}

QList<Consent> parsed(const QList<QJsonObject>& resources)
{
    QList<Consent> list;
    for (const QJsonObject& resource : resources) {
        Result<Consent> one = parseConsent(resource);
        if (!one)
            qFatal("test consent does not parse: %s", qPrintable(one.error().toString()));
        list.append(*one);
    }
    return list;
}

} // namespace

class TestFhirConsent : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void parseConsent_readsFieldsAndNestedProvisions();
    void parseConsent_malformed_data();
    void parseConsent_malformed();
    void parseBundle_skipsBadEntryKeepsOthers_refusesNonBundle();
};

void TestFhirConsent::evaluate_data()
{
    QTest::addColumn<QList<QJsonObject>>("consents");
    QTest::addColumn<QString>("requesting");
    QTest::addColumn<QString>("holding");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<ConsentOutcome>("outcome");
    QTest::addColumn<QString>("consentId");

    const QString a = u"hospital-a"_s, b = u"hospital-b"_s, c = u"hospital-c"_s;
    const auto permitAB = consent(u"p1"_s, u"active"_s, u"permit"_s, {a, b});
    using O = ConsentOutcome;
    QTest::newRow("own hospital, no consent")
        << QList<QJsonObject>{} << a << a << u"TREAT"_s << O::Allowed << QString();
    QTest::newRow("own hospital despite deny")
        << QList<QJsonObject>{consent(u"d1"_s, u"active"_s, u"deny"_s, {})} << a << a << u"TREAT"_s
        << O::Allowed << QString();
    QTest::newRow("no consent") << QList<QJsonObject>{} << a << b << u"TREAT"_s << O::NoConsent
                                << QString();
    QTest::newRow("active permit covers both")
        << QList<QJsonObject>{permitAB} << a << b << u"TREAT"_s << O::Allowed << u"p1"_s;
    QTest::newRow("permit, holding not covered")
        << QList<QJsonObject>{permitAB} << a << c << u"TREAT"_s << O::NoConsent << QString();
    QTest::newRow("permit, other purpose")
        << QList<QJsonObject>{permitAB} << a << b << u"HRESCH"_s << O::NoConsent << QString();
    QTest::newRow("ETREAT satisfies TREAT")
        << QList<QJsonObject>{permitAB} << a << b << u"ETREAT"_s << O::Allowed << u"p1"_s;
    QTest::newRow("no purposes: any purpose")
        << QList<QJsonObject>{consent(u"p2"_s, u"active"_s, u"permit"_s, {a, b}, {})} << b << a
        << u"HRESCH"_s << O::Allowed << u"p2"_s;
    QTest::newRow("no actors: every organisation")
        << QList<QJsonObject>{consent(u"p3"_s, u"active"_s, u"permit"_s, {})} << b << c
        << u"TREAT"_s << O::Allowed << u"p3"_s;
    QTest::newRow("roles: custodian c, recipient a")
        << QList<QJsonObject>{consent(u"p4"_s, u"active"_s, u"permit"_s,
                                      {c + u":CST"_s, a + u":IRCP"_s})}
        << a << c << u"TREAT"_s << O::Allowed << u"p4"_s;
    QTest::newRow("roles: reversed direction refused")
        << QList<QJsonObject>{consent(u"p4"_s, u"active"_s, u"permit"_s,
                                      {c + u":CST"_s, a + u":IRCP"_s})}
        << c << a << u"TREAT"_s << O::NoConsent << QString();
    QTest::newRow("deny beats permit")
        << QList<QJsonObject>{permitAB, consent(u"d2"_s, u"active"_s, u"deny"_s, {a, b})} << a << b
        << u"TREAT"_s << O::Denied << u"d2"_s;
    QTest::newRow("within period")
        << QList<QJsonObject>{consent(u"p5"_s, u"active"_s, u"permit"_s, {a, b}, {u"TREAT"_s},
                                      u"2025-01-01"_s, u"2025-12-31"_s)}
        << a << b << u"TREAT"_s << O::Allowed << u"p5"_s;
    QTest::newRow("end date covers its whole day")
        << QList<QJsonObject>{consent(u"p6"_s, u"active"_s, u"permit"_s, {a, b}, {u"TREAT"_s}, {},
                                      u"2025-06-15"_s)}
        << a << b << u"TREAT"_s << O::Allowed << u"p6"_s;
    QTest::newRow("expired") << QList<QJsonObject>{consent(
                                    u"p7"_s, u"active"_s, u"permit"_s, {a, b}, {u"TREAT"_s},
                                    u"2024-01-01T00:00:00Z"_s, u"2025-06-15T11:59:59Z"_s)}
                             << a << b << u"TREAT"_s << O::Expired << u"p7"_s;
    QTest::newRow("not yet in force")
        << QList<QJsonObject>{consent(u"p8"_s, u"active"_s, u"permit"_s, {a, b}, {u"TREAT"_s},
                                      u"2025-07-01"_s)}
        << a << b << u"TREAT"_s << O::NoConsent << QString();
    QTest::newRow("withdrawn (inactive)")
        << QList<QJsonObject>{consent(u"w1"_s, u"inactive"_s, u"permit"_s, {a, b})} << a << b
        << u"TREAT"_s << O::Withdrawn << u"w1"_s;
    QTest::newRow("rejected counts as withdrawn")
        << QList<QJsonObject>{consent(u"w2"_s, u"rejected"_s, u"permit"_s, {a, b})} << b << a
        << u"TREAT"_s << O::Withdrawn << u"w2"_s;
    QTest::newRow("withdrawn then a new active permit")
        << QList<QJsonObject>{consent(u"w1"_s, u"inactive"_s, u"permit"_s, {a, b}), permitAB} << a
        << b << u"TREAT"_s << O::Allowed << u"p1"_s;
    QTest::newRow("draft and proposed are not in force")
        << QList<QJsonObject>{consent(u"x1"_s, u"draft"_s, u"permit"_s, {a, b}),
                              consent(u"x2"_s, u"proposed"_s, u"permit"_s, {a, b}),
                              consent(u"x3"_s, u"entered-in-error"_s, u"permit"_s, {a, b})}
        << a << b << u"TREAT"_s << O::NoConsent << QString();
    QTest::newRow("deny for another purpose leaves the permit")
        << QList<QJsonObject>{permitAB,
                              consent(u"d3"_s, u"active"_s, u"deny"_s, {a, b}, {u"HRESCH"_s})}
        << a << b << u"TREAT"_s << O::Allowed << u"p1"_s;
    // Nested: permit a and b, except hospital-b as holder (a nested deny naming it custodian).
    QJsonObject nested = permitAB;
    QJsonObject provision = nested.value("provision"_L1).toObject();
    provision.insert("provision"_L1,
                     QJsonArray{QJsonObject{{"type"_L1, "deny"_L1},
                                            {"actor"_L1, QJsonArray{actor(b, u"CST"_s)}}}});
    nested.insert("provision"_L1, provision);
    QTest::newRow("nested deny: exception for one holder")
        << QList<QJsonObject>{nested} << a << b << u"TREAT"_s << O::Denied << u"p1"_s;
    QTest::newRow("nested deny: other direction still permitted")
        << QList<QJsonObject>{nested} << b << a << u"TREAT"_s << O::Allowed << u"p1"_s;
}

void TestFhirConsent::evaluate()
{
    QFETCH(QList<QJsonObject>, consents);
    QFETCH(QString, requesting);
    QFETCH(QString, holding);
    QFETCH(QString, purpose);
    QFETCH(ConsentOutcome, outcome);
    QFETCH(QString, consentId);
    const ConsentDecision decision =
        evaluateConsent(parsed(consents), requesting, holding, purpose, kNow);
    QCOMPARE(decision.outcome, outcome);
    QCOMPARE(decision.consentId, consentId);
    QCOMPARE(decision.allowed(), outcome == ConsentOutcome::Allowed);
    QVERIFY(!decision.reason.isEmpty());
    if (outcome == ConsentOutcome::NoConsent)
        QCOMPARE(decision.reason, u"no consent on record"_s);
}

void TestFhirConsent::parseConsent_readsFieldsAndNestedProvisions()
{
    QJsonObject json = consent(u"c9"_s, u"active"_s, u"deny"_s, {u"hospital-a:CST"_s},
                               {u"TREAT"_s, u"ETREAT"_s}, u"2025-01-01T08:00:00+02:00"_s);
    QJsonObject provision = json.value("provision"_L1).toObject();
    provision.insert("provision"_L1, QJsonArray{QJsonObject{{"type"_L1, "permit"_L1}}});
    json.insert("provision"_L1, provision);
    const Result<Consent> result = parseConsent(json);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->id, u"c9"_s);
    QCOMPARE(result->status, ConsentStatus::Active);
    QCOMPARE(result->patientSystem, u"urn:fenestra:id:lu-rnpp"_s);
    QCOMPARE(result->patientValue, u"1972031412333"_s);
    QCOMPARE(result->provision.type, ProvisionType::Deny);
    QCOMPARE(result->provision.start, QDateTime(QDate(2025, 1, 1), QTime(6, 0), Qt::UTC));
    QVERIFY(!result->provision.end.isValid());
    QCOMPARE(result->provision.actors.size(), 1);
    QCOMPARE(result->provision.actors.first().tenant, u"hospital-a"_s);
    QCOMPARE(result->provision.actors.first().role, u"CST"_s);
    QCOMPARE(result->provision.purposes, (QStringList{u"TREAT"_s, u"ETREAT"_s}));
    QCOMPARE(result->provision.nested.size(), 1);
    QCOMPARE(result->provision.nested.first().type, ProvisionType::Permit);
    // An actor given by identifier.
    QJsonObject byIdentifier = consent(u"c10"_s, u"active"_s, u"permit"_s, {});
    QJsonObject p2 = byIdentifier.value("provision"_L1).toObject();
    p2.insert("actor"_L1,
              QJsonArray{QJsonObject{
                  {"reference"_L1, QJsonObject{{"identifier"_L1,
                                                QJsonObject{{"system"_L1, "urn:fenestra:tenant"_L1},
                                                            {"value"_L1, "hospital-c"_L1}}}}}}});
    byIdentifier.insert("provision"_L1, p2);
    const Result<Consent> second = parseConsent(byIdentifier);
    QVERIFY(second);
    QCOMPARE(second->provision.actors.first().tenant, u"hospital-c"_s);
    QVERIFY(second->provision.actors.first().role.isEmpty());
}

void TestFhirConsent::parseConsent_malformed_data()
{
    QTest::addColumn<QJsonObject>("resource");
    QTest::addColumn<QString>("detail");
    const QJsonObject good = consent(u"m"_s, u"active"_s, u"permit"_s, {u"hospital-a"_s});
    QJsonObject wrongType = good;
    wrongType.insert("resourceType"_L1, "Patient"_L1);
    QTest::newRow("not a Consent") << wrongType << u"resourceType is not Consent"_s;
    QJsonObject badStatus = good;
    badStatus.insert("status"_L1, "maybe"_L1);
    QTest::newRow("bad status") << badStatus << u"status \"maybe\" is not a Consent status"_s;
    QJsonObject noPatient = good;
    noPatient.remove("patient"_L1);
    QTest::newRow("no patient") << noPatient << u"patient has no reference or identifier"_s;
    QJsonObject noProvision = good;
    noProvision.remove("provision"_L1);
    QTest::newRow("no provision") << noProvision << u"no provision"_s;
    QJsonObject badProvision = good;
    QJsonObject p = good.value("provision"_L1).toObject();
    p.insert("type"_L1, "allow"_L1);
    badProvision.insert("provision"_L1, p);
    QTest::newRow("bad provision type")
        << badProvision << u"provision.type \"allow\" is not permit or deny"_s;
    QJsonObject badPeriod = good;
    p = good.value("provision"_L1).toObject();
    p.insert("period"_L1, QJsonObject{{"end"_L1, "next week"_L1}});
    badPeriod.insert("provision"_L1, p);
    QTest::newRow("bad period") << badPeriod << u"provision.period is not a FHIR dateTime"_s;
    QJsonObject badActor = good;
    p = good.value("provision"_L1).toObject();
    p.insert("actor"_L1,
             QJsonArray{QJsonObject{
                 {"reference"_L1, QJsonObject{{"reference"_L1, "Practitioner/7"_L1}}}}});
    badActor.insert("provision"_L1, p);
    QTest::newRow("actor not an organisation")
        << badActor << u"actor names no organisation (Organization/<id> or an identifier)"_s;
}

void TestFhirConsent::parseConsent_malformed()
{
    QFETCH(QJsonObject, resource);
    QFETCH(QString, detail);
    const Result<Consent> result = parseConsent(resource);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::MalformedConsent);
    QCOMPARE(result.error().detail, detail);
}

void TestFhirConsent::parseBundle_skipsBadEntryKeepsOthers_refusesNonBundle()
{
    QJsonObject bad = consent(u"bad"_s, u"active"_s, u"permit"_s, {});
    bad.insert("status"_L1, "sometimes"_L1);
    const QJsonObject bundle{
        {"resourceType"_L1, "Bundle"_L1},
        {"type"_L1, "searchset"_L1},
        {"entry"_L1,
         QJsonArray{
             QJsonObject{{"resource"_L1, consent(u"one"_s, u"active"_s, u"permit"_s, {})},
                         {"search"_L1, QJsonObject{{"mode"_L1, "match"_L1}}}},
             QJsonObject{{"resource"_L1, bad}},
             QJsonObject{{"resource"_L1, QJsonObject{{"resourceType"_L1, "OperationOutcome"_L1}}},
                         {"search"_L1, QJsonObject{{"mode"_L1, "outcome"_L1}}}},
             QJsonObject{{"resource"_L1, consent(u"two"_s, u"inactive"_s, u"deny"_s, {})}}}}};
    const Result<ConsentBundle> parsedBundle = parseConsentBundle(QJsonDocument(bundle).toJson());
    QVERIFY(parsedBundle);
    QCOMPARE(parsedBundle->consents.size(), 2);
    QCOMPARE(parsedBundle->consents.at(0).id, u"one"_s);
    QCOMPARE(parsedBundle->consents.at(1).id, u"two"_s);
    QCOMPARE(parsedBundle->skipped,
             QStringList{u"entry 1: status \"sometimes\" is not a Consent status"_s});
    const QJsonObject empty{{"resourceType"_L1, "Bundle"_L1}, {"type"_L1, "searchset"_L1}};
    QVERIFY(parseConsentBundle(QJsonDocument(empty).toJson())->consents.isEmpty());

    const Result<ConsentBundle> notBundle =
        parseConsentBundle(QJsonDocument(consent(u"x"_s, u"active"_s, u"permit"_s, {})).toJson());
    QVERIFY(!notBundle);
    QCOMPARE(notBundle.error().detail, u"not a FHIR Bundle"_s);
    const Result<ConsentBundle> notJson = parseConsentBundle("<html>");
    QVERIFY(!notJson);
    QCOMPARE(notJson.error().code, ErrorCode::MalformedConsent);
    QVERIFY(notJson.error().detail.startsWith("not JSON: "_L1));
}

QTEST_GUILESS_MAIN(TestFhirConsent)
#include "tst_fhirconsent.moc"
