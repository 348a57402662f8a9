#pragma once

#include "dicomweb/archiveconfig.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fenestra::net {
class ClientKeyPasswords;
}

namespace fenestra::app {

// An archive from what the user typed: `url` must be an absolute http or https URL with a host
// (a loopback address or any other host) and no query or fragment; a trailing slash is dropped.
// An empty `name` becomes "host:port". Fails with InvalidUrl.
net::Result<net::ArchiveConfig> makeArchive(const QString& name, const QString& url);

// An archive given on the command line (--archive URL or --archive NAME=URL): net's parser, so
// the command line and the settings obey the same rules. The window adds it for this session
// only (never saved).
net::Result<net::ArchiveConfig> archiveFromCommandLine(const QString& argument);

// The archives to search: the saved ones, then each session archive whose URL is not saved
// already (an archive given twice is searched once).
QList<net::ArchiveConfig> mergeArchives(const QList<net::ArchiveConfig>& saved,
                                        const QList<net::ArchiveConfig>& session);

// The user's words for a network error: a translated sentence for its code, then the library's
// detail (HTTP status, the system's reason), which is not translated.
QString describeArchiveError(const net::Error& error);

// Fills in the password of each archive's client certificate from the OS keyring (archives
// without a client certificate, or whose password is already set, are left alone). Returns one
// line per archive whose keyring entry could not be read ("Name: reason"); those keep an empty
// password and their requests then say that the certificate needs it.
QStringList loadClientKeyPasswords(QList<net::ArchiveConfig>& archives,
                                   const net::ClientKeyPasswords& keyring);

// The list of DICOMweb archives for the preferences: a table (name, URL) and fields below to
// add an archive, change the selected one (selecting a row fills the fields) or remove it. An
// invalid URL or a name already taken is refused with the reason shown under the fields.
// The owner reads archives() when the user confirms (Settings::setArchives) and passes the
// list to setArchives() when opening.
//
// Secure connection (TLS) fields per archive: a CA bundle file (it replaces the system's
// authorities for that archive), SPKI SHA-256 pins (base64, separated by spaces or commas), a
// client certificate (PEM or PKCS#12) with its key file and password. The TLS settings are
// loaded when the archive is added or changed, so a missing file, a malformed pin or a wrong
// password is refused there with the reason. The password is kept in memory in archives();
// when the user chooses to keep it in the system keyring, saveClientKeyPasswords() writes it to
// the OS keyring (never to the settings file); otherwise it lasts for this session.
//
// Thread contract: GUI thread only.
class ArchiveSettings : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        UrlColumn,
        ColumnCount
    };

    explicit ArchiveSettings(QWidget* parent = nullptr);

    // Replaces the list (emits nothing).
    void setArchives(const QList<net::ArchiveConfig>& archives);
    QList<net::ArchiveConfig> archives() const;

    // What the buttons do, with the fields' values: false (and the reason shown) when refused.
    bool addArchive();
    bool updateSelectedArchive();
    void removeSelectedArchive();

    QTableWidget* table() const { return m_table; }
    QLineEdit* nameField() const { return m_name; }
    QLineEdit* urlField() const { return m_url; }
    QLineEdit* caBundleField() const { return m_caBundle; }
    QLineEdit* pinsField() const { return m_pins; }
    QLineEdit* clientCertificateField() const { return m_clientCertificate; }
    QLineEdit* clientKeyField() const { return m_clientKey; }
    QLineEdit* clientPasswordField() const { return m_clientPassword; }
    // Where the password lives: index 0 for this session only, 1 in the system keyring.
    QComboBox* passwordStorageBox() const { return m_passwordStorage; }

    // For archives with a client certificate and a password in memory: writes the password to
    // the keyring when the user chose to keep it there, else removes its entry (session only).
    // Archives without a password are left alone. One line per failure ("Name: reason").
    QStringList saveClientKeyPasswords(const net::ClientKeyPasswords& keyring) const;
    // The reason the last add or change was refused ("" after a success).
    QString errorText() const;

signals:
    // The user added, changed or removed an archive.
    void archivesChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    net::Result<net::ArchiveConfig> archiveFromFields(int ignoredRow) const;
    net::TlsSettings tlsFromFields() const;
    void showTlsFields(const net::TlsSettings& tls, bool keepPassword);
    void showRefusal(const net::Error& error);
    void browse(QLineEdit* field, const QString& filter);
    QGroupBox* buildTlsGroup();
    void setRow(int row, const net::ArchiveConfig& archive);
    void showError(const QString& text);
    void onSelectionChanged();
    void updateButtons();
    void retranslate();

    QList<net::ArchiveConfig> m_archives;
    QList<bool> m_keepPasswords; // per archive: its password goes to the keyring
    QTableWidget* m_table = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_update = nullptr;
    QPushButton* m_remove = nullptr;
    QGroupBox* m_tlsGroup = nullptr;
    QLineEdit* m_caBundle = nullptr;
    QLineEdit* m_pins = nullptr;
    QLineEdit* m_clientCertificate = nullptr;
    QLineEdit* m_clientKey = nullptr;
    QLineEdit* m_clientPassword = nullptr;
    QComboBox* m_passwordStorage = nullptr;
    QLabel* m_caBundleLabel = nullptr;
    QLabel* m_pinsLabel = nullptr;
    QLabel* m_clientCertificateLabel = nullptr;
    QLabel* m_clientKeyLabel = nullptr;
    QLabel* m_clientPasswordLabel = nullptr;
    QLabel* m_passwordStorageLabel = nullptr;
    QPushButton* m_browseCaBundle = nullptr;
    QPushButton* m_browseClientCertificate = nullptr;
    QPushButton* m_browseClientKey = nullptr;
};

} // namespace fenestra::app
