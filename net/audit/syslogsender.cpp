#include "syslogsender.h"

#include "tls/archivetls.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>
#include <QXmlStreamReader>

#ifdef Q_OS_LINUX
#include <linux/sockios.h>
#include <sys/ioctl.h>
#endif

namespace fenestra::net::audit {

Q_LOGGING_CATEGORY(lcSyslog, "fenestra.net.audit.syslog")

namespace {

constexpr int kFacilityAuth = 10; // security/authorization messages (RFC 5424 table 1)
constexpr int kSeverityWarning = 4;
constexpr int kSeverityNotice = 5;
constexpr std::chrono::milliseconds kAckPoll{10};

// RFC 5424 header fields: printable US-ASCII without spaces, bounded, "-" when empty.
QByteArray headerField(const QString& value, qsizetype maxLength)
{
    QByteArray out = value.toLatin1().left(maxLength);
    for (char& c : out)
        if (c < 33 || c > 126)
            c = '_';
    return out.isEmpty() ? QByteArray("-") : out;
}

// Notice for ordinary events; warning for security alerts and failed events.
int severityOf(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    bool warning = false;
    while (reader.readNext() != QXmlStreamReader::Invalid && !reader.atEnd()) {
        if (!reader.isStartElement())
            continue;
        const auto attributes = reader.attributes();
        if (reader.name() == QLatin1String("EventIdentification"))
            warning |= attributes.value(QLatin1String("EventOutcomeIndicator")) != u"0";
        if (reader.name() == QLatin1String("EventID")) {
            warning |= attributes.value(QLatin1String("csd-code")) == u"110113";
            break;
        }
    }
    return warning ? kSeverityWarning : kSeverityNotice;
}

qint64 unacknowledgedBytes(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    int pending = 0;
    if (descriptor >= 0 && ::ioctl(int(descriptor), SIOCOUTQ, &pending) == 0)
        return pending;
    return -1;
#else
    Q_UNUSED(descriptor);
    return 0;
#endif
}

QString where(const SyslogOptions& options)
{
    return QStringLiteral("%1:%2").arg(options.host).arg(options.port);
}

} // namespace

QByteArray syslogMessage(const AuditLog::Record& record, const SyslogFormat& format)
{
    const int pri = kFacilityAuth * 8 + severityOf(record.xml);
    const QString host = format.hostName.isEmpty() ? QSysInfo::machineHostName() : format.hostName;
    const qint64 pid = format.processId > 0 ? format.processId : QCoreApplication::applicationPid();
    return '<' + QByteArray::number(pri) + ">1 " +
           record.time.toUTC().toString(Qt::ISODateWithMs).toLatin1() + ' ' +
           headerField(host, 255) + ' ' + headerField(format.appName, 48) + ' ' +
           QByteArray::number(pid) + ' ' + headerField(format.msgId, 32) + " [meta sequenceId=\"" +
           QByteArray::number(record.sequence) + "\"] \xEF\xBB\xBF" + record.xml;
}

QByteArray octetCountedFrame(const QByteArray& message)
{
    return QByteArray::number(message.size()) + ' ' + message;
}

SyslogSender::SyslogSender(AuditLog& log, SyslogOptions options, QObject* parent)
    : QObject(parent), m_log(log), m_options(std::move(options)), m_retryDelay(m_options.retryMin)
{
    m_retryTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_ackTimer.setInterval(kAckPoll);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (pending() > 0)
            connectToCollector();
        else
            setState(State::Idle);
    });
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        connectionLost(Error{ErrorCode::Timeout,
                             QStringLiteral("syslog collector %1: no TLS connection within %2 ms")
                                 .arg(where(m_options))
                                 .arg(m_options.connectTimeout.count())});
    });
    connect(&m_ackTimer, &QTimer::timeout, this, &SyslogSender::checkAcknowledged);
}

SyslogSender::~SyslogSender()
{
    stop();
}

QString SyslogSender::stateFile() const
{
    return m_options.stateFile.isEmpty()
               ? QDir(m_log.directory()).filePath(QStringLiteral("audit.sent"))
               : m_options.stateFile;
}

Result<void> SyslogSender::start()
{
    if (m_options.caCertificates.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("syslog collector %1: no certificate authority configured")
                        .arg(where(m_options)));
    if (auto loaded = loadState(); !loaded)
        return loaded;
    setState(State::Idle);
    if (pending() > 0)
        connectToCollector();
    return {};
}

void SyslogSender::stop()
{
    m_retryTimer.stop();
    m_ackTimer.stop();
    m_connectTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.reset();
    }
    m_written = m_delivered;
    setState(State::Stopped);
}

void SyslogSender::notifyAppended()
{
    // Connecting: sent once connected; waiting: sent at the next attempt.
    if (m_state == State::Connected)
        sendPending();
    else if (m_state == State::Idle)
        connectToCollector();
}

void SyslogSender::connectToCollector()
{
    if (m_socket || m_state == State::Stopped)
        return;
    m_socket = std::make_unique<QSslSocket>();
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCaCertificates(m_options.caCertificates);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_options.clientCertificate.isNull()) {
        config.setLocalCertificate(m_options.clientCertificate);
        config.setPrivateKey(m_options.clientKey);
    }
    m_socket->setSslConfiguration(config);
    QSslSocket* socket = m_socket.get();
    connect(socket, &QSslSocket::encrypted, this, &SyslogSender::onEncrypted);
    connect(socket, &QSslSocket::errorOccurred, this, &SyslogSender::onSocketError);
    connect(socket, &QSslSocket::disconnected, this, &SyslogSender::onDisconnected);
    // The collector never speaks; whatever it sends (an alert, close_notify) is dropped.
    connect(socket, &QSslSocket::readyRead, this, [socket] { socket->readAll(); });
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        m_lastError = describeSslErrors(errors, m_options.host);
    });
    m_lastError.reset();
    setState(State::Connecting);
    m_connectTimer.start(m_options.connectTimeout);
    socket->connectToHostEncrypted(m_options.host, m_options.port);
}

void SyslogSender::onEncrypted()
{
    m_connectTimer.stop();
    m_retryDelay = m_options.retryMin;
    m_written = m_delivered;
    setState(State::Connected);
    sendPending();
}

void SyslogSender::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError code = m_socket->error();
    Error error{
        ErrorCode::ConnectionFailed,
        QStringLiteral("syslog collector %1: %2").arg(where(m_options), m_socket->errorString())};
    if (code == QAbstractSocket::SslHandshakeFailedError) {
        // The certificate's own explanation when there is one (set by sslErrors).
        error = m_lastError ? *m_lastError
                            : describeHandshakeFailure(m_socket->errorString(), m_options.host,
                                                       !m_options.clientCertificate.isNull());
        error.detail =
            QStringLiteral("syslog collector %1: %2").arg(where(m_options), error.detail);
    }
    connectionLost(error);
}

void SyslogSender::onDisconnected()
{
    if (m_socket)
        connectionLost(Error{
            ErrorCode::ConnectionFailed,
            QStringLiteral("syslog collector %1 closed the connection").arg(where(m_options))});
}

void SyslogSender::connectionLost(const Error& error)
{
    m_connectTimer.stop();
    m_ackTimer.stop();
    if (m_socket) {
        // Called from the socket's own signals: it is deleted once they return.
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
    // Written but not acknowledged: sent again on the next connection.
    m_written = m_delivered;
    m_lastError = error;
    qCWarning(lcSyslog).noquote() << "audit records not delivered, retrying in"
                                  << m_retryDelay.count() << "ms:" << error.toString();
    emit failed(error);
    setState(State::WaitingToRetry);
    m_retryTimer.start(m_retryDelay);
    m_retryDelay = std::min(m_retryDelay * 2, m_options.retryMax);
}

void SyslogSender::sendPending()
{
    if (m_state != State::Connected || !m_socket || m_written - m_delivered >= m_options.batch)
        return;
    const auto records = m_log.recordsAfter(m_written, m_options.batch - (m_written - m_delivered));
    if (!records) {
        m_lastError = records.error();
        emit failed(records.error());
        return;
    }
    for (const AuditLog::Record& record : *records) {
        m_socket->write(octetCountedFrame(syslogMessage(record, m_options.format)));
        m_written = record.sequence;
    }
    if (m_written > m_delivered && !m_ackTimer.isActive())
        m_ackTimer.start();
}

void SyslogSender::checkAcknowledged()
{
    if (!m_socket || m_state != State::Connected || m_written <= m_delivered) {
        m_ackTimer.stop();
        return;
    }
    if (m_socket->bytesToWrite() > 0 || m_socket->encryptedBytesToWrite() > 0 ||
        unacknowledgedBytes(m_socket->socketDescriptor()) != 0)
        return;
    m_delivered = m_written;
    if (auto saved = saveState(); !saved) {
        m_lastError = saved.error();
        emit failed(saved.error());
    } else {
        m_lastError.reset();
    }
    emit delivered(m_delivered);
    if (m_log.lastSequence() > m_written)
        sendPending();
    else
        m_ackTimer.stop();
}

void SyslogSender::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

Result<void> SyslogSender::loadState()
{
    QFile file(stateFile());
    if (!file.exists()) {
        m_delivered = 0;
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::AuditLogIoFailure,
                    QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    const qint64 delivered = qint64(state.value(QLatin1String("delivered")).toDouble(-1));
    const QByteArray hash = state.value(QLatin1String("hash")).toString().toLatin1();
    // The state must name a record of this very trail (same sequence, same hash).
    if (delivered < 0 || (delivered > 0 && m_log.hashOf(delivered) != hash))
        return fail(ErrorCode::AuditLogCorrupt,
                    QStringLiteral("the syslog delivery state (record %1) does not match the "
                                   "audit trail")
                        .arg(delivered));
    m_delivered = delivered;
    return {};
}

Result<void> SyslogSender::saveState()
{
    QSaveFile file(stateFile());
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::AuditLogIoFailure,
                    QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QJsonObject state{
        {QStringLiteral("delivered"), m_delivered},
        {QStringLiteral("hash"), QString::fromLatin1(m_log.hashOf(m_delivered))}};
    file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(ErrorCode::AuditLogIoFailure,
                    QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

} // namespace fenestra::net::audit
