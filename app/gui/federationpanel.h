#pragma once

#include "gui/archivesettings.h" // first: net's errors header (see there)

#include "consent/fhirconsent.h"
#include "dicomweb/archiveconfig.h"
#include "dicomweb/dicomwebrequest.h"
#include "federation/federatedsearch.h"
#include "federation/tenantdirectory.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace fenestra::net {
class OidcSession;
} // namespace fenestra::net

namespace fenestra::app {

// Searching one patient across the hospitals of a federation, with the patient's consent.
//
// Fields: national identifier (checked with the federation's scheme; a wrong one is refused
// with a plain error and nothing is sent), name, birth date. Search runs in two steps:
//  1. the doctor's own hospital (the session's organisation; always searchable) is asked, and
//     the consent registry is asked for the patient's consents (national identifier typed, or
//     found in the own hospital's answer);
//  2. every other hospital is queried only when evaluateConsent() allows it for treatment (or
//     while the doctor's emergency access lasts); the others show why they were not searched
//     ("not searched: no consent on record"), never what they hold. They are asked in parallel
//     (net::FederatedSearch): a slow or dead hospital delays nobody.
// Each hospital has a status line (answered n, slow, failed: reason, denied, not searched:
// reason, timed out). The results list one row per study (a study held by several hospitals
// once, naming them), under the person it belongs to (net::groupPersons); a warning says when
// records match only by name and birth date (not merged) or when namesakes are different
// people.
//
// Withdrawal: the last decision per (national identifier, hospital) is remembered; when a
// later check turns an allowed hospital into a refused one, accessWithdrawn() names the
// studies of that patient that hospital answered before, for the window to purge its cache
// and close their views.
//
// The panel never logs patient data. Thread contract: GUI thread only; `manager` must outlive
// the panel.
class FederationPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        StudyDateColumn,
        DescriptionColumn,
        ModalitiesColumn,
        HospitalsColumn,
        PatientIdColumn,
        ColumnCount
    };

    // One study row of the results, in display order.
    struct StudyRow
    {
        QString studyUid;
        QStringList tenantIds; // holding hospitals, in order of their answers
        int person = -1;       // index of its person (personTexts())
    };

    explicit FederationPanel(QNetworkAccessManager* manager, QWidget* parent = nullptr);
    ~FederationPanel() override;

    // The federation searched; clears results, statuses and remembered decisions.
    void setFederation(const net::FederationConfig& federation);
    const net::FederationConfig& federation() const { return m_federation; }
    // The doctor's session (looked up at each search: it may be set or replaced later). Its
    // organisation is the own hospital; its token goes with every request; its emergency access
    // lets every hospital be asked.
    void setSessionProvider(std::function<net::OidcSession*()> session);
    // Slow and timeout delays of the hospitals' searches (tests shorten them).
    void setTiming(net::FederatedSearch::Timing timing) { m_timing = timing; }
    // The current time for consent periods (tests move it); the system clock when empty.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    QLineEdit* nationalIdField() const { return m_nationalId; }
    QLineEdit* nameField() const { return m_name; }
    QDateEdit* birthDateField() const { return m_birthDate; }
    QPushButton* searchButton() const { return m_searchButton; }
    QTreeWidget* resultView() const { return m_results; }

    // The error of the last search attempt (invalid national identifier, not signed in...),
    // empty when none.
    QString errorText() const;
    bool isSearching() const;
    // The status line of a hospital, and its state in the last search (NotSearched before).
    QString tenantStatusText(const QString& tenantId) const;
    net::TenantState tenantState(const QString& tenantId) const;
    QList<StudyRow> studyRows() const;
    QStringList personTexts() const;
    // The visible warnings about the persons found (ambiguous matches, namesakes).
    QStringList warnings() const;
    // Opens a row of studyRows(): emits openStudyRequested with a holding hospital (the own
    // one when it holds the study, else the first to answer).
    bool openStudy(int row);

public slots:
    void search();
    // Forgets results, fields and statuses (sign-out); remembered decisions stay.
    void clearResults();

signals:
    void openStudyRequested(const net::ArchiveConfig& archive, const QString& studyUid);
    // A hospital no longer may be asked for a patient (consent withdrawn, expired or denied
    // since the last check): the studies of that patient it answered before.
    void accessWithdrawn(const net::ArchiveConfig& archive, const QStringList& studyUids);
    // A hospital is being asked (once per hospital per search, as its request starts; never for
    // a hospital not searched): its archive and the study query it is sent, include fields as
    // net::FederatedSearch adds them. For the audit trail (DICOM "Query", 110112).
    void tenantQueried(const net::ArchiveConfig& archive, const net::StudyQuery& query);
    // Both steps are over (every hospital answered, failed, timed out or was not searched).
    void searchFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    // federationpanel.cpp: fields, status lines, results
    void buildUi();
    void retranslate();
    void rebuildStatusLines();
    void updateStatus(const QString& tenantId);
    void showError(const QString& text);
    void rebuildResults();
    QString statusText(const QString& tenantId) const;
    // federationpanel_search.cpp: the two steps and the consent decisions
    void startOwnSearch();
    void fetchConsents(const QStringList& nationalIds);
    void maybeStartOthers();
    void startOthers();
    void rememberDecisions(const QHash<QString, QHash<QString, net::ConsentDecision>>& decisions);
    void rememberHoldings();
    void checkFinished();
    net::FederatedSearch* makeSearch(const QList<net::TenantConfig>& tenants);
    // Starts `search` and emits tenantQueried for each hospital it asks.
    void startSearch(net::FederatedSearch* search, const QList<net::TenantConfig>& tenants,
                     const net::StudyQuery& query,
                     const QHash<QString, net::TenantDecision>& decisions);
    std::vector<net::TenantStudy> allRecords() const;
    QString ownTenant() const;
    QDateTime now() const;

    QNetworkAccessManager* m_manager;
    net::FederationConfig m_federation;
    std::function<net::OidcSession*()> m_session;
    net::FederatedSearch::Timing m_timing;
    std::function<QDateTime()> m_clock;

    // The search under way (all reset by search()): a context object whose destruction drops
    // the consent callbacks of an earlier search.
    std::unique_ptr<QObject> m_context;
    net::FederatedSearch* m_own = nullptr;    // the own hospital (child of m_context)
    net::FederatedSearch* m_others = nullptr; // the others, once decided (child of m_context)
    net::StudyQuery m_query;
    QString m_typedNationalId;                      // validated, empty when none typed
    bool m_onlyTypedPatient = false;                // searched by national identifier alone
    QStringList m_consentIds;                       // national ids whose consents are asked
    QHash<QString, QList<net::Consent>> m_consents; // national id -> consents
    std::optional<net::Error> m_consentError;
    int m_consentsPending = 0;
    bool m_ownDone = false;
    bool m_othersDone = false;
    bool m_searching = false;
    QHash<QString, net::TenantStatus> m_status; // the others' status before step 2
    QHash<QString, QString> m_notSearched;      // tenant -> reason (before step 2 runs)

    // Remembered across searches: last decision per "national id\ntenant" (true: allowed),
    // and the studies of that patient the tenant answered.
    QHash<QString, bool> m_lastDecision;
    QHash<QString, QSet<QString>> m_holdings;

    std::vector<net::PersonGroup> m_groups;
    QList<StudyRow> m_rows;
    QStringList m_warnings;

    QLabel* m_title = nullptr;
    QList<QLabel*> m_fieldLabels;
    QLineEdit* m_nationalId = nullptr;
    QLineEdit* m_name = nullptr;
    QDateEdit* m_birthDate = nullptr;
    QPushButton* m_searchButton = nullptr;
    QLabel* m_error = nullptr;
    QVBoxLayout* m_statusLayout = nullptr;
    QHash<QString, QLabel*> m_statusLabels;
    QLabel* m_warningLabel = nullptr;
    QTreeWidget* m_results = nullptr;
};

} // namespace fenestra::app
