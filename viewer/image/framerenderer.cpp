#include "framerenderer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace fenestra::viewer {

namespace {

// Decoded buffers are plain bytes; memcpy is the defined way to read a typed sample from them
// and compiles to a single load.
template <class T> T load(const std::byte* p)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
}

// Calls fn with a value of the integer type the samples are stored in.
template <class Fn> void withSampleType(const PixelFormat& format, Fn&& fn)
{
    switch (format.bytesPerSample()) {
    case 1:
        format.isSigned ? fn(std::int8_t{}) : fn(std::uint8_t{});
        break;
    case 2:
        format.isSigned ? fn(std::int16_t{}) : fn(std::uint16_t{});
        break;
    default:
        format.isSigned ? fn(std::int32_t{}) : fn(std::uint32_t{});
        break;
    }
}

std::uint8_t toByte(double value)
{
    return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
}

bool isValidFrame(const PixelBuffer& pixels, int frame)
{
    const PixelFormat& format = pixels.format();
    return !pixels.isEmpty() && frame >= 0 && frame < pixels.frameCount() && format.rows > 0 &&
           format.columns > 0 && format.samplesPerPixel > 0;
}

const FrameInfo& frameInfo(const InstanceInfo& instance, int frame)
{
    static const FrameInfo kNone;
    if (frame >= 0 && static_cast<std::size_t>(frame) < instance.frames.size())
        return instance.frames[static_cast<std::size_t>(frame)];
    return instance.frames.empty() ? kNone : instance.frames.front();
}

// Pixel Padding Value alone, or the inclusive range it forms with Pixel Padding Range Limit
// (the standard allows either to be the larger one). Compared with stored values.
struct PaddingRange
{
    bool active = false;
    double low = 0.0;
    double high = 0.0;

    explicit PaddingRange(const std::optional<PixelPadding>& padding)
    {
        if (!padding)
            return;
        active = true;
        const double limit = padding->rangeLimit.value_or(padding->value);
        low = std::min(padding->value, limit);
        high = std::max(padding->value, limit);
    }
    [[nodiscard]] bool contains(double stored) const
    {
        return active && stored >= low && stored <= high;
    }
};

std::uint8_t applyWindow(double x, const WindowLevel& window)
{
    const double width = std::max(window.width, 1.0);
    const double center = window.center - 0.5;
    const double half = (width - 1.0) / 2.0;
    if (x <= center - half)
        return 0;
    if (x > center + half)
        return 255;
    return toByte(((x - center) / (width - 1.0) + 0.5) * 255.0);
}

std::uint8_t applyVoiLut(double x, const LookupTable& lut)
{
    const long last = static_cast<long>(lut.entries.size()) - 1;
    const long index = std::clamp(std::lround(x) - lut.firstMapped, 0L, last);
    const int bits = std::clamp(lut.bitsPerEntry, 1, 16);
    const auto maxEntry = static_cast<double>((1 << bits) - 1);
    const double entry =
        std::min(static_cast<double>(lut.entries[static_cast<std::size_t>(index)]), maxEntry);
    return toByte(entry * 255.0 / maxEntry);
}

// The whole greyscale chain for one stored value; evaluated once per table entry (8/16-bit)
// or once per pixel (32-bit).
struct GreyMapper
{
    Rescale rescale;
    const LookupTable* voiLut = nullptr; // when set, replaces the window
    WindowLevel window;
    bool invert = false; // MONOCHROME1 xor the user's invert
    PaddingRange padding{std::nullopt};

    std::uint8_t operator()(double stored) const
    {
        if (padding.contains(stored))
            return 0;
        const double x = stored * rescale.slope + rescale.intercept;
        const std::uint8_t y = voiLut ? applyVoiLut(x, *voiLut) : applyWindow(x, window);
        return invert ? static_cast<std::uint8_t>(255 - y) : y;
    }
};

template <class T>
void renderGrey(const std::byte* src, const PixelFormat& format, const GreyMapper& mapper,
                QImage& image)
{
    const std::size_t pixelStride = static_cast<std::size_t>(format.samplesPerPixel) * sizeof(T);
    const std::size_t rowStride = pixelStride * static_cast<std::size_t>(format.columns);
    std::vector<std::uint8_t> table;
    if constexpr (sizeof(T) <= 2) {
        // Every possible stored value, indexed by its unsigned bit pattern.
        using Index = std::make_unsigned_t<T>;
        table.resize(std::size_t{1} << (8 * sizeof(T)));
        for (std::size_t i = 0; i < table.size(); ++i)
            table[i] = mapper(static_cast<double>(static_cast<T>(static_cast<Index>(i))));
    }
    for (int y = 0; y < format.rows; ++y) {
        const std::byte* in = src + rowStride * static_cast<std::size_t>(y);
        uchar* out = image.scanLine(y);
        for (int x = 0; x < format.columns; ++x, in += pixelStride) {
            const T value = load<T>(in);
            if constexpr (sizeof(T) <= 2)
                out[x] = table[static_cast<std::make_unsigned_t<T>>(value)];
            else
                out[x] = mapper(static_cast<double>(value));
        }
    }
}

QImage renderMonochrome(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                        const RenderOptions& options)
{
    const PixelFormat& format = pixels.format();
    QImage image(format.columns, format.rows, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    GreyMapper mapper;
    mapper.rescale = frameInfo(instance, frame).rescale;
    mapper.padding = PaddingRange(instance.padding);
    mapper.invert = (format.photometric == Photometric::Monochrome1) != options.invert;
    if (!options.window && options.useVoiLut && instance.voiLut &&
        !instance.voiLut->entries.empty())
        mapper.voiLut = instance.voiLut.get();
    else
        mapper.window = options.window.value_or(defaultWindow(instance, frame, pixels));
    const std::byte* src = pixels.frame(frame).data();
    withSampleType(format,
                   [&](auto tag) { renderGrey<decltype(tag)>(src, format, mapper, image); });
    return image;
}

// --- colour ---

struct RgbPassThrough
{
    void operator()(int a, int b, int c, uchar* out) const
    {
        out[0] = static_cast<uchar>(a);
        out[1] = static_cast<uchar>(b);
        out[2] = static_cast<uchar>(c);
    }
};

// PS3.3 C.7.6.3.1.2, YBR_FULL / YBR_FULL_422.
struct YbrFullToRgb
{
    void operator()(int y, int cb, int cr, uchar* out) const
    {
        const double b = cb - 128.0;
        const double r = cr - 128.0;
        out[0] = toByte(y + 1.402 * r);
        out[1] = toByte(y - 0.344136 * b - 0.714136 * r);
        out[2] = toByte(y + 1.772 * b);
    }
};

// Inverse of the PS3.3 C.7.6.3.1.2 partial-range (ITU-R BT.601) equations.
struct YbrPartialToRgb
{
    void operator()(int y, int cb, int cr, uchar* out) const
    {
        const double l = 1.164383 * (y - 16.0);
        const double b = cb - 128.0;
        const double r = cr - 128.0;
        out[0] = toByte(l + 1.596027 * r);
        out[1] = toByte(l - 0.391762 * b - 0.812968 * r);
        out[2] = toByte(l + 2.017232 * b);
    }
};

template <class T, class Convert>
void renderColour(const std::byte* src, const PixelFormat& format, Convert convert, QImage& image)
{
    // Wider samples keep their top 8 stored bits; negative ones (not meaningful) become 0.
    const int shift = std::max(0, format.bitsStored - 8);
    const auto reduce = [shift](T v) {
        if constexpr (std::is_signed_v<T>) {
            if (v < 0)
                return 0;
        }
        return static_cast<int>(
            std::min<std::uint32_t>(static_cast<std::uint32_t>(v) >> shift, 255U));
    };
    const std::size_t pixelStride = static_cast<std::size_t>(format.samplesPerPixel) * sizeof(T);
    const std::byte* in = src;
    for (int y = 0; y < format.rows; ++y) {
        uchar* out = image.scanLine(y);
        for (int x = 0; x < format.columns; ++x, in += pixelStride, out += 3)
            convert(reduce(load<T>(in)), reduce(load<T>(in + sizeof(T))),
                    reduce(load<T>(in + 2 * sizeof(T))), out);
    }
}

// Allocates the RGB image of a frame and lets `fill(tag, src, format, image)` write it, with
// `tag` a value of the frame's sample type.
template <class Fill> QImage renderRgb(const PixelBuffer& pixels, int frame, Fill fill)
{
    const PixelFormat& format = pixels.format();
    QImage image(format.columns, format.rows, QImage::Format_RGB888);
    if (image.isNull())
        return {};
    const std::byte* src = pixels.frame(frame).data();
    withSampleType(format, [&](auto tag) { fill(tag, src, format, image); });
    return image;
}

template <class Convert>
QImage renderThreeSamples(const PixelBuffer& pixels, int frame, Convert convert)
{
    return renderRgb(pixels, frame,
                     [&](auto tag, const std::byte* src, const PixelFormat& format, QImage& image) {
                         renderColour<decltype(tag)>(src, format, convert, image);
                     });
}

uchar paletteByte(const std::vector<quint16>& lut, long index)
{
    if (lut.empty())
        return 0;
    const long last = static_cast<long>(lut.size()) - 1;
    return static_cast<uchar>(lut[static_cast<std::size_t>(std::clamp(index, 0L, last))] >> 8);
}

template <class T>
void renderPalette(const std::byte* src, const PixelFormat& format, const Palette& palette,
                   QImage& image)
{
    const std::size_t pixelStride = static_cast<std::size_t>(format.samplesPerPixel) * sizeof(T);
    const std::byte* in = src;
    for (int y = 0; y < format.rows; ++y) {
        uchar* out = image.scanLine(y);
        for (int x = 0; x < format.columns; ++x, in += pixelStride, out += 3) {
            const long index = static_cast<long>(load<T>(in)) - palette.firstMapped;
            out[0] = paletteByte(palette.red, index);
            out[1] = paletteByte(palette.green, index);
            out[2] = paletteByte(palette.blue, index);
        }
    }
}

QImage renderPaletteColour(const Palette& palette, const PixelBuffer& pixels, int frame)
{
    return renderRgb(pixels, frame,
                     [&](auto tag, const std::byte* src, const PixelFormat& format, QImage& image) {
                         renderPalette<decltype(tag)>(src, format, palette, image);
                     });
}

template <class T>
bool modalityRange(const std::byte* src, const PixelFormat& format, const PaddingRange& padding,
                   const Rescale& rescale, double& low, double& high)
{
    const std::size_t stride = static_cast<std::size_t>(format.samplesPerPixel) * sizeof(T);
    const std::size_t count = format.pixelCount();
    T minimum = std::numeric_limits<T>::max();
    T maximum = std::numeric_limits<T>::lowest();
    bool found = false;
    for (std::size_t i = 0; i < count; ++i) {
        const T value = load<T>(src + i * stride);
        if (padding.contains(static_cast<double>(value)))
            continue;
        minimum = std::min(minimum, value);
        maximum = std::max(maximum, value);
        found = true;
    }
    if (!found)
        return false;
    // The rescale is linear, so the extremes map to the extremes (swapped for a negative slope).
    const double a = static_cast<double>(minimum) * rescale.slope + rescale.intercept;
    const double b = static_cast<double>(maximum) * rescale.slope + rescale.intercept;
    low = std::min(a, b);
    high = std::max(a, b);
    return true;
}

} // namespace

double modalityValue(const FrameInfo& frame, double stored)
{
    return stored * frame.rescale.slope + frame.rescale.intercept;
}

WindowLevel defaultWindow(const InstanceInfo& instance, int frame, const PixelBuffer& pixels)
{
    const FrameInfo& info = frameInfo(instance, frame);
    for (const VoiWindow& window : info.windows) {
        if (window.width > 0.0)
            return {window.center, window.width};
    }
    if (instance.series.modality.trimmed().compare(QLatin1String("CT"), Qt::CaseInsensitive) == 0)
        return {40.0, 400.0};
    if (!isValidFrame(pixels, frame))
        return {};
    const PixelFormat& format = pixels.format();
    const std::byte* src = pixels.frame(frame).data();
    double low = 0.0;
    double high = 0.0;
    withSampleType(format, [&](auto tag) {
        using T = decltype(tag);
        // A frame that is all padding still gets the range of its values.
        if (!modalityRange<T>(src, format, PaddingRange(instance.padding), info.rescale, low, high))
            modalityRange<T>(src, format, PaddingRange(std::nullopt), info.rescale, low, high);
    });
    return {(low + high) / 2.0, std::max(high - low, 1.0)};
}

QImage renderFrame(const InstanceInfo& instance, const PixelBuffer& pixels, int frame,
                   const RenderOptions& options)
{
    if (!isValidFrame(pixels, frame))
        return {};
    const PixelFormat& format = pixels.format();
    const bool threeSamples = format.samplesPerPixel >= 3;
    switch (format.photometric) {
    case Photometric::Rgb:
    case Photometric::YbrIct: // OpenJPEG applies the inverse component transform when decoding
    case Photometric::YbrRct:
        if (threeSamples)
            return renderThreeSamples(pixels, frame, RgbPassThrough{});
        break;
    case Photometric::YbrFull:
    case Photometric::YbrFull422: // the decoder has expanded it to one Cb/Cr per pixel
        if (threeSamples)
            return renderThreeSamples(pixels, frame, YbrFullToRgb{});
        break;
    case Photometric::YbrPartial420:
        if (threeSamples)
            return renderThreeSamples(pixels, frame, YbrPartialToRgb{});
        break;
    case Photometric::PaletteColor:
        if (instance.palette)
            return renderPaletteColour(*instance.palette, pixels, frame);
        break;
    case Photometric::Monochrome1:
    case Photometric::Monochrome2:
    case Photometric::Unknown:
        break;
    }
    // Monochrome, and the fallback for what cannot be shown in colour: grey from sample 0.
    return renderMonochrome(instance, pixels, frame, options);
}

} // namespace fenestra::viewer
