#include "frameparser.h"

#include "tags.h"

#include <optional>

namespace fenestra::viewer::detail {

namespace {

// Fills plane position/orientation/spacing from attributes present in `ds` (a top-level data
// set or one functional group item); absent attributes leave `plane` unchanged.
void readPosition(const DataSetView& ds, ImagePlane& plane)
{
    const std::vector<double> p = ds.numbers(tags::ImagePositionPatient);
    if (p.size() >= 3) {
        plane.position = {p[0], p[1], p[2]};
        plane.hasPosition = true;
    }
}

void readOrientation(const DataSetView& ds, ImagePlane& plane)
{
    const std::vector<double> o = ds.numbers(tags::ImageOrientationPatient);
    if (o.size() < 6)
        return;
    const Vec3 row = Vec3{o[0], o[1], o[2]}.normalized();
    const Vec3 column = Vec3{o[3], o[4], o[5]}.normalized();
    if (row.length() < 0.5 || column.length() < 0.5 || row.cross(column).length() < 0.5)
        return; // degenerate cosines: leave the frame without orientation
    plane.rowDirection = row;
    plane.columnDirection = column;
    plane.hasOrientation = true;
}

void readSpacing(const DataSetView& ds, ImagePlane& plane)
{
    std::vector<double> s = ds.numbers(tags::PixelSpacing);
    SpacingSource source = SpacingSource::PixelSpacing;
    if (s.size() < 2) {
        s = ds.numbers(tags::ImagerPixelSpacing);
        source = SpacingSource::ImagerPixelSpacing;
    }
    if (s.size() >= 2 && s[0] > 0.0 && s[1] > 0.0) {
        plane.rowSpacing = s[0];
        plane.columnSpacing = s[1];
        plane.spacingSource = source;
    }
}

void readRescale(const DataSetView& ds, Rescale& rescale)
{
    if (const auto slope = ds.number(tags::RescaleSlope); slope && *slope != 0.0)
        rescale.slope = *slope;
    if (const auto intercept = ds.number(tags::RescaleIntercept))
        rescale.intercept = *intercept;
    if (const QString type = ds.ascii(tags::RescaleType); !type.isEmpty())
        rescale.type = type;
}

void readWindows(const DataSetView& ds, std::vector<VoiWindow>& windows)
{
    const std::vector<double> centers = ds.numbers(tags::WindowCenter);
    const std::vector<double> widths = ds.numbers(tags::WindowWidth);
    if (centers.empty() || widths.empty())
        return;
    const QStringList explanations = ds.text(tags::WindowExplanation).split(QLatin1Char('\\'));
    windows.clear();
    for (std::size_t i = 0; i < centers.size() && i < widths.size(); ++i) {
        if (widths[i] <= 0.0)
            continue;
        const auto index = static_cast<qsizetype>(i);
        windows.push_back(
            {centers[i], widths[i],
             index < explanations.size() ? explanations[index].trimmed() : QString()});
    }
}

void readClassic(const DataSetView& ds, FrameInfo& frame)
{
    readPosition(ds, frame.plane);
    readOrientation(ds, frame.plane);
    readSpacing(ds, frame.plane);
    readRescale(ds, frame.rescale);
    readWindows(ds, frame.windows);
}

// Applies one functional groups item (shared or per-frame) to a frame.
void applyFunctionalGroups(const DataSetView& group, FrameInfo& frame)
{
    if (const auto measures = group.firstItem(tags::PixelMeasuresSequence))
        readSpacing(*measures, frame.plane);
    if (const auto position = group.firstItem(tags::PlanePositionSequence))
        readPosition(*position, frame.plane);
    if (const auto orientation = group.firstItem(tags::PlaneOrientationSequence))
        readOrientation(*orientation, frame.plane);
    if (const auto transform = group.firstItem(tags::PixelValueTransformationSequence))
        readRescale(*transform, frame.rescale);
    if (const auto voi = group.firstItem(tags::FrameVoiLutSequence))
        readWindows(*voi, frame.windows);
}

std::vector<FrameInfo> parseEnhanced(const DataSetView& ds, int frameCount, FrameInfo base)
{
    if (const auto shared = ds.firstItem(tags::SharedFunctionalGroups))
        applyFunctionalGroups(*shared, base);
    std::vector<FrameInfo> frames(static_cast<std::size_t>(frameCount), base);
    const std::vector<DataSetView> perFrame = ds.items(tags::PerFrameFunctionalGroups);
    for (std::size_t i = 0; i < frames.size() && i < perFrame.size(); ++i)
        applyFunctionalGroups(perFrame[i], frames[i]);
    return frames;
}

} // namespace

std::vector<FrameInfo> parseFrames(const DataSetView& ds, int frameCount)
{
    FrameInfo base;
    readClassic(ds, base);
    if (ds.has(tags::SharedFunctionalGroups) || ds.has(tags::PerFrameFunctionalGroups))
        return parseEnhanced(ds, frameCount, base);

    std::vector<FrameInfo> frames(static_cast<std::size_t>(frameCount), base);
    // RT Dose and similar: frame k lies at offset[k] mm along the normal, relative to the
    // position when the first offset is 0, else (the older absolute form, PS3.3 C.8.8.3.2)
    // as a coordinate along the normal.
    const std::vector<double> offsets = ds.numbers(tags::GridFrameOffsetVector);
    if (frameCount > 1 && offsets.size() == frames.size() && base.plane.hasPosition &&
        base.plane.hasOrientation) {
        const Vec3 normal = base.plane.normal();
        const double origin = offsets.front() == 0.0 ? 0.0 : base.plane.position.dot(normal);
        for (std::size_t i = 0; i < frames.size(); ++i)
            frames[i].plane.position = base.plane.position + normal * (offsets[i] - origin);
    }
    return frames;
}

} // namespace fenestra::viewer::detail
