// The federated search of the panel: one DicomWebClient per archive, one page request at a
// time per archive, the outcome of each archive on its own status line, the rows of all.

#include "searchpanel.h"

#include "archivesettings.h"

#include "dicomweb/dicomwebclient.h"

#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace fenestra::app {

namespace {

QStandardItem* cell(const QString& text, const QVariant& sortKey)
{
    auto* item = new QStandardItem(text);
    item->setData(sortKey, SearchPanel::SortRole);
    return item;
}

QStandardItem* dateCell(const QDate& date)
{
    return cell(date.isValid() ? date.toString(Qt::ISODate) : QString(), date);
}

QStandardItem* countCell(int count)
{
    QStandardItem* item = cell(count >= 0 ? QString::number(count) : QString(), count);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

bool isTokenRefusal(const net::RequestOutcome& outcome)
{
    return outcome.error && (outcome.error->code == net::ErrorCode::Unauthorized ||
                             outcome.error->code == net::ErrorCode::Forbidden);
}

} // namespace

SearchPanel::~SearchPanel()
{
    // Drop the requests quietly: nothing of a half-destroyed panel may be called back.
    cancelRequests();
}

void SearchPanel::setArchives(const QList<net::ArchiveConfig>& archives)
{
    cancelRequests();
    for (Source& source : m_sources) {
        delete source.client; // aborts and destroys its requests, without signals
        delete source.status;
    }
    m_sources.clear();
    m_model->removeRows(0, m_model->rowCount());
    for (const net::ArchiveConfig& archive : archives) {
        Source source;
        source.archive = archive;
        source.client = new net::DicomWebClient(archive, m_manager, this);
        source.client->setOptions(m_requestOptions);
        source.status = new QLabel(this);
        source.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_statusLayout->addWidget(source.status);
        m_sources.push_back(std::move(source));
    }
    for (int i = 0; i < int(m_sources.size()); ++i)
        updateStatus(i);
    updateButtons();
}

QList<net::ArchiveConfig> SearchPanel::archives() const
{
    QList<net::ArchiveConfig> archives;
    for (const Source& source : m_sources)
        archives.append(source.archive);
    return archives;
}

void SearchPanel::setRequestOptions(const net::RequestOptions& options)
{
    m_requestOptions = options;
    for (Source& source : m_sources)
        source.client->setOptions(options);
}

void SearchPanel::clearResults()
{
    cancelRequests();
    m_model->removeRows(0, m_model->rowCount());
    clearFields();
    for (int i = 0; i < int(m_sources.size()); ++i) {
        Source& source = m_sources[i];
        source.state = ArchiveState::Idle;
        source.received = 0;
        source.nextOffset = 0;
        source.more = false;
        source.error.reset();
        source.retried = false;
        updateStatus(i);
    }
    updateButtons();
}

void SearchPanel::retryRefused()
{
    for (int i = 0; i < int(m_sources.size()); ++i) {
        if (!m_sources[i].refused)
            continue;
        m_sources[i].refused = false;
        m_sources[i].retried = true;
        requestPage(i);
    }
    updateButtons();
}

void SearchPanel::failRefused(const net::Error& reason)
{
    for (int i = 0; i < int(m_sources.size()); ++i) {
        Source& source = m_sources[i];
        if (!source.refused)
            continue;
        source.refused = false;
        source.error = reason;
        source.state = ArchiveState::Failed;
        updateStatus(i);
    }
    updateButtons();
    if (!isSearching())
        emit searchFinished();
}

void SearchPanel::setPageSize(int studies)
{
    m_pageSize = std::max(1, studies);
}

bool SearchPanel::isSearching() const
{
    return std::any_of(m_sources.begin(), m_sources.end(), [](const Source& source) {
        return !source.request.isNull() || source.refused;
    });
}

bool SearchPanel::hasMoreResults() const
{
    return std::any_of(m_sources.begin(), m_sources.end(),
                       [](const Source& source) { return source.more; });
}

SearchPanel::ArchiveState SearchPanel::archiveState(int archive) const
{
    return archive >= 0 && archive < int(m_sources.size()) ? m_sources[archive].state
                                                           : ArchiveState::Idle;
}

QString SearchPanel::archiveStatusText(int archive) const
{
    return archive >= 0 && archive < int(m_sources.size()) ? m_sources[archive].status->text()
                                                           : QString();
}

int SearchPanel::resultCount() const
{
    return m_model->rowCount();
}

QString SearchPanel::studyUidAt(int viewRow) const
{
    return m_proxy->index(viewRow, PatientNameColumn).data(StudyUidRole).toString();
}

net::ArchiveConfig SearchPanel::archiveAt(int viewRow) const
{
    const QVariant index = m_proxy->index(viewRow, PatientNameColumn).data(ArchiveIndexRole);
    const int archive = index.isValid() ? index.toInt() : -1;
    return archive >= 0 && archive < int(m_sources.size()) ? m_sources[archive].archive
                                                           : net::ArchiveConfig{};
}

void SearchPanel::search()
{
    cancelRequests();
    m_model->removeRows(0, m_model->rowCount());
    m_query = query();
    if (!m_allowed)
        return;
    emit searchStarted(m_query);
    for (int i = 0; i < int(m_sources.size()); ++i) {
        Source& source = m_sources[i];
        source.received = 0;
        source.nextOffset = 0;
        source.more = false;
        source.error.reset();
        source.retried = false;
        requestPage(i);
    }
    updateButtons();
}

void SearchPanel::fetchMore()
{
    if (isSearching() || !m_allowed)
        return; // one page at a time per archive, and offsets stay in step
    for (int i = 0; i < int(m_sources.size()); ++i) {
        if (m_sources[i].more) {
            m_sources[i].retried = false;
            requestPage(i);
        }
    }
    updateButtons();
}

void SearchPanel::cancel()
{
    const bool wasSearching = isSearching();
    cancelRequests();
    for (int i = 0; i < int(m_sources.size()); ++i)
        updateStatus(i);
    updateButtons();
    if (wasSearching)
        emit searchFinished();
}

void SearchPanel::cancelRequests()
{
    for (Source& source : m_sources) {
        if (source.refused) { // waiting for a renewed token: not any more
            source.refused = false;
            source.state = ArchiveState::Idle;
        }
        if (source.request.isNull())
            continue;
        net::QidoSearch* request = source.request;
        source.request = nullptr;
        disconnect(request, nullptr, this, nullptr); // its Cancelled outcome is not news
        request->cancel();
        request->deleteLater();
        source.state = source.error          ? ArchiveState::Failed
                       : source.received > 0 ? ArchiveState::Done
                                             : ArchiveState::Idle;
    }
}

void SearchPanel::requestPage(int archive)
{
    Source& source = m_sources[archive];
    net::StudyQuery page = m_query;
    page.paging = {m_pageSize, source.nextOffset};
    net::QidoSearch* request = source.client->searchStudies(page);
    source.request = request;
    source.state = ArchiveState::Searching;
    // The index stays valid: setArchives() destroys the clients, with their requests, first.
    connect(request, &net::DicomWebRequest::finished, this,
            [this, archive] { onSearchFinished(archive); });
    updateStatus(archive);
}

void SearchPanel::onSearchFinished(int archive)
{
    Source& source = m_sources[archive];
    net::QidoSearch* request = source.request;
    if (request == nullptr)
        return;
    source.request = nullptr;
    request->deleteLater();
    const net::RequestOutcome& outcome = request->outcome();
    if (outcome.status == net::RequestStatus::Clean ||
        outcome.status == net::RequestStatus::Warnings) {
        const int count = request->resultCount();
        appendStudies(archive, request->studies());
        source.received += count;
        source.nextOffset += m_pageSize;
        source.more = count >= m_pageSize;
        source.error.reset();
        source.state = ArchiveState::Done;
    } else if (isTokenRefusal(outcome) && !source.retried) {
        // Renew the token and ask again, once (the app answers with retryRefused()).
        source.refused = true;
        source.state = ArchiveState::Searching;
        updateStatus(archive);
        updateButtons();
        emit authorizationRefused();
        return;
    } else {
        // `more` stays: after a failed next page, "More results" asks for it again.
        source.error = outcome.error.value_or(net::Error{net::ErrorCode::Cancelled, {}});
        source.state = ArchiveState::Failed;
        // A renewed token refused as unauthenticated (401) needs a new sign-in; a refusal of
        // access (403) is the archive's answer to this doctor, which signing in again won't change.
        if (source.retried && source.error->code == net::ErrorCode::Unauthorized)
            emit reauthenticationNeeded();
    }
    updateStatus(archive);
    updateButtons();
    if (!isSearching())
        emit searchFinished();
}

void SearchPanel::appendStudies(int archive, const std::vector<net::StudyRecord>& studies)
{
    for (const net::StudyRecord& study : studies) {
        const QString name = formatPatientName(study.patientName);
        QList<QStandardItem*> row{
            cell(name, name),
            cell(study.patientId, study.patientId),
            dateCell(study.patientBirthDate),
            dateCell(study.studyDate),
            cell(study.studyDescription, study.studyDescription),
            cell(study.modalities.join(QLatin1String(", ")),
                 study.modalities.join(QLatin1String(", "))),
            cell(study.accessionNumber, study.accessionNumber),
            countCell(study.numberOfSeries),
            countCell(study.numberOfInstances),
            cell(m_sources[archive].archive.name, m_sources[archive].archive.name),
        };
        row[PatientNameColumn]->setData(study.studyInstanceUid, StudyUidRole);
        row[PatientNameColumn]->setData(archive, ArchiveIndexRole);
        for (QStandardItem* item : row)
            item->setEditable(false);
        m_model->appendRow(row);
    }
}

void SearchPanel::updateStatus(int archive)
{
    const Source& source = m_sources[archive];
    const QString& name = source.archive.name;
    QString text;
    switch (source.state) {
    case ArchiveState::Idle:
        text = tr("%1: ready").arg(name);
        break;
    case ArchiveState::Searching:
        text = source.refused ? tr("%1: signing in again\u2026").arg(name)
                              : tr("%1: searching\u2026").arg(name);
        break;
    case ArchiveState::Done:
        text = source.more ? tr("%1: studies so far: %n, more available", nullptr, source.received)
                           : tr("%1: studies found: %n", nullptr, source.received);
        text = text.arg(name);
        break;
    case ArchiveState::Failed:
        text = tr("%1: error: %2").arg(name, describeArchiveError(*source.error));
        break;
    }
    source.status->setText(text);
    source.status->setAccessibleName(tr("Status of archive %1").arg(name));
}

} // namespace fenestra::app
