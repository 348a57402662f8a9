#pragma once

#include "dicomweb/archiveconfig.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fenestra::app {

class ArchiveSettings;

class Settings;

// The preferences: interface language (each language named in itself), whether new views show
// annotations and smooth (linearly interpolated) images, the cine rate used when the images give
// none, and the memory for decoded images. OK writes them to the settings and emits
// languageChosen() when the language changed (the window then calls setLanguage()); Cancel
// leaves the settings untouched.
//
// Thread contract: GUI thread only. `settings` must outlive the dialog.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Settings& settings, QWidget* parent = nullptr);

    // Writes the dialog's values to the settings (what OK does before closing).
    void apply();

    // The archives as edited, with the client certificate passwords of this session.
    QList<net::ArchiveConfig> archives() const;

signals:
    void languageChosen(const QString& code); // "" = follow the system
    void clearCacheRequested();               // confirmed by the user

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    // Lists the hospitals of the federation file in the field (or why it cannot be read).
    void showFederation();
    void retranslate();

    Settings& m_settings;
    QComboBox* m_language = nullptr;
    QCheckBox* m_annotations = nullptr;
    QCheckBox* m_interpolation = nullptr;
    QDoubleSpinBox* m_cineFps = nullptr;
    QSpinBox* m_cacheMb = nullptr;
    QLabel* m_languageLabel = nullptr;
    QLabel* m_cineFpsLabel = nullptr;
    QLabel* m_cacheMbLabel = nullptr;
    ArchiveSettings* m_archives = nullptr;
    QSpinBox* m_connections = nullptr;
    QSpinBox* m_diskCacheMb = nullptr;
    QLabel* m_diskCacheMbLabel = nullptr;
    QLabel* m_connectionsLabel = nullptr;
    QLabel* m_archivesLabel = nullptr;
    QPushButton* m_clearCache = nullptr;
    QLineEdit* m_issuer = nullptr;
    QLineEdit* m_clientId = nullptr;
    QSpinBox* m_idleLock = nullptr;
    QLabel* m_issuerLabel = nullptr;
    QLabel* m_clientIdLabel = nullptr;
    QLabel* m_idleLockLabel = nullptr;
    QLineEdit* m_federationFile = nullptr;
    QPushButton* m_federationBrowse = nullptr;
    QLabel* m_federationLabel = nullptr;
    QTableWidget* m_tenants = nullptr;
    QLabel* m_federationError = nullptr;
};

} // namespace fenestra::app
