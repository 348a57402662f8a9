#pragma once

#include "core/dicommodel.h"

namespace fenestra::viewer {

// Interval between frames in milliseconds: Recommended Display Frame Rate (0008,2144) when
// positive, else Frame Time (0018,1063) when positive, else 1000/fallbackFps (a fallback <= 0
// counts as 10 frames per second).
//
// Thread contract: reentrant.
double cineIntervalMs(const InstanceInfo& instance, double fallbackFps = 10.0);

} // namespace fenestra::viewer
