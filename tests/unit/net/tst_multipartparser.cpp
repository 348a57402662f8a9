// The incremental multipart/related parser: real Orthanc answers (recorded in data/) fed whole,
// split at every byte and in random chunks give the same parts as an independent whole-buffer
// split; hand-made edge cases check optional lengths, padding, truncation and damaged parts.

#include "dicomweb/multipartparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace fenestra::net;

namespace {

struct Recorded
{
    QByteArray contentType;
    QByteArray body;
};

// data/*.multipart: "Content-Type: ...\r\n\r\n" then the body exactly as Orthanc 1.10 sent it.
Recorded loadRecorded(const QString& name)
{
    QFile file(QStringLiteral(FENESTRA_SOURCE_DIR "/tests/unit/net/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    return {all.left(end).mid(int(sizeof("Content-Type:")) - 1).trimmed(), all.mid(end + 4)};
}

// Independent oracle: the bodies between delimiters, by splitting the whole buffer.
QList<QByteArray> referenceBodies(const QByteArray& body, const QByteArray& boundary)
{
    QList<QByteArray> bodies;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (body.mid(pos + delimiter.size(), 2) == "--" || lineEnd < 0)
            break;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", lineEnd);
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd);
        bodies.append(body.mid(headersEnd + 4, next - headersEnd - 4));
        pos = next + 2;
    }
    return bodies;
}

// A compact, comparable rendering of parser output: "0:ok:<size>:<hash>" or "2:MalformedPart".
QStringList describe(const std::vector<PartResult>& results)
{
    QStringList out;
    for (const PartResult& r : results) {
        if (r.part)
            out.append(QStringLiteral("%1:ok:%2:%3")
                           .arg(r.index)
                           .arg(r.part->body.size())
                           .arg(qHash(r.part->body)));
        else
            out.append(QStringLiteral("%1:%2").arg(r.index).arg(
                QString::fromLatin1(errorCodeName(r.part.error().code))));
    }
    return out;
}

std::vector<PartResult> parseChunks(const QByteArray& boundary, const QByteArray& body,
                                    const QList<qsizetype>& cuts, bool* complete = nullptr)
{
    MultipartParser parser(boundary);
    std::vector<PartResult> all;
    qsizetype start = 0;
    QList<qsizetype> ends = cuts;
    ends.append(body.size());
    for (const qsizetype end : ends) {
        for (PartResult& r : parser.feed(QByteArrayView(body).sliced(start, end - start)))
            all.push_back(std::move(r));
        start = end;
    }
    for (PartResult& r : parser.finish())
        all.push_back(std::move(r));
    if (complete)
        *complete = parser.isComplete();
    return all;
}

QByteArray part(const QByteArray& headers, const QByteArray& body)
{
    return "--BND\r\n" + headers + "\r\n" + body + "\r\n";
}

} // namespace

class TestMultipartParser : public QObject
{
    Q_OBJECT

private slots:
    void boundary_fromContentType_data();
    void boundary_fromContentType();
    void boundary_notMultipart_isMalformedResponse();
    void contentTypeParameter_quotedWithSemicolon_keepsWholeValue();

    void recordedSeries_whole_givesTenDicomInstancesLikeReference();
    void recorded_splitAtEveryByte_givesSameParts_data();
    void recorded_splitAtEveryByte_givesSameParts();
    void recordedSeries_randomChunks_giveSameParts();
    void recordedSeries_oneByteAtATime_bufferStaysBelowLargestPartPlusHeaders();
    void recordedSeries_partIsEmittedOnceItsDelimiterArrives();
    void recordedFrames_partHeadersAreParsed();
    void recordedSeries_anyDelimiterOrHeaderByteFlipped_failsOnlyThatPart_data();
    void recordedSeries_anyDelimiterOrHeaderByteFlipped_failsOnlyThatPart();

    void handMade_data();
    void handMade();
    void handMade_splitAtEveryByte_givesSameResults_data();
    void handMade_splitAtEveryByte_givesSameResults();
};

void TestMultipartParser::boundary_fromContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("boundary");
    QTest::newRow("quoted") << QByteArray("multipart/related; type=\"application/dicom\"; "
                                          "boundary=\"abc:def\"")
                            << QByteArray("abc:def");
    QTest::newRow("unquoted") << QByteArray("multipart/related;boundary=xyz-1;type=x")
                              << QByteArray("xyz-1");
    QTest::newRow("case-insensitive name")
        << QByteArray("Multipart/Related; BOUNDARY=Q") << QByteArray("Q");
    QTest::newRow("orthanc frames")
        << QByteArray("multipart/related; type=\"application/octet-stream; "
                      "transfer-syntax=1.2.840.10008.1.2.1\""
                      "; boundary=4f78e5bc-7ead")
        << QByteArray("4f78e5bc-7ead");
}

void TestMultipartParser::boundary_fromContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, boundary);
    const Result<QByteArray> result = multipartBoundary(contentType);
    QVERIFY(result.has_value());
    QCOMPARE(*result, boundary);
}

void TestMultipartParser::boundary_notMultipart_isMalformedResponse()
{
    QCOMPARE(multipartBoundary("application/dicom+json").error().code,
             ErrorCode::MalformedResponse);
    QCOMPARE(multipartBoundary("multipart/related; type=x").error().code,
             ErrorCode::MalformedResponse);
}

void TestMultipartParser::contentTypeParameter_quotedWithSemicolon_keepsWholeValue()
{
    const QByteArray type = "multipart/related; type=\"application/octet-stream; "
                            "transfer-syntax=1.2.840.10008.1.2.1\"; boundary=b";
    QCOMPARE(contentTypeParameter(type, "type"),
             QByteArray("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"));
    QCOMPARE(mediaType(contentTypeParameter(type, "type")), QByteArray("application/octet-stream"));
    QCOMPARE(contentTypeParameter(type, "missing"), QByteArray());
}

void TestMultipartParser::recordedSeries_whole_givesTenDicomInstancesLikeReference()
{
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_series.multipart"));
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    const QList<QByteArray> reference = referenceBodies(recorded.body, boundary);
    QCOMPARE(reference.size(), 10);

    bool complete = false;
    const std::vector<PartResult> parts = parseChunks(boundary, recorded.body, {}, &complete);
    QVERIFY(complete);
    QCOMPARE(parts.size(), std::size_t(10));
    for (int i = 0; i < 10; ++i) {
        const auto& p = parts[std::size_t(i)];
        QVERIFY2(p.part.has_value(), p.part ? "" : qPrintable(p.part.error().toString()));
        QCOMPARE(p.index, i);
        QCOMPARE(p.part->body, reference[i]);
        QCOMPARE(p.part->body.mid(128, 4), QByteArray("DICM"));
        QCOMPARE(p.part->header("content-length").toLongLong(), p.part->body.size());
        QCOMPARE(p.part->header("content-type"), QByteArray("application/dicom"));
    }
}

void TestMultipartParser::recorded_splitAtEveryByte_givesSameParts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("parts");
    QTest::newRow("instance") << QStringLiteral("orthanc_instance.multipart") << 1;
    QTest::newRow("frames") << QStringLiteral("orthanc_frames.multipart") << 1;
    QTest::newRow("series") << QStringLiteral("orthanc_series.multipart") << 10;
}

void TestMultipartParser::recorded_splitAtEveryByte_givesSameParts()
{
    QFETCH(QString, file);
    QFETCH(int, parts);
    const Recorded recorded = loadRecorded(file);
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    const QStringList expected = describe(parseChunks(boundary, recorded.body, {}));
    QCOMPARE(expected.size(), parts);
    QVERIFY(expected.filter(QStringLiteral(":ok:")).size() == parts);
    for (qsizetype cut = 0; cut <= recorded.body.size(); ++cut) {
        bool complete = false;
        const QStringList got = describe(parseChunks(boundary, recorded.body, {cut}, &complete));
        if (got != expected || !complete)
            QFAIL(qPrintable(QStringLiteral("differs when split at byte %1").arg(cut)));
    }
}

void TestMultipartParser::recordedSeries_randomChunks_giveSameParts()
{
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_series.multipart"));
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    const QStringList expected = describe(parseChunks(boundary, recorded.body, {}));
    QRandomGenerator random(4242);
    for (int round = 0; round < 300; ++round) {
        QList<qsizetype> cuts;
        const int maxChunk = 1 + random.bounded(round % 3 == 0 ? 16 : 5000);
        for (qsizetype at = random.bounded(maxChunk); at < recorded.body.size();
             at += 1 + random.bounded(maxChunk))
            cuts.append(at);
        QCOMPARE(describe(parseChunks(boundary, recorded.body, cuts)), expected);
    }
}

void TestMultipartParser::recordedSeries_oneByteAtATime_bufferStaysBelowLargestPartPlusHeaders()
{
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_series.multipart"));
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    qsizetype largest = 0;
    for (const QByteArray& body : referenceBodies(recorded.body, boundary))
        largest = std::max(largest, body.size());
    MultipartParser parser(boundary);
    qsizetype peak = 0;
    int delivered = 0;
    for (const char c : recorded.body) {
        delivered += int(parser.feed(QByteArrayView(&c, 1)).size());
        peak = std::max(peak, parser.bufferedBytes());
    }
    QCOMPARE(delivered, 10);
    QVERIFY(parser.isComplete());
    QVERIFY2(peak <= largest + 2 * boundary.size() + 128,
             qPrintable(QStringLiteral("peak %1, largest part %2").arg(peak).arg(largest)));
    QVERIFY(peak >= largest); // it did hold a whole part, as it must
}

void TestMultipartParser::recordedSeries_partIsEmittedOnceItsDelimiterArrives()
{
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_series.multipart"));
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    const QByteArray delimiter = "\r\n--" + boundary;
    const qsizetype secondDelimiter = recorded.body.indexOf(delimiter, 10);
    MultipartParser parser(boundary);
    // Everything up to one byte short of the delimiter after part 0: nothing yet.
    QVERIFY(parser.feed(QByteArrayView(recorded.body).first(secondDelimiter + delimiter.size() - 1))
                .empty());
    // The last byte of that delimiter completes part 0, before any byte of part 1 arrives.
    const std::vector<PartResult> first = parser.feed(
        QByteArrayView(recorded.body).sliced(secondDelimiter + delimiter.size() - 1, 1));
    QCOMPARE(first.size(), std::size_t(1));
    QVERIFY(first[0].part.has_value());
    QCOMPARE(first[0].index, 0);
}

void TestMultipartParser::recordedFrames_partHeadersAreParsed()
{
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_frames.multipart"));
    const std::vector<PartResult> parts =
        parseChunks(*multipartBoundary(recorded.contentType), recorded.body, {});
    QCOMPARE(parts.size(), std::size_t(1));
    const MultipartPart& frame = *parts[0].part;
    QCOMPARE(frame.body.size(), 32 * 32 * 2); // the 32x32 16-bit frame of the CD's CT
    QCOMPARE(frame.header("content-type"),
             QByteArray("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"));
    QVERIFY(frame.header("content-location").endsWith("/frames/1"));
}

void TestMultipartParser::recordedSeries_anyDelimiterOrHeaderByteFlipped_failsOnlyThatPart_data()
{
    QTest::addColumn<int>("mask");
    QTest::newRow("one bit") << 0x01;
    QTest::newRow("high bit") << 0x80;
    QTest::newRow("all bits") << 0xff;
}

// Every byte from the delimiter before part 4 to the start of its body, flipped: part 4 is
// either intact (a harmless change, say in a header name) or reported failed; every other part
// arrives intact; no part is ever delivered with wrong bytes.
void TestMultipartParser::recordedSeries_anyDelimiterOrHeaderByteFlipped_failsOnlyThatPart()
{
    QFETCH(int, mask);
    const Recorded recorded = loadRecorded(QStringLiteral("orthanc_series.multipart"));
    const QByteArray boundary = *multipartBoundary(recorded.contentType);
    const QList<QByteArray> reference = referenceBodies(recorded.body, boundary);
    const QByteArray delimiter = "\r\n--" + boundary;
    qsizetype from = 0;
    for (int i = 0; i < 4; ++i)
        from = recorded.body.indexOf(delimiter, from + 1);
    const qsizetype to = recorded.body.indexOf("\r\n\r\n", from + delimiter.size()) + 4;
    int failures = 0;
    for (qsizetype at = from; at < to; ++at) {
        QByteArray damaged = recorded.body;
        damaged[at] = char(damaged[at] ^ mask);
        const std::vector<PartResult> results = parseChunks(boundary, damaged, {at / 2, at + 3});
        QSet<int> delivered;
        for (const PartResult& r : results) {
            const QString where = QStringLiteral("byte %1, part %2").arg(at).arg(r.index);
            QVERIFY2(r.part || r.index == 4, qPrintable(where));
            if (!r.part) {
                ++failures;
                continue;
            }
            QVERIFY2(r.part->body == reference[r.index], qPrintable(where));
            delivered.insert(r.index);
        }
        for (int i = 0; i < 10; ++i)
            QVERIFY2(i == 4 || delivered.contains(i), qPrintable(QString::number(at)));
    }
    QVERIFY(failures > (to - from) / 2); // most damage is detected, not silently absorbed
}

void TestMultipartParser::handMade_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("expected"); // "index:ok:body" or "index:ErrorCode"
    QTest::addColumn<bool>("complete");

    const QByteArray end = "--BND--\r\n";
    QTest::newRow("lengths absent, preamble and epilogue ignored")
        << "preamble\r\n" + part("A: 1\r\n", "one") + part("", "two") + end + "epilogue"
        << QStringList{"0:ok:one", "1:ok:two"} << true;
    QTest::newRow("content-length present")
        << part("Content-Length: 3\r\n", "abc") + part("Content-Length: 0\r\n", "") + end
        << QStringList{"0:ok:abc", "1:ok:"} << true;
    QTest::newRow("transport padding after the boundary")
        << QByteArray("--BND  \t\r\n\r\nx\r\n--BND-- \r\n") << QStringList{"0:ok:x"} << true;
    QTest::newRow("boundary inside a body, not after CRLF")
        << part("", "a--BND b\r\n--BNx") + end << QStringList{"0:ok:a--BND b\r\n--BNx"} << true;
    QTest::newRow("folded header line")
        << part("Content-Type: application/dicom;\r\n  x=1\r\n", "v") + end << QStringList{"0:ok:v"}
        << true;
    QTest::newRow("truncated inside a part")
        << part("", "one") + "--BND\r\n\r\ntw" << QStringList{"0:ok:one", "1:TruncatedResponse"}
        << false;
    QTest::newRow("truncated right after a delimiter")
        << part("", "one") + "--BND\r\n"
        << QStringList{"0:ok:one", "1:TruncatedResponse"} << false;
    QTest::newRow("truncated before the delimiter ending a part")
        << part("", "one") << QStringList{"0:TruncatedResponse"} << false;
    QTest::newRow("truncated inside headers")
        << part("", "one") + "--BND\r\nContent-Le" << QStringList{"0:ok:one", "1:TruncatedResponse"}
        << false;
    QTest::newRow("content-length too long")
        << part("", "a") + part("Content-Length: 9\r\n", "bcd") + part("", "e") + end
        << QStringList{"0:ok:a", "1:MalformedPart", "2:ok:e"} << true;
    QTest::newRow("content-length too short")
        << part("", "a") + part("Content-Length: 1\r\n", "bcdefghijklmnopqrstuvwxyz") +
               part("", "e") + end
        << QStringList{"0:ok:a", "1:MalformedPart", "2:ok:e"} << true;
    QTest::newRow("content-length not a number")
        << part("Content-Length: 1x\r\n", "b") + part("", "c") + end
        << QStringList{"0:MalformedPart", "1:ok:c"} << true;
    QTest::newRow("header line without colon")
        << part("", "a") + part("Content-Type application/dicom\r\n", "b") + part("", "c") + end
        << QStringList{"0:ok:a", "1:MalformedPart", "2:ok:c"} << true;
    QTest::newRow("control byte in a header") << part("X: a\x01z\r\n", "b") + part("", "c") + end
                                              << QStringList{"0:MalformedPart", "1:ok:c"} << true;
    QTest::newRow("blank line after headers lost")
        << "--BND\r\nContent-Type: x\r\nbody\r\n" + part("", "c") + end
        << QStringList{"0:MalformedPart", "1:ok:c"} << true;
    QTest::newRow("damaged delimiter line")
        << part("", "a") + "--BNDx\r\n\r\nb\r\n" + part("", "c") + end
        << QStringList{"0:ok:a", "1:MalformedPart", "2:ok:c"} << true;
    QTest::newRow("damaged boundary after a part with a length")
        << part("Content-Length: 1\r\n", "a") + "--BXD\r\nContent-Length: 1\r\n\r\nb\r\n" +
               part("Content-Length: 1\r\n", "c") + end
        << QStringList{"0:ok:a", "1:MalformedPart", "2:ok:c"} << true;
    QTest::newRow("no delimiter at all") << QByteArray("just some bytes") << QStringList{} << false;
    QTest::newRow("headers too long")
        << "--BND\r\nX: " + QByteArray(20000, 'y') + "\r\n\r\nb\r\n" + part("", "c") + end
        << QStringList{"0:MalformedPart", "1:ok:c"} << true;
}

void TestMultipartParser::handMade()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, expected);
    QFETCH(bool, complete);
    bool wasComplete = false;
    const std::vector<PartResult> results = parseChunks("BND", body, {}, &wasComplete);
    QStringList got;
    for (const PartResult& r : results)
        got.append(
            r.part ? QStringLiteral("%1:ok:%2").arg(r.index).arg(QString::fromLatin1(r.part->body))
                   : QStringLiteral("%1:%2").arg(r.index).arg(
                         QString::fromLatin1(errorCodeName(r.part.error().code))));
    QCOMPARE(got, expected);
    QCOMPARE(wasComplete, complete);
}

void TestMultipartParser::handMade_splitAtEveryByte_givesSameResults_data()
{
    handMade_data();
}

void TestMultipartParser::handMade_splitAtEveryByte_givesSameResults()
{
    QFETCH(QByteArray, body);
    const QStringList whole = describe(parseChunks("BND", body, {}));
    for (qsizetype cut = 0; cut <= body.size(); cut += body.size() > 2000 ? 97 : 1) {
        const QStringList got = describe(parseChunks("BND", body, {cut}));
        QVERIFY2(got == whole, qPrintable(QStringLiteral("split at %1: %2 instead of %3")
                                              .arg(cut)
                                              .arg(got.join(QLatin1Char(' ')))
                                              .arg(whole.join(QLatin1Char(' ')))));
    }
}

QTEST_GUILESS_MAIN(TestMultipartParser)
#include "tst_multipartparser.moc"
