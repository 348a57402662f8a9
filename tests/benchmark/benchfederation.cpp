// fenestra_bench_federation: a federated study search across 8 tenants.
//
//   fenestra_bench_federation [--runs N] [--studies N] [--latency MS] [--wan-latency MS]
//
// Eight tenants: six live Orthancs (each with --studies studies, default 50, one study shared
// by all), one slow tenant (a fault proxy adding --latency ms each way, default 1000, i.e. 2 s
// per request, in front of the first Orthanc: to save memory it is not a seventh Orthanc; its
// studies duplicate the first one's, which exercises deduplication too) and one dead tenant (a
// port with nothing listening). Prints, as medians of --runs runs (default 5):
//  - fan-out: time to the first results, to the answers of all six live tenants, and to
//    finished() (which waits for the slow tenant);
//  - references measured in the same run: the six live tenants queried one after the other
//    (sequential sum) and one tenant alone;
//  - the ratio sequential / fan-out (live tenants) and fan-out (live) / one tenant alone.
// Twice: on loopback (the archives' CPU dominates: on a 2-core machine six Orthancs answering
// at once share the cores, so parallelism gains little), then with each live tenant behind a
// proxy adding --wan-latency ms each way (default 25: a hospital network), where the fan-out
// pays the latency once instead of six times.

#include "benchcommon.h"

#include "federation/federatedsearch.h"
#include "support/faultproxy.h"
#include "support/orthancserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <memory>
#include <vector>

using namespace fenestra;
using namespace fenestra::net;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

constexpr int kLive = 6;

bool createStudy(integration::OrthancServer& server, const QString& studyUid, int index)
{
    const QJsonObject tags{
        {QStringLiteral("PatientID"), QStringLiteral("P-%1").arg(index)},
        {QStringLiteral("IssuerOfPatientID"), QStringLiteral("BENCH")},
        {QStringLiteral("PatientName"), QStringLiteral("Bench^Patient%1").arg(index)},
        {QStringLiteral("PatientBirthDate"), QStringLiteral("19800101")},
        {QStringLiteral("StudyInstanceUID"), studyUid},
        {QStringLiteral("Modality"), QStringLiteral("CT")}};
    const QJsonObject request{{QStringLiteral("Force"), true}, {QStringLiteral("Tags"), tags}};
    const integration::HttpResult result = integration::httpRequest(
        server.httpPort(), "POST", "/tools/create-dicom",
        QJsonDocument(request).toJson(QJsonDocument::Compact),
        {{integration::OrthancServer::harnessHeader(), server.harnessSecret()}});
    return result.status == 200;
}

bool startArchives(std::vector<std::unique_ptr<integration::OrthancServer>>& servers, int studies)
{
    for (int s = 0; s < kLive; ++s) {
        auto server = std::make_unique<integration::OrthancServer>();
        if (!server->start()) {
            err << "Orthanc did not start: " << server->lastError() << "\n";
            return false;
        }
        for (int i = 0; i < studies; ++i) {
            const QString uid =
                i == 0 ? QStringLiteral("1.2.826.0.1.3680043.10.2000.1")
                       : QStringLiteral("1.2.826.0.1.3680043.10.2000.%1.%2").arg(s + 2).arg(i);
            if (!createStudy(*server, uid, i)) {
                err << "cannot create a study in Orthanc " << s << "\n";
                return false;
            }
        }
        servers.push_back(std::move(server));
    }
    return true;
}

TenantConfig tenant(const QString& id, const QString& url)
{
    return TenantConfig{id, id, ArchiveConfig{id, QUrl(url)}};
}

struct FanOutRun
{
    double firstResults = -1;
    double allLive = -1;
    double finished = -1;
    int studies = 0;
    QString slowState;
    QString deadState;
};

// One search over `tenants` (all permitted); `live` ids are the ones counted for allLive.
FanOutRun runSearch(const QList<TenantConfig>& tenants, const QStringList& live,
                    QNetworkAccessManager* manager)
{
    FederatedSearch search(tenants, FederatedSearch::clientFactory(manager));
    QHash<QString, TenantDecision> decisions;
    for (const TenantConfig& t : tenants)
        decisions.insert(t.id, TenantDecision::allow());
    FanOutRun run;
    QElapsedTimer clock;
    int liveAnswered = 0;
    QObject::connect(&search, &FederatedSearch::resultsArrived, [&](const QString&, auto, auto) {
        if (run.firstResults < 0)
            run.firstResults = double(clock.nsecsElapsed()) / 1e6;
    });
    QObject::connect(&search, &FederatedSearch::tenantStatusChanged,
                     [&](const QString& id, const TenantStatus& status) {
                         if (status.state == TenantState::Answered && live.contains(id) &&
                             ++liveAnswered == live.size())
                             run.allLive = double(clock.nsecsElapsed()) / 1e6;
                     });
    QEventLoop loop;
    QObject::connect(&search, &FederatedSearch::finished, &loop, &QEventLoop::quit);
    clock.start();
    search.start(StudyQuery{}, decisions);
    loop.exec();
    run.finished = double(clock.nsecsElapsed()) / 1e6;
    run.studies = int(search.studies().size());
    run.slowState = QLatin1String(tenantStateName(search.status("slow").state));
    run.deadState = QLatin1String(tenantStateName(search.status("dead").state));
    return run;
}

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 8, 'f', 1);
}

// Fan-out over `live` + `others` (slow, dead) against the live tenants one after the other and
// the first one alone, `runs` times; prints medians and ratios.
void measure(const QString& title, const QList<TenantConfig>& live,
             const QList<TenantConfig>& others, int runs, QNetworkAccessManager* manager)
{
    QStringList liveIds;
    for (const TenantConfig& t : live)
        liveIds.append(t.id);
    std::vector<double> first, allLive, finished, sequential, alone;
    FanOutRun last;
    for (int r = 0; r < runs; ++r) {
        last = runSearch(live + others, liveIds, manager);
        first.push_back(last.firstResults);
        allLive.push_back(last.allLive);
        finished.push_back(last.finished);
        double sum = 0;
        for (const TenantConfig& t : live)
            sum += runSearch({t}, {t.id}, manager).finished;
        sequential.push_back(sum);
        alone.push_back(runSearch({live.front()}, {live.front().id}, manager).finished);
    }
    out << title << QStringLiteral(", median of %1 runs\n").arg(runs);
    out << QStringLiteral("  fan-out: first results       %1\n").arg(ms(bench::median(first)));
    out << QStringLiteral("  fan-out: all 6 live answered %1\n").arg(ms(bench::median(allLive)));
    out << QStringLiteral("  fan-out: finished (slow too) %1   slow: %2, dead: %3, %4 distinct "
                          "studies\n")
               .arg(ms(bench::median(finished)), last.slowState, last.deadState)
               .arg(last.studies);
    out << QStringLiteral("  reference: 6 live one after the other %1\n")
               .arg(ms(bench::median(sequential)));
    out << QStringLiteral("  reference: one tenant alone           %1\n")
               .arg(ms(bench::median(alone)));
    out << QStringLiteral("  ratio sequential / fan-out (6 live):  %1x\n")
               .arg(bench::median(sequential) / bench::median(allLive), 0, 'f', 2);
    out << QStringLiteral("  ratio fan-out (6 live) / one alone:   %1x\n\n")
               .arg(bench::median(allLive) / bench::median(alone), 0, 'f', 2);
    out.flush();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{"runs", "Runs (default 5).", "n", "5"},
         {"studies", "Studies per Orthanc (default 50).", "n", "50"},
         {"latency", "Slow tenant's latency each way in ms (default 1000).", "ms", "1000"},
         {"wan-latency",
          "Live tenants' latency each way in the second scenario, "
          "ms (default 25).",
          "ms", "25"}});
    parser.process(app);
    const int runs = qMax(1, parser.value("runs").toInt());
    const int studies = qMax(1, parser.value("studies").toInt());

    std::vector<std::unique_ptr<integration::OrthancServer>> servers;
    if (!startArchives(servers, studies))
        return 1;
    integration::FaultProxy slowProxy;
    if (!slowProxy.listen(servers.front()->httpPort()))
        return 1;
    slowProxy.setLatency(std::chrono::milliseconds(parser.value("latency").toInt()));

    QList<TenantConfig> live;
    QStringList liveIds;
    for (int s = 0; s < kLive; ++s) {
        live.append(tenant(QStringLiteral("live%1").arg(s + 1), servers[s]->dicomWebUrl()));
        liveIds.append(live.last().id);
    }
    QList<TenantConfig> all = live;
    all.append(
        tenant("slow", QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(slowProxy.port())));
    all.append(tenant(
        "dead", QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(integration::pickFreePort())));

    QNetworkAccessManager manager;
    runSearch(live, liveIds, &manager); // warm-up: connections, Orthanc's caches
    const QString title = QStringLiteral("8 tenants (6 live Orthancs x %1 studies, 1 slow at +%2 "
                                         "ms each way, 1 dead)")
                              .arg(studies)
                              .arg(parser.value("latency"));
    measure(title + QStringLiteral(", loopback"), live, all.mid(kLive), runs, &manager);

    // The same behind a hospital-network latency: one proxy per live tenant.
    const int wan = parser.value("wan-latency").toInt();
    std::vector<std::unique_ptr<integration::FaultProxy>> wanProxies;
    QList<TenantConfig> wanLive;
    for (int s = 0; s < kLive; ++s) {
        auto proxy = std::make_unique<integration::FaultProxy>();
        if (!proxy->listen(servers[s]->httpPort()))
            return 1;
        proxy->setLatency(std::chrono::milliseconds(wan));
        wanLive.append(tenant(QStringLiteral("live%1").arg(s + 1),
                              QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(proxy->port())));
        wanProxies.push_back(std::move(proxy));
    }
    measure(title + QStringLiteral(", live tenants at +%1 ms each way").arg(wan), wanLive,
            all.mid(kLive), runs, &manager);
    return 0;
}
