#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <deque>

class QTcpSocket;

// A scripted HTTP/1.1 server on 127.0.0.1 (ephemeral port) for client unit tests: answers each
// GET with the next scripted response and records what it received.
//
// Thread contract: lives on the test thread; driven by its event loop.
class StubHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        QByteArray raw;         // status line, headers and body, sent as they are
        qint64 closeAfter = -1; // close the connection after this many bytes of `raw`
        bool silent = false;    // never answer (for timeouts)
        qint64 holdAfter = -1;  // send this many bytes of `raw`, then nothing more (no close)
    };

    StubHttpServer();
    quint16 port() const { return m_server.serverPort(); }
    QByteArray baseUrl() const;

    void enqueue(Response response) { m_script.push_back(std::move(response)); }
    // Status, headers, body; adds Content-Length unless `contentLength` is false (then the
    // connection closes after the body, as Orthanc does for series).
    static Response reply(int status, const QByteArray& headers, const QByteArray& body,
                          bool contentLength = true);

    // Request targets received ("/dicom-web/studies?PatientName=..."), in order.
    const QList<QByteArray>& targets() const { return m_targets; }
    // Header blocks received, in order.
    const QList<QByteArray>& requestHeaders() const { return m_headers; }
    int connectionsClosedByClient() const { return m_clientClosed; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);

    QTcpServer m_server;
    std::deque<Response> m_script;
    QList<QByteArray> m_targets;
    QList<QByteArray> m_headers;
    int m_clientClosed = 0;
};
