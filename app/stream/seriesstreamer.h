#pragma once

#include "cache/instancecache.h"
#include "core/displayset.h"
#include "core/errors.h"
#include "core/pixelbuffer.h"
#include "core/volume.h"
#include "stream/transferqueue.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

namespace fenestra::net {
class DicomWebClient;
class InstanceCache;
class WadoFetch;
class WadoStream;
struct Error;
} // namespace fenestra::net

namespace fenestra::app {

struct StreamOptions
{
    int connections = 4; // parallel instance retrievals
    // A failed transfer (connection refused or reset, truncated, timeout) is retried after a
    // backoff that starts here and doubles up to backoffMax; after maxAttempts the instance is
    // given up. The defaults outlast a server restart (~24 s of retries).
    std::chrono::milliseconds backoffStart{250};
    std::chrono::milliseconds backoffMax{8000};
    int maxAttempts = 8;
    // Frames the view wants while scrolling: this many ahead of it jump the queue too.
    int prioritizeAhead = 6;
    QThreadPool* pool = nullptr; // decoding and the cache; nullptr: the global pool
};

// What happened, for tests and the benchmark.
struct StreamCounters
{
    QHash<QString, int> fetched;  // per SOP instance UID: complete network retrievals
    QHash<QString, int> attempts; // per SOP instance UID: network requests started
    int cacheHits = 0;
    int retries = 0;
    qint64 bytesReceived = 0; // instance bytes from the network
    qint64 readyMs = -1;      // start() to the metadata read (display set ready)
    qint64 firstFrameMs = -1; // start() to the first frame arrived
    qint64 completeMs = -1;   // start() to every instance settled
};

// Streams one series of a DICOMweb archive into memory, progressively: the metadata first (the
// display set is ready at once, before any pixel), then the instances of display set 0, the
// frame the view opens on first and the rest coarse to fine (TransferQueue), on up to
// `connections` parallel WADO-RS retrievals, each instance from the local cache when it is
// there. Each instance is decoded on the pool; frames of a volume display set are written in
// place into the Volume and their bytes dropped, so memory stays bounded by the volume plus the
// instances in flight; other display sets keep their decoded pixels. A failed transfer is
// retried alone after its backoff; an instance that arrives but cannot be decoded (a corrupt
// part) fails once with frameFailed and is not retried. No instance is fetched twice.
//
// Thread contract: GUI thread (that of the client's QNetworkAccessManager); decoding and cache
// I/O run on the pool and report back through this object, which is the guard: cancel() and
// the destructor abort every request at once and wait for the jobs running, so no callback
// reaches a destroyed streamer. The client and the cache must outlive it.
class SeriesStreamer : public QObject
{
    Q_OBJECT
public:
    SeriesStreamer(net::DicomWebClient* client, net::InstanceCache* cache, QString studyUid,
                   QString seriesUid, StreamOptions options = {}, QObject* parent = nullptr);
    ~SeriesStreamer() override;

    void start();
    void cancel();

    const std::vector<viewer::DisplaySet>& displaySets() const { return m_displaySets; }
    const viewer::DisplaySet& displaySet() const; // the one streamed: display set 0
    std::shared_ptr<viewer::Volume> volume() const { return m_volume; } // null: not a volume
    int focusFrame() const;

    // The pixels of frame `index` once it arrived (a view of its volume slice without a copy,
    // or its decoded instance), and where the frame lies in them; nullptr before.
    std::shared_ptr<const viewer::PixelBuffer> pixels(int frameIndex) const;
    int frameInBuffer(int frameIndex) const;
    std::optional<viewer::Error> frameError(int frameIndex) const;

    int instanceCount() const { return m_queue.count(); }
    int doneCount() const { return m_done; }
    bool isFinished() const { return m_finished; }
    const StreamCounters& counters() const { return m_counters; }
    // Bytes held for instances in flight (received, decoding) now and at most, plus the
    // volume (or kept decoded pixels): the memory bound under test.
    qint64 heldBytes() const;
    qint64 peakHeldBytes() const;

public slots:
    // The view wants frame `frameIndex` now (scrolling in `direction`, +1/-1, 0 alone).
    void prioritize(int frameIndex, int direction);

signals:
    void ready(const fenestra::viewer::DisplaySet& displaySet);
    void frameArrived(int frameIndex);
    void frameFailed(int frameIndex, const fenestra::viewer::Error& error);
    void progress(int done, int total);
    void finished();
    // The series cannot be streamed (metadata unavailable or empty).
    void failed(const fenestra::viewer::Error& error);

private:
    struct Shared;
    struct Decoded;
    struct Job;
    struct Item
    {
        std::shared_ptr<const viewer::InstanceInfo> instance;
        std::vector<int> frames; // display-set frames of this instance
        int attempts = 0;
        std::shared_ptr<const viewer::PixelBuffer> pixels; // kept when not in the volume
        std::optional<viewer::PixelFormat> sliceFormat;    // set when written into the volume
        std::optional<viewer::Error> error;
    };

    void requestMetadata();
    net::InstanceRef metadataRef() const;
    void onMetadata(net::WadoFetch* fetch);
    bool buildItems(const QByteArray& json);
    void pump();
    void startItem(int item);
    void fetchItem(int item);
    void onPart(int item, const QByteArray& bytes);
    void onStreamFinished(int item, net::WadoStream* stream, bool gotPart);
    void retryOrGiveUp(int item, const net::Error& error);
    void submit(int item, QByteArray bytes, bool fromCache);
    void onDecoded(int item, Decoded result);
    void failItem(int item, const viewer::Error& error);
    void settle();
    std::chrono::milliseconds backoff(int attempts) const;
    void waitForJobs();
    // On the pool: the instance's bytes (from the cache when it has none), decoded, written
    // into the volume or kept, then cached.
    static Decoded runJob(Job& job, Shared& shared);

    QPointer<net::DicomWebClient> m_client;
    net::InstanceCache* m_cache;
    QString m_studyUid;
    QString m_seriesUid;
    StreamOptions m_options;
    std::shared_ptr<Shared> m_shared;

    std::vector<viewer::DisplaySet> m_displaySets;
    std::shared_ptr<viewer::Volume> m_volume;
    std::vector<Item> m_items;
    std::vector<int> m_itemOfFrame;
    net::TransferQueue m_queue;
    QHash<int, QPointer<net::WadoStream>> m_streams; // item -> request in flight
    QPointer<net::WadoFetch> m_metadata;
    int m_metadataAttempts = 0;
    int m_busy = 0;     // instances on the network
    int m_decoding = 0; // instances received (or read from the cache) and decoding
    QTimer m_holdOff;   // after a connection failure: no new request until it fires
    int m_done = 0;     // settled (arrived or failed)
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
    QElapsedTimer m_clock;
    StreamCounters m_counters;
};

} // namespace fenestra::app
