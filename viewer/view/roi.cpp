// Pixel statistics of area measurements and the pixel probe (declared in measurement.h).

#include "measurement.h"

#include "image/framerenderer.h"

#include <QColor>
#include <QImage>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>

namespace fenestra::viewer {

namespace {

// One stored sample, masked to Bits Stored and sign-extended when signed, so a buffer whose
// unused high bits are not clean still reads right.
double storedSample(const PixelFormat& format, const std::byte* p)
{
    const int bytes = format.bytesPerSample();
    std::uint32_t raw = 0;
    if (bytes == 1) {
        raw = std::to_integer<std::uint32_t>(*p);
    } else if (bytes == 2) {
        std::uint16_t v = 0;
        std::memcpy(&v, p, sizeof v);
        raw = v;
    } else {
        std::memcpy(&raw, p, sizeof raw);
    }
    const int bits = std::clamp(format.bitsStored, 1, 8 * bytes);
    const std::uint64_t range = std::uint64_t{1} << bits;
    const std::uint64_t value = raw & (range - 1);
    if (format.isSigned && (value & (range >> 1)) != 0)
        return static_cast<double>(static_cast<std::int64_t>(value) -
                                   static_cast<std::int64_t>(range));
    return static_cast<double>(value);
}

const std::byte* pixelAt(const PixelBuffer& pixels, int frame, int column, int row)
{
    const PixelFormat& f = pixels.format();
    const std::size_t index = static_cast<std::size_t>(row) * static_cast<std::size_t>(f.columns) +
                              static_cast<std::size_t>(column);
    return pixels.frame(frame).data() +
           index * static_cast<std::size_t>(f.samplesPerPixel * f.bytesPerSample());
}

const FrameInfo& frameInfo(const InstanceInfo& instance, int frame)
{
    static const FrameInfo kNone;
    if (frame >= 0 && static_cast<std::size_t>(frame) < instance.frames.size())
        return instance.frames[static_cast<std::size_t>(frame)];
    return instance.frames.empty() ? kNone : instance.frames.front();
}

Result<void> checkFrame(const PixelBuffer& pixels, int frame)
{
    const PixelFormat& f = pixels.format();
    if (pixels.isEmpty() || f.rows <= 0 || f.columns <= 0 || f.samplesPerPixel <= 0)
        return fail(ErrorCode::NoPixelData, QStringLiteral("no decoded pixels"));
    if (frame < 0 || frame >= pixels.frameCount())
        return fail(ErrorCode::FrameOutOfRange,
                    QStringLiteral("frame %1 of %2").arg(frame).arg(pixels.frameCount()));
    return {};
}

// Shown in colour by the display pipeline (see renderFrame).
bool isColour(const InstanceInfo& instance, const PixelFormat& f)
{
    switch (f.photometric) {
    case Photometric::Rgb:
    case Photometric::YbrFull:
    case Photometric::YbrFull422:
    case Photometric::YbrPartial420:
    case Photometric::YbrIct:
    case Photometric::YbrRct:
        return f.samplesPerPixel >= 3;
    case Photometric::PaletteColor:
        return instance.palette != nullptr;
    default:
        return false;
    }
}

QString modalityUnit(const InstanceInfo& instance, const FrameInfo& info)
{
    const QString type = info.rescale.type.trimmed();
    const bool ct =
        instance.series.modality.trimmed().compare(QLatin1String("CT"), Qt::CaseInsensitive) == 0;
    if (ct || type.compare(QLatin1String("HU"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("HU");
    // "US" is the standard's "unspecified": no unit to show.
    if (type.compare(QLatin1String("US"), Qt::CaseInsensitive) == 0)
        return {};
    return type;
}

bool isPadding(const InstanceInfo& instance, double stored)
{
    if (!instance.padding)
        return false;
    const double value = instance.padding->value;
    const double limit = instance.padding->rangeLimit.value_or(value);
    return stored >= std::min(value, limit) && stored <= std::max(value, limit);
}

// The area shape in image coordinates.
struct Area
{
    double left, top, right, bottom;
    bool ellipse;

    bool contains(double x, double y) const
    {
        if (x < left || x > right || y < top || y > bottom)
            return false;
        if (!ellipse)
            return true;
        const double a = (right - left) / 2.0;
        const double b = (bottom - top) / 2.0;
        if (a <= 0.0 || b <= 0.0)
            return false;
        const double u = (x - (left + right) / 2.0) / a;
        const double v = (y - (top + bottom) / 2.0) / b;
        return u * u + v * v <= 1.0;
    }
    double areaPixels() const
    {
        const double w = right - left;
        const double h = bottom - top;
        return ellipse ? std::numbers::pi * w * h / 4.0 : w * h;
    }
};

// Running mean and variance (Welford): no cancellation for large offsets such as -1024 HU.
struct Accumulator
{
    int count = 0;
    double mean = 0.0, m2 = 0.0;
    double minimum = 0.0, maximum = 0.0;

    void add(double x)
    {
        minimum = count == 0 ? x : std::min(minimum, x);
        maximum = count == 0 ? x : std::max(maximum, x);
        ++count;
        const double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
    }
};

// Index range [first, last] of pixels whose centres may lie in [low, high].
std::pair<int, int> indexRange(double low, double high, int size)
{
    const double first = std::ceil(std::clamp(low - 0.5, -1.0, static_cast<double>(size)));
    const double last = std::floor(std::clamp(high - 0.5, -1.0, static_cast<double>(size)));
    return {std::max(0, static_cast<int>(first)), std::min(size - 1, static_cast<int>(last))};
}

Accumulator accumulate(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                       const Area& area)
{
    const PixelFormat& f = pixels.format();
    const FrameInfo& info = frameInfo(instance, frame);
    const auto [c0, c1] = indexRange(area.left, area.right, f.columns);
    const auto [r0, r1] = indexRange(area.top, area.bottom, f.rows);
    Accumulator acc;
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            if (!area.contains(c + 0.5, r + 0.5))
                continue;
            const double stored = storedSample(f, pixelAt(pixels, frame, c, r));
            if (!isPadding(instance, stored))
                acc.add(modalityValue(info, stored));
        }
    }
    return acc;
}

// The displayed colour of one pixel, through the one display pipeline on a 1x1 copy.
std::array<int, 3> displayedRgb(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                                int column, int row)
{
    PixelFormat one = pixels.format();
    one.rows = 1;
    one.columns = 1;
    PixelBuffer single(one, 1);
    std::memcpy(single.bytes().data(), pixelAt(pixels, frame, column, row), one.frameBytes());
    const QImage image = renderFrame(instance, single, 0);
    if (image.isNull())
        return {};
    const QRgb rgb = image.pixel(0, 0);
    return {qRed(rgb), qGreen(rgb), qBlue(rgb)};
}

} // namespace

Result<RoiStatistics> measureRoi(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                                 MeasurementKind shape, QPointF corner1, QPointF corner2)
{
    if (auto valid = checkFrame(pixels, frame); !valid)
        return std::unexpected(valid.error());
    if (shape != MeasurementKind::Ellipse && shape != MeasurementKind::Rectangle)
        return fail(ErrorCode::Malformed, QStringLiteral("the shape is not an area"));
    const PixelFormat& f = pixels.format();
    if (f.samplesPerPixel != 1 || f.photometric == Photometric::PaletteColor)
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("region statistics need a monochrome image"));
    const Area area{std::min(corner1.x(), corner2.x()), std::min(corner1.y(), corner2.y()),
                    std::max(corner1.x(), corner2.x()), std::max(corner1.y(), corner2.y()),
                    shape == MeasurementKind::Ellipse};
    const Accumulator acc = accumulate(instance, pixels, frame, area);
    const FrameInfo& info = frameInfo(instance, frame);

    RoiStatistics stats;
    stats.pixelCount = acc.count;
    stats.mean = acc.mean;
    stats.standardDeviation = acc.count > 0 ? std::sqrt(acc.m2 / acc.count) : 0.0;
    stats.minimum = acc.minimum;
    stats.maximum = acc.maximum;
    stats.areaPixels = area.areaPixels();
    stats.calibrated = info.plane.spacingSource != SpacingSource::None;
    if (stats.calibrated)
        stats.areaMm2 = stats.areaPixels * info.plane.columnSpacing * info.plane.rowSpacing;
    stats.unit = modalityUnit(instance, info);
    return stats;
}

Result<ProbeResult> probe(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                          QPointF image)
{
    if (auto valid = checkFrame(pixels, frame); !valid)
        return std::unexpected(valid.error());
    const PixelFormat& f = pixels.format();
    const double x = std::floor(image.x());
    const double y = std::floor(image.y());
    if (!(x >= 0.0 && x < f.columns && y >= 0.0 && y < f.rows))
        return fail(ErrorCode::FrameOutOfRange, QStringLiteral("the point is outside the image"));

    ProbeResult result;
    result.column = static_cast<int>(x);
    result.row = static_cast<int>(y);
    const FrameInfo& info = frameInfo(instance, frame);
    const ImagePlane& plane = info.plane;
    if (plane.hasPosition && plane.hasOrientation)
        result.patient = plane.position +
                         plane.rowDirection * (result.column * plane.columnSpacing) +
                         plane.columnDirection * (result.row * plane.rowSpacing);
    result.stored = storedSample(f, pixelAt(pixels, frame, result.column, result.row));
    result.isColour = isColour(instance, f);
    if (result.isColour) {
        result.value = result.stored;
        result.rgb = displayedRgb(instance, pixels, frame, result.column, result.row);
    } else {
        result.value = modalityValue(info, result.stored);
        result.unit = modalityUnit(instance, info);
    }
    return result;
}

} // namespace fenestra::viewer
