// fenestra_bench_stream: progressive loading of a series from a DICOMweb archive.
//
//   fenestra_bench_stream [--archive URL --study UID --series UID] [--connections N]
//                         [--runs N] [--no-proxy]
//
// Measures the time to the first image (the first frame decoded and in the volume, ready to
// show) and to the complete volume for app::SeriesStreamer, next to curl fetching the same
// series as one multipart response (the floor: no decoding, one connection), with the ratios;
// the peak memory (VmHWM) of this process. Then the same through the fault proxy at 30 Mbit/s
// and 20 ms latency, against the bytes-over-bandwidth floor. Without --archive it starts its
// own Orthanc (test harness) and uploads the demo 512x512x300 CT.

#include "benchcommon.h"

#include "dicomweb/dicomwebclient.h"
#include "stream/seriesstreamer.h"
#include "support/faultproxy.h"
#include "support/orthancserver.h"
#include "support/testdata.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QThread>

#include <memory>

using namespace fenestra;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

qint64 statusKiB(const char* field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

struct CurlRun
{
    double ms = 0;
    qint64 bytes = 0;
};

CurlRun runCurl(const QString& url)
{
    QProcess curl;
    QElapsedTimer clock;
    clock.start();
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                QStringLiteral("-w"), QStringLiteral("%{size_download}"), QStringLiteral("-H"),
                QStringLiteral("Accept: multipart/related; type=\"application/dicom\""), url});
    curl.waitForFinished(600000);
    return {double(clock.nsecsElapsed()) / 1e6, curl.readAllStandardOutput().toLongLong()};
}

struct StreamRun
{
    double readyMs = 0;
    double firstMs = 0;
    double completeMs = 0;
    qint64 bytes = 0;
    qint64 peakHeld = 0;
    int failed = 0;
};

StreamRun runStreamer(const QString& archive, const QString& study, const QString& series,
                      int connections)
{
    QNetworkAccessManager manager;
    net::DicomWebClient client(net::ArchiveConfig{QStringLiteral("bench"), QUrl(archive)},
                               &manager);
    app::StreamOptions options;
    options.connections = connections;
    app::SeriesStreamer streamer(&client, nullptr, study, series, options);
    StreamRun run;
    QObject::connect(&streamer, &app::SeriesStreamer::frameFailed, &streamer,
                     [&run](int, const viewer::Error&) { ++run.failed; });
    bool gaveUp = false;
    QObject::connect(&streamer, &app::SeriesStreamer::failed, &streamer,
                     [&gaveUp](const viewer::Error& e) {
                         err << "failed: " << e.toString() << "\n";
                         gaveUp = true;
                     });
    streamer.start();
    while (!streamer.isFinished() && !gaveUp)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    const app::StreamCounters& c = streamer.counters();
    run.readyMs = double(c.readyMs);
    run.firstMs = double(c.firstFrameMs);
    run.completeMs = double(c.completeMs);
    run.bytes = c.bytesReceived;
    run.peakHeld = streamer.peakHeldBytes();
    return run;
}

void report(const char* label, const StreamRun& s, const CurlRun& curl, double floorMs)
{
    out << label << "\n";
    out << QStringLiteral("  streamer: metadata %6 ms, first image %1 ms, complete %2 ms, %3 MB, "
                          "peak held %4 MB%5\n")
               .arg(s.firstMs, 0, 'f', 0)
               .arg(s.completeMs, 0, 'f', 0)
               .arg(double(s.bytes) / 1e6, 0, 'f', 1)
               .arg(double(s.peakHeld) / 1e6, 0, 'f', 1)
               .arg(s.failed > 0 ? QStringLiteral(", %1 FAILED").arg(s.failed) : QString())
               .arg(s.readyMs, 0, 'f', 0);
    out << QStringLiteral("  curl (one multipart response): %1 ms, %2 MB\n")
               .arg(curl.ms, 0, 'f', 0)
               .arg(double(curl.bytes) / 1e6, 0, 'f', 1);
    out << QStringLiteral("  ratio streamer complete / curl: %1\n")
               .arg(s.completeMs / curl.ms, 0, 'f', 2);
    if (floorMs > 0)
        out << QStringLiteral("  bytes/bandwidth floor %1 ms: complete / floor %2, first image "
                              "at %3% of the floor\n")
                   .arg(floorMs, 0, 'f', 0)
                   .arg(s.completeMs / floorMs, 0, 'f', 2)
                   .arg(100.0 * s.firstMs / floorMs, 0, 'f', 1);
    out.flush();
}

struct Target
{
    QString archive;
    QString study;
    QString series;
};

// Our own Orthanc with the demo CT; false when it cannot be had.
bool startOwnArchive(integration::OrthancServer& orthanc, Target* target)
{
    const QString folder = bench::demoCtFolder(err);
    if (folder.isEmpty())
        return false;
    const auto studies = integration::readManifest(QFileInfo(folder).path());
    const auto ct = studies.value(QStringLiteral("ct"));
    if (ct.series.isEmpty() || !orthanc.start()) {
        err << "cannot start Orthanc or read the demo manifest: " << orthanc.lastError() << "\n";
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    const int stored = orthanc.uploadAll({folder});
    out << QStringLiteral("uploaded %1 instances in %2 s\n").arg(stored).arg(clock.elapsed() / 1e3);
    *target = {orthanc.dicomWebUrl(), ct.studyUid, ct.series.front().seriesUid};
    return stored > 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{"archive", "DICOMweb root URL.", "url"},
                       {"study", "Study Instance UID.", "uid"},
                       {"series", "Series Instance UID.", "uid"},
                       {"connections", "Parallel retrievals (default 4).", "n", "4"},
                       {"no-proxy", "Skip the 30 Mbit/s run."}});
    parser.process(app);
    const int connections = parser.value("connections").toInt();
    integration::OrthancServer orthanc;
    Target target{parser.value("archive"), parser.value("study"), parser.value("series")};
    if (target.archive.isEmpty() && !startOwnArchive(orthanc, &target))
        return 1;
    const QString seriesUrl =
        QStringLiteral("%1/studies/%2/series/%3").arg(target.archive, target.study, target.series);

    const qint64 rssBefore = statusKiB("VmRSS:");
    const CurlRun curl = runCurl(seriesUrl);
    const StreamRun direct = runStreamer(target.archive, target.study, target.series, connections);
    report("direct", direct, curl, 0);
    out << QStringLiteral("  memory: VmHWM %1 MB (VmRSS before %2 MB)\n")
               .arg(statusKiB("VmHWM:") / 1024.0, 0, 'f', 0)
               .arg(rssBefore / 1024.0, 0, 'f', 0);
    if (parser.isSet("no-proxy"))
        return 0;

    // The proxy on its own thread, so this thread's event loop does not pace it.
    const QUrl base(target.archive);
    QThread thread;
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    integration::FaultProxy* proxy = nullptr;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            proxy = new integration::FaultProxy;
            proxy->listen(quint16(base.port(80)));
            proxy->setBandwidth(30'000'000 / 8);
            proxy->setLatency(std::chrono::milliseconds(20));
        },
        Qt::BlockingQueuedConnection);
    QUrl viaProxy = base;
    viaProxy.setHost(QStringLiteral("127.0.0.1"));
    viaProxy.setPort(proxy->port());
    const QString proxyArchive = viaProxy.toString();
    const CurlRun slowCurl = runCurl(
        QStringLiteral("%1/studies/%2/series/%3").arg(proxyArchive, target.study, target.series));
    // The proxy's 30 Mbit/s is the whole link's (all connections share one token bucket): the
    // floor is the series' bytes over that bandwidth, whatever the number of connections.
    const double floorMs = double(slowCurl.bytes) * 8.0 / 30e6 * 1000.0;
    const StreamRun single = runStreamer(proxyArchive, target.study, target.series, 1);
    report("through the proxy, link of 30 Mbit/s and 20 ms: 1 connection", single, slowCurl,
           floorMs);
    const StreamRun slow = runStreamer(proxyArchive, target.study, target.series, connections);
    report(qPrintable(QStringLiteral("through the proxy, link of 30 Mbit/s and 20 ms: %1 "
                                     "connections")
                          .arg(connections)),
           slow, slowCurl, floorMs);
    QMetaObject::invokeMethod(
        &context, [&] { delete proxy; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return 0;
}
