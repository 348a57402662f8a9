#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fenestra::integration {

// What the test data generator wrote (resources/demo/generate_demo.py, manifest.json): the
// synthetic studies with their UIDs and files, as expected values for archive tests.

struct ManifestSeries
{
    QString seriesUid;
    QString modality;
    QStringList files;           // absolute paths
    QStringList sopInstanceUids; // when the manifest lists them (not for the CD)
    QList<double> z;             // slice positions along z, per instance, when listed
};

struct ManifestStudy
{
    QString key; // "ct", "mr", "us", "cd", ...
    QString studyUid;
    QString patientName;
    QString patientId;
    QDate studyDate;
    QList<ManifestSeries> series;
    QStringList files() const; // every file of every series
};

// The studies of the manifest in `dataDirectory` (keyed "ct", "mr", ...); empty when it cannot
// be read.
QMap<QString, ManifestStudy> readManifest(const QString& dataDirectory);

// Writes the generator's demo profile (a 512x512x300 CT among others, ~175 MB, ~12 s) to
// `directory` unless it is already there; false with `error` set on failure.
bool generateDemoData(const QString& sourceDirectory, const QString& directory, QString* error);

} // namespace fenestra::integration
