#include "volumeloader.h"

#include "dicom/dicomreader.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <cstring>
#include <map>
#include <mutex>

namespace fenestra::viewer {

namespace {

// The frames of one instance that the volume needs: (frame in instance, volume slice).
struct InstanceJob
{
    std::shared_ptr<const InstanceInfo> instance;
    std::vector<std::pair<int, int>> frames;
};

std::vector<InstanceJob> jobsFor(const DisplaySet& ds, const Volume& volume)
{
    std::map<const InstanceInfo*, std::size_t> index;
    std::vector<InstanceJob> jobs;
    for (std::size_t f = 0; f < ds.frames.size(); ++f) {
        const FrameRef& ref = ds.frames[f];
        auto [it, inserted] = index.try_emplace(ref.instance.get(), jobs.size());
        if (inserted)
            jobs.push_back({ref.instance, {}});
        jobs[it->second].frames.emplace_back(ref.frame, volume.sliceForFrame(static_cast<int>(f)));
    }
    return jobs;
}

template <class T>
void convertRescale(std::span<std::byte> bytes, const Rescale& from, const Rescale& to)
{
    const std::size_t count = bytes.size() / sizeof(T);
    auto* data = reinterpret_cast<T*>(bytes.data());
    for (std::size_t i = 0; i < count; ++i) {
        const double value = data[i] * from.slope + from.intercept;
        const double stored = std::round((value - to.intercept) / to.slope);
        data[i] = static_cast<T>(std::clamp(stored, double(std::numeric_limits<T>::min()),
                                            double(std::numeric_limits<T>::max())));
    }
}

void convertSlice(std::span<std::byte> slice, ScalarType type, const Rescale& from,
                  const Rescale& to)
{
    switch (type) {
    case ScalarType::UInt8:
        convertRescale<quint8>(slice, from, to);
        break;
    case ScalarType::Int8:
        convertRescale<qint8>(slice, from, to);
        break;
    case ScalarType::UInt16:
        convertRescale<quint16>(slice, from, to);
        break;
    case ScalarType::Int16:
        convertRescale<qint16>(slice, from, to);
        break;
    }
}

std::optional<Error> loadInstance(const InstanceJob& job, Volume& volume)
{
    const InstanceInfo& info = *job.instance;
    auto pixels = decodeDicomPixels(DicomSource{info.source, info.localPath, {}});
    if (!pixels)
        return pixels.error();
    if (pixels->format().frameBytes() != volume.sliceBytes())
        return Error{ErrorCode::GeometryMismatch,
                     QStringLiteral("decoded frame has %1 bytes, slice %2")
                         .arg(pixels->format().frameBytes())
                         .arg(volume.sliceBytes())};
    for (const auto& [frame, k] : job.frames) {
        if (frame >= pixels->frameCount())
            return Error{ErrorCode::FrameOutOfRange, QString::number(frame + 1)};
        std::span<std::byte> slice = volume.slice(k);
        std::memcpy(slice.data(), pixels->frame(frame).data(), slice.size());
        const Rescale& rescale = info.frames[static_cast<std::size_t>(frame)].rescale;
        if (!(rescale == volume.rescale()))
            convertSlice(slice, volume.scalarType(), rescale, volume.rescale());
        volume.markLoaded(k);
    }
    return std::nullopt;
}

} // namespace

Result<VolumeLoadResult> loadVolume(const DisplaySet& displaySet, const VolumeLoadOptions& options)
{
    auto volume = Volume::create(displaySet);
    if (!volume)
        return std::unexpected(volume.error());
    VolumeLoadResult result;
    result.volume = *volume;
    const std::vector<InstanceJob> jobs = jobsFor(displaySet, *result.volume);
    const int total = static_cast<int>(displaySet.frames.size());

    std::mutex mutex;
    std::atomic<bool> cancelled{false};
    auto run = [&](const InstanceJob& job) {
        if (options.cancel && options.cancel->load()) {
            cancelled = true;
            return;
        }
        if (auto error = loadInstance(job, *result.volume)) {
            const std::lock_guard lock(mutex);
            result.errors.push_back({job.instance->source, *error});
        }
        if (options.progress)
            options.progress(result.volume->loadedCount(), total);
    };
    QThreadPool* pool = options.pool ? options.pool : QThreadPool::globalInstance();
    QtConcurrent::blockingMap(pool, jobs, run);
    result.cancelled = cancelled.load();
    return result;
}

} // namespace fenestra::viewer
