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
// `out` must hold exactly format.frameBytes(). The codestream must match `format` in columns,
// rows and component count, with no subsampled component and a precision of at most
// bitsAllocated. Each decoded sample is brought to bitsStored bits by the pixel representation
// (format.isSigned), not by the codestream's own sign flag: a codestream that says unsigned in a
// signed object (a known encoder fault) has its stored bits read as two's complement, as pydicom
// does; a signed codestream in an unsigned object keeps the low bitsStored bits of each sample.
// A trailing DICOM padding byte and a missing EOC marker are tolerated; a codestream truncated
// inside a tile-part is not (OpenJPEG's strict mode), so no partial image is returned.
//
// Fails with DecodeFailed when the data is not JPEG 2000, is corrupt or truncated (the detail
// carries OpenJPEG's messages), or `out` has the wrong size; with UnsupportedPixelFormat when the
// codestream's size, component count, subsampling or precision disagree with `format` (the
// detail names both), or `format` itself is invalid.
//
// Thread contract: reentrant; call from any thread. Decodes on the calling thread only (no
// OpenJPEG worker threads): callers parallelise across frames.
Result<void> decodeJpeg2000Frame(std::span<const std::byte> codestream, const PixelFormat& format,
                                 std::span<std::byte> out);

} // namespace fenestra::viewer
