#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QByteArrayView>

#include <utility>
#include <vector>

namespace fenestra::net {

// One body part of a multipart/related response (RFC 2046), e.g. one DICOM instance of a
// WADO-RS series.
struct MultipartPart
{
    int index = 0; // position in the response, from 0
    // Header names lower-cased, values trimmed, in the order received.
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The value of the header `lowerCaseName`, or empty when absent.
    QByteArray header(QByteArrayView lowerCaseName) const;
};

// What the parser made of one part: the part, or why that part is unusable.
struct PartResult
{
    int index = 0;
    Result<MultipartPart> part;
};

// The boundary parameter of a multipart Content-Type ("multipart/related; type=...;
// boundary=XYZ"), quoted or not. Fails with MalformedResponse when it is not multipart or has
// no boundary.
Result<QByteArray> multipartBoundary(QByteArrayView contentType);
// The media type of a Content-Type, lower-cased, without parameters ("multipart/related").
QByteArray mediaType(QByteArrayView contentType);
// A parameter of a Content-Type ("type", "boundary"), unquoted; empty when absent. Quoted values
// may hold ';' (Orthanc sends type="application/octet-stream; transfer-syntax=...").
QByteArray contentTypeParameter(QByteArrayView contentType, QByteArrayView name);

// Incremental multipart parser: feed it the body of a response in chunks of any size, as they
// arrive; each part is returned as soon as its closing delimiter has arrived. Only the part in
// progress is buffered, so memory stays bounded by the largest part plus one chunk.
//
// A part's Content-Length is optional: with it, the parser checks that the delimiter follows
// the body exactly; without it, the body ends at the next delimiter. A damaged part (headers
// that cannot be parsed, a length that does not match, a damaged delimiter) is reported as an
// error for that part only: the parser re-synchronises on the next intact delimiter and goes on.
// Without a Content-Length, a damaged delimiter cannot be told from body bytes, so two parts
// merge into one; Orthanc always sends the length.
//
// Thread contract: not thread-safe; a plain value object used by one owner at a time.
class MultipartParser
{
public:
    explicit MultipartParser(QByteArray boundary, qsizetype maxHeaderBytes = 16 * 1024);

    // Consumes `bytes`; returns the parts (and part errors) completed by them, in order.
    std::vector<PartResult> feed(QByteArrayView bytes);
    // The response has ended: returns an error for a part left incomplete (TruncatedResponse).
    std::vector<PartResult> finish();

    // True once the closing delimiter ("--boundary--") has been read.
    bool isComplete() const { return m_state == State::Complete; }
    // Number of parts started so far (delivered, failed or in progress).
    int partCount() const { return m_nextIndex; }
    // Bytes held while waiting for the rest of a part (for memory checks in tests).
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    enum class State
    {
        Preamble,       // before the first delimiter
        AfterDelimiter, // "--boundary" read: "--" (end) or padding and CRLF follow
        Headers,        // reading the part headers up to the blank line
        Body,           // reading the body up to the next delimiter
        Skip,           // re-synchronising on the next intact delimiter after an error
        Complete        // closing delimiter read; the epilogue is ignored
    };

    // Each step consumes what it can; returns false when it needs more bytes.
    bool step(std::vector<PartResult>& out);
    bool stepPreamble();
    bool stepAfterDelimiter(std::vector<PartResult>& out);
    bool stepHeaders(std::vector<PartResult>& out);
    bool stepBody(std::vector<PartResult>& out);
    bool stepSkip();
    bool finishBodyWithLength(qsizetype found, std::vector<PartResult>& out);

    // Position of the next "\r\n--boundary" at or after `from`, or -1.
    qsizetype findDelimiter(qsizetype from) const;
    void failPart(int index, ErrorCode code, const QString& detail, std::vector<PartResult>& out);
    void emitPart(qsizetype bodyEnd, std::vector<PartResult>& out);
    void startSkip(qsizetype from);
    void discardBefore(qsizetype position);

    QByteArray m_delimiter; // "\r\n--" + boundary
    qsizetype m_maxHeaderBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;  // parsing position in m_buffer
    qsizetype m_scan = 0; // where the next delimiter search starts (avoids rescanning)
    State m_state = State::Preamble;
    int m_nextIndex = 0; // index of the next part to start
    MultipartPart m_part;
    qsizetype m_bodyStart = 0;
    qint64 m_contentLength = -1; // -1: the part has no Content-Length
};

} // namespace fenestra::net
