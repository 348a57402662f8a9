#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTcpServer>

#include <atomic>
#include <chrono>

namespace fenestra::integration {

class ProxyConnection;

// A TCP proxy on 127.0.0.1 (ephemeral port) in front of a local server, for slow links and
// faults: each accepted connection opens one to the target and forwards both ways with
//  - latency: added to every byte, per direction;
//  - bandwidth: a token-bucket limit on server-to-client bytes, for the whole link: all
//    connections draw on one bucket, as they would share one slow line;
//  - cut: after N bytes of a connection's response stream, the rest is dropped and the
//    connection to the client is closed (the server side is aborted);
//  - corruption: the byte at offset K of a connection's response stream is XORed with a mask.
// Offsets count the server-to-client bytes of each connection from 0 (HTTP headers included;
// capturedResponses() shows them). Cut and corruption apply to the next `times` connections
// that reach the offset (-1: all). Every setting can change while traffic flows.
// Back-pressure: the proxy stops reading from the server while 1 MiB waits for the client, so
// it never holds a whole large answer.
//
// Thread contract: the proxy and its connections live on the thread that calls listen() (it
// may be a worker thread, to keep a benchmark's own thread free); the setters, counters and
// capturedResponses() may be called from any thread.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxy(QObject* parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 port 0 and forwards to targetPort on 127.0.0.1.
    bool listen(quint16 targetPort);
    quint16 port() const { return m_port.load(); }
    void setTargetPort(quint16 port) { m_targetPort.store(port); }
    quint16 targetPort() const { return m_targetPort.load(); }

    void setLatency(std::chrono::milliseconds perDirection)
    {
        m_latencyMs.store(perDirection.count());
    }
    // 0: unlimited.
    void setBandwidth(qint64 bytesPerSecond) { m_bandwidth.store(bytesPerSecond); }
    // offset < 0 disables.
    void setCutAfterResponseBytes(qint64 offset, int times = -1);
    void setCorruptResponseByte(qint64 offset, quint8 xorMask = 0xff, int times = -1);
    void clearFaults();
    // Keeps the first `bytes` of each connection's response stream (0: none, the default).
    void setCaptureLimit(qint64 bytes) { m_captureLimit.store(bytes); }
    // Drops every open connection at once (both sides), as a network failure would.
    void closeAllConnections();

    qint64 bytesToClient() const { return m_bytesToClient.load(); }
    qint64 bytesToServer() const { return m_bytesToServer.load(); }
    int connectionsAccepted() const { return m_accepted.load(); }
    int connectionsOpen() const { return m_open.load(); }
    int cutsDone() const { return m_cuts.load(); }
    int corruptionsDone() const { return m_corruptions.load(); }
    void resetCounters();
    // The captured response streams, one per connection in accept order.
    QList<QByteArray> capturedResponses() const;

private:
    friend class ProxyConnection;
    void onNewConnection();
    // Whether a connection whose response stream passed `offset` must apply the fault now;
    // counts the use. Called by connections.
    bool takeCut(qint64 bytesSent, qint64 chunk, qint64* allowed);
    bool takeCorruption(qint64 streamOffset, qint64 chunk, qint64* at, quint8* mask);
    void capture(int connection, const char* data, qint64 size);

    QTcpServer m_server;
    std::atomic<quint16> m_port{0};
    std::atomic<quint16> m_targetPort{0};
    std::atomic<qint64> m_latencyMs{0};
    std::atomic<qint64> m_bandwidth{0};
    // The link's token bucket, shared by the connections (all on the proxy's thread).
    double m_linkTokens = 0;
    qint64 m_linkRefill = -1;
    QElapsedTimer m_linkClock;
    double& refillLink(); // tokens after refilling up to now
    qint64 linkNow() const { return m_linkClock.elapsed(); }
    std::atomic<qint64> m_cutOffset{-1};
    std::atomic<int> m_cutTimes{0};
    std::atomic<qint64> m_corruptOffset{-1};
    std::atomic<int> m_corruptMask{0xff};
    std::atomic<int> m_corruptTimes{0};
    std::atomic<qint64> m_captureLimit{0};
    std::atomic<qint64> m_bytesToClient{0};
    std::atomic<qint64> m_bytesToServer{0};
    std::atomic<int> m_accepted{0};
    std::atomic<int> m_open{0};
    std::atomic<int> m_cuts{0};
    std::atomic<int> m_corruptions{0};
    std::atomic<bool> m_closeAll{false};
    mutable QMutex m_captureMutex;
    QList<QByteArray> m_captures;
    QList<ProxyConnection*> m_connections; // open ones (proxy thread only)
};

} // namespace fenestra::integration
