// The audit trail of what the doctor does in the window: sign-in and sign-out, searches,
// studies viewed and retrieved from archives, exports, emergency access. Each becomes a DICOM
// audit message in the trail (app/audit/audittrail.h); nothing of it goes to the ordinary log.

#include "mainwindow.h"

#include "audit/audittrail.h"
#include "auth/oidcsession.h"
#include "dicomweb/qidoquery.h"
#include "widgets/imageview.h"

#include <QFileInfo>
#include <QMap>

namespace fenestra::app {

using net::audit::AuditEvent;
using net::audit::AuditEventKind;

namespace {

net::audit::AuditPatient auditPatientOf(const viewer::DisplaySet& ds)
{
    if (ds.frames.empty() || ds.frames.front().instance == nullptr)
        return {};
    const viewer::PatientInfo& p = ds.frames.front().instance->patient;
    return {p.id, p.issuerOfPatientId, p.name};
}

// The study of a display set, with its SOP classes and how many instances of each.
net::audit::AuditStudy auditStudyOf(const viewer::DisplaySet& ds)
{
    net::audit::AuditStudy study;
    QMap<QString, QSet<const viewer::InstanceInfo*>> instances;
    for (const viewer::FrameRef& frame : ds.frames) {
        if (frame.instance == nullptr)
            continue;
        study.studyUid = frame.instance->study.instanceUid;
        study.accessionNumber = frame.instance->study.accessionNumber;
        instances[frame.instance->sopClassUid].insert(frame.instance.get());
    }
    for (auto it = instances.begin(); it != instances.end(); ++it)
        study.sopClasses.append({it.key(), int(it.value().size())});
    return study;
}

} // namespace

void MainWindow::setAuditTrail(AuditTrail* trail)
{
    m_audit = trail;
}

void MainWindow::audit(AuditEvent event)
{
    if (m_audit == nullptr)
        return;
    if (m_session != nullptr) {
        const net::Identity& who = m_session->identity();
        event.user.id = who.subject;
        event.user.name = who.name.isEmpty() ? who.username : who.name;
        event.user.organisation = who.organisation;
        for (const QString& role : who.roles)
            event.user.roles.append({role, QStringLiteral("urn:fenestra:role"), role});
        event.purposeOfUse =
            m_session->isEmergencyAccess() ? QStringLiteral("ETREAT") : QStringLiteral("TREAT");
    } else {
        event.user.id = qEnvironmentVariable("USER", QStringLiteral("local-user"));
        event.user.name = event.user.id;
    }
    m_audit->record(std::move(event));
}

void MainWindow::auditSearch(const net::StudyQuery& query)
{
    for (const net::ArchiveConfig& archive : std::as_const(m_archives))
        auditQuery(archive, query);
}

// One Query (110112) per archive asked: the plain search panel's, and each hospital the
// federation panel asks.
void MainWindow::auditQuery(const net::ArchiveConfig& archive, const net::StudyQuery& query)
{
    AuditEvent event;
    event.kind = AuditEventKind::Query;
    event.archive = net::audit::AuditArchive{archive.name, archive.baseUrl};
    event.query = net::audit::AuditQuery{};
    event.query->request = "/studies?" + net::encodeQuery(net::queryItems(query));
    audit(std::move(event));
}

void MainWindow::auditSeries(AuditEventKind kind, const net::ArchiveConfig& archive,
                             const viewer::DisplaySet& ds)
{
    AuditEvent event;
    event.kind = kind;
    event.archive = net::audit::AuditArchive{archive.name, archive.baseUrl};
    event.patient = auditPatientOf(ds);
    event.studies = {auditStudyOf(ds)};
    audit(std::move(event));
}

void MainWindow::auditExport(const viewer::ImageView& view, const QString& target)
{
    AuditEvent event;
    event.kind = AuditEventKind::Export;
    event.patient = auditPatientOf(view.displaySet());
    event.studies = {auditStudyOf(view.displaySet())};
    event.destination = net::audit::AuditMedia{
        QUrl::fromLocalFile(QFileInfo(target).absoluteFilePath()).toString(),
        {QStringLiteral("110037"), QStringLiteral("DCM"), QStringLiteral("URI")}};
    audit(std::move(event));
}

void MainWindow::auditSession(AuditEventKind kind, const QString& reason)
{
    AuditEvent event;
    event.kind = kind;
    event.reason = reason;
    audit(std::move(event));
}

} // namespace fenestra::app
