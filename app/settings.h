#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QSettings;

namespace fenestra::net {
struct ArchiveConfig; // dicomweb/archiveconfig.h (through gui/archivesettings.h)
}

namespace fenestra::app {

// A grid of views: rows x columns.
struct ViewLayout
{
    int rows = 1;
    int columns = 1;
    bool operator==(const ViewLayout&) const = default;

    // The layouts the window offers: 1x1, 1x2, 2x1, 2x2, 3x3.
    static bool isSupported(int rows, int columns);
    // "2x3" (rows x columns); parse() returns {0, 0} for anything that is not supported.
    QString toString() const;
    static ViewLayout parse(const QString& text);
};

// The user's preferences, typed, over QSettings. Every getter validates what it reads and
// falls back to the default, so a hand-edited or stale file never yields an unusable value.
// The default constructor uses the per-user store of organisation and application "Fenestra"
// (shared by the window and the command-line tools); the other one an INI file (tests, portable
// installs).
//
// Thread contract: reentrant; an instance is used by one thread at a time (QSettings itself
// synchronises the store between instances).
class Settings
{
public:
    Settings();
    explicit Settings(const QString& iniFile);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // "" follows the system locale; otherwise one of supportedLanguages().
    static QStringList supportedLanguages(); // "en", "fr", "de"
    QString language() const;
    void setLanguage(const QString& code);

    // Most recent first, as stored (RecentItems prunes and caps the list).
    QStringList recentPaths() const;
    void setRecentPaths(const QStringList& paths);

    ViewLayout viewLayout() const; // default 1x1
    void setViewLayout(ViewLayout layout);

    bool annotationsVisible() const; // default true
    void setAnnotationsVisible(bool visible);

    bool linearInterpolation() const; // default true (false: nearest neighbour)
    void setLinearInterpolation(bool linear);

    static constexpr double kMinimumCineFps = 1.0;
    static constexpr double kMaximumCineFps = 120.0;
    double cineFps() const; // default 10, used when the header gives no rate
    void setCineFps(double fps);

    // Parallel transfers per streamed series (Qt opens at most 6 connections per host).
    static constexpr int kMinimumConnections = 1;
    static constexpr int kMaximumConnections = 6;
    static constexpr int kDefaultConnections = 4;
    int archiveConnections() const;
    void setArchiveConnections(int connections);

    // The encrypted local cache of images received from archives, on disk.
    static constexpr int kMinimumDiskCacheMb = 256;
    static constexpr int kMaximumDiskCacheMb = 1024 * 1024;
    static constexpr int kDefaultDiskCacheMb = 2048;
    int diskCacheMb() const;
    void setDiskCacheMb(int megabytes);

    static constexpr int kMinimumCacheMb = 64;
    static constexpr int kMaximumCacheMb = 65536;
    int cacheSizeMb() const; // default 1024: decoded frames kept in memory
    void setCacheSizeMb(int megabytes);

    // The OpenID Connect provider doctors sign in with: its issuer URL (absolute http(s); empty:
    // none configured, archives are then asked without authentication) and this application's
    // client ID there (default "fenestra").
    QUrl identityIssuer() const;
    void setIdentityIssuer(const QUrl& issuer);
    QString identityClientId() const;
    void setIdentityClientId(const QString& clientId);
    // The resource (RFC 8707) access tokens are asked for: the archives' audience, when the
    // provider wants it named ("urn:fenestra:archive"); empty: the provider's default.
    QString identityResource() const;
    void setIdentityResource(const QString& resource);

    // The federation configuration file (net/federation/tenantdirectory.h) the window searches
    // patients across hospitals with; empty: none (the archive list is searched instead).
    QString federationFile() const;
    void setFederationFile(const QString& path);

    // Minutes without input after which the window locks (patient data hidden until the doctor
    // signs in again); 0 never locks.
    static constexpr int kMaximumIdleLockMinutes = 240;
    static constexpr int kDefaultIdleLockMinutes = 10;
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);

    // The DICOMweb archives the user configured, in the user's order. Entries whose URL is not
    // an absolute http(s) URL with a host are skipped on reading; a missing name becomes
    // "host:port". Archives given with --archive are not stored here (session only). Their TLS
    // settings are stored as file names and pins; the password of a client key never is (it
    // stays empty on reading: the window fills it from the OS keyring).
    QList<net::ArchiveConfig> archives() const;
    void setArchives(const QList<net::ArchiveConfig>& archives);

    // Window geometry and dock/toolbar state as QMainWindow saves them.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // Writes pending changes to the store now (they are written on destruction anyway).
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace fenestra::app
