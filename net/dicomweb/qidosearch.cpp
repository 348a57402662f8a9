#include "qidosearch.h"

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

} // namespace

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
    case QidoLevel::Studies:
        return store(parseStudies(m_body), m_studies);
    case QidoLevel::Series:
        return store(parseSeries(m_body), m_series);
    case QidoLevel::Instances:
        return store(parseInstances(m_body), m_instances);
    }
    return 0;
}

} // namespace fenestra::net
