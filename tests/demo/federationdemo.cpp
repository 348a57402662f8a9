#include "federationdemo.h"

#include "auth/oidcsession.h"
#include "cache/instancecache.h"
#include "federation/tenantdirectory.h"
#include "gui/federationpanel.h"
#include "gui/mainwindow.h"
#include "settings.h"
#include "widgets/imageview.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <chrono>

using namespace std::chrono_literals;

namespace fenestra::demo {

namespace {

// The demo doctor's hospital, the hospital the patient's consent also covers, and the patient.
const QString kOwnHospital = QStringLiteral("hospital-a");
const QString kConsentedHospital = QStringLiteral("hospital-b");
const QString kPatient = QStringLiteral("anna"); // held by all three hospitals

// How long the first image may take once the study is asked for.
constexpr int kImageTimeoutMs = 120000;

void progress(const QString& line)
{
    QTextStream(stderr) << "demo: " << line << '\n';
}

} // namespace

FederationDemo::FederationDemo(QObject* parent) : QObject(parent) {}

FederationDemo::~FederationDemo()
{
    m_window.reset(); // the window before the session and cache it uses
    m_session.reset();
    m_cache.reset();
    m_federation.reset(); // stops the provider, the registry and the Orthancs
}

bool FederationDemo::start()
{
    if (!m_dir.isValid()) {
        m_lastError = tr("Cannot create a temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    if (!startFederation())
        return false;
    const QString file = m_dir.filePath(QStringLiteral("federation.json"));
    if (!writeFederationFile(file))
        return false;
    // Read back as the viewer reads --federation: the demo exercises the real file format.
    auto federation = net::loadFederationConfig(file);
    if (!federation) {
        m_lastError =
            tr("The federation configuration cannot be read: %1").arg(federation.error().detail);
        return false;
    }
    progress(tr("federation configuration: %1").arg(file));
    return createWindow(*federation);
}

bool FederationDemo::startFederation()
{
    progress(tr("starting the test federation (identity provider, consent registry, three "
                "hospital archives)..."));
    integration::TestFederation::Options options;
    options.dataDirectory = m_dir.filePath(QStringLiteral("federation-data"));
    // A demo lasts longer than a test: tokens refresh less often.
    options.accessTokenTtlSeconds = 3600;
    m_federation = std::make_unique<integration::TestFederation>(options);
    if (!m_federation->start()) {
        m_lastError = tr("The test federation cannot start: %1").arg(m_federation->lastError());
        return false;
    }
    // The patient agreed to share between the doctor's hospital and hospital B only.
    if (!m_federation->registry().putConsent(
            m_federation->consentFor(kPatient, {kOwnHospital, kConsentedHospital}))) {
        m_lastError = tr("The consent registry refused the demo consent.");
        return false;
    }
    for (const integration::FederationTenant& tenant : m_federation->tenants())
        progress(tr("%1: %2").arg(tenant.name, tenant.dicomWebUrl));
    return true;
}

bool FederationDemo::writeFederationFile(const QString& path)
{
    QJsonArray tenants;
    for (const integration::FederationTenant& tenant : m_federation->tenants())
        tenants.append(QJsonObject{{QStringLiteral("id"), tenant.id},
                                   {QStringLiteral("name"), tenant.name},
                                   {QStringLiteral("dicomweb"), tenant.dicomWebUrl}});
    // Orthanc's QIDO answers never carry the Other Patient IDs sequence: the retired Other
    // Patient IDs are accepted as national identifiers, as a deployment on Orthanc would.
    const QJsonObject nationalId{
        {QStringLiteral("issuer"), integration::TestFederation::nationalIdIssuer()},
        {QStringLiteral("acceptUnqualifiedOtherIds"), true}};
    const QJsonObject config{{QStringLiteral("federation"), QStringLiteral("Demo federation")},
                             {QStringLiteral("nationalIdentifier"), nationalId},
                             {QStringLiteral("consentRegistry"), m_federation->registry().url()},
                             {QStringLiteral("tenants"), tenants}};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(config).toJson()) < 0) {
        m_lastError = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool FederationDemo::createWindow(const net::FederationConfig& federation)
{
    m_settings = std::make_unique<app::Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    // The cache key lives in this process only, like a session without a keyring.
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), 8);
    auto cache = net::InstanceCache::open(m_dir.filePath(QStringLiteral("cache")), key);
    if (!cache) {
        m_lastError = tr("The instance cache cannot be opened.");
        return false;
    }
    m_cache = std::move(*cache);

    net::OidcConfig oidc;
    oidc.issuer = m_federation->provider().issuer();
    oidc.clientId = m_federation->provider().clientId();
    oidc.resource = m_federation->provider().audience();
    oidc.loginTimeout = 60s;
    oidc.requestTimeout = 20s;
    oidc.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("login")}};
    m_session = std::make_unique<net::OidcSession>(oidc, &m_network);
    connect(m_session.get(), &net::OidcSession::loggedIn, this, &FederationDemo::searchDemoPatient);
    connect(m_session.get(), &net::OidcSession::loginFailed, this,
            [this](const net::Error& error) { emit failed(error.detail); });

    m_window =
        std::make_unique<app::MainWindow>(*m_settings, m_dir.filePath(QStringLiteral("notes")));
    // The system browser is played by the harness's user agent, after login() has returned.
    m_window->setBrowserLauncher(
        [this](const QUrl& url) { QTimer::singleShot(0, this, [this, url] { signIn(url); }); });
    m_window->setSession(m_session.get());
    m_window->setInstanceCache(m_cache.get());
    m_window->setFederation(federation);
    connect(m_window->federationPanel(), &app::FederationPanel::searchFinished, this,
            &FederationDemo::openFirstResult, Qt::SingleShotConnection);
    m_window->resize(1600, 1000);
    m_window->show();
    m_session->login();
    return true;
}

void FederationDemo::signIn(const QUrl& authorizationUrl)
{
    const integration::OidcProvider::User doctor = m_federation->userOf(kOwnHospital);
    progress(tr("signing in %1 (%2) through the test browser")
                 .arg(doctor.name, doctor.organisationName));
    QString error;
    if (!m_browser.authorize(authorizationUrl, doctor.username, doctor.password, &error).isValid())
        emit failed(tr("The demo doctor cannot sign in: %1").arg(error));
}

void FederationDemo::searchDemoPatient()
{
    app::FederationPanel* panel = m_window->federationPanel();
    progress(tr("searching the demo patient across the hospitals"));
    panel->nationalIdField()->setText(m_federation->patient(kPatient).nationalId);
    panel->searchButton()->click();
    if (!panel->errorText().isEmpty())
        emit failed(tr("The search was refused: %1").arg(panel->errorText()));
}

void FederationDemo::openFirstResult()
{
    app::FederationPanel* panel = m_window->federationPanel();
    for (const integration::FederationTenant& tenant : m_federation->tenants())
        progress(tr("%1: %2").arg(tenant.name, panel->tenantStatusText(tenant.id)));
    if (panel->studyRows().isEmpty() || !panel->openStudy(0)) {
        emit failed(tr("The search found no study to open."));
        return;
    }
    waitForFirstImage();
}

// The study streams in: its first series reaches the active view, then its first frame is
// decoded. Polled, because the view receiving it is only known once the series is described.
void FederationDemo::waitForFirstImage()
{
    auto* poll = new QTimer(this);
    auto* deadline = new QTimer(poll);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, poll] {
        poll->deleteLater();
        emit failed(tr("The first image did not arrive in time."));
    });
    connect(poll, &QTimer::timeout, this, [this, poll] {
        const viewer::ImageView* view = m_window->activeView();
        if (view == nullptr || !view->hasDisplaySet() || !view->isFrameReady(view->currentIndex()))
            return;
        poll->deleteLater();
        progress(tr("the first study found is on screen"));
        emit imageShown();
    });
    poll->start(100);
    deadline->start(kImageTimeoutMs);
}

} // namespace fenestra::demo
