#include "audittrail.h"

#include <QLoggingCategory>

namespace fenestra::app {

namespace {
Q_LOGGING_CATEGORY(lcTrail, "fenestra.app.audit")
} // namespace

net::Result<std::unique_ptr<AuditTrail>> AuditTrail::open(const QString& directory,
                                                          const QByteArray& key)
{
    auto log = net::audit::AuditLog::open(directory, key);
    if (!log)
        return std::unexpected(log.error());
    return std::unique_ptr<AuditTrail>(new AuditTrail(std::move(*log)));
}

AuditTrail::AuditTrail(std::unique_ptr<net::audit::AuditLog> log) : m_log(std::move(log)) {}

AuditTrail::~AuditTrail()
{
    if (m_sender)
        m_sender->stop();
}

void AuditTrail::setCollector(const net::audit::SyslogOptions& options)
{
    if (m_sender)
        m_sender->stop();
    m_sender = std::make_unique<net::audit::SyslogSender>(*m_log, options);
    m_sender->start();
}

bool AuditTrail::record(net::audit::AuditEvent event)
{
    if (!event.time.isValid())
        event.time = QDateTime::currentDateTime();
    net::Result<QByteArray> xml = net::audit::toXml(event);
    net::Result<qint64> sequence =
        xml ? m_log->append(*xml, event.time) : net::Result<qint64>(std::unexpected(xml.error()));
    if (!sequence) {
        // The error names the field or the file, never the patient.
        if (m_failures++ == 0)
            qCWarning(lcTrail, "audit record not written: %s",
                      qPrintable(sequence.error().toString()));
        return false;
    }
    if (m_sender)
        m_sender->notifyAppended();
    emit recorded(*sequence);
    return true;
}

} // namespace fenestra::app
