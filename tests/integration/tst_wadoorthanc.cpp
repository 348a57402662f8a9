// WADO-RS retrieval from a real Orthanc 1.10, directly and through the fault proxy: every part
// is the very file uploaded, parts arrive progressively on a slow link, a cut connection keeps
// the parts before it, a damaged part fails alone, and dead or silent servers fail clearly.

#include "archivetest.h"
#include "support/faultproxy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace fenestra::integration;
using namespace fenestra::net;
using namespace std::chrono_literals;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QByteArray> sortedFiles(const QStringList& paths)
{
    QList<QByteArray> all;
    for (const QString& path : paths)
        all.append(fileBytes(path));
    std::sort(all.begin(), all.end());
    return all;
}

// Everything a stream delivered, with arrival times (ms since the request was made).
struct Received
{
    QList<WadoPart> parts;
    QList<qint64> times;
    QList<qint64> proxyBytesAtPart;
    QList<QPair<int, Error>> failures;

    QList<QByteArray> sortedBytes() const
    {
        QList<QByteArray> all;
        for (const WadoPart& part : parts)
            all.append(part.bytes);
        std::sort(all.begin(), all.end());
        return all;
    }
};

void record(WadoStream* stream, Received& into, const FaultProxy* proxy = nullptr)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QObject::connect(stream, &WadoStream::partReceived, stream,
                     [&into, clock, proxy](const WadoPart& p) {
                         into.parts.append(p);
                         into.times.append(clock->elapsed());
                         into.proxyBytesAtPart.append(proxy ? proxy->bytesToClient() : 0);
                     });
    QObject::connect(stream, &WadoStream::partFailed, stream, [&into](int index, const Error& e) {
        into.failures.append({index, e});
    });
}

// Start of the delimiter before part `index` (>= 1) in a captured HTTP answer.
qsizetype delimiterBefore(const QByteArray& captured, int index)
{
    const qsizetype headEnd = captured.indexOf("\r\n\r\n");
    const QByteArray head = captured.left(headEnd);
    const qsizetype at = head.indexOf("boundary=") + 9;
    const QByteArray boundary = head.mid(at, head.indexOf("\r\n", at) - at).trimmed();
    qsizetype position = headEnd + 4;
    for (int i = 0; i < index; ++i)
        position = captured.indexOf("\r\n--" + boundary, position + 1);
    return position;
}

} // namespace

class TestWadoOrthanc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void retrieveSeries_everyPartIsAnUploadedFileByteForByte_data();
    void retrieveSeries_everyPartIsAnUploadedFileByteForByte();
    void retrieveInstance_ctInstances_eachIsItsFile();
    void retrieveFrames_usFrame3_isTheThirdFrameOfThePixelData();
    void retrieveFrames_jpegBaseline_isTheStoredJpegFragment();
    void retrieveSeriesMetadata_ct_listsEveryInstance();
    void retrieveRendered_ct_decodesToTheImageOrViewportSize();
    void retrieveSeries_unknownSeries_isHttpError404();
    void retrieveSeries_nothingListening_isConnectionFailed();

    void throughProxy_30MbitAnd20ms_partsArriveProgressively();
    void throughProxy_cutAfterNBytes_partsBeforeTheCutArriveThenTruncated_data();
    void throughProxy_cutAfterNBytes_partsBeforeTheCutArriveThenTruncated();
    void throughProxy_corruptedPartHeader_failsThatPartOnly_data();
    void throughProxy_corruptedPartHeader_failsThatPartOnly();
    void throughProxy_silentLink_timesOut();
    void throughProxy_cancelMidSeries_closesTheConnectionAtOnce();

private:
    DicomWebClient* direct();
    DicomWebClient* viaProxy();
    QByteArray captureCleanAnswer(const ManifestStudy& study);
    ManifestSeries jpegBaselineSeries() const;

    std::unique_ptr<OrthancServer> m_orthanc;
    QMap<QString, ManifestStudy> m_studies;
    std::unique_ptr<FaultProxy> m_proxy;
    // A fresh manager per test: no connection is reused from an earlier test, so the proxy's
    // offsets count from the start of each answer.
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::unique_ptr<DicomWebClient> m_client;
    ManifestSeries m_jpegSeries;
};

void TestWadoOrthanc::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    m_orthanc = std::make_unique<OrthancServer>();
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QVERIFY2(uploadStudies(*m_orthanc, m_studies, {"ct", "mr", "us", "cd"}) == 99,
             qPrintable(m_orthanc->lastError()));
    m_jpegSeries = jpegBaselineSeries();
    QCOMPARE(m_orthanc->uploadAll(m_jpegSeries.files), 8);
}

void TestWadoOrthanc::cleanupTestCase()
{
    m_orthanc.reset();
}

void TestWadoOrthanc::init()
{
    m_manager = std::make_unique<QNetworkAccessManager>();
    m_proxy = std::make_unique<FaultProxy>();
    QVERIFY(m_proxy->listen(m_orthanc->httpPort()));
}

void TestWadoOrthanc::cleanup()
{
    m_client.reset();
    m_manager.reset();
    m_proxy.reset();
}

DicomWebClient* TestWadoOrthanc::direct()
{
    m_client =
        std::make_unique<DicomWebClient>(archiveOf(m_orthanc->dicomWebUrl()), m_manager.get());
    return m_client.get();
}

DicomWebClient* TestWadoOrthanc::viaProxy()
{
    m_client = std::make_unique<DicomWebClient>(
        archiveOf(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_proxy->port())),
        m_manager.get());
    return m_client.get();
}

void TestWadoOrthanc::retrieveSeries_everyPartIsAnUploadedFileByteForByte_data()
{
    QTest::addColumn<QString>("study");
    QTest::addColumn<int>("series");
    QTest::newRow("CT, 40 slices") << "ct" << 0;
    QTest::newRow("MR, oblique") << "mr" << 0;
    QTest::newRow("US, one multi-frame instance") << "us" << 0;
    QTest::newRow("CD, CT series") << "cd" << 0;
    QTest::newRow("CD, MR series") << "cd" << 1;
}

void TestWadoOrthanc::retrieveSeries_everyPartIsAnUploadedFileByteForByte()
{
    QFETCH(QString, study);
    QFETCH(int, series);
    const ManifestStudy& expected = m_studies[study];
    const ManifestSeries& expectedSeries = expected.series[series];
    WadoStream* stream = direct()->retrieveSeries(expected.studyUid, expectedSeries.seriesUid);
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Clean);
    QCOMPARE(got.failures.size(), 0);
    // transfer-syntax=*: Orthanc sends the stored files, so the bytes are the uploaded ones.
    QCOMPARE(got.sortedBytes(), sortedFiles(expectedSeries.files));
    for (int i = 0; i < got.parts.size(); ++i) {
        QCOMPARE(got.parts[i].index, i);
        QCOMPARE(got.parts[i].contentType, QByteArray("application/dicom"));
    }
    for (const QString& uid : expectedSeries.sopInstanceUids) // each instance is there once
        QCOMPARE(std::count_if(got.parts.begin(), got.parts.end(),
                               [&](const WadoPart& p) { return p.bytes.contains(uid.toLatin1()); }),
                 1);
    // Never more than one part (and the chunk being read) held at once.
    qsizetype largest = 0;
    for (const WadoPart& part : got.parts)
        largest = std::max(largest, part.bytes.size());
    QVERIFY2(stream->peakBufferedBytes() < largest + 512 * 1024,
             qPrintable(QString::number(stream->peakBufferedBytes())));
}

void TestWadoOrthanc::retrieveInstance_ctInstances_eachIsItsFile()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    for (int i : {0, 17, 39}) {
        WadoStream* stream =
            direct()->retrieveInstance(ct.studyUid, series.seriesUid, series.sopInstanceUids[i]);
        Received got;
        record(stream, got);
        QVERIFY(waitFinished(stream));
        QCOMPARE(stream->outcome().status, RequestStatus::Clean);
        QCOMPARE(got.parts.size(), 1);
        QCOMPARE(got.parts.front().bytes, fileBytes(series.files[i]));
    }
}

void TestWadoOrthanc::retrieveFrames_usFrame3_isTheThirdFrameOfThePixelData()
{
    const ManifestStudy& us = m_studies[QStringLiteral("us")];
    const ManifestSeries& series = us.series.front();
    const QByteArray file = fileBytes(series.files.front());
    const qsizetype frameSize = 64 * 48 * 3;
    const qsizetype pixelStart = file.size() - 8 * frameSize; // pixel data ends the file
    QCOMPARE(file.mid(pixelStart - 12, 4), QByteArray("\xe0\x7f\x10\x00", 4));
    WadoStream* stream = direct()->retrieveFrames(us.studyUid, series.seriesUid,
                                                  series.sopInstanceUids.front(), {3});
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Clean);
    QCOMPARE(got.parts.size(), 1);
    QCOMPARE(got.parts.front().bytes, file.mid(pixelStart + 2 * frameSize, frameSize));
    QVERIFY(got.parts.front().contentType.startsWith("application/octet-stream"));
}

ManifestSeries TestWadoOrthanc::jpegBaselineSeries() const
{
    for (const ManifestSeries& series : m_studies.value(QStringLiteral("syntaxes")).series)
        if (!series.files.isEmpty() &&
            series.files.front().contains(QLatin1String("/jpeg_baseline/")))
            return series;
    return {};
}

void TestWadoOrthanc::retrieveFrames_jpegBaseline_isTheStoredJpegFragment()
{
    // transfer-syntax=*: the frame comes as stored, a JPEG image, not decoded by Orthanc.
    // (Orthanc 1.10 refuses frames of syntaxes it does not know, HTJ2K for one: HTTP 500.)
    const QString study = m_studies.value(QStringLiteral("syntaxes")).studyUid;
    WadoStream* stream = direct()->retrieveFrames(study, m_jpegSeries.seriesUid,
                                                  m_jpegSeries.sopInstanceUids.front(), {1});
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Clean);
    QCOMPARE(got.parts.size(), 1);
    const WadoPart& frame = got.parts.front();
    QVERIFY2(frame.contentType.startsWith("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50"),
             frame.contentType.constData());
    QVERIFY(frame.bytes.startsWith("\xff\xd8"));
    QVERIFY(fileBytes(m_jpegSeries.files.front()).contains(frame.bytes));
}

void TestWadoOrthanc::retrieveSeriesMetadata_ct_listsEveryInstance()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    WadoFetch* fetch = direct()->retrieveSeriesMetadata(ct.studyUid, series.seriesUid);
    QVERIFY(waitFinished(fetch));
    QCOMPARE(fetch->outcome().status, RequestStatus::Clean);
    const auto instances = parseInstances(fetch->body());
    QVERIFY(instances.has_value());
    QSet<QString> uids;
    QCOMPARE(series.z.size(), 40);
    for (const InstanceRecord& instance : *instances) {
        uids.insert(instance.sopInstanceUid);
        QCOMPARE(instance.rows, 64);
        // Positions come with the metadata, so slices can be ordered before any pixel arrives.
        const qsizetype i = series.sopInstanceUids.indexOf(instance.sopInstanceUid);
        QCOMPARE(instance.imagePosition.size(), 3);
        QCOMPARE(instance.imagePosition[2], series.z[i]);
        QCOMPARE(instance.imageOrientation, (QList<double>{1, 0, 0, 0, 1, 0}));
    }
    QCOMPARE(uids, QSet<QString>(series.sopInstanceUids.begin(), series.sopInstanceUids.end()));
}

void TestWadoOrthanc::retrieveRendered_ct_decodesToTheImageOrViewportSize()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    for (const QSize& viewport : {QSize(), QSize(32, 32)}) {
        WadoFetch* fetch = direct()->retrieveRendered(ct.studyUid, series.seriesUid,
                                                      series.sopInstanceUids[20], viewport);
        QVERIFY(waitFinished(fetch));
        QCOMPARE(fetch->outcome().status, RequestStatus::Clean);
        QCOMPARE(fetch->contentType(), QByteArray("image/jpeg"));
        const QImage image = QImage::fromData(fetch->body(), "JPEG");
        QCOMPARE(image.size(), viewport.isValid() ? viewport : QSize(64, 64));
    }
}

void TestWadoOrthanc::retrieveSeries_unknownSeries_isHttpError404()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    WadoStream* stream = direct()->retrieveSeries(ct.studyUid, QStringLiteral("1.2.3.4.5.6"));
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::HttpError);
    QCOMPARE(stream->outcome().httpStatus, 404);
    QVERIFY(got.parts.isEmpty());
}

void TestWadoOrthanc::retrieveSeries_nothingListening_isConnectionFailed()
{
    const quint16 deadPort = pickFreePort(); // free a moment ago: nothing listens there
    DicomWebClient client(archiveOf(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(deadPort)),
                          m_manager.get());
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    WadoStream* stream = client.retrieveSeries(ct.studyUid, ct.series.front().seriesUid);
    QVERIFY(waitFinished(stream, 5000));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::ConnectionFailed);
    QCOMPARE(stream->outcome().httpStatus, 0);
    QVERIFY(!stream->outcome().error->detail.isEmpty());
}

void TestWadoOrthanc::throughProxy_30MbitAnd20ms_partsArriveProgressively()
{
    const qint64 bandwidth = 30'000'000 / 8;
    m_proxy->setLatency(20ms);
    m_proxy->setBandwidth(bandwidth);
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    WadoStream* stream = viaProxy()->retrieveSeries(ct.studyUid, ct.series.front().seriesUid);
    Received got;
    record(stream, got, m_proxy.get());
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Clean);
    QCOMPARE(got.sortedBytes(), sortedFiles(ct.series.front().files));
    const qint64 total = m_proxy->bytesToClient();
    const qint64 floorMs = total * 1000 / bandwidth; // bytes over bandwidth
    const qint64 first = got.times.front();
    const qint64 last = got.times.back();
    qInfo("%lld bytes: first part at %lld ms, last at %lld ms (floor %lld ms + 2 x 20 ms)", total,
          first, last, floorMs);
    QVERIFY2(last >= floorMs * 9 / 10, "the bandwidth limit was not applied");
    QVERIFY2(first * 2 < last, "the first part did not arrive well before the last");
    QVERIFY2(got.proxyBytesAtPart.front() * 4 < total,
             "most of the series should still be in transit when the first part arrives");
    // Parts keep arriving through the transfer, not in a burst at the end.
    QVERIFY(got.times[got.times.size() / 2] < last * 9 / 10);
}

void TestWadoOrthanc::throughProxy_cutAfterNBytes_partsBeforeTheCutArriveThenTruncated_data()
{
    QTest::addColumn<bool>("wholeSeries");
    QTest::newRow("series (answer ends when the server closes)") << true;
    QTest::newRow("instance (answer with Content-Length)") << false;
}

void TestWadoOrthanc::throughProxy_cutAfterNBytes_partsBeforeTheCutArriveThenTruncated()
{
    QFETCH(bool, wholeSeries);
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    const QByteArray captured = captureCleanAnswer(ct);
    const int cutPart = wholeSeries ? 10 : 0;
    // In the middle of part 10 of the series, or of the instance's only part.
    const qsizetype cutAt = wholeSeries ? delimiterBefore(captured, cutPart) + 3000 : 3000;
    m_proxy->setCutAfterResponseBytes(cutAt, 1);
    WadoStream* stream = wholeSeries ? viaProxy()->retrieveSeries(ct.studyUid, series.seriesUid)
                                     : viaProxy()->retrieveInstance(ct.studyUid, series.seriesUid,
                                                                    series.sopInstanceUids[5]);
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(m_proxy->cutsDone(), 1);
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::TruncatedResponse);
    QCOMPARE(got.parts.size(), cutPart);
    const QList<QByteArray> files = sortedFiles(series.files);
    for (const WadoPart& part : got.parts)
        QVERIFY(std::binary_search(files.begin(), files.end(), part.bytes));
    QCOMPARE(got.failures.size(), 1);
    QCOMPARE(got.failures.front().first, cutPart);
    QCOMPARE(got.failures.front().second.code, ErrorCode::TruncatedResponse);
}

void TestWadoOrthanc::throughProxy_corruptedPartHeader_failsThatPartOnly_data()
{
    QTest::addColumn<QByteArray>("anchor"); // where in part 7's delimiter and headers
    QTest::addColumn<int>("delta");
    QTest::addColumn<int>("mask");
    QTest::newRow("boundary character") << QByteArray("\r\n--") << 9 << 0xff;
    QTest::newRow("Content-Length digit") << QByteArray("Content-Length: ") << 16 << 0x01;
    QTest::newRow("Content-Type colon") << QByteArray("Content-Type") << 12 << 0x01;
    QTest::newRow("blank line after headers") << QByteArray("\r\n\r\n") << 2 << 0x01;
    QTest::newRow("CR ending the previous part") << QByteArray("\r\n--") << 0 << 0x20;
}

void TestWadoOrthanc::throughProxy_corruptedPartHeader_failsThatPartOnly()
{
    QFETCH(QByteArray, anchor);
    QFETCH(int, delta);
    QFETCH(int, mask);
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    const QByteArray captured = captureCleanAnswer(ct);
    const qsizetype delimiter = delimiterBefore(captured, 7);
    const qsizetype offset = captured.indexOf(anchor, delimiter) + delta;
    m_proxy->setCorruptResponseByte(offset, quint8(mask), 1);
    WadoStream* stream = viaProxy()->retrieveSeries(ct.studyUid, series.seriesUid);
    Received got;
    record(stream, got);
    QVERIFY(waitFinished(stream));
    QCOMPARE(m_proxy->corruptionsDone(), 1);
    QCOMPARE(stream->outcome().status, RequestStatus::Warnings);
    QCOMPARE(got.failures.size(), 1);
    QCOMPARE(got.failures.front().first, 7);
    QCOMPARE(got.failures.front().second.code, ErrorCode::MalformedPart);
    QCOMPARE(got.parts.size(), 39);
    const QList<QByteArray> files = sortedFiles(series.files);
    QList<QByteArray> received = got.sortedBytes();
    QVERIFY(std::adjacent_find(received.begin(), received.end()) == received.end());
    for (const QByteArray& bytes : received)
        QVERIFY(std::binary_search(files.begin(), files.end(), bytes));
    for (const WadoPart& part : got.parts)
        QVERIFY(part.index != 7);
}

void TestWadoOrthanc::throughProxy_silentLink_timesOut()
{
    m_proxy->setLatency(3000ms);
    DicomWebClient* client = viaProxy();
    RequestOptions options;
    options.idleTimeout = 400ms;
    client->setOptions(options);
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    WadoStream* stream = client->retrieveSeries(ct.studyUid, ct.series.front().seriesUid);
    QVERIFY(waitFinished(stream, 5000));
    QCOMPARE(stream->outcome().status, RequestStatus::Errored);
    QCOMPARE(stream->outcome().error->code, ErrorCode::Timeout);
    QVERIFY(stream->elapsedMs() < 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->connectionsOpen(), 0, 2000);
}

void TestWadoOrthanc::throughProxy_cancelMidSeries_closesTheConnectionAtOnce()
{
    m_proxy->setBandwidth(1'000'000); // the CT series takes ~0.4 s
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    WadoStream* stream = viaProxy()->retrieveSeries(ct.studyUid, ct.series.front().seriesUid);
    Received got;
    record(stream, got);
    connect(stream, &WadoStream::partReceived, stream, &DicomWebRequest::cancel);
    QVERIFY(waitFinished(stream));
    QCOMPARE(stream->outcome().status, RequestStatus::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->connectionsOpen(), 0, 1000);
    const qint64 sent = m_proxy->bytesToClient();
    QTest::qWait(100);
    QCOMPARE(m_proxy->bytesToClient(), sent); // the bandwidth is free again
    QVERIFY(sent < 200'000);
    QCOMPARE(got.parts.size(), 1);
}

QByteArray TestWadoOrthanc::captureCleanAnswer(const ManifestStudy& study)
{
    // The same request once without faults, on its own manager, to find offsets in the answer.
    QNetworkAccessManager manager;
    DicomWebClient client(
        archiveOf(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_proxy->port())), &manager);
    m_proxy->setCaptureLimit(4 * 1024 * 1024);
    WadoStream* stream = client.retrieveSeries(study.studyUid, study.series.front().seriesUid);
    waitFinished(stream);
    const QByteArray captured = m_proxy->capturedResponses().value(0);
    m_proxy->setCaptureLimit(0);
    m_proxy->resetCounters();
    return captured;
}

QTEST_GUILESS_MAIN(TestWadoOrthanc)
#include "tst_wadoorthanc.moc"
