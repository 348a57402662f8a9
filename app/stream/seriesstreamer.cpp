#include "seriesstreamer_p.h"

#include "dicom/dicomreader.h"
#include "dicomweb/dicomwebclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QThreadPool>

#include <algorithm>

namespace fenestra::app {

SeriesStreamer::SeriesStreamer(net::DicomWebClient* client, net::InstanceCache* cache,
                               QString studyUid, QString seriesUid, StreamOptions options,
                               QObject* parent)
    : QObject(parent), m_client(client), m_cache(cache), m_studyUid(std::move(studyUid)),
      m_seriesUid(std::move(seriesUid)), m_options(options), m_shared(std::make_shared<Shared>())
{
    m_options.connections = std::max(1, m_options.connections);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_holdOff.setSingleShot(true);
    connect(&m_holdOff, &QTimer::timeout, this, &SeriesStreamer::pump);
}

SeriesStreamer::~SeriesStreamer()
{
    cancel();
}

void SeriesStreamer::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    // A series seen before opens from the cache at once, also offline: its metadata is kept
    // there too (encrypted like the instances).
    if (m_cache != nullptr && m_client != nullptr) {
        if (auto cached = m_cache->get(metadataRef()); cached && buildItems(*cached)) {
            m_counters.readyMs = m_clock.elapsed();
            emit ready(displaySet());
            emit progress(0, instanceCount());
            pump();
            return;
        }
    }
    requestMetadata();
}

net::InstanceRef SeriesStreamer::metadataRef() const
{
    // Not a SOP Instance UID (those are digits and dots): it cannot collide with an instance.
    return net::InstanceRef{m_client->archive().baseUrl.toString(), m_studyUid, m_seriesUid,
                            QStringLiteral("series-metadata")};
}

void SeriesStreamer::cancel()
{
    m_cancelled = true;
    m_holdOff.stop();
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->cancelled.store(true);
    }
    // Deleting a running request aborts its connection at once, without finished().
    const auto streams = m_streams;
    m_streams.clear();
    for (const QPointer<net::WadoStream>& stream : streams)
        delete stream.data();
    delete m_metadata.data();
    waitForJobs();
}

void SeriesStreamer::waitForJobs()
{
    std::unique_lock lock(m_shared->mutex);
    m_shared->idle.wait(lock, [this] { return m_shared->running == 0; });
}

const viewer::DisplaySet& SeriesStreamer::displaySet() const
{
    static const viewer::DisplaySet empty;
    return m_displaySets.empty() ? empty : m_displaySets.front();
}

int SeriesStreamer::focusFrame() const
{
    const viewer::DisplaySet& set = displaySet();
    return set.isSpatial ? static_cast<int>(set.frames.size()) / 2 : 0;
}

qint64 SeriesStreamer::heldBytes() const
{
    return m_shared->held.load() + m_shared->base.load();
}

qint64 SeriesStreamer::peakHeldBytes() const
{
    return std::max(m_shared->peak.load(), heldBytes());
}

std::chrono::milliseconds SeriesStreamer::backoff(int attempts) const
{
    std::chrono::milliseconds delay = m_options.backoffStart;
    for (int i = 1; i < attempts && delay < m_options.backoffMax; ++i)
        delay *= 2;
    return std::min(delay, m_options.backoffMax);
}

// --- metadata -------------------------------------------------------------------------------

void SeriesStreamer::requestMetadata()
{
    if (m_client == nullptr || m_cancelled)
        return;
    ++m_metadataAttempts;
    m_metadata = m_client->retrieveSeriesMetadata(m_studyUid, m_seriesUid);
    net::WadoFetch* fetch = m_metadata.data();
    connect(fetch, &net::DicomWebRequest::finished, this, [this, fetch] { onMetadata(fetch); });
}

void SeriesStreamer::onMetadata(net::WadoFetch* fetch)
{
    fetch->deleteLater();
    const net::RequestOutcome outcome = fetch->outcome();
    if (outcome.status == net::RequestStatus::Cancelled || m_cancelled)
        return;
    if (outcome.status != net::RequestStatus::Clean) {
        const net::Error error = outcome.error.value_or(net::Error{});
        if (m_metadataAttempts < m_options.maxAttempts && error.code != net::ErrorCode::HttpError) {
            QTimer::singleShot(backoff(m_metadataAttempts), this, &SeriesStreamer::requestMetadata);
            return;
        }
        emit failed(viewer::Error{viewer::ErrorCode::SeriesNotFound, error.toString()});
        return;
    }
    if (!buildItems(fetch->body())) {
        emit failed(viewer::Error{viewer::ErrorCode::SeriesNotFound,
                                  QStringLiteral("the archive lists no image in the series")});
        return;
    }
    if (m_cache != nullptr)
        m_cache->put(metadataRef(), fetch->body()); // a failure only costs the offline reopen
    m_counters.readyMs = m_clock.elapsed();
    emit ready(displaySet());
    emit progress(0, instanceCount());
    pump();
}

bool SeriesStreamer::buildItems(const QByteArray& json)
{
    const QJsonArray objects = QJsonDocument::fromJson(json).array();
    std::vector<std::shared_ptr<const viewer::InstanceInfo>> instances;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        // The name is what errors show: a position, never a UID.
        auto info = viewer::readDicomJsonHeader(objects[i].toObject(),
                                                QStringLiteral("instance %1").arg(i + 1));
        if (info)
            instances.push_back(std::make_shared<const viewer::InstanceInfo>(std::move(*info)));
    }
    m_displaySets = viewer::buildDisplaySets(instances);
    if (m_displaySets.empty())
        return false;
    const viewer::DisplaySet& set = m_displaySets.front();
    if (set.isVolume()) {
        if (auto volume = viewer::Volume::create(set)) {
            m_volume = *volume;
            m_shared->base.store(static_cast<qint64>(m_volume->byteCount()));
        }
    }
    QHash<const viewer::InstanceInfo*, int> itemOf;
    m_itemOfFrame.assign(set.frames.size(), 0);
    for (std::size_t f = 0; f < set.frames.size(); ++f) {
        const auto& instance = set.frames[f].instance;
        auto found = itemOf.constFind(instance.get());
        if (found == itemOf.cend()) {
            found = itemOf.insert(instance.get(), static_cast<int>(m_items.size()));
            m_items.push_back(Item{instance, {}, 0, nullptr, std::nullopt, std::nullopt});
        }
        m_items[static_cast<std::size_t>(*found)].frames.push_back(static_cast<int>(f));
        m_itemOfFrame[f] = *found;
    }
    m_queue = net::TransferQueue(static_cast<int>(m_items.size()),
                                 m_itemOfFrame[static_cast<std::size_t>(focusFrame())]);
    return true;
}

// --- transfers ------------------------------------------------------------------------------

void SeriesStreamer::prioritize(int frameIndex, int direction)
{
    if (frameIndex < 0 || frameIndex >= static_cast<int>(m_itemOfFrame.size()))
        return;
    const int ahead = direction == 0 ? 0 : (direction > 0 ? 1 : -1) * m_options.prioritizeAhead;
    // Items follow the display order (one per instance), so frame steps are item steps.
    m_queue.prioritize(m_itemOfFrame[static_cast<std::size_t>(frameIndex)], ahead);
    pump();
}

void SeriesStreamer::pump()
{
    if (m_cancelled || m_holdOff.isActive())
        return;
    // Decodes waiting count too: memory stays bounded when the network outruns the decoder.
    while (m_busy < m_options.connections && m_decoding < m_options.connections) {
        const std::optional<int> item = m_queue.next();
        if (!item)
            break;
        startItem(*item);
    }
}

void SeriesStreamer::startItem(int item)
{
    const Item& it = m_items[static_cast<std::size_t>(item)];
    if (m_cache != nullptr && m_client != nullptr &&
        m_cache->contains(net::InstanceRef{m_client->archive().baseUrl.toString(), m_studyUid,
                                           m_seriesUid, it.instance->sopInstanceUid})) {
        ++m_counters.cacheHits;
        ++m_decoding;
        submit(item, {}, true);
        return;
    }
    ++m_busy;
    fetchItem(item);
}

void SeriesStreamer::fetchItem(int item)
{
    Item& it = m_items[static_cast<std::size_t>(item)];
    ++it.attempts;
    ++m_counters.attempts[it.instance->sopInstanceUid];
    net::WadoStream* stream =
        m_client->retrieveInstance(m_studyUid, m_seriesUid, it.instance->sopInstanceUid);
    m_streams.insert(item, stream);
    auto gotPart = std::make_shared<bool>(false);
    connect(stream, &net::WadoStream::partReceived, this,
            [this, item, gotPart](const net::WadoPart& part) {
                if (*gotPart)
                    return; // one instance, one part: anything more is not ours
                *gotPart = true;
                onPart(item, part.bytes);
            });
    connect(stream, &net::DicomWebRequest::finished, this,
            [this, item, stream, gotPart] { onStreamFinished(item, stream, *gotPart); });
}

void SeriesStreamer::onPart(int item, const QByteArray& bytes)
{
    const Item& it = m_items[static_cast<std::size_t>(item)];
    ++m_counters.fetched[it.instance->sopInstanceUid];
    m_counters.bytesReceived += bytes.size();
    // The connection is free for the next instance while this one decodes.
    --m_busy;
    ++m_decoding;
    submit(item, bytes, false);
    QTimer::singleShot(0, this, &SeriesStreamer::pump);
}

void SeriesStreamer::onStreamFinished(int item, net::WadoStream* stream, bool gotPart)
{
    m_streams.remove(item);
    stream->deleteLater();
    const net::RequestOutcome outcome = stream->outcome();
    if (gotPart || outcome.status == net::RequestStatus::Cancelled || m_cancelled)
        return; // the part is decoding: that job settles the item
    const net::Error error = outcome.error.value_or(
        net::Error{net::ErrorCode::MalformedResponse, QStringLiteral("no instance in the answer")});
    --m_busy;
    if (outcome.partsFailed > 0 || error.code == net::ErrorCode::MalformedPart) {
        // The bytes arrived but are damaged: fetching them again would not help.
        failItem(item, viewer::Error{viewer::ErrorCode::Malformed, error.toString()});
        pump();
        return;
    }
    retryOrGiveUp(item, error);
}

void SeriesStreamer::retryOrGiveUp(int item, const net::Error& error)
{
    const Item& it = m_items[static_cast<std::size_t>(item)];
    const bool permanent =
        error.code == net::ErrorCode::HttpError || error.code == net::ErrorCode::Unauthorized ||
        error.code == net::ErrorCode::Forbidden || error.code == net::ErrorCode::InvalidArgument;
    if (permanent || it.attempts >= m_options.maxAttempts) {
        failItem(item, viewer::Error{viewer::ErrorCode::ArchiveUnreadable, error.toString()});
        pump();
        return;
    }
    ++m_counters.retries;
    const std::chrono::milliseconds delay = backoff(it.attempts);
    // The server is probably down or overloaded: start nothing new until the backoff passed,
    // so the waiting instances do not burn their attempts meanwhile.
    if (!m_holdOff.isActive() || m_holdOff.remainingTimeAsDuration() < delay)
        m_holdOff.start(delay);
    QTimer::singleShot(delay, this, [this, item] {
        if (m_cancelled)
            return;
        m_queue.retryLater(item);
        pump();
    });
}

// --- decoding -------------------------------------------------------------------------------

void SeriesStreamer::submit(int item, QByteArray bytes, bool fromCache)
{
    const Item& it = m_items[static_cast<std::size_t>(item)];
    Job job{it.instance,
            {},
            m_volume,
            m_cache,
            net::InstanceRef{m_client->archive().baseUrl.toString(), m_studyUid, m_seriesUid,
                             it.instance->sopInstanceUid},
            std::move(bytes),
            fromCache};
    for (int frame : it.frames) {
        const int k = m_volume != nullptr ? m_volume->sliceForFrame(frame) : 0;
        job.frames.emplace_back(k, displaySet().frames[static_cast<std::size_t>(frame)].frame);
    }
    m_shared->hold(job.bytes.size());
    QThreadPool* pool = m_options.pool != nullptr ? m_options.pool : QThreadPool::globalInstance();
    pool->start([self = this, shared = m_shared, item, job = std::move(job)]() mutable {
        {
            const std::lock_guard lock(shared->mutex);
            if (shared->cancelled.load())
                return;
            ++shared->running;
        }
        Decoded result = runJob(job, *shared);
        const std::lock_guard lock(shared->mutex);
        if (!shared->cancelled.load()) {
            QMetaObject::invokeMethod(
                self,
                [self, shared, item, result = std::move(result)]() mutable {
                    if (!shared->cancelled.load())
                        self->onDecoded(item, std::move(result));
                },
                Qt::QueuedConnection);
        }
        --shared->running;
        shared->idle.notify_all();
    });
}

void SeriesStreamer::onDecoded(int item, Decoded result)
{
    --m_decoding;
    Item& it = m_items[static_cast<std::size_t>(item)];
    if (result.cacheMiss) {
        --m_counters.cacheHits;
        ++m_busy;
        fetchItem(item);
        return;
    }
    if (result.error) {
        failItem(item, *result.error);
    } else {
        it.sliceFormat = result.sliceFormat;
        it.pixels = std::move(result.pixels);
        m_queue.finished(item);
        ++m_done;
        if (m_counters.firstFrameMs < 0)
            m_counters.firstFrameMs = m_clock.elapsed();
        for (int frame : it.frames)
            emit frameArrived(frame);
        emit progress(m_done, instanceCount());
    }
    settle();
    pump();
}

void SeriesStreamer::failItem(int item, const viewer::Error& error)
{
    Item& it = m_items[static_cast<std::size_t>(item)];
    it.error = error;
    m_queue.giveUp(item);
    ++m_done;
    for (int frame : it.frames)
        emit frameFailed(frame, error);
    emit progress(m_done, instanceCount());
    settle();
}

void SeriesStreamer::settle()
{
    if (m_finished || !m_queue.isSettled() || m_busy > 0 || m_decoding > 0)
        return;
    m_finished = true;
    m_counters.completeMs = m_clock.elapsed();
    emit finished();
}

std::shared_ptr<const viewer::PixelBuffer> SeriesStreamer::pixels(int frameIndex) const
{
    if (frameIndex < 0 || frameIndex >= static_cast<int>(m_itemOfFrame.size()))
        return nullptr;
    const Item& it = m_items[static_cast<std::size_t>(m_itemOfFrame[std::size_t(frameIndex)])];
    if (it.pixels != nullptr)
        return it.pixels;
    if (!it.sliceFormat || m_volume == nullptr)
        return nullptr;
    // A view of the volume slice: it keeps the volume alive, copies nothing.
    const int k = m_volume->sliceForFrame(frameIndex);
    std::shared_ptr<std::byte[]> slice(m_volume, m_volume->slice(k).data());
    return std::make_shared<const viewer::PixelBuffer>(
        viewer::PixelBuffer::wrap(*it.sliceFormat, 1, std::move(slice)));
}

int SeriesStreamer::frameInBuffer(int frameIndex) const
{
    if (frameIndex < 0 || frameIndex >= static_cast<int>(m_itemOfFrame.size()))
        return 0;
    const Item& it = m_items[static_cast<std::size_t>(m_itemOfFrame[std::size_t(frameIndex)])];
    return it.pixels != nullptr ? displaySet().frames[std::size_t(frameIndex)].frame : 0;
}

std::optional<viewer::Error> SeriesStreamer::frameError(int frameIndex) const
{
    if (frameIndex < 0 || frameIndex >= static_cast<int>(m_itemOfFrame.size()))
        return std::nullopt;
    return m_items[static_cast<std::size_t>(m_itemOfFrame[std::size_t(frameIndex)])].error;
}

} // namespace fenestra::app
