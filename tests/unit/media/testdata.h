#pragma once

// Shared by the media and geometry tests: the generated test profile and its manifest.json,
// which holds the ground truth (never repeated in the tests themselves).

#include "media/importer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

namespace fenestra::viewer::testdata {

inline QString root()
{
    return QStringLiteral(FENESTRA_TEST_DATA);
}

inline QString path(const QString& relative)
{
    return QDir(root()).filePath(relative);
}

// The manifest, read once; a missing or incomplete one stops the test run.
inline const QJsonObject& manifest()
{
    static const QJsonObject object = [] {
        QFile file(path(QStringLiteral("manifest.json")));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no manifest.json in %s: run the generate_test_data test first",
                   qPrintable(root()));
        const QJsonObject parsed = QJsonDocument::fromJson(file.readAll()).object();
        if (!parsed.value(QStringLiteral("complete")).toBool())
            qFatal("manifest.json in %s is incomplete", qPrintable(root()));
        return parsed;
    }();
    return object;
}

inline QJsonObject scenario(const QString& name)
{
    return manifest()[QStringLiteral("scenarios")][name].toObject();
}

// The first (test profile: only) series of a study in the manifest.
inline QJsonObject studySeries(const QString& study, int index = 0)
{
    return manifest()[QStringLiteral("studies")][study][QStringLiteral("series")][index].toObject();
}

inline Vec3 vec3(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

inline std::vector<double> doubles(const QJsonValue& value)
{
    std::vector<double> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(v.toDouble());
    return out;
}

// The manifest's instances of a series sorted by z (slice order along +z for axial data).
inline QStringList sopUidsByZ(const QJsonObject& series)
{
    QJsonArray instances = series[QStringLiteral("instances")].toArray();
    std::vector<QJsonObject> sorted;
    for (const QJsonValue& v : instances)
        sorted.push_back(v.toObject());
    std::ranges::stable_sort(sorted, {}, [](const QJsonObject& o) { return o["z"].toDouble(); });
    QStringList uids;
    for (const QJsonObject& o : sorted)
        uids << o[QStringLiteral("sop_instance_uid")].toString();
    return uids;
}

// Every display set of every series in the library, in tree order.
inline std::vector<DisplaySet> allDisplaySets(const StudyLibrary& library)
{
    std::vector<DisplaySet> sets;
    for (const PatientNode& patient : library.tree())
        for (const StudyNode& study : patient.studies)
            for (const SeriesNode& series : study.series)
                sets.insert(sets.end(), series.displaySets.begin(), series.displaySets.end());
    return sets;
}

inline QStringList frameSopUids(const DisplaySet& set)
{
    QStringList uids;
    for (const FrameRef& frame : set.frames)
        uids << frame.instance->sopInstanceUid;
    return uids;
}

// The error of a failed result, for a QVERIFY2 message (which is built even on success).
template <class T> QString errorText(const Result<T>& result)
{
    return result ? QString() : result.error().toString();
}

inline bool near(Vec3 a, Vec3 b, double tolerance)
{
    return std::abs(a.x - b.x) <= tolerance && std::abs(a.y - b.y) <= tolerance &&
           std::abs(a.z - b.z) <= tolerance;
}

inline QString toString(Vec3 v)
{
    return QStringLiteral("(%1, %2, %3)")
        .arg(v.x, 0, 'g', 12)
        .arg(v.y, 0, 'g', 12)
        .arg(v.z, 0, 'g', 12);
}

} // namespace fenestra::viewer::testdata
