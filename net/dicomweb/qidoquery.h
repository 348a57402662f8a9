#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace fenestra::net {

// A closed or open date range for DICOM range matching ("from-to", "from-", "-to"); an invalid
// QDate leaves that end open; both invalid: no filter.
struct DateRange
{
    QDate from;
    QDate to;
};

// Paging and extra attributes common to every QIDO-RS level.
struct QidoPaging
{
    int limit = 0;  // 0: no limit sent (the server's own cap applies)
    int offset = 0; // results to skip
};

// QIDO-RS study search. Text filters may use the DICOM wildcards `*` and `?`; an empty field
// is not sent. Patient names are given in DICOM form ("Family^Given"); the server's matching
// rules apply (Orthanc matches names and IDs case-insensitively).
struct StudyQuery
{
    QString patientName;
    QString patientId;
    QDate patientBirthDate;
    DateRange studyDate;
    QStringList modalities; // ModalitiesInStudy: studies holding any of them
    QString accessionNumber;
    QStringList includeFields; // extra attributes (keywords or tags) besides the default ones
    QidoPaging paging;
};

// QIDO-RS series search in one study.
struct SeriesQuery
{
    QString modality;
    QStringList includeFields;
    QidoPaging paging;
};

// QIDO-RS instance search in one series.
struct InstanceQuery
{
    QStringList includeFields;
    QidoPaging paging;
};

using QueryItems = QList<QPair<QString, QString>>;

// The query parameters of a search, in a fixed order, with the include fields our record
// parsers read (StudyDescription, counts, Rows/Columns, ...).
QueryItems queryItems(const StudyQuery& query);
QueryItems queryItems(const SeriesQuery& query);
QueryItems queryItems(const InstanceQuery& query);

// How query values travel to the server.
enum class QueryDialect
{
    // Percent-encoded; the server decodes (the standard). Note that QUrl, hence
    // QNetworkAccessManager, always sends `^` as %5E.
    Standard,
    // For servers that do not percent-decode query values (Orthanc 1.10): in attributes that
    // allow wildcards, every character that cannot travel unencoded through QUrl (`^`, space,
    // `&`, non-ASCII, ...) becomes the single-character wildcard `?`, which every server treats
    // the same way; "Phantom^CT" is sent as "Phantom?CT".
    LiteralValues,
    // Standard first; when that finds nothing and the literal form differs, the literal form is
    // tried as well (one more request, only for empty results).
    Auto
};

// The query string for `items`: `key=value` pairs joined by `&`. Letters, digits and
// `- . _ ~ * ^ ? ,` are written as they are (DICOM wildcards, name separators, date ranges and
// value lists stay readable); every other byte of the UTF-8 value is percent-encoded (space,
// `&`, `=`, `+`, `#`, `%`, non-ASCII, ...), so a standard server decodes exactly the value.
QByteArray encodeQuery(const QueryItems& items);
// One key or value, encoded as above.
QByteArray encodeQueryComponent(const QString& text);

// `items` with the LiteralValues substitution applied to the attributes that allow wildcards.
QueryItems literalValueItems(const QueryItems& items);
// True when DICOM allows wildcard matching on the attribute `keyword` (PN, LO, SH, CS, ...).
bool allowsWildcards(const QString& keyword);

} // namespace fenestra::net
