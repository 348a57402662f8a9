#include "infojson.h"

#include <QJsonArray>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

QJsonArray vec(Vec3 v)
{
    return {v.x, v.y, v.z};
}

QJsonObject displaySetToJson(const DisplaySet& ds)
{
    QJsonObject o;
    o[QStringLiteral("rows")] = ds.format.rows;
    o[QStringLiteral("columns")] = ds.format.columns;
    o[QStringLiteral("frames")] = static_cast<int>(ds.frames.size());
    o[QStringLiteral("photometric")] = photometricToString(ds.format.photometric);
    o[QStringLiteral("isVolume")] = ds.isVolume();
    o[QStringLiteral("isSpatial")] = ds.isSpatial;
    if (ds.isSpatial && !ds.frames.empty()) {
        const ImagePlane& first = ds.frames.front().info().plane;
        o[QStringLiteral("origin")] = vec(first.position);
        o[QStringLiteral("rowDirection")] = vec(first.rowDirection);
        o[QStringLiteral("columnDirection")] = vec(first.columnDirection);
        o[QStringLiteral("normal")] = vec(ds.normal);
        o[QStringLiteral("pixelSpacing")] = QJsonArray{first.rowSpacing, first.columnSpacing};
        o[QStringLiteral("sliceSpacing")] = ds.sliceSpacing;
    }
    QJsonArray issues;
    for (const SpacingIssue& issue : ds.spacingIssues) {
        static const char* kinds[] = {"gap", "irregular", "duplicatePosition"};
        issues.append(QJsonObject{
            {QStringLiteral("kind"), QLatin1String(kinds[static_cast<int>(issue.kind)])},
            {QStringLiteral("afterFrame"), issue.afterFrame},
            {QStringLiteral("expected"), issue.expected},
            {QStringLiteral("actual"), issue.actual}});
    }
    o[QStringLiteral("spacingIssues")] = issues;
    QJsonArray frames;
    for (const FrameRef& f : ds.frames)
        frames.append(QJsonArray{f.instance->sopInstanceUid, f.frame});
    o[QStringLiteral("frameOrder")] = frames;
    return o;
}

QJsonObject instanceToJson(const InstanceInfo& i, const QHash<QString, QStringList>& hashes,
                           const QHash<QString, FileError>& decodeErrors)
{
    QJsonObject o{{QStringLiteral("source"), i.source},
                  {QStringLiteral("sopInstanceUid"), i.sopInstanceUid},
                  {QStringLiteral("sopClassUid"), i.sopClassUid},
                  {QStringLiteral("transferSyntaxUid"), i.transferSyntaxUid},
                  {QStringLiteral("kind"), objectKindToString(i.kind)},
                  {QStringLiteral("instanceNumber"), i.instanceNumber}};
    if (i.hasPixelData) {
        o[QStringLiteral("rows")] = i.format.rows;
        o[QStringLiteral("columns")] = i.format.columns;
        o[QStringLiteral("frames")] = i.numberOfFrames;
        o[QStringLiteral("samplesPerPixel")] = i.format.samplesPerPixel;
        o[QStringLiteral("photometric")] = photometricToString(i.format.photometric);
        o[QStringLiteral("bitsAllocated")] = i.format.bitsAllocated;
        o[QStringLiteral("bitsStored")] = i.format.bitsStored;
        o[QStringLiteral("signed")] = i.format.isSigned;
        o[QStringLiteral("frameSha256")] =
            QJsonArray::fromStringList(hashes.value(i.sopInstanceUid));
        if (decodeErrors.contains(i.sopInstanceUid))
            o[QStringLiteral("decodeError")] =
                errorToJson(i.source, decodeErrors[i.sopInstanceUid].error);
    }
    return o;
}

QJsonObject seriesToJson(const SeriesNode& s, const QHash<QString, QStringList>& hashes,
                         const QHash<QString, FileError>& decodeErrors)
{
    QJsonArray sets;
    for (const DisplaySet& ds : s.displaySets)
        sets.append(displaySetToJson(ds));
    QJsonArray instances;
    for (const auto& i : s.instances)
        instances.append(instanceToJson(*i, hashes, decodeErrors));
    return {{QStringLiteral("seriesInstanceUid"), s.info.instanceUid},
            {QStringLiteral("modality"), s.info.modality},
            {QStringLiteral("number"), s.info.number},
            {QStringLiteral("description"), s.info.description},
            {QStringLiteral("displaySets"), sets},
            {QStringLiteral("instances"), instances}};
}

} // namespace

QJsonObject errorToJson(const QString& source, const Error& error)
{
    return {{QStringLiteral("source"), source},
            {QStringLiteral("code"), QLatin1String(errorCodeName(error.code))},
            {QStringLiteral("detail"), error.detail}};
}

QJsonObject infoToJson(const ImportResult& result, const QHash<QString, QStringList>& hashes,
                       const QHash<QString, FileError>& decodeErrors)
{
    QJsonArray patients;
    for (const PatientNode& p : result.library.tree()) {
        QJsonArray studies;
        for (const StudyNode& st : p.studies) {
            QJsonArray series;
            for (const SeriesNode& s : st.series)
                series.append(seriesToJson(s, hashes, decodeErrors));
            studies.append(QJsonObject{{QStringLiteral("studyInstanceUid"), st.info.instanceUid},
                                       {QStringLiteral("date"), st.info.date},
                                       {QStringLiteral("description"), st.info.description},
                                       {QStringLiteral("series"), series}});
        }
        patients.append(QJsonObject{{QStringLiteral("name"), p.info.name},
                                    {QStringLiteral("id"), p.info.id},
                                    {QStringLiteral("birthDate"), p.info.birthDate},
                                    {QStringLiteral("sex"), p.info.sex},
                                    {QStringLiteral("studies"), studies}});
    }
    QJsonArray errors;
    for (const FileError& e : result.library.errors())
        errors.append(errorToJson(e.source, e.error));
    for (auto it = decodeErrors.begin(); it != decodeErrors.end(); ++it)
        errors.append(errorToJson(it->source, it->error));
    return {{QStringLiteral("patients"), patients},
            {QStringLiteral("errors"), errors},
            {QStringLiteral("duplicates"), result.library.duplicateCount()},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings)}};
}

} // namespace fenestra::app
