#include "settings.h"

#include "gui/archivesettings.h" // net's archive parser, after net's errors header

#include <QSettings>

#include <algorithm>

namespace fenestra::app {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kRecent = QStringLiteral("recent/paths");
const QString kLayout = QStringLiteral("view/layout");
const QString kAnnotations = QStringLiteral("view/annotationsVisible");
const QString kInterpolation = QStringLiteral("view/linearInterpolation");
const QString kCineFps = QStringLiteral("cine/defaultFps");
const QString kConnections = QStringLiteral("archives/connections");
const QString kDiskCacheMb = QStringLiteral("archives/cacheMb");
const QString kCacheMb = QStringLiteral("cache/sizeMb");
const QString kIdentityIssuer = QStringLiteral("identity/issuer");
const QString kIdentityClient = QStringLiteral("identity/clientId");
const QString kIdentityResource = QStringLiteral("identity/resource");
const QString kFederationFile = QStringLiteral("federation/file");
const QString kIdleLock = QStringLiteral("identity/idleLockMinutes");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kArchives = QStringLiteral("archives");
const QString kArchiveName = QStringLiteral("name");
const QString kArchiveUrl = QStringLiteral("url");
// TLS of an archive: file names and pins only; a client key's password never goes here.
const QString kTlsCaBundle = QStringLiteral("tlsCaBundle");
const QString kTlsPins = QStringLiteral("tlsPins");
const QString kTlsClientCertificate = QStringLiteral("tlsClientCertificate");
const QString kTlsClientKey = QStringLiteral("tlsClientKey");

constexpr double kDefaultCineFps = 10.0;
constexpr int kDefaultCacheMb = 1024;

} // namespace

bool ViewLayout::isSupported(int rows, int columns)
{
    const ViewLayout l{rows, columns};
    return l == ViewLayout{1, 1} || l == ViewLayout{1, 2} || l == ViewLayout{2, 1} ||
           l == ViewLayout{2, 2} || l == ViewLayout{3, 3};
}

QString ViewLayout::toString() const
{
    return QStringLiteral("%1x%2").arg(rows).arg(columns);
}

ViewLayout ViewLayout::parse(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {0, 0};
    bool rowsOk = false;
    bool columnsOk = false;
    const ViewLayout layout{parts[0].toInt(&rowsOk), parts[1].toInt(&columnsOk)};
    if (!rowsOk || !columnsOk || !isSupported(layout.rows, layout.columns))
        return {0, 0};
    return layout;
}

Settings::Settings()
    : m_settings(
          std::make_unique<QSettings>(QStringLiteral("Fenestra"), QStringLiteral("Fenestra")))
{}

Settings::Settings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QStringList Settings::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};
}

QString Settings::language() const
{
    const QString code = m_settings->value(kLanguage).toString();
    return supportedLanguages().contains(code) ? code : QString();
}

void Settings::setLanguage(const QString& code)
{
    m_settings->setValue(kLanguage, supportedLanguages().contains(code) ? code : QString());
}

QStringList Settings::recentPaths() const
{
    return m_settings->value(kRecent).toStringList();
}

void Settings::setRecentPaths(const QStringList& paths)
{
    m_settings->setValue(kRecent, paths);
}

ViewLayout Settings::viewLayout() const
{
    const ViewLayout layout = ViewLayout::parse(m_settings->value(kLayout).toString());
    return layout.rows > 0 ? layout : ViewLayout{};
}

void Settings::setViewLayout(ViewLayout layout)
{
    if (ViewLayout::isSupported(layout.rows, layout.columns))
        m_settings->setValue(kLayout, layout.toString());
}

bool Settings::annotationsVisible() const
{
    return m_settings->value(kAnnotations, true).toBool();
}

void Settings::setAnnotationsVisible(bool visible)
{
    m_settings->setValue(kAnnotations, visible);
}

bool Settings::linearInterpolation() const
{
    return m_settings->value(kInterpolation, true).toBool();
}

void Settings::setLinearInterpolation(bool linear)
{
    m_settings->setValue(kInterpolation, linear);
}

double Settings::cineFps() const
{
    bool ok = false;
    const double fps = m_settings->value(kCineFps, kDefaultCineFps).toDouble(&ok);
    return ok && fps >= kMinimumCineFps && fps <= kMaximumCineFps ? fps : kDefaultCineFps;
}

void Settings::setCineFps(double fps)
{
    m_settings->setValue(kCineFps, std::clamp(fps, kMinimumCineFps, kMaximumCineFps));
}

int Settings::archiveConnections() const
{
    bool ok = false;
    const int n = m_settings->value(kConnections, kDefaultConnections).toInt(&ok);
    return ok && n >= kMinimumConnections && n <= kMaximumConnections ? n : kDefaultConnections;
}

void Settings::setArchiveConnections(int connections)
{
    m_settings->setValue(kConnections,
                         std::clamp(connections, kMinimumConnections, kMaximumConnections));
}

int Settings::diskCacheMb() const
{
    bool ok = false;
    const int mb = m_settings->value(kDiskCacheMb, kDefaultDiskCacheMb).toInt(&ok);
    return ok && mb >= kMinimumDiskCacheMb && mb <= kMaximumDiskCacheMb ? mb : kDefaultDiskCacheMb;
}

void Settings::setDiskCacheMb(int megabytes)
{
    m_settings->setValue(kDiskCacheMb,
                         std::clamp(megabytes, kMinimumDiskCacheMb, kMaximumDiskCacheMb));
}

int Settings::cacheSizeMb() const
{
    bool ok = false;
    const int mb = m_settings->value(kCacheMb, kDefaultCacheMb).toInt(&ok);
    return ok && mb >= kMinimumCacheMb && mb <= kMaximumCacheMb ? mb : kDefaultCacheMb;
}

void Settings::setCacheSizeMb(int megabytes)
{
    m_settings->setValue(kCacheMb, std::clamp(megabytes, kMinimumCacheMb, kMaximumCacheMb));
}

QUrl Settings::identityIssuer() const
{
    const QUrl url(m_settings->value(kIdentityIssuer).toString());
    const bool usable =
        url.isValid() && !url.host().isEmpty() &&
        (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
    return usable ? url : QUrl();
}

void Settings::setIdentityIssuer(const QUrl& issuer)
{
    if (issuer.isEmpty())
        m_settings->remove(kIdentityIssuer);
    else
        m_settings->setValue(kIdentityIssuer, issuer.toString());
}

QString Settings::identityClientId() const
{
    const QString id = m_settings->value(kIdentityClient).toString().trimmed();
    return id.isEmpty() ? QStringLiteral("fenestra") : id;
}

void Settings::setIdentityClientId(const QString& clientId)
{
    m_settings->setValue(kIdentityClient, clientId.trimmed());
}

QString Settings::identityResource() const
{
    return m_settings->value(kIdentityResource).toString().trimmed();
}

void Settings::setIdentityResource(const QString& resource)
{
    m_settings->setValue(kIdentityResource, resource.trimmed());
}

QString Settings::federationFile() const
{
    return m_settings->value(kFederationFile).toString().trimmed();
}

void Settings::setFederationFile(const QString& path)
{
    if (path.trimmed().isEmpty())
        m_settings->remove(kFederationFile);
    else
        m_settings->setValue(kFederationFile, path.trimmed());
}

int Settings::idleLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(kIdleLock, kDefaultIdleLockMinutes).toInt(&ok);
    return ok && minutes >= 0 && minutes <= kMaximumIdleLockMinutes ? minutes
                                                                    : kDefaultIdleLockMinutes;
}

void Settings::setIdleLockMinutes(int minutes)
{
    m_settings->setValue(kIdleLock, std::clamp(minutes, 0, kMaximumIdleLockMinutes));
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void Settings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(kState, state);
}

QList<net::ArchiveConfig> Settings::archives() const
{
    QList<net::ArchiveConfig> archives;
    const int count = m_settings->beginReadArray(kArchives);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        // The URL goes through the command-line parser so both sources obey the same rules.
        net::Result<net::ArchiveConfig> archive =
            net::parseArchiveArgument(m_settings->value(kArchiveUrl).toString());
        if (!archive)
            continue;
        const QString name = m_settings->value(kArchiveName).toString().trimmed();
        if (!name.isEmpty())
            archive->name = name;
        archive->tls.caBundleFile = m_settings->value(kTlsCaBundle).toString();
        archive->tls.pins = m_settings->value(kTlsPins).toStringList();
        archive->tls.clientCertificateFile = m_settings->value(kTlsClientCertificate).toString();
        archive->tls.clientKeyFile = m_settings->value(kTlsClientKey).toString();
        archives.append(*archive);
    }
    m_settings->endArray();
    return archives;
}

void Settings::setArchives(const QList<net::ArchiveConfig>& archives)
{
    m_settings->remove(kArchives); // no stale entries past the new end
    m_settings->beginWriteArray(kArchives, int(archives.size()));
    for (int i = 0; i < archives.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(kArchiveName, archives[i].name);
        m_settings->setValue(kArchiveUrl, archives[i].baseUrl.toString());
        const net::TlsSettings& tls = archives[i].tls;
        if (!tls.caBundleFile.isEmpty())
            m_settings->setValue(kTlsCaBundle, tls.caBundleFile);
        if (!tls.pins.isEmpty())
            m_settings->setValue(kTlsPins, tls.pins);
        if (!tls.clientCertificateFile.isEmpty())
            m_settings->setValue(kTlsClientCertificate, tls.clientCertificateFile);
        if (!tls.clientKeyFile.isEmpty())
            m_settings->setValue(kTlsClientKey, tls.clientKeyFile);
    }
    m_settings->endArray();
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace fenestra::app
