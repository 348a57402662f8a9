#pragma once

#include "audit/auditlog.h"
#include "audit/auditmessage.h"
#include "audit/syslogsender.h"

#include <QObject>

#include <memory>

namespace fenestra::app {

// The audit trail of this workstation: every sign-in and sign-out, search, retrieval, view,
// export and emergency access becomes a DICOM audit message (net/audit) appended to the
// encrypted, hash-chained local log, and, when a collector is set, sent to it over TLS in
// order (queued in the log while it is away). Recording never blocks the doctor's work: a
// failure is counted and reported once in the ordinary log, without patient data.
//
// Thread contract: GUI thread only.
class AuditTrail : public QObject
{
    Q_OBJECT
public:
    // Opens (or starts) the log in `directory` under `key` (32 bytes, from the OS keyring as
    // the cache key is). Fails when the log exists and does not verify, or cannot be written.
    static net::Result<std::unique_ptr<AuditTrail>> open(const QString& directory,
                                                         const QByteArray& key);
    ~AuditTrail() override;

    // Sends the trail to a syslog collector from now on (what was not delivered yet first).
    void setCollector(const net::audit::SyslogOptions& options);
    net::audit::SyslogSender* sender() const { return m_sender.get(); }
    net::audit::AuditLog& log() const { return *m_log; }

    // Appends the event (its time set to now when unset); false when it could not be written.
    bool record(net::audit::AuditEvent event);
    int failures() const { return m_failures; }

signals:
    void recorded(qint64 sequence);

private:
    explicit AuditTrail(std::unique_ptr<net::audit::AuditLog> log);

    std::unique_ptr<net::audit::AuditLog> m_log;
    std::unique_ptr<net::audit::SyslogSender> m_sender;
    int m_failures = 0;
};

} // namespace fenestra::app
