// Progressive loading of a series from a real Orthanc 1.10 into the 2D view: the first image
// shows while most of the series is in transit on a slow link, a server killed and restarted
// mid-series loses and duplicates nothing, a corrupt part fails alone, a streamed series
// renders exactly like the same files opened from disk, and the encrypted cache holds nothing
// about the patient in clear.

#include "archivetest.h"
#include "support/faultproxy.h"

#include "cache/instancecache.h"
#include "media/importer.h"
#include "stream/streamsession.h"
#include "widgets/framesource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace fenestra;
using namespace fenestra::integration;
using namespace std::chrono_literals;

namespace {

// A CT of 120 slices of 256x256 (~15.7 MB): long enough on a 30 Mbit/s link (~4 s) for
// "first image while most is in transit" to mean something.
const char* const kGenerator = R"PY(
import sys, numpy as np, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import generate_uid, ExplicitVRLittleEndian, CTImageStorage
out, n, size = sys.argv[1], 120, 256
study, series, frame = generate_uid(), generate_uid(), generate_uid()
yy, xx = np.mgrid[0:size, 0:size]
for k in range(n):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset(); ds.file_meta = meta
    ds.is_little_endian = True; ds.is_implicit_VR = False
    ds.SOPClassUID = CTImageStorage; ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = 'Stream^Big'; ds.PatientID = 'FEN-STREAM-1'; ds.Modality = 'CT'
    ds.StudyInstanceUID = study; ds.SeriesInstanceUID = series; ds.FrameOfReferenceUID = frame
    ds.StudyDate = '20240301'; ds.SeriesNumber = 1; ds.InstanceNumber = k + 1
    ds.ImagePositionPatient = [-128.0, -128.0, float(k) * 2.0]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]; ds.PixelSpacing = [1.0, 1.0]
    ds.SliceThickness = 2.0; ds.Rows = size; ds.Columns = size
    ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 1
    ds.RescaleIntercept = -1024; ds.RescaleSlope = 1; ds.WindowCenter = 40; ds.WindowWidth = 400
    img = ((xx * 7 + yy * 3 + k * 11) % 2000).astype(np.int16)
    ds.PixelData = img.tobytes()
    ds.save_as('%s/%03d.dcm' % (out, k), write_like_original=False)
print(study, series)
)PY";

struct Generated
{
    QString studyUid;
    QString seriesUid;
    QStringList files;
};

// One streamed series into one shown view, with what happened.
struct Streamed
{
    QNetworkAccessManager manager;
    std::unique_ptr<net::DicomWebClient> client;
    std::unique_ptr<viewer::ImageView> view;
    std::unique_ptr<app::StreamSession> session;
    QList<int> arrived;
    QList<QPair<int, viewer::Error>> failures;

    Streamed(const QString& url, net::InstanceCache* cache, const QString& study,
             const QString& series, app::StreamOptions options = {})
        : client(std::make_unique<net::DicomWebClient>(archiveOf(url), &manager)),
          view(std::make_unique<viewer::ImageView>())
    {
        view->resize(400, 400);
        view->show();
        session = std::make_unique<app::StreamSession>(client.get(), cache, study, series,
                                                       view.get(), options);
        app::SeriesStreamer* s = &session->streamer();
        QObject::connect(s, &app::SeriesStreamer::frameArrived, s,
                         [this](int index) { arrived.append(index); });
        QObject::connect(s, &app::SeriesStreamer::frameFailed, s,
                         [this](int index, const viewer::Error& e) {
                             failures.append({index, e});
                         });
    }
    app::SeriesStreamer& streamer() { return session->streamer(); }
    bool run(int timeoutMs = 50000)
    {
        session->start();
        return QTest::qWaitFor([this] { return streamer().isFinished(); }, timeoutMs);
    }
};

} // namespace

class TestStreaming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstImage_at30MbitAnd20ms_showsWhileMostOfTheSeriesIsInTransit();
    void scrolledToFrame_jumpsTheQueue_andClosingCancelsTransfersAtOnce();
    void serverKilledAndRestarted_midSeries_completesWithEachInstanceFetchedOnce();
    void corruptPart_data();
    void corruptPart();
    void streamedSeries_rendersExactlyLikeTheSameFilesFromDisk();
    void cache_afterFullSession_holdsNoPatientDataInClearAndReopensWithoutNetwork();

private:
    QString proxyUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_proxy->port());
    }

    std::unique_ptr<OrthancServer> m_orthanc;
    std::unique_ptr<FaultProxy> m_proxy;
    QMap<QString, ManifestStudy> m_studies;
    QTemporaryDir m_big;
    Generated m_generated;
};

void TestStreaming::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    QVERIFY(m_studies.contains(QStringLiteral("ct")));
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QString::fromLatin1(kGenerator), m_big.path()});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QStringList uids = QString::fromLatin1(python.readAllStandardOutput()).split(' ');
    QCOMPARE(uids.size(), 2);
    m_generated.studyUid = uids[0].trimmed();
    m_generated.seriesUid = uids[1].trimmed();
    for (const QString& name : QDir(m_big.path()).entryList({QStringLiteral("*.dcm")}))
        m_generated.files.append(m_big.filePath(name));
    QCOMPARE(m_generated.files.size(), 120);

    m_orthanc = std::make_unique<OrthancServer>();
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QCOMPARE(uploadStudies(*m_orthanc, m_studies, {"ct"}), 40);
    QCOMPARE(m_orthanc->uploadAll(m_generated.files), 120);
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen(m_orthanc->httpPort()));
}

void TestStreaming::cleanupTestCase()
{
    m_proxy.reset();
    m_orthanc.reset();
}

void TestStreaming::firstImage_at30MbitAnd20ms_showsWhileMostOfTheSeriesIsInTransit()
{
    m_proxy->clearFaults();
    m_proxy->setBandwidth(30'000'000 / 8);
    m_proxy->setLatency(20ms);
    m_proxy->resetCounters();
    Streamed s(proxyUrl(), nullptr, m_generated.studyUid, m_generated.seriesUid);
    QVERIFY(QTest::qWaitForWindowExposed(s.view.get()));
    qint64 bytesAtFirst = -1;
    int doneAtFirst = -1;
    int firstShown = -1;
    QObject::connect(s.view.get(), &viewer::ImageView::frameShown, s.view.get(), [&](int index) {
        if (firstShown >= 0)
            return;
        firstShown = index;
        bytesAtFirst = m_proxy->bytesToClient();
        doneAtFirst = s.streamer().doneCount();
    });
    QVERIFY(s.run());
    m_proxy->setBandwidth(0);
    m_proxy->setLatency(0ms);
    const qint64 total = m_proxy->bytesToClient();
    const app::StreamCounters& c = s.streamer().counters();
    qInfo("first image after %lld ms with %lld of %lld bytes (%d of 120 instances); "
          "complete after %lld ms; peak held %lld bytes",
          c.firstFrameMs, bytesAtFirst, total, doneAtFirst, c.completeMs,
          s.streamer().peakHeldBytes());
    QCOMPARE(firstShown, 60); // the middle: the frame the view opens on
    QVERIFY(bytesAtFirst > 0);
    QVERIFY2(bytesAtFirst * 10 < total * 3, "first image only after 30% of the bytes");
    QVERIFY(doneAtFirst * 10 < 120 * 3);
    QCOMPARE(s.arrived.size(), 120);
    QVERIFY(s.failures.isEmpty());
    // Memory: the volume plus the instances in flight, each held encoded and decoded at most.
    const qint64 instance = QFileInfo(m_generated.files.front()).size();
    const qint64 volume = static_cast<qint64>(s.streamer().volume()->byteCount());
    QVERIFY(s.streamer().volume() != nullptr);
    QCOMPARE(s.streamer().volume()->loadedCount(), 120);
    QVERIFY2(s.streamer().peakHeldBytes() <= volume + 4 * 2 * instance,
             qPrintable(QString::number(s.streamer().peakHeldBytes())));
}

void TestStreaming::scrolledToFrame_jumpsTheQueue_andClosingCancelsTransfersAtOnce()
{
    m_proxy->clearFaults();
    m_proxy->setBandwidth(30'000'000 / 8);
    m_proxy->setLatency(20ms);
    auto s = std::make_unique<Streamed>(proxyUrl(), nullptr, m_generated.studyUid,
                                        m_generated.seriesUid);
    QVERIFY(QTest::qWaitForWindowExposed(s->view.get()));
    s->session->start();
    QSignalSpy shown(s->view.get(), &viewer::ImageView::frameShown);
    QVERIFY(shown.wait(20000));
    // Frame 3 comes late in coarse-to-fine order; scrolling there must fetch it next.
    const int arrivedBefore = static_cast<int>(s->arrived.size());
    s->view->setCurrentIndex(3);
    QTRY_VERIFY_WITH_TIMEOUT(s->arrived.contains(3), 20000);
    // Before it: at most the instances on the network and decoding when the view asked (4 + 4).
    const std::vector<int> planned = net::TransferQueue::plannedOrder(120, 60);
    const auto plannedAt = std::find(planned.begin(), planned.end(), 3) - planned.begin();
    QVERIFY(plannedAt > arrivedBefore + 8); // without the jump it would come later
    QVERIFY2(s->arrived.indexOf(3) <= arrivedBefore + 8, "frame 3 did not jump the queue");
    QTRY_COMPARE(s->view->currentIndex(), 3);
    QTRY_VERIFY(s->view->centreMessage().isEmpty());
    QVERIFY(!s->streamer().isFinished());
    // Closing the session aborts every transfer at once: the proxy sees its connections go.
    s->session.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->connectionsOpen(), 0, 3000);
    s.reset();
    m_proxy->setBandwidth(0);
    m_proxy->setLatency(0ms);
}

void TestStreaming::serverKilledAndRestarted_midSeries_completesWithEachInstanceFetchedOnce()
{
    Streamed s(m_orthanc->dicomWebUrl(), nullptr, m_generated.studyUid, m_generated.seriesUid);
    bool killed = false;
    QObject::connect(&s.streamer(), &app::SeriesStreamer::progress, s.view.get(),
                     [&](int done, int) {
                         if (killed || done < 20)
                             return;
                         killed = true;
                         m_orthanc->kill();
                         // Restart from the event loop: the streamer sees its requests fail.
                         QTimer::singleShot(300, s.view.get(), [this] {
                             QVERIFY2(m_orthanc->restart(), qPrintable(m_orthanc->lastError()));
                         });
                     });
    QVERIFY(s.run(60000));
    QVERIFY(killed);
    const app::StreamCounters& c = s.streamer().counters();
    QVERIFY2(c.retries > 0, "the kill interrupted nothing: the test proves nothing");
    QVERIFY(s.failures.isEmpty());
    QCOMPARE(s.arrived.size(), 120);
    QCOMPARE(c.fetched.size(), 120);
    for (auto it = c.fetched.cbegin(); it != c.fetched.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(s.streamer().volume()->loadedCount(), 120);
}

void TestStreaming::corruptPart_data()
{
    QTest::addColumn<QByteArray>("anchor"); // in the focus instance's answer
    QTest::addColumn<int>("delta");
    QTest::addColumn<int>("mask");
    QTest::newRow("part header colon")
        << QByteArray("Content-Type: application/dicom") << 12 << 0x01;
    // The length of the pixel data element (explicit VR OW): its top byte.
    QTest::newRow("pixel data length") << QByteArray("\xe0\x7f\x10\x00OW", 6) << 11 << 0x7f;
}

void TestStreaming::corruptPart()
{
    QFETCH(QByteArray, anchor);
    QFETCH(int, delta);
    QFETCH(int, mask);
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const QString series = ct.series.front().seriesUid;
    app::StreamOptions one;
    one.connections = 1; // one connection: the focus instance comes first on it, every time
    m_proxy->clearFaults();
    m_proxy->setCaptureLimit(4 << 20);
    m_proxy->resetCounters();
    {
        Streamed clean(proxyUrl(), nullptr, ct.studyUid, series, one);
        QVERIFY(clean.run());
    }
    const QByteArray stream = m_proxy->capturedResponses().value(0);
    m_proxy->setCaptureLimit(0);
    const qsizetype second = stream.indexOf("HTTP/1.1 200", 1); // the first instance's answer
    QVERIFY(second > 0);
    const qsizetype at = stream.indexOf(anchor, second);
    QVERIFY(at > 0);
    m_proxy->setCorruptResponseByte(at + delta, quint8(mask), 1);

    Streamed s(proxyUrl(), nullptr, ct.studyUid, series, one);
    QVERIFY(s.run());
    QCOMPARE(m_proxy->corruptionsDone(), 1);
    const int focus = s.streamer().focusFrame();
    QCOMPARE(s.failures.size(), 1);
    QCOMPARE(s.failures.front().first, focus);
    QCOMPARE(s.arrived.size(), 39);
    QVERIFY(!s.arrived.contains(focus));
    // The view says why, at that frame; the others display.
    QTRY_VERIFY(!s.view->centreMessage().isEmpty());
    QVERIFY(s.view->centreMessage() != viewer::ImageView::tr("Loading..."));
    QVERIFY(s.view->frameSource().error(focus).has_value());
    QSignalSpy shown(s.view.get(), &viewer::ImageView::frameShown);
    s.view->setCurrentIndex(focus + 1);
    QTRY_COMPARE(shown.size(), 1);
    QVERIFY(s.view->centreMessage().isEmpty());
    // Not retried: one request for the damaged instance.
    for (auto it = s.streamer().counters().attempts.cbegin();
         it != s.streamer().counters().attempts.cend(); ++it)
        QCOMPARE(it.value(), 1);
    m_proxy->clearFaults();
}

void TestStreaming::streamedSeries_rendersExactlyLikeTheSameFilesFromDisk()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    const viewer::ImportResult imported = viewer::importPaths(series.files);
    const auto tree = imported.library.tree();
    QVERIFY(!tree.empty() && !tree.front().studies.empty());
    const viewer::DisplaySet disk = tree.front().studies.front().series.front().displaySets.front();
    viewer::ImageView fromDisk;
    fromDisk.resize(400, 400);
    fromDisk.show();
    fromDisk.setDisplaySet(disk);
    Streamed s(m_orthanc->dicomWebUrl(), nullptr, ct.studyUid, series.seriesUid);
    QVERIFY(s.run());
    QVERIFY(QTest::qWaitForWindowExposed(&fromDisk));
    QCOMPARE(s.streamer().displaySet().frames.size(), disk.frames.size());
    for (int index : {0, 7, 20, 39}) {
        fromDisk.setCurrentIndex(index);
        s.view->setCurrentIndex(index);
        QTRY_VERIFY(fromDisk.centreMessage().isEmpty() && s.view->centreMessage().isEmpty());
        QCOMPARE(s.view->windowLevel().center, fromDisk.windowLevel().center);
        QCOMPARE(s.view->windowLevel().width, fromDisk.windowLevel().width);
        const QImage a = fromDisk.renderToImage(false);
        const QImage b = s.view->renderToImage(false);
        QVERIFY(!a.isNull());
        QCOMPARE(b.size(), a.size());
        QVERIFY2(a == b, qPrintable(QStringLiteral("frame %1 differs").arg(index)));
    }
}

void TestStreaming::cache_afterFullSession_holdsNoPatientDataInClearAndReopensWithoutNetwork()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    QTemporaryDir dir;
    const QByteArray key(32, '\x5a');
    {
        auto cache = net::InstanceCache::open(dir.path(), key);
        QVERIFY(cache.has_value());
        Streamed s(m_orthanc->dicomWebUrl(), cache->get(), ct.studyUid, series.seriesUid);
        QVERIFY(s.run());
        QCOMPARE(s.arrived.size(), 40);
        s.session.reset();
    }
    QStringList secrets{ct.patientName, ct.patientId, ct.studyUid, series.seriesUid};
    // Name components too, those long enough not to occur by chance in encrypted bytes.
    for (const QString& part : ct.patientName.split('^'))
        if (part.size() >= 6)
            secrets.append(part);
    secrets.append(series.sopInstanceUids);
    QVERIFY(series.sopInstanceUids.size() == 40);
    int files = 0;
    QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        ++files;
        for (const QString& secret : secrets) {
            QVERIFY2(!path.contains(secret), "a file name reveals the patient");
            QVERIFY2(!bytes.contains(secret.toLatin1()), "a file holds patient data in clear");
        }
    }
    QVERIFY(files >= 40);
    // Reopening: every instance from the cache, nothing from the network.
    auto cache = net::InstanceCache::open(dir.path(), key);
    QVERIFY(cache.has_value());
    Streamed again(m_orthanc->dicomWebUrl(), cache->get(), ct.studyUid, series.seriesUid);
    QVERIFY(again.run());
    QCOMPARE(again.streamer().counters().cacheHits, 40);
    QVERIFY(again.streamer().counters().fetched.isEmpty());
    QCOMPARE(again.arrived.size(), 40);
    again.session.reset();

    // Offline: with the archive down, the series still opens whole from the cache.
    QVERIFY(m_orthanc->stop());
    Streamed offline(m_orthanc->dicomWebUrl(), cache->get(), ct.studyUid, series.seriesUid);
    const bool ran = offline.run();
    QVERIFY(m_orthanc->restart());
    QVERIFY(ran);
    QCOMPARE(offline.arrived.size(), 40);
    QCOMPARE(offline.streamer().counters().cacheHits, 40);
}

QTEST_MAIN(TestStreaming)
#include "tst_streaming.moc"
