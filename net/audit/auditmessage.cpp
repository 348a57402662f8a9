#include "auditmessage.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSysInfo>
#include <QXmlStreamWriter>

namespace fenestra::net::audit {

namespace {

// DCM codes of the participants' roles (PS3.16 CID 402) and of the objects' ID types (CID 404).
const AuditCode kApplicationRole{QStringLiteral("110150"), QStringLiteral("DCM"),
                                 QStringLiteral("Application")};
const AuditCode kDestinationRole{QStringLiteral("110152"), QStringLiteral("DCM"),
                                 QStringLiteral("Destination Role ID")};
const AuditCode kSourceRole{QStringLiteral("110153"), QStringLiteral("DCM"),
                            QStringLiteral("Source Role ID")};
const AuditCode kDestinationMediaRole{QStringLiteral("110155"), QStringLiteral("DCM"),
                                      QStringLiteral("Destination Media")};
const AuditCode kPatientNumber{QStringLiteral("2"), QStringLiteral("RFC-3881"),
                               QStringLiteral("Patient Number")};
const AuditCode kStudyUid{QStringLiteral("110180"), QStringLiteral("DCM"),
                          QStringLiteral("Study Instance UID")};
const AuditCode kSopClassUid{QStringLiteral("110181"), QStringLiteral("DCM"),
                             QStringLiteral("SOP Class UID")};
const AuditCode kUri{QStringLiteral("12"), QStringLiteral("RFC-3881"), QStringLiteral("URI")};
// HL7 v3 ActReason, the code system of the IHE IUA purpose of use.
const QString kActReason = QStringLiteral("2.16.840.1.113883.5.8");

std::unexpected<Error> invalid(const char* what)
{
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("audit event: %1").arg(QLatin1String(what)));
}

bool isComplete(const AuditCode& code)
{
    return !code.code.isEmpty() && !code.codeSystemName.isEmpty() && !code.meaning.isEmpty();
}

bool needsPatientAndStudies(AuditEventKind kind)
{
    return kind == AuditEventKind::InstancesAccessed ||
           kind == AuditEventKind::InstancesTransferred || kind == AuditEventKind::Export;
}

// What the kind requires, checked before anything is written.
std::optional<std::unexpected<Error>> checkEvent(const AuditEvent& e)
{
    if (e.user.id.isEmpty())
        return invalid("the user has no id");
    if (!e.time.isValid())
        return invalid("no event time");
    for (const AuditCode& role : e.user.roles)
        if (!isComplete(role))
            return invalid("a user role lacks its code, scheme or meaning");
    if (e.archive && (!e.archive->url.isValid() || e.archive->url.host().isEmpty()))
        return invalid("the archive URL is not valid");
    if ((e.kind == AuditEventKind::Query || e.kind == AuditEventKind::InstancesTransferred) &&
        !e.archive)
        return invalid("a query or transfer names no archive");
    if (e.kind == AuditEventKind::Query && (!e.query || e.query->sopClassUid.isEmpty()))
        return invalid("a query event has no query");
    if (needsPatientAndStudies(e.kind) && (!e.patient || e.studies.isEmpty()))
        return invalid("an access, transfer or export names no patient or no study");
    if (e.patient && e.patient->id.isEmpty())
        return invalid("the patient has no id");
    for (const AuditStudy& study : e.studies) {
        if (study.studyUid.isEmpty())
            return invalid("a study has no Study Instance UID");
        const bool sopClassesRequired =
            e.kind == AuditEventKind::InstancesTransferred || e.kind == AuditEventKind::Export;
        if (sopClassesRequired && study.sopClasses.isEmpty())
            return invalid("a transferred or exported study lists no SOP class");
        for (const AuditSopClass& sopClass : study.sopClasses)
            if (sopClass.uid.isEmpty() || sopClass.instances < 0)
                return invalid("a SOP class has no UID or a negative count");
    }
    if (e.kind == AuditEventKind::Export &&
        (!e.destination || e.destination->id.isEmpty() || !isComplete(e.destination->type)))
        return invalid("an export names no destination media");
    if (e.kind == AuditEventKind::EmergencyOverrideStarted && e.reason.trimmed().isEmpty())
        return invalid("an emergency override has no reason");
    return std::nullopt;
}

const char* actionCode(AuditEventKind kind)
{
    switch (kind) {
    case AuditEventKind::InstancesAccessed:
    case AuditEventKind::Export:
        return "R";
    case AuditEventKind::InstancesTransferred:
        return "C"; // the receiver did not hold copies: they go into the local cache
    default:
        return "E";
    }
}

QString purposeMeaning(const QString& code)
{
    if (code == QLatin1String("TREAT"))
        return QStringLiteral("treatment");
    if (code == QLatin1String("ETREAT"))
        return QStringLiteral("Emergency Treatment");
    if (code == QLatin1String("HPAYMT"))
        return QStringLiteral("healthcare payment");
    return code;
}

class Writer
{
public:
    explicit Writer(QByteArray* out) : m_xml(out) { m_xml.setAutoFormatting(false); }

    void code(const char* element, const AuditCode& code)
    {
        m_xml.writeEmptyElement(QLatin1String(element));
        m_xml.writeAttribute(QStringLiteral("csd-code"), code.code);
        m_xml.writeAttribute(QStringLiteral("codeSystemName"), code.codeSystemName);
        m_xml.writeAttribute(QStringLiteral("originalText"), code.meaning);
    }

    void eventIdentification(const AuditEvent& e)
    {
        m_xml.writeStartElement(QStringLiteral("EventIdentification"));
        m_xml.writeAttribute(QStringLiteral("EventActionCode"), QLatin1String(actionCode(e.kind)));
        m_xml.writeAttribute(
            QStringLiteral("EventDateTime"),
            e.time.toOffsetFromUtc(e.time.offsetFromUtc()).toString(Qt::ISODateWithMs));
        m_xml.writeAttribute(QStringLiteral("EventOutcomeIndicator"),
                             QString::number(int(e.outcome)));
        code("EventID", eventIdCode(e.kind));
        if (const auto type = eventTypeCode(e.kind))
            code("EventTypeCode", *type);
        if (!e.outcomeDescription.isEmpty())
            m_xml.writeTextElement(QStringLiteral("EventOutcomeDescription"), e.outcomeDescription);
        if (!e.purposeOfUse.isEmpty())
            code("PurposeOfUse", {e.purposeOfUse, kActReason, purposeMeaning(e.purposeOfUse)});
        m_xml.writeEndElement();
    }

    struct Participant
    {
        QString userId;
        QString alternativeUserId;
        QString userName;
        bool requestor = false;
        QList<AuditCode> roles;
        std::optional<AuditCode> mediaType;
        QString accessPoint;
    };

    void activeParticipant(const Participant& p)
    {
        m_xml.writeStartElement(QStringLiteral("ActiveParticipant"));
        m_xml.writeAttribute(QStringLiteral("UserID"), p.userId);
        if (!p.alternativeUserId.isEmpty())
            m_xml.writeAttribute(QStringLiteral("AlternativeUserID"), p.alternativeUserId);
        if (!p.userName.isEmpty())
            m_xml.writeAttribute(QStringLiteral("UserName"), p.userName);
        m_xml.writeAttribute(QStringLiteral("UserIsRequestor"),
                             p.requestor ? QStringLiteral("true") : QStringLiteral("false"));
        if (!p.accessPoint.isEmpty()) {
            // 2: an IP address, 1: a machine name.
            const bool ip = !QHostAddress(p.accessPoint).isNull();
            m_xml.writeAttribute(QStringLiteral("NetworkAccessPointID"), p.accessPoint);
            m_xml.writeAttribute(QStringLiteral("NetworkAccessPointTypeCode"),
                                 ip ? QStringLiteral("2") : QStringLiteral("1"));
        }
        for (const AuditCode& role : p.roles)
            code("RoleIDCode", role);
        if (p.mediaType) {
            m_xml.writeStartElement(QStringLiteral("MediaIdentifier"));
            code("MediaType", *p.mediaType);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void auditSource(const QString& sourceId, const QString& site)
    {
        m_xml.writeStartElement(QStringLiteral("AuditSourceIdentification"));
        if (!site.isEmpty())
            m_xml.writeAttribute(QStringLiteral("AuditEnterpriseSiteID"), site);
        m_xml.writeAttribute(QStringLiteral("AuditSourceID"), sourceId);
        // 1: end-user interface (A.5.1.2.1), a value of the schema itself: no scheme needed.
        m_xml.writeEmptyElement(QStringLiteral("AuditSourceTypeCode"));
        m_xml.writeAttribute(QStringLiteral("csd-code"), QStringLiteral("1"));
        m_xml.writeEndElement();
    }

    void startObject(const QString& id, int type, int role, const AuditCode& idType)
    {
        m_xml.writeStartElement(QStringLiteral("ParticipantObjectIdentification"));
        m_xml.writeAttribute(QStringLiteral("ParticipantObjectID"), id);
        m_xml.writeAttribute(QStringLiteral("ParticipantObjectTypeCode"), QString::number(type));
        m_xml.writeAttribute(QStringLiteral("ParticipantObjectTypeCodeRole"),
                             QString::number(role));
        code("ParticipantObjectIDTypeCode", idType);
    }

    void patient(const AuditPatient& patient)
    {
        const QString id = patient.issuer.isEmpty()
                               ? patient.id
                               : patient.id + QStringLiteral("^^^") + patient.issuer;
        startObject(id, 1, 1, kPatientNumber); // person, patient
        if (!patient.name.isEmpty())
            m_xml.writeTextElement(QStringLiteral("ParticipantObjectName"), patient.name);
        m_xml.writeEndElement();
    }

    void study(const AuditStudy& study)
    {
        startObject(study.studyUid, 2, 3, kStudyUid); // system object, report
        if (!study.accessionNumber.isEmpty() || !study.sopClasses.isEmpty()) {
            m_xml.writeStartElement(QStringLiteral("ParticipantObjectDescription"));
            if (!study.accessionNumber.isEmpty()) {
                m_xml.writeEmptyElement(QStringLiteral("Accession"));
                m_xml.writeAttribute(QStringLiteral("Number"), study.accessionNumber);
            }
            for (const AuditSopClass& sopClass : study.sopClasses) {
                m_xml.writeEmptyElement(QStringLiteral("SOPClass"));
                m_xml.writeAttribute(QStringLiteral("UID"), sopClass.uid);
                m_xml.writeAttribute(QStringLiteral("NumberOfInstances"),
                                     QString::number(sopClass.instances));
            }
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void query(const AuditQuery& query)
    {
        startObject(query.sopClassUid, 2, 24, kSopClassUid); // system object, query
        m_xml.writeTextElement(QStringLiteral("ParticipantObjectQuery"),
                               QString::fromLatin1(query.request.toBase64()));
        m_xml.writeEndElement();
    }

    // The subject of a security alert: what was overridden, and why (base64 as the schema's
    // ValuePair requires).
    void alertSubject(const QString& subject, const QString& reason)
    {
        startObject(subject, 2, 13, kUri); // system object, security resource
        if (!reason.isEmpty()) {
            m_xml.writeEmptyElement(QStringLiteral("ParticipantObjectDetail"));
            m_xml.writeAttribute(QStringLiteral("type"), QStringLiteral("Alert Description"));
            m_xml.writeAttribute(QStringLiteral("value"),
                                 QString::fromLatin1(reason.toUtf8().toBase64()));
        }
        m_xml.writeEndElement();
    }

    QXmlStreamWriter& xml() { return m_xml; }

private:
    QXmlStreamWriter m_xml;
};

// "Alice Martin<alice@hospital-a>": the IHE XUA alias<user@issuer> form, so the organisation
// that vouches for the user is in the trail.
QString userName(const AuditUser& user)
{
    if (user.organisation.isEmpty())
        return user.name;
    return user.name + QLatin1Char('<') + user.id + QLatin1Char('@') + user.organisation +
           QLatin1Char('>');
}

bool isSecurityAlert(AuditEventKind kind)
{
    return kind == AuditEventKind::EmergencyOverrideStarted ||
           kind == AuditEventKind::EmergencyOverrideStopped;
}

void writeParticipants(Writer& w, const AuditEvent& e, const QString& host)
{
    Writer::Participant user{e.user.id, {}, userName(e.user), true, {}, {}, host};
    if (e.kind == AuditEventKind::Query || e.kind == AuditEventKind::Export)
        user.roles.append(kSourceRole);
    if (e.kind == AuditEventKind::InstancesTransferred)
        user.roles.append(kDestinationRole);
    user.roles.append(e.user.roles);
    w.activeParticipant(user);
    w.activeParticipant({e.applicationId,
                         QString::number(QCoreApplication::applicationPid()),
                         {},
                         false,
                         {kApplicationRole},
                         {},
                         host});
    if (e.archive) {
        Writer::Participant archive{e.archive->url.toString(QUrl::RemoveUserInfo),
                                    {},
                                    e.archive->name,
                                    false,
                                    {},
                                    {},
                                    e.archive->url.host()};
        if (e.kind == AuditEventKind::Query)
            archive.roles.append(kDestinationRole);
        if (e.kind == AuditEventKind::InstancesTransferred)
            archive.roles.append(kSourceRole);
        w.activeParticipant(archive);
    }
    if (e.kind == AuditEventKind::Export)
        w.activeParticipant(
            {e.destination->id, {}, {}, false, {kDestinationMediaRole}, e.destination->type, {}});
}

void writeObjects(Writer& w, const AuditEvent& e)
{
    if (isSecurityAlert(e.kind))
        w.alertSubject(e.archive ? e.archive->url.toString(QUrl::RemoveUserInfo)
                                 : QStringLiteral("urn:fenestra:emergency-access"),
                       e.reason);
    if (e.query)
        w.query(*e.query);
    for (const AuditStudy& study : e.studies)
        w.study(study);
    if (e.patient)
        w.patient(*e.patient);
}

} // namespace

AuditCode eventIdCode(AuditEventKind kind)
{
    const auto dcm = [](const char* code, const char* meaning) {
        return AuditCode{QLatin1String(code), QStringLiteral("DCM"), QLatin1String(meaning)};
    };
    switch (kind) {
    case AuditEventKind::Login:
    case AuditEventKind::Logout:
        return dcm("110114", "User Authentication");
    case AuditEventKind::Query:
        return dcm("110112", "Query");
    case AuditEventKind::InstancesAccessed:
        return dcm("110103", "DICOM Instances Accessed");
    case AuditEventKind::InstancesTransferred:
        return dcm("110104", "DICOM Instances Transferred");
    case AuditEventKind::Export:
        return dcm("110106", "Export");
    case AuditEventKind::EmergencyOverrideStarted:
    case AuditEventKind::EmergencyOverrideStopped:
        return dcm("110113", "Security Alert");
    }
    return {};
}

std::optional<AuditCode> eventTypeCode(AuditEventKind kind)
{
    const auto dcm = [](const char* code, const char* meaning) {
        return AuditCode{QLatin1String(code), QStringLiteral("DCM"), QLatin1String(meaning)};
    };
    switch (kind) {
    case AuditEventKind::Login:
        return dcm("110122", "Login");
    case AuditEventKind::Logout:
        return dcm("110123", "Logout");
    case AuditEventKind::EmergencyOverrideStarted:
        return dcm("110127", "Emergency Override Started");
    case AuditEventKind::EmergencyOverrideStopped:
        return dcm("110138", "Emergency Override Stopped");
    default:
        return std::nullopt;
    }
}

Result<QByteArray> toXml(const AuditEvent& event)
{
    if (const auto problem = checkEvent(event))
        return *problem;
    const QString host =
        event.applicationHost.isEmpty() ? QSysInfo::machineHostName() : event.applicationHost;
    QByteArray out;
    Writer w(&out);
    w.xml().writeStartDocument();
    w.xml().writeStartElement(QStringLiteral("AuditMessage"));
    w.eventIdentification(event);
    writeParticipants(w, event, host);
    w.auditSource(event.applicationId + QLatin1Char('@') + host, event.user.organisation);
    writeObjects(w, event);
    w.xml().writeEndElement();
    w.xml().writeEndDocument();
    if (out.endsWith('\n')) // writeEndDocument's own: a message is one line
        out.chop(1);
    return out;
}

} // namespace fenestra::net::audit
