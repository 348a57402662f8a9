#pragma once

// Internal to viewer/dicom: per-frame geometry, rescale and windows, from classic attributes
// or from enhanced multi-frame functional groups.

#include "core/dicommodel.h"
#include "datasetview.h"

#include <vector>

namespace fenestra::viewer::detail {

// One FrameInfo per frame. Enhanced objects: shared functional groups, overridden by each
// frame's per-frame groups. Classic multi-frame: every frame shares the top-level values,
// except RT Dose frames, positioned along the normal by Grid Frame Offset Vector.
std::vector<FrameInfo> parseFrames(const DataSetView& dataSet, int frameCount);

} // namespace fenestra::viewer::detail
