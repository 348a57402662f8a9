// After a session of the cache, nothing about the patient can be read from the cache directory:
// not in file or folder names, not in file contents (in clear, UTF-16 or hex), not in the log.

#include "cachetestutil.h"

#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::net;
using namespace cachetest;

namespace {

const QByteArray kPatientName = "DOE^JANE^MARIE";
const QByteArray kPatientId = "PID-4711-0815-42";

// Instance bytes that hold the patient's name, ID and UIDs in clear, as a DICOM file would.
QByteArray identifyingBytes(const InstanceRef& r, int n)
{
    return "DICM" + kPatientName + '\0' + kPatientId + '\0' + r.studyUid.toLatin1() + '\0' +
           r.seriesUid.toLatin1() + '\0' + r.sopInstanceUid.toLatin1() + instanceBytes(n, 4096) +
           kPatientName;
}

// Every encoding in which a string could leak: UTF-8, UTF-16 both ways, hex both cases.
QList<QByteArray> leakForms(const QByteArray& secret)
{
    const QString text = QString::fromLatin1(secret);
    QByteArray le(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    QByteArray be = le;
    for (qsizetype i = 0; i + 1 < be.size(); i += 2)
        std::swap(be[i], be[i + 1]);
    return {secret, le, be, secret.toHex(), secret.toHex().toUpper()};
}

// Messages logged while a test runs, to check that none carries patient data.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    g_previousHandler(type, context, message);
}

} // namespace

class TestCachePrivacy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(recordMessage); }
    void cacheDirectory_holdsNoPatientDataInNamesContentsOrLogs();
};

void TestCachePrivacy::cacheDirectory_holdsNoPatientDataInNamesContentsOrLogs()
{
    QTemporaryDir dir;
    {
        QMutexLocker lock(&g_logMutex);
        g_log.clear();
    }
    QList<QByteArray> secrets{kPatientName, kPatientId, kStudy.toLatin1(), kSeries.toLatin1()};
    {
        auto cache = openCache(dir.path());
        QVERIFY(cache);
        for (int i = 0; i < 6; ++i) {
            QVERIFY(cache->put(ref(i), identifyingBytes(ref(i), i)).has_value());
            secrets.append(sopUid(i).toLatin1());
        }
        QCOMPARE(*cache->get(ref(2)), identifyingBytes(ref(2), 2));
        QVERIFY(cache->flush().has_value());
        // A damaged entry is logged: that message must not name the instance either.
        const QString damaged = filesIn(dir.path()).constFirst();
        QVERIFY(damaged != QStringLiteral("index"));
        QVERIFY(writeAll(dir.filePath(damaged), "garbage"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("failed authentication"));
        for (int i = 0; i < 6; ++i)
            (void)cache->get(ref(i));
    }
    QVERIFY(!filesIn(dir.path()).isEmpty());
    for (const QString& entry : everythingIn(dir.path())) {
        QVERIFY2(!entry.contains(QStringLiteral("1.2.826")), qPrintable(entry));
        QVERIFY2(!entry.contains(QStringLiteral("DOE"), Qt::CaseInsensitive), qPrintable(entry));
    }
    for (const QString& file : filesIn(dir.path())) {
        const QByteArray content = readAll(dir.filePath(file));
        QVERIFY(!content.isEmpty());
        for (const QByteArray& secret : std::as_const(secrets)) {
            for (const QByteArray& form : leakForms(secret))
                QVERIFY2(!content.contains(form), qPrintable(file + " holds " + form));
        }
    }
    // Different key, wiped at start: its warning names no instance.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("cannot be decrypted"));
    QVERIFY(openCache(dir.path(), kOtherKey));
    QMutexLocker lock(&g_logMutex);
    QVERIFY(!g_log.isEmpty());
    for (const QString& message : std::as_const(g_log)) {
        for (const QByteArray& secret : std::as_const(secrets))
            QVERIFY2(!message.contains(QString::fromLatin1(secret)), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestCachePrivacy)
#include "tst_cacheprivacy.moc"
