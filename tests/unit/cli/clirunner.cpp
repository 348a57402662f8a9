#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <algorithm>

namespace fenestra::test {

CliRun runFenestra(const QStringList& arguments)
{
    QProcess process;
    // The tests check the English messages; the binary translates by the locale.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FENESTRA_CLI_BINARY), arguments);
    CliRun run;
    // Decoding the whole syntax matrix takes a few seconds on two shared cores.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject parseJson(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString testDataPath(const QString& relative)
{
    return QStringLiteral(FENESTRA_TEST_DATA "/") + relative;
}

QJsonObject loadManifest()
{
    QFile file(testDataPath(key("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject manifestSeries(const QJsonObject& manifest, const char* study, int index)
{
    return manifest[key("studies")][key(study)][key("series")][index].toObject();
}

QJsonObject manifestStudy(const QJsonObject& manifest, const char* study)
{
    return manifest[key("studies")][key(study)][key("study")].toObject();
}

QJsonObject manifestScenarioExpectation(const QJsonObject& manifest, const char* scenario)
{
    return manifest[key("scenarios")][key(scenario)][key("expected")].toObject();
}

QStringList sopUidsBySpatialOrder(const QJsonObject& manifestSeries)
{
    QList<QJsonObject> instances;
    for (const QJsonValue& i : manifestSeries[key("instances")].toArray())
        instances.append(i.toObject());
    std::sort(instances.begin(), instances.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a[key("z")].toDouble() < b[key("z")].toDouble();
    });
    QStringList uids;
    for (const QJsonObject& i : instances)
        uids.append(i[key("sop_instance_uid")].toString());
    return uids;
}

double linearWindow(double x, double center, double width)
{
    if (x <= center - 0.5 - (width - 1) / 2)
        return 0;
    if (x > center - 0.5 + (width - 1) / 2)
        return 255;
    return ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
}

QList<QJsonObject> jsonSeries(const QJsonObject& info)
{
    QList<QJsonObject> series;
    for (const QJsonValue& patient : info[key("patients")].toArray())
        for (const QJsonValue& study : patient[key("studies")].toArray())
            for (const QJsonValue& s : study[key("series")].toArray())
                series.append(s.toObject());
    return series;
}

QHash<QString, QJsonObject> jsonInstances(const QJsonObject& info)
{
    QHash<QString, QJsonObject> instances;
    for (const QJsonObject& series : jsonSeries(info))
        for (const QJsonValue& i : series[key("instances")].toArray())
            instances.insert(i[key("sopInstanceUid")].toString(), i.toObject());
    return instances;
}

} // namespace fenestra::test
