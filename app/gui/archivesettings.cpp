#include "archivesettings.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace fenestra::app {

namespace {

bool hasHttpScheme(const QString& text)
{
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

QString sentence(net::ErrorCode code)
{
    using net::ErrorCode;
    switch (code) {
    case ErrorCode::InvalidUrl:
        return ArchiveSettings::tr("The archive address is not valid.");
    case ErrorCode::ConnectionFailed:
        return ArchiveSettings::tr("The archive cannot be reached.");
    case ErrorCode::Timeout:
        return ArchiveSettings::tr("The archive did not answer in time.");
    case ErrorCode::TlsFailure:
        return ArchiveSettings::tr("The secure connection to the archive failed.");
    case ErrorCode::HttpError:
        return ArchiveSettings::tr("The archive answered with an error.");
    case ErrorCode::Unauthorized:
        return ArchiveSettings::tr("The archive requires you to sign in.");
    case ErrorCode::Forbidden:
        return ArchiveSettings::tr("The archive refused access.");
    case ErrorCode::MalformedResponse:
        return ArchiveSettings::tr("The archive's answer cannot be read.");
    case ErrorCode::TruncatedResponse:
        return ArchiveSettings::tr("The archive's answer was cut short.");
    case ErrorCode::MalformedPart:
        return ArchiveSettings::tr("Part of the archive's answer is malformed.");
    case ErrorCode::InvalidArgument:
        return ArchiveSettings::tr("The request is not valid.");
    case ErrorCode::Cancelled:
        return ArchiveSettings::tr("The operation was cancelled.");
    case ErrorCode::CacheMiss:
        return ArchiveSettings::tr("The images are not in the local cache.");
    case ErrorCode::CacheCorrupt:
        return ArchiveSettings::tr("A cached image failed its integrity check.");
    case ErrorCode::CacheIoFailure:
        return ArchiveSettings::tr("The local cache cannot be read or written.");
    case ErrorCode::CacheEntryTooLarge:
        return ArchiveSettings::tr("The image is larger than the whole local cache.");
    case ErrorCode::CryptoFailure:
        return ArchiveSettings::tr("The local cache cannot be encrypted or decrypted.");
    case ErrorCode::KeyStoreUnavailable:
        return ArchiveSettings::tr("No system keyring is available for the cache key.");
    }
    return ArchiveSettings::tr("Unknown error.");
}

} // namespace

net::Result<net::ArchiveConfig> makeArchive(const QString& name, const QString& url)
{
    // The URL field takes a URL only: "NAME=URL" is the command line's shorthand.
    if (!hasHttpScheme(url.trimmed()))
        return net::fail(net::ErrorCode::InvalidUrl, QStringLiteral("not an http or https URL"));
    net::Result<net::ArchiveConfig> archive = net::parseArchiveArgument(url);
    if (archive && !name.trimmed().isEmpty())
        archive->name = name.trimmed();
    return archive;
}

net::Result<net::ArchiveConfig> archiveFromCommandLine(const QString& argument)
{
    return net::parseArchiveArgument(argument);
}

QList<net::ArchiveConfig> mergeArchives(const QList<net::ArchiveConfig>& saved,
                                        const QList<net::ArchiveConfig>& session)
{
    QList<net::ArchiveConfig> merged = saved;
    for (const net::ArchiveConfig& archive : session) {
        const bool known = std::any_of(merged.begin(), merged.end(), [&](const auto& other) {
            return other.baseUrl.matches(archive.baseUrl, QUrl::StripTrailingSlash);
        });
        if (!known)
            merged.append(archive);
    }
    return merged;
}

QString describeArchiveError(const net::Error& error)
{
    const QString text = sentence(error.code);
    return error.detail.isEmpty() ? text : ArchiveSettings::tr("%1 (%2)").arg(text, error.detail);
}

ArchiveSettings::ArchiveSettings(QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_name = new QLineEdit(this);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(QStringLiteral("https://pacs.example.org/dicom-web"));
    m_nameLabel = new QLabel(this);
    m_urlLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_add = new QPushButton(this);
    m_update = new QPushButton(this);
    m_remove = new QPushButton(this);

    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_update);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ArchiveSettings::addArchive);
    connect(m_update, &QPushButton::clicked, this, &ArchiveSettings::updateSelectedArchive);
    connect(m_remove, &QPushButton::clicked, this, &ArchiveSettings::removeSelectedArchive);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            &ArchiveSettings::onSelectionChanged);
    connect(m_url, &QLineEdit::textChanged, this, &ArchiveSettings::updateButtons);
    retranslate();
    showError({});
    updateButtons();
}

void ArchiveSettings::setArchives(const QList<net::ArchiveConfig>& archives)
{
    m_archives = archives;
    m_table->setRowCount(int(archives.size()));
    for (int row = 0; row < archives.size(); ++row)
        setRow(row, archives[row]);
    showError({});
    updateButtons();
}

QList<net::ArchiveConfig> ArchiveSettings::archives() const
{
    return m_archives;
}

net::Result<net::ArchiveConfig> ArchiveSettings::archiveFromFields(int ignoredRow) const
{
    net::Result<net::ArchiveConfig> archive = makeArchive(m_name->text(), m_url->text());
    if (!archive)
        return archive;
    // Names tell the archives apart in the search results and status lines.
    for (int row = 0; row < m_archives.size(); ++row) {
        if (row != ignoredRow &&
            m_archives[row].name.compare(archive->name, Qt::CaseInsensitive) == 0)
            return net::fail(net::ErrorCode::InvalidArgument, QStringLiteral("duplicate name"));
    }
    return archive;
}

bool ArchiveSettings::addArchive()
{
    const net::Result<net::ArchiveConfig> archive = archiveFromFields(-1);
    if (!archive) {
        showError(archive.error().code == net::ErrorCode::InvalidArgument
                      ? tr("An archive with this name already exists.")
                      : describeArchiveError(archive.error()));
        return false;
    }
    m_archives.append(*archive);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    setRow(row, *archive);
    m_table->selectRow(row);
    showError({});
    emit archivesChanged();
    return true;
}

bool ArchiveSettings::updateSelectedArchive()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_archives.size() || !m_table->selectionModel()->hasSelection())
        return false;
    const net::Result<net::ArchiveConfig> archive = archiveFromFields(row);
    if (!archive) {
        showError(archive.error().code == net::ErrorCode::InvalidArgument
                      ? tr("An archive with this name already exists.")
                      : describeArchiveError(archive.error()));
        return false;
    }
    m_archives[row] = *archive;
    setRow(row, *archive);
    showError({});
    emit archivesChanged();
    return true;
}

void ArchiveSettings::removeSelectedArchive()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_archives.size() || !m_table->selectionModel()->hasSelection())
        return;
    m_archives.removeAt(row);
    m_table->removeRow(row);
    showError({});
    updateButtons();
    emit archivesChanged();
}

QString ArchiveSettings::errorText() const
{
    return m_error->text();
}

void ArchiveSettings::setRow(int row, const net::ArchiveConfig& archive)
{
    m_table->setItem(row, NameColumn, new QTableWidgetItem(archive.name));
    m_table->setItem(row, UrlColumn, new QTableWidgetItem(archive.baseUrl.toString()));
}

void ArchiveSettings::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ArchiveSettings::onSelectionChanged()
{
    const int row = m_table->currentRow();
    if (m_table->selectionModel()->hasSelection() && row >= 0 && row < m_archives.size()) {
        m_name->setText(m_archives[row].name);
        m_url->setText(m_archives[row].baseUrl.toString());
    }
    updateButtons();
}

void ArchiveSettings::updateButtons()
{
    const bool selected = m_table->selectionModel()->hasSelection();
    const bool hasUrl = !m_url->text().trimmed().isEmpty();
    m_add->setEnabled(hasUrl);
    m_update->setEnabled(selected && hasUrl);
    m_remove->setEnabled(selected);
}

void ArchiveSettings::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("DICOMweb URL")});
    m_table->setAccessibleName(tr("Archives"));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("DICOMweb &URL:"));
    m_name->setAccessibleName(tr("Archive name"));
    m_url->setAccessibleName(tr("Archive DICOMweb URL"));
    m_name->setPlaceholderText(tr("Shown in the search results"));
    m_error->setAccessibleName(tr("Archive error"));
    m_add->setText(tr("&Add"));
    m_update->setText(tr("&Change"));
    m_remove->setText(tr("&Remove"));
    m_add->setAccessibleName(tr("Add archive"));
    m_update->setAccessibleName(tr("Change selected archive"));
    m_remove->setAccessibleName(tr("Remove selected archive"));
}

void ArchiveSettings::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fenestra::app
