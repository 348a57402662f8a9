#pragma once

#include "core/dicommodel.h"
#include "core/pixelbuffer.h"

#include <QImage>

#include <optional>

namespace fenestra::viewer {

// The display window applied to modality values (e.g. HU), per DICOM PS3.3 C.11.2.1.2.1
// (linear function): x <= c - 0.5 - (w-1)/2 is black, x > c - 0.5 + (w-1)/2 is white, in
// between y = ((x - (c - 0.5)) / (w-1) + 0.5) * 255 rounded. A width below 1 acts as 1.
struct WindowLevel
{
    double center = 0.0;
    double width = 1.0;
    bool operator==(const WindowLevel&) const = default;
};

struct RenderOptions
{
    // Window to apply to greyscale frames; when empty, the header's VOI LUT (see useVoiLut) or
    // else defaultWindow() is used.
    std::optional<WindowLevel> window;
    // Use the header's VOI LUT table (when present and no explicit window is given).
    bool useVoiLut = true;
    // Swap black and white after windowing (on top of MONOCHROME1's own inversion).
    bool invert = false;
};

// The window the viewer starts with: the first header window of the frame with a positive
// width, else a modality default (CT: 40/400), else the full range of the frame's modality
// values (pixel padding excluded): center (min+max)/2, width max-min but at least 1, which maps
// min to black and max to white. Returns WindowLevel{} for an invalid frame or empty buffer.
WindowLevel defaultWindow(const InstanceInfo& instance, int frame, const PixelBuffer& pixels);

// The value after the modality LUT (rescale) for a stored sample.
double modalityValue(const FrameInfo& frame, double stored);

// Renders one decoded frame into an 8-bit image: QImage::Format_Grayscale8 for monochrome
// (modality LUT -> VOI window or VOI LUT -> MONOCHROME1 inversion -> optional invert; pixel
// padding shown black), QImage::Format_RGB888 for colour (RGB as is, YBR_FULL/YBR_FULL_422
// converted per PS3.3 C.7.6.3.1.2, PALETTE COLOR through its LUTs). This is the one 2D display
// pipeline: the viewer's views and `fenestra export` both use it.
//
// The layout and photometric come from pixels.format() (a decoder may have converted colour in
// place); the rescale and windows from instance.frames[frame] (or frames[0] when the reader
// stored one shared entry). Details:
// - VOI LUT: the modality value, rounded, indexes the table (clamped to its first/last entry);
//   entries are scaled from 0..2^bitsPerEntry-1 to 0..255.
// - Colour samples wider than 8 bits keep their top 8 stored bits (v >> (bitsStored - 8)).
// - YBR_PARTIAL_420 (3 samples) uses the inverse of the PS3.3 partial-range equations.
//   YBR_ICT/YBR_RCT are shown as RGB: the JPEG 2000 decoder undoes the component transform.
// - Anything else (unknown photometric, colour without 3 samples, PALETTE COLOR without a
//   palette) is shown as MONOCHROME2 grey from the first sample of each pixel.
// Returns a null QImage for an empty buffer, an out-of-range frame index or zero rows/columns.
//
// Thread contract: reentrant; may run on worker threads (QImage is not a widget).
QImage renderFrame(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                   const RenderOptions& options = {});

} // namespace fenestra::viewer
