#pragma once

#include "core/errors.h"
#include "core/pixelbuffer.h"
#include "core/volume.h"
#include "render/mprreslicer.h"
#include "view/mprgeometry.h"

#include <vector>

namespace fenestra::viewer {

// The reslicer's plane for a slice of an MPR view.
MprPlane toMprPlane(const MprSlice& slice);

// Which slices of `volume` the frames of `displaySet` fill: the others are gaps, filled with
// the lowest value by Volume::create and never loaded.
std::vector<bool> expectedSlices(const Volume& volume, const DisplaySet& displaySet);

// reslice() of a volume that may still be arriving: every output pixel whose samples (the
// interpolation's neighbours across the whole slab) touch a slice that is expected but not
// loaded reads the lowest value of the type, as a gap does, never the uninitialised memory of a
// slice still to come. Which slices are loaded is read once, before resampling, so a slice
// being written meanwhile is masked. `expected` empty: every slice is expected.
//
// Thread contract: reentrant; any thread (the slices may be written meanwhile).
Result<PixelBuffer> resliceArrived(const Volume& volume, const MprPlane& plane,
                                   double slabThicknessMm, SlabMode mode,
                                   const std::vector<bool>& expected);

} // namespace fenestra::viewer
