#include "pixelnormalize.h"

#include <cstring>

namespace fenestra::viewer::detail {

namespace {

std::size_t rawFrameBytes(const PixelFormat& f)
{
    const std::size_t samples = f.pixelCount() * static_cast<std::size_t>(f.samplesPerPixel);
    if (f.bitsAllocated == 1)
        return (samples + 7) / 8;
    return samples * static_cast<std::size_t>(f.bytesPerSample());
}

template <class T> void fixSamples(std::span<std::byte> bytes, int bitsStored, bool isSigned)
{
    constexpr int bits = static_cast<int>(sizeof(T) * 8);
    if (bitsStored >= bits)
        return;
    using U = std::make_unsigned_t<T>;
    const U mask = static_cast<U>((U{1} << bitsStored) - 1U);
    const U signBit = static_cast<U>(U{1} << (bitsStored - 1));
    const std::size_t count = bytes.size() / sizeof(T);
    auto* data = reinterpret_cast<U*>(bytes.data());
    for (std::size_t i = 0; i < count; ++i) {
        U v = data[i] & mask;
        if (isSigned && (v & signBit))
            v = static_cast<U>(v | static_cast<U>(~mask)); // two's complement extension
        data[i] = v;
    }
}

void unpackBits(const std::byte* src, std::byte* dst, std::size_t samples)
{
    // PS3.5 8.1.1: the first pixel is in the least significant bit of the first byte.
    for (std::size_t i = 0; i < samples; ++i) {
        const auto byte = std::to_integer<unsigned>(src[i / 8]);
        dst[i] = static_cast<std::byte>((byte >> (i % 8)) & 1U);
    }
}

void interleave(const std::byte* src, std::byte* dst, const PixelFormat& f)
{
    const std::size_t pixels = f.pixelCount();
    const auto sample = static_cast<std::size_t>(f.bytesPerSample());
    const auto channels = static_cast<std::size_t>(f.samplesPerPixel);
    for (std::size_t c = 0; c < channels; ++c) {
        const std::byte* plane = src + c * pixels * sample;
        for (std::size_t p = 0; p < pixels; ++p)
            std::memcpy(dst + (p * channels + c) * sample, plane + p * sample, sample);
    }
}

quint32 readLe32(std::span<const std::byte> bytes, std::size_t offset)
{
    quint32 v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v |= std::to_integer<quint32>(bytes[offset + i]) << (8 * i);
    return v;
}

// PackBits (PS3.5 G.3.1) of one segment into every `stride`-th byte from `dst`, for `count`
// bytes. Returns false when the segment ends early.
bool unpackSegment(std::span<const std::byte> segment, std::byte* dst, std::size_t count,
                   std::size_t stride)
{
    std::size_t in = 0;
    std::size_t out = 0;
    while (out < count && in < segment.size()) {
        const auto n = static_cast<qint8>(std::to_integer<quint8>(segment[in++]));
        if (n >= 0) {
            const std::size_t literal = static_cast<std::size_t>(n) + 1;
            for (std::size_t i = 0; i < literal && in < segment.size() && out < count; ++i)
                dst[stride * out++] = segment[in++];
        } else if (n != -128 && in < segment.size()) {
            const std::byte value = segment[in++];
            const auto run = static_cast<std::size_t>(1 - n);
            for (std::size_t i = 0; i < run && out < count; ++i)
                dst[stride * out++] = value;
        }
    }
    return out == count;
}

} // namespace

Result<void> decodeRleFrameInto(std::span<const std::byte> frame, const PixelFormat& format,
                                std::span<std::byte> dst)
{
    const auto bytesPerSample = static_cast<std::size_t>(format.bytesPerSample());
    const auto samples = static_cast<std::size_t>(format.samplesPerPixel);
    const std::size_t segments = bytesPerSample * samples;
    if (frame.size() < 64 || readLe32(frame, 0) != segments)
        return fail(ErrorCode::DecodeFailed,
                    QStringLiteral("RLE header does not declare %1 segments").arg(segments));
    const std::size_t pixels = format.pixelCount();
    for (std::size_t s = 0; s < segments; ++s) {
        const std::size_t begin = readLe32(frame, 4 + 4 * s);
        const std::size_t end = s + 1 < segments ? readLe32(frame, 8 + 4 * s) : frame.size();
        if (begin < 64 || begin > end || end > frame.size())
            return fail(ErrorCode::DecodeFailed,
                        QStringLiteral("RLE segment %1 out of bounds").arg(s + 1));
        // Segment s holds byte (s % bytesPerSample), most significant first, of sample
        // (s / bytesPerSample); the output is native endian and colour-by-pixel.
        const std::size_t significance = s % bytesPerSample;
        const std::size_t byte =
            Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? bytesPerSample - 1 - significance : significance;
        std::byte* first = dst.data() + (s / bytesPerSample) * bytesPerSample + byte;
        if (!unpackSegment(frame.subspan(begin, end - begin), first, pixels,
                           samples * bytesPerSample))
            return fail(ErrorCode::Truncated,
                        QStringLiteral("RLE segment %1 ends early").arg(s + 1));
    }
    return {};
}

PixelFormat normalisedFormat(const PixelFormat& decoded)
{
    PixelFormat f = decoded;
    if (f.bitsAllocated == 1) {
        f.bitsAllocated = 8;
        f.bitsStored = 1;
        f.highBit = 0;
    }
    return f;
}

Result<void> normaliseInto(std::span<const std::byte> raw, const RawLayout& layout,
                           PixelBuffer& out)
{
    const std::size_t frameBytes = rawFrameBytes(layout.format);
    const std::size_t needed = frameBytes * static_cast<std::size_t>(layout.frames);
    if (raw.size() < needed)
        return fail(ErrorCode::Truncated,
                    QStringLiteral("pixel data holds %1 of %2 bytes").arg(raw.size()).arg(needed));
    for (int i = 0; i < layout.frames; ++i) {
        const std::byte* src = raw.data() + frameBytes * static_cast<std::size_t>(i);
        std::span<std::byte> dst = out.frame(i);
        if (layout.format.bitsAllocated == 1)
            unpackBits(src, dst.data(), dst.size());
        else if (layout.planar && layout.format.samplesPerPixel > 1)
            interleave(src, dst.data(), layout.format);
        else
            std::memcpy(dst.data(), src, dst.size());
    }
    applyBitsStored(out);
    return {};
}

Result<void> expandYbr422Into(std::span<const std::byte> raw, int frames, PixelBuffer& out)
{
    const PixelFormat& f = out.format();
    if (f.bitsAllocated != 8 || f.samplesPerPixel != 3)
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("YBR_FULL_422 with %1 bits allocated").arg(f.bitsAllocated));
    const std::size_t pairs = (static_cast<std::size_t>(f.columns) + 1) / 2;
    const std::size_t rowBytes = pairs * 4;
    const std::size_t frameBytes = rowBytes * static_cast<std::size_t>(f.rows);
    if (raw.size() < frameBytes * static_cast<std::size_t>(frames))
        return fail(ErrorCode::Truncated, QStringLiteral("pixel data holds %1 of %2 bytes")
                                              .arg(raw.size())
                                              .arg(frameBytes * static_cast<std::size_t>(frames)));
    for (int i = 0; i < frames; ++i) {
        const auto* src =
            reinterpret_cast<const quint8*>(raw.data()) + frameBytes * static_cast<std::size_t>(i);
        auto* dst = reinterpret_cast<quint8*>(out.frame(i).data());
        for (int r = 0; r < f.rows; ++r) {
            const quint8* row = src + rowBytes * static_cast<std::size_t>(r);
            for (int c = 0; c < f.columns; ++c) {
                const quint8* pair = row + static_cast<std::size_t>(c / 2) * 4;
                *dst++ = pair[c % 2]; // Y0 Y1 Cb Cr
                *dst++ = pair[2];
                *dst++ = pair[3];
            }
        }
    }
    return {};
}

void applyBitsStored(PixelBuffer& out)
{
    const PixelFormat& f = out.format();
    switch (f.bytesPerSample()) {
    case 1:
        if (f.isSigned)
            fixSamples<qint8>(out.bytes(), f.bitsStored, true);
        else
            fixSamples<quint8>(out.bytes(), f.bitsStored, false);
        break;
    case 2:
        if (f.isSigned)
            fixSamples<qint16>(out.bytes(), f.bitsStored, true);
        else
            fixSamples<quint16>(out.bytes(), f.bitsStored, false);
        break;
    default:
        if (f.isSigned)
            fixSamples<qint32>(out.bytes(), f.bitsStored, true);
        else
            fixSamples<quint32>(out.bytes(), f.bitsStored, false);
        break;
    }
}

} // namespace fenestra::viewer::detail
