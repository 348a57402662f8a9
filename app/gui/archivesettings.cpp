#include "archivesettings.h"

#include "tls/clientkeypasswords.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
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
    case ErrorCode::InvalidToken:
        return ArchiveSettings::tr("The sign-in token was refused.");
    case ErrorCode::IdentityProviderUnreachable:
        return ArchiveSettings::tr("The sign-in service cannot be reached.");
    case ErrorCode::IdentityProviderError:
        return ArchiveSettings::tr("The sign-in service refused the request.");
    case ErrorCode::LoginFailed:
        return ArchiveSettings::tr("Signing in did not complete.");
    case ErrorCode::NotAuthenticated:
        return ArchiveSettings::tr("You are not signed in: sign in again.");
    case ErrorCode::ConsentRegistryUnavailable:
        return ArchiveSettings::tr("The consent registry cannot be reached.");
    case ErrorCode::MalformedConsent:
        return ArchiveSettings::tr("A consent from the registry cannot be read.");
    case ErrorCode::AuditLogCorrupt:
        return ArchiveSettings::tr("The audit log failed its integrity check.");
    case ErrorCode::AuditLogIoFailure:
        return ArchiveSettings::tr("The audit log cannot be read or written.");
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

QStringList loadClientKeyPasswords(QList<net::ArchiveConfig>& archives,
                                   const net::ClientKeyPasswords& keyring)
{
    QStringList failures;
    for (net::ArchiveConfig& archive : archives) {
        if (archive.tls.clientCertificateFile.isEmpty() || !archive.tls.clientKeyPassword.isEmpty())
            continue;
        net::Result<QByteArray> password = keyring.read(archive.baseUrl);
        if (password)
            archive.tls.clientKeyPassword = *password;
        else
            failures << QStringLiteral("%1: %2").arg(archive.name, password.error().detail);
    }
    return failures;
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
    layout->addWidget(buildTlsGroup());
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

QGroupBox* ArchiveSettings::buildTlsGroup()
{
    m_tlsGroup = new QGroupBox(this);
    const auto field = [this](QLineEdit*& edit, QLabel*& label) {
        edit = new QLineEdit(this);
        label = new QLabel(this);
        label->setBuddy(edit);
    };
    field(m_caBundle, m_caBundleLabel);
    field(m_pins, m_pinsLabel);
    field(m_clientCertificate, m_clientCertificateLabel);
    field(m_clientKey, m_clientKeyLabel);
    field(m_clientPassword, m_clientPasswordLabel);
    m_passwordStorageLabel = new QLabel(this);
    m_clientPassword->setEchoMode(QLineEdit::Password);
    m_passwordStorage = new QComboBox(this);
    m_passwordStorage->addItems({QString(), QString()}); // texts in retranslate()
    m_passwordStorageLabel->setBuddy(m_passwordStorage);
    m_browseCaBundle = new QPushButton(this);
    m_browseClientCertificate = new QPushButton(this);
    m_browseClientKey = new QPushButton(this);
    const auto withButton = [](QLineEdit* edit, QPushButton* button) {
        auto* row = new QHBoxLayout;
        row->addWidget(edit);
        row->addWidget(button);
        return row;
    };
    auto* form = new QFormLayout(m_tlsGroup);
    form->addRow(m_caBundleLabel, withButton(m_caBundle, m_browseCaBundle));
    form->addRow(m_pinsLabel, m_pins);
    form->addRow(m_clientCertificateLabel,
                 withButton(m_clientCertificate, m_browseClientCertificate));
    form->addRow(m_clientKeyLabel, withButton(m_clientKey, m_browseClientKey));
    form->addRow(m_clientPasswordLabel, m_clientPassword);
    form->addRow(m_passwordStorageLabel, m_passwordStorage);
    connect(m_browseCaBundle, &QPushButton::clicked, this,
            [this] { browse(m_caBundle, tr("Certificates (*.pem *.crt *.cer);;All files (*)")); });
    connect(m_browseClientCertificate, &QPushButton::clicked, this, [this] {
        browse(m_clientCertificate,
               tr("Client certificates (*.p12 *.pfx *.pem *.crt);;All files (*)"));
    });
    connect(m_browseClientKey, &QPushButton::clicked, this,
            [this] { browse(m_clientKey, tr("Private keys (*.key *.pem);;All files (*)")); });
    return m_tlsGroup;
}

void ArchiveSettings::browse(QLineEdit* field, const QString& filter)
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a file"), field->text(), filter);
    if (!file.isEmpty())
        field->setText(file);
}

net::TlsSettings ArchiveSettings::tlsFromFields() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    net::TlsSettings tls;
    tls.caBundleFile = m_caBundle->text().trimmed();
    tls.pins = m_pins->text().split(separators, Qt::SkipEmptyParts);
    tls.clientCertificateFile = m_clientCertificate->text().trimmed();
    tls.clientKeyFile = m_clientKey->text().trimmed();
    if (!tls.clientCertificateFile.isEmpty())
        tls.clientKeyPassword = m_clientPassword->text().toUtf8();
    return tls;
}

void ArchiveSettings::showTlsFields(const net::TlsSettings& tls, bool keepPassword)
{
    m_caBundle->setText(tls.caBundleFile);
    m_pins->setText(tls.pins.join(QLatin1Char(' ')));
    m_clientCertificate->setText(tls.clientCertificateFile);
    m_clientKey->setText(tls.clientKeyFile);
    m_clientPassword->setText(QString::fromUtf8(tls.clientKeyPassword));
    m_passwordStorage->setCurrentIndex(keepPassword ? 1 : 0);
}

QStringList ArchiveSettings::saveClientKeyPasswords(const net::ClientKeyPasswords& keyring) const
{
    QStringList failures;
    for (int i = 0; i < m_archives.size(); ++i) {
        const net::ArchiveConfig& archive = m_archives[i];
        // No password in memory (the keyring was not read): nothing the user chose, leave it.
        if (archive.tls.clientCertificateFile.isEmpty() || archive.tls.clientKeyPassword.isEmpty())
            continue;
        const net::Result<void> done =
            m_keepPasswords.value(i) ? keyring.write(archive.baseUrl, archive.tls.clientKeyPassword)
                                     : keyring.remove(archive.baseUrl);
        if (!done)
            failures << QStringLiteral("%1: %2").arg(archive.name, done.error().detail);
    }
    return failures;
}

void ArchiveSettings::showRefusal(const net::Error& error)
{
    if (error.code == net::ErrorCode::InvalidArgument)
        showError(tr("An archive with this name already exists."));
    else if (error.code == net::ErrorCode::TlsFailure)
        showError(error.detail); // the TLS library's sentence, already translated
    else
        showError(describeArchiveError(error));
}

void ArchiveSettings::setArchives(const QList<net::ArchiveConfig>& archives)
{
    m_archives = archives;
    m_keepPasswords.clear();
    // A password present on opening came from the keyring: keep it there.
    for (const net::ArchiveConfig& archive : archives)
        m_keepPasswords.append(!archive.tls.clientKeyPassword.isEmpty());
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
    archive->tls = tlsFromFields();
    if (!archive->tls.isDefault()) { // a missing file or wrong password is refused now
        const net::Result<net::ArchiveTls> loaded = net::ArchiveTls::load(archive->tls);
        if (!loaded)
            return std::unexpected(loaded.error());
    }
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
        showRefusal(archive.error());
        return false;
    }
    m_archives.append(*archive);
    m_keepPasswords.append(m_passwordStorage->currentIndex() == 1);
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
        showRefusal(archive.error());
        return false;
    }
    m_archives[row] = *archive;
    m_keepPasswords[row] = m_passwordStorage->currentIndex() == 1;
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
    m_keepPasswords.removeAt(row);
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
        showTlsFields(m_archives[row].tls, m_keepPasswords.value(row));
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
    m_tlsGroup->setTitle(tr("Secure connection (TLS, https only)"));
    m_caBundleLabel->setText(tr("CA &bundle:"));
    m_caBundle->setPlaceholderText(tr("System authorities"));
    m_caBundle->setToolTip(tr("PEM file of the authorities that issue this archive's "
                              "certificate. It replaces the system's authorities for this "
                              "archive."));
    m_pinsLabel->setText(tr("Key &pins:"));
    m_pins->setPlaceholderText(tr("None (SPKI SHA-256, base64, separated by spaces)"));
    m_pins->setToolTip(tr("The server's key must match one of these fingerprints: openssl x509 "
                          "-pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 "
                          "-binary | base64"));
    m_clientCertificateLabel->setText(tr("Client cer&tificate:"));
    m_clientCertificate->setPlaceholderText(tr("None (PEM, or PKCS#12 .p12/.pfx)"));
    m_clientKeyLabel->setText(tr("Client &key:"));
    m_clientKey->setPlaceholderText(tr("In the certificate file"));
    m_clientPasswordLabel->setText(tr("Pass&word:"));
    m_clientPassword->setPlaceholderText(tr("Of the PKCS#12 file or encrypted key"));
    m_passwordStorageLabel->setText(tr("Password &stored:"));
    m_passwordStorage->setItemText(0, tr("For this session only"));
    m_passwordStorage->setItemText(1, tr("In the system keyring"));
    m_passwordStorage->setAccessibleName(tr("Where the client certificate password is kept"));
    for (QPushButton* button : {m_browseCaBundle, m_browseClientCertificate, m_browseClientKey})
        button->setText(tr("Browse..."));
    m_caBundle->setAccessibleName(tr("Archive CA bundle file"));
    m_pins->setAccessibleName(tr("Archive key pins"));
    m_clientCertificate->setAccessibleName(tr("Client certificate file"));
    m_clientKey->setAccessibleName(tr("Client key file"));
    m_clientPassword->setAccessibleName(tr("Client certificate password"));
    m_browseCaBundle->setAccessibleName(tr("Choose the CA bundle file"));
    m_browseClientCertificate->setAccessibleName(tr("Choose the client certificate file"));
    m_browseClientKey->setAccessibleName(tr("Choose the client key file"));
}

void ArchiveSettings::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fenestra::app
