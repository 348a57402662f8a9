#pragma once

#include "core/volume.h"
#include "studylibrary.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThreadPool;

namespace fenestra::viewer {

struct VolumeLoadOptions
{
    QThreadPool* pool = nullptr; // nullptr: QThreadPool::globalInstance()
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int loaded, int total)> progress; // called from worker threads
};

struct VolumeLoadResult
{
    std::shared_ptr<Volume> volume;
    std::vector<FileError> errors; // slices that failed stay unloaded; the rest are there
    bool cancelled = false;
};

// Allocates the volume of a display set once, then decodes its instances in parallel on the
// pool, writing each frame in place into its slice (no intermediate volume copy). Frames whose
// rescale differs from the volume's are converted to the volume's rescale.
//
// Thread contract: blocking; call from any thread but the pool's own workers.
Result<VolumeLoadResult> loadVolume(const DisplaySet& displaySet,
                                    const VolumeLoadOptions& options = {});

} // namespace fenestra::viewer
