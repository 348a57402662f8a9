#include "seriesstreamer_p.h"

#include "dicom/dicomreader.h"

#include <algorithm>
#include <cstring>
#include <exception>

namespace fenestra::app {

namespace {

bool fitsVolume(const viewer::InstanceInfo& instance, const viewer::PixelBuffer& pixels,
                const viewer::Volume& volume)
{
    const viewer::PixelFormat& f = pixels.format();
    const bool is16 = volume.bytesPerVoxel() == 2;
    const bool isSigned = volume.scalarType() == viewer::ScalarType::Int16 ||
                          volume.scalarType() == viewer::ScalarType::Int8;
    if (f.samplesPerPixel != 1 || f.frameBytes() != volume.sliceBytes() ||
        (f.bytesPerSample() == 2) != is16 || f.isSigned != isSigned)
        return false;
    return std::all_of(instance.frames.begin(), instance.frames.end(),
                       [&](const viewer::FrameInfo& frame) {
                           return frame.rescale.slope == volume.rescale().slope &&
                                  frame.rescale.intercept == volume.rescale().intercept;
                       });
}

viewer::Result<viewer::PixelBuffer> decode(const QByteArray& bytes, const QString& name)
{
    // Exceptions never cross a thread: anything thrown below becomes an error value.
    try {
        return viewer::decodeDicomPixels(viewer::DicomSource::fromBytes(bytes, name));
    } catch (const std::exception& e) {
        return viewer::fail(viewer::ErrorCode::DecodeFailed, QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return viewer::fail(viewer::ErrorCode::DecodeFailed);
    }
}

} // namespace

SeriesStreamer::Decoded SeriesStreamer::runJob(Job& job, Shared& shared)
{
    Decoded out;
    if (job.fromCache) {
        auto cached = job.cache->get(job.ref);
        if (!cached) {
            out.cacheMiss = true; // absent, or failed authentication and removed
            return out;
        }
        job.bytes = std::move(*cached);
        shared.hold(job.bytes.size());
    }
    const qint64 encoded = job.bytes.size();
    auto pixels = decode(job.bytes, job.instance->source);
    if (!pixels) {
        shared.held -= encoded;
        out.error = pixels.error();
        return out;
    }
    const qint64 decoded =
        static_cast<qint64>(pixels->format().frameBytes()) * pixels->frameCount();
    shared.hold(decoded);
    // Only what decodes is cached: a damaged instance must not come back offline. A cache
    // failure (full disk) costs the offline copy, never the display.
    if (!job.fromCache && job.cache != nullptr)
        (void)job.cache->put(job.ref, job.bytes);
    job.bytes = QByteArray();
    if (job.volume != nullptr && fitsVolume(*job.instance, *pixels, *job.volume)) {
        for (const auto& [k, frame] : job.frames) {
            if (frame >= pixels->frameCount())
                continue;
            const std::span<std::byte> slice = job.volume->slice(k);
            std::memcpy(slice.data(), pixels->frame(frame).data(), slice.size());
            job.volume->markLoaded(k);
        }
        out.sliceFormat = pixels->format();
    } else {
        shared.base += decoded;
        out.pixels = std::make_shared<const viewer::PixelBuffer>(std::move(*pixels));
    }
    shared.held -= encoded + decoded;
    return out;
}

} // namespace fenestra::app
