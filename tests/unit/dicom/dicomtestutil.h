#pragma once

// Helpers shared by the DICOM decoding tests: reading one decoded sample as a signed 64-bit
// value and comparing whole buffers.

#include "core/pixelbuffer.h"

#include <QtGlobal>

#include <cstring>

namespace fenestra::test {

// The sample at (frame, row, column, sample) of an interleaved, native-endian buffer.
inline qint64 sampleAt(const viewer::PixelBuffer& buffer, int frame, int row, int column,
                       int sample)
{
    const viewer::PixelFormat& f = buffer.format();
    const std::size_t index = (static_cast<std::size_t>(row) * static_cast<std::size_t>(f.columns) +
                               static_cast<std::size_t>(column)) *
                                  static_cast<std::size_t>(f.samplesPerPixel) +
                              static_cast<std::size_t>(sample);
    const std::byte* p = buffer.frame(frame).data() + index * f.bytesPerSample();
    switch (f.bytesPerSample()) {
    case 1: {
        quint8 v;
        std::memcpy(&v, p, 1);
        return f.isSigned ? static_cast<qint64>(static_cast<qint8>(v)) : v;
    }
    case 2: {
        quint16 v;
        std::memcpy(&v, p, 2);
        return f.isSigned ? static_cast<qint64>(static_cast<qint16>(v)) : v;
    }
    default: {
        quint32 v;
        std::memcpy(&v, p, 4);
        return f.isSigned ? static_cast<qint64>(static_cast<qint32>(v)) : v;
    }
    }
}

// Largest absolute difference between two buffers of the same format, over every sample of
// every frame; -1 when the formats or frame counts differ.
inline qint64 maxAbsDifference(const viewer::PixelBuffer& a, const viewer::PixelBuffer& b)
{
    if (a.format() != b.format() || a.frameCount() != b.frameCount())
        return -1;
    const viewer::PixelFormat& f = a.format();
    qint64 worst = 0;
    for (int frame = 0; frame < a.frameCount(); ++frame)
        for (int r = 0; r < f.rows; ++r)
            for (int c = 0; c < f.columns; ++c)
                for (int s = 0; s < f.samplesPerPixel; ++s)
                    worst = qMax(worst,
                                 qAbs(sampleAt(a, frame, r, c, s) - sampleAt(b, frame, r, c, s)));
    return worst;
}

} // namespace fenestra::test
