#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace fenestra::integration {

namespace {

ManifestSeries readSeries(const QJsonObject& json, const QDir& studyDir)
{
    ManifestSeries series;
    series.seriesUid = json.value(QLatin1String("series_instance_uid")).toString();
    series.modality = json.value(QLatin1String("modality")).toString();
    // Studies list "instances" ({file, sop_instance_uid}); the CD lists "files" (DICOMDIR paths).
    for (const QJsonValue& instance : json.value(QLatin1String("instances")).toArray()) {
        const QJsonObject object = instance.toObject();
        series.files.append(studyDir.filePath(object.value(QLatin1String("file")).toString()));
        series.sopInstanceUids.append(object.value(QLatin1String("sop_instance_uid")).toString());
        if (object.contains(QLatin1String("z")))
            series.z.append(object.value(QLatin1String("z")).toDouble());
    }
    for (const QJsonValue& file : json.value(QLatin1String("files")).toArray())
        series.files.append(studyDir.filePath(file.toString()));
    return series;
}

ManifestStudy readStudy(const QString& key, const QJsonObject& json, const QDir& root)
{
    const QJsonObject study = json.value(QLatin1String("study")).toObject();
    ManifestStudy out;
    out.key = key;
    out.studyUid = study.value(QLatin1String("study_instance_uid")).toString();
    out.patientName = study.value(QLatin1String("patient_name")).toString();
    out.patientId = study.value(QLatin1String("patient_id")).toString();
    out.studyDate = QDate::fromString(study.value(QLatin1String("study_date")).toString(),
                                      QStringLiteral("yyyyMMdd"));
    for (const QJsonValue& series : json.value(QLatin1String("series")).toArray()) {
        const QJsonObject object = series.toObject();
        // A series has its own directory, or lives in the study's (the CD).
        const QString directory =
            object.value(QLatin1String("directory"))
                .toString(json.value(QLatin1String("directory")).toString(key));
        out.series.append(readSeries(object, QDir(root.filePath(directory))));
    }
    return out;
}

} // namespace

QStringList ManifestStudy::files() const
{
    QStringList all;
    for (const ManifestSeries& s : series)
        all += s.files;
    return all;
}

QMap<QString, ManifestStudy> readManifest(const QString& dataDirectory)
{
    QFile file(QDir(dataDirectory).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject studies =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("studies")).toObject();
    QMap<QString, ManifestStudy> out;
    for (auto it = studies.begin(); it != studies.end(); ++it)
        out.insert(it.key(), readStudy(it.key(), it.value().toObject(), QDir(dataDirectory)));
    return out;
}

bool generateDemoData(const QString& sourceDirectory, const QString& directory, QString* error)
{
    QProcess generator;
    generator.setProcessChannelMode(QProcess::MergedChannels);
    generator.start(
        QStringLiteral("/usr/bin/python3"),
        {QDir(sourceDirectory).filePath(QStringLiteral("resources/demo/generate_demo.py")),
         QStringLiteral("--out"), directory, QStringLiteral("--profile"), QStringLiteral("demo")});
    const bool finished = generator.waitForFinished(300000);
    if (finished && generator.exitStatus() == QProcess::NormalExit && generator.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("generate_demo.py failed: ") +
                 QString::fromLocal8Bit(generator.readAll().right(2000));
    return false;
}

} // namespace fenestra::integration
