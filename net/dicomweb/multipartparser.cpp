#include "multipartparser.h"

#include <QList>

#include <algorithm>

namespace fenestra::net {

namespace {

// A damaged delimiter is told from a wrong Content-Length by how much the bytes where the
// delimiter should be differ from it: a flipped byte or two, not a run of body bytes.
constexpr int kMaxDamagedDelimiterBytes = 2;
// Transport padding allowed after a delimiter (RFC 2046 allows linear white space).
constexpr qsizetype kMaxPadding = 256;
// Longest boundary accepted (RFC 2046 says 70; Orthanc sends 72).
constexpr qsizetype kMaxBoundary = 200;

bool isTokenChar(char c)
{
    static constexpr QByteArrayView extra = "!#$%&'*+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           extra.contains(c);
}

bool hasControlChar(QByteArrayView value)
{
    return std::any_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

using HeaderList = std::vector<std::pair<QByteArray, QByteArray>>;

// Parses "Name: value" lines (CRLF-separated, continuation lines folded in).
Result<HeaderList> parseHeaderBlock(QByteArrayView block)
{
    HeaderList headers;
    for (QByteArrayView line : QByteArray::fromRawData(block.data(), block.size()).split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t')) {
            if (headers.empty())
                return fail(ErrorCode::MalformedPart, QStringLiteral("continuation line first"));
            headers.back().second += ' ' + line.trimmed().toByteArray();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenChar))
            return fail(ErrorCode::MalformedPart, QStringLiteral("header line without a name"));
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (hasControlChar(value))
            return fail(ErrorCode::MalformedPart, QStringLiteral("control byte in a header"));
        headers.emplace_back(name.toByteArray().toLower(), value.toByteArray());
    }
    return headers;
}

// The Content-Length of a part: -1 when absent, an error when present but not a number.
Result<qint64> partContentLength(const MultipartPart& part)
{
    const QByteArray text = part.header("content-length");
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 length = text.toLongLong(&ok);
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!ok || !digits)
        return fail(ErrorCode::MalformedPart, QStringLiteral("invalid Content-Length"));
    return length;
}

} // namespace

QByteArray MultipartPart::header(QByteArrayView lowerCaseName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return {};
}

QByteArray mediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type = semicolon < 0 ? contentType : contentType.first(semicolon);
    return type.trimmed().toByteArray().toLower();
}

QByteArray contentTypeParameter(QByteArrayView contentType, QByteArrayView name)
{
    qsizetype i = contentType.indexOf(';');
    while (i >= 0 && i < contentType.size()) {
        ++i; // past ';'
        const qsizetype equals = contentType.indexOf('=', i);
        if (equals < 0)
            return {};
        const QByteArray key = contentType.sliced(i, equals - i).trimmed().toByteArray();
        QByteArray value;
        i = equals + 1;
        while (i < contentType.size() && contentType[i] == ' ')
            ++i;
        if (i < contentType.size() && contentType[i] == '"') {
            for (++i; i < contentType.size() && contentType[i] != '"'; ++i) {
                if (contentType[i] == '\\' && i + 1 < contentType.size())
                    ++i;
                value += contentType[i];
            }
            i = contentType.indexOf(';', i);
        } else {
            const qsizetype end = contentType.indexOf(';', i);
            value = contentType.sliced(i, (end < 0 ? contentType.size() : end) - i)
                        .trimmed()
                        .toByteArray();
            i = end;
        }
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<QByteArray> multipartBoundary(QByteArrayView contentType)
{
    if (!mediaType(contentType).startsWith("multipart/"))
        return fail(ErrorCode::MalformedResponse,
                    QStringLiteral("expected a multipart response, got \"%1\"")
                        .arg(QString::fromLatin1(mediaType(contentType))));
    const QByteArray boundary = contentTypeParameter(contentType, "boundary");
    if (boundary.isEmpty() || boundary.size() > kMaxBoundary)
        return fail(ErrorCode::MalformedResponse,
                    QStringLiteral("multipart response without a usable boundary"));
    return boundary;
}

MultipartParser::MultipartParser(QByteArray boundary, qsizetype maxHeaderBytes)
    : m_delimiter("\r\n--" + boundary), m_maxHeaderBytes(maxHeaderBytes),
      // A leading CRLF lets the first delimiter (at the very start of the body, without CRLF)
      // be found like every other one.
      m_buffer("\r\n")
{}

std::vector<PartResult> MultipartParser::feed(QByteArrayView bytes)
{
    std::vector<PartResult> out;
    if (m_state == State::Complete)
        return out;
    m_buffer.append(bytes.data(), bytes.size());
    while (step(out)) {
    }
    // Keep only what a later step still needs.
    switch (m_state) {
    case State::Preamble:
    case State::Skip:
        discardBefore(m_scan);
        break;
    case State::AfterDelimiter:
    case State::Headers:
        discardBefore(m_pos);
        break;
    case State::Body:
        discardBefore(m_bodyStart);
        break;
    case State::Complete:
        m_buffer.clear();
        m_pos = m_scan = m_bodyStart = 0;
        break;
    }
    return out;
}

std::vector<PartResult> MultipartParser::finish()
{
    std::vector<PartResult> out;
    if (m_state == State::Headers || m_state == State::Body)
        failPart(m_part.index, ErrorCode::TruncatedResponse,
                 QStringLiteral("the response ended inside part %1").arg(m_part.index), out);
    if (m_state != State::Complete) {
        m_state = State::Skip; // a response that ended early stays incomplete
        m_buffer.clear();
        m_pos = m_scan = m_bodyStart = 0;
    }
    return out;
}

bool MultipartParser::step(std::vector<PartResult>& out)
{
    switch (m_state) {
    case State::Preamble:
    case State::Skip:
        return stepSkip();
    case State::AfterDelimiter:
        return stepAfterDelimiter(out);
    case State::Headers:
        return stepHeaders(out);
    case State::Body:
        return stepBody(out);
    case State::Complete:
        return false;
    }
    return false;
}

qsizetype MultipartParser::findDelimiter(qsizetype from) const
{
    return m_buffer.indexOf(m_delimiter, from);
}

bool MultipartParser::stepSkip()
{
    const qsizetype found = findDelimiter(m_scan);
    if (found < 0) {
        m_scan = std::max(m_scan, m_buffer.size() - m_delimiter.size() + 1);
        return false;
    }
    m_pos = found + m_delimiter.size();
    m_state = State::AfterDelimiter;
    return true;
}

bool MultipartParser::stepAfterDelimiter(std::vector<PartResult>& out)
{
    const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_pos);
    if (rest.size() < 2)
        return false;
    if (rest.startsWith("--")) {
        m_state = State::Complete;
        return false;
    }
    qsizetype i = 0;
    while (i < rest.size() && i < kMaxPadding && (rest[i] == ' ' || rest[i] == '\t'))
        ++i;
    if (i + 2 > rest.size() && i < kMaxPadding)
        return false;
    const int index = m_nextIndex++;
    if (rest.sliced(i).startsWith("\r\n")) {
        m_part = MultipartPart{};
        m_part.index = index;
        m_pos += i + 2;
        m_scan = m_pos;
        m_state = State::Headers;
        return true;
    }
    failPart(index, ErrorCode::MalformedPart, QStringLiteral("damaged delimiter line"), out);
    startSkip(m_pos);
    return true;
}

bool MultipartParser::stepHeaders(std::vector<PartResult>& out)
{
    const QByteArrayView view(m_buffer);
    // The headers end with a blank line; a part without headers starts with it.
    const bool noHeaders = view.sliced(m_pos).startsWith("\r\n");
    const qsizetype blankLine =
        noHeaders ? m_pos - 2 : m_buffer.indexOf("\r\n\r\n", std::max(m_pos, m_scan));
    const bool found = noHeaders || blankLine >= 0;
    const qsizetype delimiter = findDelimiter(m_pos);
    // Headers that run into the next delimiter were damaged (a lost blank line).
    if (delimiter >= 0 && (!found || delimiter <= blankLine + 2)) {
        failPart(m_part.index, ErrorCode::MalformedPart,
                 QStringLiteral("part %1 has no end of headers").arg(m_part.index), out);
        m_pos = delimiter + m_delimiter.size();
        m_state = State::AfterDelimiter;
        return true;
    }
    if (!found || blankLine - m_pos > m_maxHeaderBytes) {
        if (found || m_buffer.size() - m_pos > m_maxHeaderBytes) {
            failPart(m_part.index, ErrorCode::MalformedPart,
                     QStringLiteral("part %1 headers are too long").arg(m_part.index), out);
            startSkip(m_pos);
            return true;
        }
        m_scan = std::max(m_pos, m_buffer.size() - 3);
        return false;
    }
    Result<HeaderList> headers =
        noHeaders ? HeaderList{} : parseHeaderBlock(view.sliced(m_pos, blankLine - m_pos));
    if (headers)
        m_part.headers = std::move(*headers);
    const Result<qint64> length =
        headers ? partContentLength(m_part) : std::unexpected(headers.error());
    if (!length) {
        failPart(m_part.index, length.error().code,
                 QStringLiteral("part %1: %2").arg(m_part.index).arg(length.error().detail), out);
        startSkip(m_pos);
        return true;
    }
    m_contentLength = *length;
    m_bodyStart = blankLine + 4;
    m_scan = m_bodyStart;
    m_state = State::Body;
    return true;
}

bool MultipartParser::stepBody(std::vector<PartResult>& out)
{
    const qsizetype found = findDelimiter(std::max(m_scan, m_bodyStart));
    if (m_contentLength >= 0)
        return finishBodyWithLength(found, out);
    if (found < 0) {
        m_scan = std::max(m_bodyStart, m_buffer.size() - m_delimiter.size() + 1);
        return false;
    }
    emitPart(found, out);
    m_pos = found + m_delimiter.size();
    m_state = State::AfterDelimiter;
    return true;
}

bool MultipartParser::finishBodyWithLength(qsizetype found, std::vector<PartResult>& out)
{
    const qsizetype expectedEnd = m_bodyStart + m_contentLength;
    const qsizetype delimiterSize = m_delimiter.size();
    if (found >= 0 && found <= expectedEnd) {
        if (found == expectedEnd)
            emitPart(found, out);
        else // a delimiter cannot occur inside a body: the length is wrong
            failPart(m_part.index, ErrorCode::MalformedPart,
                     QStringLiteral("part %1 is shorter than its Content-Length").arg(m_part.index),
                     out);
        m_pos = found + delimiterSize;
        m_state = State::AfterDelimiter;
        return true;
    }
    if (found < 0 && m_buffer.size() < expectedEnd + delimiterSize) {
        m_scan = std::max(m_bodyStart, m_buffer.size() - delimiterSize + 1);
        return false;
    }
    // The bytes after the body are not a delimiter: a damaged delimiter (then this part is
    // whole and the next one is lost) or a wrong length (then this part is unusable).
    const QByteArrayView actual = QByteArrayView(m_buffer).sliced(expectedEnd, delimiterSize);
    int differences = 0;
    for (qsizetype i = 0; i < delimiterSize; ++i)
        differences += actual[i] != m_delimiter[i] ? 1 : 0;
    if (differences <= kMaxDamagedDelimiterBytes) {
        emitPart(expectedEnd, out);
        const int lost = m_nextIndex++;
        failPart(lost, ErrorCode::MalformedPart,
                 QStringLiteral("the delimiter before part %1 is damaged").arg(lost), out);
        startSkip(expectedEnd + 1);
    } else {
        failPart(m_part.index, ErrorCode::MalformedPart,
                 QStringLiteral("part %1 does not match its Content-Length").arg(m_part.index),
                 out);
        startSkip(m_bodyStart);
    }
    return true;
}

void MultipartParser::failPart(int index, ErrorCode code, const QString& detail,
                               std::vector<PartResult>& out)
{
    out.push_back(PartResult{index, std::unexpected(Error{code, detail})});
}

void MultipartParser::emitPart(qsizetype bodyEnd, std::vector<PartResult>& out)
{
    m_part.body = m_buffer.mid(m_bodyStart, bodyEnd - m_bodyStart);
    const int index = m_part.index;
    out.push_back(PartResult{index, std::move(m_part)});
    m_part = MultipartPart{};
}

void MultipartParser::startSkip(qsizetype from)
{
    m_scan = from;
    m_state = State::Skip;
}

void MultipartParser::discardBefore(qsizetype position)
{
    position = std::clamp<qsizetype>(position, 0, m_buffer.size());
    if (position == 0)
        return;
    m_buffer.remove(0, position);
    m_pos = std::max<qsizetype>(0, m_pos - position);
    m_scan = std::max<qsizetype>(0, m_scan - position);
    m_bodyStart = std::max<qsizetype>(0, m_bodyStart - position);
}

} // namespace fenestra::net
