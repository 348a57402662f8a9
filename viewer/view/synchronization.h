#pragma once

#include "core/dicommodel.h"
#include "core/displayset.h"

#include <QLineF>
#include <QSize>

#include <optional>

namespace fenestra::viewer {

// Linking views: which frame of one display set matches a frame of another, and where the
// plane of one view cuts the image of another. Reentrant functions over values.

// Planes within this angle count as parallel.
inline constexpr double kParallelToleranceDegrees = 1.0;

struct FrameMatch
{
    int index = 0;
    bool byPosition = false;
    // By position only: the matched frame lies within half a slice spacing of the source (false
    // when the source lies beyond the target's stack and its nearest end was taken).
    bool withinHalfSpacing = false;
};

// Index in `target` matching frame `sourceIndex` of `source`: by position (the target frame
// nearest along the target's normal) when both are spatial, share a non-empty Frame of
// Reference UID and are parallel (within kParallelToleranceDegrees); otherwise by index,
// clamped to the target. An empty target gives index 0.
FrameMatch matchFrame(const DisplaySet& source, int sourceIndex, const DisplaySet& target);

// The line where `other`'s plane (infinite, through its position, with its normal) cuts the
// image rectangle of `shown` ([0, width] x [0, height] in image coordinates of `shown`, pixel
// centres at +0.5). nullopt when either plane lacks position or orientation, the planes are
// parallel (within kParallelToleranceDegrees) or the line misses the image. `otherSize` is not
// used: the other plane is taken as infinite.
std::optional<QLineF> referenceLine(const ImagePlane& shown, QSize shownSize,
                                    const ImagePlane& other, QSize otherSize);

} // namespace fenestra::viewer
