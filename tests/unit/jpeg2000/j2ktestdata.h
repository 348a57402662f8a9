#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

// Test-side sources of JPEG 2000 data with known samples: HTJ2K through OpenJPH's
// ojph_compress (Debian openjph-tools), classic J2K and JP2 through OpenJPEG's encoder.
namespace fenestra::viewer::testing {

// An image of known integer samples, interleaved (components per pixel).
struct TestImage
{
    int width = 0;
    int height = 0;
    int components = 1;
    int bitDepth = 8;
    bool isSigned = false;
    std::vector<std::int32_t> samples;

    std::int32_t sample(std::size_t pixel, int component) const
    {
        return samples[pixel * static_cast<std::size_t>(components) +
                       static_cast<std::size_t>(component)];
    }
};

// A horizontal ramp over the whole value range plus pseudo-random noise, different per
// component; the first pixel holds the minimum and the last the maximum of the range.
TestImage makeTestImage(int width, int height, int components, int bitDepth, bool isSigned);

struct Encoded
{
    QByteArray data;
    QString error; // empty on success
};

// Full path of ojph_compress, or empty when it is not installed.
QString ojphCompressPath();

// Lossless HTJ2K codestream (.j2c) of `image` (1 or 3 components), written by ojph_compress
// from a PGM/PPM file in `workDir`.
Encoded encodeHtj2k(const TestImage& image, const QString& workDir);

// Lossless HTJ2K codestream of three 8-bit components whose second and third are subsampled
// by 2 in both directions (4:2:0).
Encoded encodeHtj2kSubsampled(int width, int height, const QString& workDir);

enum class OpenJpegContainer
{
    Codestream,
    Jp2
};

// Lossless classic JPEG 2000 (5/3 wavelet) of `image`, encoded in memory by OpenJPEG.
Encoded encodeOpenJpeg(const TestImage& image, OpenJpegContainer container);

} // namespace fenestra::viewer::testing
