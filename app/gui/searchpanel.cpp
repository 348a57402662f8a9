// The search panel: its fields, table and buttons, and the query they describe. The searching
// itself (one client per archive, pages, status lines, rows) is in searchpanel_search.cpp.

#include "searchpanel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fenestra::app {

namespace {

// The earliest date a date field offers stands for "any date" (shown as such).
const QDate kAnyDate(1900, 1, 1);

QDateEdit* makeDateField(QWidget* parent)
{
    auto* field = new QDateEdit(parent);
    field->setCalendarPopup(true);
    field->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    field->setMinimumDate(kAnyDate);
    field->setDate(kAnyDate);
    return field;
}

QDate dateOf(const QDateEdit* field)
{
    return field->date() == field->minimumDate() ? QDate() : field->date();
}

} // namespace

SearchPanel::SearchPanel(QNetworkAccessManager* manager, QWidget* parent)
    : QWidget(parent), m_manager(manager)
{
    buildFields();
    buildResults();
    m_statusLayout = new QVBoxLayout;
    m_statusLayout->setSpacing(0);

    auto* resultButtons = new QHBoxLayout;
    resultButtons->addWidget(m_more);
    resultButtons->addStretch();
    resultButtons->addWidget(m_open);
    resultButtons->addWidget(m_keep);
    auto* layout = new QVBoxLayout(this);
    m_notAllowed = new QLabel(this);
    m_notAllowed->setObjectName(QStringLiteral("searchNotAllowed"));
    m_notAllowed->setWordWrap(true);
    m_notAllowed->hide();
    layout->addWidget(m_fields);
    layout->addWidget(m_notAllowed);
    layout->addLayout(m_statusLayout);
    layout->addWidget(m_view, 1);
    layout->addLayout(resultButtons);
    retranslate();
    updateButtons();
}

void SearchPanel::buildFields()
{
    m_fields = new QWidget(this);
    m_patientName = new QLineEdit(m_fields);
    m_patientId = new QLineEdit(m_fields);
    m_birthDate = makeDateField(m_fields);
    m_dateFrom = makeDateField(m_fields);
    m_dateTo = makeDateField(m_fields);
    m_modality = new QComboBox(m_fields);
    m_modality->setEditable(true);
    m_modality->setInsertPolicy(QComboBox::NoInsert);
    m_modality->addItem(QString());
    for (const char* modality : {"CT", "MR", "US", "CR", "DX", "MG", "NM", "PT", "XA", "RF", "OT"})
        m_modality->addItem(QString::fromLatin1(modality));
    m_accession = new QLineEdit(m_fields);
    m_search = new QPushButton(m_fields);
    m_clear = new QPushButton(m_fields);

    const QList<QWidget*> fields{m_patientName, m_patientId, m_birthDate, m_dateFrom,
                                 m_dateTo,      m_modality,  m_accession};
    auto* grid = new QGridLayout(m_fields);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < fields.size(); ++i) {
        auto* label = new QLabel(m_fields);
        label->setBuddy(fields[i]);
        m_fieldLabels.append(label);
        // Two columns of label + field, so the panel stays short above the results.
        grid->addWidget(label, i / 2, (i % 2) * 2);
        grid->addWidget(fields[i], i / 2, (i % 2) * 2 + 1);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_clear);
    buttons->addWidget(m_search);
    grid->addLayout(buttons, int(fields.size()) / 2, 2, 1, 2);

    // Enter in any field searches (the table below keeps its own Enter: open the study).
    for (QLineEdit* field : {m_patientName, m_patientId, m_accession, m_modality->lineEdit()})
        connect(field, &QLineEdit::returnPressed, this, &SearchPanel::search);
    for (QDateEdit* field : {m_birthDate, m_dateFrom, m_dateTo})
        field->installEventFilter(this);
    connect(m_search, &QPushButton::clicked, this, &SearchPanel::search);
    connect(m_clear, &QPushButton::clicked, this, &SearchPanel::clearFields);
}

void SearchPanel::buildResults()
{
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(StudyDateColumn, Qt::DescendingOrder); // the newest studies first
    m_view->header()->setSectionsMovable(true);

    m_more = new QPushButton(this);
    m_open = new QPushButton(this);
    m_keep = new QPushButton(this);
    // Double-click or Enter, as the platform style activates items.
    connect(m_view, &QTreeView::activated, this, [this] { emitForCurrent(false); });
    connect(m_open, &QPushButton::clicked, this, [this] { emitForCurrent(false); });
    connect(m_keep, &QPushButton::clicked, this, [this] { emitForCurrent(true); });
    connect(m_more, &QPushButton::clicked, this, &SearchPanel::fetchMore);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SearchPanel::updateButtons);
}

net::StudyQuery SearchPanel::query() const
{
    net::StudyQuery query;
    query.patientName = SearchPanel::dicomName(m_patientName->text());
    query.patientId = m_patientId->text().trimmed();
    query.patientBirthDate = dateOf(m_birthDate);
    query.studyDate = {dateOf(m_dateFrom), dateOf(m_dateTo)};
    static const QRegularExpression separators(QStringLiteral("[\\s,\\\\]+"));
    query.modalities = m_modality->currentText().toUpper().split(separators, Qt::SkipEmptyParts);
    query.accessionNumber = m_accession->text().trimmed();
    return query;
}

bool SearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Date fields have no returnPressed signal of their own.
    if (event->type() == QEvent::KeyPress && qobject_cast<QDateEdit*>(watched) != nullptr) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            search();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::clearFields()
{
    for (QLineEdit* field : {m_patientName, m_patientId, m_accession})
        field->clear();
    for (QDateEdit* field : {m_birthDate, m_dateFrom, m_dateTo})
        field->setDate(field->minimumDate());
    m_modality->setCurrentIndex(0);
    m_modality->setEditText(QString());
}

QString SearchPanel::formatPatientName(const QString& dicomName)
{
    // Only the alphabetic group: ideographic and phonetic ones follow after '='.
    const QStringList parts = dicomName.section(QLatin1Char('='), 0, 0).split(QLatin1Char('^'));
    const QString family = parts.value(0).trimmed().toUpper();
    QStringList given;
    for (int i : {3, 1, 2, 4}) { // prefix, given, middle, suffix
        const QString part = parts.value(i).trimmed();
        if (!part.isEmpty())
            given.append(part);
    }
    if (given.isEmpty())
        return family;
    if (family.isEmpty())
        return given.join(QLatin1Char(' '));
    return tr("%1, %2", "family name, given names").arg(family, given.join(QLatin1Char(' ')));
}

void SearchPanel::updateButtons()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_open->setEnabled(selected);
    m_keep->setEnabled(selected);
    m_more->setEnabled(m_allowed && hasMoreResults() && !isSearching());
    m_search->setEnabled(m_allowed && !m_sources.empty());
    m_fields->setEnabled(m_allowed);
}

void SearchPanel::setSearchAllowed(bool allowed, const QString& reason)
{
    m_allowed = allowed;
    if (!allowed)
        cancel();
    m_notAllowed->setText(reason);
    m_notAllowed->setVisible(!allowed && !reason.isEmpty());
    updateButtons();
}

QString SearchPanel::notAllowedReason() const
{
    return m_allowed ? QString() : m_notAllowed->text();
}

void SearchPanel::emitForCurrent(bool keep)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return;
    const QString uid = studyUidAt(current.row());
    const net::ArchiveConfig archive = archiveAt(current.row());
    if (uid.isEmpty())
        return;
    if (keep)
        emit keepStudyRequested(archive, uid);
    else
        emit openStudyRequested(archive, uid);
}

void SearchPanel::retranslateFields()
{
    const QStringList labels{tr("Patient &name:"),    tr("Patient &ID:"),    tr("&Birth date:"),
                             tr("Study date &from:"), tr("Study date &to:"), tr("&Modality:"),
                             tr("&Accession number:")};
    for (int i = 0; i < m_fieldLabels.size(); ++i)
        m_fieldLabels[i]->setText(labels.value(i));
    m_patientName->setAccessibleName(tr("Patient name"));
    m_patientName->setPlaceholderText(tr("FAMILY^Given; * and ? are wildcards"));
    m_patientId->setAccessibleName(tr("Patient ID"));
    m_birthDate->setAccessibleName(tr("Birth date"));
    m_dateFrom->setAccessibleName(tr("Study date from"));
    m_dateTo->setAccessibleName(tr("Study date to"));
    for (QDateEdit* field : {m_birthDate, m_dateFrom, m_dateTo})
        field->setSpecialValueText(tr("Any"));
    m_modality->setAccessibleName(tr("Modality"));
    m_modality->setItemText(0, QString());
    m_modality->lineEdit()->setPlaceholderText(tr("Any"));
    m_accession->setAccessibleName(tr("Accession number"));
    m_search->setText(tr("&Search"));
    m_search->setAccessibleName(tr("Search the archives"));
    m_clear->setText(tr("C&lear"));
    m_clear->setAccessibleName(tr("Clear the search fields"));
}

void SearchPanel::retranslate()
{
    retranslateFields();
    m_model->setHorizontalHeaderLabels({tr("Patient name"), tr("Patient ID"), tr("Birth date"),
                                        tr("Study date"), tr("Description"), tr("Modalities"),
                                        tr("Accession"), tr("Series"), tr("Images"),
                                        tr("Archive")});
    m_view->setAccessibleName(tr("Search results"));
    m_more->setText(tr("&More results"));
    m_more->setAccessibleName(tr("Fetch more results"));
    m_open->setText(tr("&Open"));
    m_open->setAccessibleName(tr("Open the selected study"));
    m_keep->setText(tr("&Keep in local library"));
    m_keep->setAccessibleName(tr("Keep the selected study in the local library"));
    for (int i = 0; i < int(m_sources.size()); ++i)
        updateStatus(i);
}

void SearchPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString SearchPanel::dicomName(const QString& typed)
{
    const QString text = typed.trimmed();
    if (text.contains(QLatin1Char('^')) || !text.contains(QLatin1Char(',')))
        return text;
    QStringList parts = text.split(QLatin1Char(','));
    for (QString& part : parts)
        part = part.trimmed();
    return parts.join(QLatin1Char('^'));
}

} // namespace fenestra::app
