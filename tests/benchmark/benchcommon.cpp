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

} // namespace fenestra::bench
