#include "viewerapplication.h"

#include "audit/audittrail.h"
#include "auth/oidcsession.h"
#include "auth/tokenstore.h"
#include "cache/instancecache.h"
#include "cache/keychainkeystore.h"
#include "cache/keystore.h"
#include "federation/tenantdirectory.h"
#include "gui/archivesettings.h"
#include "mainwindow.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "tls/archivetls.h"
#include "tls/clientkeypasswords.h"
#include "translations.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSurfaceFormat>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <utility>

namespace fenestra::app {

namespace {

// For scripts and tests: once the paths are open and the first image is on screen, save a
// picture of the window and quit.
void screenshotWhenShown(MainWindow& window, const QString& file)
{
    auto save = [&window, file] {
        QTimer::singleShot(300, &window, [&window, file] {
            // What the display shows (read back from the window system), not a re-render.
            const QPixmap shot = window.screen()->grabWindow(window.winId());
            QApplication::exit(shot.save(file) ? 0 : 1);
        });
    };
    QObject::connect(&window, &MainWindow::opened, &window, [&window, save] {
        viewer::ImageView* view = window.activeView();
        if (view == nullptr || !view->hasDisplaySet() || view->isFrameReady(view->currentIndex())) {
            save();
            return;
        }
        QObject::connect(view, &viewer::ImageView::frameShown, &window, save,
                         Qt::SingleShotConnection);
    });
}

// The encrypted instance cache: its key in the OS keyring, or, without one, a key that lives
// only in this process (a session cache in a folder of its own, so that a keyring that is
// only unavailable today never costs the persistent cache).
std::unique_ptr<net::InstanceCache>
openInstanceCache(const Settings& settings, const net::Result<net::CacheKeyChoice>& choice,
                  QStringList& notices)
{
    if (!choice)
        return nullptr;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    dir += choice->persistent ? QStringLiteral("/instances") : QStringLiteral("/session-instances");
    QDir().mkpath(dir);
    net::CacheOptions options;
    options.maxBytes = qint64(settings.diskCacheMb()) << 20;
    auto cache = net::InstanceCache::open(dir, choice->key, options);
    if (!cache)
        return nullptr;
    if (!choice->persistent)
        notices << MainWindow::tr("No keyring is available: images received from archives are "
                                  "kept for this session only.");
    return std::move(*cache);
}

// The audit trail, encrypted under the same keyring key (the log derives its own subkey). With
// a session key only, each session writes a log of its own, readable while it runs.
std::unique_ptr<AuditTrail> openAuditTrail(const net::Result<net::CacheKeyChoice>& choice,
                                           QStringList& notices)
{
    if (!choice)
        return nullptr;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dir += choice->persistent
               ? QStringLiteral("/audit")
               : QStringLiteral("/audit-session-%1").arg(QDateTime::currentMSecsSinceEpoch());
    QDir().mkpath(dir);
    auto trail = AuditTrail::open(dir, choice->key);
    if (!trail) {
        notices << MainWindow::tr("The audit log cannot be opened: %1")
                       .arg(describeArchiveError(trail.error()));
        return nullptr;
    }
    return std::move(*trail);
}

} // namespace

QString connectAuditCollector(AuditTrail& trail, const net::AuditCollectorConfig& collector,
                              MainWindow& window)
{
    if (collector.port == 0)
        return {};
    const QString where = QStringLiteral("%1:%2").arg(collector.host).arg(collector.port);
    if (collector.caBundleFile.isEmpty())
        return MainWindow::tr("Audit records are not sent to the collector %1: the federation "
                              "names no certificate authority for it (auditCollector.caBundle). "
                              "They are kept in the local audit log.")
            .arg(where);
    const auto authorities = net::loadCaBundle(collector.caBundleFile);
    if (!authorities)
        return MainWindow::tr("Audit records are not sent to the collector %1, its certificate "
                              "authority cannot be used: %2. They are kept in the local audit log.")
            .arg(where, authorities.error().detail);
    net::audit::SyslogOptions options;
    options.host = collector.host;
    options.port = collector.port;
    options.caCertificates = *authorities;
    trail.setCollector(options);
    net::audit::SyslogSender* sender = trail.sender();
    if (sender == nullptr || sender->state() == net::audit::SyslogSender::State::Stopped)
        return MainWindow::tr("Audit records cannot be sent to the collector %1 (the record of "
                              "what was delivered does not match this audit log). They are kept "
                              "in the local audit log.")
            .arg(where);
    // Said once per outage (the sender retries with back-off), again after a delivery.
    auto said = std::make_shared<bool>(false);
    QObject::connect(sender, &net::audit::SyslogSender::failed, &window,
                     [&window, said, where](const net::Error& error) {
                         if (std::exchange(*said, true))
                             return;
                         window.statusBar()->showMessage(
                             MainWindow::tr("The audit collector %1 cannot be reached (%2). Audit "
                                            "records are kept and sent when it is back.")
                                 .arg(where, error.detail),
                             15000);
                     });
    QObject::connect(sender, &net::audit::SyslogSender::delivered, &window,
                     [said] { *said = false; });
    return {};
}

int runViewer(int argc, char* argv[])
{
    // VTK renders into an OpenGL 3.2 core context: every widget context must be created so.
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fenestra"));
    QApplication::setOrganizationName(QStringLiteral("Fenestra"));
    QApplication::setApplicationVersion(QStringLiteral(FENESTRA_VERSION));
    installTranslations(app);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        MainWindow::tr("Files, folders, DICOMDIR or zip archives to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        MainWindow::tr("Save a screenshot of the window and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    MainWindow::tr("View layout: 1x1, 1x2, 2x1, 2x2 or 3x3."),
                                    QStringLiteral("rows x columns"));
    const QCommandLineOption archive(
        QStringLiteral("archive"),
        MainWindow::tr("A DICOMweb archive to search for this session (URL or NAME=URL)."),
        QStringLiteral("url"));
    const QCommandLineOption identity(
        QStringLiteral("sign-in"),
        MainWindow::tr("The OpenID Connect provider doctors sign in with, for this session "
                       "(its issuer URL)."),
        QStringLiteral("issuer"));
    const QCommandLineOption federationOption(
        QStringLiteral("federation"),
        MainWindow::tr("The federation configuration (JSON) to search patients across hospitals "
                       "with, for this session."),
        QStringLiteral("file"));
    parser.addOption(federationOption);
    parser.addOption(identity);
    parser.addOption(screenshot);
    parser.addOption(layout);
    parser.addOption(archive);
    parser.process(app);

    Settings settings;
    QList<net::ArchiveConfig> session;
    for (const QString& value : parser.values(archive)) {
        auto parsed = archiveFromCommandLine(value);
        if (!parsed) {
            QTextStream(stderr) << MainWindow::tr("--archive %1: %2")
                                       .arg(value, describeArchiveError(parsed.error()))
                                << '\n';
            return 1;
        }
        session << *parsed;
    }
    QStringList notices;
    net::KeychainKeyStore keyring;
    net::MemoryKeyStore sessionKeys;
    const auto key = net::chooseCacheKey(keyring, sessionKeys);
    const std::unique_ptr<net::InstanceCache> cache = openInstanceCache(settings, key, notices);
    const std::unique_ptr<AuditTrail> trail = openAuditTrail(key, notices);
    // The doctor's session with the identity provider: created before the window and destroyed
    // after it (the window's requests ask it for the access token).
    const QUrl issuer =
        parser.isSet(identity) ? QUrl(parser.value(identity)) : settings.identityIssuer();
    if (parser.isSet(identity) && (!issuer.isValid() || issuer.host().isEmpty())) {
        QTextStream(stderr)
            << MainWindow::tr("--sign-in %1: not an http or https URL").arg(parser.value(identity))
            << '\n';
        return 1;
    }
    QNetworkAccessManager sessionNetwork;
    net::KeychainTokenStore tokens;
    std::unique_ptr<net::OidcSession> doctor;
    if (!issuer.isEmpty()) {
        net::OidcConfig config;
        config.issuer = issuer.toString(QUrl::StripTrailingSlash);
        config.clientId = settings.identityClientId();
        config.resource = settings.identityResource();
        // Every sign-in is a real one (after an idle lock, above all): no silent single sign-on.
        config.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("login")}};
        doctor = std::make_unique<net::OidcSession>(config, &sessionNetwork);
        doctor->setTokenStore(&tokens);
    }
    MainWindow window(settings);
    window.setSession(doctor.get());
    window.setInstanceCache(cache.get());
    window.setAuditTrail(trail.get());
    // Client certificate passwords come from the OS keyring, never from the settings file.
    QList<net::ArchiveConfig> saved = settings.archives();
    for (const QString& failure : loadClientKeyPasswords(saved, net::ClientKeyPasswords{}))
        notices << MainWindow::tr("A client certificate password could not be read from the "
                                  "keyring: %1")
                       .arg(failure);
    window.setArchives(mergeArchives(saved, session));
    // The federation: searched across hospitals with the patient's consent.
    const QString federationFile =
        parser.isSet(federationOption) ? parser.value(federationOption) : settings.federationFile();
    if (!federationFile.isEmpty()) {
        auto federation = net::loadFederationConfig(federationFile);
        if (!federation) {
            if (parser.isSet(federationOption)) {
                QTextStream(stderr) << MainWindow::tr("--federation %1: %2")
                                           .arg(federationFile, federation.error().detail)
                                    << '\n';
                return 1;
            }
            notices << MainWindow::tr("The federation configuration cannot be read: %1")
                           .arg(federation.error().detail);
        } else {
            window.setFederation(*federation);
            if (trail)
                if (const QString problem =
                        connectAuditCollector(*trail, federation->auditCollector, window);
                    !problem.isEmpty())
                    notices << problem;
        }
    }
    if (parser.isSet(layout)) {
        const ViewLayout chosen = ViewLayout::parse(parser.value(layout));
        window.setViewLayout(chosen.rows, chosen.columns);
    }
    window.show();
    if (parser.isSet(screenshot))
        screenshotWhenShown(window, parser.value(screenshot));
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    for (const QString& notice : notices)
        window.statusBar()->showMessage(notice, 10000);
    if (doctor)
        doctor->login(); // the doctor signs in first; local files open meanwhile
    const int result = QApplication::exec();
    QThreadPool::globalInstance()->waitForDone(); // no cache write outlives the cache
    return result;
}

} // namespace fenestra::app
