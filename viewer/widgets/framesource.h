#pragma once

#include "core/displayset.h"
#include "core/errors.h"
#include "core/pixelbuffer.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <list>
#include <memory>
#include <optional>

class QThreadPool;

namespace fenestra::viewer {

// Decoded pixels of the frames of one display set, decoded on a thread pool and kept in an LRU
// cache bounded in bytes. One decode of an instance serves all of its frames (a multi-frame
// clip is decoded once). A failed instance keeps its error, delivered as a value per frame.
//
// Results arrive on the GUI thread through this object: it is the guard. Once it is destroyed
// (or given another display set) no result of an earlier job reaches anyone; the destructor
// cancels the jobs not started yet and waits for the ones running, so none outlives it.
//
// External supply (setExternalSupply(true)): the frames come from elsewhere (a series streamed
// from an archive). request() and prefetch() then decode nothing and emit framesWanted() for
// the frames not supplied yet; the supplier answers with supply() or supplyError(). Supplied
// pixels are held per frame by shared pointer (often views of memory the supplier owns, such
// as a volume slice), so they do not count against the cache limit.
//
// Thread contract: GUI thread only (the object); the decoding runs on the pool.
class FrameSource : public QObject
{
    Q_OBJECT
public:
    explicit FrameSource(QObject* parent = nullptr);
    ~FrameSource() override;

    // nullptr: QThreadPool::globalInstance(). Set before the first request.
    void setThreadPool(QThreadPool* pool);
    void setCacheLimit(qint64 bytes); // at least the most recent instance is always kept
    qint64 cacheLimit() const { return m_cacheLimit; }
    qint64 cachedBytes() const { return m_cachedBytes; }
    // How many frames ahead (in the scroll direction) and behind prefetch() asks for.
    void setPrefetch(int ahead, int behind);

    // Cancels the jobs of the previous display set; the cache of decoded instances is kept
    // (a display set of the same series reuses it).
    void setDisplaySet(const DisplaySet& displaySet);
    void clear();
    int frameCount() const { return static_cast<int>(m_frames.size()); }

    // The decoded pixels holding frame `index` (use frameInBuffer(index) to address it), or
    // nullptr when not decoded yet or failed. Does not start a decode.
    std::shared_ptr<const PixelBuffer> pixels(int index) const;
    int frameInBuffer(int index) const;
    bool isReady(int index) const; // does not count as a use for the LRU order
    // The decode error of the instance holding frame `index`, if it failed.
    std::optional<Error> error(int index) const;
    bool isPending(int index) const;

    // Starts decoding frame `index` (with priority) unless it is cached, failed or pending.
    void request(int index);
    // Requests the neighbours of `index`, ahead in `direction` (+1/-1) first.
    void prefetch(int index, int direction);
    // Decodes on the calling (GUI) thread when not cached; for export. Keeps the result.
    Result<std::shared_ptr<const PixelBuffer>> decodeNow(int index);

    // External supply mode; switching clears what was supplied. Set before setDisplaySet().
    void setExternalSupply(bool external);
    bool isExternalSupply() const { return m_external; }
    // Frame `index` is frame `frameInBuffer` of `pixels`; emits frameDecoded(index).
    void supply(int index, std::shared_ptr<const PixelBuffer> pixels, int frameInBuffer = 0);
    // Frame `index` cannot be had; emits frameDecoded(index) (error() tells why).
    void supplyError(int index, const Error& error);
    // Forgets what was supplied for frame `index` (pixels or error), without a signal: the
    // supplier bounds the memory it lends, or marks a frame stale. Wanted again when shown.
    void unsupply(int index);

signals:
    // The instance holding frame `index` was decoded (or failed: see error()). Other frames of
    // the same instance are ready too.
    void frameDecoded(int index);
    // External supply: frame `index` is wanted now, then its neighbours in `direction` (+1/-1;
    // 0: the frame alone).
    void framesWanted(int index, int direction);

private:
    struct Shared;
    struct Entry
    {
        std::shared_ptr<const InstanceInfo> instance; // keeps the key's address alive
        std::shared_ptr<const PixelBuffer> pixels;
        qint64 bytes = 0;
    };
    using Key = const InstanceInfo*;

    const InstanceInfo* instanceAt(int index) const;
    void cancelJobs();
    void startJob(int index, int priority);
    void deliver(int index, const std::shared_ptr<const InstanceInfo>& instance,
                 Result<PixelBuffer> result);
    void store(const std::shared_ptr<const InstanceInfo>& instance, PixelBuffer pixels);
    void touch(Key key) const;
    void evict();
    struct Supplied
    {
        std::shared_ptr<const PixelBuffer> pixels;
        int frameInBuffer = 0;
    };
    const Supplied* suppliedAt(int index) const;

    std::shared_ptr<Shared> m_shared; // outlives this object while jobs hold it
    // Set (under the shared mutex) when the queued jobs must no longer deliver: on a new
    // display set, clear() and destruction. Each generation of jobs holds its own flag.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThreadPool* m_pool = nullptr;
    std::vector<FrameRef> m_frames;
    qint64 m_cacheLimit = 256LL * 1024 * 1024;
    qint64 m_cachedBytes = 0;
    int m_ahead = 6;
    int m_behind = 2;
    // LRU order: front is the most recently used. Mutable: reading a frame refreshes it.
    mutable std::list<Key> m_lru;
    QHash<Key, Entry> m_cache;
    QHash<Key, Error> m_errors;
    QHash<Key, std::shared_ptr<const InstanceInfo>> m_pending;
    // External supply, by frame index.
    bool m_external = false;
    QHash<int, Supplied> m_supplied;
    QHash<int, Error> m_supplyErrors;
};

} // namespace fenestra::viewer
