#pragma once

#include "dicomweb/dicomwebclient.h"
#include "patientidentity.h"
#include "tenantdirectory.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace fenestra::net {

// Where one tenant stands in a federated search.
enum class TenantState
{
    NotSearched, // not queried: the caller's decision (no consent, say), `reason` says why
    Searching,   // request sent, no answer yet
    Slow,        // still no answer after Timing::slowAfter
    Answered,    // answered: `count` studies
    Failed,      // no usable answer: `error` (connection refused, HTTP 500, malformed JSON...)
    Denied,      // the archive refused the request (HTTP 401 or 403)
    TimedOut,    // no answer within Timing::timeout (or the idle timeout): request cancelled
    Cancelled,   // the whole search was cancelled while this tenant was still searching
};
// Stable name of a state ("Answered"), for logs and tests.
const char* tenantStateName(TenantState state);

// Whether a tenant may be queried for this search (the consent check's verdict, made before).
struct TenantDecision
{
    bool query = false;
    // Why not, for the user (the caller's text, e.g. "not searched: no consent on record").
    QString reason;

    static TenantDecision allow() { return TenantDecision{true, {}}; }
    static TenantDecision notSearched(QString why) { return TenantDecision{false, std::move(why)}; }
};

struct TenantStatus
{
    TenantState state = TenantState::NotSearched;
    QString reason;             // NotSearched: the decision's reason
    int count = -1;             // Answered: studies in the answer (before deduplication)
    std::optional<Error> error; // Failed, Denied, TimedOut: what happened
    int httpStatus = 0;         // the archive's HTTP status, 0 when none came
    qint64 elapsedMs = -1;      // from start() to the end of this tenant's request

    // Searching or Slow.
    bool isPending() const { return state == TenantState::Searching || state == TenantState::Slow; }
};

// A study found in the federation, once, with every tenant holding it (the same Study Instance
// UID answered by several archives), in the order they answered.
struct FederatedStudy
{
    QString studyInstanceUid;
    std::vector<TenantStudy> holdings; // never empty

    const StudyRecord& study() const { return holdings.front().study; }
    QStringList tenantIds() const;
};

// A QIDO-RS study search sent to every permitted tenant of a federation at once. Results of
// each tenant are delivered as soon as it answers; a slow or dead tenant never delays the
// others; each tenant has its own status; the same study held by several tenants is listed
// once, with all of them. Name and birth-date grouping into persons is left to groupPersons
// (records()).
//
// Signal order for one tenant's answer: resultsArrived, then tenantStatusChanged (Answered),
// then finished() if it was the last. start() emits the initial status of every tenant
// (NotSearched or Searching) before returning; finished() always comes from the event loop,
// also when no tenant is queried.
//
// Thread contract: lives on the thread of the clients' QNetworkAccessManager (the GUI
// thread); not thread-safe. Destroying it aborts the requests without signals.
class FederatedSearch : public QObject
{
    Q_OBJECT

public:
    // Makes the DICOMweb client of a tenant, as a child of `parent` (called once per tenant,
    // in the constructor).
    using ClientFactory =
        std::function<DicomWebClient*(const TenantConfig& tenant, QObject* parent)>;
    // Clients on `manager` (shared, owned by the caller) with `options` (the bearer token and
    // purpose-of-use header go there).
    static ClientFactory clientFactory(QNetworkAccessManager* manager, RequestOptions options = {});

    struct Timing
    {
        std::chrono::milliseconds slowAfter{1500}; // Searching -> Slow
        std::chrono::milliseconds timeout{15000};  // -> TimedOut, request cancelled
    };

    FederatedSearch(QList<TenantConfig> tenants, const ClientFactory& factory,
                    QObject* parent = nullptr);
    ~FederatedSearch() override;

    void setTiming(Timing timing) { m_timing = timing; }
    Timing timing() const { return m_timing; }
    const QList<TenantConfig>& tenants() const { return m_tenants; }
    // The client of `tenantId` (nullptr for an unknown id), to set options or retrieve from.
    DicomWebClient* client(const QString& tenantId) const;

    // Starts a search (a running one is cancelled first, without signals). Tenants are queried
    // only when `decisions` holds Query for their id; a tenant missing from `decisions` is
    // NotSearched with an empty reason (no decision is no permission). The query asks for the
    // patient identifiers (kPatientIdentifierFields) besides its own include fields.
    void start(const StudyQuery& query, const QHash<QString, TenantDecision>& decisions);
    // Cancels the tenants still searching (Cancelled) and emits finished() from the event loop.
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    TenantStatus status(const QString& tenantId) const;
    // The studies so far, without duplicates, in order of arrival.
    const std::vector<FederatedStudy>& studies() const { return m_studies; }
    // Every record of every tenant (duplicates included), for groupPersons.
    std::vector<TenantStudy> records() const;

signals:
    void tenantStatusChanged(const QString& tenantId, const fenestra::net::TenantStatus& status);
    // `tenantId` answered: `added` are new studies, `extended` studies already listed that
    // this tenant also holds (indices into studies()).
    void resultsArrived(const QString& tenantId, const QList<int>& added,
                        const QList<int>& extended);
    void finished();

private:
    struct Source
    {
        TenantConfig tenant;
        DicomWebClient* client = nullptr;
        QPointer<QidoSearch> search;
        std::unique_ptr<QTimer> slowTimer;
        std::unique_ptr<QTimer> timeoutTimer;
        TenantStatus status;
    };

    void launch(Source& source, const StudyQuery& query);
    void onFinished(int index);
    void onSlow(int index);
    void onTimeout(int index);
    void merge(int index, const QidoSearch& search);
    // Records the end of a tenant's request and emits its status (and finished() if last).
    void settle(int index, TenantStatus status);
    void stopRequest(Source& source);
    void finishSoon();

    QList<TenantConfig> m_tenants;
    std::vector<Source> m_sources;
    Timing m_timing;
    QElapsedTimer m_clock;
    int m_pending = 0;
    quint64 m_generation = 0; // a queued finished() of an earlier search is dropped
    std::vector<FederatedStudy> m_studies;
    QHash<QString, int> m_studyIndex; // Study Instance UID -> index in m_studies
};

} // namespace fenestra::net

Q_DECLARE_METATYPE(fenestra::net::TenantStatus)
