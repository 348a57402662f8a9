#pragma once

#include "dicomweb/archiveconfig.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

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

// The list of DICOMweb archives for the preferences: a table (name, URL) and fields below to
// add an archive, change the selected one (selecting a row fills the fields) or remove it. An
// invalid URL or a name already taken is refused with the reason shown under the fields.
// The owner reads archives() when the user confirms (Settings::setArchives) and passes the
// list to setArchives() when opening.
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
    // The reason the last add or change was refused ("" after a success).
    QString errorText() const;

signals:
    // The user added, changed or removed an archive.
    void archivesChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    net::Result<net::ArchiveConfig> archiveFromFields(int ignoredRow) const;
    void setRow(int row, const net::ArchiveConfig& archive);
    void showError(const QString& text);
    void onSelectionChanged();
    void updateButtons();
    void retranslate();

    QList<net::ArchiveConfig> m_archives;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_update = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace fenestra::app
