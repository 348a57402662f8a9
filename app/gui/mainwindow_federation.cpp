// Search across the hospitals of a federation (FederationPanel), and what a withdrawn consent
// takes away: that hospital's cached studies of the patient and the views showing them.

#include "mainwindow.h"

#include "cache/instancecache.h"
#include "federation/tenantdirectory.h"
#include "gui/federationpanel.h"
#include "gui/thumbnailstrip.h"
#include "stream/streamsession.h"
#include "widgets/imageview.h"

#include <QDockWidget>
#include <QListWidget>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace fenestra::app {

namespace {
constexpr int kRemoteRole = Qt::UserRole + 2; // see mainwindow_archive.cpp
} // namespace

void MainWindow::setFederation(const net::FederationConfig& federation)
{
    if (m_federation == nullptr) {
        m_federation = new FederationPanel(m_network, this);
        m_federation->setSessionProvider([this] { return m_session; });
        auto* dock = new QDockWidget(this);
        dock->setObjectName(QStringLiteral("federation"));
        dock->setWidget(m_federation);
        dock->setWindowTitle(tr("Search across hospitals"));
        m_translatable.push_back({dock, QT_TR_NOOP("Search across hospitals")});
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        connect(m_federation, &FederationPanel::openStudyRequested, this,
                [this](const net::ArchiveConfig& archive, const QString& study) {
                    openRemoteStudy(archive, study, true);
                });
        connect(m_federation, &FederationPanel::accessWithdrawn, this, &MainWindow::purgeWithdrawn);
        connect(m_federation, &FederationPanel::tenantQueried, this, &MainWindow::auditQuery);
    }
    m_federation->setFederation(federation);
    m_federation->parentWidget()->show();
    updateAccountStatus(); // signed in, with a role that may search
}

void MainWindow::purgeWithdrawn(const net::ArchiveConfig& archive, const QStringList& studyUids)
{
    const QString archiveKey = archive.baseUrl.toString();
    // The series of these studies listed in the browser as coming from that hospital.
    QSet<QString> seriesGone;
    for (int t = m_tree->topLevelItemCount() - 1; t >= 0; --t) {
        QTreeWidgetItem* study = m_tree->topLevelItem(t);
        bool withdrawn = false;
        for (int i = 0; i < study->childCount(); ++i) {
            const QStringList ref = study->child(i)->data(0, kRemoteRole).toStringList();
            if (ref.size() == 4 && ref[0] == archiveKey && studyUids.contains(ref[2])) {
                withdrawn = true;
                seriesGone.insert(ref[3]);
            }
        }
        if (withdrawn)
            delete m_tree->takeTopLevelItem(t);
    }
    // Their transfers stop first (no new cache write starts), in views and in the background.
    int closed = 0;
    for (viewer::ImageView* view : views()) {
        if (!view->hasDisplaySet() || !seriesGone.contains(view->displaySet().seriesInstanceUid))
            continue;
        delete m_streams.take(view);
        const QSignalBlocker quiet(view); // closing is not an edit of the measurements
        view->clear();
        ++closed;
    }
    for (StreamSession* session : findChildren<StreamSession*>(Qt::FindDirectChildrenOnly)) {
        const auto& sets = session->streamer().displaySets();
        if (!sets.empty() && seriesGone.contains(sets.front().seriesInstanceUid))
            delete session;
    }
    // Then the cached images: nothing of these studies from that hospital stays on disk (a
    // write still in flight is discarded by removeStudy).
    if (m_cache != nullptr)
        for (const QString& study : studyUids)
            if (auto removed = m_cache->removeStudy(archiveKey, study); !removed)
                qWarning("federation: a withdrawn study could not be removed from the cache");
    // Their thumbnails.
    QListWidget* strip = m_thumbnails->listWidget();
    const QStringList keys = m_thumbnails->keys();
    for (int i = int(keys.size()) - 1; i >= 0; --i) {
        if (!seriesGone.contains(keys[i].section(QLatin1Char('#'), 0, 0)))
            continue;
        m_remoteThumbnails.remove(keys[i]);
        delete strip->takeItem(i);
    }
    for (const QString& series : std::as_const(seriesGone))
        m_studyOfSeries.remove(series);

    QString notice = tr("The patient's consent for %1 has been withdrawn: its images were "
                        "removed from this computer.")
                         .arg(archive.name);
    if (closed > 0)
        notice += QLatin1Char(' ') + tr("Views showing them were closed (%n).", nullptr, closed);
    statusBar()->showMessage(notice, 15000);
    if (closed > 0) {
        auto* box = new QMessageBox(QMessageBox::Information, tr("Consent withdrawn"), notice,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("consentWithdrawnMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not modal to the event loop: the window keeps working
    }
}

} // namespace fenestra::app
