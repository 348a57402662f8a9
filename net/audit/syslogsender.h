#pragma once

#include "audit/auditlog.h"
#include "core/neterrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QSslSocket;

namespace fenestra::net::audit {

// RFC 5424 framing of one audit record, as the IHE ATNA "Record Audit Event" transaction
// (ITI-20) asks:
//   <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [meta sequenceId="N"] BOM XML
// PRI: facility 10 (security/authorization, what ITI-20 names; not 13, "log audit", which is
// the system's own audit subsystem). Severity 5 (notice) for ordinary events, 4 (warning) for
// security alerts (break-the-glass) and failed events. MSGID "IHE+RFC-3881", the value ITI-20
// gives for the DICOM audit message format. The RFC 5424 "meta" sequenceId carries the trail's
// sequence number, so a collector can see gaps and duplicates.
struct SyslogFormat
{
    QString hostName; // empty: the machine's name
    QString appName = QStringLiteral("fenestra");
    QString msgId = QStringLiteral("IHE+RFC-3881");
    qint64 processId = 0; // 0: this process
};

// The syslog message (without transport framing) of one record.
QByteArray syslogMessage(const AuditLog::Record& record, const SyslogFormat& format = {});
// The RFC 5425 frame: "MSG-LEN SP SYSLOG-MSG" (octet counting).
QByteArray octetCountedFrame(const QByteArray& message);

struct SyslogOptions
{
    QString host = QStringLiteral("127.0.0.1"); // checked against the collector's certificate
    quint16 port = 6514;                        // RFC 5425's port
    // The authorities that issue the collector's certificate. Required: they REPLACE the
    // system's (an audit repository is on the hospital's PKI, never vouched for by a public CA).
    QList<QSslCertificate> caCertificates;
    // Client certificate and key, for collectors that authenticate their sources (IHE ATNA's
    // secure node); both null: none.
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    SyslogFormat format;
    // Where the sequence of the last delivered record is kept (JSON, mode 0600). Empty:
    // "audit.sent" in the trail's folder.
    QString stateFile;
    // Reconnection: first delay, doubled up to the maximum while the collector stays away.
    std::chrono::milliseconds retryMin{500};
    std::chrono::milliseconds retryMax{60000};
    std::chrono::milliseconds connectTimeout{15000};
    qsizetype batch = 64; // records written per round trip at most
};

// Sends the audit trail to a syslog collector over TLS (RFC 5425), in order, each record once.
//
// Delivery: the sender reads the records after the last delivered one from the trail, writes
// them on one TLS connection, and counts a record as delivered only once the collector's TCP
// stack has acknowledged every byte of it (Linux: the socket's unacknowledged send queue is
// empty; elsewhere: once Qt has handed every byte to the system, which is weaker). Then the
// state file is updated. Records written on a connection that breaks before that are sent again
// on the next connection. While the collector is unreachable, records stay in the trail (the
// queue IS the trail: nothing is lost when the application stops) and the sender retries with
// back-off. A record can only be duplicated if the collector read it and vanished before its
// acknowledgement came back; the sequenceId lets the collector recognise it.
//
// A refused certificate (wrong CA, wrong name, expired) is an error like any other: nothing is
// sent, the queue is kept, and the sender retries (the operator may fix the collector).
//
// Thread contract: a QObject of the thread that creates it (an event loop is needed); the
// AuditLog outlives it.
class SyslogSender : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Idle, // nothing to send, no connection
        Connecting,
        Connected, // idle or sending
        WaitingToRetry,
    };
    Q_ENUM(State)

    SyslogSender(AuditLog& log, SyslogOptions options, QObject* parent = nullptr);
    ~SyslogSender() override;

    // Reads the state file and starts sending what is pending. Fails (and stays stopped) when
    // the options lack a CA or the state file does not belong to this trail.
    Result<void> start();
    void stop();

    // Tells the sender that the trail grew (call after AuditLog::append).
    void notifyAppended();

    State state() const { return m_state; }
    qint64 lastDelivered() const { return m_delivered; }
    qint64 pending() const { return m_log.lastSequence() - m_delivered; }
    // The last failure (connection, TLS, trail); cleared by a successful delivery.
    std::optional<Error> lastError() const { return m_lastError; }

signals:
    // Records up to `sequence` are delivered (and the state file says so).
    void delivered(qint64 sequence);
    // Sending failed: the records stay queued. The error names the collector and the reason.
    void failed(const fenestra::net::Error& error);
    void stateChanged(fenestra::net::audit::SyslogSender::State state);

private:
    void connectToCollector();
    void onEncrypted();
    void onSocketError();
    void onDisconnected();
    void sendPending();
    void checkAcknowledged();
    void connectionLost(const Error& error);
    void setState(State state);
    Result<void> loadState();
    Result<void> saveState();
    QString stateFile() const;

    AuditLog& m_log;
    SyslogOptions m_options;
    std::unique_ptr<QSslSocket> m_socket;
    QTimer m_retryTimer;
    QTimer m_ackTimer;
    QTimer m_connectTimer;
    std::chrono::milliseconds m_retryDelay{0};
    State m_state = State::Stopped;
    qint64 m_delivered = 0; // last sequence acknowledged by the collector
    qint64 m_written = 0;   // last sequence written on the current connection
    std::optional<Error> m_lastError;
};

} // namespace fenestra::net::audit
