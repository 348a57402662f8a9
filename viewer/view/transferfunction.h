#pragma once

#include "core/errors.h"

#include <QColor>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace fenestra::viewer {

class Volume;

// A point of the opacity curve: opacity in [0, 1] per millimetre of ray (VTK's scalar opacity
// with a unit distance of 1 mm) at a modality value (HU for CT).
struct OpacityPoint
{
    double value = 0.0;
    double opacity = 0.0;
    bool operator==(const OpacityPoint&) const = default;
};

struct ColourPoint
{
    double value = 0.0;
    QColor colour;
    bool operator==(const ColourPoint&) const = default;
};

// The mapping of a volume's modality values (after the rescale: HU for CT) to colour and
// opacity for volume rendering: two piecewise-linear curves, clamped beyond their end points.
// Values are modality values, never stored values: the renderer maps them through the
// volume's rescale. A `relative` function has its values in [0, 1] of the volume's value range
// instead (MR has no absolute scale); resolved() turns it into modality values.
//
// Thread contract: a value type; reentrant.
struct TransferFunction
{
    QString id; // the preset it came from ("ct-bone"), or "custom"
    bool relative = false;
    std::vector<OpacityPoint> opacity; // sorted by value
    std::vector<ColourPoint> colour;   // sorted by value
    // Phong shading material, used when shading is on.
    double ambient = 0.2;
    double diffuse = 0.8;
    double specular = 0.2;
    double specularPower = 10.0;

    bool operator==(const TransferFunction&) const = default;

    double opacityAt(double value) const; // 0 when there are no points
    QColor colourAt(double value) const;  // black when there are no points
    // The lowest and highest value of any point; {0, 0} when there are none.
    std::pair<double, double> valueRange() const;

    // Keeps both curves sorted by value (editing moves points past each other).
    void sortPoints();
    // Absolute values over the range [low, high]: identity when not relative.
    TransferFunction resolved(double low, double high) const;

    // {"format": "fenestra-transfer-function", "version": 1, "id": ..., "relative": ...,
    //  "opacity": [[value, opacity], ...], "colour": [[value, "#rrggbb"], ...],
    //  "shading": {"ambient": ..., "diffuse": ..., "specular": ..., "specularPower": ...}}
    QJsonObject toJson() const;
    // Fails with InvalidArgument (detail names the field) for a wrong format or version, a missing
    // or non-numeric point, an opacity outside [0, 1] or an invalid colour. Points are sorted.
    static Result<TransferFunction> fromJson(const QJsonObject& json);
};

// A built-in transfer function; `name` is marked with
// QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", ...): show it through
// QCoreApplication::translate with that context.
struct TransferFunctionPreset
{
    const char* id;
    const char* name;
};

// In this order: "ct-bone", "ct-soft-tissue", "ct-vessels" (angio), "mr-default" (relative),
// "mip" (relative grey ramp: black at the lowest value, white at the highest, opaque).
std::span<const TransferFunctionPreset> transferFunctionPresets();
std::optional<TransferFunction> transferFunctionPreset(const QString& id);

// The lowest and highest modality value over the volume's loaded slices (every slice when none
// is loaded yet); {0, 0} for an empty volume.
std::pair<double, double> volumeValueRange(const Volume& volume);

// Counts of the loaded voxels' modality values in `bins` equal bins over [low, high]; values
// outside are left out.
std::vector<qint64> volumeHistogram(const Volume& volume, double low, double high, int bins);

} // namespace fenestra::viewer
