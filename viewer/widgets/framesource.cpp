#include "framesource.h"

#include "dicom/dicomreader.h"

#include <QMetaObject>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>

namespace fenestra::viewer {

// What the jobs share with the source. The mutex orders three things: a job starting, a job
// posting its result, and the source cancelling. Once the source has cancelled a generation
// under the mutex, no job of it starts or posts any more, so a destroyed source is never
// called; `running` lets the destructor wait for the decodes already under way.
struct FrameSource::Shared
{
    std::mutex mutex;
    std::condition_variable idle;
    int running = 0;
};

namespace {

Result<PixelBuffer> decodeInstance(const InstanceInfo& instance)
{
    // Exceptions never cross a thread: anything thrown below becomes an error value.
    try {
        return decodeDicomPixels(DicomSource{instance.source, instance.localPath, {}});
    } catch (const std::exception& e) {
        return fail(ErrorCode::DecodeFailed, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return fail(ErrorCode::DecodeFailed);
    }
}

qint64 bufferBytes(const PixelBuffer& pixels)
{
    return static_cast<qint64>(pixels.format().frameBytes()) * pixels.frameCount();
}

} // namespace

FrameSource::FrameSource(QObject* parent)
    : QObject(parent), m_shared(std::make_shared<Shared>()),
      m_cancel(std::make_shared<std::atomic<bool>>(false))
{}

FrameSource::~FrameSource()
{
    std::unique_lock lock(m_shared->mutex);
    m_cancel->store(true);
    m_shared->idle.wait(lock, [this] { return m_shared->running == 0; });
}

void FrameSource::setThreadPool(QThreadPool* pool)
{
    m_pool = pool;
}

void FrameSource::setCacheLimit(qint64 bytes)
{
    m_cacheLimit = std::max<qint64>(0, bytes);
    evict();
}

void FrameSource::setPrefetch(int ahead, int behind)
{
    m_ahead = std::max(0, ahead);
    m_behind = std::max(0, behind);
}

void FrameSource::setDisplaySet(const DisplaySet& displaySet)
{
    cancelJobs();
    m_frames = displaySet.frames;
    m_errors.clear();
    m_supplied.clear();
    m_supplyErrors.clear();
}

void FrameSource::clear()
{
    cancelJobs();
    m_frames.clear();
    m_errors.clear();
    m_supplied.clear();
    m_supplyErrors.clear();
    m_cache.clear();
    m_lru.clear();
    m_cachedBytes = 0;
}

void FrameSource::cancelJobs()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_cancel->store(true);
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_pending.clear();
}

const InstanceInfo* FrameSource::instanceAt(int index) const
{
    if (index < 0 || index >= frameCount())
        return nullptr;
    return m_frames[static_cast<std::size_t>(index)].instance.get();
}

int FrameSource::frameInBuffer(int index) const
{
    if (m_external) {
        const Supplied* supplied = suppliedAt(index);
        return supplied != nullptr ? supplied->frameInBuffer : 0;
    }
    return index >= 0 && index < frameCount() ? m_frames[static_cast<std::size_t>(index)].frame : 0;
}

std::shared_ptr<const PixelBuffer> FrameSource::pixels(int index) const
{
    if (m_external) {
        const Supplied* supplied = suppliedAt(index);
        return supplied != nullptr ? supplied->pixels : nullptr;
    }
    const Key key = instanceAt(index);
    const auto it = m_cache.constFind(key);
    if (key == nullptr || it == m_cache.cend())
        return nullptr;
    touch(key);
    return it->pixels;
}

bool FrameSource::isReady(int index) const
{
    if (m_external)
        return suppliedAt(index) != nullptr;
    const Key key = instanceAt(index);
    return key != nullptr && m_cache.contains(key);
}

std::optional<Error> FrameSource::error(int index) const
{
    if (m_external) {
        const auto found = m_supplyErrors.constFind(index);
        return found != m_supplyErrors.cend() ? std::optional<Error>(*found) : std::nullopt;
    }
    const auto it = m_errors.constFind(instanceAt(index));
    if (it == m_errors.cend())
        return std::nullopt;
    return *it;
}

bool FrameSource::isPending(int index) const
{
    if (m_external)
        return index >= 0 && index < frameCount() && !isReady(index) && !error(index);
    return m_pending.contains(instanceAt(index));
}

void FrameSource::request(int index)
{
    if (m_external) {
        if (isPending(index))
            emit framesWanted(index, 0);
        return;
    }
    startJob(index, 1);
}

void FrameSource::prefetch(int index, int direction)
{
    const int step = direction < 0 ? -1 : 1;
    if (m_external) {
        if (index >= 0 && index < frameCount())
            emit framesWanted(index, step);
        return;
    }
    for (int k = 1; k <= m_ahead; ++k)
        startJob(index + k * step, 0);
    for (int k = 1; k <= m_behind; ++k)
        startJob(index - k * step, 0);
}

void FrameSource::startJob(int index, int priority)
{
    const Key key = instanceAt(index);
    if (key == nullptr || m_cache.contains(key) || m_errors.contains(key) ||
        m_pending.contains(key))
        return;
    std::shared_ptr<const InstanceInfo> instance =
        m_frames[static_cast<std::size_t>(index)].instance;
    m_pending.insert(key, instance);
    QThreadPool* pool = m_pool != nullptr ? m_pool : QThreadPool::globalInstance();
    pool->start(
        [self = this, shared = m_shared, cancel = m_cancel, index, instance]() {
            {
                const std::lock_guard lock(shared->mutex);
                if (cancel->load())
                    return;
                ++shared->running;
            }
            Result<PixelBuffer> result = decodeInstance(*instance);
            const std::lock_guard lock(shared->mutex);
            if (!cancel->load()) {
                QMetaObject::invokeMethod(
                    self,
                    [self, cancel, index, instance, result = std::move(result)]() mutable {
                        if (!cancel->load())
                            self->deliver(index, instance, std::move(result));
                    },
                    Qt::QueuedConnection);
            }
            --shared->running;
            shared->idle.notify_all();
        },
        priority);
}

void FrameSource::deliver(int index, const std::shared_ptr<const InstanceInfo>& instance,
                          Result<PixelBuffer> result)
{
    m_pending.remove(instance.get());
    if (result)
        store(instance, std::move(*result));
    else
        m_errors.insert(instance.get(), result.error());
    emit frameDecoded(index);
}

Result<std::shared_ptr<const PixelBuffer>> FrameSource::decodeNow(int index)
{
    if (auto cached = pixels(index))
        return cached;
    if (auto failure = error(index))
        return std::unexpected(*failure);
    if (m_external)
        return fail(ErrorCode::DecodeFailed, QStringLiteral("frame not received yet"));
    const InstanceInfo* instance = instanceAt(index);
    if (instance == nullptr)
        return fail(ErrorCode::FrameOutOfRange);
    Result<PixelBuffer> result = decodeInstance(*instance);
    if (!result) {
        m_errors.insert(instance, result.error());
        return std::unexpected(result.error());
    }
    store(m_frames[static_cast<std::size_t>(index)].instance, std::move(*result));
    return pixels(index);
}

void FrameSource::store(const std::shared_ptr<const InstanceInfo>& instance, PixelBuffer pixels)
{
    const Key key = instance.get();
    if (const auto it = m_cache.find(key); it != m_cache.end()) {
        // Decoded twice (decodeNow while a job ran): keep the first copy.
        touch(key);
        return;
    }
    Entry entry{instance, std::make_shared<const PixelBuffer>(std::move(pixels)), 0};
    entry.bytes = bufferBytes(*entry.pixels);
    m_cachedBytes += entry.bytes;
    m_cache.insert(key, std::move(entry));
    m_lru.push_front(key);
    evict();
}

void FrameSource::touch(Key key) const
{
    const auto it = std::find(m_lru.begin(), m_lru.end(), key);
    if (it != m_lru.end() && it != m_lru.begin())
        m_lru.splice(m_lru.begin(), m_lru, it);
}

void FrameSource::evict()
{
    while (m_cachedBytes > m_cacheLimit && m_lru.size() > 1) {
        const Key oldest = m_lru.back();
        m_lru.pop_back();
        m_cachedBytes -= m_cache.value(oldest).bytes;
        m_cache.remove(oldest);
    }
}

void FrameSource::setExternalSupply(bool external)
{
    if (external == m_external)
        return;
    cancelJobs();
    m_external = external;
    m_supplied.clear();
    m_supplyErrors.clear();
}

void FrameSource::supply(int index, std::shared_ptr<const PixelBuffer> pixels, int frameInBuffer)
{
    if (!m_external || index < 0 || index >= frameCount() || pixels == nullptr ||
        frameInBuffer < 0 || frameInBuffer >= pixels->frameCount())
        return;
    m_supplyErrors.remove(index);
    m_supplied.insert(index, Supplied{std::move(pixels), frameInBuffer});
    emit frameDecoded(index);
}

void FrameSource::supplyError(int index, const Error& error)
{
    if (!m_external || index < 0 || index >= frameCount())
        return;
    m_supplied.remove(index);
    m_supplyErrors.insert(index, error);
    emit frameDecoded(index);
}

void FrameSource::unsupply(int index)
{
    m_supplied.remove(index);
    m_supplyErrors.remove(index);
}

const FrameSource::Supplied* FrameSource::suppliedAt(int index) const
{
    const auto found = m_supplied.constFind(index);
    return found != m_supplied.cend() ? &*found : nullptr;
}

} // namespace fenestra::viewer
