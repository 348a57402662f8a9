// fenestra_bench_load [CT_FOLDER] [--runs N]
// Loads one CT series into a volume three ways, each run in a child process of its own (this
// program re-executed with --child METHOD) so that the peak resident set (VmHWM) is per method:
//   plain     read every file into memory and drop it (the I/O floor, one thread)
//   fenestra  importPaths + buildDisplaySets + loadVolume (global thread pool)
//   vtk       gdcm::IPPSorter + vtkGDCMImageReader into one vtkImageData (one thread)
// Without a folder, the demo CT (512x512x300) is generated into a temporary folder first.
// The page cache is not dropped (that needs root): after the first run the files are usually
// cached, so the figures are warm-cache figures.

#include "benchcommon.h"
#include "loadmethods.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <vector>

using namespace fenestra::bench;

namespace {

const QStringList kMethods{QStringLiteral("plain"), QStringLiteral("fenestra"),
                           QStringLiteral("vtk")};

int runChild(const QString& method, const QString& folder)
{
    const LoadMeasurement m = method == QLatin1String("plain")      ? measurePlainRead(folder)
                              : method == QLatin1String("fenestra") ? measureFenestra(folder)
                                                                    : measureVtkGdcm(folder);
    QTextStream out(stdout);
    out << "RESULT " << m.wallMs << ' ' << m.baselineKb << ' ' << m.peakKb << ' '
        << (m.checksum ? QString::number(*m.checksum, 16) : QStringLiteral("-")) << ' ' << m.voxels
        << ' ' << m.detail << '\n';
    return m.peakKb > 0 ? 0 : 1;
}

struct Run
{
    double wallMs = 0;
    long baselineKb = 0;
    long peakKb = 0;
    QString checksum;
    QString detail;
};

std::optional<Run> runMethod(const QString& method, const QString& folder)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child"), method, folder});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return std::nullopt;
    for (const QString& line : QString::fromUtf8(child.readAllStandardOutput()).split('\n')) {
        if (!line.startsWith(QLatin1String("RESULT ")))
            continue;
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() < 7)
            return std::nullopt;
        return Run{f[1].toDouble(), f[2].toLong(), f[3].toLong(), f[4], f.mid(6).join(' ')};
    }
    return std::nullopt;
}

struct Summary
{
    double medianMs = 0;
    long baselineKb = 0;
    long peakKb = 0; // the largest VmHWM over the runs
    QString checksum;
    QString detail;
};

void printTable(QTextStream& out, const std::map<QString, Summary>& s, int runs)
{
    out << QStringLiteral("\n%1 runs per method, median wall time; peak RSS = VmHWM of the "
                          "child process (baseline = VmRSS before loading)\n")
               .arg(runs);
    out << QStringLiteral("%1 %2 %3 %4  %5\n")
               .arg(QStringLiteral("method"), -10)
               .arg(QStringLiteral("wall ms"), 10)
               .arg(QStringLiteral("peak MB"), 9)
               .arg(QStringLiteral("base MB"), 9)
               .arg(QStringLiteral("detail"));
    for (const QString& method : kMethods) {
        const Summary& r = s.at(method);
        out << QStringLiteral("%1 %2 %3 %4  %5\n")
                   .arg(method, -10)
                   .arg(r.medianMs, 10, 'f', 1)
                   .arg(r.peakKb / 1024.0, 9, 'f', 1)
                   .arg(r.baselineKb / 1024.0, 9, 'f', 1)
                   .arg(r.detail);
    }
    const Summary& f = s.at(QStringLiteral("fenestra"));
    const Summary& v = s.at(QStringLiteral("vtk"));
    const Summary& p = s.at(QStringLiteral("plain"));
    out << QStringLiteral("Fenestra/VTK:         time %1, peak RSS %2\n")
               .arg(f.medianMs / v.medianMs, 0, 'f', 2)
               .arg(double(f.peakKb) / double(v.peakKb), 0, 'f', 2);
    out << QStringLiteral("Fenestra/plain read:  time %1, peak RSS %2\n")
               .arg(f.medianMs / p.medianMs, 0, 'f', 2)
               .arg(double(f.peakKb) / double(p.peakKb), 0, 'f', 2);
    const bool match =
        !f.checksum.isEmpty() && f.checksum != QLatin1String("-") && f.checksum == v.checksum;
    out << QStringLiteral("volumes (modality values) Fenestra %1, VTK %2: %3\n")
               .arg(f.checksum, v.checksum,
                    match ? QStringLiteral("MATCH") : QStringLiteral("MISMATCH"));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() == 3 && args[0] == QLatin1String("--child") && kMethods.contains(args[1]))
        return runChild(args[1], args[2]);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto arguments = fenestra::bench::parseBenchArguments(args, "fenestra_bench_load", err);
    if (!arguments)
        return 1;
    const int runs = arguments->runs;
    const QString folder = arguments->folder;
    out << "series folder: " << QDir(folder).absolutePath() << '\n';
    std::map<QString, Summary> summaries;
    // Interleaved (plain, fenestra, vtk, plain, ...) so that no method profits alone from a
    // page cache the previous one warmed.
    std::map<QString, std::vector<double>> times;
    for (int r = 0; r < runs; ++r) {
        for (const QString& method : kMethods) {
            const auto run = runMethod(method, folder);
            if (!run) {
                err << method << ": the child process failed\n";
                return 1;
            }
            out << QStringLiteral("run %1 %2: %3 ms, peak %4 MB\n")
                       .arg(r + 1)
                       .arg(method, -8)
                       .arg(run->wallMs, 0, 'f', 1)
                       .arg(run->peakKb / 1024.0, 0, 'f', 1);
            out.flush();
            times[method].push_back(run->wallMs);
            Summary& s = summaries[method];
            s.peakKb = std::max(s.peakKb, run->peakKb);
            s.baselineKb = run->baselineKb;
            s.checksum = run->checksum;
            s.detail = run->detail;
        }
    }
    for (auto& [method, s] : summaries)
        s.medianMs = median(times[method]);
    printTable(out, summaries, runs);
    return 0;
}
