// The federated search against real archives on 127.0.0.1: two Orthancs (one reached through a
// proxy adding 2 s), a tenant whose port has nothing listening and a tenant not permitted.
// The fast tenant's results and the dead tenant's failure arrive before the slow tenant's
// results (order of signals, not wall-clock thresholds); the slow tenant turns Slow first; the
// study both Orthancs hold is listed once with both; the tenant not permitted is never
// contacted; the patient identifiers the archives return group the same person across the two
// hospitals and keep a namesake apart.

#include "support/faultproxy.h"
#include "support/orthancserver.h"

#include "federation/federatedsearch.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fenestra::integration;
using namespace fenestra::net;

namespace {

// Luxembourg national identification numbers with valid check digits.
const QString kJaneNin = QStringLiteral("1980010112302");
const QString kOtherJaneNin = QStringLiteral("1980010112485");
const QString kSharedStudy = QStringLiteral("1.2.826.0.1.3680043.10.1001.1");

// Stores one instance made from `tags` (Orthanc's /tools/create-dicom); false on refusal.
bool createInstance(OrthancServer& server, const QJsonObject& tags)
{
    const QJsonObject request{{QStringLiteral("Force"), true}, {QStringLiteral("Tags"), tags}};
    const HttpResult result =
        httpRequest(server.httpPort(), "POST", "/tools/create-dicom",
                    QJsonDocument(request).toJson(QJsonDocument::Compact),
                    {{OrthancServer::harnessHeader(), server.harnessSecret()}});
    if (result.status != 200)
        qWarning("create-dicom refused: HTTP %d %s", result.status, result.body.constData());
    return result.status == 200;
}

QJsonObject patientTags(const QString& id, const QString& issuer, const QString& nin,
                        const QString& name, const QString& studyUid)
{
    QJsonObject tags{{QStringLiteral("PatientID"), id},
                     {QStringLiteral("IssuerOfPatientID"), issuer},
                     {QStringLiteral("PatientName"), name},
                     {QStringLiteral("PatientBirthDate"), QStringLiteral("19800101")},
                     {QStringLiteral("StudyInstanceUID"), studyUid},
                     {QStringLiteral("StudyDescription"), QStringLiteral("Federation test")},
                     {QStringLiteral("Modality"), QStringLiteral("CT")}};
    if (!nin.isEmpty()) {
        // Orthanc 1.10's QIDO returns the retired Other Patient IDs, not the sequence: both.
        tags.insert(QStringLiteral("0010,1000"), nin);
        tags.insert(
            QStringLiteral("OtherPatientIDsSequence"),
            QJsonArray{QJsonObject{{QStringLiteral("PatientID"), nin},
                                   {QStringLiteral("IssuerOfPatientID"), QStringLiteral("LU-NIN")},
                                   {QStringLiteral("TypeOfPatientID"), QStringLiteral("TEXT")}}});
    }
    return tags;
}

TenantConfig tenant(const QString& id, const QString& url)
{
    return TenantConfig{id, id, ArchiveConfig{id, QUrl(url)}};
}

QString proxiedUrl(const FaultProxy& proxy)
{
    return QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(proxy.port());
}

} // namespace

class TestFederatedSearchOrthanc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fanOut_slowDeadAndNotPermittedTenants_othersAnswerFirstAndStudiesAreDeduplicated();

private:
    std::unique_ptr<OrthancServer> m_north;
    std::unique_ptr<OrthancServer> m_south;
    std::unique_ptr<FaultProxy> m_slowProxy;  // in front of south: 1 s each way
    std::unique_ptr<FaultProxy> m_watchProxy; // in front of north, for the tenant not permitted
};

void TestFederatedSearchOrthanc::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_north = std::make_unique<OrthancServer>();
    m_south = std::make_unique<OrthancServer>();
    QVERIFY2(m_north->start(), qPrintable(m_north->lastError()));
    QVERIFY2(m_south->start(), qPrintable(m_south->lastError()));
    // Jane at both hospitals under different local IDs, with her national number; the shared
    // study is held by both; a namesake with another national number at south; a lookalike
    // without national number at north.
    QVERIFY(
        createInstance(*m_north, patientTags("N-1", "NORTH", kJaneNin, "Doe^Jane", kSharedStudy)));
    QVERIFY(createInstance(*m_north, patientTags("N-1", "NORTH", kJaneNin, "Doe^Jane",
                                                 "1.2.826.0.1.3680043.10.1001.2")));
    QVERIFY(createInstance(
        *m_north, patientTags("N-9", "NORTH", {}, "DOE^JANE", "1.2.826.0.1.3680043.10.1001.3")));
    QVERIFY(
        createInstance(*m_south, patientTags("S-7", "SOUTH", kJaneNin, "Doe^Jane", kSharedStudy)));
    QVERIFY(createInstance(*m_south, patientTags("S-8", "SOUTH", kOtherJaneNin, "Doe^Jane",
                                                 "1.2.826.0.1.3680043.10.1001.4")));
    m_slowProxy = std::make_unique<FaultProxy>();
    QVERIFY(m_slowProxy->listen(m_south->httpPort()));
    m_slowProxy->setLatency(std::chrono::milliseconds(1000)); // 2 s per request and answer
    m_watchProxy = std::make_unique<FaultProxy>();
    QVERIFY(m_watchProxy->listen(m_north->httpPort()));
}

void TestFederatedSearchOrthanc::cleanupTestCase()
{
    m_slowProxy.reset();
    m_watchProxy.reset();
    m_north.reset();
    m_south.reset();
}

void TestFederatedSearchOrthanc::
    fanOut_slowDeadAndNotPermittedTenants_othersAnswerFirstAndStudiesAreDeduplicated()
{
    const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(pickFreePort());
    QNetworkAccessManager manager;
    FederatedSearch search({tenant("north", m_north->dicomWebUrl()),
                            tenant("south", proxiedUrl(*m_slowProxy)), tenant("dead", deadUrl),
                            tenant("east", proxiedUrl(*m_watchProxy))},
                           FederatedSearch::clientFactory(&manager));
    search.setTiming({std::chrono::milliseconds(1500), std::chrono::milliseconds(20000)});
    QStringList log;
    connect(&search, &FederatedSearch::tenantStatusChanged, this,
            [&log](const QString& id, const TenantStatus& status) {
                log.append(id + QLatin1Char(' ') + QLatin1String(tenantStateName(status.state)));
            });
    connect(&search, &FederatedSearch::resultsArrived, this,
            [&log](const QString& id, const QList<int>& added, const QList<int>& extended) {
                log.append(QStringLiteral("results %1 +%2 ~%3")
                               .arg(id)
                               .arg(added.size())
                               .arg(extended.size()));
            });
    QSignalSpy finished(&search, &FederatedSearch::finished);
    search.start(StudyQuery{},
                 {{"north", TenantDecision::allow()},
                  {"south", TenantDecision::allow()},
                  {"dead", TenantDecision::allow()},
                  {"east", TenantDecision::notSearched(QStringLiteral("no consent on record"))}});
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);

    // Order: north's results and dead's failure before south's results; south was Slow first.
    const auto at = [&log](const char* line) { return int(log.indexOf(QLatin1String(line))); };
    QVERIFY2(at("results north +3 ~0") >= 0, qPrintable(log.join(" / ")));
    QVERIFY2(at("results south +1 ~1") > at("results north +3 ~0"), qPrintable(log.join(" / ")));
    QVERIFY2(at("dead Failed") < at("results south +1 ~1"), qPrintable(log.join(" / ")));
    QVERIFY2(at("south Slow") < at("results south +1 ~1"), qPrintable(log.join(" / ")));
    QVERIFY(at("south Slow") > at("north Answered"));

    QCOMPARE(search.status("north").state, TenantState::Answered);
    QCOMPARE(search.status("north").count, 3);
    QCOMPARE(search.status("south").state, TenantState::Answered);
    QCOMPARE(search.status("south").count, 2);
    const TenantStatus dead = search.status("dead");
    QCOMPARE(dead.state, TenantState::Failed);
    QCOMPARE(dead.error->code, ErrorCode::ConnectionFailed);
    QVERIFY2(dead.error->detail.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(dead.error->toString()));
    QVERIFY2(dead.elapsedMs < search.status("south").elapsedMs, "dead must fail before south");
    QCOMPARE(search.status("east").state, TenantState::NotSearched);
    QCOMPARE(search.status("east").reason, QStringLiteral("no consent on record"));
    QCOMPARE(m_watchProxy->connectionsAccepted(), 0);

    // Four distinct studies; the shared one once, held by both.
    QCOMPARE(search.studies().size(), std::size_t(4));
    for (const FederatedStudy& study : search.studies())
        QCOMPARE(study.tenantIds(), study.studyInstanceUid == kSharedStudy
                                        ? (QStringList{"north", "south"})
                                        : QStringList{study.holdings.front().tenantId});

    // The archives' identifiers: Jane is one person across north and south; the namesake with
    // another national number is a different person; the lookalike without one is ambiguous.
    NationalIdConfig config;
    config.acceptUnqualifiedOtherIds = true; // Orthanc 1.10 returns 0010,1000 only
    const std::vector<TenantStudy> records = search.records();
    QCOMPARE(records.size(), std::size_t(5));
    for (const TenantStudy& record : records)
        QVERIFY(!record.identifiers.issuerOfPatientId.isEmpty());
    const std::vector<PersonGroup> persons = groupPersons(records, config);
    QCOMPARE(persons.size(), std::size_t(3));
    const auto jane = std::find_if(persons.begin(), persons.end(),
                                   [](const PersonGroup& p) { return p.nationalId == kJaneNin; });
    QVERIFY(jane != persons.end());
    QCOMPARE(jane->records.size(), std::size_t(3));
    QStringList keys;
    for (const PatientKey& key : jane->keys)
        keys.append(key.toString());
    QCOMPARE(keys,
             (QStringList{"national:LU-NIN:" + kJaneNin, "local:NORTH:N-1", "local:SOUTH:S-7"}));
    QCOMPARE(jane->namesakes.size(), std::size_t(1));
    QCOMPARE(persons.at(jane->namesakes.front()).nationalId, std::optional(kOtherJaneNin));
    QCOMPARE(jane->possibleMatches.size(), std::size_t(1));
    QVERIFY(!persons.at(jane->possibleMatches.front()).nationalId.has_value());
}

QTEST_GUILESS_MAIN(TestFederatedSearchOrthanc)
#include "tst_federatedsearch.moc"
