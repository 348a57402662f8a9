#pragma once

#include "dicommodel.h"
#include "displayset.h"
#include "errors.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace fenestra::viewer {

enum class ScalarType
{
    UInt8,
    Int8,
    UInt16,
    Int16
};

// A regular 3D grid of one display set's stored values, in their native 8- or 16-bit type,
// for MPR and 3D. One contiguous buffer, allocated once from the geometry; slices are written
// in place as they are decoded (from disk now, from the network later), and each slice says
// whether it has arrived. Voxel (i, j, k) lies at
//   origin + i * columnSpacing * rowDirection + j * rowSpacing * columnDirection
//          + k * sliceSpacing * sliceDirection        (patient coordinates, LPS, mm)
// where sliceDirection is the true step between slices: the image normal for an ordinary stack,
// oblique to the image plane for a gantry-tilted one (a sheared grid; sliceSpacing is then the
// table's step, longer than the display set's spacing along the normal).
// Until a slice is written it reads as the lowest stored value of the type (0, -128 or
// -32768): slices missing from the series (gaps) for ever, slices still to arrive until they do.
//
// Thread contract: geometry is immutable after create(); distinct slices may be written from
// distinct threads; markLoaded() publishes a slice (release), isLoaded() observes it (acquire).
class Volume
{
public:
    // Allocates a volume for a display set that isVolume(), mapping each frame to the slice
    // nearest its position. Fails with UnsupportedPixelFormat for colour or 32-bit data and
    // GeometryMismatch for display sets that are not volumes.
    static Result<std::shared_ptr<Volume>> create(const DisplaySet& displaySet);

    int columns() const { return m_dims[0]; }
    int rows() const { return m_dims[1]; }
    int slices() const { return m_dims[2]; }
    double columnSpacing() const { return m_spacing[0]; } // mm between columns (along i)
    double rowSpacing() const { return m_spacing[1]; }    // mm between rows (along j)
    double sliceSpacing() const { return m_spacing[2]; }  // mm along sliceDirection
    Vec3 origin() const { return m_origin; }
    Vec3 rowDirection() const { return m_rowDirection; }
    Vec3 columnDirection() const { return m_columnDirection; }
    Vec3 sliceDirection() const { return m_sliceDirection; }
    ScalarType scalarType() const { return m_type; }
    int bytesPerVoxel() const
    {
        return m_type == ScalarType::UInt8 || m_type == ScalarType::Int8 ? 1 : 2;
    }
    const Rescale& rescale() const { return m_rescale; }

    Vec3 patientPosition(double i, double j, double k) const;

    std::size_t sliceBytes() const;
    std::size_t byteCount() const { return sliceBytes() * static_cast<std::size_t>(slices()); }
    std::span<std::byte> slice(int k);
    std::span<const std::byte> slice(int k) const;
    const std::byte* data() const { return m_data.get(); }

    // The volume slice that display-set frame `frameIndex` fills.
    int sliceForFrame(int frameIndex) const
    {
        return m_sliceOfFrame.at(static_cast<std::size_t>(frameIndex));
    }

    void markLoaded(int k);
    bool isLoaded(int k) const;
    int loadedCount() const { return m_loadedCount.load(std::memory_order_acquire); }

    // Stored value at (i, j, k) as a double (modality LUT not applied).
    double storedValue(int i, int j, int k) const;

private:
    Volume() = default;

    int m_dims[3] = {0, 0, 0};
    double m_spacing[3] = {1, 1, 1};
    Vec3 m_origin;
    Vec3 m_rowDirection{1, 0, 0};
    Vec3 m_columnDirection{0, 1, 0};
    Vec3 m_sliceDirection{0, 0, 1};
    ScalarType m_type = ScalarType::Int16;
    Rescale m_rescale;
    std::vector<int> m_sliceOfFrame;
    std::unique_ptr<std::byte[]> m_data;
    std::unique_ptr<std::atomic<bool>[]> m_loaded;
    std::atomic<int> m_loadedCount{0};
};

} // namespace fenestra::viewer
