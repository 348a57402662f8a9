#pragma once

#include "core/errors.h"
#include "core/pixelformat.h"

#include <cstddef>
#include <span>

namespace fenestra::viewer {

// Decodes one JPEG 2000 or HTJ2K (High-Throughput JPEG 2000, ISO/IEC 15444-15) codestream, or a
// JP2 file, with OpenJPEG 2.5 into `out`: one frame in the layout `format` describes
// (interleaved samples, native byte order, samples of bitsAllocated bits, sign-extended or
// masked to bitsStored). GDCM 3.0 cannot read HTJ2K; this is our own path for it.
//
// Fails with DecodeFailed when the codestream is corrupt or truncated, and with
// UnsupportedPixelFormat when its size, component count or precision disagree with `format`.
//
// Thread contract: reentrant; call from any thread.
Result<void> decodeJpeg2000Frame(std::span<const std::byte> codestream, const PixelFormat& format,
                                 std::span<std::byte> out);

} // namespace fenestra::viewer
