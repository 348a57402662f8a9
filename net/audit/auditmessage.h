#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace fenestra::net::audit {

// DICOM PS3.15 Annex A.5 audit messages (the IHE ATNA "DICOM" format, the XML an audit record
// repository expects), built from a typed description of what happened. The schema the output
// follows is transcribed in tests/data/audit/dicom-audit-message.rng; every kind is checked
// against it.
//
// Thread contract: plain values and a pure function; any thread.

// What happened: one kind per DICOM event this client reports (PS3.15 A.5.3 / CID 400, 401,
// 403, codes of the DCM coding scheme).
enum class AuditEventKind
{
    Login,                    // 110114 User Authentication, type 110122 Login
    Logout,                   // 110114 User Authentication, type 110123 Logout
    Query,                    // 110112 Query (a QIDO-RS search)
    InstancesAccessed,        // 110103 DICOM Instances Accessed (a study viewed)
    InstancesTransferred,     // 110104 DICOM Instances Transferred (retrieved from an archive)
    Export,                   // 110106 Export (written to media or a file)
    EmergencyOverrideStarted, // 110113 Security Alert, type 110127 Emergency Override Started
    EmergencyOverrideStopped, // 110113 Security Alert, type 110138 Emergency Override Stopped
};

// EventOutcomeIndicator (PS3.15 A.5.1): success or how badly it failed.
enum class AuditOutcome
{
    Success = 0,
    MinorFailure = 4,
    SeriousFailure = 8,
    MajorFailure = 12,
};

// A coded value (CodedValueType): code, coding scheme, meaning. All three are required.
struct AuditCode
{
    QString code;           // csd-code
    QString codeSystemName; // "DCM", an OID, ...
    QString meaning;        // originalText (DICOM's Code Meaning)
    bool operator==(const AuditCode&) const = default;
};

// The person who acted: the signed-in doctor.
struct AuditUser
{
    QString id;             // login subject (UserID)
    QString name;           // display name
    QString organisation;   // the tenant id of the doctor's hospital (the token's organisation)
    QList<AuditCode> roles; // RoleIDCode of the person, e.g. {"physician", ...}
};

// The archive (a tenant's DICOMweb endpoint) on the other end of a query or transfer.
struct AuditArchive
{
    QString name; // shown name, e.g. "Hospital B"
    QUrl url;     // DICOMweb base URL; its host is the NetworkAccessPointID
};

// The patient the event is about. In the trail by nature; never in the ordinary logs.
struct AuditPatient
{
    QString id;     // local patient ID
    QString issuer; // Issuer of Patient ID (written as HL7 CX "id^^^issuer"); may be empty
    QString name;   // optional (ParticipantObjectName), DICOM PN form
};

// One SOP class of a study and how many of its instances the event concerned.
struct AuditSopClass
{
    QString uid;
    int instances = 0;
};

struct AuditStudy
{
    QString studyUid;
    QString accessionNumber;         // optional
    QList<AuditSopClass> sopClasses; // required for transfers and exports, optional otherwise
};

// A query as sent (QIDO-RS): the information model and the request itself.
struct AuditQuery
{
    // Study Root Query/Retrieve Information Model - FIND, what a QIDO-RS study search is.
    QString sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.2.2.1");
    QByteArray request; // the query (URL path and query string); written base64 as the schema asks
};

// Where an export went (Export events): a file or folder URI, a disc.
struct AuditMedia
{
    QString id;     // UserID of the destination, e.g. "file:///media/usb/export"
    AuditCode type; // MediaType, e.g. {"110037", "DCM", "URI"}
};

struct AuditEvent
{
    AuditEventKind kind = AuditEventKind::Query;
    AuditOutcome outcome = AuditOutcome::Success;
    QString outcomeDescription; // why it failed; optional, free text without patient data
    QDateTime time;             // when it happened (any time zone; written with its offset)
    AuditUser user;
    // The IHE IUA purpose of use as an HL7 v3 ActReason code ("TREAT", "ETREAT"); written as
    // PurposeOfUse. Empty: none.
    QString purposeOfUse;
    // This application (UserID of the application participant, AuditSourceID).
    QString applicationId = QStringLiteral("fenestra");
    QString applicationHost;               // the machine's name; empty: QSysInfo::machineHostName()
    std::optional<AuditArchive> archive;   // required for Query and InstancesTransferred
    std::optional<AuditPatient> patient;   // required for accesses, transfers, exports
    QList<AuditStudy> studies;             // at least one for accesses, transfers, exports
    std::optional<AuditQuery> query;       // required for Query
    std::optional<AuditMedia> destination; // required for Export
    // Break-the-glass: the doctor's written reason (Alert Description). Required for
    // EmergencyOverrideStarted.
    QString reason;
};

// The DICOM code of an event kind and of its type, as written (EventID, EventTypeCode).
AuditCode eventIdCode(AuditEventKind kind);
std::optional<AuditCode> eventTypeCode(AuditEventKind kind);

// The AuditMessage XML (UTF-8, no line breaks, no namespace, as PS3.15 A.5.1 defines it).
// Fails with InvalidArgument naming the missing or malformed field (never a patient's data)
// when the event lacks what its kind requires.
Result<QByteArray> toXml(const AuditEvent& event);

} // namespace fenestra::net::audit
