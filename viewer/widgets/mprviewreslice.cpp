#include "mprviewreslice.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace fenestra::viewer {

namespace {

// Slices missing so far, as a prefix count: missing[k + 1] - missing[j] slices in [j, k].
std::vector<int> missingPrefix(const Volume& volume, const std::vector<bool>& expected)
{
    std::vector<int> prefix(static_cast<std::size_t>(volume.slices()) + 1, 0);
    for (int k = 0; k < volume.slices(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        const bool isExpected = expected.empty() || (i < expected.size() && expected[i]);
        prefix[i + 1] = prefix[i] + (isExpected && !volume.isLoaded(k) ? 1 : 0);
    }
    return prefix;
}

// The continuous slice index k as a linear function of patient position: k = dot(perMm, p -
// origin), from the inverse of the voxel axes' matrix (a x b over the determinant).
bool sliceIndexGradient(const Volume& volume, Vec3& perMm)
{
    const Vec3 a = volume.rowDirection() * volume.columnSpacing();
    const Vec3 b = volume.columnDirection() * volume.rowSpacing();
    const Vec3 c = volume.sliceDirection() * volume.sliceSpacing();
    const double det = a.dot(b.cross(c));
    if (std::abs(det) < 1e-12)
        return false;
    perMm = a.cross(b) * (1.0 / det);
    return true;
}

void fillLowest(std::byte* pixel, const Volume& volume)
{
    switch (volume.scalarType()) {
    case ScalarType::UInt8:
        *pixel = std::byte{0};
        break;
    case ScalarType::Int8:
        *pixel = std::byte{0x80};
        break;
    case ScalarType::UInt16:
        std::memset(pixel, 0, 2);
        break;
    case ScalarType::Int16: {
        const qint16 lowest = std::numeric_limits<qint16>::min();
        std::memcpy(pixel, &lowest, 2);
        break;
    }
    }
}

void maskMissing(const Volume& volume, const MprPlane& plane, double slabThicknessMm,
                 const std::vector<int>& missing, PixelBuffer& image)
{
    Vec3 perMm;
    if (!sliceIndexGradient(volume, perMm))
        return;
    const double k0 = perMm.dot(plane.pixelPosition(0, 0) - volume.origin());
    const double perColumn = perMm.dot(plane.rowDirection) * plane.pixelSpacing;
    const double perRow = perMm.dot(plane.columnDirection) * plane.pixelSpacing;
    const double halfSlab =
        std::abs(perMm.dot(plane.normal())) * std::max(0.0, slabThicknessMm) / 2;
    const int last = volume.slices() - 1;
    const int bytes = volume.bytesPerVoxel();
    std::byte* out = image.frame(0).data();
    for (int r = 0; r < plane.rows; ++r) {
        for (int c = 0; c < plane.columns; ++c) {
            const double k = k0 + c * perColumn + r * perRow;
            // Linear interpolation reads floor(k) and the slice after it.
            const int from = std::max(0, static_cast<int>(std::floor(k - halfSlab)));
            const int to = std::min(last, static_cast<int>(std::ceil(k + halfSlab)));
            if (from > to)
                continue; // outside the volume: the reslicer's background already
            if (missing[static_cast<std::size_t>(to) + 1] -
                    missing[static_cast<std::size_t>(from)] >
                0)
                fillLowest(out + (static_cast<std::size_t>(r) * plane.columns + c) * bytes, volume);
        }
    }
}

} // namespace

MprPlane toMprPlane(const MprSlice& slice)
{
    MprPlane plane;
    plane.centre = slice.centre;
    plane.rowDirection = slice.orientation.rowDirection;
    plane.columnDirection = slice.orientation.columnDirection;
    plane.pixelSpacing = slice.pixelSpacing;
    plane.columns = slice.columns;
    plane.rows = slice.rows;
    return plane;
}

std::vector<bool> expectedSlices(const Volume& volume, const DisplaySet& displaySet)
{
    std::vector<bool> expected(static_cast<std::size_t>(volume.slices()), false);
    for (int f = 0; f < static_cast<int>(displaySet.frames.size()); ++f) {
        const int k = volume.sliceForFrame(f);
        if (k >= 0 && k < volume.slices())
            expected[static_cast<std::size_t>(k)] = true;
    }
    return expected;
}

Result<PixelBuffer> resliceArrived(const Volume& volume, const MprPlane& plane,
                                   double slabThicknessMm, SlabMode mode,
                                   const std::vector<bool>& expected)
{
    // Before resampling: a slice marked loaded afterwards may have been read half written.
    const std::vector<int> missing = missingPrefix(volume, expected);
    Result<PixelBuffer> image = reslice(volume, plane, slabThicknessMm, mode);
    if (image && missing.back() > 0)
        maskMissing(volume, plane, mode == SlabMode::None ? 0.0 : slabThicknessMm, missing, *image);
    return image;
}

} // namespace fenestra::viewer
