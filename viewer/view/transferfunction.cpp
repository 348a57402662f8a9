#include "transferfunction.h"

#include "core/volume.h"

#include <QJsonArray>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace fenestra::viewer {

namespace {

constexpr TransferFunctionPreset kPresets[] = {
    {"ct-bone", QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", "CT bone")},
    {"ct-soft-tissue", QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", "CT soft tissue")},
    {"ct-vessels", QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", "CT vessels")},
    {"mr-default", QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", "MR default")},
    {"mip", QT_TRANSLATE_NOOP("fenestra::viewer::TransferFunction", "MIP")},
};

const QString kFormat = QStringLiteral("fenestra-transfer-function");
constexpr int kVersion = 1;

// Linear interpolation over points sorted by value, clamped at both ends.
template <class Point, class Get>
auto interpolate(const std::vector<Point>& points, double value, Get get)
    -> decltype(get(points.front()))
{
    if (value <= points.front().value)
        return get(points.front());
    if (value >= points.back().value)
        return get(points.back());
    const auto upper = std::upper_bound(points.begin(), points.end(), value,
                                        [](double v, const Point& p) { return v < p.value; });
    const Point& b = *upper;
    const Point& a = *(upper - 1);
    const double span = b.value - a.value;
    const double t = span > 0.0 ? (value - a.value) / span : 1.0;
    return get(a) * (1.0 - t) + get(b) * t;
}

struct Rgb
{
    double r, g, b;
    Rgb operator*(double s) const { return {r * s, g * s, b * s}; }
    Rgb operator+(const Rgb& o) const { return {r + o.r, g + o.g, b + o.b}; }
};

TransferFunction makeCtBone()
{
    TransferFunction tf;
    tf.id = QStringLiteral("ct-bone");
    tf.opacity = {{-1000, 0.0}, {150, 0.0}, {300, 0.3}, {700, 0.6}, {1500, 0.85}, {3000, 0.9}};
    tf.colour = {{150, QColor(140, 64, 38)},
                 {300, QColor(230, 190, 150)},
                 {700, QColor(255, 240, 215)},
                 {1500, QColor(255, 255, 250)}};
    // Inside uniform bone the gradient vanishes and diffuse light with it: keep some ambient.
    tf.ambient = 0.3;
    tf.diffuse = 0.7;
    tf.specular = 0.3;
    return tf;
}

TransferFunction makeCtSoftTissue()
{
    TransferFunction tf;
    tf.id = QStringLiteral("ct-soft-tissue");
    // The skin (the air/tissue boundary, where interpolated values pass -300 HU) as a
    // translucent shell, water and fat as a light fog, denser soft tissue in red, bone opaque.
    tf.opacity = {{-1000, 0.0}, {-600, 0.0}, {-300, 0.15}, {-100, 0.02}, {0, 0.004},
                  {60, 0.01},   {100, 0.15}, {250, 0.3},   {600, 0.6},   {3000, 0.8}};
    tf.colour = {{-300, QColor(210, 150, 120)},
                 {0, QColor(200, 120, 100)},
                 {100, QColor(230, 80, 70)},
                 {400, QColor(250, 230, 200)},
                 {1000, QColor(255, 255, 250)}};
    tf.ambient = 0.35;
    tf.diffuse = 0.7;
    tf.specular = 0.1;
    return tf;
}

TransferFunction makeCtVessels()
{
    TransferFunction tf;
    tf.id = QStringLiteral("ct-vessels");
    // Contrast-filled vessels (200-500 HU) in red, bone in ivory.
    tf.opacity = {{-1000, 0.0}, {120, 0.0}, {200, 0.2}, {400, 0.6}, {1000, 0.8}, {3000, 0.9}};
    tf.colour = {{120, QColor(120, 0, 0)},
                 {250, QColor(220, 40, 30)},
                 {450, QColor(255, 150, 110)},
                 {1000, QColor(255, 245, 230)}};
    tf.specular = 0.4;
    return tf;
}

TransferFunction makeMrDefault()
{
    TransferFunction tf;
    tf.id = QStringLiteral("mr-default");
    tf.relative = true;
    tf.opacity = {{0.0, 0.0}, {0.12, 0.0}, {0.3, 0.05}, {0.6, 0.3}, {1.0, 0.6}};
    tf.colour = {{0.0, QColor(0, 0, 0)},
                 {0.3, QColor(170, 120, 90)},
                 {0.6, QColor(230, 200, 170)},
                 {1.0, QColor(255, 255, 255)}};
    return tf;
}

TransferFunction makeMip()
{
    TransferFunction tf;
    tf.id = QStringLiteral("mip");
    tf.relative = true;
    tf.opacity = {{0.0, 1.0}, {1.0, 1.0}};
    tf.colour = {{0.0, QColor(0, 0, 0)}, {1.0, QColor(255, 255, 255)}};
    return tf;
}

std::optional<double> number(const QJsonValue& v)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return v.toDouble();
}

std::unexpected<Error> invalid(const QString& what)
{
    return fail(ErrorCode::InvalidArgument, QStringLiteral("transfer function: ") + what);
}

Result<std::vector<OpacityPoint>> opacityFromJson(const QJsonValue& value)
{
    if (!value.isArray())
        return invalid(QStringLiteral("\"opacity\" is not an array"));
    std::vector<OpacityPoint> points;
    for (const QJsonValue& p : value.toArray()) {
        const QJsonArray pair = p.toArray();
        const auto v = number(pair.at(0));
        const auto o = number(pair.at(1));
        if (pair.size() != 2 || !v || !o)
            return invalid(
                QStringLiteral("opacity point %1 is not [value, opacity]").arg(points.size()));
        if (*o < 0.0 || *o > 1.0)
            return invalid(QStringLiteral("opacity point %1 is outside [0, 1]").arg(points.size()));
        points.push_back({*v, *o});
    }
    return points;
}

Result<std::vector<ColourPoint>> colourFromJson(const QJsonValue& value)
{
    if (!value.isArray())
        return invalid(QStringLiteral("\"colour\" is not an array"));
    std::vector<ColourPoint> points;
    for (const QJsonValue& p : value.toArray()) {
        const QJsonArray pair = p.toArray();
        const auto v = number(pair.at(0));
        const QColor colour = QColor::fromString(pair.at(1).toString());
        if (pair.size() != 2 || !v || !pair.at(1).isString() || !colour.isValid())
            return invalid(
                QStringLiteral("colour point %1 is not [value, \"#rrggbb\"]").arg(points.size()));
        points.push_back({*v, colour});
    }
    return points;
}

template <class T> double modalityAt(const std::byte* p, const Rescale& r)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v * r.slope + r.intercept;
}

double modalityValue(const Volume& volume, const std::byte* p)
{
    switch (volume.scalarType()) {
    case ScalarType::UInt8:
        return modalityAt<quint8>(p, volume.rescale());
    case ScalarType::Int8:
        return modalityAt<qint8>(p, volume.rescale());
    case ScalarType::UInt16:
        return modalityAt<quint16>(p, volume.rescale());
    case ScalarType::Int16:
        return modalityAt<qint16>(p, volume.rescale());
    }
    return 0.0;
}

// Calls f(modality value) for the voxels of the loaded slices (all slices when none is
// loaded), every `stride`-th voxel of each slice.
template <class F> void forEachLoadedVoxel(const Volume& volume, std::size_t stride, F f)
{
    const bool all = volume.loadedCount() == 0;
    const std::size_t step = static_cast<std::size_t>(volume.bytesPerVoxel()) * stride;
    for (int k = 0; k < volume.slices(); ++k) {
        if (!all && !volume.isLoaded(k))
            continue;
        const std::span<const std::byte> bytes = volume.slice(k);
        for (std::size_t offset = 0; offset < bytes.size(); offset += step)
            f(modalityValue(volume, bytes.data() + offset));
    }
}

} // namespace

double TransferFunction::opacityAt(double value) const
{
    if (opacity.empty())
        return 0.0;
    return interpolate(opacity, value, [](const OpacityPoint& p) { return p.opacity; });
}

QColor TransferFunction::colourAt(double value) const
{
    if (colour.empty())
        return QColor(Qt::black);
    const Rgb rgb = interpolate(colour, value, [](const ColourPoint& p) {
        return Rgb{p.colour.redF(), p.colour.greenF(), p.colour.blueF()};
    });
    return QColor::fromRgbF(static_cast<float>(std::clamp(rgb.r, 0.0, 1.0)),
                            static_cast<float>(std::clamp(rgb.g, 0.0, 1.0)),
                            static_cast<float>(std::clamp(rgb.b, 0.0, 1.0)));
}

std::pair<double, double> TransferFunction::valueRange() const
{
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const OpacityPoint& p : opacity) {
        low = std::min(low, p.value);
        high = std::max(high, p.value);
    }
    for (const ColourPoint& p : colour) {
        low = std::min(low, p.value);
        high = std::max(high, p.value);
    }
    if (low > high)
        return {0.0, 0.0};
    return {low, high};
}

void TransferFunction::sortPoints()
{
    std::stable_sort(
        opacity.begin(), opacity.end(),
        [](const OpacityPoint& a, const OpacityPoint& b) { return a.value < b.value; });
    std::stable_sort(colour.begin(), colour.end(),
                     [](const ColourPoint& a, const ColourPoint& b) { return a.value < b.value; });
}

TransferFunction TransferFunction::resolved(double low, double high) const
{
    if (!relative)
        return *this;
    TransferFunction out = *this;
    out.relative = false;
    const double span = high - low;
    for (OpacityPoint& p : out.opacity)
        p.value = low + p.value * span;
    for (ColourPoint& p : out.colour)
        p.value = low + p.value * span;
    return out;
}

QJsonObject TransferFunction::toJson() const
{
    QJsonArray opacityArray;
    for (const OpacityPoint& p : opacity)
        opacityArray.append(QJsonArray{p.value, p.opacity});
    QJsonArray colourArray;
    for (const ColourPoint& p : colour)
        colourArray.append(QJsonArray{p.value, p.colour.name(QColor::HexRgb)});
    return {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("id"), id},
        {QStringLiteral("relative"), relative},
        {QStringLiteral("opacity"), opacityArray},
        {QStringLiteral("colour"), colourArray},
        {QStringLiteral("shading"), QJsonObject{{QStringLiteral("ambient"), ambient},
                                                {QStringLiteral("diffuse"), diffuse},
                                                {QStringLiteral("specular"), specular},
                                                {QStringLiteral("specularPower"), specularPower}}}};
}

Result<TransferFunction> TransferFunction::fromJson(const QJsonObject& json)
{
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        return invalid(QStringLiteral("\"format\" is not \"%1\"").arg(kFormat));
    if (json.value(QStringLiteral("version")).toInt() != kVersion)
        return invalid(QStringLiteral("unsupported \"version\""));
    auto opacityPoints = opacityFromJson(json.value(QStringLiteral("opacity")));
    if (!opacityPoints)
        return std::unexpected(opacityPoints.error());
    auto colourPoints = colourFromJson(json.value(QStringLiteral("colour")));
    if (!colourPoints)
        return std::unexpected(colourPoints.error());
    TransferFunction tf;
    tf.id = json.value(QStringLiteral("id")).toString(QStringLiteral("custom"));
    tf.relative = json.value(QStringLiteral("relative")).toBool(false);
    tf.opacity = std::move(*opacityPoints);
    tf.colour = std::move(*colourPoints);
    const QJsonObject shading = json.value(QStringLiteral("shading")).toObject();
    for (auto [key, field] :
         {std::pair{"ambient", &tf.ambient}, std::pair{"diffuse", &tf.diffuse},
          std::pair{"specular", &tf.specular}, std::pair{"specularPower", &tf.specularPower}}) {
        const QJsonValue v = shading.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const auto n = number(v);
        if (!n || *n < 0.0)
            return invalid(QStringLiteral("shading \"%1\" is not a non-negative number")
                               .arg(QLatin1String(key)));
        *field = *n;
    }
    tf.sortPoints();
    return tf;
}

std::span<const TransferFunctionPreset> transferFunctionPresets()
{
    return kPresets;
}

std::optional<TransferFunction> transferFunctionPreset(const QString& id)
{
    if (id == QLatin1String("ct-bone"))
        return makeCtBone();
    if (id == QLatin1String("ct-soft-tissue"))
        return makeCtSoftTissue();
    if (id == QLatin1String("ct-vessels"))
        return makeCtVessels();
    if (id == QLatin1String("mr-default"))
        return makeMrDefault();
    if (id == QLatin1String("mip"))
        return makeMip();
    return std::nullopt;
}

std::pair<double, double> volumeValueRange(const Volume& volume)
{
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    forEachLoadedVoxel(volume, 1, [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    });
    if (low > high)
        return {0.0, 0.0};
    return {low, high};
}

std::vector<qint64> volumeHistogram(const Volume& volume, double low, double high, int bins)
{
    std::vector<qint64> counts(static_cast<std::size_t>(std::max(bins, 0)), 0);
    if (bins <= 0 || !(high > low))
        return counts;
    // A sample of about four million voxels draws the same curve as all of them.
    const std::size_t voxels = static_cast<std::size_t>(volume.columns()) * volume.rows() *
                               static_cast<std::size_t>(volume.slices());
    const std::size_t stride = std::max<std::size_t>(1, voxels / 4'000'000);
    const double scale = bins / (high - low);
    forEachLoadedVoxel(volume, stride, [&](double v) {
        if (v < low || v > high)
            return;
        const int bin = std::min(bins - 1, static_cast<int>((v - low) * scale));
        ++counts[static_cast<std::size_t>(bin)];
    });
    return counts;
}

} // namespace fenestra::viewer
