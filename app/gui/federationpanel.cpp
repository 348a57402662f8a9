// The federation panel: its fields, the hospitals' status lines and the results grouped by
// person. The two search steps and the consent decisions are in federationpanel_search.cpp.

#include "federationpanel.h"

#include "gui/searchpanel.h" // formatPatientName

#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fenestra::app {

namespace {

// The earliest date the birth date field offers stands for "not given".
const QDate kAnyDate(1900, 1, 1);
constexpr int kRowRole = Qt::UserRole + 1; // index into m_rows on study items

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

FederationPanel::FederationPanel(QNetworkAccessManager* manager, QWidget* parent)
    : QWidget(parent), m_manager(manager)
{
    buildUi();
    retranslate();
}

FederationPanel::~FederationPanel() = default;

void FederationPanel::buildUi()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("federationTitle"));
    m_nationalId = new QLineEdit(this);
    m_nationalId->setObjectName(QStringLiteral("federationNationalId"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("federationName"));
    m_birthDate = new QDateEdit(this);
    m_birthDate->setObjectName(QStringLiteral("federationBirthDate"));
    m_birthDate->setCalendarPopup(true);
    m_birthDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birthDate->setMinimumDate(kAnyDate);
    m_birthDate->setDate(kAnyDate);
    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(QStringLiteral("federationSearch"));
    m_searchButton->setDefault(true);
    connect(m_searchButton, &QPushButton::clicked, this, &FederationPanel::search);
    for (QLineEdit* field : {m_nationalId, m_name})
        connect(field, &QLineEdit::returnPressed, this, &FederationPanel::search);

    auto* fields = new QGridLayout;
    QWidget* inputs[] = {m_nationalId, m_name, m_birthDate};
    for (int i = 0; i < 3; ++i) {
        auto* label = new QLabel(this);
        label->setBuddy(inputs[i]);
        m_fieldLabels << label;
        fields->addWidget(label, 0, i * 2);
        fields->addWidget(inputs[i], 0, i * 2 + 1);
    }
    fields->addWidget(m_searchButton, 0, 6);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("federationError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_statusLayout = new QVBoxLayout;
    m_statusLayout->setSpacing(2);

    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("federationWarnings"));
    m_warningLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->hide();

    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("federationResults"));
    m_results->setColumnCount(ColumnCount);
    m_results->setRootIsDecorated(true);
    m_results->setUniformRowHeights(true);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setStretchLastSection(true);
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant row = item->data(0, kRowRole);
        if (row.isValid())
            openStudy(row.toInt());
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addLayout(m_statusLayout);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_results, 1);
}

void FederationPanel::retranslate()
{
    m_title->setText(m_federation.name.isEmpty()
                         ? tr("Search across hospitals")
                         : tr("Search across hospitals: %1").arg(m_federation.name));
    const char* labels[] = {QT_TR_NOOP("National &identifier:"), QT_TR_NOOP("&Name:"),
                            QT_TR_NOOP("&Birth date:")};
    for (int i = 0; i < m_fieldLabels.size(); ++i)
        m_fieldLabels[i]->setText(tr(labels[i]));
    m_nationalId->setPlaceholderText(m_federation.nationalId.scheme ==
                                             net::NationalIdScheme::LuxembourgMatricule
                                         ? tr("13 digits")
                                         : QString());
    m_name->setPlaceholderText(tr("Family, Given"));
    m_birthDate->setSpecialValueText(tr("any"));
    m_searchButton->setText(tr("&Search all hospitals"));
    m_results->setHeaderLabels(
        {tr("Study date"), tr("Description"), tr("Modalities"), tr("Hospitals"), tr("Patient ID")});
    for (auto it = m_statusLabels.cbegin(); it != m_statusLabels.cend(); ++it)
        updateStatus(it.key());
    rebuildResults();
}

void FederationPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FederationPanel::setFederation(const net::FederationConfig& federation)
{
    m_federation = federation;
    m_lastDecision.clear();
    m_holdings.clear();
    clearResults();
    retranslate();
}

void FederationPanel::setSessionProvider(std::function<net::OidcSession*()> session)
{
    m_session = std::move(session);
}

QString FederationPanel::errorText() const
{
    return m_error->text();
}

void FederationPanel::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void FederationPanel::clearResults()
{
    m_context.reset(); // aborts the searches and drops the consent callbacks
    m_own = nullptr;
    m_others = nullptr;
    m_searching = false;
    m_consents.clear();
    m_consentIds.clear();
    m_status.clear();
    m_notSearched.clear();
    m_nationalId->clear();
    m_name->clear();
    m_birthDate->setDate(kAnyDate);
    showError({});
    rebuildStatusLines();
    m_groups.clear();
    rebuildResults();
}

void FederationPanel::rebuildStatusLines()
{
    qDeleteAll(m_statusLabels);
    m_statusLabels.clear();
    for (const net::TenantConfig& tenant : m_federation.tenants) {
        auto* label = new QLabel(this);
        label->setObjectName(QStringLiteral("federationStatus_") + tenant.id);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_statusLayout->addWidget(label);
        m_statusLabels.insert(tenant.id, label);
        updateStatus(tenant.id);
    }
}

net::TenantState FederationPanel::tenantState(const QString& tenantId) const
{
    if (m_own != nullptr && tenantId == ownTenant())
        return m_own->status(tenantId).state;
    if (m_others != nullptr && m_others->client(tenantId) != nullptr)
        return m_others->status(tenantId).state;
    return m_status.value(tenantId).state;
}

QString FederationPanel::statusText(const QString& tenantId) const
{
    net::TenantStatus status = m_status.value(tenantId);
    if (m_own != nullptr && tenantId == ownTenant())
        status = m_own->status(tenantId);
    else if (m_others != nullptr && m_others->client(tenantId) != nullptr)
        status = m_others->status(tenantId);
    switch (status.state) {
    case net::TenantState::NotSearched:
        if (!status.reason.isEmpty())
            return status.reason;
        if (m_notSearched.contains(tenantId))
            return m_notSearched.value(tenantId);
        return m_searching ? tr("waiting for the consent check\u2026") : tr("not searched yet");
    case net::TenantState::Searching:
        return tr("searching\u2026");
    case net::TenantState::Slow:
        return tr("slow: still searching\u2026");
    case net::TenantState::Answered:
        return tr("answered: %n found", nullptr, status.count);
    case net::TenantState::Failed:
        return tr("failed: %1")
            .arg(status.error ? describeArchiveError(*status.error) : tr("no answer"));
    case net::TenantState::Denied:
        return tr("denied: the archive refused access");
    case net::TenantState::TimedOut:
        return tr("timed out: no answer in time");
    case net::TenantState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString FederationPanel::tenantStatusText(const QString& tenantId) const
{
    return statusText(tenantId);
}

void FederationPanel::updateStatus(const QString& tenantId)
{
    QLabel* label = m_statusLabels.value(tenantId);
    const net::TenantConfig* tenant = m_federation.tenant(tenantId);
    if (label == nullptr || tenant == nullptr)
        return;
    const QString name = tenant->name.isEmpty() ? tenant->id : tenant->name;
    const QString own = tenantId == ownTenant() ? tr(" (your hospital)") : QString();
    label->setText(tr("%1%2: %3").arg(name, own, statusText(tenantId)));
}

QList<FederationPanel::StudyRow> FederationPanel::studyRows() const
{
    return m_rows;
}

QStringList FederationPanel::warnings() const
{
    return m_warnings;
}

QStringList FederationPanel::personTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_results->topLevelItemCount(); ++i)
        texts << m_results->topLevelItem(i)->text(0);
    return texts;
}

bool FederationPanel::openStudy(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].tenantIds.isEmpty())
        return false;
    const StudyRow& study = m_rows[row];
    const QString tenantId =
        study.tenantIds.contains(ownTenant()) ? ownTenant() : study.tenantIds.front();
    const net::TenantConfig* tenant = m_federation.tenant(tenantId);
    if (tenant == nullptr)
        return false;
    emit openStudyRequested(tenant->archive, study.studyUid);
    return true;
}

void FederationPanel::rebuildResults()
{
    m_results->clear();
    m_rows.clear();
    m_warnings.clear();
    const std::vector<net::TenantStudy> records = allRecords();
    const auto personName = [](const net::PersonGroup& group) {
        const QString name = SearchPanel::formatPatientName(group.patientName);
        return name.isEmpty() ? tr("(no name)") : name;
    };
    QHash<QString, int> rowOf; // study UID -> index in m_rows
    for (int g = 0; g < int(m_groups.size()); ++g) {
        const net::PersonGroup& group = m_groups[std::size_t(g)];
        QString text =
            tr("%1 \u00b7 born %2")
                .arg(personName(group),
                     group.birthDate.isValid() ? dateText(group.birthDate) : tr("unknown"));
        text += group.nationalId ? tr(" \u00b7 national identifier %1").arg(*group.nationalId)
                                 : tr(" \u00b7 no national identifier");
        auto* person = new QTreeWidgetItem(m_results, {text});
        person->setFirstColumnSpanned(true);
        QStringList personWarnings;
        for (int other : group.namesakes)
            if (other > g) // once per pair
                m_warnings << tr("%1, born %2: two different people share this name and birth "
                                 "date (different national identifiers); they are kept apart.")
                                  .arg(personName(group), dateText(group.birthDate));
        if (!group.namesakes.empty())
            personWarnings << tr("Another person has the same name and birth date.");
        for (int other : group.possibleMatches)
            if (other > g)
                m_warnings << tr("%1, born %2: records match only by name and birth date, "
                                 "without a national identifier to prove it; they are shown "
                                 "apart, not merged. Check before treating them as one person.")
                                  .arg(personName(group), dateText(group.birthDate));
        if (!group.possibleMatches.empty())
            personWarnings << tr("May be the same person as another entry (name and birth date "
                                 "only): not merged.");
        if (group.invalidNationalId)
            personWarnings << tr("A hospital recorded an invalid national identifier.");
        if (!personWarnings.isEmpty()) {
            person->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            person->setToolTip(0, personWarnings.join(QLatin1Char('\n')));
        }
        for (int index : group.records) {
            const net::TenantStudy& record = records[std::size_t(index)];
            const QString uid = record.study.studyInstanceUid;
            if (const auto found = rowOf.constFind(uid); found != rowOf.cend()) {
                if (!m_rows[*found].tenantIds.contains(record.tenantId))
                    m_rows[*found].tenantIds << record.tenantId;
                continue;
            }
            rowOf.insert(uid, int(m_rows.size()));
            m_rows << StudyRow{uid, {record.tenantId}, g};
            auto* item = new QTreeWidgetItem(person);
            item->setData(0, kRowRole, int(m_rows.size()) - 1);
            item->setText(StudyDateColumn, dateText(record.study.studyDate));
            item->setText(DescriptionColumn, record.study.studyDescription);
            item->setText(ModalitiesColumn, record.study.modalities.join(QStringLiteral(", ")));
        }
    }
    // The holding hospitals and local IDs, now that every record is placed.
    for (int t = 0; t < m_results->topLevelItemCount(); ++t) {
        QTreeWidgetItem* person = m_results->topLevelItem(t);
        for (int c = 0; c < person->childCount(); ++c) {
            QTreeWidgetItem* item = person->child(c);
            const StudyRow& row = m_rows[item->data(0, kRowRole).toInt()];
            QStringList names;
            QStringList ids;
            for (const QString& id : row.tenantIds) {
                const net::TenantConfig* tenant = m_federation.tenant(id);
                names << (tenant != nullptr && !tenant->name.isEmpty() ? tenant->name : id);
            }
            for (const net::TenantStudy& record : records)
                if (record.study.studyInstanceUid == row.studyUid &&
                    !record.study.patientId.isEmpty())
                    ids << tr("%1 (%2)").arg(record.study.patientId, record.tenantId);
            ids.removeDuplicates();
            item->setText(HospitalsColumn, names.join(QStringLiteral(", ")));
            item->setText(PatientIdColumn, ids.join(QStringLiteral(", ")));
        }
    }
    m_results->expandAll();
    for (int c = 0; c < ColumnCount - 1; ++c)
        m_results->resizeColumnToContents(c);
    m_warningLabel->setText(m_warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!m_warnings.isEmpty());
}

} // namespace fenestra::app
