#include "settingsdialog.h"

#include "gui/archivesettings.h"

#include "federation/tenantdirectory.h"
#include "settings.h"
#include "tls/clientkeypasswords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fenestra::app {

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings)
{
    m_language = new QComboBox(this);
    // Each language in its own words, so a user lost in a foreign interface finds theirs.
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Fran\u00e7ais"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_annotations = new QCheckBox(this);
    m_interpolation = new QCheckBox(this);
    m_cineFps = new QDoubleSpinBox(this);
    m_cineFps->setRange(Settings::kMinimumCineFps, Settings::kMaximumCineFps);
    m_cineFps->setDecimals(1);
    m_cacheMb = new QSpinBox(this);
    m_cacheMb->setRange(Settings::kMinimumCacheMb, Settings::kMaximumCacheMb);
    m_cacheMb->setSingleStep(256);

    m_languageLabel = new QLabel(this);
    m_cineFpsLabel = new QLabel(this);
    m_cacheMbLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_language);
    m_cineFpsLabel->setBuddy(m_cineFps);
    m_cacheMbLabel->setBuddy(m_cacheMb);
    auto* form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    form->addRow(m_annotations);
    form->addRow(m_interpolation);
    form->addRow(m_cineFpsLabel, m_cineFps);
    m_connections = new QSpinBox(this);
    m_connections->setRange(Settings::kMinimumConnections, Settings::kMaximumConnections);
    m_connectionsLabel = new QLabel(this);
    m_connectionsLabel->setBuddy(m_connections);
    form->addRow(m_connectionsLabel, m_connections);
    form->addRow(m_cacheMbLabel, m_cacheMb);
    m_diskCacheMb = new QSpinBox(this);
    m_diskCacheMb->setRange(Settings::kMinimumDiskCacheMb, Settings::kMaximumDiskCacheMb);
    m_diskCacheMb->setSingleStep(256);
    m_diskCacheMbLabel = new QLabel(this);
    m_diskCacheMbLabel->setBuddy(m_diskCacheMb);
    form->addRow(m_diskCacheMbLabel, m_diskCacheMb);
    m_issuer = new QLineEdit(this);
    m_issuer->setPlaceholderText(QStringLiteral("https://login.hospital.example/realms/doctors"));
    m_clientId = new QLineEdit(this);
    m_idleLock = new QSpinBox(this);
    m_idleLock->setRange(0, Settings::kMaximumIdleLockMinutes);
    m_issuerLabel = new QLabel(this);
    m_clientIdLabel = new QLabel(this);
    m_idleLockLabel = new QLabel(this);
    m_issuerLabel->setBuddy(m_issuer);
    m_clientIdLabel->setBuddy(m_clientId);
    m_idleLockLabel->setBuddy(m_idleLock);
    form->addRow(m_issuerLabel, m_issuer);
    form->addRow(m_clientIdLabel, m_clientId);
    form->addRow(m_idleLockLabel, m_idleLock);
    // The federation: its file, and the hospitals it lists (read-only: the file is the
    // federation's, distributed by its operator).
    m_federationFile = new QLineEdit(this);
    m_federationFile->setObjectName(QStringLiteral("federationFile"));
    m_federationBrowse = new QPushButton(this);
    m_federationLabel = new QLabel(this);
    m_federationLabel->setBuddy(m_federationFile);
    auto* federationRow = new QHBoxLayout;
    federationRow->addWidget(m_federationFile, 1);
    federationRow->addWidget(m_federationBrowse);
    form->addRow(m_federationLabel, federationRow);
    m_tenants = new QTableWidget(0, 3, this);
    m_tenants->setObjectName(QStringLiteral("federationTenants"));
    m_tenants->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tenants->verticalHeader()->hide();
    m_tenants->horizontalHeader()->setStretchLastSection(true);
    m_tenants->setMaximumHeight(140);
    m_federationError = new QLabel(this);
    m_federationError->setObjectName(QStringLiteral("federationError"));
    m_federationError->setWordWrap(true);
    form->addRow(m_tenants);
    form->addRow(m_federationError);
    connect(m_federationFile, &QLineEdit::textChanged, this, [this] { showFederation(); });
    connect(m_federationBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Federation configuration"),
                                                          m_federationFile->text(),
                                                          tr("Federation configuration (*.json)"));
        if (!file.isEmpty())
            m_federationFile->setText(file);
    });
    m_archives = new ArchiveSettings(this);
    m_archivesLabel = new QLabel(this);
    form->addRow(m_archivesLabel);
    form->addRow(m_archives);
    m_clearCache = new QPushButton(this);
    form->addRow(m_clearCache);
    connect(m_clearCache, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Clear the local image cache"),
                                  tr("Remove every image received from the archives from this "
                                     "computer?")) == QMessageBox::Yes)
            emit clearCacheRequested();
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    retranslate();
    load();
}

void SettingsDialog::load()
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_annotations->setChecked(m_settings.annotationsVisible());
    m_interpolation->setChecked(m_settings.linearInterpolation());
    m_cineFps->setValue(m_settings.cineFps());
    m_connections->setValue(m_settings.archiveConnections());
    m_diskCacheMb->setValue(m_settings.diskCacheMb());
    m_cacheMb->setValue(m_settings.cacheSizeMb());
    QList<net::ArchiveConfig> archives = m_settings.archives();
    loadClientKeyPasswords(archives, net::ClientKeyPasswords{});
    m_archives->setArchives(archives);
    m_issuer->setText(m_settings.identityIssuer().toString());
    m_clientId->setText(m_settings.identityClientId());
    m_idleLock->setValue(m_settings.idleLockMinutes());
    m_federationFile->setText(m_settings.federationFile());
    showFederation();
}

void SettingsDialog::apply()
{
    const QString previous = m_settings.language();
    const QString language = m_language->currentData().toString();
    m_settings.setLanguage(language);
    m_settings.setAnnotationsVisible(m_annotations->isChecked());
    m_settings.setLinearInterpolation(m_interpolation->isChecked());
    m_settings.setCineFps(m_cineFps->value());
    m_settings.setArchiveConnections(m_connections->value());
    m_settings.setDiskCacheMb(m_diskCacheMb->value());
    m_settings.setCacheSizeMb(m_cacheMb->value());
    m_settings.setArchives(m_archives->archives());
    m_archives->saveClientKeyPasswords(net::ClientKeyPasswords{});
    m_settings.setIdentityIssuer(QUrl(m_issuer->text().trimmed()));
    m_settings.setIdentityClientId(m_clientId->text());
    m_settings.setIdleLockMinutes(m_idleLock->value());
    m_settings.setFederationFile(m_federationFile->text().trimmed());
    m_settings.sync();
    if (language != previous)
        emit languageChosen(language);
}

void SettingsDialog::showFederation()
{
    m_tenants->setRowCount(0);
    const QString file = m_federationFile->text().trimmed();
    m_tenants->setVisible(!file.isEmpty());
    if (file.isEmpty()) {
        m_federationError->clear();
        return;
    }
    const net::Result<net::FederationConfig> federation = net::loadFederationConfig(file);
    if (!federation) {
        m_federationError->setText(
            tr("The federation configuration cannot be read: %1").arg(federation.error().detail));
        return;
    }
    m_federationError->setText(
        tr("%1: %n hospitals", nullptr, int(federation->tenants.size())).arg(federation->name));
    for (const net::TenantConfig& tenant : federation->tenants) {
        const int row = m_tenants->rowCount();
        m_tenants->insertRow(row);
        m_tenants->setItem(row, 0, new QTableWidgetItem(tenant.name));
        m_tenants->setItem(row, 1, new QTableWidgetItem(tenant.id));
        m_tenants->setItem(row, 2, new QTableWidgetItem(tenant.archive.baseUrl.toString()));
    }
}

QList<net::ArchiveConfig> SettingsDialog::archives() const
{
    return m_archives->archives();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_archivesLabel->setText(tr("Archives (DICOMweb):"));
    m_clearCache->setText(tr("&Clear the local image cache..."));
    m_clearCache->setAccessibleName(tr("Clear the local image cache"));
    m_language->setItemText(0, tr("System language"));
    m_annotations->setText(tr("Show &annotations in new views"));
    m_interpolation->setText(tr("&Smooth images (linear interpolation)"));
    m_cineFps->setSuffix(tr(" frames/s"));
    m_cacheMb->setSuffix(tr(" MB"));
    m_languageLabel->setText(tr("&Language:"));
    m_cineFpsLabel->setText(tr("&Cine rate when the images give none:"));
    m_connectionsLabel->setText(tr("Parallel &transfers per series:"));
    m_diskCacheMbLabel->setText(tr("Local image cache on &disk:"));
    m_diskCacheMb->setSuffix(tr(" MB"));
    m_diskCacheMb->setAccessibleName(tr("Local image cache on disk"));
    m_connections->setAccessibleName(tr("Parallel transfers per series"));
    m_cacheMbLabel->setText(tr("&Memory for decoded images:"));
    m_language->setAccessibleName(tr("Language"));
    m_annotations->setAccessibleName(tr("Show annotations in new views"));
    m_interpolation->setAccessibleName(tr("Smooth images"));
    m_cineFps->setAccessibleName(tr("Cine rate when the images give none"));
    m_cacheMb->setAccessibleName(tr("Memory for decoded images"));
    m_issuerLabel->setText(tr("Sign-in &provider (OpenID Connect issuer):"));
    m_issuer->setAccessibleName(tr("Sign-in provider"));
    m_issuer->setToolTip(tr("Takes effect at the next start. Empty: archives are asked "
                            "without signing in."));
    m_clientIdLabel->setText(tr("Client &ID at the provider:"));
    m_clientId->setAccessibleName(tr("Client ID at the provider"));
    m_idleLockLabel->setText(tr("Lock after &inactivity:"));
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setSpecialValueText(tr("Never"));
    m_idleLock->setAccessibleName(tr("Lock after inactivity"));
    m_federationLabel->setText(tr("&Federation of hospitals:"));
    m_federationFile->setAccessibleName(tr("Federation configuration file"));
    m_federationFile->setToolTip(tr("Takes effect at the next start."));
    m_federationBrowse->setText(tr("&Browse..."));
    m_tenants->setHorizontalHeaderLabels({tr("Hospital"), tr("Tenant ID"), tr("DICOMweb")});
    showFederation();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace fenestra::app
