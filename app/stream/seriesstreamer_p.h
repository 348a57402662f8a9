#pragma once

// Private to SeriesStreamer (seriesstreamer.cpp, seriesstreamerjob.cpp): what its pool jobs
// share with it and carry.

#include "seriesstreamer.h"

#include "cache/instancecache.h"

#include <condition_variable>
#include <mutex>
#include <utility>

namespace fenestra::app {

// What the pool jobs share with the streamer (the guard pattern of FrameSource): once the
// streamer cancelled under the mutex, no job starts or posts any more; `running` lets the
// destructor wait for the jobs under way (they use the cache, which must not outlive us).
struct SeriesStreamer::Shared
{
    std::mutex mutex;
    std::condition_variable idle;
    int running = 0;
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> held{0}; // bytes of instances in flight (received and decoded)
    std::atomic<qint64> base{0}; // the volume, or the decoded pixels kept
    std::atomic<qint64> peak{0};

    void hold(qint64 bytes)
    {
        const qint64 now = held.fetch_add(bytes) + bytes + base.load();
        qint64 seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
    }
};

// The outcome of one instance's job on the pool.
struct SeriesStreamer::Decoded
{
    std::optional<viewer::Error> error;
    std::shared_ptr<const viewer::PixelBuffer> pixels; // when not written into the volume
    std::optional<viewer::PixelFormat> sliceFormat;    // when written into the volume
    bool cacheMiss = false;                            // to be fetched from the network
};

// Everything a job needs, by value: it uses nothing of the streamer but `shared` (and the
// cache, which the streamer waits for).
struct SeriesStreamer::Job
{
    std::shared_ptr<const viewer::InstanceInfo> instance;
    std::vector<std::pair<int, int>> frames; // (volume slice, frame in the instance)
    std::shared_ptr<viewer::Volume> volume;
    net::InstanceCache* cache = nullptr;
    net::InstanceRef ref;
    QByteArray bytes; // empty: read from the cache
    bool fromCache = false;
};

} // namespace fenestra::app
