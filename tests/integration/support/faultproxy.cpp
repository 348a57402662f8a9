#include "faultproxy.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <deque>

namespace fenestra::integration {

namespace {

// Bytes waiting for the client before the proxy stops reading from the server.
constexpr qint64 kHighWater = 1 << 20;
// The token bucket holds 10 ms of traffic (at least one Ethernet frame), so bursts stay short.
constexpr double kBucketSeconds = 0.010;
constexpr double kMinBucketBytes = 1500.0;

// Takes one use of a fault limited to `times` uses (-1: unlimited); false when none is left.
bool takeUse(std::atomic<int>& times)
{
    int left = times.load();
    while (left != 0) {
        if (left < 0)
            return true;
        if (times.compare_exchange_weak(left, left - 1))
            return true;
    }
    return false;
}

} // namespace

// One client connection and its connection to the target, with the delay queues.
class ProxyConnection : public QObject
{
public:
    ProxyConnection(FaultProxy* proxy, QTcpSocket* client, int index);
    ~ProxyConnection() override;
    void dropBoth();

private:
    struct Chunk
    {
        qint64 due = 0; // ms on m_clock
        QByteArray bytes;
    };

    void readClient();
    void readServer();
    void pump();
    void pumpToServer(qint64 now);
    bool pumpToClient(qint64 now); // false once the connection was cut
    void cut(const QByteArray& lastBytes);
    void schedule(qint64 now);
    void finishIfDrained();

    FaultProxy* m_proxy;
    QTcpSocket* m_client;
    QTcpSocket m_server;
    int m_index;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::deque<Chunk> m_toServer;
    std::deque<Chunk> m_toClient;
    qint64 m_queuedToClient = 0;
    qint64 m_readFromServer = 0; // response stream offset of the next byte read
    qint64 m_sentToClient = 0;
    bool m_serverClosed = false;
    bool m_done = false;    // nothing more is forwarded
    bool m_dropped = false; // both sockets closed, deletion scheduled
};

ProxyConnection::ProxyConnection(FaultProxy* proxy, QTcpSocket* client, int index)
    : QObject(proxy), m_proxy(proxy), m_client(client), m_index(index)
{
    m_client->setParent(this);
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ProxyConnection::pump);
    connect(m_client, &QTcpSocket::readyRead, this, &ProxyConnection::readClient);
    connect(m_client, &QTcpSocket::disconnected, this, &ProxyConnection::dropBoth);
    m_server.setReadBufferSize(256 * 1024); // back-pressure reaches the server through TCP
    connect(&m_server, &QTcpSocket::connected, this, &ProxyConnection::pump);
    connect(&m_server, &QTcpSocket::readyRead, this, &ProxyConnection::readServer);
    connect(&m_server, &QTcpSocket::disconnected, this, [this] {
        m_serverClosed = true;
        pump();
    });
    connect(&m_server, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return;            // handled by disconnected
        m_serverClosed = true; // nothing listening: the client sees its connection close
        pump();
    });
    m_server.connectToHost(QHostAddress::LocalHost, m_proxy->targetPort());
    ++m_proxy->m_open;
    m_proxy->m_connections.append(this);
}

ProxyConnection::~ProxyConnection()
{
    // m_server is destroyed after the queues: its last signals must not reach pump(). The proxy
    // may be half destroyed already (it deletes its connections last): not touched here.
    disconnect(&m_server, nullptr, this, nullptr);
    m_timer.stop();
    m_server.abort();
}

double& FaultProxy::refillLink()
{
    const double size = std::max(kMinBucketBytes, double(m_bandwidth.load()) * kBucketSeconds);
    if (!m_linkClock.isValid()) {
        m_linkClock.start();
        m_linkTokens = size;
        m_linkRefill = 0;
    }
    const qint64 now = linkNow();
    m_linkTokens = std::min(size, m_linkTokens + double(m_bandwidth.load()) *
                                                     double(now - m_linkRefill) / 1000.0);
    m_linkRefill = now;
    return m_linkTokens;
}

void ProxyConnection::readClient()
{
    const QByteArray bytes = m_client->readAll();
    if (bytes.isEmpty() || m_done)
        return;
    const qint64 now = m_clock.elapsed();
    m_toServer.push_back({now + m_proxy->m_latencyMs.load(), bytes});
    pump();
}

void ProxyConnection::readServer()
{
    if (m_done || m_queuedToClient >= kHighWater)
        return; // resumed by pump() once the client side drains
    QByteArray bytes = m_server.read(kHighWater - m_queuedToClient);
    if (bytes.isEmpty())
        return;
    m_proxy->capture(m_index, bytes.constData(), bytes.size());
    qint64 at = 0;
    quint8 mask = 0;
    if (m_proxy->takeCorruption(m_readFromServer, bytes.size(), &at, &mask)) {
        bytes[at] = char(quint8(bytes[at]) ^ mask);
        ++m_proxy->m_corruptions;
    }
    m_readFromServer += bytes.size();
    m_queuedToClient += bytes.size();
    m_toClient.push_back({m_clock.elapsed() + m_proxy->m_latencyMs.load(), std::move(bytes)});
    pump();
}

void ProxyConnection::pump()
{
    if (m_done)
        return;
    const qint64 now = m_clock.elapsed();
    pumpToServer(now);
    if (!pumpToClient(now))
        return;
    if (m_queuedToClient < kHighWater && m_server.bytesAvailable() > 0)
        QTimer::singleShot(0, this, &ProxyConnection::readServer);
    finishIfDrained();
    if (!m_done)
        schedule(now);
}

void ProxyConnection::pumpToServer(qint64 now)
{
    if (m_server.state() != QAbstractSocket::ConnectedState)
        return;
    while (!m_toServer.empty() && m_toServer.front().due <= now) {
        m_proxy->m_bytesToServer += m_server.write(m_toServer.front().bytes);
        m_toServer.pop_front();
    }
}

bool ProxyConnection::pumpToClient(qint64 now)
{
    const qint64 bandwidth = m_proxy->m_bandwidth.load();
    double& tokens = m_proxy->refillLink();
    while (!m_toClient.empty() && m_toClient.front().due <= now &&
           m_client->bytesToWrite() < kHighWater) {
        QByteArray& front = m_toClient.front().bytes;
        qint64 size = front.size();
        if (bandwidth > 0)
            size = std::min(size, qint64(tokens));
        if (size <= 0)
            break;
        qint64 allowed = 0;
        if (m_proxy->takeCut(m_sentToClient, size, &allowed)) {
            cut(front.left(allowed));
            return false;
        }
        m_client->write(front.constData(), size);
        tokens -= double(size);
        m_sentToClient += size;
        m_queuedToClient -= size;
        m_proxy->m_bytesToClient += size;
        if (size == front.size())
            m_toClient.pop_front();
        else
            front.remove(0, size);
    }
    return true;
}

void ProxyConnection::cut(const QByteArray& lastBytes)
{
    m_client->write(lastBytes);
    m_proxy->m_bytesToClient += lastBytes.size();
    ++m_proxy->m_cuts;
    m_done = true;
    m_toClient.clear();
    m_toServer.clear();
    m_server.abort();
    m_client->disconnectFromHost(); // after the bytes already written
}

void ProxyConnection::finishIfDrained()
{
    if (m_serverClosed && m_toClient.empty() && m_server.bytesAvailable() == 0) {
        m_done = true;
        m_client->disconnectFromHost();
    }
}

void ProxyConnection::schedule(qint64 now)
{
    qint64 next = -1;
    if (!m_toServer.empty())
        next = m_toServer.front().due;
    if (!m_toClient.empty()) {
        qint64 due = m_toClient.front().due;
        const qint64 bandwidth = m_proxy->m_bandwidth.load();
        const double tokens = m_proxy->refillLink();
        if (bandwidth > 0 && tokens < 1.0)
            due = std::max(due, now + qint64(std::ceil((1.0 - tokens) * 1000.0 / bandwidth)));
        if (m_client->bytesToWrite() >= kHighWater)
            due = std::max(due, now + 5);
        next = next < 0 ? due : std::min(next, due);
    }
    if (next >= 0)
        m_timer.start(int(std::max<qint64>(0, next - now)));
}

void ProxyConnection::dropBoth()
{
    if (m_dropped)
        return;
    m_dropped = true;
    m_done = true;
    m_timer.stop();
    m_server.abort();
    m_client->abort();
    --m_proxy->m_open;
    m_proxy->m_connections.removeOne(this);
    deleteLater();
}

// The server is a child so that moveToThread() takes it along.
FaultProxy::FaultProxy(QObject* parent) : QObject(parent), m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen(quint16 targetPort)
{
    m_targetPort.store(targetPort);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_port.store(m_server.serverPort());
    return true;
}

void FaultProxy::setCutAfterResponseBytes(qint64 offset, int times)
{
    m_cutTimes.store(times);
    m_cutOffset.store(offset);
}

void FaultProxy::setCorruptResponseByte(qint64 offset, quint8 xorMask, int times)
{
    m_corruptMask.store(xorMask);
    m_corruptTimes.store(times);
    m_corruptOffset.store(offset);
}

void FaultProxy::clearFaults()
{
    m_cutOffset.store(-1);
    m_corruptOffset.store(-1);
}

void FaultProxy::closeAllConnections()
{
    QMetaObject::invokeMethod(this, [this] {
        const QList<ProxyConnection*> open = m_connections;
        for (ProxyConnection* connection : open)
            connection->dropBoth();
    });
}

void FaultProxy::resetCounters()
{
    m_bytesToClient.store(0);
    m_bytesToServer.store(0);
    m_accepted.store(0);
    m_cuts.store(0);
    m_corruptions.store(0);
    QMutexLocker lock(&m_captureMutex);
    m_captures.clear();
}

QList<QByteArray> FaultProxy::capturedResponses() const
{
    QMutexLocker lock(&m_captureMutex);
    return m_captures;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        int index = 0;
        {
            QMutexLocker lock(&m_captureMutex);
            index = int(m_captures.size());
            m_captures.append(QByteArray());
        }
        ++m_accepted;
        new ProxyConnection(this, client, index);
    }
}

bool FaultProxy::takeCut(qint64 bytesSent, qint64 chunk, qint64* allowed)
{
    const qint64 offset = m_cutOffset.load();
    if (offset < 0 || bytesSent + chunk <= offset || !takeUse(m_cutTimes))
        return false;
    *allowed = std::max<qint64>(0, offset - bytesSent);
    return true;
}

bool FaultProxy::takeCorruption(qint64 streamOffset, qint64 chunk, qint64* at, quint8* mask)
{
    const qint64 offset = m_corruptOffset.load();
    if (offset < streamOffset || offset >= streamOffset + chunk || !takeUse(m_corruptTimes))
        return false;
    *at = offset - streamOffset;
    *mask = quint8(m_corruptMask.load());
    return true;
}

void FaultProxy::capture(int connection, const char* data, qint64 size)
{
    const qint64 limit = m_captureLimit.load();
    QMutexLocker lock(&m_captureMutex);
    if (connection >= m_captures.size() || limit <= 0)
        return;
    QByteArray& captured = m_captures[connection];
    captured.append(data, std::min<qint64>(size, std::max<qint64>(0, limit - captured.size())));
}

} // namespace fenestra::integration
