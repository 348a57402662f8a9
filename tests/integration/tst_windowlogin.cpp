// The window with sign-in, against the real OpenID Connect provider and an Orthanc that demands
// its access tokens: nothing can be searched before signing in; the signed-in doctor's name,
// hospital and role are shown and drive what may be searched; the bearer token reaches the
// archive for the search and the streamed images; an archive refusing the token gets one
// renewal and then a plain failure; the idle lock hides everything until the doctor signs in
// again (another doctor signing in gets a wiped window); signing out ends the provider session
// and wipes the tokens and every patient-related thing in memory; a provider that is down is
// reported plainly; no token is written to any file or log line of the whole session.

#include "archivetest.h"

#include "audit/audittrail.h"
#include "auth/oidcsession.h"
#include "gui/idlelock.h"
#include "gui/mainwindow.h"
#include "gui/searchpanel.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "support/oidcprovider.h"
#include "support/testbrowser.h"
#include "widgets/imageview.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

using namespace fenestra;
using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
QString g_home;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler != nullptr)
        g_previousHandler(type, context, message);
}

// One window with its own settings and folders, and a session with the provider.
struct Desk
{
    explicit Desk(const OidcProvider& provider, const QString& resource)
    {
        settings = std::make_unique<app::Settings>(dir.filePath(QStringLiteral("settings.ini")));
        net::OidcConfig config;
        config.issuer = provider.issuer();
        config.clientId = provider.clientId();
        config.resource = resource;
        config.loginTimeout = 30s;
        config.requestTimeout = 10s;
        config.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("login")}};
        session = std::make_unique<net::OidcSession>(config, &network);
        window =
            std::make_unique<app::MainWindow>(*settings, dir.filePath(QStringLiteral("notes")));
        auto opened =
            app::AuditTrail::open(dir.filePath(QStringLiteral("audit")), QByteArray(32, '\x5a'));
        if (opened)
            trail = std::move(*opened);
        window->setAuditTrail(trail.get());
        window->setBrowserLauncher([this](const QUrl& url) { launched << url; });
        window->setSession(session.get());
        window->resize(1200, 800);
        window->show();
    }
    ~Desk() { window.reset(); } // the window before the session and the trail it uses

    // The event ids (and type codes) of the trail's records, in order: "110114/110122", ...
    QStringList auditEvents() const
    {
        QStringList events;
        auto records = trail->log().recordsAfter(0, 1000);
        if (!records)
            return {QStringLiteral("unreadable: %1").arg(records.error().toString())};
        static const QRegularExpression code(
            QStringLiteral("<(EventID|EventTypeCode) csd-code=\"(\\d+)\""));
        for (const auto& record : *records) {
            QStringList codes;
            for (auto it = code.globalMatch(QString::fromUtf8(record.xml)); it.hasNext();)
                codes << it.next().captured(2);
            events << codes.join(QLatin1Char('/'));
        }
        return events;
    }

    QString account() const
    {
        return window->findChild<QLabel*>(QStringLiteral("accountStatus"))->text();
    }

    QTemporaryDir dir;
    QNetworkAccessManager network;
    std::unique_ptr<app::Settings> settings;
    std::unique_ptr<net::OidcSession> session;
    std::unique_ptr<app::AuditTrail> trail;
    std::unique_ptr<app::MainWindow> window;
    QList<QUrl> launched; // what the window asked the system browser to open
};

} // namespace

class TestWindowLogin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void beforeSignIn_searchIsNotOffered();
    void signIn_showsTheDoctorAndSearchesAndStreamsWithTheToken();
    void roleThatMayNotSearch_isToldSo();
    void emergencyAccess_needsAReason_showsABannerAndEnds();
    void sessionEnded_promptsSignInAndKeepsTheOpenStudy();
    void archiveRefusingTheToken_getsOneRenewalThenFailsPlainly();
    void idleLock_hidesUntilSignInAgain_andAnotherDoctorGetsAWipedWindow();
    void signOut_endsProviderSessionAndWipesTokensAndPatientData();
    void providerDown_isReportedPlainly();
    void secrets_noTokenInAnyFileOrLogLine();

private:
    // Plays the browser for the sign-in the window just started; true once signed in.
    bool signIn(Desk& desk, const OidcProvider::User& user);
    QSet<QByteArray> m_tokensSeen;

    std::unique_ptr<OidcProvider> m_provider;
    std::unique_ptr<OrthancServer> m_orthanc;      // accepts the provider's archive audience
    std::unique_ptr<OrthancServer> m_otherOrthanc; // wants another audience: always refuses
    ManifestStudy m_ct;
    TestBrowser m_browser;
};

bool TestWindowLogin::signIn(Desk& desk, const OidcProvider::User& user)
{
    QSignalSpy in(desk.session.get(), &net::OidcSession::loggedIn);
    if (desk.launched.isEmpty() &&
        !QTest::qWaitFor([&] { return !desk.launched.isEmpty(); }, 10000))
        return false;
    const QUrl url = desk.launched.takeLast();
    QString error;
    m_browser.clearCookies(); // the doctor types the password (prompt=login anyway)
    const QUrl redirect = m_browser.authorize(url, user.username, user.password, &error);
    if (!redirect.isValid()) {
        qWarning("browser: %s", qPrintable(error));
        return false;
    }
    if (in.isEmpty() && !in.wait(20000))
        return false;
    for (const QByteArray& token : {desk.session->accessToken()})
        m_tokensSeen.insert(token);
    return true;
}

void TestWindowLogin::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(captureMessage);
    m_ct = readManifest(QStringLiteral(FENESTRA_TEST_DATA)).value(QStringLiteral("ct"));
    QVERIFY(!m_ct.files().isEmpty());
    OidcProvider::Options options;
    OidcProvider::User clerk{QStringLiteral("carol"),       QStringLiteral("carol-secret-3"),
                             QStringLiteral("Carol Clerk"), QStringLiteral("hospital-a"),
                             QStringLiteral("Hospital A"),  QStringLiteral("secretary")};
    options.users = OidcProvider::defaultUsers();
    options.users << clerk;
    m_provider = std::make_unique<OidcProvider>(options);
    QVERIFY2(m_provider->start(), qPrintable(m_provider->lastError()));
    OrthancServer::Options orthanc;
    orthanc.pythonScript = OidcProvider::orthancFilterScript();
    orthanc.extraConfiguration = m_provider->orthancConfiguration();
    m_orthanc = std::make_unique<OrthancServer>(orthanc);
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QCOMPARE(m_orthanc->uploadAll(m_ct.files()), int(m_ct.files().size()));
    orthanc.extraConfiguration = m_provider->orthancConfiguration(m_provider->otherAudience());
    m_otherOrthanc = std::make_unique<OrthancServer>(orthanc);
    QVERIFY2(m_otherOrthanc->start(), qPrintable(m_otherOrthanc->lastError()));
    QVERIFY(m_otherOrthanc->upload(m_ct.files().first()));
}

void TestWindowLogin::beforeSignIn_searchIsNotOffered()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
    app::SearchPanel* panel = desk.window->searchPanel();
    QVERIFY(!panel->isSearchAllowed());
    QCOMPARE(panel->notAllowedReason(), QStringLiteral("Sign in to search the archives."));
    QVERIFY(!panel->searchButton()->isEnabled());
    panel->search(); // even when asked directly, nothing is sent
    QVERIFY(!panel->isSearching());
    QCOMPARE(desk.account(), QStringLiteral("Not signed in"));
}

void TestWindowLogin::signIn_showsTheDoctorAndSearchesAndStreamsWithTheToken()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
    desk.session->login();
    const OidcProvider::User alice = OidcProvider::defaultUsers().at(0);
    QVERIFY(signIn(desk, alice));
    QCOMPARE(
        desk.account(),
        QStringLiteral("%1 \u00b7 %2 \u00b7 physician").arg(alice.name, alice.organisationName));
    app::SearchPanel* panel = desk.window->searchPanel();
    QVERIFY(panel->isSearchAllowed());

    // The search carries the bearer token: the token-checking archive answers.
    QSignalSpy searched(panel, &app::SearchPanel::searchFinished);
    panel->search();
    QVERIFY(searched.wait(30000));
    QCOMPARE(panel->archiveState(0), app::SearchPanel::ArchiveState::Done);
    QCOMPARE(panel->resultCount(), 1);
    QCOMPARE(panel->studyUidAt(0), m_ct.studyUid);

    // So do the series list, the metadata and the streamed instances.
    desk.window->openRemoteStudy(panel->archiveAt(0), m_ct.studyUid, true);
    viewer::ImageView* view = desk.window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));
    QCOMPARE(view->frameCount(), int(m_ct.files().size()));
    QVERIFY(QTest::qWaitFor([&] { return view->isFrameReady(view->frameCount() - 1); }, 60000));
    QTest::qWait(100);
    // For people to look at: the signed-in doctor in the status bar, the streamed study.
    QVERIFY(desk.window->screen()
                ->grabWindow(desk.window->winId())
                .save(QStringLiteral("windowlogin-signed-in.png")));
}

void TestWindowLogin::roleThatMayNotSearch_isToldSo()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
    desk.session->login();
    QVERIFY(signIn(desk, m_provider->options().users.last())); // carol, a secretary
    QVERIFY(desk.account().startsWith(QStringLiteral("Carol Clerk")));
    QVERIFY(!desk.window->searchPanel()->isSearchAllowed());
    QCOMPARE(desk.window->searchPanel()->notAllowedReason(),
             QStringLiteral("Your role (secretary) does not allow searching the archives."));
}

void TestWindowLogin::emergencyAccess_needsAReason_showsABannerAndEnds()
{
    Desk desk(*m_provider, m_provider->audience());
    QVERIFY(!desk.window->startEmergencyAccess(QStringLiteral("Unconscious patient")));
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    auto* banner = desk.window->findChild<QToolBar*>(QStringLiteral("emergencyBanner"));
    QVERIFY(banner != nullptr && !banner->isVisible());
    QVERIFY(!desk.window->startEmergencyAccess(QStringLiteral("urgent"))); // not a reason
    QSignalSpy started(desk.session.get(), &net::OidcSession::emergencyAccessStarted);
    QVERIFY(desk.window->startEmergencyAccess(QStringLiteral("Unconscious patient, A&E")));
    QVERIFY(started.wait(10000));
    QVERIFY(banner->isVisible());
    const QString text = banner->findChild<QLabel*>()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Emergency access until ")), qPrintable(text));
    m_tokensSeen.insert(desk.session->accessToken());
    QSignalSpy ended(desk.session.get(), &net::OidcSession::emergencyAccessEnded);
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("emergencyEnd")),
                      Qt::LeftButton);
    QVERIFY(ended.wait(10000));
    QVERIFY(!banner->isVisible());
    const QStringList events = desk.auditEvents();
    QVERIFY2(events.contains(QStringLiteral("110113/110127")), qPrintable(events.join(' ')));
    QVERIFY2(events.contains(QStringLiteral("110113/110138")), qPrintable(events.join(' ')));
    auto records = desk.trail->log().recordsAfter(0, 100);
    QVERIFY(records && std::any_of(records->begin(), records->end(), [](const auto& r) {
                // The written reason, as the alert's detail (base64 in the schema).
                return r.xml.contains(QByteArray("Unconscious patient, A&E").toBase64());
            }));
    // A general practitioner outside the hospital cannot break the glass.
    desk.window->signOut();
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(1)));
    const QList<QAction*> actions = desk.window->findChildren<QAction*>();
    const auto emergency = std::find_if(actions.begin(), actions.end(), [](QAction* a) {
        return a->text().startsWith(QStringLiteral("&Emergency access"));
    });
    QVERIFY(emergency != actions.end());
    QVERIFY(!(*emergency)->isEnabled());
}

void TestWindowLogin::sessionEnded_promptsSignInAndKeepsTheOpenStudy()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    desk.window->openPaths(m_ct.files());
    viewer::ImageView* view = desk.window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));

    // An archive refused even a renewed token: the session asks for a new sign-in.
    desk.launched.clear();
    desk.session->handleUnauthorized(true);
    QMessageBox* box = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            box = desk.window->findChild<QMessageBox*>(QStringLiteral("sessionMessage"));
            return box != nullptr && box->isVisible();
        },
        10000));
    QCOMPARE(box->windowTitle(), QStringLiteral("Sign in again"));
    QVERIFY(box->text().startsWith(QStringLiteral("Your session has ended: ")));
    QCOMPARE(desk.account(), QStringLiteral("Session ended: sign in again"));
    QVERIFY(view->hasDisplaySet()); // the open work stays
    auto* signInButton = box->findChild<QPushButton*>(QStringLiteral("sessionSignIn"));
    QVERIFY(signInButton != nullptr);
    QTest::mouseClick(signInButton, Qt::LeftButton);
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    QVERIFY(view->hasDisplaySet());
    QVERIFY(desk.account().startsWith(OidcProvider::defaultUsers().at(0).name));
}

void TestWindowLogin::archiveRefusingTheToken_getsOneRenewalThenFailsPlainly()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())},
                              {QStringLiteral("Hospital B"), QUrl(m_otherOrthanc->dicomWebUrl())}});
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    const QByteArray before = desk.session->accessToken();
    QSignalSpy refreshed(desk.session.get(), &net::OidcSession::tokensRefreshed);
    app::SearchPanel* panel = desk.window->searchPanel();
    QSignalSpy searched(panel, &app::SearchPanel::searchFinished);
    panel->search();
    QVERIFY(QTest::qWaitFor([&] { return !searched.isEmpty() && !panel->isSearching(); }, 30000));
    // B refused the token: it was renewed once, B asked again, refused again: a plain failure.
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(desk.session->accessToken() != before);
    QCOMPARE(panel->archiveState(1), app::SearchPanel::ArchiveState::Failed);
    QCOMPARE(panel->archiveStatusText(1),
             QStringLiteral("Hospital B: error: The archive refused access. (HTTP 403)"));
    // A's results are there all the same.
    QCOMPARE(panel->archiveState(0), app::SearchPanel::ArchiveState::Done);
    QCOMPARE(panel->resultCount(), 1);
    m_tokensSeen.insert(desk.session->accessToken());
}

void TestWindowLogin::idleLock_hidesUntilSignInAgain_andAnotherDoctorGetsAWipedWindow()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    desk.window->openPaths(m_ct.files());
    viewer::ImageView* view = desk.window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));

    // Idle: the window locks by itself.
    desk.window->idleWatcher()->setTimeout(400ms);
    QVERIFY(QTest::qWaitFor([&] { return desk.window->isLocked(); }, 5000));
    auto* cover = desk.window->findChild<app::LockScreen*>();
    QVERIFY(cover->isVisible());
    QCOMPARE(cover->geometry(), desk.window->rect());
    auto* signInAgain = cover->findChild<QPushButton*>(QStringLiteral("lockSignIn"));
    QTest::qWait(100);
    QVERIFY(desk.window->screen()
                ->grabWindow(desk.window->winId())
                .save(QStringLiteral("windowlogin-locked.png")));

    // The same doctor signs in again: unlocked, the study still open.
    desk.launched.clear();
    QTest::mouseClick(signInAgain, Qt::LeftButton);
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    QVERIFY(!desk.window->isLocked());
    QVERIFY(view->hasDisplaySet());

    // Locked again; another doctor signs in at this desk: nothing of the first one's remains.
    desk.window->lockSession();
    QVERIFY(desk.window->isLocked());
    desk.launched.clear();
    QTest::mouseClick(signInAgain, Qt::LeftButton);
    const OidcProvider::User bob = OidcProvider::defaultUsers().at(1);
    QVERIFY(signIn(desk, bob));
    QVERIFY(!desk.window->isLocked());
    QVERIFY(!view->hasDisplaySet());
    QVERIFY(desk.window->displaySetKeys().isEmpty());
    QCOMPARE(desk.account(), QStringLiteral("%1 \u00b7 %2 \u00b7 general practitioner")
                                 .arg(bob.name, bob.organisationName));
}

void TestWindowLogin::signOut_endsProviderSessionAndWipesTokensAndPatientData()
{
    Desk desk(*m_provider, m_provider->audience());
    desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
    desk.session->login();
    QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
    app::SearchPanel* panel = desk.window->searchPanel();
    QSignalSpy searched(panel, &app::SearchPanel::searchFinished);
    panel->search();
    QVERIFY(searched.wait(30000));
    QCOMPARE(panel->resultCount(), 1);
    desk.window->openRemoteStudy(panel->archiveAt(0), m_ct.studyUid, true);
    viewer::ImageView* view = desk.window->activeView();
    QVERIFY(QTest::qWaitFor([&] { return view->hasDisplaySet(); }, 30000));

    desk.launched.clear();
    QSignalSpy out(desk.session.get(), &net::OidcSession::loggedOut);
    desk.window->signOut();
    QVERIFY(out.count() == 1 || out.wait(10000));
    // Tokens gone; studies, images and results gone; searching needs a new sign-in.
    QVERIFY(desk.session->accessToken().isEmpty());
    QVERIFY(!view->hasDisplaySet());
    QVERIFY(desk.window->displaySetKeys().isEmpty());
    QCOMPARE(panel->resultCount(), 0);
    // Every step is in the audit trail, in order, and the chain verifies.
    const QStringList events = desk.auditEvents();
    QCOMPARE(events.first(), QStringLiteral("110114/110122"));                         // login
    QVERIFY2(events.contains(QStringLiteral("110112")), qPrintable(events.join(' '))); // query
    QVERIFY2(events.contains(QStringLiteral("110103")), qPrintable(events.join(' '))); // viewed
    QCOMPARE(events.last(), QStringLiteral("110114/110123"));                          // logout
    auto report = desk.trail->log().verify();
    QVERIFY(report && report->intact() && report->verifiedRecords == events.size());
    QVERIFY(panel->patientNameField()->text().isEmpty());
    QVERIFY(!panel->isSearchAllowed());
    QCOMPARE(desk.account(), QStringLiteral("Not signed in"));
    // The provider's session ends in the browser (RP-initiated logout).
    QVERIFY(QTest::qWaitFor([&] { return !desk.launched.isEmpty(); }, 10000));
    const QUrl logout = desk.launched.last();
    QVERIFY(logout.toString().startsWith(m_provider->issuer()));
    QString error;
    QVERIFY2(m_browser.endSession(logout, &error), qPrintable(error));
}

void TestWindowLogin::providerDown_isReportedPlainly()
{
    OidcProvider::Options options;
    OidcProvider down(options);
    QVERIFY2(down.start(), qPrintable(down.lastError()));
    Desk desk(down, down.audience());
    QVERIFY(down.stop());
    desk.session->login();
    QMessageBox* box = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            box = desk.window->findChild<QMessageBox*>(QStringLiteral("sessionMessage"));
            return box != nullptr && box->isVisible();
        },
        20000));
    QCOMPARE(box->windowTitle(), QStringLiteral("Sign-in failed"));
    QVERIFY2(box->text().startsWith(
                 QStringLiteral("cannot reach the identity provider at %1").arg(down.issuer())),
             qPrintable(box->text()));
    box->close();
    QVERIFY(!desk.window->searchPanel()->isSearchAllowed());
}

void TestWindowLogin::secrets_noTokenInAnyFileOrLogLine()
{
    // A whole session in one desk, its folders then scanned: settings, notes, caches.
    QByteArray refresh;
    {
        Desk desk(*m_provider, m_provider->audience());
        desk.window->setArchives({{QStringLiteral("Hospital A"), QUrl(m_orthanc->dicomWebUrl())}});
        desk.session->login();
        QVERIFY(signIn(desk, OidcProvider::defaultUsers().at(0)));
        QSignalSpy refreshed(desk.session.get(), &net::OidcSession::tokensRefreshed);
        desk.session->refresh();
        QVERIFY(refreshed.wait(10000));
        m_tokensSeen.insert(desk.session->accessToken());
        desk.settings->setIdleLockMinutes(5);
        desk.settings->sync();
        QStringList files;
        for (const QString& root : {desk.dir.path(), g_home}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        QVERIFY(!files.isEmpty()); // the settings file at least
        for (const QString& path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QByteArray& token : std::as_const(m_tokensSeen)) {
                QVERIFY(!token.isEmpty());
                const QByteArray signature = token.mid(token.lastIndexOf('.') + 1);
                QVERIFY2(!bytes.contains(token) && !bytes.contains(signature), qPrintable(path));
            }
        }
        desk.window->signOut();
    }
    QMutexLocker lock(&g_logMutex);
    for (const QString& line : std::as_const(g_log))
        for (const QByteArray& token : std::as_const(m_tokensSeen)) {
            const QByteArray signature = token.mid(token.lastIndexOf('.') + 1);
            QVERIFY2(!line.toUtf8().contains(signature), "a token signature in the log");
        }
}

int main(int argc, char* argv[])
{
    // Everything the application writes of its own (settings, caches, notes) goes to a private
    // home, scanned by the secrets test.
    QTemporaryDir home;
    g_home = home.path();
    for (const char* variable : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        qputenv(variable, home.path().toLocal8Bit());
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    TestWindowLogin test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowlogin.moc"
