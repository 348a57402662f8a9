// The consent registry client (net/consent/consentregistry.h) against a QTcpServer on
// 127.0.0.1 that records the request and plays one answer: a Bundle, HTTP errors, a page that
// is not FHIR, silence, a closed port, and a context destroyed before the answer.

#include "consent/consentregistry.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace fenestra::net;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Answers every request with `response` (raw HTTP) unless it is empty (then stays silent);
// remembers the last request's head.
class CannedServer : public QObject
{
public:
    explicit CannedServer(QByteArray response) : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    request += socket->readAll();
                    if (request.contains("\r\n\r\n") && !m_response.isEmpty()) {
                        socket->write(m_response);
                        socket->disconnectFromHost();
                    }
                });
            }
        });
    }
    QUrl base() const { return QUrl(u"http://127.0.0.1:%1/fhir"_s.arg(m_server.serverPort())); }
    QByteArray request;

private:
    QTcpServer m_server;
    QByteArray m_response;
};

QByteArray http(int status, const QByteArray& body,
                const QByteArray& type = "application/fhir+json")
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

const ConsentPatient kPatient{u"urn:fenestra:id:lu-rnpp"_s, u"1972031412333"_s, {}};

} // namespace

class TestConsentRegistryClient : public QObject
{
    Q_OBJECT

private slots:
    void search_sendsIdentifierAndBearer_parsesBundle();
    void search_errors_data();
    void search_errors();
    void search_silentRegistry_timesOut();
    void search_contextDestroyed_callbackNeverRuns();
    void search_invalidArguments_failAtOnce();

private:
    std::optional<Result<ConsentBundle>> run(ConsentRegistryClient& client,
                                             const ConsentPatient& patient, int timeoutMs = 5000);
    QNetworkAccessManager m_network;
};

std::optional<Result<ConsentBundle>> TestConsentRegistryClient::run(ConsentRegistryClient& client,
                                                                    const ConsentPatient& patient,
                                                                    int timeoutMs)
{
    std::optional<Result<ConsentBundle>> answer;
    QObject context;
    client.search(patient, &context, [&](Result<ConsentBundle> result) { answer = result; });
    QDeadlineTimer deadline(timeoutMs);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(10);
    return answer;
}

void TestConsentRegistryClient::search_sendsIdentifierAndBearer_parsesBundle()
{
    const QByteArray bundle =
        R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":
        {"resourceType":"Consent","id":"c1","status":"active","patient":{"identifier":
        {"system":"urn:fenestra:id:lu-rnpp","value":"1972031412333"}},
        "provision":{"type":"permit"}},"search":{"mode":"match"}}]})";
    CannedServer server(http(200, bundle));
    ConsentRegistryClient client({server.base(), 5s, [] { return "Bearer abc.def"_ba; }},
                                 &m_network);
    QCOMPARE(client.searchUrl(kPatient).toString(QUrl::FullyEncoded),
             server.base().toString() +
                 u"/Consent?patient:identifier=urn%3Afenestra%3Aid%3Alu-rnpp%7C1972031412333"_s);
    const auto answer = run(client, kPatient);
    QVERIFY(answer && answer->has_value());
    QCOMPARE((*answer)->consents.size(), 1);
    QCOMPARE((*answer)->consents.first().id, u"c1"_s);
    QVERIFY2(server.request.startsWith(
                 "GET /fhir/Consent?patient:identifier=urn%3Afenestra%3Aid%3Alu-rnpp%7C"
                 "1972031412333 HTTP/1.1"),
             server.request.constData());
    QVERIFY(server.request.contains("Authorization: Bearer abc.def\r\n"));
    QVERIFY(server.request.contains("Accept: application/fhir+json\r\n"));
    // By reference when no identifier is known.
    QCOMPARE(client.searchUrl({{}, {}, u"Patient/42"_s}).query(QUrl::FullyEncoded),
             u"patient=Patient%2F42"_s);
}

void TestConsentRegistryClient::search_errors_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detailEnd");
    QTest::newRow("500") << http(500, "{}") << ErrorCode::ConsentRegistryUnavailable
                         << u": HTTP 500"_s;
    QTest::newRow("401") << http(401, "{}") << ErrorCode::Unauthorized
                         << u" asks for a login (HTTP 401)"_s;
    QTest::newRow("403") << http(403, "{}") << ErrorCode::Forbidden
                         << u" refused access (HTTP 403)"_s;
    QTest::newRow("html page") << http(200, "<html>hello</html>", "text/html")
                               << ErrorCode::MalformedConsent << QString();
    QTest::newRow("a Consent, not a Bundle")
        << http(200, R"({"resourceType":"Consent"})") << ErrorCode::MalformedConsent
        << u" answered not a FHIR Bundle"_s;
}

void TestConsentRegistryClient::search_errors()
{
    QFETCH(QByteArray, response);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detailEnd);
    CannedServer server(response);
    ConsentRegistryClient client({server.base(), 5s, {}}, &m_network);
    const auto answer = run(client, kPatient);
    QVERIFY(answer && !answer->has_value());
    QCOMPARE(answer->error().code, code);
    QVERIFY2(answer->error().detail.startsWith(
                 u"consent registry at http://127.0.0.1:%1"_s.arg(server.base().port())),
             qPrintable(answer->error().detail));
    QVERIFY2(answer->error().detail.endsWith(detailEnd), qPrintable(answer->error().detail));
    QVERIFY(!answer->error().detail.contains(u"1972031412333"_s)); // no patient id in errors
    QVERIFY(!server.request.contains("Authorization"));            // none configured, none sent
}

void TestConsentRegistryClient::search_silentRegistry_timesOut()
{
    CannedServer silent({});
    ConsentRegistryClient client({silent.base(), 300ms, {}}, &m_network);
    const auto answer = run(client, kPatient);
    QVERIFY(answer && !answer->has_value());
    QCOMPARE(answer->error().code, ErrorCode::ConsentRegistryUnavailable);
    QVERIFY2(answer->error().detail.endsWith(u": no answer within 0.3 s"_s),
             qPrintable(answer->error().detail));

    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    const quint16 port = closed.serverPort();
    closed.close();
    ConsentRegistryClient down({QUrl(u"http://127.0.0.1:%1/fhir"_s.arg(port)), 5s, {}}, &m_network);
    const auto refused = run(down, kPatient);
    QVERIFY(refused && !refused->has_value());
    QCOMPARE(refused->error().code, ErrorCode::ConsentRegistryUnavailable);
}

void TestConsentRegistryClient::search_contextDestroyed_callbackNeverRuns()
{
    CannedServer silent({});
    ConsentRegistryClient client({silent.base(), 2s, {}}, &m_network);
    bool called = false;
    auto* context = new QObject;
    client.search(kPatient, context, [&](Result<ConsentBundle>) { called = true; });
    QTRY_VERIFY(!silent.request.isEmpty());
    delete context;
    QTest::qWait(2500); // past the timeout: the aborted request must stay silent
    QVERIFY(!called);
}

void TestConsentRegistryClient::search_invalidArguments_failAtOnce()
{
    ConsentRegistryClient noPatient({QUrl(u"http://127.0.0.1:1/fhir"_s), 1s, {}}, &m_network);
    const auto first = run(noPatient, ConsentPatient{});
    QVERIFY(first && !first->has_value());
    QCOMPARE(first->error().code, ErrorCode::InvalidArgument);
    ConsentRegistryClient ftp({QUrl(u"ftp://127.0.0.1/fhir"_s), 1s, {}}, &m_network);
    const auto second = run(ftp, kPatient);
    QVERIFY(second && !second->has_value());
    QCOMPARE(second->error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestConsentRegistryClient)
#include "tst_consentregistryclient.moc"
