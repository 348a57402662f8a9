#pragma once

#include "audit/auditmessage.h"

#include <QTimeZone>

namespace fenestra::test {

// A complete event of each kind, with patient data that tests look for in logs and files.
inline const QString kPatientId = QStringLiteral("LU-PAT-778812");
inline const QString kPatientName = QStringLiteral("Zeyen^Marguerite");
inline const QString kStudyUid = QStringLiteral("1.2.826.0.1.3680043.8.498.4471");

inline net::audit::AuditEvent auditEvent(net::audit::AuditEventKind kind)
{
    using namespace net::audit;
    AuditEvent e;
    e.kind = kind;
    e.time = QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53, 589), QTimeZone(3600));
    e.user = {QStringLiteral("alice"),
              QStringLiteral("Alice Martin"),
              QStringLiteral("hospital-a"),
              {{QStringLiteral("309343006"), QStringLiteral("SCT"), QStringLiteral("Physician")}}};
    e.purposeOfUse = QStringLiteral("TREAT");
    e.applicationHost = QStringLiteral("ws-17.hospital-a.lu");
    const AuditArchive archive{QStringLiteral("Hospital B"),
                               QUrl(QStringLiteral("https://127.0.0.1:8443/dicom-web"))};
    const AuditPatient patient{kPatientId, QStringLiteral("LUXEMBOURG-RNPP"), kPatientName};
    const AuditStudy study{kStudyUid,
                           QStringLiteral("ACC-0042"),
                           {{QStringLiteral("1.2.840.10008.5.1.4.1.1.2"), 120},
                            {QStringLiteral("1.2.840.10008.5.1.4.1.1.7"), 1}}};
    switch (kind) {
    case AuditEventKind::Login:
    case AuditEventKind::Logout:
        e.purposeOfUse.clear();
        break;
    case AuditEventKind::Query:
        e.archive = archive;
        e.patient = patient;
        e.query = AuditQuery{};
        e.query->request =
            "/dicom-web/studies?PatientID=" + kPatientId.toUtf8() + "&includefield=00081030";
        break;
    case AuditEventKind::InstancesAccessed:
        e.archive = archive;
        e.patient = patient;
        e.studies = {study};
        break;
    case AuditEventKind::InstancesTransferred:
        e.archive = archive;
        e.patient = patient;
        e.studies = {study};
        break;
    case AuditEventKind::Export:
        e.patient = patient;
        e.studies = {study};
        e.destination =
            AuditMedia{QStringLiteral("file:///media/usb0/export"),
                       {QStringLiteral("110037"), QStringLiteral("DCM"), QStringLiteral("URI")}};
        break;
    case AuditEventKind::EmergencyOverrideStarted:
        e.purposeOfUse = QStringLiteral("ETREAT");
        e.archive = archive;
        e.patient = patient;
        e.reason = QStringLiteral("Unconscious patient in the ER, no consent obtainable");
        break;
    case AuditEventKind::EmergencyOverrideStopped:
        e.purposeOfUse = QStringLiteral("ETREAT");
        e.archive = archive;
        e.patient = patient;
        break;
    }
    return e;
}

} // namespace fenestra::test
