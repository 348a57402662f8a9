#include "benchcommon.h"

#include <QDir>
#include <QProcess>

namespace fenestra::bench {

QString demoCtFolder(QTextStream& err)
{
    const QString out = QDir::temp().filePath(QStringLiteral("fenestra-bench-demo"));
    err << "generating the demo data into " << out << " ...\n";
    err.flush();
    const int rc = QProcess::execute(
        QStringLiteral(FENESTRA_SYSTEM_PYTHON),
        {QStringLiteral(FENESTRA_SOURCE_DIR "/resources/demo/generate_demo.py"),
         QStringLiteral("--out"), out, QStringLiteral("--profile"), QStringLiteral("demo")});
    return rc == 0 ? out + QStringLiteral("/ct") : QString();
}

std::optional<BenchArguments> parseBenchArguments(QStringList args, const char* program,
                                                  QTextStream& err)
{
    BenchArguments parsed;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0) {
        parsed.runs = std::max(1, args.value(at + 1).toInt());
        args.remove(at, std::min<qsizetype>(2, args.size() - at));
    }
    parsed.folder = args.isEmpty() ? demoCtFolder(err) : args.front();
    if (parsed.folder.isEmpty() || !QDir(parsed.folder).exists()) {
        err << "usage: " << program << " [CT_FOLDER] [--runs N]\n";
        return std::nullopt;
    }
    return parsed;
}

} // namespace fenestra::bench
