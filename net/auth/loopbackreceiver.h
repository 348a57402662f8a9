#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace fenestra::net {

// What the provider sent back through the browser (RFC 6749 4.1.2), once `state` matched.
struct AuthorizationResponse
{
    QString code;
    QString issuer; // the "iss" parameter (RFC 9207), empty when the provider sends none
};

// The loopback redirect receiver of a native app (RFC 8252 7.3): a tiny HTTP listener on
// 127.0.0.1 only (never another interface), on a port the system picks, that waits for the
// browser's GET on the redirect path with the expected state, answers a small page telling
// the doctor to return to Fenestra, and closes the listener at once.
//
//  - A request on another path gets 404 and changes nothing; one with the right path but a
//    wrong or missing state gets an error page, emits requestRefused() and the receiver keeps
//    waiting (it may be a forged request; the genuine redirect may still come).
//  - A provider error (?error=access_denied&state=...) with the right state ends the flow:
//    failed() with LoginFailed and the provider's error and description.
//  - Nothing valid within the timeout: failed() with Timeout.
//
// Thread contract: lives on one thread with an event loop and is used there; signals are
// emitted there. Exactly one of received() / failed() is emitted per listen(), from the event
// loop; close() and destruction emit neither.
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening on 127.0.0.1, ephemeral port, for a GET on `path` ("/callback") with
    // ?state=`expectedState`. Returns the redirect URI to put in the authorization request
    // ("http://127.0.0.1:49152/callback"). ConnectionFailed when the socket cannot be bound.
    Result<QUrl> listen(const QString& path, const QString& expectedState,
                        std::chrono::milliseconds timeout);
    // Stops listening and drops open connections without emitting anything.
    void close();

    bool isListening() const;
    QUrl redirectUri() const { return m_redirectUri; }

signals:
    void received(const fenestra::net::AuthorizationResponse& response);
    void failed(const fenestra::net::Error& error);
    // A request on the redirect path that was refused (state mismatch); the wait goes on.
    void requestRefused(const fenestra::net::Error& error);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void handleRequest(QTcpSocket* socket, const QByteArray& head);
    void answer(QTcpSocket* socket, int status, const QString& title, const QString& message);
    void finishLater(std::function<void()> emitter);

    QTcpServer* m_server = nullptr;
    QTimer m_timeout;
    QString m_path;
    QString m_state;
    QUrl m_redirectUri;
    bool m_done = true;
    quint64 m_generation = 0; // bumped by close(): a pending emission of an old wait is dropped
};

} // namespace fenestra::net
