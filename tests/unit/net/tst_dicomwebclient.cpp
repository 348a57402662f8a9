// The DICOMweb client against a scripted local HTTP server: what it sends (query strings,
// Accept headers), how it reads answers (204, [], errors, multipart streams) and how requests
// end (timeouts, cut connections, cancellation, refused connections).

#include "stubhttpserver.h"

#include "dicomweb/dicomwebclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

const QString kStudy = QStringLiteral("1.2.3");
const QString kSeries = QStringLiteral("1.2.3.4");
const QByteArray kJson = "Content-Type: application/dicom+json\r\n";
const QByteArray kOneStudy = R"([{"0020000D":{"vr":"UI","Value":["1.2.3"]}}])";

QByteArray multipart(const QList<QByteArray>& bodies, bool lengths = true,
                     const QByteArray& type = "application/dicom")
{
    QByteArray out;
    for (const QByteArray& body : bodies) {
        out += "--XyZ\r\nContent-Type: " + type + "\r\n";
        if (lengths)
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        out += "\r\n" + body + "\r\n";
    }
    return out + "--XyZ--\r\n";
}

const QByteArray kMultipartType =
    "Content-Type: multipart/related; type=\"application/dicom\"; boundary=XyZ\r\n";

bool waitFinished(DicomWebRequest* request, int timeoutMs = 5000)
{
    if (request->isFinished())
        return true;
    QSignalSpy spy(request, &DicomWebRequest::finished);
    return spy.wait(timeoutMs);
}

struct Collected
{
    QList<WadoPart> parts;
    QList<QPair<int, Error>> failures;
};

void collect(WadoStream* stream, Collected& into)
{
    QObject::connect(stream, &WadoStream::partReceived,
                     [&into](const WadoPart& part) { into.parts.append(part); });
    QObject::connect(stream, &WadoStream::partFailed, [&into](int index, const Error& error) {
        into.failures.append({index, error});
    });
}

} // namespace

class TestDicomWebClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void search_http204_givesNoRecordsClean();
    void search_emptyArray_givesNoRecordsClean();
    void search_standardServer_decodesExactlyTheValuesAndIsAskedOnce();
    void search_autoDialect_emptyAnswer_retriesOnceWithLiteralValues();
    void search_autoDialect_nothingToSubstitute_doesNotRetry();
    void search_literalDialect_sendsLiteralValuesFirst();
    void search_httpErrors_mapToCodesWithoutNamingTheResource_data();
    void search_httpErrors_mapToCodesWithoutNamingTheResource();
    void search_invalidJson_isMalformedResponse();
    void search_redirect_isFollowedAndTheFinalAnswerRead();
    void search_invalidUid_failsLaterWithoutSending();

    void stream_sendsStoredSyntaxAcceptAndNoCompression();
    void requests_carryTheConfiguredExtraHeaders();
    void stream_partsWithAndWithoutLengths_allDelivered_data();
    void stream_partsWithAndWithoutLengths_allDelivered();
    void stream_silentServer_timesOut();
    void stream_notMultipart_isMalformedResponse();
    void stream_cancelFromPartSlot_stopsAtOnceAndClosesTheConnection();
    void stream_cutInsideAPart_deliversEarlierPartsThenTruncated_data();
    void stream_cutInsideAPart_deliversEarlierPartsThenTruncated();
    void stream_wrongPartType_failsThatPartOnly_warnings();
    void stream_nobodyListening_isConnectionFailed();
    void stream_deletedWhileRunning_neverFinishes();
    void frames_invalidNumber_isInvalidArgument();
    void rendered_sendsViewportAndKeepsTheImage();

private:
    DicomWebClient* client(QueryDialect dialect = QueryDialect::Auto);

    StubHttpServer* m_server = nullptr;
    QNetworkAccessManager* m_manager = nullptr;
    DicomWebClient* m_client = nullptr;
};

void TestDicomWebClient::init()
{
    m_server = new StubHttpServer;
    m_manager = new QNetworkAccessManager;
}

void TestDicomWebClient::cleanup()
{
    delete m_client;
    delete m_manager;
    delete m_server;
    m_client = nullptr;
}

DicomWebClient* TestDicomWebClient::client(QueryDialect dialect)
{
    m_client = new DicomWebClient(*parseArchiveArgument(QString::fromLatin1(m_server->baseUrl())),
                                  m_manager);
    m_client->setQueryDialect(dialect);
    RequestOptions options;
    options.idleTimeout = 3000ms;
    m_client->setOptions(options);
    return m_client;
}

void TestDicomWebClient::search_http204_givesNoRecordsClean()
{
    m_server->enqueue(StubHttpServer::reply(204, {}, {}));
    QidoSearch* search = client()->searchStudies({});
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->outcome().httpStatus, 204);
    QCOMPARE(search->resultCount(), 0);
}

void TestDicomWebClient::search_emptyArray_givesNoRecordsClean()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    QidoSearch* search = client()->searchSeries(kStudy);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->resultCount(), 0);
    QCOMPARE(m_server->targets().size(), 1);
}

void TestDicomWebClient::search_standardServer_decodesExactlyTheValuesAndIsAskedOnce()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, kOneStudy));
    StudyQuery query;
    query.patientName = QString::fromUtf8("Müller^J* x&y");
    query.studyDate = {QDate(2024, 1, 1), {}};
    QidoSearch* search = client()->searchStudies(query);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->resultCount(), 1);
    QCOMPARE(m_server->targets().size(), 1);
    const QByteArray target = m_server->targets().first();
    QVERIFY2(target.startsWith("/dicom-web/studies?PatientName=M%C3%BCller%5EJ*%20x%26y"
                               "&StudyDate=20240101-&includefield="),
             target.constData());
    const QUrlQuery decoded(QString::fromLatin1(target.mid(target.indexOf('?') + 1)));
    QCOMPARE(decoded.queryItemValue(QStringLiteral("PatientName"), QUrl::FullyDecoded),
             query.patientName);
    QCOMPARE(decoded.queryItemValue(QStringLiteral("StudyDate"), QUrl::FullyDecoded),
             QStringLiteral("20240101-"));
}

void TestDicomWebClient::search_autoDialect_emptyAnswer_retriesOnceWithLiteralValues()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    m_server->enqueue(StubHttpServer::reply(200, kJson, kOneStudy));
    StudyQuery query;
    query.patientName = QStringLiteral("Phantom^CT");
    QidoSearch* search = client()->searchStudies(query);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->resultCount(), 1);
    QVERIFY(search->usedLiteralValues());
    QCOMPARE(m_server->targets().size(), 2);
    QVERIFY(m_server->targets()[0].startsWith("/dicom-web/studies?PatientName=Phantom%5ECT&"));
    QVERIFY(m_server->targets()[1].startsWith("/dicom-web/studies?PatientName=Phantom?CT&"));
}

void TestDicomWebClient::search_autoDialect_nothingToSubstitute_doesNotRetry()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    StudyQuery query;
    query.patientId = QStringLiteral("FEN-CT-001");
    QidoSearch* search = client()->searchStudies(query);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->resultCount(), 0);
    QVERIFY(!search->usedLiteralValues());
    QCOMPARE(m_server->targets().size(), 1);
}

void TestDicomWebClient::search_literalDialect_sendsLiteralValuesFirst()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    StudyQuery query;
    query.patientName = QStringLiteral("Phantom^CT");
    QidoSearch* search = client(QueryDialect::LiteralValues)->searchStudies(query);
    QVERIFY(waitFinished(search));
    QCOMPARE(m_server->targets().size(), 1);
    QVERIFY(m_server->targets()[0].startsWith("/dicom-web/studies?PatientName=Phantom?CT&"));
}

void TestDicomWebClient::search_httpErrors_mapToCodesWithoutNamingTheResource_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detail");
    QTest::newRow("500 with Orthanc message")
        << 500 << ErrorCode::HttpError << "HTTP 500 (Error in the plugin engine)";
    QTest::newRow("404") << 404 << ErrorCode::HttpError << "HTTP 404 (Error in the plugin engine)";
    QTest::newRow("401") << 401 << ErrorCode::Unauthorized
                         << "HTTP 401 (Error in the plugin engine)";
    QTest::newRow("403") << 403 << ErrorCode::Forbidden << "HTTP 403 (Error in the plugin engine)";
}

void TestDicomWebClient::search_httpErrors_mapToCodesWithoutNamingTheResource()
{
    QFETCH(int, status);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detail);
    m_server->enqueue(StubHttpServer::reply(
        status, kJson,
        R"({"Message": "Error in the plugin engine", "Uri": "/dicom-web/studies/1.2.3/series"})"));
    QidoSearch* search = client()->searchSeries(kStudy);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Errored);
    QCOMPARE(search->outcome().httpStatus, status);
    QCOMPARE(search->outcome().error->code, code);
    QCOMPARE(search->outcome().error->detail, detail);
}

void TestDicomWebClient::search_invalidJson_isMalformedResponse()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[{\"0020000D\":"));
    QidoSearch* search = client()->searchStudies({});
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Errored);
    QCOMPARE(search->outcome().error->code, ErrorCode::MalformedResponse);
}

void TestDicomWebClient::search_redirect_isFollowedAndTheFinalAnswerRead()
{
    m_server->enqueue(StubHttpServer::reply(
        302, "Location: " + m_server->baseUrl() + "/elsewhere/studies\r\n", {}));
    m_server->enqueue(StubHttpServer::reply(200, kJson, kOneStudy));
    QidoSearch* search = client()->searchStudies({});
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->outcome().httpStatus, 200);
    QCOMPARE(search->resultCount(), 1);
    QCOMPARE(m_server->targets().size(), 2);
    QCOMPARE(m_server->targets()[1], QByteArray("/dicom-web/elsewhere/studies"));
}

void TestDicomWebClient::search_invalidUid_failsLaterWithoutSending()
{
    QidoSearch* search = client()->searchSeries(QStringLiteral("1.2/../../system"));
    QSignalSpy spy(search, &DicomWebRequest::finished);
    QCOMPARE(spy.count(), 0); // never inside the call that created it
    QVERIFY(spy.wait(2000));
    QCOMPARE(search->outcome().error->code, ErrorCode::InvalidArgument);
    QVERIFY(m_server->targets().isEmpty());
}

void TestDicomWebClient::stream_sendsStoredSyntaxAcceptAndNoCompression()
{
    m_server->enqueue(StubHttpServer::reply(200, kMultipartType, multipart({"a"})));
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    QVERIFY(waitFinished(stream));
    QCOMPARE(m_server->targets().first(), QByteArray("/dicom-web/studies/1.2.3/series/1.2.3.4"));
    const QByteArray headers = m_server->requestHeaders().first();
    QVERIFY2(headers.contains(
                 "Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*\r\n"),
             headers.constData());
    QVERIFY(headers.contains("Accept-Encoding: identity"));
}

void TestDicomWebClient::requests_carryTheConfiguredExtraHeaders()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    DicomWebClient* c = client();
    RequestOptions options;
    options.headers = {{"Authorization", "Bearer abc.def"}};
    c->setOptions(options);
    QidoSearch* search = c->searchStudies({});
    QVERIFY(waitFinished(search));
    QVERIFY(m_server->requestHeaders().first().contains("Authorization: Bearer abc.def\r\n"));
    // JSON may come compressed: Qt asks for it and inflates it.
    QVERIFY(!m_server->requestHeaders().first().contains("Accept-Encoding: identity"));
}

void TestDicomWebClient::stream_partsWithAndWithoutLengths_allDelivered_data()
{
    QTest::addColumn<bool>("lengths");
    QTest::addColumn<bool>("contentLength");
    QTest::newRow("part lengths, answer length") << true << true;
    QTest::newRow("no part lengths, answer closed") << false << false;
}

void TestDicomWebClient::stream_partsWithAndWithoutLengths_allDelivered()
{
    QFETCH(bool, lengths);
    QFETCH(bool, contentLength);
    const QList<QByteArray> bodies = {QByteArray(70000, 'a'), "b", QByteArray(3, '\0')};
    m_server->enqueue(
        StubHttpServer::reply(200, kMultipartType, multipart(bodies, lengths), contentLength));
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    Collected got;
    collect(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Clean);
    QCOMPARE(got.parts.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(got.parts[i].index, i);
        QCOMPARE(got.parts[i].bytes, bodies[i]);
        QCOMPARE(got.parts[i].contentType, QByteArray("application/dicom"));
    }
    QCOMPARE(stream->outcome().partsDelivered, 3);
}

void TestDicomWebClient::stream_silentServer_timesOut()
{
    m_server->enqueue({{}, -1, true});
    DicomWebClient* c = client();
    RequestOptions options;
    options.idleTimeout = 300ms;
    c->setOptions(options);
    WadoStream* stream = c->retrieveInstance(kStudy, kSeries, QStringLiteral("1.2.3.4.5"));
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::Timeout);
    QVERIFY(stream->elapsedMs() >= 280); // Qt's coarse timers may fire up to 5% early
}

void TestDicomWebClient::stream_notMultipart_isMalformedResponse()
{
    m_server->enqueue(StubHttpServer::reply(200, kJson, "[]"));
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::MalformedResponse);
}

void TestDicomWebClient::stream_cancelFromPartSlot_stopsAtOnceAndClosesTheConnection()
{
    // Two parts arrive, then the server holds the rest: the transfer is still running.
    StubHttpServer::Response response =
        StubHttpServer::reply(200, kMultipartType, multipart({"a", "b", "c"}));
    response.holdAfter = response.raw.indexOf("\r\nc\r\n");
    m_server->enqueue(response);
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    Collected got;
    collect(stream, got);
    connect(stream, &WadoStream::partReceived, stream, &DicomWebRequest::cancel);
    QSignalSpy finished(stream, &DicomWebRequest::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(got.parts.size(), 1);
    QCOMPARE(stream->outcome().status, RequestStatus::Cancelled);
    QCOMPARE(stream->outcome().error->code, ErrorCode::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionsClosedByClient(), 1, 3000);
    QTest::qWait(50); // nothing else may arrive after the cancel
    QCOMPARE(finished.count(), 1);
    QCOMPARE(got.parts.size(), 1);
}

void TestDicomWebClient::stream_cutInsideAPart_deliversEarlierPartsThenTruncated_data()
{
    QTest::addColumn<bool>("contentLength");
    QTest::newRow("answer with Content-Length") << true;
    QTest::newRow("answer closed by the server") << false;
}

void TestDicomWebClient::stream_cutInsideAPart_deliversEarlierPartsThenTruncated()
{
    QFETCH(bool, contentLength);
    const QByteArray body =
        multipart({QByteArray(5000, 'a'), QByteArray(5000, 'b'), QByteArray(5000, 'c')});
    StubHttpServer::Response response =
        StubHttpServer::reply(200, kMultipartType, body, contentLength);
    response.closeAfter = response.raw.indexOf(QByteArray(5000, 'c')) + 100;
    m_server->enqueue(response);
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    Collected got;
    collect(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::TruncatedResponse);
    QCOMPARE(got.parts.size(), 2);
    QCOMPARE(got.failures.size(), 1);
    QCOMPARE(got.failures.first().first, 2);
    QCOMPARE(got.failures.first().second.code, ErrorCode::TruncatedResponse);
}

void TestDicomWebClient::stream_wrongPartType_failsThatPartOnly_warnings()
{
    QByteArray body = multipart({"a", "b", "c"});
    body.replace(body.indexOf("application/dicom", body.indexOf("\r\nb\r\n") + 3),
                 int(sizeof("application/dicom")) - 1, "text/html");
    m_server->enqueue(StubHttpServer::reply(200, kMultipartType, body));
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    Collected got;
    collect(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Warnings);
    QCOMPARE(got.parts.size(), 2);
    QCOMPARE(got.failures.size(), 1);
    QCOMPARE(got.failures.first().first, 2);
    QCOMPARE(stream->outcome().partsFailed, 1);
}

void TestDicomWebClient::stream_nobodyListening_isConnectionFailed()
{
    const QByteArray url = m_server->baseUrl();
    delete m_server; // its port is now closed
    m_server = nullptr;
    m_client = new DicomWebClient(*parseArchiveArgument(QString::fromLatin1(url)), m_manager);
    WadoStream* stream = m_client->retrieveSeries(kStudy, kSeries);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::ConnectionFailed);
    QCOMPARE(stream->outcome().httpStatus, 0);
    m_server = new StubHttpServer; // for cleanup()
}

void TestDicomWebClient::stream_deletedWhileRunning_neverFinishes()
{
    m_server->enqueue({{}, -1, true});
    WadoStream* stream = client()->retrieveSeries(kStudy, kSeries);
    bool finished = false;
    connect(stream, &DicomWebRequest::finished, this, [&finished] { finished = true; });
    QTRY_COMPARE_WITH_TIMEOUT(m_server->targets().size(), 1, 3000);
    delete stream;
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionsClosedByClient(), 1, 3000);
    QVERIFY(!finished);
}

void TestDicomWebClient::frames_invalidNumber_isInvalidArgument()
{
    WadoStream* stream =
        client()->retrieveFrames(kStudy, kSeries, QStringLiteral("1.2.3.4.5"), {1, 0});
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().error->code, ErrorCode::InvalidArgument);
    QVERIFY(m_server->targets().isEmpty());
}

void TestDicomWebClient::rendered_sendsViewportAndKeepsTheImage()
{
    const QByteArray png("\x89PNG\r\n\x1a\nfake", 12);
    m_server->enqueue(StubHttpServer::reply(200, "Content-Type: image/png\r\n", png));
    WadoFetch* fetch = client()->retrieveRendered(kStudy, kSeries, QStringLiteral("1.2.3.4.5"),
                                                  QSize(64, 48), "image/png");
    QVERIFY(waitFinished(fetch));
    QCOMPARE(fetch->outcome().status, RequestStatus::Clean);
    QCOMPARE(fetch->body(), png);
    QCOMPARE(fetch->contentType(), QByteArray("image/png"));
    QCOMPARE(m_server->targets().first(),
             QByteArray("/dicom-web/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/rendered"
                        "?viewport=64,48"));
    QVERIFY(m_server->requestHeaders().first().contains("Accept: image/png"));
}

QTEST_GUILESS_MAIN(TestDicomWebClient)
#include "tst_dicomwebclient.moc"
