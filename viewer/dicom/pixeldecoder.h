#pragma once

// Internal to viewer/dicom: decodes the Pixel Data element of a parsed data set.

#include "core/dicommodel.h"
#include "core/errors.h"
#include "core/pixelbuffer.h"

#include <gdcmDataSet.h>

namespace fenestra::viewer::detail {

// Decodes every frame into the normalised PixelBuffer layout. `info` is the header we parsed
// (rows, columns, pixel format, frame count); GDCM's own ImageReader is deliberately not used,
// because Debian's GDCM aborts on assertions for some malformed headers.
// Bytes that uncompressed pixel data needs for all frames of `info` (bit-packed for 1-bit data,
// two samples per pixel for YBR_FULL_422).
std::size_t nativePixelBytes(const InstanceInfo& info);

Result<PixelBuffer> decodePixelData(const gdcm::DataSet& dataSet, const InstanceInfo& info);

} // namespace fenestra::viewer::detail
