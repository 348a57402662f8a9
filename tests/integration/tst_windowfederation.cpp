// The window searching one patient across the test federation (three policy-enforcing
// Orthancs, the consent registry and the identity provider, all on 127.0.0.1): a doctor of
// hospital A, signed in through the provider, sees A's and B's studies of a patient whose
// active consent covers B, while C (not covered) says "not searched: no consent on record";
// the study two hospitals hold is listed once with both; two different people with the same
// name and birth date are flagged and kept apart; once the consent is withdrawn, the next
// search purges B's cached images of the patient (A's stay) and closes the view showing them
// with a notice. While the doctor's emergency access lasts every hospital is asked. A mistyped
// national identifier is refused plainly before anything is sent.

#include "auth/oidcsession.h"
#include "cache/instancecache.h"
#include "federation/tenantdirectory.h"
#include "gui/federationpanel.h"
#include "gui/mainwindow.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "support/federation.h"
#include "support/testbrowser.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace fenestra;
using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

const QString kA = QStringLiteral("hospital-a");
const QString kB = QStringLiteral("hospital-b");
const QString kC = QStringLiteral("hospital-c");

QSet<QString> toSet(const QStringList& list)
{
    return {list.cbegin(), list.cend()};
}

} // namespace

class TestWindowFederation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void invalidNationalId_isRefusedPlainly();
    void consentCoveringB_showsAandB_CNotSearched();
    void studyHeldByTwoHospitals_isListedOnceWithBoth();
    void namesakes_areFlaggedAndNotMerged();
    void emergencyAccess_asksEveryHospitalWithoutConsent();
    void withdrawnConsent_purgesBsCacheAndClosesItsView();
    void cleanupTestCase();

private:
    bool signIn(const QString& tenant);
    // Types the fields, searches and waits for both steps to end.
    bool search(const QString& nationalId, const QString& name = {}, const QDate& birth = {});
    app::FederationPanel* panel() const { return m_window->federationPanel(); }
    net::ArchiveConfig archiveOf(const QString& tenant) const
    {
        return m_config.tenant(tenant)->archive;
    }
    void saveShot(const QString& name);

    std::unique_ptr<TestFederation> m_federation;
    net::FederationConfig m_config;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<app::Settings> m_settings;
    std::unique_ptr<net::InstanceCache> m_cache;
    std::unique_ptr<net::OidcSession> m_session;
    std::unique_ptr<app::MainWindow> m_window;
    QList<QUrl> m_launched;
    TestBrowser m_browser;
};

void TestWindowFederation::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_federation = std::make_unique<TestFederation>();
    QVERIFY2(m_federation->start(), qPrintable(m_federation->lastError()));

    // The federation as a deployment would configure it: the harness's national issuer, and
    // the retired Other Patient IDs accepted (Orthanc's QIDO answers never carry the sequence).
    m_config.name = QStringLiteral("Test federation");
    m_config.nationalId.issuer = TestFederation::nationalIdIssuer();
    m_config.nationalId.acceptUnqualifiedOtherIds = true;
    m_config.consentRegistry = QUrl(m_federation->registry().url());
    for (const FederationTenant& tenant : m_federation->tenants())
        m_config.tenants << net::TenantConfig{
            tenant.id, tenant.name, net::ArchiveConfig{tenant.name, QUrl(tenant.dicomWebUrl)}};
    QCOMPARE(m_config.tenants.size(), 3);

    m_settings = std::make_unique<app::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    auto cache =
        net::InstanceCache::open(m_dir.filePath(QStringLiteral("cache")), QByteArray(32, '\x5a'));
    QVERIFY(cache);
    m_cache = std::move(*cache);
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
    m_window->setInstanceCache(m_cache.get());
    m_window->setFederation(m_config);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(panel() != nullptr);

    // Not signed in: nothing is searched, and the panel says why.
    panel()->nationalIdField()->setText(m_federation->patient("anna").nationalId);
    panel()->search();
    QVERIFY(!panel()->isSearching());
    QVERIFY(panel()->errorText().startsWith(QStringLiteral("Sign in to search across hospitals")));
    QVERIFY(signIn(kA));
}

bool TestWindowFederation::signIn(const QString& tenant)
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

bool TestWindowFederation::search(const QString& nationalId, const QString& name,
                                  const QDate& birth)
{
    panel()->nationalIdField()->setText(nationalId);
    panel()->nameField()->setText(name);
    panel()->birthDateField()->setDate(birth.isValid() ? birth
                                                       : panel()->birthDateField()->minimumDate());
    QSignalSpy finished(panel(), &app::FederationPanel::searchFinished);
    QTest::mouseClick(panel()->searchButton(), Qt::LeftButton);
    if (!panel()->errorText().isEmpty()) {
        qWarning("search refused: %s", qPrintable(panel()->errorText()));
        return false;
    }
    return finished.wait(60000);
}

void TestWindowFederation::saveShot(const QString& name)
{
    QDir().mkpath(QStringLiteral("/tmp/fen/shots"));
    m_window->grab().save(QStringLiteral("/tmp/fen/shots/%1.png").arg(name));
}

void TestWindowFederation::invalidNationalId_isRefusedPlainly()
{
    QString nin = m_federation->patient("anna").nationalId;
    nin[12] = QChar('0' + (nin[12].digitValue() + 1) % 10); // a wrong check digit
    QSignalSpy finished(panel(), &app::FederationPanel::searchFinished);
    panel()->nationalIdField()->setText(nin);
    panel()->search();
    QCOMPARE(panel()->errorText(),
             QStringLiteral("The national identifier is not valid: a check digit is wrong "
                            "(mistyped?)."));
    QVERIFY(panel()->findChild<QLabel*>(QStringLiteral("federationError"))->isVisible());
    QVERIFY(!panel()->isSearching());
    panel()->nationalIdField()->setText(QStringLiteral("12345"));
    panel()->search();
    QCOMPARE(panel()->errorText(),
             QStringLiteral("The national identifier is not valid: it must have 13 digits."));
    QVERIFY(!finished.wait(300));
}

void TestWindowFederation::consentCoveringB_showsAandB_CNotSearched()
{
    QVERIFY(m_federation->registry().clear());
    QVERIFY(m_federation->registry().putConsent(m_federation->consentFor("anna", {kA, kB})));
    const FederationPatient anna = m_federation->patient("anna");
    QVERIFY(search(anna.nationalId));

    QCOMPARE(panel()->tenantState(kA), net::TenantState::Answered);
    QCOMPARE(panel()->tenantState(kB), net::TenantState::Answered);
    QCOMPARE(panel()->tenantState(kC), net::TenantState::NotSearched);
    QCOMPARE(panel()->tenantStatusText(kA), QStringLiteral("answered: 1 found"));
    QCOMPARE(panel()->tenantStatusText(kB), QStringLiteral("answered: 1 found"));
    QCOMPARE(panel()->tenantStatusText(kC), QStringLiteral("not searched: no consent on record"));
    QCOMPARE(panel()->findChild<QLabel*>(QStringLiteral("federationStatus_") + kC)->text(),
             QStringLiteral("Hospital C: not searched: no consent on record"));

    // Exactly A's and B's studies of anna, under one person (joined by the national id).
    QSet<QString> shown;
    for (const app::FederationPanel::StudyRow& row : panel()->studyRows()) {
        shown.insert(row.studyUid);
        QCOMPARE(row.person, 0);
    }
    QCOMPARE(shown, toSet(anna.studyUids(kA) + anna.studyUids(kB)));
    QVERIFY(!shown.intersects(toSet(anna.studyUids(kC))));
    QCOMPARE(panel()->personTexts().size(), 1);
    QVERIFY(panel()->personTexts().front().contains(anna.nationalId));
    QVERIFY(panel()->warnings().isEmpty());
    saveShot(QStringLiteral("federation_consent_b"));
}

void TestWindowFederation::studyHeldByTwoHospitals_isListedOnceWithBoth()
{
    QVERIFY(m_federation->registry().clear());
    QVERIFY(m_federation->registry().putConsent(m_federation->consentFor("marc", {kA, kB, kC})));
    const FederationPatient marc = m_federation->patient("marc");
    // By name and birth date: the national id comes from the own hospital's answer.
    QVERIFY(search({}, marc.patientName, marc.birthDate));
    for (const QString& tenant : {kA, kB, kC})
        QCOMPARE(panel()->tenantState(tenant), net::TenantState::Answered);
    const QStringList shared = marc.studyUids(kB);
    QCOMPARE(shared.size(), 1);
    QCOMPARE(marc.studyUids(kC), shared);
    int sharedRows = 0;
    QSet<QString> shown;
    for (const app::FederationPanel::StudyRow& row : panel()->studyRows()) {
        shown.insert(row.studyUid);
        if (row.studyUid == shared.front()) {
            ++sharedRows;
            QCOMPARE(toSet(row.tenantIds), (QSet<QString>{kB, kC}));
        } else {
            QCOMPARE(row.tenantIds, QStringList{kA});
        }
    }
    QCOMPARE(sharedRows, 1);
    QCOMPARE(shown, toSet(marc.studyUids(kA) + shared));
    QCOMPARE(panel()->studyRows().size(), shown.size());
    // The row names both hospitals.
    const QTreeWidget* view = panel()->resultView();
    bool named = false;
    for (int i = 0; i < view->topLevelItem(0)->childCount(); ++i) {
        const QString hospitals =
            view->topLevelItem(0)->child(i)->text(app::FederationPanel::HospitalsColumn);
        named = named || (hospitals.contains(QStringLiteral("Hospital B")) &&
                          hospitals.contains(QStringLiteral("Hospital C")));
    }
    QVERIFY(named);
    saveShot(QStringLiteral("federation_shared_study"));
}

void TestWindowFederation::namesakes_areFlaggedAndNotMerged()
{
    const FederationPatient jean1 = m_federation->patient("jean1");
    const FederationPatient jean2 = m_federation->patient("jean2");
    QCOMPARE(jean1.patientName, jean2.patientName);
    QCOMPARE(jean1.birthDate, jean2.birthDate);
    QVERIFY(jean1.nationalId != jean2.nationalId);
    QVERIFY(m_federation->registry().clear());
    // Both consented to sharing between A and B (the archive checks each patient it answers).
    ConsentSpec first = m_federation->consentFor("jean1", {kA, kB});
    ConsentSpec second = m_federation->consentFor("jean2", {kA, kB});
    QVERIFY(m_federation->registry().putConsent(first));
    QVERIFY(m_federation->registry().putConsent(second));
    QVERIFY(search({}, jean1.patientName, jean1.birthDate));
    QCOMPARE(panel()->tenantState(kB), net::TenantState::Answered);

    // Two persons, never one: jean1's study under one, jean2's under the other.
    QCOMPARE(panel()->personTexts().size(), 2);
    int personOfFirst = -1;
    int personOfSecond = -1;
    for (const app::FederationPanel::StudyRow& row : panel()->studyRows()) {
        if (jean1.studyUids(kA).contains(row.studyUid))
            personOfFirst = row.person;
        if (jean2.studyUids(kB).contains(row.studyUid))
            personOfSecond = row.person;
    }
    QVERIFY(personOfFirst >= 0);
    QVERIFY(personOfSecond >= 0);
    QVERIFY(personOfFirst != personOfSecond);
    // And the likeness is said, once, in words.
    QCOMPARE(panel()->warnings().size(), 1);
    QVERIFY2(panel()->warnings().front().contains(
                 QStringLiteral("two different people share this name and birth date")),
             qPrintable(panel()->warnings().front()));
    QVERIFY(panel()->findChild<QLabel*>(QStringLiteral("federationWarnings"))->isVisible());
    saveShot(QStringLiteral("federation_namesakes"));
}

void TestWindowFederation::emergencyAccess_asksEveryHospitalWithoutConsent()
{
    QVERIFY(m_federation->registry().clear()); // no consent at all
    const FederationPatient anna = m_federation->patient("anna");
    QSignalSpy started(m_session.get(), &net::OidcSession::emergencyAccessStarted);
    QVERIFY(m_window->startEmergencyAccess(QStringLiteral("Unconscious patient in the ER")));
    QVERIFY(started.wait(20000));
    QVERIFY(m_session->isEmergencyAccess());
    QVERIFY(search(anna.nationalId));
    for (const QString& tenant : {kA, kB, kC})
        QCOMPARE(panel()->tenantState(tenant), net::TenantState::Answered);
    QSet<QString> shown;
    for (const app::FederationPanel::StudyRow& row : panel()->studyRows())
        shown.insert(row.studyUid);
    QCOMPARE(shown, toSet(anna.studyUids(kA) + anna.studyUids(kB) + anna.studyUids(kC)));
    saveShot(QStringLiteral("federation_emergency"));

    // Once it ends, consent decides again.
    QSignalSpy ended(m_session.get(), &net::OidcSession::emergencyAccessEnded);
    m_window->endEmergencyAccess();
    QVERIFY(ended.wait(20000));
    QVERIFY(search(anna.nationalId));
    QCOMPARE(panel()->tenantStatusText(kB), QStringLiteral("not searched: no consent on record"));
    QCOMPARE(panel()->tenantStatusText(kC), QStringLiteral("not searched: no consent on record"));
    QCOMPARE(panel()->studyRows().size(), 1);
}

void TestWindowFederation::withdrawnConsent_purgesBsCacheAndClosesItsView()
{
    QVERIFY(m_federation->registry().clear());
    ConsentSpec consent = m_federation->consentFor("anna", {kA, kB});
    QVERIFY(m_federation->registry().putConsent(consent));
    const FederationPatient anna = m_federation->patient("anna");
    QVERIFY(search(anna.nationalId));
    const QString bStudy = anna.studyUids(kB).value(0);
    const QString aStudy = anna.studyUids(kA).value(0);
    const QString bKey = archiveOf(kB).baseUrl.toString();
    const QString aKey = archiveOf(kA).baseUrl.toString();

    // B's study opened from the results (streamed into the view and the cache), A's study
    // streamed into the cache only.
    int bRow = -1;
    const auto rows = panel()->studyRows();
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].studyUid == bStudy)
            bRow = i;
    QVERIFY(bRow >= 0);
    QCOMPARE(rows[bRow].tenantIds, QStringList{kB});
    QVERIFY(panel()->openStudy(bRow));
    m_window->openRemoteStudy(archiveOf(kA), aStudy, false);
    // Both transfers done: the cache stops growing (B's first series, A's whole study).
    const auto cached = [&] {
        return std::pair(m_cache->instances(bKey, bStudy).size(),
                         m_cache->instances(aKey, aStudy).size());
    };
    QVERIFY(QTest::qWaitFor([&] { return cached().first > 1 && cached().second > 1; }, 60000));
    for (auto last = std::pair<qsizetype, qsizetype>{};;) {
        last = cached();
        QTest::qWait(1000);
        if (cached() == last)
            break;
    }
    const qsizetype aCached = cached().second;
    viewer::ImageView* view = m_window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));
    saveShot(QStringLiteral("federation_before_withdrawal"));

    // The patient withdraws the consent; the next search notices and purges.
    consent.status = QStringLiteral("inactive");
    QVERIFY(m_federation->registry().putConsent(consent));
    QVERIFY(search(anna.nationalId));
    QCOMPARE(panel()->tenantStatusText(kB), QStringLiteral("not searched: consent withdrawn"));
    QCOMPARE(panel()->tenantStatusText(kC), QStringLiteral("not searched: no consent on record"));
    QVERIFY(m_cache->instances(bKey, bStudy).isEmpty());
    QVERIFY(!m_cache->studies(bKey).contains(bStudy));
    QCOMPARE(m_cache->instances(aKey, aStudy).size(), aCached); // A's stay
    QVERIFY(!view->hasDisplaySet());
    for (viewer::ImageView* v : m_window->views())
        QVERIFY(!v->hasDisplaySet());
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("consent for Hospital B has been withdrawn")));
    auto* notice = m_window->findChild<QMessageBox*>(QStringLiteral("consentWithdrawnMessage"));
    QVERIFY(notice != nullptr);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Views showing them were closed (1).")),
             qPrintable(notice->text()));
    // Only A's study is listed now.
    QCOMPARE(panel()->studyRows().size(), 1);
    QCOMPARE(panel()->studyRows().front().studyUid, aStudy);
    saveShot(QStringLiteral("federation_after_withdrawal"));
    notice->close();
}

void TestWindowFederation::cleanupTestCase()
{
    m_window.reset(); // the window before the session and cache it uses
    m_session.reset();
    m_cache.reset();
    m_federation.reset();
}

int main(int argc, char* argv[])
{
    QTemporaryDir home; // the application's own files stay private to the test
    for (const char* variable : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        qputenv(variable, home.path().toLocal8Bit());
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestWindowFederation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowfederation.moc"
