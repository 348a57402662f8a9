#include "dicomjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace fenestra::net {

namespace {

// The "Value" array of attribute `tag` ("0020000D") in a DICOM JSON dataset.
QJsonArray values(const QJsonObject& dataset, const char* tag)
{
    return dataset.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
}

QString valueToString(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isObject()) { // person name: the alphabetic group first
        const QJsonObject name = value.toObject();
        for (const char* group : {"Alphabetic", "Ideographic", "Phonetic"})
            if (name.contains(QLatin1String(group)))
                return name.value(QLatin1String(group)).toString();
    }
    return {};
}

QString text(const QJsonObject& dataset, const char* tag)
{
    const QJsonArray array = values(dataset, tag);
    return array.isEmpty() ? QString() : valueToString(array.first()).trimmed();
}

// All values; a single string holding backslash-separated values is split too.
QStringList texts(const QJsonObject& dataset, const char* tag)
{
    QStringList out;
    for (const QJsonValue& value : values(dataset, tag))
        for (const QString& part : valueToString(value).split(QLatin1Char('\\')))
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
    return out;
}

// IS and US values come as numbers or (from some servers) as strings.
int integer(const QJsonObject& dataset, const char* tag)
{
    const QJsonArray array = values(dataset, tag);
    if (array.isEmpty())
        return -1;
    if (array.first().isDouble())
        return array.first().toInt(-1);
    bool ok = false;
    const int number = valueToString(array.first()).trimmed().toInt(&ok);
    return ok ? number : -1;
}

// A DS attribute with exactly `count` numbers (numbers or numeric strings), else empty.
QList<double> decimals(const QJsonObject& dataset, const char* tag, qsizetype count)
{
    QList<double> out;
    for (const QString& text : texts(dataset, tag)) {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok)
            return {};
        out.append(value);
    }
    return out.size() == count ? out : QList<double>();
}

Result<QJsonArray> datasets(const QByteArray& json)
{
    if (json.trimmed().isEmpty())
        return QJsonArray();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::MalformedResponse,
                    QStringLiteral("invalid DICOM JSON at byte %1: %2")
                        .arg(error.offset)
                        .arg(error.errorString()));
    if (!document.isArray())
        return fail(ErrorCode::MalformedResponse, QStringLiteral("DICOM JSON is not an array"));
    const QJsonArray array = document.array();
    for (const QJsonValue& item : array)
        if (!item.isObject())
            return fail(ErrorCode::MalformedResponse,
                        QStringLiteral("DICOM JSON array holds a non-object"));
    return array;
}

// Parses every dataset with `read`; fails when a record lacks the UID `uidOf` returns.
template <class Record, class Read, class Uid>
Result<std::vector<Record>> parseAll(const QByteArray& json, Read read, Uid uidOf, const char* what)
{
    const Result<QJsonArray> array = datasets(json);
    if (!array)
        return std::unexpected(array.error());
    std::vector<Record> records;
    records.reserve(static_cast<std::size_t>(array->size()));
    for (const QJsonValue& item : *array) {
        Record record = read(item.toObject());
        if (uidOf(record).isEmpty())
            return fail(ErrorCode::MalformedResponse, QStringLiteral("%1 %2 has no UID")
                                                          .arg(QLatin1String(what))
                                                          .arg(records.size() + 1));
        records.push_back(std::move(record));
    }
    return records;
}

StudyRecord readStudy(const QJsonObject& d)
{
    StudyRecord r;
    r.studyInstanceUid = text(d, "0020000D");
    r.patientName = text(d, "00100010");
    r.patientId = text(d, "00100020");
    r.patientBirthDate = parseDicomDate(text(d, "00100030"));
    r.patientSex = text(d, "00100040");
    r.studyDate = parseDicomDate(text(d, "00080020"));
    r.studyDescription = text(d, "00081030");
    r.accessionNumber = text(d, "00080050");
    r.modalities = texts(d, "00080061");
    r.numberOfSeries = integer(d, "00201206");
    r.numberOfInstances = integer(d, "00201208");
    return r;
}

SeriesRecord readSeries(const QJsonObject& d)
{
    SeriesRecord r;
    r.studyInstanceUid = text(d, "0020000D");
    r.seriesInstanceUid = text(d, "0020000E");
    r.modality = text(d, "00080060");
    r.seriesNumber = integer(d, "00200011");
    r.seriesDescription = text(d, "0008103E");
    r.numberOfInstances = integer(d, "00201209");
    return r;
}

InstanceRecord readInstance(const QJsonObject& d)
{
    InstanceRecord r;
    r.studyInstanceUid = text(d, "0020000D");
    r.seriesInstanceUid = text(d, "0020000E");
    r.sopInstanceUid = text(d, "00080018");
    r.sopClassUid = text(d, "00080016");
    r.instanceNumber = integer(d, "00200013");
    r.rows = integer(d, "00280010");
    r.columns = integer(d, "00280011");
    r.numberOfFrames = integer(d, "00280008");
    r.imagePosition = decimals(d, "00200032", 3);
    r.imageOrientation = decimals(d, "00200037", 6);
    return r;
}

} // namespace

QDate parseDicomDate(const QString& text)
{
    const QString digits = QString(text).remove(QLatin1Char('.')).trimmed();
    if (digits.size() != 8)
        return {};
    return QDate::fromString(digits, QStringLiteral("yyyyMMdd"));
}

Result<std::vector<StudyRecord>> parseStudies(const QByteArray& json)
{
    return parseAll<StudyRecord>(
        json, readStudy, [](const StudyRecord& r) { return r.studyInstanceUid; }, "study");
}

Result<std::vector<SeriesRecord>> parseSeries(const QByteArray& json)
{
    return parseAll<SeriesRecord>(
        json, readSeries, [](const SeriesRecord& r) { return r.seriesInstanceUid; }, "series");
}

Result<std::vector<InstanceRecord>> parseInstances(const QByteArray& json)
{
    return parseAll<InstanceRecord>(
        json, readInstance, [](const InstanceRecord& r) { return r.sopInstanceUid; }, "instance");
}

} // namespace fenestra::net
