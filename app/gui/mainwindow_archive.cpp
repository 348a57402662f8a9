// The archives: the search panel, and studies opened from an archive, whose series stream into
// the views (first image first) while the rest of the series arrives.

#include "mainwindow.h"

#include "cache/instancecache.h"
#include "dicomweb/dicomwebclient.h"
#include "dicomweb/qidosearch.h"
#include "gui/searchpanel.h"
#include "gui/thumbnailstrip.h"
#include "image/framerenderer.h"
#include "settings.h"
#include "stream/streamsession.h"
#include "widgets/imageview.h"

#include <QDockWidget>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QTreeWidget>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {
constexpr int kRemoteRole = Qt::UserRole + 2; // "archive index|study UID|series UID"
} // namespace

void MainWindow::createArchiveDock()
{
    m_network = new QNetworkAccessManager(this);
    m_search = new SearchPanel(m_network, this);
    auto* dock = new QDockWidget(this);
    dock->setObjectName(QStringLiteral("archives"));
    dock->setWidget(m_search);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_docks.push_back(dock);
    dock->hide();
    connect(m_search, &SearchPanel::searchStarted, this,
            [this](const net::StudyQuery& query) { auditSearch(query); });
    connect(m_search, &SearchPanel::openStudyRequested, this,
            [this](const net::ArchiveConfig& archive, const QString& study) {
                openRemoteStudy(archive, study, true);
            });
    connect(m_search, &SearchPanel::keepStudyRequested, this,
            [this](const net::ArchiveConfig& archive, const QString& study) {
                // Kept for offline use: marked in the cache (evicted last, across restarts).
                if (m_cache != nullptr)
                    m_cache->keepStudy(archive.baseUrl.toString(), study);
                openRemoteStudy(archive, study, false);
            });
}

void MainWindow::setArchives(const QList<net::ArchiveConfig>& archives)
{
    m_archives = archives;
    m_search->setArchives(archives);
    if (!archives.isEmpty())
        m_docks.back()->show();
}

void MainWindow::setInstanceCache(net::InstanceCache* cache)
{
    m_cache = cache;
}

net::DicomWebClient* MainWindow::clientFor(const net::ArchiveConfig& archive)
{
    const QString key = archive.baseUrl.toString();
    if (!m_clients.contains(key)) {
        auto* client = new net::DicomWebClient(archive, m_network, this);
        client->setOptions(m_requestOptions);
        m_clients.insert(key, client);
    }
    return m_clients.value(key);
}

void MainWindow::openRemoteStudy(const net::ArchiveConfig& archive, const QString& studyUid,
                                 bool show)
{
    net::DicomWebClient* client = clientFor(archive);
    net::QidoSearch* search = client->searchSeries(studyUid);
    statusBar()->showMessage(tr("Asking %1 for the series of the study...").arg(archive.name));
    connect(search, &net::DicomWebRequest::finished, this, [=, this] {
        search->deleteLater();
        if (search->outcome().status != net::RequestStatus::Clean) {
            statusBar()->showMessage(
                tr("%1 cannot list the series of this study.").arg(archive.name), 8000);
            return;
        }
        auto series = search->series();
        std::sort(series.begin(), series.end(),
                  [](const auto& a, const auto& b) { return a.seriesNumber < b.seriesNumber; });
        auto* studyItem = new QTreeWidgetItem(m_tree, {tr("%1 (archive)").arg(archive.name)});
        studyItem->setData(0, kRemoteRole, QStringList{}); // kept when local studies are listed
        for (const net::SeriesRecord& s : series) {
            auto* item = new QTreeWidgetItem(
                studyItem,
                {tr("%1 %2").arg(s.modality, s.seriesDescription),
                 s.numberOfInstances >= 0 ? QString::number(s.numberOfInstances) : QString()});
            item->setData(0, kRemoteRole,
                          QStringList{archive.baseUrl.toString(), archive.name, studyUid,
                                      s.seriesInstanceUid});
        }
        m_tree->expandItem(studyItem);
        if (series.empty())
            return;
        if (show) {
            streamSeries(studyItem->child(0), activeView());
        } else {
            for (int i = 0; i < studyItem->childCount(); ++i)
                streamSeries(studyItem->child(i), nullptr); // into the local cache only
        }
    });
}

QTreeWidgetItem* MainWindow::remoteItem(const QString& seriesUid) const
{
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t) {
        QTreeWidgetItem* study = m_tree->topLevelItem(t);
        for (int i = 0; i < study->childCount(); ++i)
            if (study->child(i)->data(0, kRemoteRole).toStringList().value(3) == seriesUid)
                return study->child(i);
    }
    return nullptr;
}

bool MainWindow::openRemoteThumbnail(const QString& key)
{
    if (!m_remoteThumbnails.contains(key))
        return false;
    return openRemoteItem(remoteItem(key.section(QLatin1Char('#'), 0, 0)));
}

bool MainWindow::openRemoteItem(QTreeWidgetItem* item)
{
    if (item == nullptr || item->data(0, kRemoteRole).toStringList().size() != 4)
        return false;
    streamSeries(item, activeView());
    return true;
}

void MainWindow::streamSeries(QTreeWidgetItem* item, ImageView* view)
{
    const QStringList ref = item->data(0, kRemoteRole).toStringList();
    net::ArchiveConfig archive;
    archive.baseUrl = QUrl(ref.value(0));
    archive.name = ref.value(1);
    // One stream per view: switching series cancels the old transfers at once.
    if (view != nullptr)
        delete m_streams.take(view);
    auto* session =
        new StreamSession(clientFor(archive), m_cache, ref.value(2), ref.value(3), view, {}, this);
    if (view != nullptr)
        m_streams.insert(view, session);
    const QString seriesUid = ref.value(3);
    const QString label = item->text(0);
    SeriesStreamer* streamer = &session->streamer();
    // The series gets its thumbnail (its first image to arrive) with the transfer's progress.
    connect(streamer, &SeriesStreamer::ready, this,
            [this, label, view, archive](const DisplaySet& ds) {
                if (view != nullptr)
                    auditSeries(net::audit::AuditEventKind::InstancesAccessed, archive, ds);
                // The session has just opened the display set in the view: its saved measurements
                // too.
                if (view != nullptr && view->hasDisplaySet())
                    loadMeasurements(*view);
                const QString key = ThumbnailStrip::keyFor(ds);
                m_remoteThumbnails.insert(key, {label, static_cast<int>(ds.frames.size())});
                m_thumbnails->addEntry(key, label, static_cast<int>(ds.frames.size()));
                m_thumbnails->setCurrent(key);
            });
    connect(streamer, &SeriesStreamer::frameArrived, this, [this, streamer](int frame) {
        const QString key = ThumbnailStrip::keyFor(streamer->displaySet());
        if (!m_thumbnails->thumbnail(key).isNull())
            return;
        const auto pixels = streamer->pixels(frame);
        const FrameRef& shown = streamer->displaySet().frames.at(static_cast<std::size_t>(frame));
        if (pixels != nullptr)
            m_thumbnails->setThumbnail(
                key, renderFrame(*shown.instance, *pixels, streamer->frameInBuffer(frame)));
    });
    connect(streamer, &SeriesStreamer::progress, this,
            [this, seriesUid, streamer](int done, int total) {
                if (QTreeWidgetItem* shown = remoteItem(seriesUid))
                    shown->setText(1, tr("%1/%2").arg(done).arg(total));
                if (total > 0)
                    m_thumbnails->setProgress(ThumbnailStrip::keyFor(streamer->displaySet()),
                                              double(done) / total);
                statusBar()->showMessage(tr("Receiving images: %1 of %2").arg(done).arg(total));
            });
    connect(&session->streamer(), &SeriesStreamer::finished, this, [this, session, view, archive] {
        auditSeries(net::audit::AuditEventKind::InstancesTransferred, archive,
                    session->streamer().displaySet());
        statusBar()->showMessage(tr("Series received"), 5000);
        if (view == nullptr)
            session->deleteLater(); // kept in the cache; nothing to show
    });
    connect(&session->streamer(), &SeriesStreamer::failed, this,
            [this, session, view](const Error&) {
                statusBar()->showMessage(tr("The series cannot be loaded from the archive."), 8000);
                if (view == nullptr)
                    session->deleteLater();
            });
    session->start();
}

} // namespace fenestra::app
