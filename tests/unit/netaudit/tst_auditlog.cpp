// The local audit trail: hash chain, encryption at rest, and detection of every kind of
// tampering at the right record; no patient data in the application's logs.
#include "audit/auditlog.h"
#include "audit/auditmessage.h"
#include "audittestevents.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::net;
using namespace fenestra::net::audit;
using fenestra::test::auditEvent;

namespace {

const QByteArray kKey = QByteArray(32, '\x5a');
const QByteArray kOtherKey = QByteArray(32, '\x33');

// The seven kinds in a row, so each record has a different message.
QList<QByteArray> sampleMessages()
{
    QList<QByteArray> out;
    for (auto kind :
         {AuditEventKind::Login, AuditEventKind::Query, AuditEventKind::InstancesTransferred,
          AuditEventKind::InstancesAccessed, AuditEventKind::EmergencyOverrideStarted,
          AuditEventKind::Export, AuditEventKind::Logout})
        out.append(*toXml(auditEvent(kind)));
    return out;
}

QList<QByteArray> readLines(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeLast(); // after the final newline
    return lines;
}

void writeRaw(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

void writeLines(const QString& path, const QList<QByteArray>& lines)
{
    writeRaw(path, lines.join('\n') + '\n');
}

QJsonObject record(const QByteArray& line)
{
    return QJsonDocument::fromJson(line).object();
}

QByteArray line(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// What an attacker without the key can do: recompute every SHA-256 link from `from` on.
void rechain(QList<QByteArray>& lines, int from)
{
    QByteArray prev = record(lines.at(from - 1)).value("prev").toString().toLatin1();
    for (int i = from - 1; i < lines.size(); ++i) {
        QJsonObject o = record(lines.at(i));
        o["prev"] = QString::fromLatin1(prev);
        const QByteArray canonical = "fenestra-audit-1\n" + QByteArray::number(i + 1) + '\n' +
                                     o.value("time").toString().toLatin1() + '\n' +
                                     o.value("xml").toString().toLatin1();
        QCryptographicHash sha(QCryptographicHash::Sha256);
        sha.addData(QByteArray::fromHex(prev));
        sha.addData(canonical);
        prev = sha.result().toHex();
        o["hash"] = QString::fromLatin1(prev);
        lines[i] = line(o);
    }
}

QMutex g_logMutex;
QStringList g_logged;
void captureMessages(QtMsgType, const QMessageLogContext&, const QString& message)
{
    QMutexLocker lock(&g_logMutex);
    g_logged.append(message);
}

} // namespace

Q_DECLARE_METATYPE(AuditLog::BreakKind)

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appendedRecords_verifyAndReadBackInOrder_afterReopening();
    void records_areEncryptedAtRest_andOwnerOnly();
    void tampering_isDetectedAtTheFirstBrokenRecord_data();
    void tampering_isDetectedAtTheFirstBrokenRecord();
    void brokenTrail_isNeverAppendedTo();
    void otherKey_cannotReadOrExtendTheTrail();
    void appLogs_neverContainPatientData();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> fillLog(int count = 7);
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<AuditLog> TestAuditLog::fillLog(int count)
{
    auto log = AuditLog::open(m_dir->path(), kKey);
    if (!log)
        return nullptr;
    const QList<QByteArray> messages = sampleMessages();
    QDateTime time = QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const auto sequence = (*log)->append(messages.at(i % messages.size()), time.addSecs(i));
        if (!sequence || *sequence != i + 1)
            return nullptr;
    }
    return std::move(*log);
}

void TestAuditLog::appendedRecords_verifyAndReadBackInOrder_afterReopening()
{
    QVERIFY(fillLog());
    auto log = AuditLog::open(m_dir->path(), kKey);
    QVERIFY2(log, qPrintable(log ? QString() : log.error().toString()));
    QCOMPARE((*log)->lastSequence(), 7);
    const auto report = (*log)->verify();
    QVERIFY(report && report->intact());
    QCOMPARE(report->verifiedRecords, 7);

    const auto records = (*log)->recordsAfter(2, 3);
    QVERIFY(records);
    QCOMPARE(records->size(), 3);
    const QList<QByteArray> messages = sampleMessages();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(records->at(i).sequence, 3 + i);
        QCOMPARE(records->at(i).xml, messages.at(2 + i));
        QCOMPARE(records->at(i).time, QDateTime(QDate(2026, 3, 14), QTime(9, 0, 2 + i), Qt::UTC));
    }
    QCOMPARE((*log)->recordsAfter(7, 10)->size(), 0);
    // Appending continues the same chain.
    QCOMPARE(*(*log)->append(messages.first(), QDateTime::currentDateTimeUtc()), 8);
    QCOMPARE((*log)->verify()->verifiedRecords, 8);
    const QList<QByteArray> lines = readLines((*log)->logFile());
    QCOMPARE(lines.size(), 8);
    QCOMPARE(record(lines.at(7)).value("prev"), record(lines.at(6)).value("hash"));
    QCOMPARE(record(lines.at(0)).value("prev").toString(), QString(64, QLatin1Char('0')));
}

void TestAuditLog::records_areEncryptedAtRest_andOwnerOnly()
{
    auto log = fillLog();
    QVERIFY(log);
    for (const QString& path : {log->logFile(), log->headFile()}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        QVERIFY(!data.isEmpty());
        for (const QString& secret : {fenestra::test::kPatientId, fenestra::test::kPatientName,
                                      fenestra::test::kStudyUid, QStringLiteral("Alice")}) {
            QVERIFY2(!data.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY(!data.contains(secret.toUtf8().toBase64().left(12)));
        }
        QCOMPARE(file.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }
}

void TestAuditLog::tampering_isDetectedAtTheFirstBrokenRecord_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<qint64>("sequence");
    QTest::addColumn<AuditLog::BreakKind>("kind");
    QTest::newRow("ciphertext edited") << "edit-xml" << qint64(3) << AuditLog::BreakKind::Edited;
    QTest::newRow("time edited") << "edit-time" << qint64(4) << AuditLog::BreakKind::Edited;
    QTest::newRow("hash edited") << "edit-hash" << qint64(2) << AuditLog::BreakKind::Edited;
    QTest::newRow("record deleted") << "delete" << qint64(3) << AuditLog::BreakKind::Missing;
    QTest::newRow("first record deleted")
        << "delete-first" << qint64(1) << AuditLog::BreakKind::Missing;
    QTest::newRow("records swapped") << "swap" << qint64(3) << AuditLog::BreakKind::Reordered;
    QTest::newRow("file cut inside a record")
        << "cut" << qint64(7) << AuditLog::BreakKind::Truncated;
    QTest::newRow("last records removed")
        << "drop-tail" << qint64(6) << AuditLog::BreakKind::Truncated;
    QTest::newRow("whole log removed")
        << "remove-log" << qint64(1) << AuditLog::BreakKind::Truncated;
    QTest::newRow("garbage line") << "garbage" << qint64(5) << AuditLog::BreakKind::Malformed;
    QTest::newRow("record replaced, chain recomputed without the key")
        << "forge" << qint64(3) << AuditLog::BreakKind::Edited;
    QTest::newRow("record deleted, chain recomputed without the key")
        << "delete-rechain" << qint64(3) << AuditLog::BreakKind::Edited;
    QTest::newRow("head forged") << "head" << qint64(7) << AuditLog::BreakKind::HeadMismatch;
}

void TestAuditLog::tampering_isDetectedAtTheFirstBrokenRecord()
{
    QFETCH(QString, tamper);
    QFETCH(qint64, sequence);
    QFETCH(AuditLog::BreakKind, kind);
    auto log = fillLog();
    QVERIFY(log);
    const QString path = log->logFile();
    QList<QByteArray> lines = readLines(path);
    if (tamper == "edit-xml") {
        QJsonObject o = record(lines[2]);
        QByteArray xml = o["xml"].toString().toLatin1();
        xml[40] = xml[40] == 'A' ? 'B' : 'A';
        o["xml"] = QString::fromLatin1(xml);
        lines[2] = line(o);
    } else if (tamper == "edit-time") {
        lines[3].replace("T09:00:03.000Z", "T08:00:03.000Z");
    } else if (tamper == "edit-hash") {
        QJsonObject o = record(lines[1]);
        o["hash"] = QString(64, QLatin1Char('f'));
        lines[1] = line(o);
    } else if (tamper == "delete") {
        lines.removeAt(2);
    } else if (tamper == "delete-first") {
        lines.removeFirst();
    } else if (tamper == "swap") {
        lines.swapItemsAt(2, 3);
    } else if (tamper == "drop-tail") {
        lines.removeLast();
        lines.removeLast();
    } else if (tamper == "garbage") {
        lines[4] = "{\"seq\":5,\"note\":\"nothing to see\"}";
    } else if (tamper == "forge") {
        QJsonObject o = record(lines[2]);
        o["xml"] = record(lines[1])["xml"];
        lines[2] = line(o);
        rechain(lines, 3);
    } else if (tamper == "delete-rechain") {
        lines.removeAt(2);
        for (int i = 2; i < lines.size(); ++i) {
            QJsonObject o = record(lines[i]);
            o["seq"] = i + 1;
            lines[i] = line(o);
        }
        rechain(lines, 3);
    }
    if (tamper == "cut") {
        const QByteArray whole = lines.join('\n') + '\n';
        writeRaw(path, whole.left(whole.size() - 50));
    } else if (tamper == "remove-log") {
        QVERIFY(QFile::remove(path));
    } else if (tamper == "head") {
        QJsonObject head = QJsonDocument::fromJson([&] {
                               QFile f(log->headFile());
                               f.open(QIODevice::ReadOnly);
                               return f.readAll();
                           }())
                               .object();
        head["seq"] = 9;
        writeRaw(log->headFile(), QJsonDocument(head).toJson());
        sequence = 9;
    } else {
        writeLines(path, lines);
    }

    const auto report = log->verify();
    QVERIFY(report);
    QVERIFY(!report->intact());
    QCOMPARE(report->firstBreak->sequence, sequence);
    QCOMPARE(breakKindName(report->firstBreak->kind), breakKindName(kind));
    QCOMPARE(report->verifiedRecords, kind == AuditLog::BreakKind::HeadMismatch
                                          ? qint64(7)
                                          : (tamper == "remove-log" ? 0 : sequence - 1));
    QCOMPARE(report->firstBreak->detail,
             QStringLiteral("record %1: %2").arg(sequence).arg(breakKindName(kind)));

    // Opening the folder again refuses the broken trail with the same record.
    log.reset();
    const auto reopened = AuditLog::open(m_dir->path(), kKey);
    QVERIFY(!reopened);
    QCOMPARE(reopened.error().code, ErrorCode::AuditLogCorrupt);
    QCOMPARE(reopened.error().detail, report->firstBreak->detail);
}

void TestAuditLog::brokenTrail_isNeverAppendedTo()
{
    auto log = fillLog(3);
    QVERIFY(log);
    QList<QByteArray> lines = readLines(log->logFile());
    lines.removeAt(1);
    writeLines(log->logFile(), lines);
    const QByteArray before = [&] {
        QFile f(log->logFile());
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    log.reset();
    QVERIFY(!AuditLog::open(m_dir->path(), kKey));
    QFile f(m_dir->filePath("audit.log"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestAuditLog::otherKey_cannotReadOrExtendTheTrail()
{
    QVERIFY(fillLog(2));
    const auto log = AuditLog::open(m_dir->path(), kOtherKey);
    QVERIFY(!log);
    QCOMPARE(log.error().code, ErrorCode::AuditLogCorrupt);
    QCOMPARE(log.error().detail, QStringLiteral("record 1: edited"));
    const auto shortKey = AuditLog::open(m_dir->path(), QByteArray(16, 'k'));
    QVERIFY(!shortKey);
    QCOMPARE(shortKey.error().code, ErrorCode::CryptoFailure);
}

void TestAuditLog::appLogs_neverContainPatientData()
{
    {
        QMutexLocker lock(&g_logMutex);
        g_logged.clear();
    }
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    auto log = fillLog();
    QVERIFY(log);
    QVERIFY(log->verify()->intact());
    QVERIFY(log->recordsAfter(0, 100));
    // A tampered trail makes the log speak: it must name records, never their content.
    QList<QByteArray> lines = readLines(log->logFile());
    lines.swapItemsAt(1, 4);
    writeLines(log->logFile(), lines);
    QVERIFY(!log->verify()->intact());
    QVERIFY(!log->recordsAfter(0, 100));
    log.reset();
    QVERIFY(!AuditLog::open(m_dir->path(), kKey));
    // The messages themselves, refused for a missing field.
    AuditEvent incomplete = auditEvent(AuditEventKind::InstancesAccessed);
    incomplete.studies.clear();
    QVERIFY(!toXml(incomplete));
    qInstallMessageHandler(previous);

    QMutexLocker lock(&g_logMutex);
    QVERIFY2(g_logged.size() >= 2, "the tampered trail must have been reported in the log");
    QVERIFY(g_logged.join('\n').contains(QLatin1String("record 2: reordered")));
    for (const QString& message : std::as_const(g_logged))
        for (const QString& secret :
             {fenestra::test::kPatientId, QStringLiteral("Zeyen"), QStringLiteral("Marguerite"),
              fenestra::test::kStudyUid, QStringLiteral("LUXEMBOURG-RNPP")})
            QVERIFY2(!message.contains(secret), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
