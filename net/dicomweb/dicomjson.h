#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace fenestra::net {

// Plain results of QIDO-RS searches, read from DICOM JSON (PS3.18 F.2). Absent attributes stay
// empty (strings), invalid (dates) or -1 (numbers). Names keep their DICOM form
// ("Family^Given"); the application formats them.

struct StudyRecord
{
    QString studyInstanceUid;
    QString patientName;
    QString patientId;
    QDate patientBirthDate;
    QString patientSex;
    QDate studyDate;
    QString studyDescription;
    QString accessionNumber;
    QStringList modalities;
    int numberOfSeries = -1;
    int numberOfInstances = -1;
};

struct SeriesRecord
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString modality;
    int seriesNumber = -1;
    QString seriesDescription;
    int numberOfInstances = -1;
};

struct InstanceRecord
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;
    int instanceNumber = -1;
    int rows = -1;
    int columns = -1;
    int numberOfFrames = -1;
    // ImagePositionPatient (x, y, z) and ImageOrientationPatient (row, column direction
    // cosines) when the answer holds them (series metadata does): to order slices in space
    // before any pixel arrives. Empty when absent or incomplete.
    QList<double> imagePosition;
    QList<double> imageOrientation;
};

// Each parser takes a DICOM JSON array (an empty body counts as no results, as after HTTP 204)
// and fails with MalformedResponse when the body is not an array of objects or a record lacks
// its UID. parseInstances also reads series metadata (WADO-RS .../metadata).
Result<std::vector<StudyRecord>> parseStudies(const QByteArray& json);
Result<std::vector<SeriesRecord>> parseSeries(const QByteArray& json);
Result<std::vector<InstanceRecord>> parseInstances(const QByteArray& json);

// A DICOM DA value ("20240115"; the old "2024.01.15" too) as a date; invalid when unreadable.
QDate parseDicomDate(const QString& text);

} // namespace fenestra::net
