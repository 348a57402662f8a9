#pragma once

#include "audit/auditmessage.h"
#include "dicomweb/archiveconfig.h"
#include "dicomweb/dicomwebrequest.h"
#include "dicomweb/qidoquery.h"
#include "gui/annotationstore.h"
#include "media/importer.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>

#include <atomic>
#include <memory>
#include <vector>

class QActionGroup;
class QMenu;
class QNetworkAccessManager;
class QLabel;
class QListWidget;
class QMessageBox;
class QStackedWidget;
class QToolBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace fenestra::viewer {
class ImageView;
class MprView;
struct DisplaySet;
} // namespace fenestra::viewer
namespace fenestra::net {
class DicomWebClient;
class InstanceCache;
class OidcSession;
struct Identity;
struct ArchiveConfig;
struct FederationConfig;
} // namespace fenestra::net

namespace fenestra::app {

class FederationPanel;
class AuditTrail;
class HelpOverlay;
class IdleWatcher;
class LockScreen;
class MeasurementList;
class MprWorkspace;
class RecentItems;
class SearchPanel;
class SeriesStreamer;
class StreamSession;
class Settings;
class ThumbnailStrip;
class ViewGrid;
class ViewSync;

// The review workstation: a study browser and thumbnail strip, a grid of 2D views kept in
// step, tools, measurements (kept per study in the local annotation store), export, settings
// and a shortcut sheet. Imports run on the thread pool; their results arrive through a
// QFutureWatcher owned by the window, so a closed window is never called back.
//
// Thread contract: GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Uses `settings` (owned by the caller) and the annotation store in `annotationDir` (empty:
    // the default folder).
    explicit MainWindow(Settings& settings, const QString& annotationDir = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList& paths);
    // Closes every study: views emptied, running imports cancelled.
    void closeAll();

    viewer::ImageView* activeView() const;
    QList<viewer::ImageView*> views() const;
    bool setViewLayout(int rows, int columns);
    // Shows a display set (ThumbnailStrip::keyFor) in view `viewIndex` (-1: the active one).
    bool openDisplaySet(const QString& key, int viewIndex = -1);
    QStringList displaySetKeys() const;
    ThumbnailStrip* thumbnails() const { return m_thumbnails; }
    ViewSync* viewSync() const { return m_sync; }
    HelpOverlay* helpOverlay() const { return m_help; }
    // The MPR layout (Ctrl+M) of the active view's series: axial, coronal, sagittal and 3D in
    // place of the grid, which comes back as it was on leaving (or choosing a layout).
    bool enterMpr();
    void leaveMpr();
    bool isMprActive() const { return m_mpr != nullptr; }
    QList<viewer::MprView*> mprViews() const;

    // The archives the search panel asks (configured plus those of the command line), and the
    // encrypted cache streamed instances go to (may be null: no cache).
    void setArchives(const QList<net::ArchiveConfig>& archives);
    void setInstanceCache(net::InstanceCache* cache);
    SearchPanel* searchPanel() const { return m_search; }
    // The doctor's OpenID Connect session (not owned, outlives the window; null: no identity
    // provider configured, archives are asked without authentication). Its access token goes
    // with every archive request; searching needs a signed-in doctor whose role may search.
    void setSession(net::OidcSession* session);
    net::OidcSession* session() const { return m_session; }
    // How the window opens the system browser for sign-in and sign-out (tests play the
    // browser themselves). Default: QDesktopServices::openUrl.
    void setBrowserLauncher(std::function<void(const QUrl&)> open);
    // Locks the window now, as the idle watch does after Settings::idleLockMinutes(): patient
    // data hidden until the doctor signs in again (another doctor signing in gets a wiped
    // window).
    void lockSession();
    bool isLocked() const;
    // Signs out: the provider's session ends, the tokens are wiped, and so is every
    // patient-related thing the window holds in memory.
    void signOut();
    // Closes the studies, views, streams and search results, clears a copied view.
    void wipePatientData();
    IdleWatcher* idleWatcher() const { return m_idle; }
    // Where sign-in and sign-out, searches, studies viewed and retrieved, exports and emergency
    // access are recorded (not owned; null: nowhere).
    void setAuditTrail(AuditTrail* trail);
    // Break-the-glass (Account menu): with a written reason (10 characters at least), a
    // short-lived emergency token; a red banner says until when, with a way to end it now.
    // False when not signed in or the reason is too short.
    bool startEmergencyAccess(const QString& reason);
    void endEmergencyAccess();

    // The federation searched across hospitals, with the patient's consent (a dock of its own,
    // FederationPanel; the archive list's search panel stays for plain archives). A hospital
    // whose consent is withdrawn since the last check loses its cached studies of the patient
    // and their open views, with a notice.
    void setFederation(const net::FederationConfig& federation);
    FederationPanel* federationPanel() const { return m_federation; }

    // Lists the series of a study of an archive in the browser; shows the first in the active
    // view (streaming it), or, with show false, streams them all into the local cache only.
    void openRemoteStudy(const net::ArchiveConfig& archive, const QString& studyUid, bool show);

signals:
    // The paths of openPaths() are in the browser and the first display set is shown.
    void opened();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // mainwindow.cpp: layout, import, browser
    void createDocks();
    void importFinished();
    void populateBrowser();
    void fillEmptyViews();
    void showSelected(QTreeWidgetItem* item);
    void retranslate();
    QWidget* createView();
    void viewsChanged();
    void setActiveView(int index);
    // mainwindow_actions.cpp: menus, tool bar, shortcuts
    void createActions();
    QAction* addAction(QMenu* menu, const char* text, const QKeySequence& shortcut,
                       std::function<void()> run, bool viewScoped = false);
    void addToolActions(QMenu* menu);
    void addViewActions(QMenu* menu);
    void addLayoutActions(QMenu* menu);
    void withActiveView(const std::function<void(viewer::ImageView&)>& run);
    void exportImages();
    void openSettings();
    void chooseFiles();
    void chooseFolder();
    void chooseArchive();
    // mainwindow_archive.cpp: search panel and streaming
    void createArchiveDock();
    net::DicomWebClient* clientFor(const net::ArchiveConfig& archive);
    bool openRemoteItem(QTreeWidgetItem* item);
    bool openRemoteThumbnail(const QString& key);
    QTreeWidgetItem* remoteItem(const QString& seriesUid) const;
    void streamSeries(QTreeWidgetItem* item, viewer::ImageView* view);
    // mainwindow_mpr.cpp: the MPR layout
    void addMprActions(QMenu* view);
    void toggleMpr();
    void createMprWorkspace();
    void showStreamedVolume(SeriesStreamer& streamer);
    void loadMprVolume(const viewer::DisplaySet& displaySet);
    void withActiveMprView(const std::function<void(viewer::MprView&)>& run);
    viewer::ImageView* activeMprView() const;
    // mainwindow_session.cpp: sign-in, idle lock, sign-out
    void createSession();
    void addAccountActions(QMenu* menu);
    void onSignedIn(const net::Identity& identity);
    void updateAccountStatus();
    QMessageBox* showSessionMessage(const QString& title, const QString& text);
    void retranslateSession();
    // mainwindow_audit.cpp: the audit trail
    void audit(net::audit::AuditEvent event);
    void auditSearch(const net::StudyQuery& query); // every archive of the search panel
    void auditQuery(const net::ArchiveConfig& archive, const net::StudyQuery& query);
    void auditSeries(net::audit::AuditEventKind kind, const net::ArchiveConfig& archive,
                     const viewer::DisplaySet& ds);
    void auditExport(const viewer::ImageView& view, const QString& target);
    void auditSession(net::audit::AuditEventKind kind, const QString& reason = {});
    void askEmergencyAccess();
    void updateEmergencyBanner();
    // mainwindow_federation.cpp: search across hospitals, withdrawn consents
    void purgeWithdrawn(const net::ArchiveConfig& archive, const QStringList& studyUids);
    // mainwindow_measurements.cpp: the measurement list and the annotation store
    void loadMeasurements(viewer::ImageView& view);
    void saveMeasurements(viewer::ImageView& view);
    void refreshMeasurementList();
    QString studyOf(const viewer::ImageView& view) const;

    Settings& m_settings;
    AnnotationStore m_annotations;
    ViewGrid* m_grid = nullptr;
    QStackedWidget* m_central = nullptr; // the grid, or the MPR layout over it
    MprWorkspace* m_mpr = nullptr;       // while the MPR layout is shown
    QAction* m_mprAction = nullptr;
    ViewSync* m_sync = nullptr;
    QTreeWidget* m_tree = nullptr;
    ThumbnailStrip* m_thumbnails = nullptr;
    MeasurementList* m_measurementList = nullptr;
    QListWidget* m_errors = nullptr;
    HelpOverlay* m_help = nullptr;
    RecentItems* m_recent = nullptr;
    QLabel* m_statusLabel = nullptr;
    std::vector<QDockWidget*> m_docks;
    struct Translatable
    {
        QObject* object;
        const char* text;
        const char* context = "fenestra::app::MainWindow";
    };
    std::vector<Translatable> m_translatable;
    QActionGroup* m_tools = nullptr;
    QMenu* m_presets = nullptr;
    QFutureWatcher<viewer::ImportResult> m_importWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancelImport;
    QStringList m_pendingPaths;
    std::vector<viewer::ImportResult> m_imports;
    std::vector<viewer::PatientNode> m_patients;
    QHash<QString, viewer::DisplaySet> m_displaySets;
    QNetworkAccessManager* m_network = nullptr;
    SearchPanel* m_search = nullptr;
    FederationPanel* m_federation = nullptr; // once a federation is set
    net::InstanceCache* m_cache = nullptr;
    QList<net::ArchiveConfig> m_archives;
    QHash<QString, net::DicomWebClient*> m_clients; // by base URL
    net::RequestOptions m_requestOptions;           // of every archive client (the bearer token)
    net::OidcSession* m_session = nullptr;
    IdleWatcher* m_idle = nullptr;
    LockScreen* m_lock = nullptr;
    QLabel* m_account = nullptr;
    QAction* m_signInAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_emergencyAction = nullptr;
    AuditTrail* m_audit = nullptr;
    QString m_emergencyReason;
    QToolBar* m_emergencyBar = nullptr;
    QLabel* m_emergencyLabel = nullptr;
    QString m_lockedSubject; // who was signed in when the window locked
    std::function<void(const QUrl&)> m_openBrowser;
    QHash<viewer::ImageView*, StreamSession*> m_streams;
    struct RemoteThumbnail
    {
        QString label;
        int frameCount = 0;
    };
    QHash<QString, RemoteThumbnail> m_remoteThumbnails; // by display set key
    QHash<QString, QString> m_studyOfSeries;            // series UID -> study UID
    // Measurements per study, all display sets: what the store holds.
    QHash<QString, std::vector<viewer::Measurement>> m_measurements;
};

} // namespace fenestra::app
