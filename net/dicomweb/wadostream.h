#pragma once

#include "dicomwebrequest.h"
#include "multipartparser.h"

#include <QMetaType>

#include <optional>

namespace fenestra::net {

// One part of a WADO-RS answer: a whole DICOM instance (application/dicom) or the bytes of a
// frame (application/octet-stream, or a compressed image type).
struct WadoPart
{
    int index = 0;              // position in the answer, from 0
    QByteArray contentType;     // the part's Content-Type (the answer's "type" when absent)
    QByteArray contentLocation; // empty when the server gives none
    QByteArray bytes;
};

// A streamed WADO-RS retrieval (series, instance or frames): the multipart/related answer is
// parsed as it arrives and each part is emitted as soon as it is complete, so memory stays
// bounded by the largest part. A damaged part fails alone (partFailed) and the following parts
// still arrive. finished() comes after the last part: Clean (all parts), Warnings (some parts
// failed, outcome().error is the first), Errored (HTTP error, connection failure, timeout, or
// TruncatedResponse when the answer stopped before its closing delimiter: the parts emitted
// before stay valid) or Cancelled.
//
// Thread contract: that of DicomWebRequest. Slots connected to partReceived may call cancel()
// (no further part is emitted) or deleteLater(), but must not delete the object.
class WadoStream : public DicomWebRequest
{
    Q_OBJECT

public:
    // Largest number of bytes the parser held at once (for memory checks).
    qsizetype peakBufferedBytes() const { return m_peakBuffered; }

signals:
    void partReceived(const fenestra::net::WadoPart& part);
    void partFailed(int index, const fenestra::net::Error& error);

private:
    friend class DicomWebClient;
    // `partType`: the media type every part must have ("application/dicom"); empty: any.
    WadoStream(QByteArray partType, QNetworkAccessManager* manager, QNetworkRequest request,
               RequestOptions options, QObject* parent);

    std::optional<Error> acceptResponse(const QNetworkReply& reply) override;
    void consume(QByteArrayView chunk) override;
    void complete() override;
    void abandon() override;
    void dispatch(std::vector<PartResult> results);
    void deliver(MultipartPart part);
    void reportFailure(int index, const Error& error);

    QByteArray m_partType;
    QByteArray m_rootType; // the answer's "type" parameter
    std::optional<MultipartParser> m_parser;
    qsizetype m_peakBuffered = 0;
};

// A WADO-RS request whose answer is one body (series metadata JSON, a rendered image), held in
// memory until finished(); body() and contentType() are valid once the status is Clean.
//
// Thread contract: that of DicomWebRequest.
class WadoFetch : public DicomWebRequest
{
    Q_OBJECT

public:
    const QByteArray& body() const { return m_body; }
    const QByteArray& contentType() const { return m_contentType; }

private:
    friend class DicomWebClient;
    WadoFetch(QNetworkAccessManager* manager, QNetworkRequest request, RequestOptions options,
              QObject* parent);

    std::optional<Error> acceptResponse(const QNetworkReply& reply) override;
    void consume(QByteArrayView chunk) override;
    void complete() override;

    QByteArray m_body;
    QByteArray m_contentType;
};

} // namespace fenestra::net

Q_DECLARE_METATYPE(fenestra::net::WadoPart)
