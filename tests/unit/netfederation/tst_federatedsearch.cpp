// The fan-out of a federated search against scripted local HTTP servers, one per tenant: who is
// queried, the status of each tenant (answered, refused, failed, timed out, not searched,
// cancelled), a study held by two tenants listed once with both, the order of signals, and
// that a silent tenant's request is really cancelled. Wall-clock figures are the benchmark's.

#include "federation/federatedsearch.h"

#include "../net/stubhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace fenestra::net;

Q_DECLARE_METATYPE(fenestra::net::TenantState)
Q_DECLARE_METATYPE(fenestra::net::ErrorCode)

namespace {

QByteArray studyJson(const QString& uid, const QString& patientId, const QString& name)
{
    return QStringLiteral(R"({"0020000D": {"vr": "UI", "Value": ["%1"]},
        "00100020": {"vr": "LO", "Value": ["%2"]},
        "00100010": {"vr": "PN", "Value": [{"Alphabetic": "%3"}]}})")
        .arg(uid, patientId, name)
        .toUtf8();
}

StubHttpServer::Response studies(const QList<QByteArray>& records)
{
    QByteArray body = "[";
    for (const QByteArray& record : records)
        body += (body.size() > 1 ? "," : "") + record;
    body += "]";
    return StubHttpServer::reply(200, "Content-Type: application/dicom+json\r\n", body);
}

TenantConfig tenantAt(const QString& id, const QByteArray& url)
{
    return TenantConfig{id, id.toUpper(),
                        ArchiveConfig{id.toUpper(), QUrl(QString::fromLatin1(url))}};
}

// The signals of a search, as text, in order: "status chl Answered 2", "results chl +2 ~0",
// "finished".
class SignalLog : public QObject
{
public:
    explicit SignalLog(FederatedSearch* search)
    {
        connect(search, &FederatedSearch::tenantStatusChanged, this,
                [this](const QString& id, const TenantStatus& status) {
                    QString line = QStringLiteral("status %1 %2")
                                       .arg(id, QLatin1String(tenantStateName(status.state)));
                    if (status.state == TenantState::Answered)
                        line += QLatin1Char(' ') + QString::number(status.count);
                    lines.append(line);
                });
        connect(search, &FederatedSearch::resultsArrived, this,
                [this](const QString& id, const QList<int>& added, const QList<int>& extended) {
                    lines.append(QStringLiteral("results %1 +%2 ~%3")
                                     .arg(id)
                                     .arg(added.size())
                                     .arg(extended.size()));
                });
        connect(search, &FederatedSearch::finished, this,
                [this] { lines.append(QStringLiteral("finished")); });
    }
    int indexOf(const QString& line) const { return int(lines.indexOf(line)); }
    QStringList lines;
};

bool waitFinished(FederatedSearch& search, SignalLog& log, int timeoutMs = 10000)
{
    if (log.lines.contains(QStringLiteral("finished")))
        return true;
    QSignalSpy spy(&search, &FederatedSearch::finished);
    return spy.wait(timeoutMs);
}

StudyQuery nameQuery(const QString& name)
{
    StudyQuery query;
    query.patientName = name;
    return query;
}

StudyQuery idQuery(const QString& id)
{
    StudyQuery query;
    query.patientId = id;
    return query;
}

// A port with nothing listening (bound then released).
quint16 deadPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestFederatedSearch : public QObject
{
    Q_OBJECT

private slots:
    void start_twoTenantsAnswer_sharedStudyListedOnceWithBoth();
    void start_notPermittedTenants_areNeverContacted();
    void start_nobodyPermitted_finishesFromTheEventLoop();
    void start_failingTenant_hasItsOwnStatus_data();
    void start_failingTenant_hasItsOwnStatus();
    void start_silentTenant_turnsSlowThenTimesOutAndIsCancelled();
    void cancel_whileSearching_marksCancelledAndClosesTheConnection();
    void start_again_dropsTheSignalsOfTheEarlierSearch();
    void cancel_fromResultsArrived_endsCleanlyWithOneFinished();
    void clientFactory_options_carryTheBearerTokenToEveryTenant();

private:
    QNetworkAccessManager m_manager;
};

void TestFederatedSearch::start_twoTenantsAnswer_sharedStudyListedOnceWithBoth()
{
    StubHttpServer north;
    StubHttpServer south;
    north.enqueue(studies(
        {studyJson("1.2.3.1", "N-1", "Doe^Jane"), studyJson("1.2.3.9", "N-1", "Doe^Jane")}));
    south.enqueue(studies(
        {studyJson("1.2.3.9", "S-7", "DOE^JANE"), studyJson("1.2.3.2", "S-7", "DOE^JANE")}));
    FederatedSearch search({tenantAt("north", north.baseUrl()), tenantAt("south", south.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search);
    search.start(nameQuery(QStringLiteral("Doe*")),
                 {{"north", TenantDecision::allow()}, {"south", TenantDecision::allow()}});
    QCOMPARE(log.lines, (QStringList{"status north Searching", "status south Searching"}));
    QVERIFY(search.isRunning());
    QVERIFY(waitFinished(search, log));

    QCOMPARE(search.status("north").state, TenantState::Answered);
    QCOMPARE(search.status("north").count, 2);
    QCOMPARE(search.status("south").count, 2);
    QCOMPARE(search.status("south").httpStatus, 200);
    QVERIFY(search.status("south").elapsedMs >= 0);
    QCOMPARE(search.studies().size(), std::size_t(3));
    QStringList listing;
    for (const FederatedStudy& study : search.studies())
        listing.append(study.studyInstanceUid + QLatin1Char('@') +
                       study.tenantIds().join(QLatin1Char(',')));
    // The first to answer lists its studies first; the shared study names both tenants.
    const bool northFirst = log.indexOf("results north +2 ~0") >= 0;
    if (northFirst) {
        QCOMPARE(log.indexOf("results south +1 ~1") > log.indexOf("results north +2 ~0"), true);
        QCOMPARE(listing, (QStringList{"1.2.3.1@north", "1.2.3.9@north,south", "1.2.3.2@south"}));
    } else {
        QVERIFY(log.indexOf("results north +1 ~1") > log.indexOf("results south +2 ~0"));
        QCOMPARE(listing, (QStringList{"1.2.3.9@south,north", "1.2.3.2@south", "1.2.3.1@north"}));
    }
    // Every tenant's results come before its Answered status; finished is last, once.
    for (const QString id : {"north", "south"}) {
        const int answered = log.indexOf(QStringLiteral("status %1 Answered 2").arg(id));
        QVERIFY(answered > 0);
        QVERIFY(log.lines.at(answered - 1).startsWith(QStringLiteral("results ") + id));
    }
    QCOMPARE(log.lines.last(), QStringLiteral("finished"));
    QCOMPARE(log.lines.count(QStringLiteral("finished")), 1);
    // The local IDs of each tenant are kept for the shared study.
    const FederatedStudy& shared = *std::find_if(
        search.studies().begin(), search.studies().end(),
        [](const FederatedStudy& s) { return s.studyInstanceUid == QStringLiteral("1.2.3.9"); });
    QStringList ids;
    for (const TenantStudy& holding : shared.holdings)
        ids.append(holding.study.patientId);
    ids.sort();
    QCOMPARE(ids, (QStringList{"N-1", "S-7"}));
    QCOMPARE(search.records().size(), std::size_t(4));
    // The patient identifiers are asked for.
    QVERIFY(north.targets().at(0).contains("includefield=IssuerOfPatientID"));
    QVERIFY(north.targets().at(0).contains("includefield=OtherPatientIDsSequence"));
    QVERIFY(north.targets().at(0).contains("includefield=00101000"));
    QVERIFY(!search.isRunning());
}

void TestFederatedSearch::start_notPermittedTenants_areNeverContacted()
{
    StubHttpServer allowed;
    StubHttpServer refused;
    StubHttpServer undecided;
    allowed.enqueue(studies({studyJson("1.2.3.1", "A-1", "Doe^Jane")}));
    FederatedSearch search({tenantAt("own", allowed.baseUrl()),
                            tenantAt("other", refused.baseUrl()),
                            tenantAt("third", undecided.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search);
    search.start(StudyQuery{},
                 {{"own", TenantDecision::allow()},
                  {"other", TenantDecision::notSearched(QStringLiteral("no consent on record"))},
                  {"ghost", TenantDecision::allow()}}); // unknown id: ignored
    QVERIFY(waitFinished(search, log));
    QCOMPARE(log.lines, (QStringList{"status own Searching", "status other NotSearched",
                                     "status third NotSearched", "results own +1 ~0",
                                     "status own Answered 1", "finished"}));
    QCOMPARE(search.status("other").reason, QStringLiteral("no consent on record"));
    QCOMPARE(search.status("third").reason, QString()); // no decision: not searched
    QCOMPARE(allowed.targets().size(), 1);
    QCOMPARE(refused.targets().size(), 0);
    QCOMPARE(undecided.targets().size(), 0);
}

void TestFederatedSearch::start_nobodyPermitted_finishesFromTheEventLoop()
{
    StubHttpServer server;
    FederatedSearch search({tenantAt("a", server.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search);
    search.start(StudyQuery{}, {{"a", TenantDecision::notSearched(QStringLiteral("why"))}});
    QCOMPARE(log.lines, QStringList{"status a NotSearched"}); // finished not yet
    QVERIFY(!search.isRunning());
    QVERIFY(waitFinished(search, log));
    QCOMPARE(log.lines, (QStringList{"status a NotSearched", "finished"}));
    QCOMPARE(server.targets().size(), 0);
}

void TestFederatedSearch::start_failingTenant_hasItsOwnStatus_data()
{
    QTest::addColumn<QByteArray>("raw"); // empty: nothing listens on the port
    QTest::addColumn<TenantState>("state");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("401") << StubHttpServer::reply(401, {}, "no token").raw << TenantState::Denied
                         << ErrorCode::Unauthorized << 401;
    QTest::newRow("403") << StubHttpServer::reply(403, {}, "no consent").raw << TenantState::Denied
                         << ErrorCode::Forbidden << 403;
    QTest::newRow("500") << StubHttpServer::reply(500, {}, "boom").raw << TenantState::Failed
                         << ErrorCode::HttpError << 500;
    QTest::newRow("malformed JSON") << studies({"{\"0020000D\": 5"}).raw << TenantState::Failed
                                    << ErrorCode::MalformedResponse << 200;
    QTest::newRow("dead port") << QByteArray() << TenantState::Failed << ErrorCode::ConnectionFailed
                               << 0;
}

void TestFederatedSearch::start_failingTenant_hasItsOwnStatus()
{
    QFETCH(QByteArray, raw);
    QFETCH(TenantState, state);
    QFETCH(ErrorCode, code);
    QFETCH(int, httpStatus);
    StubHttpServer good;
    StubHttpServer bad;
    good.enqueue(studies({studyJson("1.2.3.1", "A-1", "Doe^Jane")}));
    bad.enqueue(StubHttpServer::Response{raw});
    const QByteArray badUrl = raw.isEmpty()
                                  ? "http://127.0.0.1:" + QByteArray::number(deadPort()) + "/dw"
                                  : bad.baseUrl();
    FederatedSearch search({tenantAt("good", good.baseUrl()), tenantAt("bad", badUrl)},
                           FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search);
    search.start(StudyQuery{},
                 {{"good", TenantDecision::allow()}, {"bad", TenantDecision::allow()}});
    QVERIFY(waitFinished(search, log));
    const TenantStatus status = search.status("bad");
    QCOMPARE(status.state, state);
    QVERIFY(status.error.has_value());
    QCOMPARE(status.error->code, code);
    QCOMPARE(status.httpStatus, httpStatus);
    QVERIFY2(!status.error->detail.isEmpty(), qPrintable(status.error->toString()));
    QCOMPARE(search.status("good").state, TenantState::Answered);
    QCOMPARE(search.studies().size(), std::size_t(1));
    QVERIFY(log.lines.contains(
        QStringLiteral("status bad %1").arg(QLatin1String(tenantStateName(state)))));
}

void TestFederatedSearch::start_silentTenant_turnsSlowThenTimesOutAndIsCancelled()
{
    StubHttpServer quick;
    StubHttpServer silent;
    quick.enqueue(studies({studyJson("1.2.3.1", "A-1", "Doe^Jane")}));
    silent.enqueue(StubHttpServer::Response{{}, -1, true});
    FederatedSearch search(
        {tenantAt("silent", silent.baseUrl()), tenantAt("quick", quick.baseUrl())},
        FederatedSearch::clientFactory(&m_manager));
    search.setTiming({std::chrono::milliseconds(20), std::chrono::milliseconds(1500)});
    SignalLog log(&search);
    search.start(StudyQuery{},
                 {{"quick", TenantDecision::allow()}, {"silent", TenantDecision::allow()}});
    QVERIFY(waitFinished(search, log));
    const int slow = log.indexOf("status silent Slow");
    const int timedOut = log.indexOf("status silent TimedOut");
    QVERIFY2(slow >= 0 && timedOut > slow, qPrintable(log.lines.join(" / ")));
    // The quick tenant never waited for the silent one.
    QVERIFY(log.indexOf("status quick Answered 1") < timedOut);
    QCOMPARE(log.lines.last(), QStringLiteral("finished"));
    const TenantStatus status = search.status("silent");
    QCOMPARE(status.error->code, ErrorCode::Timeout);
    QCOMPARE(status.error->detail, QStringLiteral("no answer within 1500 ms"));
    QVERIFY(status.elapsedMs >= 1500);
    // The request was aborted: the connection closes on the server's side.
    QTRY_COMPARE(silent.connectionsClosedByClient(), 1);
}

void TestFederatedSearch::cancel_whileSearching_marksCancelledAndClosesTheConnection()
{
    StubHttpServer silent;
    silent.enqueue(StubHttpServer::Response{{}, -1, true});
    FederatedSearch search({tenantAt("silent", silent.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search);
    search.start(StudyQuery{}, {{"silent", TenantDecision::allow()}});
    QTRY_COMPARE(silent.targets().size(), 1);
    search.cancel();
    QCOMPARE(search.status("silent").state, TenantState::Cancelled);
    QVERIFY(!search.isRunning());
    QVERIFY(waitFinished(search, log));
    QCOMPARE(log.lines,
             (QStringList{"status silent Searching", "status silent Cancelled", "finished"}));
    QTRY_COMPARE(silent.connectionsClosedByClient(), 1);
}

void TestFederatedSearch::start_again_dropsTheSignalsOfTheEarlierSearch()
{
    StubHttpServer server;
    server.enqueue(StubHttpServer::Response{{}, -1, true}); // the first search never answers
    server.enqueue(studies({studyJson("1.2.3.5", "A-1", "Doe^Jane")}));
    FederatedSearch search({tenantAt("a", server.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager));
    search.start(idQuery(QStringLiteral("first")), {{"a", TenantDecision::allow()}});
    QTRY_COMPARE(server.targets().size(), 1);
    SignalLog log(&search);
    search.start(idQuery(QStringLiteral("second")), {{"a", TenantDecision::allow()}});
    QVERIFY(waitFinished(search, log));
    QCOMPARE(log.lines, (QStringList{"status a Searching", "results a +1 ~0", "status a Answered 1",
                                     "finished"}));
    QCOMPARE(search.studies().at(0).studyInstanceUid, QStringLiteral("1.2.3.5"));
    QVERIFY(server.targets().at(1).contains("PatientID=second"));
}

void TestFederatedSearch::cancel_fromResultsArrived_endsCleanlyWithOneFinished()
{
    StubHttpServer quick;
    StubHttpServer silent;
    quick.enqueue(studies({studyJson("1.2.3.1", "A-1", "Doe^Jane")}));
    silent.enqueue(StubHttpServer::Response{{}, -1, true});
    FederatedSearch search(
        {tenantAt("quick", quick.baseUrl()), tenantAt("silent", silent.baseUrl())},
        FederatedSearch::clientFactory(&m_manager));
    SignalLog log(&search); // connected first: logs the results before the cancel
    connect(&search, &FederatedSearch::resultsArrived, &search, &FederatedSearch::cancel);
    search.start(StudyQuery{},
                 {{"quick", TenantDecision::allow()}, {"silent", TenantDecision::allow()}});
    QVERIFY(waitFinished(search, log));
    QCOMPARE(log.lines, (QStringList{"status quick Searching", "status silent Searching",
                                     "results quick +1 ~0", "status quick Cancelled",
                                     "status silent Cancelled", "finished"}));
    QTest::qWait(50); // nothing more arrives
    QCOMPARE(log.lines.count(QStringLiteral("finished")), 1);
    QCOMPARE(search.studies().size(), std::size_t(1));
}

void TestFederatedSearch::clientFactory_options_carryTheBearerTokenToEveryTenant()
{
    StubHttpServer a;
    StubHttpServer b;
    a.enqueue(studies({}));
    b.enqueue(studies({}));
    RequestOptions options;
    options.authorization = [] { return QByteArray("Bearer test-token"); };
    FederatedSearch search({tenantAt("a", a.baseUrl()), tenantAt("b", b.baseUrl())},
                           FederatedSearch::clientFactory(&m_manager, options));
    SignalLog log(&search);
    search.start(StudyQuery{}, {{"a", TenantDecision::allow()}, {"b", TenantDecision::allow()}});
    QVERIFY(waitFinished(search, log));
    for (const StubHttpServer* server : {&a, &b})
        QVERIFY(server->requestHeaders().at(0).contains("Authorization: Bearer test-token"));
    QCOMPARE(search.status("a").count, 0);
    QCOMPARE(search.client("b")->archive().name, QStringLiteral("B"));
    QCOMPARE(search.client("zzz"), nullptr);
}

QTEST_GUILESS_MAIN(TestFederatedSearch)
#include "tst_federatedsearch.moc"
