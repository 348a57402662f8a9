#pragma once

#include "core/dicommodel.h"
#include "core/errors.h"
#include "core/pixelbuffer.h"
#include "core/vec3.h"

#include <QByteArray>
#include <QPointF>
#include <QString>
#include <QUuid>

#include <array>
#include <optional>
#include <vector>

namespace fenestra::viewer {

// Measurements drawn on images, and the numbers they show. Everything here is reentrant: plain
// functions over values, usable from any thread.

enum class MeasurementKind
{
    Length,
    Angle,
    Ellipse,
    Rectangle,
    Probe,
    Text,
    Arrow
};

// How many points a measurement of this kind holds.
int measurementPointCount(MeasurementKind kind);

struct Measurement
{
    QUuid id;
    MeasurementKind kind = MeasurementKind::Length;
    QString sopInstanceUid;
    int frame = 0; // the frame it was drawn on
    // Image coordinates: Length 2, Angle 3 (vertex in the middle), Ellipse/Rectangle 2 (opposite
    // corners of the bounding box), Probe 1, Text 1, Arrow 2 (tail, head).
    std::vector<QPointF> points;
    QString text; // Text and Arrow label
    bool operator==(const Measurement&) const = default;
};

struct LengthResult
{
    double millimetres = 0; // 0 unless calibrated
    double pixels = 0;      // Euclidean distance in image pixels
    bool calibrated = false;
    bool fromImagerPixelSpacing = false; // at the detector: the viewer must say so
};

// The distance between two image points; in millimetres when the plane has a pixel spacing
// (Pixel Spacing or Imager Pixel Spacing), honouring non-square pixels.
LengthResult measureLength(const ImagePlane& plane, QPointF a, QPointF b);

// The angle at `vertex` between the rays to a and c, 0..180 degrees, in image pixel
// coordinates; 0 when a ray has no length.
double measureAngleDegrees(QPointF a, QPointF vertex, QPointF c);
// The same in millimetres on the plane: differs from the above for non-square pixels.
double measureAngleDegrees(const ImagePlane& plane, QPointF a, QPointF vertex, QPointF c);

struct RoiStatistics
{
    int pixelCount = 0;
    double mean = 0, standardDeviation = 0, minimum = 0, maximum = 0;
    double areaMm2 = 0;    // of the shape itself (pi*a*b or w*h); 0 unless calibrated
    double areaPixels = 0; // the same in square image pixels
    bool calibrated = false;
    QString unit; // "HU" when rescale type HU or modality CT, else the rescale type, else empty
};

// Statistics of the pixels whose centres lie inside the shape (Ellipse or Rectangle with the
// given opposite corners of its bounding box; boundaries included), clipped to the image.
// Values are after the modality LUT (the frame's rescale, or the first frame's when the
// instance stores one shared entry); pixel padding values are left out. Population SD.
// Fails with UnsupportedPixelFormat for colour, FrameOutOfRange for a frame the buffer lacks,
// NoPixelData for an empty buffer, Malformed for a shape that is not an area.
Result<RoiStatistics> measureRoi(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                                 MeasurementKind shape, QPointF corner1, QPointF corner2);

struct ProbeResult
{
    int column = 0, row = 0;
    double stored = 0; // first sample for colour
    double value = 0;  // after the modality LUT (monochrome); the stored value for colour
    QString unit;
    std::optional<Vec3> patient; // centre of the pixel, when the plane has position/orientation
    std::array<int, 3> rgb{};    // as displayed, for colour images
    bool isColour = false;
};

// The pixel containing an image point. Fails with FrameOutOfRange when the point lies outside
// the image or the frame is not in the buffer, NoPixelData for an empty buffer.
Result<ProbeResult> probe(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                          QPointF image);

// Persistence: a list of measurements <-> JSON, a versioned object
// {"version":1,"measurements":[{"id","kind","sopInstanceUid","frame","points":[[x,y]...],
// "text"}]}. Reading fails with Malformed for anything else (unknown version or kind, wrong
// point count, missing or mistyped fields).
QByteArray measurementsToJson(const std::vector<Measurement>& measurements);
Result<std::vector<Measurement>> measurementsFromJson(const QByteArray& json);

} // namespace fenestra::viewer
