#pragma once

#include "dicommodel.h"

#include <QString>

#include <memory>
#include <vector>

namespace fenestra::viewer {

// One frame of one instance, as shown in a display set.
struct FrameRef
{
    std::shared_ptr<const InstanceInfo> instance;
    int frame = 0;

    const FrameInfo& info() const { return instance->frames.at(static_cast<std::size_t>(frame)); }
};

enum class SpacingIssueKind
{
    Gap,              // a step much larger than the typical spacing: slices are missing
    Irregular,        // a step that differs from the typical spacing beyond tolerance
    DuplicatePosition // two frames at the same position along the normal
};

struct SpacingIssue
{
    SpacingIssueKind kind = SpacingIssueKind::Irregular;
    int afterFrame = 0;    // index (in display order) of the frame before the step
    double expected = 0.0; // typical spacing, mm
    double actual = 0.0;   // this step, mm
};

// What the viewer shows as one stack: frames of one series that share a geometry (size,
// orientation, pixel format), sorted along the slice normal when positions are known.
struct DisplaySet
{
    QString seriesInstanceUid;
    int indexInSeries = 0;        // 0 for the first display set of a series, 1 for the next...
    PixelFormat format;           // of the lowest-numbered instance; others share size and colour
                                  // model but may differ in bit depth
    std::vector<FrameRef> frames; // display order

    // Geometry; meaningful when isSpatial.
    bool isSpatial = false; // every frame has position and orientation, all parallel
    Vec3 normal{0, 0, 1};
    double sliceSpacing = 0.0; // typical (median) step between frames along the normal, mm
    std::vector<SpacingIssue> spacingIssues;

    // True when the frames can be stacked into a regular volume: spatial, at least two
    // frames, a non-zero typical spacing and no duplicate positions.
    bool isVolume() const;
};

// Splits the image instances of one series into display sets and sorts each.
// - Frames are grouped by rows/columns, samples/photometric and orientation (normalised
//   cosines within 1e-3). Frames lacking position or orientation form non-spatial groups. A
//   multi-frame instance whose frames are not spatially distinct (a cine loop, an ultrasound
//   clip: one shared position or none) forms a non-spatial display set of its own, in frame
//   order; the frames of an enhanced multi-frame stack join the groups like single frames.
// - Spatial groups are sorted by position along the normal (rowDirection x columnDirection),
//   ties by instance number, frame index, SOP Instance UID; others by instance number, frame
//   index, SOP Instance UID.
// - Spacing is the median step between distinct positions; gaps, irregular steps and
//   duplicates are reported, not fixed (tolerances are documented in displayset.cpp).
// - Display sets are ordered by the lowest instance number they hold, then larger first.
// Non-image instances (no pixel data) and null pointers are ignored. Deterministic for any
// input order.
//
// Thread contract: reentrant.
std::vector<DisplaySet>
buildDisplaySets(const std::vector<std::shared_ptr<const InstanceInfo>>& seriesInstances);

} // namespace fenestra::viewer
