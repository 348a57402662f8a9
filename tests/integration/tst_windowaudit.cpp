// The window's audit trail reaching a real syslog collector (rsyslogd over TLS, trusting the
// test CA, on 127.0.0.1): the federation file names the collector and its CA bundle (relative
// to the file); a doctor of hospital A signs in, searches a patient across the test federation
// (A and B asked under the patient's consent, C not searched), opens B's study and signs out.
// The collector receives every record of the local log, in order, each once, byte for byte;
// each federated search records one Query (110112) per hospital asked and none for C; every
// record validates against the DICOM audit message schema (xmllint, RELAX NG).

#include "audit/audittrail.h"
#include "auth/oidcsession.h"
#include "federation/tenantdirectory.h"
#include "gui/federationpanel.h"
#include "gui/mainwindow.h"
#include "gui/viewerapplication.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "support/federation.h"
#include "support/syslogcollector.h"
#include "support/testbrowser.h"
#include "support/testpki.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fenestra;
using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

const QString kA = QStringLiteral("hospital-a");
const QString kB = QStringLiteral("hospital-b");
const QString kC = QStringLiteral("hospital-c");

// The RFC 5424 meta sequenceId of a received message, -1 when none.
qint64 sequenceOf(const QByteArray& raw)
{
    const QByteArray marker = "[meta sequenceId=\"";
    const qsizetype at = raw.indexOf(marker);
    if (at < 0)
        return -1;
    const qsizetype from = at + marker.size();
    return raw.mid(from, raw.indexOf('"', from) - from).toLongLong();
}

// The XML after the BOM of a received message.
QByteArray xmlOf(const QByteArray& raw)
{
    const qsizetype bom = raw.indexOf("\xEF\xBB\xBF");
    return bom < 0 ? QByteArray() : raw.mid(bom + 3);
}

// "110114/110122": the EventID and EventTypeCode codes of a message.
QString eventOf(const QByteArray& xml)
{
    static const QRegularExpression code(
        QStringLiteral("<(EventID|EventTypeCode) csd-code=\"(\\d+)\""));
    QStringList codes;
    for (auto it = code.globalMatch(QString::fromUtf8(xml)); it.hasNext();)
        codes << it.next().captured(2);
    return codes.join(QLatin1Char('/'));
}

// The decoded ParticipantObjectQuery of a Query message.
QByteArray queryOf(const QByteArray& xml)
{
    static const QRegularExpression query(
        QStringLiteral("<ParticipantObjectQuery>([A-Za-z0-9+/=]+)</ParticipantObjectQuery>"));
    return QByteArray::fromBase64(query.match(QString::fromUtf8(xml)).captured(1).toLatin1());
}

} // namespace

class TestWindowAudit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void signInSearchOpenSignOut_everyRecordReachesTheCollectorValid();
    void cleanupTestCase();

private:
    bool signIn(const QString& tenant);
    app::FederationPanel* panel() const { return m_window->federationPanel(); }

    TestPki m_pki;
    std::unique_ptr<SyslogCollector> m_collector;
    std::unique_ptr<TestFederation> m_federation;
    net::FederationConfig m_config;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<app::Settings> m_settings;
    std::unique_ptr<app::AuditTrail> m_trail;
    std::unique_ptr<net::OidcSession> m_session;
    std::unique_ptr<app::MainWindow> m_window;
    QList<QUrl> m_launched;
    TestBrowser m_browser;
};

void TestWindowAudit::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/rsyslogd")))
        QSKIP("rsyslogd is not installed (Debian packages rsyslog, rsyslog-gnutls)");
    qRegisterMetaType<fenestra::net::Error>();
    QVERIFY2(m_pki.create(), qPrintable(m_pki.lastError()));
    m_collector = std::make_unique<SyslogCollector>(
        SyslogCollector::Options{QStringLiteral("/usr/sbin/rsyslogd"), m_pki.caCertificate(),
                                 m_pki.serverPem(), std::chrono::milliseconds(15000)});
    QVERIFY2(m_collector->start(), qPrintable(m_collector->lastError()));
    m_federation = std::make_unique<TestFederation>();
    QVERIFY2(m_federation->start(), qPrintable(m_federation->lastError()));

    // The federation file as a deployment writes it, the collector's CA beside it.
    QVERIFY(QFile::copy(m_pki.caCertificate(), m_dir.filePath(QStringLiteral("audit-ca.pem"))));
    QJsonArray tenants;
    for (const FederationTenant& tenant : m_federation->tenants())
        tenants.append(QJsonObject{
            {"id", tenant.id}, {"name", tenant.name}, {"dicomweb", tenant.dicomWebUrl}});
    const QJsonObject json{
        {"federation", "Test federation"},
        {"nationalIdentifier", QJsonObject{{"issuer", TestFederation::nationalIdIssuer()},
                                           {"acceptUnqualifiedOtherIds", true}}},
        {"consentRegistry", m_federation->registry().url()},
        {"auditCollector", QJsonObject{{"host", "127.0.0.1"},
                                       {"port", int(m_collector->port())},
                                       {"caBundle", "audit-ca.pem"}}},
        {"tenants", tenants}};
    QFile file(m_dir.filePath(QStringLiteral("federation.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    auto config = net::loadFederationConfig(file.fileName());
    QVERIFY2(config, config ? "" : qPrintable(config.error().toString()));
    m_config = *config;
    QCOMPARE(m_config.auditCollector.caBundleFile, m_dir.filePath(QStringLiteral("audit-ca.pem")));

    m_settings = std::make_unique<app::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    auto trail =
        app::AuditTrail::open(m_dir.filePath(QStringLiteral("audit")), QByteArray(32, '\x33'));
    QVERIFY2(trail, trail ? "" : qPrintable(trail.error().toString()));
    m_trail = std::move(*trail);
    net::OidcConfig oidc;
    oidc.issuer = m_federation->provider().issuer();
    oidc.clientId = m_federation->provider().clientId();
    oidc.resource = m_federation->provider().audience();
    oidc.loginTimeout = 30s;
    oidc.requestTimeout = 10s;
    oidc.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("login")}};
    m_session = std::make_unique<net::OidcSession>(oidc, &m_network);
    m_window = std::make_unique<app::MainWindow>(*m_settings, m_dir.filePath("notes"));
    m_window->setBrowserLauncher([this](const QUrl& url) { m_launched << url; });
    m_window->setSession(m_session.get());
    m_window->setAuditTrail(m_trail.get());
    m_window->setFederation(m_config);

    // The collector as the application connects it; an unusable CA bundle is a notice.
    net::AuditCollectorConfig missing = m_config.auditCollector;
    missing.caBundleFile = m_dir.filePath(QStringLiteral("nowhere.pem"));
    const QString notice = app::connectAuditCollector(*m_trail, missing, *m_window);
    QVERIFY2(notice.startsWith(QStringLiteral("Audit records are not sent to the collector "
                                              "127.0.0.1:%1, its certificate authority cannot "
                                              "be used: ")
                                   .arg(m_collector->port())),
             qPrintable(notice));
    QVERIFY(m_trail->sender() == nullptr);
    net::AuditCollectorConfig unnamed = m_config.auditCollector;
    unnamed.caBundleFile.clear();
    QVERIFY(app::connectAuditCollector(*m_trail, unnamed, *m_window)
                .contains(QStringLiteral("names no certificate authority")));
    QCOMPARE(app::connectAuditCollector(*m_trail, m_config.auditCollector, *m_window), QString());
    QVERIFY(m_trail->sender() != nullptr);
    QVERIFY(m_trail->sender()->state() != net::audit::SyslogSender::State::Stopped);

    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

bool TestWindowAudit::signIn(const QString& tenant)
{
    QSignalSpy in(m_session.get(), &net::OidcSession::loggedIn);
    m_session->login();
    if (!QTest::qWaitFor([&] { return !m_launched.isEmpty(); }, 10000))
        return false;
    const OidcProvider::User user = m_federation->userOf(tenant);
    QString error;
    m_browser.clearCookies();
    const QUrl redirect =
        m_browser.authorize(m_launched.takeLast(), user.username, user.password, &error);
    if (!redirect.isValid()) {
        qWarning("browser: %s", qPrintable(error));
        return false;
    }
    return !in.isEmpty() || in.wait(20000);
}

void TestWindowAudit::signInSearchOpenSignOut_everyRecordReachesTheCollectorValid()
{
    QVERIFY(signIn(kA));
    QVERIFY(m_federation->registry().clear());
    QVERIFY(m_federation->registry().putConsent(m_federation->consentFor("anna", {kA, kB})));
    const FederationPatient anna = m_federation->patient("anna");

    // The federated search: A first, then B (consent), never C.
    QSignalSpy queried(panel(), &app::FederationPanel::tenantQueried);
    QSignalSpy finished(panel(), &app::FederationPanel::searchFinished);
    panel()->nationalIdField()->setText(anna.nationalId);
    QTest::mouseClick(panel()->searchButton(), Qt::LeftButton);
    QVERIFY2(panel()->errorText().isEmpty(), qPrintable(panel()->errorText()));
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel()->tenantState(kC), net::TenantState::NotSearched);
    QCOMPARE(queried.size(), 2);

    // B's study opened from the results: viewed (110103).
    const QString bStudy = anna.studyUids(kB).value(0);
    int bRow = -1;
    const auto rows = panel()->studyRows();
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].studyUid == bStudy)
            bRow = i;
    QVERIFY(bRow >= 0);
    QVERIFY(panel()->openStudy(bRow));
    viewer::ImageView* view = m_window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));
    m_window->signOut();

    // Everything the log holds reaches the collector.
    const qint64 last = m_trail->log().lastSequence();
    QVERIFY(last >= 5);
    QTRY_COMPARE_WITH_TIMEOUT(m_trail->sender()->lastDelivered(), last, 30000);
    const QList<ReceivedSyslog> received =
        m_collector->waitForMessages(last, std::chrono::milliseconds(20000));
    const auto records = m_trail->log().recordsAfter(0, 1000);
    QVERIFY(records);
    QCOMPARE(qint64(records->size()), last);
    QCOMPARE(received.size(), records->size()); // each once
    QStringList events;
    QStringList asked;
    QList<QByteArray> queries;
    for (int i = 0; i < received.size(); ++i) {
        const QByteArray& raw = received.at(i).raw;
        QCOMPARE(sequenceOf(raw), records->at(i).sequence); // in order
        QCOMPARE(records->at(i).sequence, qint64(i + 1));
        QCOMPARE(xmlOf(raw), records->at(i).xml); // intact
        QCOMPARE(raw, net::audit::syslogMessage(records->at(i)));
        events << eventOf(records->at(i).xml);
        if (events.last() == QStringLiteral("110112")) {
            queries << queryOf(records->at(i).xml);
            for (const net::TenantConfig& tenant : std::as_const(m_config.tenants))
                if (records->at(i).xml.contains(
                        "\"" + tenant.archive.baseUrl.toString(QUrl::RemoveUserInfo).toUtf8() +
                        "\""))
                    asked << tenant.id;
        }
    }
    QCOMPARE(events.first(), QStringLiteral("110114/110122")); // login
    QCOMPARE(events.last(), QStringLiteral("110114/110123"));  // logout
    QVERIFY2(events.contains(QStringLiteral("110103")), qPrintable(events.join(' ')));
    // One Query per hospital asked, A then B, none for C; what each was sent.
    QCOMPARE(events.count(QStringLiteral("110112")), 2);
    QCOMPARE(asked, (QStringList{kA, kB}));
    const QByteArray birth = anna.birthDate.toString(QStringLiteral("yyyyMMdd")).toLatin1();
    QVERIFY2(queries.at(0).startsWith("/studies?") &&
                 queries.at(0).contains("PatientBirthDate=" + birth) &&
                 queries.at(0).contains("includefield=IssuerOfPatientID"),
             queries.at(0).constData());
    QVERIFY2(queries.at(1).contains("PatientBirthDate=" + birth) &&
                 queries.at(1).contains("PatientName="),
             queries.at(1).constData());

    // Every received record against the DICOM audit message schema.
    QStringList files;
    for (int i = 0; i < received.size(); ++i) {
        QFile xml(m_dir.filePath(QStringLiteral("received-%1.xml").arg(i + 1)));
        QVERIFY(xml.open(QIODevice::WriteOnly));
        xml.write(xmlOf(received.at(i).raw));
        files << xml.fileName();
    }
    QProcess xmllint;
    xmllint.setProcessChannelMode(QProcess::MergedChannels);
    xmllint.start(QStringLiteral("xmllint"),
                  QStringList{QStringLiteral("--noout"), QStringLiteral("--relaxng"),
                              QStringLiteral(FENESTRA_SOURCE_DIR) +
                                  QStringLiteral("/tests/data/audit/dicom-audit-message.rng")} +
                      files);
    QVERIFY(xmllint.waitForFinished(30000));
    const QByteArray output = xmllint.readAll();
    QVERIFY2(xmllint.exitStatus() == QProcess::NormalExit && xmllint.exitCode() == 0,
             output.constData());
    QCOMPARE(output.count(" validates"), received.size());

    // And the local chain verifies.
    auto report = m_trail->log().verify();
    QVERIFY(report && report->intact() && report->verifiedRecords == last);
}

void TestWindowAudit::cleanupTestCase()
{
    m_window.reset(); // the window before the session and trail it uses
    m_session.reset();
    m_trail.reset();
    m_federation.reset();
    m_collector.reset();
}

int main(int argc, char* argv[])
{
    QTemporaryDir home; // the application's own files stay private to the test
    for (const char* variable : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        qputenv(variable, home.path().toLocal8Bit());
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestWindowAudit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowaudit.moc"
