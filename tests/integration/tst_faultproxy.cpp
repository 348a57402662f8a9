// The fault-injecting proxy in front of a local source server: bytes pass unchanged, latency
// and bandwidth are what was asked, cuts and corruptions happen exactly at the offsets asked.

#include "support/faultproxy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

// A source server: echoes what it receives, or sends `payload` as soon as a client connects
// and then closes.
class Source : public QObject
{
public:
    explicit Source(QByteArray payload = {}) : m_server(this), m_payload(std::move(payload))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                if (!m_payload.isEmpty()) {
                    socket->write(m_payload);
                    socket->disconnectFromHost();
                    continue;
                }
                connect(socket, &QTcpSocket::readyRead, socket,
                        [socket] { socket->write(socket->readAll()); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QByteArray m_payload;
};

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + i / 251) & 0xff);
    return bytes;
}

// Connects to the proxy and reads until the proxy closes; returns the bytes and the time.
QByteArray readAll(quint16 port, qint64* elapsedMs = nullptr, int timeoutMs = 10000)
{
    QElapsedTimer clock;
    clock.start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    closed.wait(timeoutMs);
    received += socket.readAll();
    if (elapsedMs)
        *elapsedMs = clock.elapsed();
    return received;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void noFaults_bytesPassUnchangedAndAreCounted();
    void latency_roundTripTakesTwiceTheLatency();
    void bandwidth_megabyteAtTwoMegabytesPerSecond_takesHalfASecond();
    void cut_clientReceivesExactlyNBytesThenClose();
    void corruption_flipsExactlyTheByteAtTheOffset_onceWhenAskedOnce();
    void deadTarget_clientConnectionClosesAtOnce();
    void closeAllConnections_dropsOpenConnections();
    void capture_keepsTheStartOfEachResponse();
    void workerThread_forwardsWhileTheCallingThreadBlocks();
};

void TestFaultProxy::noFaults_bytesPassUnchangedAndAreCounted()
{
    const QByteArray payload = pattern(3 * 1024 * 1024);
    Source source(payload);
    FaultProxy proxy;
    QVERIFY(proxy.listen(source.port()));
    QCOMPARE(readAll(proxy.port()), payload);
    QCOMPARE(proxy.bytesToClient(), payload.size());
    QCOMPARE(proxy.connectionsAccepted(), 1);
    QTRY_COMPARE(proxy.connectionsOpen(), 0);
}

void TestFaultProxy::latency_roundTripTakesTwiceTheLatency()
{
    Source echo;
    FaultProxy proxy;
    QVERIFY(proxy.listen(echo.port()));
    proxy.setLatency(100ms);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, proxy.port());
    QVERIFY(socket.waitForConnected(2000));
    QElapsedTimer clock;
    clock.start();
    socket.write("ping");
    QSignalSpy ready(&socket, &QTcpSocket::readyRead);
    QVERIFY(ready.wait(3000));
    const qint64 roundTrip = clock.elapsed();
    QCOMPARE(socket.readAll(), QByteArray("ping"));
    QVERIFY2(roundTrip >= 200 && roundTrip < 400, qPrintable(QString::number(roundTrip)));
    QCOMPARE(proxy.bytesToServer(), 4);
}

void TestFaultProxy::bandwidth_megabyteAtTwoMegabytesPerSecond_takesHalfASecond()
{
    const QByteArray payload = pattern(1024 * 1024);
    Source source(payload);
    FaultProxy proxy;
    QVERIFY(proxy.listen(source.port()));
    proxy.setBandwidth(2 * 1024 * 1024);
    qint64 elapsed = 0;
    QCOMPARE(readAll(proxy.port(), &elapsed), payload);
    // 500 ms at the limit, less the first bucket (10 ms); not much more (timer slack).
    QVERIFY2(elapsed >= 480 && elapsed < 800, qPrintable(QString::number(elapsed)));
}

void TestFaultProxy::cut_clientReceivesExactlyNBytesThenClose()
{
    const QByteArray payload = pattern(500000);
    Source source(payload);
    FaultProxy proxy;
    QVERIFY(proxy.listen(source.port()));
    proxy.setCutAfterResponseBytes(123457, 1);
    QCOMPARE(readAll(proxy.port()), payload.left(123457));
    QCOMPARE(proxy.cutsDone(), 1);
    // Asked once: the next connection is whole.
    QCOMPARE(readAll(proxy.port()), payload);
    QCOMPARE(proxy.cutsDone(), 1);
}

void TestFaultProxy::corruption_flipsExactlyTheByteAtTheOffset_onceWhenAskedOnce()
{
    const QByteArray payload = pattern(400000);
    Source source(payload);
    FaultProxy proxy;
    QVERIFY(proxy.listen(source.port()));
    proxy.setCorruptResponseByte(300001, 0x5a, 1);
    const QByteArray received = readAll(proxy.port());
    QCOMPARE(received.size(), payload.size());
    QByteArray expected = payload;
    expected[300001] = char(expected[300001] ^ 0x5a);
    QCOMPARE(received, expected);
    QCOMPARE(proxy.corruptionsDone(), 1);
    QCOMPARE(readAll(proxy.port()), payload);
}

void TestFaultProxy::deadTarget_clientConnectionClosesAtOnce()
{
    FaultProxy proxy;
    QVERIFY(proxy.listen(1)); // nothing listens on port 1 of 127.0.0.1
    qint64 elapsed = 0;
    QCOMPARE(readAll(proxy.port(), &elapsed, 5000), QByteArray());
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

void TestFaultProxy::closeAllConnections_dropsOpenConnections()
{
    Source echo;
    FaultProxy proxy;
    QVERIFY(proxy.listen(echo.port()));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, proxy.port());
    QVERIFY(socket.waitForConnected(2000));
    QTRY_COMPARE(proxy.connectionsOpen(), 1);
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    proxy.closeAllConnections();
    QVERIFY(closed.wait(2000));
    QCOMPARE(proxy.connectionsOpen(), 0);
}

void TestFaultProxy::capture_keepsTheStartOfEachResponse()
{
    const QByteArray payload = pattern(200000);
    Source source(payload);
    FaultProxy proxy;
    QVERIFY(proxy.listen(source.port()));
    proxy.setCaptureLimit(1000);
    readAll(proxy.port());
    readAll(proxy.port());
    const QList<QByteArray> captured = proxy.capturedResponses();
    QCOMPARE(captured.size(), 2);
    QCOMPARE(captured[0], payload.left(1000));
    QCOMPARE(captured[1], payload.left(1000));
}

void TestFaultProxy::workerThread_forwardsWhileTheCallingThreadBlocks()
{
    const QByteArray payload = pattern(2 * 1024 * 1024);
    // The source and the proxy on a worker thread; this thread blocks in waitForReadyRead.
    struct Worker
    {
        QThread thread;
        Worker() { thread.start(); }
        ~Worker()
        {
            thread.quit();
            thread.wait();
        }
    } worker;
    auto* source = new Source(payload);
    auto* proxy = new FaultProxy;
    source->moveToThread(&worker.thread);
    proxy->moveToThread(&worker.thread);
    connect(&worker.thread, &QThread::finished, source, &QObject::deleteLater);
    connect(&worker.thread, &QThread::finished, proxy, &QObject::deleteLater);
    bool listening = false;
    QMetaObject::invokeMethod(
        proxy, [&] { listening = proxy->listen(source->port()); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
    proxy->setBandwidth(20 * 1024 * 1024); // a setter called from another thread
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, proxy->port());
    QVERIFY(socket.waitForConnected(2000));
    QByteArray received;
    while (received.size() < payload.size() && socket.waitForReadyRead(3000))
        received += socket.readAll();
    QCOMPARE(received, payload);
    QCOMPARE(proxy->bytesToClient(), payload.size());
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
