#include "qidoquery.h"

#include <QSet>

namespace fenestra::net {

namespace {

// Attributes our record parsers read that servers need not return unless asked.
const QStringList kStudyFields = {
    QStringLiteral("StudyDescription"), QStringLiteral("ModalitiesInStudy"),
    QStringLiteral("NumberOfStudyRelatedSeries"), QStringLiteral("NumberOfStudyRelatedInstances")};
const QStringList kSeriesFields = {QStringLiteral("SeriesDescription"),
                                   QStringLiteral("NumberOfSeriesRelatedInstances")};
const QStringList kInstanceFields = {QStringLiteral("Rows"), QStringLiteral("Columns"),
                                     QStringLiteral("NumberOfFrames")};

QString dicomDate(const QDate& date)
{
    return date.toString(QStringLiteral("yyyyMMdd"));
}

QString dicomDateRange(const DateRange& range)
{
    if (!range.from.isValid() && !range.to.isValid())
        return {};
    if (range.from.isValid() && range.from == range.to)
        return dicomDate(range.from);
    return (range.from.isValid() ? dicomDate(range.from) : QString()) + QLatin1Char('-') +
           (range.to.isValid() ? dicomDate(range.to) : QString());
}

void addFilter(QueryItems& items, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        items.append({key, value});
}

void addCommon(QueryItems& items, const QStringList& defaults, const QStringList& extra,
               const QidoPaging& paging)
{
    QStringList fields = defaults;
    for (const QString& field : extra)
        if (!fields.contains(field))
            fields.append(field);
    for (const QString& field : fields)
        items.append({QStringLiteral("includefield"), field});
    if (paging.limit > 0)
        items.append({QStringLiteral("limit"), QString::number(paging.limit)});
    if (paging.offset > 0)
        items.append({QStringLiteral("offset"), QString::number(paging.offset)});
}

bool isRawByte(char c)
{
    static constexpr QByteArrayView marks = "-._~*^?,";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           marks.contains(c);
}

// Characters QUrl leaves alone in a query: our raw set minus `^`, which QUrl always encodes.
bool travelsLiterally(QChar c)
{
    return c.unicode() < 0x80 && c != QLatin1Char('^') && isRawByte(static_cast<char>(c.unicode()));
}

} // namespace

QueryItems queryItems(const StudyQuery& query)
{
    QueryItems items;
    addFilter(items, QStringLiteral("PatientName"), query.patientName);
    addFilter(items, QStringLiteral("PatientID"), query.patientId);
    if (query.patientBirthDate.isValid())
        items.append({QStringLiteral("PatientBirthDate"), dicomDate(query.patientBirthDate)});
    addFilter(items, QStringLiteral("StudyDate"), dicomDateRange(query.studyDate));
    addFilter(items, QStringLiteral("ModalitiesInStudy"), query.modalities.join(QLatin1Char(',')));
    addFilter(items, QStringLiteral("AccessionNumber"), query.accessionNumber);
    addCommon(items, kStudyFields, query.includeFields, query.paging);
    return items;
}

QueryItems queryItems(const SeriesQuery& query)
{
    QueryItems items;
    addFilter(items, QStringLiteral("Modality"), query.modality);
    addCommon(items, kSeriesFields, query.includeFields, query.paging);
    return items;
}

QueryItems queryItems(const InstanceQuery& query)
{
    QueryItems items;
    addCommon(items, kInstanceFields, query.includeFields, query.paging);
    return items;
}

QByteArray encodeQueryComponent(const QString& text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (isRawByte(c)) {
            out += c;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += hex[byte >> 4];
        out += hex[byte & 0x0f];
    }
    return out;
}

QByteArray encodeQuery(const QueryItems& items)
{
    QByteArray out;
    for (const auto& [key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += encodeQueryComponent(key) + '=' + encodeQueryComponent(value);
    }
    return out;
}

bool allowsWildcards(const QString& keyword)
{
    // PN, LO, SH and CS attributes we filter on; dates, UIDs and numbers do not match wildcards.
    static const QSet<QString> keywords = {
        QStringLiteral("PatientName"),       QStringLiteral("PatientID"),
        QStringLiteral("AccessionNumber"),   QStringLiteral("ModalitiesInStudy"),
        QStringLiteral("Modality"),          QStringLiteral("StudyDescription"),
        QStringLiteral("SeriesDescription"), QStringLiteral("ReferringPhysicianName"),
        QStringLiteral("StudyID"),           QStringLiteral("InstitutionName")};
    return keywords.contains(keyword);
}

QueryItems literalValueItems(const QueryItems& items)
{
    QueryItems out = items;
    for (auto& [key, value] : out) {
        if (!allowsWildcards(key))
            continue;
        QString literal;
        for (const QChar c : value) {
            if (c.isLowSurrogate())
                continue; // one wildcard for the whole code point
            literal += travelsLiterally(c) ? c : QLatin1Char('?');
        }
        value = literal;
    }
    return out;
}

} // namespace fenestra::net
