// The Orthanc harness itself: our own instance on an ephemeral loopback port with temporary
// storage, ready when GET /system answers with our name, data kept across restart and crash on
// the same port, and no process left behind.

#include "support/orthancserver.h"
#include "support/testdata.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QTest>

#include <csignal>
#include <memory>

using namespace fenestra::integration;

namespace {

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// The StudyInstanceUIDs Orthanc holds, through its DICOMweb plugin.
QStringList studyUids(OrthancServer& server)
{
    const HttpResult result = server.get("/dicom-web/studies");
    QStringList uids;
    for (const QJsonValue& study : QJsonDocument::fromJson(result.body).array())
        uids.append(study.toObject()
                        .value(QLatin1String("0020000D"))
                        .toObject()
                        .value(QLatin1String("Value"))
                        .toArray()
                        .first()
                        .toString());
    uids.sort();
    return uids;
}

} // namespace

// One instance goes through the whole life cycle, in order (an Orthanc stop takes ~3 s).
class TestOrthancHarness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void start_answersOnLoopbackWithOurConfiguration();
    void upload_storesEveryFileOfAStudy();
    void restart_samePortAndStorage_keepsTheData();
    void killAndRestart_samePort_keepsTheData();
    void destructor_stopsTheProcessAndRemovesTheStorage();

private:
    QMap<QString, ManifestStudy> m_studies;
    std::unique_ptr<OrthancServer> m_server;
};

void TestOrthancHarness::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    QVERIFY(m_studies.contains(QStringLiteral("ct")));
    m_server = std::make_unique<OrthancServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
}

void TestOrthancHarness::start_answersOnLoopbackWithOurConfiguration()
{
    OrthancServer& server = *m_server;
    QVERIFY(server.httpPort() > 0);
    const HttpResult system = server.get("/system");
    QCOMPARE(system.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(system.body).object();
    QVERIFY(
        json.value(QLatin1String("Name")).toString().startsWith(QLatin1String("fenestra-test-")));
    QCOMPARE(json.value(QLatin1String("HttpPort")).toInt(), int(server.httpPort()));
    QVERIFY(json.value(QLatin1String("PluginsEnabled")).toBool());
    const HttpResult plugins = server.get("/plugins");
    QVERIFY(QJsonDocument::fromJson(plugins.body).array().contains(QStringLiteral("dicom-web")));
    QCOMPARE(server.get("/dicom-web/studies").body.trimmed(), QByteArray("[]"));
    QVERIFY(server.storageDirectory().startsWith(QDir::tempPath()));
    QVERIFY(server.baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    // RemoteAccessAllowed false: through another address of this machine, Orthanc refuses.
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        const HttpResult remote = httpRequest(server.httpPort(), "GET", "/system", {}, {},
                                              std::chrono::seconds(5), address);
        QVERIFY2(remote.status == 401 || remote.status == 403 || remote.status == 0,
                 qPrintable(address.toString()));
    }
}

void TestOrthancHarness::upload_storesEveryFileOfAStudy()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    QCOMPARE(m_server->uploadAll(ct.files()), 40);
    QCOMPARE(studyUids(*m_server), QStringList{ct.studyUid});
    const HttpResult statistics = m_server->get("/statistics");
    QCOMPARE(QJsonDocument::fromJson(statistics.body)
                 .object()
                 .value(QLatin1String("CountInstances"))
                 .toInt(),
             40);
}

void TestOrthancHarness::restart_samePortAndStorage_keepsTheData()
{
    OrthancServer& server = *m_server;
    const quint16 port = server.httpPort();
    const qint64 firstPid = server.processId();
    QVERIFY(server.stop());
    QVERIFY(!processExists(firstPid));
    QCOMPARE(server.get("/system").status, 0); // nothing answers while stopped
    QVERIFY2(server.restart(), qPrintable(server.lastError()));
    QCOMPARE(server.httpPort(), port);
    QVERIFY(server.processId() != firstPid);
    QCOMPARE(studyUids(server), QStringList{m_studies[QStringLiteral("ct")].studyUid});
}

void TestOrthancHarness::killAndRestart_samePort_keepsTheData()
{
    OrthancServer& server = *m_server;
    const ManifestStudy& us = m_studies[QStringLiteral("us")];
    QCOMPARE(server.uploadAll(us.files()), 1);
    const quint16 port = server.httpPort();
    const qint64 pid = server.processId();
    server.kill();
    QVERIFY(!processExists(pid));
    QVERIFY2(server.restart(), qPrintable(server.lastError()));
    QCOMPARE(server.httpPort(), port);
    QStringList expected{m_studies[QStringLiteral("ct")].studyUid, us.studyUid};
    expected.sort();
    QCOMPARE(studyUids(server), expected);
}

void TestOrthancHarness::destructor_stopsTheProcessAndRemovesTheStorage()
{
    const qint64 pid = m_server->processId();
    const QString storage = m_server->storageDirectory();
    QVERIFY(processExists(pid));
    QVERIFY(QFileInfo::exists(storage));
    m_server.reset();
    QVERIFY(!processExists(pid));
    QVERIFY(!QFileInfo::exists(storage));
}

QTEST_GUILESS_MAIN(TestOrthancHarness)
#include "tst_orthancharness.moc"
