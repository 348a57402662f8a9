// Patient identity across hospitals: Luxembourg national identification numbers (Luhn and
// Verhoeff check digits over the first 11 digits), patient keys, the identifiers of QIDO
// answers, and the grouping of study records into persons that never merges two people on
// name and birth date alone.

#include "federation/patientidentity.h"

#include <QTest>

using namespace fenestra::net;

Q_DECLARE_METATYPE(std::optional<fenestra::net::NinProblem>)

namespace {

// "tenant|patientId|issuerOfPatientId|otherIds|name|birthDate", otherIds as "id@issuer;id@"
// (nothing after '@': the retired Other Patient IDs, without issuer).
TenantStudy record(const QString& text, int index)
{
    const QStringList f = text.split(QLatin1Char('|'));
    TenantStudy r;
    r.tenantId = f.value(0);
    r.study.studyInstanceUid = QStringLiteral("1.2.826.0.1.%1").arg(index + 1);
    r.study.patientId = f.value(1);
    r.identifiers.issuerOfPatientId = f.value(2);
    for (const QString& other : f.value(3).split(QLatin1Char(';'), Qt::SkipEmptyParts))
        r.identifiers.otherIds.append(OtherPatientId{other.section(QLatin1Char('@'), 0, 0),
                                                     other.section(QLatin1Char('@'), 1, 1),
                                                     QStringLiteral("TEXT")});
    r.study.patientName = f.value(4);
    r.study.patientBirthDate = QDate::fromString(f.value(5), QStringLiteral("yyyyMMdd"));
    return r;
}

QString joined(const std::vector<int>& values)
{
    QStringList out;
    for (const int v : values)
        out.append(QString::number(v));
    return out.join(QLatin1Char(','));
}

// "records[ ~possibleMatches][ !namesakes][ ?]" per group, groups joined by " | ".
QString summary(const std::vector<PersonGroup>& groups)
{
    QStringList out;
    for (const PersonGroup& g : groups) {
        QString text = joined(g.records);
        if (!g.possibleMatches.empty())
            text += QStringLiteral(" ~") + joined(g.possibleMatches);
        if (!g.namesakes.empty())
            text += QStringLiteral(" !") + joined(g.namesakes);
        if (g.invalidNationalId)
            text += QStringLiteral(" ?");
        out.append(text);
    }
    return out.join(QStringLiteral(" | "));
}

} // namespace

class TestPatientIdentity : public QObject
{
    Q_OBJECT

private slots:
    void checkDigits_publishedNumbers_matchLuhnAndVerhoeffOverElevenDigits_data();
    void checkDigits_publishedNumbers_matchLuhnAndVerhoeffOverElevenDigits();
    void checkDigits_referenceValues();
    void checkLuxembourgNin_data();
    void checkLuxembourgNin();
    void normaliseNationalId_uncheckedScheme_acceptsAnyNonEmptyValue();
    void parsePatientIdentifiers_readsIssuerSequenceAndRetiredOtherIds();
    void parsePatientIdentifiers_notAnArray_isMalformed();
    void patientKeyOf_prefersTheValidatedNationalId();
    void normalisedPersonName_data();
    void normalisedPersonName();
    void groupPersons_data();
    void groupPersons();
    void groupPersons_sameNationalId_keepsEveryLocalKey();
};

void TestPatientIdentity::checkDigits_publishedNumbers_matchLuhnAndVerhoeffOverElevenDigits_data()
{
    // Numbers published with an independent implementation of the OECD description (its fifth,
    // "1993102814564", is left out: its last digit fails Verhoeff's own reference values below).
    QTest::addColumn<QString>("number");
    for (const char* n : {"1990093012358", "2001120308757", "1979122003208", "1966051507682"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestPatientIdentity::checkDigits_publishedNumbers_matchLuhnAndVerhoeffOverElevenDigits()
{
    QFETCH(QString, number);
    const QStringView first11 = QStringView(number).first(11);
    QCOMPARE(luhnCheckDigit(first11), number.at(11).digitValue());
    QCOMPARE(verhoeffCheckDigit(first11), number.at(12).digitValue());
    QCOMPARE(fenestra::net::checkLuxembourgNin(number), std::nullopt);
}

void TestPatientIdentity::checkDigits_referenceValues()
{
    // Luhn: "7992739871" + 3 (the classic example); Verhoeff: "236" + 3 and "12345" + 1.
    QCOMPARE(luhnCheckDigit(u"7992739871"), 3);
    QCOMPARE(verhoeffCheckDigit(u"236"), 3);
    QCOMPARE(verhoeffCheckDigit(u"12345"), 1);
    QCOMPARE(luhnCheckDigit(u""), -1);
    QCOMPARE(verhoeffCheckDigit(u"12a"), -1);
}

void TestPatientIdentity::checkLuxembourgNin_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<NinProblem>>("problem");
    const std::optional<NinProblem> valid;
    // Check digits computed for these birth dates and sequence numbers.
    QTest::newRow("valid 1980-01-01") << "1980010112302" << valid;
    QTest::newRow("valid 1975-06-15") << "1975061500146" << valid;
    QTest::newRow("valid leap day") << "2000022904237" << valid;
    QTest::newRow("valid with spaces") << "1963 1130 987 28" << valid;
    QTest::newRow("Luhn digit wrong") << "1980010112312" << std::optional(NinProblem::LuhnDigit);
    QTest::newRow("Verhoeff digit wrong")
        << "1980010112303" << std::optional(NinProblem::VerhoeffDigit);
    QTest::newRow("two digits swapped") << "1980010113202" << std::optional(NinProblem::LuhnDigit);
    QTest::newRow("30 February, digits right")
        << "1980023012340" << std::optional(NinProblem::BirthDate);
    QTest::newRow("month 13, digits right")
        << "1980130112364" << std::optional(NinProblem::BirthDate);
    QTest::newRow("12 digits") << "198001011230" << std::optional(NinProblem::Length);
    QTest::newRow("14 digits") << "19800101123021" << std::optional(NinProblem::Length);
    QTest::newRow("empty") << "" << std::optional(NinProblem::Length);
    QTest::newRow("letter") << "19800101123O2" << std::optional(NinProblem::NotDigits);
    QTest::newRow("dashes") << "19800101-123-02" << std::optional(NinProblem::NotDigits);
}

void TestPatientIdentity::checkLuxembourgNin()
{
    QFETCH(QString, text);
    QFETCH(std::optional<NinProblem>, problem);
    QCOMPARE(fenestra::net::checkLuxembourgNin(text), problem);
    const std::optional<QString> normalised =
        normaliseNationalId(text, NationalIdScheme::LuxembourgMatricule);
    QCOMPARE(normalised.has_value(), !problem.has_value());
    if (normalised)
        QCOMPARE(*normalised, QString(text).remove(QLatin1Char(' ')));
}

void TestPatientIdentity::normaliseNationalId_uncheckedScheme_acceptsAnyNonEmptyValue()
{
    QCOMPARE(normaliseNationalId(QStringLiteral(" AB 12 "), NationalIdScheme::Unchecked),
             std::optional(QStringLiteral("AB12")));
    QCOMPARE(normaliseNationalId(QStringLiteral("  "), NationalIdScheme::Unchecked), std::nullopt);
    QCOMPARE(normaliseNationalId(QStringLiteral("AB12"), NationalIdScheme::LuxembourgMatricule),
             std::nullopt);
}

void TestPatientIdentity::parsePatientIdentifiers_readsIssuerSequenceAndRetiredOtherIds()
{
    const QByteArray json = R"([
      {"0020000D": {"vr": "UI", "Value": ["1.2.3"]},
       "00100020": {"vr": "LO", "Value": ["CHL-0042"]},
       "00100021": {"vr": "LO", "Value": ["CHL"]},
       "00101002": {"vr": "SQ", "Value": [
          {"00100020": {"vr": "LO", "Value": ["1980010112302"]},
           "00100021": {"vr": "LO", "Value": ["LU-NIN"]},
           "00100022": {"vr": "CS", "Value": ["TEXT"]}},
          {"00100021": {"vr": "LO", "Value": ["EMPTY-ID"]}}]},
       "00101000": {"vr": "LO", "Value": ["X1", "X2\\X3"]}},
      {"0020000D": {"vr": "UI", "Value": ["1.2.4"]}}
    ])";
    const auto ids = parsePatientIdentifiers(json);
    QVERIFY2(ids.has_value(), ids ? "" : qPrintable(ids.error().toString()));
    QCOMPARE(ids->size(), std::size_t(2));
    const PatientIdentifiers& first = ids->at(0);
    QCOMPARE(first.issuerOfPatientId, QStringLiteral("CHL"));
    QCOMPARE(first.otherIds.size(), 4); // the item without an ID is dropped
    QCOMPARE(first.otherIds[0].id, QStringLiteral("1980010112302"));
    QCOMPARE(first.otherIds[0].issuer, QStringLiteral("LU-NIN"));
    QCOMPARE(first.otherIds[0].type, QStringLiteral("TEXT"));
    QCOMPARE(first.otherIds[1].id, QStringLiteral("X1"));
    QCOMPARE(first.otherIds[1].issuer, QString());
    QCOMPARE(first.otherIds[3].id, QStringLiteral("X3"));
    QVERIFY(ids->at(1).issuerOfPatientId.isEmpty());
    QVERIFY(ids->at(1).otherIds.isEmpty());
    QCOMPARE(parsePatientIdentifiers("")->size(), std::size_t(0));
}

void TestPatientIdentity::parsePatientIdentifiers_notAnArray_isMalformed()
{
    for (const QByteArray& body : {QByteArray("{}"), QByteArray("[1]"), QByteArray("[{")}) {
        const auto ids = parsePatientIdentifiers(body);
        QVERIFY(!ids.has_value());
        QCOMPARE(ids.error().code, ErrorCode::MalformedResponse);
    }
}

void TestPatientIdentity::patientKeyOf_prefersTheValidatedNationalId()
{
    NationalIdConfig config;
    const TenantStudy national = record("chl|CHL-1|CHL|1980010112302@LU-NIN|A^B|19800101", 0);
    QCOMPARE(patientKeyOf(national, config).toString(),
             QStringLiteral("national:LU-NIN:1980010112302"));
    const TenantStudy primary = record("hrs|1980010112302|lu-nin||A^B|19800101", 1);
    QCOMPARE(patientKeyOf(primary, config).toString(),
             QStringLiteral("national:LU-NIN:1980010112302"));
    const TenantStudy invalid = record("chl|CHL-1|CHL|1980010112303@LU-NIN|A^B|19800101", 2);
    QCOMPARE(patientKeyOf(invalid, config).toString(), QStringLiteral("local:CHL:CHL-1"));
    QVERIFY(hasInvalidNationalId(invalid, config));
    QVERIFY(!hasInvalidNationalId(national, config));
    const TenantStudy noIssuer = record("chl|CHL-1|||A^B|19800101", 3);
    QCOMPARE(patientKeyOf(noIssuer, config).toString(), QStringLiteral("local:chl:CHL-1"));
}

void TestPatientIdentity::normalisedPersonName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("plain") << "Doe^Jane"
                           << "DOE^JANE";
    QTest::newRow("accents, case, extra components") << "Müller^Anne-Marie^^Dr"
                                                     << "MULLER^ANNE-MARIE";
    QTest::newRow("spaces collapsed") << " van  der Berg ^ Jan "
                                      << "VAN DER BERG^JAN";
    QTest::newRow("ideographic group dropped") << "Yamada^Tarou=山田^太郎"
                                               << "YAMADA^TAROU";
    QTest::newRow("family only") << "DOE"
                                 << "DOE^";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPatientIdentity::normalisedPersonName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalised);
    QCOMPARE(fenestra::net::normalisedPersonName(name), normalised);
}

void TestPatientIdentity::groupPersons_data()
{
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<bool>("acceptUnqualified");
    // Per group: its records, then ~ possible matches and ! namesakes (group indices).
    QTest::addColumn<QString>("groups");
    const bool no = false;
    QTest::newRow("same national id, different local ids: one person")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@LU-NIN|DOE^JANE|19800101"}
        << no << "0,1";
    QTest::newRow("national id as primary id at one hospital, other ID at the other")
        << QStringList{"chl|1980010112302|LU-NIN||Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@LU-NIN|Doe^Jane|19800101"}
        << no << "0,1";
    QTest::newRow("issuer alias (an OID) names the same national id")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@1.3.182.4.4|Doe^Jane|19800101"}
        << no << "0,1";
    QTest::newRow("no national id, same name and birth date: possible match, not merged")
        << QStringList{"chl|CHL-1|CHL||Doe^Jane|19800101", "hrs|H-77|HRS||DOE^JANE|19800101"} << no
        << "0 ~1 | 1 ~0";
    QTest::newRow("same name and birth date, different national ids: different people")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112485@LU-NIN|Doe^Jane|19800101"}
        << no << "0 !1 | 1 !0";
    QTest::newRow("one identified, one not, same name and birth date: possible match")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS||Doe^Jane|19800101"}
        << no << "0 ~1 | 1 ~0";
    QTest::newRow("two namesakes and an unidentified lookalike")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-78|HRS|1980010112485@LU-NIN|Doe^Jane|19800101",
                       "hel|E-5|HEL||Doe^Jane|19800101"}
        << no << "0,1 ~2 !1 | 2 ~2 !0 | 3 ~0,1";
    QTest::newRow("accents and case do not hide a possible match")
        << QStringList{"chl|CHL-1|CHL||Müller^Anne|19700505",
                       "hrs|H-1|HRS||MULLER^ANNE^^DR|19700505"}
        << no << "0 ~1 | 1 ~0";
    QTest::newRow("same name, other birth date: unrelated")
        << QStringList{"chl|CHL-1|CHL||Doe^Jane|19800101", "hrs|H-77|HRS||Doe^Jane|19800102"} << no
        << "0 | 1";
    QTest::newRow("no birth date: no possible match on name alone")
        << QStringList{"chl|CHL-1|CHL||Doe^Jane|", "hrs|H-77|HRS||Doe^Jane|"} << no << "0 | 1";
    QTest::newRow("same local id and issuer: one person, national id of one record")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "chl|CHL-1|CHL||Doe^J|19800101"}
        << no << "0,1";
    QTest::newRow("same local id without issuer at two hospitals: not joined")
        << QStringList{"chl|42|||Doe^Jane|19800101", "hrs|42|||Roe^Rita|19800101"} << no << "0 | 1";
    QTest::newRow("same local key, conflicting national ids: kept apart")
        << QStringList{"chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101",
                       "chl|CHL-1|CHL|1980010112485@LU-NIN|Doe^Jane|19800101"}
        << no << "0 !1 | 1 !0";
    QTest::newRow("equal invalid national ids join nothing and are flagged")
        << QStringList{"chl|CHL-1|CHL|1980010112303@LU-NIN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112303@LU-NIN|Roe^Rita|19800101"}
        << no << "0 ? | 1 ?";
    QTest::newRow("other issuer's number is no national id")
        << QStringList{"chl|CHL-1|CHL|1980010112302@BE-NRN|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@BE-NRN|Roe^Rita|19800101"}
        << no << "0 | 1";
    QTest::newRow("unqualified other ids ignored by default")
        << QStringList{"chl|CHL-1|CHL|1980010112302@|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@|Roe^Rita|19800101"}
        << no << "0 | 1";
    QTest::newRow("unqualified other ids used when allowed and valid")
        << QStringList{"chl|CHL-1|CHL|X-9@;1980010112302@|Doe^Jane|19800101",
                       "hrs|H-77|HRS|1980010112302@|Doe^Jane|19800101",
                       "hel|E-1|HEL|1980010112303@|Doe^Jane|19800101"}
        << true << "0,1 ~1 | 2 ~0";
}

void TestPatientIdentity::groupPersons()
{
    QFETCH(QStringList, records);
    QFETCH(bool, acceptUnqualified);
    QFETCH(QString, groups);
    NationalIdConfig config;
    config.issuerAliases = {QStringLiteral("1.3.182.4.4")};
    config.acceptUnqualifiedOtherIds = acceptUnqualified;
    std::vector<TenantStudy> input;
    for (int i = 0; i < records.size(); ++i)
        input.push_back(record(records[i], i));
    QCOMPARE(summary(fenestra::net::groupPersons(input, config)), groups);
}

void TestPatientIdentity::groupPersons_sameNationalId_keepsEveryLocalKey()
{
    std::vector<TenantStudy> input{
        record("chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101", 0),
        record("hrs|H-77|HRS|1980010112302@LU-NIN|Doe^Jane|", 1),
        record("chl|CHL-1|CHL|1980010112302@LU-NIN|Doe^Jane|19800101", 2)};
    input[0].study.patientBirthDate = {}; // the birth date comes from a later record
    const std::vector<PersonGroup> groups = fenestra::net::groupPersons(input, NationalIdConfig{});
    QCOMPARE(groups.size(), std::size_t(1));
    QCOMPARE(groups[0].nationalId, std::optional(QStringLiteral("1980010112302")));
    QStringList keys;
    for (const PatientKey& key : groups[0].keys)
        keys.append(key.toString());
    QCOMPARE(keys,
             (QStringList{"national:LU-NIN:1980010112302", "local:CHL:CHL-1", "local:HRS:H-77"}));
    QCOMPARE(groups[0].birthDate, QDate(1980, 1, 1));
    QCOMPARE(groups[0].patientName, QStringLiteral("Doe^Jane"));
}

QTEST_GUILESS_MAIN(TestPatientIdentity)
#include "tst_patientidentity.moc"
