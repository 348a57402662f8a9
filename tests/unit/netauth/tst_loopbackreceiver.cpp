// The loopback redirect receiver (RFC 8252 7.3): 127.0.0.1 only, ephemeral port, the expected
// path and state, a translated page, and no listener left once the redirect came.

#include "auth/loopbackreceiver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace fenestra::net;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(fenestra::net::AuthorizationResponse)

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// A raw GET of `target` to 127.0.0.1:port, read to the end of the connection.
HttpAnswer rawGet(quint16 port, const QByteArray& target, const QByteArray& method = "GET")
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray data;
    // The receiver lives on this thread: spin the event loop while waiting for its answer.
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 5000) {
        QTest::qWait(5);
        data += socket.readAll();
    }
    data += socket.readAll();
    HttpAnswer answer;
    const qsizetype end = data.indexOf("\r\n\r\n");
    answer.head = data.left(end);
    answer.body = data.mid(end + 4);
    answer.status = data.mid(9, 3).toInt();
    return answer;
}

bool portRefuses(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return !socket.waitForConnected(2000) &&
           socket.error() == QAbstractSocket::ConnectionRefusedError;
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

private slots:
    void listen_bindsLoopbackOnlyOnEphemeralPort();
    void redirectWithStateAndCode_completesAndClosesListener();
    void wrongPathOrState_getsErrorPageAndFlowContinues();
    void providerError_withRightState_failsWithItsDescription();
    void nothingInTime_failsWithTimeoutAndCloses();
    void close_beforeEmission_emitsNothing();
};

void TestLoopbackReceiver::listen_bindsLoopbackOnlyOnEphemeralPort()
{
    LoopbackReceiver receiver;
    const Result<QUrl> uri = receiver.listen(QStringLiteral("/callback"), "s1", 30s);
    QVERIFY(uri);
    QCOMPARE(uri->scheme(), QStringLiteral("http"));
    QCOMPARE(uri->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(uri->path(), QStringLiteral("/callback"));
    QVERIFY(uri->port() > 0);
    QCOMPARE(receiver.redirectUri(), *uri);
    // Bound to 127.0.0.1, not 0.0.0.0: the same port is still free on the wildcard address
    // of another loopback IP (127.0.0.2 reaches only a wildcard listener).
    QTcpSocket other;
    other.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), quint16(uri->port()));
    QVERIFY(!other.waitForConnected(2000));
    QCOMPARE(other.error(), QAbstractSocket::ConnectionRefusedError);
    // And the kernel's table shows the listener on 127.0.0.1 itself.
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (table.open(QIODevice::ReadOnly)) {
        const QByteArray local =
            QByteArray("0100007F:") +
            QByteArray::number(uri->port(), 16).toUpper().rightJustified(4, '0');
        const QByteArray rows = table.readAll();
        QVERIFY2(rows.contains(local + " 00000000:0000 0A"), "no LISTEN row on 127.0.0.1");
        QVERIFY(!rows.contains("00000000:" + local.mid(9) + " 00000000:0000 0A"));
    }
}

void TestLoopbackReceiver::redirectWithStateAndCode_completesAndClosesListener()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::received);
    QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
    const Result<QUrl> uri = receiver.listen(QStringLiteral("/callback"), "st-9_x", 30s);
    QVERIFY(uri);
    const quint16 port = quint16(uri->port());
    const HttpAnswer answer =
        rawGet(port, "/callback?code=c%2Fode%3D1&state=st-9_x&iss=http%3A%2F%2F127.0.0.1%3A1234");
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.head.contains("Content-Type: text/html; charset=utf-8"));
    QVERIFY(answer.head.contains("Cache-Control: no-store"));
    QVERIFY(answer.body.contains("You are signed in to Fenestra"));
    QTRY_COMPARE(received.size(), 1);
    const auto response = received.at(0).at(0).value<AuthorizationResponse>();
    QCOMPARE(response.code, QStringLiteral("c/ode=1")); // decoded exactly once
    QCOMPARE(response.issuer, QStringLiteral("http://127.0.0.1:1234"));
    QCOMPARE(failed.size(), 0);
    QVERIFY(!receiver.isListening());
    QVERIFY(portRefuses(port));
}

void TestLoopbackReceiver::wrongPathOrState_getsErrorPageAndFlowContinues()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::received);
    QSignalSpy refused(&receiver, &LoopbackReceiver::requestRefused);
    const Result<QUrl> uri = receiver.listen(QStringLiteral("/callback"), "good", 30s);
    QVERIFY(uri);
    const quint16 port = quint16(uri->port());

    QCOMPARE(rawGet(port, "/other?code=1&state=good").status, 404);
    QCOMPARE(rawGet(port, "/callback?code=1&state=good", "POST").status, 405);
    const HttpAnswer forged = rawGet(port, "/callback?code=1&state=forged");
    QCOMPARE(forged.status, 400);
    QVERIFY(forged.body.contains("does not belong to the login started in Fenestra"));
    QCOMPARE(rawGet(port, "/callback?code=1").status, 400);
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.at(0).at(0).value<Error>().detail,
             QStringLiteral("the login answer's state does not match the login request"));
    QVERIFY(receiver.isListening());
    QCOMPARE(received.size(), 0);

    QCOMPARE(rawGet(port, "/callback?code=real&state=good").status, 200);
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).value<AuthorizationResponse>().code, QStringLiteral("real"));
}

void TestLoopbackReceiver::providerError_withRightState_failsWithItsDescription()
{
    LoopbackReceiver receiver;
    QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
    const Result<QUrl> uri = receiver.listen(QStringLiteral("cb"), "s", 30s);
    QVERIFY(uri);
    QCOMPARE(uri->path(), QStringLiteral("/cb"));
    const quint16 port = quint16(uri->port());
    const HttpAnswer answer =
        rawGet(port, "/cb?error=access_denied&error_description=User+said+no%21&state=s");
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("did not sign you in"));
    QTRY_COMPARE(failed.size(), 1);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::LoginFailed);
    QCOMPARE(
        error.detail,
        QStringLiteral("the identity provider refused the login: access_denied (User said no!)"));
    QVERIFY(portRefuses(port));
}

void TestLoopbackReceiver::nothingInTime_failsWithTimeoutAndCloses()
{
    LoopbackReceiver receiver;
    QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
    const Result<QUrl> uri = receiver.listen(QStringLiteral("/callback"), "s", 300ms);
    QVERIFY(uri);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Timeout);
    QVERIFY(failed.at(0).at(0).value<Error>().detail.contains(
        QLatin1String("did not come back from the identity provider")));
    QVERIFY(portRefuses(quint16(uri->port())));
}

void TestLoopbackReceiver::close_beforeEmission_emitsNothing()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::received);
    QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
    const Result<QUrl> uri = receiver.listen(QStringLiteral("/callback"), "s", 200ms);
    QVERIFY(uri);
    receiver.close();
    QTest::qWait(400);
    QCOMPARE(received.size() + failed.size(), 0);
    QVERIFY(portRefuses(quint16(uri->port())));
}

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
