// DICOM PS3.15 audit messages: every event kind validates against the A.5.1 schema (xmllint,
// RELAX NG) and carries the right codes, participants and objects; the syslog frame around it.
#include "audit/auditmessage.h"
#include "audit/syslogsender.h"
#include "audittestevents.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace fenestra::net;
using namespace fenestra::net::audit;
using fenestra::test::auditEvent;

Q_DECLARE_METATYPE(fenestra::net::audit::AuditEvent)
Q_DECLARE_METATYPE(fenestra::net::audit::AuditEventKind)

namespace {

const QString kSchema =
    QStringLiteral(FENESTRA_SOURCE_DIR "/tests/data/audit/dicom-audit-message.rng");

// xmllint's verdict: empty when valid, else its messages.
QString schemaErrors(const QByteArray& xml)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("message.xml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size())
        return QStringLiteral("cannot write the message");
    file.close();
    QProcess xmllint;
    xmllint.setProcessChannelMode(QProcess::MergedChannels);
    xmllint.start(
        QStringLiteral("xmllint"),
        {QStringLiteral("--noout"), QStringLiteral("--relaxng"), kSchema, file.fileName()});
    if (!xmllint.waitForFinished(30000))
        return QStringLiteral("xmllint did not run: ") + xmllint.errorString();
    const QString output = QString::fromUtf8(xmllint.readAll());
    return xmllint.exitCode() == 0 ? QString() : output;
}

struct Participant
{
    QString userId;
    QString userName;
    bool requestor = false;
    QString accessPoint;
    QStringList roles;
    QString mediaType;
};

struct ObjectSeen
{
    QString id;
    QString idType;
    QString typeCode;
    QString role;
    QString name;
    QByteArray query;       // decoded
    QByteArray alert;       // decoded Alert Description
    QStringList sopClasses; // "uid:count"
};

// What a message says, read back with a plain XML reader.
struct Parsed
{
    QString action;
    QString outcome;
    QString time;
    QString eventId;
    QString eventType;
    QString purpose;
    QString sourceId;
    QString site;
    QList<Participant> participants;
    QList<ObjectSeen> objects;
};

Parsed parse(const QByteArray& xml)
{
    Parsed p;
    QXmlStreamReader r(xml);
    QString parent;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = r.attributes();
        const auto at = [&a](const char* name) { return a.value(QLatin1String(name)).toString(); };
        const QStringView name = r.name();
        if (name == u"EventIdentification") {
            p.action = at("EventActionCode");
            p.outcome = at("EventOutcomeIndicator");
            p.time = at("EventDateTime");
        } else if (name == u"EventID") {
            p.eventId = at("csd-code") + QLatin1Char('/') + at("codeSystemName");
        } else if (name == u"EventTypeCode") {
            p.eventType = at("csd-code") + QLatin1Char(' ') + at("originalText");
        } else if (name == u"PurposeOfUse") {
            p.purpose = at("csd-code");
        } else if (name == u"ActiveParticipant") {
            p.participants.append({at("UserID"),
                                   at("UserName"),
                                   at("UserIsRequestor") == QLatin1String("true"),
                                   at("NetworkAccessPointID"),
                                   {},
                                   {}});
        } else if (name == u"RoleIDCode") {
            p.participants.last().roles.append(at("csd-code"));
        } else if (name == u"MediaType") {
            p.participants.last().mediaType = at("csd-code");
        } else if (name == u"AuditSourceIdentification") {
            p.sourceId = at("AuditSourceID");
            p.site = at("AuditEnterpriseSiteID");
        } else if (name == u"ParticipantObjectIdentification") {
            p.objects.append({at("ParticipantObjectID"),
                              {},
                              at("ParticipantObjectTypeCode"),
                              at("ParticipantObjectTypeCodeRole"),
                              {},
                              {},
                              {},
                              {}});
        } else if (name == u"ParticipantObjectIDTypeCode") {
            p.objects.last().idType = at("csd-code");
        } else if (name == u"ParticipantObjectName") {
            p.objects.last().name = r.readElementText();
        } else if (name == u"ParticipantObjectQuery") {
            p.objects.last().query = QByteArray::fromBase64(r.readElementText().toLatin1());
        } else if (name == u"ParticipantObjectDetail" &&
                   at("type") == QLatin1String("Alert Description")) {
            p.objects.last().alert = QByteArray::fromBase64(at("value").toLatin1());
        } else if (name == u"SOPClass") {
            p.objects.last().sopClasses.append(at("UID") + QLatin1Char(':') +
                                               at("NumberOfInstances"));
        }
    }
    Q_ASSERT(!r.hasError());
    return p;
}

const ObjectSeen* objectOfType(const Parsed& p, const QString& idType)
{
    for (const ObjectSeen& o : p.objects)
        if (o.idType == idType)
            return &o;
    return nullptr;
}

} // namespace

class TestAuditMessage : public QObject
{
    Q_OBJECT

private slots:
    void schema_rejectsAMessageThatBreaksIt();
    void everyKind_validatesAgainstTheSchema_withItsCodes_data();
    void everyKind_validatesAgainstTheSchema_withItsCodes();
    void query_carriesTheRequestBase64AndTheArchiveAsDestination();
    void transfer_namesArchiveAsSourceAndCountsInstancesPerSopClass();
    void export_namesTheDestinationMedia();
    void emergencyOverride_carriesReasonAndEmergencyPurpose();
    void patient_isWrittenAsCxWithIssuerAndName();
    void specialCharacters_areEscaped_andStillValidate();
    void failedOutcome_carriesIndicatorAndDescription();
    void incompleteEvents_areRefusedNamingTheFieldNotThePatient_data();
    void incompleteEvents_areRefusedNamingTheFieldNotThePatient();
    void syslogMessage_isRfc5424WithBomSequenceAndSeverity();
    void octetCountedFrame_prefixesTheLengthInBytes();
};

void TestAuditMessage::schema_rejectsAMessageThatBreaksIt()
{
    // The schema must have teeth: a coded value without its meaning, an unknown outcome, a
    // missing participant each fail.
    const QByteArray good = *toXml(auditEvent(AuditEventKind::Login));
    QCOMPARE(schemaErrors(good), QString());
    QByteArray noMeaning = good;
    noMeaning.replace(" originalText=\"User Authentication\"", "");
    QVERIFY(schemaErrors(noMeaning).contains(QLatin1String("EventID")));
    QByteArray badOutcome = good;
    badOutcome.replace("EventOutcomeIndicator=\"0\"", "EventOutcomeIndicator=\"3\"");
    QVERIFY(!schemaErrors(badOutcome).isEmpty());
    QByteArray badTime = good;
    badTime.replace("2026-03-14T09:26:53.589", "14/03/2026 09:26");
    QVERIFY(!schemaErrors(badTime).isEmpty());
    QByteArray noSource = good;
    const qsizetype from = noSource.indexOf("<AuditSourceIdentification");
    const qsizetype to = noSource.indexOf("</AuditSourceIdentification>") +
                         qsizetype(strlen("</AuditSourceIdentification>"));
    QVERIFY(from > 0 && to > from);
    noSource.remove(from, to - from);
    QVERIFY(!schemaErrors(noSource).isEmpty());
}

void TestAuditMessage::everyKind_validatesAgainstTheSchema_withItsCodes_data()
{
    QTest::addColumn<AuditEventKind>("kind");
    QTest::addColumn<QString>("eventId");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("participants");
    QTest::addColumn<QStringList>("objectTypes"); // ParticipantObjectIDTypeCode, in order
    QTest::addColumn<QString>("purpose");

    QTest::newRow("login") << AuditEventKind::Login << "110114/DCM"
                           << "110122 Login"
                           << "E" << 2 << QStringList{} << "";
    QTest::newRow("logout") << AuditEventKind::Logout << "110114/DCM"
                            << "110123 Logout"
                            << "E" << 2 << QStringList{} << "";
    QTest::newRow("query") << AuditEventKind::Query << "110112/DCM"
                           << ""
                           << "E" << 3 << QStringList{"110181", "2"} << "TREAT";
    QTest::newRow("accessed") << AuditEventKind::InstancesAccessed << "110103/DCM"
                              << ""
                              << "R" << 3 << QStringList{"110180", "2"} << "TREAT";
    QTest::newRow("transferred") << AuditEventKind::InstancesTransferred << "110104/DCM"
                                 << ""
                                 << "C" << 3 << QStringList{"110180", "2"} << "TREAT";
    QTest::newRow("export") << AuditEventKind::Export << "110106/DCM"
                            << ""
                            << "R" << 3 << QStringList{"110180", "2"} << "TREAT";
    QTest::newRow("override started") << AuditEventKind::EmergencyOverrideStarted << "110113/DCM"
                                      << "110127 Emergency Override Started"
                                      << "E" << 3 << QStringList{"12", "2"} << "ETREAT";
    QTest::newRow("override stopped") << AuditEventKind::EmergencyOverrideStopped << "110113/DCM"
                                      << "110138 Emergency Override Stopped"
                                      << "E" << 3 << QStringList{"12", "2"} << "ETREAT";
}

void TestAuditMessage::everyKind_validatesAgainstTheSchema_withItsCodes()
{
    QFETCH(AuditEventKind, kind);
    QFETCH(QString, eventId);
    QFETCH(QString, eventType);
    QFETCH(QString, action);
    QFETCH(int, participants);
    QFETCH(QStringList, objectTypes);
    QFETCH(QString, purpose);

    const auto xml = toXml(auditEvent(kind));
    QVERIFY2(xml, qPrintable(xml ? QString() : xml.error().toString()));
    QVERIFY(xml->startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><AuditMessage>"));
    QVERIFY(!xml->contains('\n'));
    QCOMPARE(schemaErrors(*xml), QString());

    const Parsed p = parse(*xml);
    QCOMPARE(p.eventId, eventId);
    QCOMPARE(p.eventType, eventType);
    QCOMPARE(p.action, action);
    QCOMPARE(p.outcome, QStringLiteral("0"));
    QCOMPARE(p.time, QStringLiteral("2026-03-14T09:26:53.589+01:00"));
    QCOMPARE(p.purpose, purpose);
    QCOMPARE(p.sourceId, QStringLiteral("fenestra@ws-17.hospital-a.lu"));
    QCOMPARE(p.site, QStringLiteral("hospital-a"));
    QCOMPARE(p.participants.size(), participants);
    // The doctor: the requestor, named in the XUA alias<user@issuer> form, with her role.
    const Participant& doctor = p.participants.at(0);
    QCOMPARE(doctor.userId, QStringLiteral("alice"));
    QCOMPARE(doctor.userName, QStringLiteral("Alice Martin<alice@hospital-a>"));
    QVERIFY(doctor.requestor);
    QVERIFY(doctor.roles.contains(QStringLiteral("309343006")));
    QCOMPARE(doctor.accessPoint, QStringLiteral("ws-17.hospital-a.lu"));
    // The application, never the requestor.
    QCOMPARE(p.participants.at(1).userId, QStringLiteral("fenestra"));
    QVERIFY(!p.participants.at(1).requestor);
    QCOMPARE(p.participants.at(1).roles, QStringList{QStringLiteral("110150")});
    QStringList seen;
    for (const ObjectSeen& o : p.objects)
        seen.append(o.idType);
    QCOMPARE(seen, objectTypes);
}

void TestAuditMessage::query_carriesTheRequestBase64AndTheArchiveAsDestination()
{
    const Parsed p = parse(*toXml(auditEvent(AuditEventKind::Query)));
    const Participant& archive = p.participants.at(2);
    QCOMPARE(archive.userId, QStringLiteral("https://127.0.0.1:8443/dicom-web"));
    QCOMPARE(archive.userName, QStringLiteral("Hospital B"));
    QCOMPARE(archive.accessPoint, QStringLiteral("127.0.0.1"));
    QCOMPARE(archive.roles, QStringList{QStringLiteral("110152")});
    QVERIFY(p.participants.at(0).roles.contains(QStringLiteral("110153")));
    const ObjectSeen* query = objectOfType(p, QStringLiteral("110181"));
    QVERIFY(query);
    QCOMPARE(query->id, QStringLiteral("1.2.840.10008.5.1.4.1.2.2.1"));
    QCOMPARE(query->role, QStringLiteral("24"));
    QCOMPARE(query->query,
             QByteArray("/dicom-web/studies?PatientID=LU-PAT-778812&includefield=00081030"));
}

void TestAuditMessage::transfer_namesArchiveAsSourceAndCountsInstancesPerSopClass()
{
    const Parsed p = parse(*toXml(auditEvent(AuditEventKind::InstancesTransferred)));
    QCOMPARE(p.participants.at(2).roles, QStringList{QStringLiteral("110153")});
    QVERIFY(!p.participants.at(2).requestor);
    QVERIFY(p.participants.at(0).roles.contains(QStringLiteral("110152")));
    const ObjectSeen* study = objectOfType(p, QStringLiteral("110180"));
    QVERIFY(study);
    QCOMPARE(study->id, fenestra::test::kStudyUid);
    QCOMPARE(study->typeCode, QStringLiteral("2"));
    QCOMPARE(study->role, QStringLiteral("3"));
    QCOMPARE(study->sopClasses, (QStringList{QStringLiteral("1.2.840.10008.5.1.4.1.1.2:120"),
                                             QStringLiteral("1.2.840.10008.5.1.4.1.1.7:1")}));
}

void TestAuditMessage::export_namesTheDestinationMedia()
{
    const Parsed p = parse(*toXml(auditEvent(AuditEventKind::Export)));
    const Participant& media = p.participants.at(2);
    QCOMPARE(media.userId, QStringLiteral("file:///media/usb0/export"));
    QCOMPARE(media.roles, QStringList{QStringLiteral("110155")});
    QCOMPARE(media.mediaType, QStringLiteral("110037"));
}

void TestAuditMessage::emergencyOverride_carriesReasonAndEmergencyPurpose()
{
    const auto xml = toXml(auditEvent(AuditEventKind::EmergencyOverrideStarted));
    const Parsed p = parse(*xml);
    QCOMPARE(p.purpose, QStringLiteral("ETREAT"));
    QVERIFY(xml->contains("codeSystemName=\"2.16.840.1.113883.5.8\""));
    const ObjectSeen* subject = objectOfType(p, QStringLiteral("12"));
    QVERIFY(subject);
    QCOMPARE(subject->id, QStringLiteral("https://127.0.0.1:8443/dicom-web"));
    QCOMPARE(subject->role, QStringLiteral("13"));
    QCOMPARE(QString::fromUtf8(subject->alert),
             QStringLiteral("Unconscious patient in the ER, no consent obtainable"));
}

void TestAuditMessage::patient_isWrittenAsCxWithIssuerAndName()
{
    const Parsed p = parse(*toXml(auditEvent(AuditEventKind::InstancesAccessed)));
    const ObjectSeen* patient = objectOfType(p, QStringLiteral("2"));
    QVERIFY(patient);
    QCOMPARE(patient->id, QStringLiteral("LU-PAT-778812^^^LUXEMBOURG-RNPP"));
    QCOMPARE(patient->typeCode, QStringLiteral("1"));
    QCOMPARE(patient->role, QStringLiteral("1"));
    QCOMPARE(patient->name, fenestra::test::kPatientName);
}

void TestAuditMessage::specialCharacters_areEscaped_andStillValidate()
{
    AuditEvent e = auditEvent(AuditEventKind::InstancesAccessed);
    e.user.name = QStringLiteral("Zoë \"<Admin>\" & Co");
    e.patient->name = QStringLiteral("O'Brien^Siân <script>");
    const auto xml = toXml(e);
    QVERIFY(!xml->contains("<script>"));
    QVERIFY(!xml->contains("<Admin>"));
    QCOMPARE(schemaErrors(*xml), QString());
    const Parsed p = parse(*xml);
    QCOMPARE(p.participants.at(0).userName,
             QStringLiteral("Zoë \"<Admin>\" & Co<alice@hospital-a>"));
    QCOMPARE(objectOfType(p, QStringLiteral("2"))->name, QStringLiteral("O'Brien^Siân <script>"));
}

void TestAuditMessage::failedOutcome_carriesIndicatorAndDescription()
{
    AuditEvent e = auditEvent(AuditEventKind::Query);
    e.outcome = AuditOutcome::SeriousFailure;
    e.outcomeDescription = QStringLiteral("archive refused the query (HTTP 403)");
    const auto xml = toXml(e);
    QCOMPARE(schemaErrors(*xml), QString());
    QCOMPARE(parse(*xml).outcome, QStringLiteral("8"));
    QVERIFY(xml->contains(
        "<EventOutcomeDescription>archive refused the query (HTTP 403)</EventOutcomeDescription>"));
}

void TestAuditMessage::incompleteEvents_areRefusedNamingTheFieldNotThePatient_data()
{
    QTest::addColumn<AuditEvent>("event");
    QTest::addColumn<QString>("detail");
    AuditEvent e = auditEvent(AuditEventKind::Query);
    e.query.reset();
    QTest::newRow("query without query") << e << "audit event: a query event has no query";
    e = auditEvent(AuditEventKind::InstancesAccessed);
    e.studies.clear();
    QTest::newRow("access without study")
        << e << "audit event: an access, transfer or export names no patient or no study";
    e = auditEvent(AuditEventKind::InstancesTransferred);
    e.studies[0].sopClasses.clear();
    QTest::newRow("transfer without SOP class")
        << e << "audit event: a transferred or exported study lists no SOP class";
    e = auditEvent(AuditEventKind::EmergencyOverrideStarted);
    e.reason = QStringLiteral("   ");
    QTest::newRow("override without reason")
        << e << "audit event: an emergency override has no reason";
    e = auditEvent(AuditEventKind::Login);
    e.user.id.clear();
    QTest::newRow("no user") << e << "audit event: the user has no id";
    e = auditEvent(AuditEventKind::Export);
    e.destination.reset();
    QTest::newRow("export without media")
        << e << "audit event: an export names no destination media";
}

void TestAuditMessage::incompleteEvents_areRefusedNamingTheFieldNotThePatient()
{
    QFETCH(AuditEvent, event);
    QFETCH(QString, detail);
    const auto xml = toXml(event);
    QVERIFY(!xml);
    QCOMPARE(xml.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(xml.error().detail, detail);
}

void TestAuditMessage::syslogMessage_isRfc5424WithBomSequenceAndSeverity()
{
    const QByteArray xml = *toXml(auditEvent(AuditEventKind::Query));
    const AuditLog::Record record{42, QDateTime(QDate(2026, 3, 14), QTime(8, 26, 53, 589), Qt::UTC),
                                  xml};
    SyslogFormat format;
    format.hostName = QStringLiteral("ws-17.hospital-a.lu");
    format.processId = 4711;
    const QByteArray expectedHeader = "<85>1 2026-03-14T08:26:53.589Z ws-17.hospital-a.lu fenestra "
                                      "4711 IHE+RFC-3881 [meta sequenceId=\"42\"] \xEF\xBB\xBF";
    QCOMPARE(syslogMessage(record, format), expectedHeader + xml);

    // Security alerts and failures are warnings (severity 4): PRI 84.
    const AuditLog::Record alert{43, record.time,
                                 *toXml(auditEvent(AuditEventKind::EmergencyOverrideStarted))};
    QVERIFY(syslogMessage(alert, format).startsWith("<84>1 "));
    AuditEvent failedEvent = auditEvent(AuditEventKind::Login);
    failedEvent.outcome = AuditOutcome::MinorFailure;
    QVERIFY(syslogMessage({44, record.time, *toXml(failedEvent)}, format).startsWith("<84>1 "));
    // A host name with spaces cannot break the header.
    format.hostName = QStringLiteral("my host");
    QVERIFY(syslogMessage(record, format).contains(" my_host fenestra "));
}

void TestAuditMessage::octetCountedFrame_prefixesTheLengthInBytes()
{
    const QByteArray message = "<85>1 - - - - - - \xEF\xBB\xBF<a>\xC3\xA9</a>";
    QCOMPARE(octetCountedFrame(message), QByteArray::number(message.size()) + ' ' + message);
    QCOMPARE(octetCountedFrame(message).left(3), QByteArray("30 ")); // é is two bytes
}

QTEST_GUILESS_MAIN(TestAuditMessage)
#include "tst_auditmessage.moc"
