#include "qidosearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fenestra::net {

namespace {

// A search answer larger than this is refused rather than held in memory.
constexpr qsizetype kMaxSearchBody = 256 * 1024 * 1024;

template <class Record>
Result<int> store(Result<std::vector<Record>> parsed, std::vector<Record>& out)
{
    if (!parsed)
        return std::unexpected(parsed.error());
    out = std::move(*parsed);
    return static_cast<int>(out.size());
}

// The trimmed string values of attribute `tag` of a DICOM JSON dataset (a single string holding
// backslash-separated values is split).
QStringList stringValues(const QJsonObject& dataset, const char* tag)
{
    QStringList out;
    const QJsonArray array =
        dataset.value(QLatin1String(tag)).toObject().value(QLatin1String("Value")).toArray();
    for (const QJsonValue& value : array)
        for (const QString& part : value.toString().split(QLatin1Char('\\')))
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
    return out;
}

QString firstValue(const QJsonObject& dataset, const char* tag)
{
    const QStringList values = stringValues(dataset, tag);
    return values.isEmpty() ? QString() : values.first();
}

PatientIdentifiers readIdentifiers(const QJsonObject& dataset)
{
    PatientIdentifiers ids;
    ids.issuerOfPatientId = firstValue(dataset, "00100021");
    const QJsonArray items =
        dataset.value(QLatin1String("00101002")).toObject().value(QLatin1String("Value")).toArray();
    for (const QJsonValue& item : items) {
        const QJsonObject object = item.toObject();
        OtherPatientId other{firstValue(object, "00100020"), firstValue(object, "00100021"),
                             firstValue(object, "00100022")};
        if (!other.id.isEmpty())
            ids.otherIds.append(other);
    }
    for (const QString& id : stringValues(dataset, "00101000"))
        ids.otherIds.append(OtherPatientId{id, {}, {}});
    return ids;
}

} // namespace

Result<std::vector<PatientIdentifiers>> parsePatientIdentifiers(const QByteArray& json)
{
    std::vector<PatientIdentifiers> out;
    if (json.trimmed().isEmpty())
        return out;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return fail(ErrorCode::MalformedResponse, QStringLiteral("DICOM JSON is not an array"));
    for (const QJsonValue& item : document.array()) {
        if (!item.isObject())
            return fail(ErrorCode::MalformedResponse,
                        QStringLiteral("DICOM JSON array holds a non-object"));
        out.push_back(readIdentifiers(item.toObject()));
    }
    return out;
}

QidoSearch::QidoSearch(QidoLevel level, QNetworkAccessManager* manager, QNetworkRequest request,
                       RequestOptions options, std::optional<QUrl> literalRetry, QObject* parent)
    : DicomWebRequest(manager, std::move(request), std::move(options), parent), m_level(level),
      m_literalRetry(std::move(literalRetry))
{}

int QidoSearch::resultCount() const
{
    switch (m_level) {
    case QidoLevel::Studies:
        return static_cast<int>(m_studies.size());
    case QidoLevel::Series:
        return static_cast<int>(m_series.size());
    case QidoLevel::Instances:
        return static_cast<int>(m_instances.size());
    }
    return 0;
}

void QidoSearch::consume(QByteArrayView chunk)
{
    if (m_body.size() + chunk.size() > kMaxSearchBody) {
        finishWith(RequestStatus::Errored,
                   Error{ErrorCode::MalformedResponse, QStringLiteral("search answer too large")});
        return;
    }
    m_body.append(chunk.data(), chunk.size());
}

void QidoSearch::complete()
{
    const Result<int> count = parseBody();
    m_body.clear();
    if (!count) {
        finishWith(RequestStatus::Errored, count.error());
        return;
    }
    if (*count == 0 && m_literalRetry) {
        // Nothing found with standard encoding: the server may compare the raw query text.
        const QUrl retry = *m_literalRetry;
        m_literalRetry.reset();
        m_usedLiteral = true;
        restart(retry);
        return;
    }
    if (*count == 0)
        m_usedLiteral = false;
    mutableOutcome().partsDelivered = *count;
    finishWith(RequestStatus::Clean);
}

Result<int> QidoSearch::parseBody()
{
    switch (m_level) {
    case QidoLevel::Studies: {
        Result<int> count = store(parseStudies(m_body), m_studies);
        if (!count)
            return count;
        // Same array, already validated: one entry per record.
        m_identifiers = parsePatientIdentifiers(m_body).value_or(std::vector<PatientIdentifiers>{});
        m_identifiers.resize(m_studies.size());
        return count;
    }
    case QidoLevel::Series:
        return store(parseSeries(m_body), m_series);
    case QidoLevel::Instances:
        return store(parseInstances(m_body), m_instances);
    }
    return 0;
}

} // namespace fenestra::net
