#include "federatedsearch.h"

#include <QNetworkAccessManager>

namespace fenestra::net {

namespace {

bool isRefusal(const RequestOutcome& outcome)
{
    if (outcome.httpStatus == 401 || outcome.httpStatus == 403)
        return true;
    return outcome.error && (outcome.error->code == ErrorCode::Unauthorized ||
                             outcome.error->code == ErrorCode::Forbidden);
}

// The status a finished request gives its tenant.
TenantStatus statusOf(const QidoSearch& search)
{
    const RequestOutcome& outcome = search.outcome();
    TenantStatus status;
    status.httpStatus = outcome.httpStatus;
    status.error = outcome.error;
    if (outcome.status == RequestStatus::Clean || outcome.status == RequestStatus::Warnings) {
        status.state = TenantState::Answered;
        status.count = search.resultCount();
    } else if (isRefusal(outcome)) {
        status.state = TenantState::Denied;
    } else if (outcome.error && outcome.error->code == ErrorCode::Timeout) {
        status.state = TenantState::TimedOut; // the client's idle timeout came first
    } else if (outcome.status == RequestStatus::Cancelled) {
        status.state = TenantState::Cancelled;
    } else {
        status.state = TenantState::Failed;
    }
    return status;
}

} // namespace

const char* tenantStateName(TenantState state)
{
    switch (state) {
    case TenantState::NotSearched:
        return "NotSearched";
    case TenantState::Searching:
        return "Searching";
    case TenantState::Slow:
        return "Slow";
    case TenantState::Answered:
        return "Answered";
    case TenantState::Failed:
        return "Failed";
    case TenantState::Denied:
        return "Denied";
    case TenantState::TimedOut:
        return "TimedOut";
    case TenantState::Cancelled:
        return "Cancelled";
    }
    return "Unknown";
}

QStringList FederatedStudy::tenantIds() const
{
    QStringList ids;
    for (const TenantStudy& holding : holdings)
        ids.append(holding.tenantId);
    return ids;
}

FederatedSearch::ClientFactory FederatedSearch::clientFactory(QNetworkAccessManager* manager,
                                                              RequestOptions options)
{
    return [manager, options](const TenantConfig& tenant, QObject* parent) {
        auto* client = new DicomWebClient(tenant.archive, manager, parent);
        client->setOptions(options);
        return client;
    };
}

FederatedSearch::FederatedSearch(QList<TenantConfig> tenants, const ClientFactory& factory,
                                 QObject* parent)
    : QObject(parent), m_tenants(std::move(tenants))
{
    qRegisterMetaType<fenestra::net::TenantStatus>();
    for (const TenantConfig& tenant : m_tenants) {
        Source source;
        source.tenant = tenant;
        source.client = factory(tenant, this);
        if (source.client && source.client->parent() != this)
            source.client->setParent(this);
        m_sources.push_back(std::move(source));
    }
}

FederatedSearch::~FederatedSearch()
{
    for (Source& source : m_sources)
        delete source.search.data(); // aborts without finished()
}

DicomWebClient* FederatedSearch::client(const QString& tenantId) const
{
    for (const Source& source : m_sources)
        if (source.tenant.id == tenantId)
            return source.client;
    return nullptr;
}

void FederatedSearch::start(const StudyQuery& query,
                            const QHash<QString, TenantDecision>& decisions)
{
    for (Source& source : m_sources)
        stopRequest(source);
    ++m_generation;
    m_pending = 0;
    m_studies.clear();
    m_studyIndex.clear();
    m_clock.start();
    StudyQuery withIds = query;
    for (const QString& field : kPatientIdentifierFields)
        if (!withIds.includeFields.contains(field))
            withIds.includeFields.append(field);
    for (int i = 0; i < int(m_sources.size()); ++i) {
        Source& source = m_sources[i];
        const TenantDecision decision = decisions.value(source.tenant.id);
        source.status = TenantStatus{};
        if (!decision.query || !source.client) {
            source.status.reason = decision.reason;
            emit tenantStatusChanged(source.tenant.id, source.status);
            continue;
        }
        source.status.state = TenantState::Searching;
        ++m_pending;
        launch(source, withIds);
        emit tenantStatusChanged(source.tenant.id, source.status);
    }
    if (m_pending == 0)
        finishSoon();
}

void FederatedSearch::launch(Source& source, const StudyQuery& query)
{
    const int index = int(&source - m_sources.data());
    source.search = source.client->searchStudies(query);
    connect(source.search, &DicomWebRequest::finished, this, [this, index] { onFinished(index); });
    source.slowTimer = std::make_unique<QTimer>();
    source.slowTimer->setSingleShot(true);
    source.slowTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(source.slowTimer.get(), &QTimer::timeout, this, [this, index] { onSlow(index); });
    source.slowTimer->start(m_timing.slowAfter);
    source.timeoutTimer = std::make_unique<QTimer>();
    source.timeoutTimer->setSingleShot(true);
    source.timeoutTimer->setTimerType(Qt::PreciseTimer);
    connect(source.timeoutTimer.get(), &QTimer::timeout, this, [this, index] { onTimeout(index); });
    source.timeoutTimer->start(m_timing.timeout);
}

void FederatedSearch::cancel()
{
    if (m_pending == 0)
        return;
    for (int i = 0; i < int(m_sources.size()); ++i) {
        Source& source = m_sources[i];
        if (!source.status.isPending())
            continue;
        stopRequest(source);
        TenantStatus status;
        status.state = TenantState::Cancelled;
        status.error = Error{ErrorCode::Cancelled, QStringLiteral("search cancelled")};
        source.status = status;
        source.status.elapsedMs = m_clock.elapsed();
        emit tenantStatusChanged(source.tenant.id, source.status);
    }
    m_pending = 0;
    finishSoon();
}

TenantStatus FederatedSearch::status(const QString& tenantId) const
{
    for (const Source& source : m_sources)
        if (source.tenant.id == tenantId)
            return source.status;
    return {};
}

std::vector<TenantStudy> FederatedSearch::records() const
{
    std::vector<TenantStudy> out;
    for (const FederatedStudy& study : m_studies)
        out.insert(out.end(), study.holdings.begin(), study.holdings.end());
    return out;
}

void FederatedSearch::onFinished(int index)
{
    Source& source = m_sources[index];
    if (!source.search || !source.status.isPending())
        return;
    QidoSearch* search = source.search;
    const TenantStatus status = statusOf(*search);
    const quint64 generation = m_generation;
    if (status.state == TenantState::Answered)
        merge(index, *search);
    // A receiver of resultsArrived may have cancelled or restarted the search.
    if (generation != m_generation || !m_sources[index].status.isPending())
        return;
    stopRequest(source); // deletes the finished request
    settle(index, status);
}

void FederatedSearch::onSlow(int index)
{
    Source& source = m_sources[index];
    if (source.status.state != TenantState::Searching)
        return;
    source.status.state = TenantState::Slow;
    emit tenantStatusChanged(source.tenant.id, source.status);
}

void FederatedSearch::onTimeout(int index)
{
    Source& source = m_sources[index];
    if (!source.status.isPending())
        return;
    stopRequest(source); // cancels: the archive's connection is closed
    TenantStatus status;
    status.state = TenantState::TimedOut;
    status.error = Error{ErrorCode::Timeout,
                         QStringLiteral("no answer within %1 ms").arg(m_timing.timeout.count())};
    settle(index, status);
}

void FederatedSearch::merge(int index, const QidoSearch& search)
{
    const QString& tenantId = m_sources[index].tenant.id;
    QList<int> added;
    QList<int> extended;
    const std::vector<StudyRecord>& studies = search.studies();
    const std::vector<PatientIdentifiers>& ids = search.studyIdentifiers();
    for (std::size_t i = 0; i < studies.size(); ++i) {
        TenantStudy record{tenantId, studies[i], i < ids.size() ? ids[i] : PatientIdentifiers{}};
        const auto known = m_studyIndex.constFind(studies[i].studyInstanceUid);
        if (known == m_studyIndex.cend()) {
            m_studyIndex.insert(studies[i].studyInstanceUid, int(m_studies.size()));
            added.append(int(m_studies.size()));
            m_studies.push_back(FederatedStudy{studies[i].studyInstanceUid, {std::move(record)}});
            continue;
        }
        FederatedStudy& study = m_studies[*known];
        if (study.tenantIds().contains(tenantId))
            continue; // listed twice in one answer
        study.holdings.push_back(std::move(record));
        if (!added.contains(*known) && !extended.contains(*known))
            extended.append(*known);
    }
    emit resultsArrived(tenantId, added, extended);
}

void FederatedSearch::settle(int index, TenantStatus status)
{
    Source& source = m_sources[index];
    status.elapsedMs = m_clock.elapsed();
    source.status = std::move(status);
    --m_pending;
    emit tenantStatusChanged(source.tenant.id, source.status);
    if (m_pending == 0)
        emit finished();
}

void FederatedSearch::stopRequest(Source& source)
{
    // Called from a timer's own timeout too: stopped now, deleted from the event loop.
    for (std::unique_ptr<QTimer>* timer : {&source.slowTimer, &source.timeoutTimer})
        if (*timer) {
            (*timer)->stop();
            (*timer)->disconnect(this);
            timer->release()->deleteLater();
        }
    if (QidoSearch* search = source.search) {
        source.search = nullptr;
        search->disconnect(this);
        search->cancel(); // nothing once finished
        search->deleteLater();
    }
}

void FederatedSearch::finishSoon()
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation && m_pending == 0)
                emit finished();
        },
        Qt::QueuedConnection);
}

} // namespace fenestra::net
