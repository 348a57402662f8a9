#pragma once

#include "archivesettings.h" // first: net's errors header (see there)

#include "dicomweb/archiveconfig.h"
#include "dicomweb/dicomwebrequest.h"
#include "dicomweb/qidoquery.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;
class QVBoxLayout;

namespace fenestra::net {
class DicomWebClient;
class QidoSearch;
struct StudyRecord;
} // namespace fenestra::net

namespace fenestra::app {

// Study search across every configured DICOMweb archive at once (a federated QIDO-RS search).
// Fields above (patient name with the DICOM wildcards * and ?, patient ID, birth date, study
// date range, modality, accession number); Search (or Enter in a field) queries every archive
// through its own DicomWebClient; a sortable table below lists the studies of all archives,
// each row naming its archive; one status line per archive tells its own outcome (searching,
// the number of studies, or the translated error), so a failing archive never hides the
// others' results. Results come in pages of pageSize() per archive; "More results" asks each
// archive that filled its last page for the next one. A new search (or setArchives) cancels
// the requests still running.
//
// Double-click or Enter on a row (or Open) emits openStudyRequested; "Keep in local library"
// emits keepStudyRequested for the selected row. The panel never logs patient data.
//
// Thread contract: GUI thread only. `manager` is shared by the archives' clients and must
// outlive the panel.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        PatientNameColumn,
        PatientIdColumn,
        BirthDateColumn,
        StudyDateColumn,
        DescriptionColumn,
        ModalitiesColumn,
        AccessionColumn,
        SeriesCountColumn,
        InstanceCountColumn,
        ArchiveColumn,
        ColumnCount
    };

    // Data of the result rows: the study UID and archive index (on the patient name cell) and
    // the value each column sorts by (dates as QDate, counts as int).
    enum Role
    {
        StudyUidRole = Qt::UserRole + 1,
        ArchiveIndexRole,
        SortRole
    };

    // The state of one archive's search, as its status line shows it.
    enum class ArchiveState
    {
        Idle,      // not searched yet
        Searching, // a page is on its way
        Done,      // every page asked for arrived
        Failed     // the last request failed: the status line gives the reason
    };

    explicit SearchPanel(QNetworkAccessManager* manager, QWidget* parent = nullptr);
    ~SearchPanel() override;

    // The archives to search (Settings::archives() merged with the session's --archive ones,
    // see mergeArchives). Cancels any search and clears the results.
    void setArchives(const QList<net::ArchiveConfig>& archives);
    QList<net::ArchiveConfig> archives() const;

    // Options of every archive's requests (the bearer token of the signed-in doctor, say): for
    // the archives set now and later.
    void setRequestOptions(const net::RequestOptions& options);
    // Whether the doctor may search (signed in, with a role that may); when not, the fields
    // and buttons are disabled and `reason` is shown above the results, and a running search
    // is cancelled.
    void setSearchAllowed(bool allowed, const QString& reason = {});
    bool isSearchAllowed() const { return m_allowed; }
    QString notAllowedReason() const;
    // Cancels the requests and forgets every result, field and status (sign-out).
    void clearResults();

    // Studies asked per archive and page (default 50).
    void setPageSize(int studies);
    int pageSize() const { return m_pageSize; }

    // The query the fields describe (paging not set). A name typed "FAMILY, Given" is sent in
    // DICOM form "FAMILY^Given"; several modalities may be separated by commas or spaces.
    net::StudyQuery query() const;

    bool isSearching() const;
    bool hasMoreResults() const;
    ArchiveState archiveState(int archive) const;
    QString archiveStatusText(int archive) const;
    int resultCount() const;
    // The study and archive of a row of the view (sorted order).
    QString studyUidAt(int viewRow) const;
    net::ArchiveConfig archiveAt(int viewRow) const;

    QTreeView* resultView() const { return m_view; }
    QLineEdit* patientNameField() const { return m_patientName; }
    QLineEdit* patientIdField() const { return m_patientId; }
    QDateEdit* birthDateField() const { return m_birthDate; }
    QDateEdit* studyDateFromField() const { return m_dateFrom; }
    QDateEdit* studyDateToField() const { return m_dateTo; }
    QComboBox* modalityField() const { return m_modality; }
    QLineEdit* accessionField() const { return m_accession; }
    QPushButton* searchButton() const { return m_search; }
    QPushButton* moreButton() const { return m_more; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* keepButton() const { return m_keep; }

    // "PHANTOM, Ct" from "Phantom^Ct": the family name in capitals, then the given and middle
    // names; prefix and suffix follow; the alphabetic group only.
    static QString formatPatientName(const QString& dicomName);
    // What the user typed as a DICOM person name: "Family, Given" becomes "Family^Given".
    static QString dicomName(const QString& typed);

public slots:
    // Searches every archive with the fields' query, cancelling the previous search.
    void search();
    // Asks every archive whose last page was full for its next page.
    void fetchMore();
    // Cancels the requests still running; the results so far stay.
    void cancel();
    // Resets every field to "any".
    void clearFields();
    // After authorizationRefused(), the access token was renewed: the refused pages are asked
    // again, once; refused again, they fail.
    void retryRefused();
    // The access token cannot be renewed: the archives waiting for it fail with `reason`.
    void failRefused(const net::Error& reason);

signals:
    void openStudyRequested(const net::ArchiveConfig& archive, const QString& studyUid);
    void keepStudyRequested(const net::ArchiveConfig& archive, const QString& studyUid);
    // Every archive has answered (or failed) the last search or page.
    void searchFinished();
    // An archive refused the access token (HTTP 401 or 403): renew it, then call
    // retryRefused() or failRefused(). The archive shows "signing in again" meanwhile.
    void authorizationRefused();
    // A search was sent to the archives (for the audit trail).
    void searchStarted(const net::StudyQuery& query);
    // The token renewed after authorizationRefused() was refused as unauthenticated (HTTP 401)
    // too: the doctor must sign in again.
    void reauthenticationNeeded();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // One archive: its client and the state of its search.
    struct Source
    {
        net::ArchiveConfig archive;
        net::DicomWebClient* client = nullptr; // a child of the panel
        QPointer<net::QidoSearch> request;     // the page on its way, if any
        ArchiveState state = ArchiveState::Idle;
        int received = 0;   // studies of the current search so far
        int nextOffset = 0; // offset of the next page
        bool more = false;  // the last page was full: there may be more
        std::optional<net::Error> error;
        QLabel* status = nullptr;
        bool refused = false; // the token was refused: waiting for retryRefused()
        bool retried = false; // the current page is the retry after a renewed token
    };

    void buildFields();
    void buildResults();
    void buildStatusLines();
    void cancelRequests();
    void requestPage(int archive);
    void onSearchFinished(int archive);
    void appendStudies(int archive, const std::vector<net::StudyRecord>& studies);
    void updateStatus(int archive);
    void updateButtons();
    void emitForCurrent(bool keep);
    void retranslate();
    void retranslateFields();

    QNetworkAccessManager* m_manager;
    std::vector<Source> m_sources;
    net::StudyQuery m_query; // of the search the results belong to
    int m_pageSize = 50;
    net::RequestOptions m_requestOptions;
    bool m_allowed = true;
    QLabel* m_notAllowed = nullptr;

    QLineEdit* m_patientName = nullptr;
    QLineEdit* m_patientId = nullptr;
    QDateEdit* m_birthDate = nullptr;
    QDateEdit* m_dateFrom = nullptr;
    QDateEdit* m_dateTo = nullptr;
    QComboBox* m_modality = nullptr;
    QLineEdit* m_accession = nullptr;
    QList<QLabel*> m_fieldLabels;
    QPushButton* m_search = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_more = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_keep = nullptr;
    QWidget* m_fields = nullptr;
    QVBoxLayout* m_statusLayout = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
};

} // namespace fenestra::app
