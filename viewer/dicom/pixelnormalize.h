#pragma once

// Internal to viewer/dicom: turns raw decoded sample bytes into PixelBuffer's normalised layout
// (interleaved, sign-extended or masked to bits stored, 1-bit unpacked to 8-bit).

#include "core/errors.h"
#include "core/pixelbuffer.h"

#include <cstddef>
#include <span>

namespace fenestra::viewer::detail {

struct RawLayout
{
    PixelFormat format; // as decoded (bitsAllocated may be 1)
    int frames = 1;
    bool planar = false; // colour-by-plane
};

// The PixelBuffer format that `layout` normalises to.
PixelFormat normalisedFormat(const PixelFormat& decoded);

// Copies `raw` into `out` (allocated with normalisedFormat), frame by frame. Fails with
// Truncated when `raw` is shorter than the frames need.
Result<void> normaliseInto(std::span<const std::byte> raw, const RawLayout& layout,
                           PixelBuffer& out);

// Expands uncompressed YBR_FULL_422 (two luma samples share one Cb/Cr pair) to full YBR_FULL.
Result<void> expandYbr422Into(std::span<const std::byte> raw, int frames, PixelBuffer& out);

// Sign-extends or masks every sample of `out` in place to its bitsStored.
void applyBitsStored(PixelBuffer& out);

} // namespace fenestra::viewer::detail
