#include "loopbackreceiver.h"

#include <QCoreApplication>
#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>

namespace fenestra::net {

namespace {

// A browser's GET with its headers fits in a few kilobytes; more is not a browser.
constexpr qsizetype kMaxRequestHead = 16 * 1024;
// A connection that sends nothing useful in this time is dropped (a stalled or idle socket).
constexpr int kConnectionTimeoutMs = 10000;

QByteArray statusLine(int status)
{
    switch (status) {
    case 200:
        return "HTTP/1.1 200 OK";
    case 400:
        return "HTTP/1.1 400 Bad Request";
    case 404:
        return "HTTP/1.1 404 Not Found";
    default:
        return "HTTP/1.1 405 Method Not Allowed";
    }
}

// The parameters of a redirect's query, decoded as application/x-www-form-urlencoded (RFC 6749
// appendix B): '+' is a space, then percent-decoding, exactly once.
QHash<QString, QString> queryParameters(const QByteArray& query)
{
    QHash<QString, QString> parameters;
    for (const QByteArray& pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        QByteArray name = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const QString key = QUrl::fromPercentEncoding(name);
        if (!key.isEmpty() && !parameters.contains(key)) // the first of repeated parameters
            parameters.insert(key, QUrl::fromPercentEncoding(value));
    }
    return parameters;
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject* parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        const auto seconds = m_timeout.interval() / 1000;
        close();
        emit failed(Error{ErrorCode::Timeout, tr("the browser did not come back from the "
                                                 "identity provider within %1 s")
                                                  .arg(seconds)});
    });
}

LoopbackReceiver::~LoopbackReceiver()
{
    close();
}

Result<QUrl> LoopbackReceiver::listen(const QString& path, const QString& expectedState,
                                      std::chrono::milliseconds timeout)
{
    close();
    m_server = new QTcpServer(this);
    // 127.0.0.1 only: another machine, or another interface of this one, can never reach it.
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        const QString why = m_server->errorString();
        close();
        return fail(ErrorCode::ConnectionFailed,
                    tr("cannot listen on 127.0.0.1 for the login: %1").arg(why));
    }
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    m_path = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    m_state = expectedState;
    m_redirectUri =
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(m_path));
    m_done = false;
    m_timeout.start(timeout);
    return m_redirectUri;
}

void LoopbackReceiver::close()
{
    ++m_generation;
    m_timeout.stop();
    m_done = true;
    if (m_server) {
        m_server->close();
        // Open connections are children of the server: deleting it drops them too.
        m_server->deleteLater();
        m_server = nullptr;
    }
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

void LoopbackReceiver::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        auto* idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start(kConnectionTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestHead)
            socket->abort();
        else
            socket->setProperty("head", head);
        return;
    }
    socket->setProperty("head", QVariant());
    socket->setProperty("answered", true);
    handleRequest(socket, head.left(end));
}

void LoopbackReceiver::handleRequest(QTcpSocket* socket, const QByteArray& head)
{
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "GET") {
        answer(socket, 405, tr("Not allowed"), tr("This address only accepts the login redirect."));
        return;
    }
    const QByteArray& target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    if (m_done || path != m_path.toUtf8()) {
        answer(socket, 404, tr("Not found"), tr("This address only accepts the login redirect."));
        return;
    }
    const QHash<QString, QString> query =
        queryParameters(question < 0 ? QByteArray() : target.mid(question + 1));
    const QString state = query.value(QStringLiteral("state"));
    if (state.isEmpty() || state != m_state) {
        answer(socket, 400, tr("Login not accepted"),
               tr("This login answer does not belong to the login started in Fenestra. Start "
                  "the login again from Fenestra."));
        emit requestRefused(Error{ErrorCode::LoginFailed,
                                  tr("the login answer's state does not match the login request")});
        return;
    }
    const QString error = query.value(QStringLiteral("error"));
    const QString code = query.value(QStringLiteral("code"));
    if (!error.isEmpty() || code.isEmpty()) {
        QString detail = tr("the identity provider refused the login: %1")
                             .arg(error.isEmpty() ? QStringLiteral("no code") : error.left(100));
        const QString description = query.value(QStringLiteral("error_description"));
        if (!description.isEmpty())
            detail += QStringLiteral(" (%1)").arg(description.left(300));
        answer(socket, 200, tr("Login failed"),
               tr("The identity provider did not sign you in. Return to Fenestra for details."));
        finishLater([this, detail] { emit failed(Error{ErrorCode::LoginFailed, detail}); });
        return;
    }
    AuthorizationResponse response{code, query.value(QStringLiteral("iss"))};
    answer(socket, 200, tr("Signed in"),
           tr("You are signed in to Fenestra. You can close this page and return to Fenestra."));
    finishLater([this, response] { emit received(response); });
}

void LoopbackReceiver::answer(QTcpSocket* socket, int status, const QString& title,
                              const QString& message)
{
    const QByteArray body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                           "<title>%1</title></head><body><h1>%1</h1><p>%2</p>"
                                           "</body></html>")
                                .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
                                .toUtf8();
    QByteArray response = statusLine(status) +
                          "\r\nContent-Type: text/html; charset=utf-8\r\n"
                          "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
                          "Connection: close\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost(); // after the bytes are written; then deleteLater
}

void LoopbackReceiver::finishLater(std::function<void()> emitter)
{
    // The listener closes now (nothing else may connect); the answered socket is re-parented
    // so it outlives the server and finishes sending its page.
    if (m_server) {
        for (QTcpSocket* socket : m_server->findChildren<QTcpSocket*>())
            socket->setParent(this);
    }
    close();
    QTimer::singleShot(0, this, [this, generation = m_generation, emitter = std::move(emitter)] {
        if (generation == m_generation)
            emitter();
    });
}

} // namespace fenestra::net
