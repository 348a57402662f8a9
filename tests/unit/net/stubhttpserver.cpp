#include "stubhttpserver.h"

#include <QTcpSocket>

StubHttpServer::StubHttpServer()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &StubHttpServer::onNewConnection);
}

QByteArray StubHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port()) + "/dicom-web";
}

StubHttpServer::Response StubHttpServer::reply(int status, const QByteArray& headers,
                                               const QByteArray& body, bool contentLength)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n" + headers;
    raw += contentLength ? "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                         : QByteArray("Connection: close\r\n");
    raw += "\r\n" + body;
    return Response{raw, contentLength ? -1 : raw.size()};
}

void StubHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket->property("closing").toBool() == false)
                ++m_clientClosed;
            socket->deleteLater();
        });
    }
}

void StubHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray pending = socket->property("pending").toByteArray() + socket->readAll();
    qsizetype end = pending.indexOf("\r\n\r\n");
    while (end >= 0) {
        const QByteArray head = pending.left(end);
        pending.remove(0, end + 4);
        const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
        m_targets.append(words.value(1));
        m_headers.append(head);
        const Response response =
            m_script.empty() ? reply(404, {}, "{}") : std::move(m_script.front());
        if (!m_script.empty())
            m_script.pop_front();
        if (response.silent)
            break;
        if (response.holdAfter >= 0) {
            socket->write(response.raw.left(response.holdAfter));
            break;
        }
        if (response.closeAfter >= 0) {
            socket->write(response.raw.left(response.closeAfter));
            socket->setProperty("closing", true);
            socket->disconnectFromHost();
            return;
        }
        socket->write(response.raw);
        end = pending.indexOf("\r\n\r\n");
    }
    socket->setProperty("pending", pending);
}
