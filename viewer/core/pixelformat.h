#pragma once

#include <QString>

#include <cstddef>

namespace fenestra::viewer {

enum class Photometric
{
    Monochrome1,
    Monochrome2,
    Rgb,
    YbrFull,
    YbrFull422,
    YbrPartial420,
    YbrIct,
    YbrRct,
    PaletteColor,
    Unknown
};

Photometric photometricFromString(const QString& value);
QString photometricToString(Photometric photometric);
bool isMonochrome(Photometric photometric);

// How the decoded samples of one frame are laid out. Decoded frames are always interleaved
// (colour-by-pixel), in native byte order, with each sample sign-extended or masked to
// bitsStored, in an integer type of bitsAllocated bits.
struct PixelFormat
{
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 16;
    int bitsStored = 16;
    int highBit = 15;
    bool isSigned = false;
    Photometric photometric = Photometric::Monochrome2;

    int bytesPerSample() const { return bitsAllocated <= 8 ? 1 : (bitsAllocated <= 16 ? 2 : 4); }
    std::size_t pixelCount() const
    {
        return static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns);
    }
    std::size_t frameBytes() const
    {
        return pixelCount() * static_cast<std::size_t>(samplesPerPixel) *
               static_cast<std::size_t>(bytesPerSample());
    }
    bool operator==(const PixelFormat&) const = default;
};

} // namespace fenestra::viewer
