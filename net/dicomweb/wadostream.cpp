#include "wadostream.h"

#include <QNetworkReply>

#include <QPointer>

namespace fenestra::net {

namespace {

// A single-body answer larger than this is refused rather than held in memory.
constexpr qsizetype kMaxFetchBody = 512 * 1024 * 1024;

QByteArray contentTypeOf(const QNetworkReply& reply)
{
    return reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
}

} // namespace

WadoStream::WadoStream(QByteArray partType, QNetworkAccessManager* manager, QNetworkRequest request,
                       RequestOptions options, QObject* parent)
    : DicomWebRequest(manager, std::move(request), std::move(options), parent),
      m_partType(std::move(partType))
{}

std::optional<Error> WadoStream::acceptResponse(const QNetworkReply& reply)
{
    const QByteArray contentType = contentTypeOf(reply);
    const Result<QByteArray> boundary = multipartBoundary(contentType);
    if (!boundary)
        return boundary.error();
    m_rootType = mediaType(contentTypeParameter(contentType, "type"));
    m_parser.emplace(*boundary);
    return std::nullopt;
}

void WadoStream::consume(QByteArrayView chunk)
{
    if (!m_parser)
        return;
    std::vector<PartResult> results = m_parser->feed(chunk);
    // What the parser held before handing parts out: the part in progress plus this chunk.
    m_peakBuffered = std::max(m_peakBuffered, m_parser->bufferedBytes() + chunk.size());
    dispatch(std::move(results));
}

void WadoStream::complete()
{
    if (!m_parser) { // a 2xx answer without a body (204)
        finishWith(RequestStatus::Clean);
        return;
    }
    dispatch(m_parser->finish());
    if (isFinished())
        return;
    if (!m_parser->isComplete()) {
        finishWith(RequestStatus::Errored,
                   Error{ErrorCode::TruncatedResponse,
                         QStringLiteral("the answer stopped after %1 parts, before its end")
                             .arg(m_parser->partCount())});
        return;
    }
    const RequestOutcome& outcome = this->outcome();
    if (outcome.partsFailed > 0)
        finishWith(RequestStatus::Warnings, outcome.error);
    else
        finishWith(RequestStatus::Clean);
}

void WadoStream::abandon()
{
    if (m_parser)
        dispatch(m_parser->finish());
}

void WadoStream::dispatch(std::vector<PartResult> results)
{
    QPointer<WadoStream> guard(this);
    for (PartResult& result : results) {
        if (!guard || isFinished()) // a slot cancelled the request
            return;
        if (result.part)
            deliver(std::move(*result.part));
        else
            reportFailure(result.index, result.part.error());
    }
}

void WadoStream::deliver(MultipartPart part)
{
    QByteArray type = part.header("content-type");
    if (type.isEmpty())
        type = m_rootType;
    if (!m_partType.isEmpty() && mediaType(type) != m_partType) {
        reportFailure(part.index, Error{ErrorCode::MalformedPart,
                                        QStringLiteral("part %1 is \"%2\", expected \"%3\"")
                                            .arg(part.index)
                                            .arg(QString::fromLatin1(mediaType(type).left(64)))
                                            .arg(QString::fromLatin1(m_partType))});
        return;
    }
    WadoPart out{part.index, type, part.header("content-location"), std::move(part.body)};
    ++mutableOutcome().partsDelivered;
    emit partReceived(out);
}

void WadoStream::reportFailure(int index, const Error& error)
{
    RequestOutcome& outcome = mutableOutcome();
    ++outcome.partsFailed;
    if (!outcome.error)
        outcome.error = error;
    emit partFailed(index, error);
}

WadoFetch::WadoFetch(QNetworkAccessManager* manager, QNetworkRequest request,
                     RequestOptions options, QObject* parent)
    : DicomWebRequest(manager, std::move(request), std::move(options), parent)
{}

std::optional<Error> WadoFetch::acceptResponse(const QNetworkReply& reply)
{
    m_contentType = contentTypeOf(reply);
    return std::nullopt;
}

void WadoFetch::consume(QByteArrayView chunk)
{
    if (m_body.size() + chunk.size() > kMaxFetchBody) {
        finishWith(RequestStatus::Errored,
                   Error{ErrorCode::MalformedResponse, QStringLiteral("answer too large")});
        return;
    }
    m_body.append(chunk.data(), chunk.size());
}

void WadoFetch::complete()
{
    mutableOutcome().partsDelivered = 1;
    finishWith(RequestStatus::Clean);
}

} // namespace fenestra::net
