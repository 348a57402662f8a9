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

// Decodes one RLE Lossless frame (PS3.5 Annex G) into `dst` (one frame of PixelBuffer's
// layout, bitsAllocated 8, 16 or 32). Segments are taken byte-plane by byte-plane, most
// significant byte first. GDCM 3.0.21 mis-orders the bytes of multi-byte colour RLE, which is
// why we decode RLE ourselves.
Result<void> decodeRleFrameInto(std::span<const std::byte> frame, const PixelFormat& format,
                                std::span<std::byte> dst);

// Sign-extends or masks every sample of `out` in place to its bitsStored.
void applyBitsStored(PixelBuffer& out);

} // namespace fenestra::viewer::detail
