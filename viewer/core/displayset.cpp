#include "displayset.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <tuple>

namespace fenestra::viewer {

namespace {

// Tolerances. Positions and orientations come from decimal strings (DS, at most 16 characters)
// written by many different scanners, so exact comparisons would split or reject real series.

// Direction cosines of two frames are "the same orientation" when every component of the
// normalised row and column directions differs by at most this much (about 0.06 degrees).
constexpr double kOrientationTolerance = 1e-3;
// Two projections on the normal closer than this (mm) are the same position, whatever the
// typical spacing: far below any slice spacing, far above the rounding of a DS value.
constexpr double kSamePositionMm = 1e-3;
// A step below this fraction of the typical spacing is also a duplicate position.
constexpr double kDuplicateFraction = 0.01;
// A step of more than this many typical spacings means at least one slice is missing: rounded
// to a whole number of spacings it is two or more.
constexpr double kGapRatio = 1.5;
// A step that differs from the typical spacing by more than this fraction of it, or by more than
// kIrregularMinMm if that is larger, is irregular. The absolute floor keeps the rounding of
// positions printed with few decimals (e.g. 0.625 mm steps written as 0.62/0.63) from flagging
// thin-slice series.
constexpr double kIrregularFraction = 0.02;
constexpr double kIrregularMinMm = 0.01;
// Sort keys quantise the projection to this resolution (mm) so that positions differing only by
// floating-point noise count as ties and fall back to the deterministic tie-breakers.
constexpr double kSortResolutionMm = 1e-4;

using InstancePtr = std::shared_ptr<const InstanceInfo>;

bool hasGeometry(const FrameInfo& frame)
{
    return frame.plane.hasPosition && frame.plane.hasOrientation;
}

// Total order used wherever geometry does not decide: instance number, frame index, SOP
// Instance UID, and the source path as a last resort for duplicated objects.
bool canonicalLess(const FrameRef& a, const FrameRef& b)
{
    const InstanceInfo& ia = *a.instance;
    const InstanceInfo& ib = *b.instance;
    return std::tie(ia.instanceNumber, a.frame, ia.sopInstanceUid, ia.source) <
           std::tie(ib.instanceNumber, b.frame, ib.sopInstanceUid, ib.source);
}

bool instanceLess(const InstancePtr& a, const InstancePtr& b)
{
    return std::tie(a->instanceNumber, a->sopInstanceUid, a->source) <
           std::tie(b->instanceNumber, b->sopInstanceUid, b->source);
}

struct Orientation
{
    Vec3 row;
    Vec3 column;

    static Orientation of(const ImagePlane& plane)
    {
        return {plane.rowDirection.normalized(), plane.columnDirection.normalized()};
    }
    Vec3 normal() const { return row.cross(column).normalized(); }
};

bool nearlyEqual(Vec3 a, Vec3 b, double tolerance)
{
    return std::abs(a.x - b.x) <= tolerance && std::abs(a.y - b.y) <= tolerance &&
           std::abs(a.z - b.z) <= tolerance;
}

bool sameOrientation(const Orientation& a, const Orientation& b)
{
    return nearlyEqual(a.row, b.row, kOrientationTolerance) &&
           nearlyEqual(a.column, b.column, kOrientationTolerance);
}

// What must match for frames to share a display set besides the orientation: the viewer can
// page through frames only if they have the same size and colour model.
bool sameImageKind(const PixelFormat& a, const PixelFormat& b)
{
    return a.rows == b.rows && a.columns == b.columns && a.samplesPerPixel == b.samplesPerPixel &&
           a.photometric == b.photometric;
}

// A multi-frame instance whose frames do not spread along the normal (cine loops, ultrasound
// clips, fluoroscopy runs) is a time series: it is shown on its own, in acquisition order.
bool isTimeSeries(const InstanceInfo& instance)
{
    if (instance.frames.size() < 2)
        return false;
    if (!std::ranges::all_of(instance.frames, hasGeometry))
        return true;
    const Vec3 normal = instance.frames.front().plane.normal();
    const auto [lowest, highest] = std::ranges::minmax_element(
        instance.frames, {}, [&](const FrameInfo& f) { return f.plane.position.dot(normal); });
    return highest->plane.position.dot(normal) - lowest->plane.position.dot(normal) <=
           kSamePositionMm;
}

struct Group
{
    PixelFormat format;
    bool spatial = false;
    Orientation orientation;
    std::vector<FrameRef> frames;
};

// Groups are matched against the first frame that opened them; frames arrive in a canonical
// order, so the result does not depend on the order of the input.
void addToGroups(std::vector<Group>& groups, FrameRef ref)
{
    const bool spatial = hasGeometry(ref.info());
    const Orientation orientation = spatial ? Orientation::of(ref.info().plane) : Orientation{};
    const PixelFormat& format = ref.instance->format;
    for (Group& group : groups) {
        if (group.spatial == spatial && sameImageKind(group.format, format) &&
            (!spatial || sameOrientation(group.orientation, orientation))) {
            group.frames.push_back(std::move(ref));
            return;
        }
    }
    groups.push_back({format, spatial, orientation, {std::move(ref)}});
}

std::vector<Group> groupFrames(std::vector<InstancePtr> instances)
{
    std::ranges::sort(instances, instanceLess);
    std::vector<Group> groups;
    std::vector<Group> timeSeries; // kept apart so that no other frame can join them
    for (const InstancePtr& instance : instances) {
        const int frameCount = static_cast<int>(instance->frames.size());
        if (isTimeSeries(*instance)) {
            Group group{instance->format, false, {}, {}};
            for (int frame = 0; frame < frameCount; ++frame)
                group.frames.push_back({instance, frame});
            timeSeries.push_back(std::move(group));
            continue;
        }
        for (int frame = 0; frame < frameCount; ++frame)
            addToGroups(groups, {instance, frame});
    }
    groups.insert(groups.end(), std::make_move_iterator(timeSeries.begin()),
                  std::make_move_iterator(timeSeries.end()));
    return groups;
}

double projection(const FrameRef& ref, Vec3 normal)
{
    return ref.info().plane.position.dot(normal);
}

// Gantry tilt: in a tilted CT acquisition the positions advance obliquely to the image plane,
// not along its normal. Sorting by the projection on the normal is still the right order and
// the step along the normal is still the slice spacing; the group stays spatial and the volume
// builder accounts for the shear from the in-plane offsets of the positions.
void sortAlongNormal(std::vector<FrameRef>& frames, Vec3 normal)
{
    const auto key = [normal](const FrameRef& ref) {
        return std::llround(projection(ref, normal) / kSortResolutionMm);
    };
    std::ranges::sort(frames, [&](const FrameRef& a, const FrameRef& b) {
        const long long ka = key(a);
        const long long kb = key(b);
        return ka != kb ? ka < kb : canonicalLess(a, b);
    });
}

// The typical spacing is the lower median of the steps between distinct positions. Duplicates
// are left out so that a series holding two frames per position (e.g. two echoes) still gets
// its real spacing. The lower median is always an actual step, and with few slices it prefers
// the smaller one, so a single missing slice reads as a gap rather than halving the difference.
double typicalSpacing(const std::vector<double>& steps)
{
    std::vector<double> distinct;
    std::ranges::copy_if(steps, std::back_inserter(distinct),
                         [](double step) { return step > kSamePositionMm; });
    if (distinct.empty())
        return 0.0;
    const auto middle = distinct.begin() + static_cast<std::ptrdiff_t>((distinct.size() - 1) / 2);
    std::ranges::nth_element(distinct, middle);
    return *middle;
}

std::optional<SpacingIssueKind> classifyStep(double step, double spacing)
{
    if (step < std::max(kSamePositionMm, kDuplicateFraction * spacing))
        return SpacingIssueKind::DuplicatePosition;
    if (step > kGapRatio * spacing)
        return SpacingIssueKind::Gap;
    if (std::abs(step - spacing) > std::max(kIrregularMinMm, kIrregularFraction * spacing))
        return SpacingIssueKind::Irregular;
    return std::nullopt;
}

void analyseSpacing(DisplaySet& set)
{
    std::vector<double> steps;
    for (std::size_t i = 1; i < set.frames.size(); ++i)
        steps.push_back(projection(set.frames[i], set.normal) -
                        projection(set.frames[i - 1], set.normal));
    set.sliceSpacing = typicalSpacing(steps);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (const auto kind = classifyStep(steps[i], set.sliceSpacing))
            set.spacingIssues.push_back({*kind, static_cast<int>(i), set.sliceSpacing, steps[i]});
    }
}

DisplaySet toDisplaySet(Group group)
{
    DisplaySet set;
    set.seriesInstanceUid = group.frames.front().instance->series.instanceUid;
    set.format = group.format;
    set.frames = std::move(group.frames);
    set.isSpatial = group.spatial;
    if (set.isSpatial) {
        set.normal = group.orientation.normal();
        sortAlongNormal(set.frames, set.normal);
        analyseSpacing(set);
    } else {
        std::ranges::sort(set.frames, canonicalLess);
    }
    return set;
}

const FrameRef& firstCanonical(const DisplaySet& set)
{
    return *std::ranges::min_element(set.frames, canonicalLess);
}

// Display sets of a series: the one holding the lowest instance number first (the order the
// technologist sent them), the larger first when that ties, then a total order for determinism.
bool displaySetLess(const DisplaySet& a, const DisplaySet& b)
{
    const FrameRef& fa = firstCanonical(a);
    const FrameRef& fb = firstCanonical(b);
    if (fa.instance->instanceNumber != fb.instance->instanceNumber)
        return fa.instance->instanceNumber < fb.instance->instanceNumber;
    if (a.frames.size() != b.frames.size())
        return a.frames.size() > b.frames.size();
    return canonicalLess(fa, fb);
}

} // namespace

bool DisplaySet::isVolume() const
{
    return isSpatial && frames.size() >= 2 && sliceSpacing > 0.0 &&
           std::ranges::none_of(spacingIssues, [](const SpacingIssue& issue) {
               return issue.kind == SpacingIssueKind::DuplicatePosition;
           });
}

std::vector<DisplaySet> buildDisplaySets(const std::vector<InstancePtr>& seriesInstances)
{
    std::vector<InstancePtr> images;
    // An instance claiming pixel data without frame descriptions breaks the model's invariant;
    // it has nothing to show, so it is skipped like a non-image object.
    std::ranges::copy_if(seriesInstances, std::back_inserter(images), [](const InstancePtr& i) {
        return i && i->hasPixelData && !i->frames.empty();
    });

    std::vector<DisplaySet> sets;
    for (Group& group : groupFrames(std::move(images)))
        sets.push_back(toDisplaySet(std::move(group)));
    std::ranges::sort(sets, displaySetLess);
    for (std::size_t i = 0; i < sets.size(); ++i)
        sets[i].indexInSeries = static_cast<int>(i);
    return sets;
}

} // namespace fenestra::viewer
