// The audit trail to a real syslog collector (rsyslog, TLS, RFC 5425): every record arrives
// once and in order, records wait while the collector is away and arrive once it is back, and
// a collector whose certificate the client does not trust gets nothing.
#include "audit/auditlog.h"
#include "audit/auditmessage.h"
#include "audit/syslogsender.h"
#include "support/syslogcollector.h"
#include "support/testpki.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace fenestra::net;
using namespace fenestra::net::audit;
using fenestra::integration::ReceivedSyslog;
using fenestra::integration::SyslogCollector;
using fenestra::integration::TestPki;

namespace {

const QByteArray kKey(32, '\x42');
constexpr std::chrono::seconds kWait{20};

QByteArray message(int n)
{
    AuditEvent e;
    e.kind = n % 2 ? AuditEventKind::Query : AuditEventKind::InstancesAccessed;
    e.time = QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::UTC).addSecs(n);
    e.user = {
        QStringLiteral("alice"), QStringLiteral("Alice Martin"), QStringLiteral("hospital-a"), {}};
    e.archive = AuditArchive{QStringLiteral("Hospital B"),
                             QUrl(QStringLiteral("https://127.0.0.1:8443/dicom-web"))};
    e.patient = AuditPatient{QStringLiteral("PAT-%1").arg(n), {}, QStringLiteral("Doe^Jane")};
    if (e.kind == AuditEventKind::Query) {
        e.query = AuditQuery{};
        e.query->request = "/dicom-web/studies?PatientID=PAT-" + QByteArray::number(n);
    } else {
        e.studies = {AuditStudy{QStringLiteral("1.2.3.%1").arg(n), {}, {}}};
    }
    const auto xml = toXml(e);
    Q_ASSERT(xml);
    return xml.value_or(QByteArray());
}

// The RFC 5424 meta sequenceId of a received message.
qint64 sequenceOf(const ReceivedSyslog& m)
{
    const QByteArray marker = "[meta sequenceId=\"";
    const qsizetype at = m.raw.indexOf(marker);
    if (at < 0)
        return -1;
    const qsizetype from = at + marker.size();
    return m.raw.mid(from, m.raw.indexOf('"', from) - from).toLongLong();
}

QList<qint64> sequences(const QList<ReceivedSyslog>& messages)
{
    QList<qint64> out;
    for (const ReceivedSyslog& m : messages)
        out.append(sequenceOf(m));
    return out;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> out;
    for (qint64 i = first; i <= last; ++i)
        out.append(i);
    return out;
}

} // namespace

class TestAuditSyslog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void everyRecord_arrivesOnceInOrder_withExactFraming();
    void collectorDown_recordsQueue_thenArriveOnceAfterRestart();
    void restartedApplication_sendsOnlyWhatWasNotDelivered();
    void untrustedCollector_getsNothing_andTheQueueIsKept();

private:
    SyslogOptions options(const QString& ca) const;
    void appendMessages(int from, int to);

    TestPki m_pki;
    std::unique_ptr<SyslogCollector> m_collector;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_log;
};

void TestAuditSyslog::initTestCase()
{
    QVERIFY2(m_pki.create(), qPrintable(m_pki.lastError()));
    qRegisterMetaType<fenestra::net::Error>();
}

void TestAuditSyslog::init()
{
    m_collector = std::make_unique<SyslogCollector>(
        SyslogCollector::Options{QStringLiteral("/usr/sbin/rsyslogd"), m_pki.caCertificate(),
                                 m_pki.serverPem(), std::chrono::milliseconds(15000)});
    QVERIFY2(m_collector->start(), qPrintable(m_collector->lastError()));
    m_dir = std::make_unique<QTemporaryDir>();
    auto log = AuditLog::open(m_dir->path(), kKey);
    QVERIFY(log);
    m_log = std::move(*log);
}

SyslogOptions TestAuditSyslog::options(const QString& ca) const
{
    SyslogOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = m_collector->port();
    o.caCertificates = QSslCertificate::fromPath(ca);
    o.format.hostName = QStringLiteral("ws-17.hospital-a.lu");
    o.format.processId = 4711;
    o.retryMin = std::chrono::milliseconds(100);
    o.retryMax = std::chrono::milliseconds(400);
    return o;
}

void TestAuditSyslog::appendMessages(int from, int to)
{
    for (int n = from; n <= to; ++n) {
        const auto sequence = m_log->append(
            message(n), QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::UTC).addSecs(n));
        QVERIFY(sequence);
        QCOMPARE(*sequence, qint64(n));
    }
}

void TestAuditSyslog::everyRecord_arrivesOnceInOrder_withExactFraming()
{
    appendMessages(1, 5);
    SyslogSender sender(*m_log, options(m_pki.caCertificate()));
    QSignalSpy delivered(&sender, &SyslogSender::delivered);
    QVERIFY(sender.start());
    QTRY_COMPARE_WITH_TIMEOUT(sender.lastDelivered(), qint64(5), 20000);
    appendMessages(6, 8);
    sender.notifyAppended();
    QTRY_COMPARE_WITH_TIMEOUT(sender.lastDelivered(), qint64(8), 20000);
    QCOMPARE(sender.pending(), qint64(0));
    QCOMPARE(sender.state(), SyslogSender::State::Connected);
    QVERIFY(!delivered.isEmpty());

    const QList<ReceivedSyslog> received = m_collector->waitForMessages(8, kWait);
    QCOMPARE(sequences(received), range(1, 8));
    // Byte for byte what the sender framed: the collector cut the octet-counted frames at the
    // right places (a wrong length would merge or split messages), BOM and XML intact.
    const auto records = m_log->recordsAfter(0, 100);
    QVERIFY(records);
    for (int i = 0; i < 8; ++i) {
        SyslogFormat format = options(m_pki.caCertificate()).format;
        QCOMPARE(received.at(i).raw, syslogMessage(records->at(i), format));
        QVERIFY(received.at(i).raw.startsWith(i % 2 ? "<85>1 2026-03-14T09:00:0" : "<85>1 "));
        QVERIFY(received.at(i).raw.contains(" fenestra 4711 IHE+RFC-3881 [meta sequenceId="));
        QVERIFY(received.at(i).raw.contains("\"] \xEF\xBB\xBF<?xml version=\"1.0\""));
        QVERIFY(received.at(i).raw.endsWith("</AuditMessage>"));
    }
    // The delivery state is on disk, tied to the record's hash.
    QFile state(m_dir->filePath(QStringLiteral("audit.sent")));
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(state.readAll()).object();
    QCOMPARE(o.value("delivered").toInteger(), 8);
    QCOMPARE(o.value("hash").toString().toLatin1(), m_log->hashOf(8));
}

void TestAuditSyslog::collectorDown_recordsQueue_thenArriveOnceAfterRestart()
{
    appendMessages(1, 3);
    SyslogSender sender(*m_log, options(m_pki.caCertificate()));
    QSignalSpy failed(&sender, &SyslogSender::failed);
    QVERIFY(sender.start());
    QTRY_COMPARE_WITH_TIMEOUT(sender.lastDelivered(), qint64(3), 20000);
    QCOMPARE(m_collector->waitForMessages(3, kWait).size(), 3);

    // The collector goes away; records written at once (before the sender noticed) and later
    // must wait, not vanish.
    QVERIFY(m_collector->stop());
    appendMessages(4, 5);
    sender.notifyAppended();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
    appendMessages(6, 7);
    sender.notifyAppended();
    QTest::qWait(1000); // several retries against a closed port
    QCOMPARE(sender.lastDelivered(), qint64(3));
    QCOMPARE(sender.pending(), qint64(4));
    QVERIFY(sender.lastError().has_value());
    QCOMPARE(sender.lastError()->code, ErrorCode::ConnectionFailed);
    QVERIFY(sender.lastError()->detail.startsWith(
        QStringLiteral("syslog collector 127.0.0.1:%1").arg(m_collector->port())));

    QVERIFY2(m_collector->restart(), qPrintable(m_collector->lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(sender.lastDelivered(), qint64(7), 20000);
    QVERIFY(!sender.lastError().has_value());
    const QList<ReceivedSyslog> received = m_collector->waitForMessages(7, kWait);
    QTest::qWait(300); // a duplicate would arrive right after
    QCOMPARE(sequences(m_collector->received()), range(1, 7));
    QCOMPARE(received.size(), 7);
}

void TestAuditSyslog::restartedApplication_sendsOnlyWhatWasNotDelivered()
{
    appendMessages(1, 4);
    {
        SyslogSender first(*m_log, options(m_pki.caCertificate()));
        QVERIFY(first.start());
        QTRY_COMPARE_WITH_TIMEOUT(first.lastDelivered(), qint64(4), 20000);
    }
    QCOMPARE(m_collector->waitForMessages(4, kWait).size(), 4);
    // The application stops; the trail grows before the next session's sender starts.
    appendMessages(5, 6);
    auto reopened = AuditLog::open(m_dir->path(), kKey);
    QVERIFY(reopened);
    m_log = std::move(*reopened);
    SyslogSender second(*m_log, options(m_pki.caCertificate()));
    QVERIFY(second.start());
    QCOMPARE(second.lastDelivered(), qint64(4));
    QTRY_COMPARE_WITH_TIMEOUT(second.lastDelivered(), qint64(6), 20000);
    m_collector->waitForMessages(6, kWait);
    QTest::qWait(300);
    QCOMPARE(sequences(m_collector->received()), range(1, 6));

    // A delivery state from another trail is refused, not trusted.
    QTemporaryDir otherDir;
    auto other = AuditLog::open(otherDir.path(), kKey);
    QVERIFY(other);
    for (int n = 1; n <= 6; ++n)
        QVERIFY((*other)->append(message(n + 100), QDateTime::currentDateTimeUtc()));
    SyslogOptions foreign = options(m_pki.caCertificate());
    foreign.stateFile = m_dir->filePath(QStringLiteral("audit.sent"));
    SyslogSender mismatched(**other, foreign);
    const auto started = mismatched.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::AuditLogCorrupt);
}

void TestAuditSyslog::untrustedCollector_getsNothing_andTheQueueIsKept()
{
    appendMessages(1, 3);
    {
        SyslogSender sender(*m_log, options(m_pki.otherCaCertificate()));
        QSignalSpy failed(&sender, &SyslogSender::failed);
        QVERIFY(sender.start());
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 20000); // refused, and refused again
        const auto error = failed.first().first().value<fenestra::net::Error>();
        QCOMPARE(error.code, ErrorCode::TlsFailure);
        QVERIFY2(error.detail.startsWith(QStringLiteral("syslog collector 127.0.0.1:%1: The "
                                                        "certificate of 127.0.0.1 is not trusted")
                                             .arg(m_collector->port())),
                 qPrintable(error.detail));
        QCOMPARE(sender.lastDelivered(), qint64(0));
        QCOMPARE(sender.pending(), qint64(3));
        QVERIFY(sender.state() != SyslogSender::State::Connected);
    }
    QTest::qWait(300);
    QCOMPARE(m_collector->received().size(), 0);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("audit.sent"))));

    // With the right authority, the kept queue goes out.
    SyslogSender fixed(*m_log, options(m_pki.caCertificate()));
    QVERIFY(fixed.start());
    QTRY_COMPARE_WITH_TIMEOUT(fixed.lastDelivered(), qint64(3), 20000);
    m_collector->waitForMessages(3, kWait);
    QCOMPARE(sequences(m_collector->received()), range(1, 3));
}

QTEST_GUILESS_MAIN(TestAuditSyslog)
#include "tst_auditsyslog.moc"
