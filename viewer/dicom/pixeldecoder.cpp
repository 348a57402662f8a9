#include "pixeldecoder.h"

#include "datasetview.h"
#include "jpeg2000codec.h"
#include "part10probe.h"
#include "pixelnormalize.h"
#include "tags.h"

#include <gdcmImage.h>
#include <gdcmSequenceOfFragments.h>
#include <gdcmTransferSyntax.h>

#include <algorithm>
#include <vector>

namespace fenestra::viewer::detail {

namespace {

std::span<const std::byte> asBytes(const char* data, std::size_t size)
{
    return {reinterpret_cast<const std::byte*>(data), size};
}

Result<void> checkSupported(const PixelFormat& f)
{
    const bool bitsOk = f.bitsAllocated == 1 || f.bitsAllocated == 8 || f.bitsAllocated == 16 ||
                        f.bitsAllocated == 32;
    if (!bitsOk || (f.samplesPerPixel != 1 && f.samplesPerPixel != 3))
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("%1 samples per pixel, %2 bits allocated")
                        .arg(f.samplesPerPixel)
                        .arg(f.bitsAllocated));
    return {};
}

// The photometric interpretation of what a codec hands back: JPEG codecs return full
// resolution samples, and JPEG 2000 applies its inverse colour transform itself.
Photometric decodedPhotometric(Photometric declared, bool encapsulated)
{
    if (!encapsulated)
        return declared;
    switch (declared) {
    case Photometric::YbrFull422:
    case Photometric::YbrPartial420:
        return Photometric::YbrFull;
    case Photometric::YbrIct:
    case Photometric::YbrRct:
        return Photometric::Rgb;
    default:
        return declared;
    }
}

// Splits encapsulated pixel data into one codestream per frame.
std::vector<QByteArray> frameCodestreams(const gdcm::SequenceOfFragments& fragments, int frames)
{
    std::vector<QByteArray> out;
    const std::size_t count = fragments.GetNumberOfFragments();
    auto fragmentBytes = [&](std::size_t i) {
        const gdcm::ByteValue* value = fragments.GetFragment(i).GetByteValue();
        return value ? QByteArray(value->GetPointer(), static_cast<qsizetype>(value->GetLength()))
                     : QByteArray();
    };
    if (static_cast<int>(count) == frames) {
        for (std::size_t i = 0; i < count; ++i)
            out.push_back(fragmentBytes(i));
        return out;
    }
    // Several fragments per frame: a new frame starts at each SOC marker (FF 4F).
    for (std::size_t i = 0; i < count; ++i) {
        QByteArray bytes = fragmentBytes(i);
        if (out.empty() || (frames > 1 && bytes.startsWith("\xff\x4f")))
            out.push_back(bytes);
        else
            out.back().append(bytes);
    }
    return out;
}

Result<PixelBuffer> decodeHtj2k(const gdcm::DataElement& element, const InstanceInfo& info)
{
    const gdcm::SequenceOfFragments* fragments = element.GetSequenceOfFragments();
    if (fragments == nullptr)
        return fail(ErrorCode::Malformed, QStringLiteral("HTJ2K pixel data is not encapsulated"));
    const std::vector<QByteArray> streams = frameCodestreams(*fragments, info.numberOfFrames);
    if (static_cast<int>(streams.size()) < info.numberOfFrames)
        return fail(
            ErrorCode::Truncated,
            QStringLiteral("%1 of %2 frames present").arg(streams.size()).arg(info.numberOfFrames));
    PixelFormat format = info.format;
    format.photometric = decodedPhotometric(format.photometric, true);
    PixelBuffer out(format, info.numberOfFrames);
    for (int i = 0; i < info.numberOfFrames; ++i) {
        const QByteArray& stream = streams[static_cast<std::size_t>(i)];
        auto decoded =
            decodeJpeg2000Frame(asBytes(stream.constData(), stream.size()), format, out.frame(i));
        if (!decoded) {
            Error error = decoded.error();
            error.detail = QStringLiteral("frame %1: %2").arg(i + 1).arg(error.detail);
            return std::unexpected(error);
        }
    }
    return out;
}

// RLE Lossless, decoded here: one fragment per frame (PS3.5 G.2).
Result<PixelBuffer> decodeRle(const gdcm::DataElement& element, const InstanceInfo& info)
{
    const gdcm::SequenceOfFragments* fragments = element.GetSequenceOfFragments();
    if (fragments == nullptr)
        return fail(ErrorCode::Malformed, QStringLiteral("RLE pixel data is not encapsulated"));
    if (info.format.bitsAllocated == 1)
        return fail(ErrorCode::UnsupportedPixelFormat, QStringLiteral("1-bit RLE"));
    const auto frames = static_cast<std::size_t>(info.numberOfFrames);
    if (fragments->GetNumberOfFragments() < frames)
        return fail(ErrorCode::Truncated, QStringLiteral("%1 of %2 RLE frames present")
                                              .arg(fragments->GetNumberOfFragments())
                                              .arg(frames));
    PixelBuffer out(info.format, info.numberOfFrames);
    for (std::size_t i = 0; i < frames; ++i) {
        const gdcm::ByteValue* value = fragments->GetFragment(i).GetByteValue();
        const std::span<const std::byte> bytes =
            value ? asBytes(value->GetPointer(), value->GetLength()) : std::span<const std::byte>();
        auto ok = decodeRleFrameInto(bytes, info.format, out.frame(static_cast<int>(i)));
        if (!ok) {
            Error error = ok.error();
            error.detail = QStringLiteral("frame %1: %2").arg(i + 1).arg(error.detail);
            return std::unexpected(error);
        }
    }
    applyBitsStored(out);
    return out;
}

gdcm::PhotometricInterpretation gdcmPhotometric(Photometric p)
{
    using PI = gdcm::PhotometricInterpretation;
    switch (p) {
    case Photometric::Monochrome1:
        return PI::MONOCHROME1;
    case Photometric::Rgb:
        return PI::RGB;
    case Photometric::YbrFull:
        return PI::YBR_FULL;
    case Photometric::YbrFull422:
        return PI::YBR_FULL_422;
    case Photometric::YbrPartial420:
        return PI::YBR_PARTIAL_420;
    case Photometric::YbrIct:
        return PI::YBR_ICT;
    case Photometric::YbrRct:
        return PI::YBR_RCT;
    case Photometric::PaletteColor:
        return PI::PALETTE_COLOR;
    default:
        return PI::MONOCHROME2;
    }
}

// Sets up a gdcm::Image the way GDCM's PixmapReader would, from our validated header.
void configureImage(gdcm::Image& image, const gdcm::DataElement& element, const InstanceInfo& info,
                    const gdcm::TransferSyntax& ts, bool planar)
{
    const PixelFormat& f = info.format;
    image.SetNumberOfDimensions(info.numberOfFrames > 1 ? 3 : 2);
    image.SetDimension(0, static_cast<unsigned>(f.columns));
    image.SetDimension(1, static_cast<unsigned>(f.rows));
    if (info.numberOfFrames > 1)
        image.SetDimension(2, static_cast<unsigned>(info.numberOfFrames));
    image.SetPixelFormat(gdcm::PixelFormat(
        static_cast<unsigned short>(f.samplesPerPixel),
        static_cast<unsigned short>(f.bitsAllocated), static_cast<unsigned short>(f.bitsStored),
        static_cast<unsigned short>(f.highBit), f.isSigned ? 1 : 0));
    image.SetPlanarConfiguration(planar ? 1 : 0);
    image.SetPhotometricInterpretation(gdcmPhotometric(f.photometric));
    image.SetTransferSyntax(ts);
    image.SetDataElement(element);
}

Result<PixelBuffer> decodeWithGdcm(const gdcm::DataElement& element, const InstanceInfo& info,
                                   const gdcm::TransferSyntax& ts, bool planar)
{
    const bool encapsulated = ts.IsEncapsulated();
    if (!encapsulated) {
        const gdcm::ByteValue* value = element.GetByteValue();
        const std::size_t have = value ? static_cast<std::size_t>(value->GetLength()) : 0U;
        const std::size_t need = nativePixelBytes(info);
        if (have < need)
            return fail(ErrorCode::Truncated,
                        QStringLiteral("pixel data holds %1 of %2 bytes").arg(have).arg(need));
    }
    gdcm::Image image;
    configureImage(image, element, info, ts, planar);
    std::vector<char> raw(image.GetBufferLength());
    if (raw.empty() || !image.GetBuffer(raw.data()))
        return fail(ErrorCode::DecodeFailed,
                    QStringLiteral("GDCM could not decode %1 pixel data").arg(ts.GetString()));

    // GDCM byte-swaps big endian Pixel Data as 16-bit words (its VR is OW), which leaves the
    // two halves of each 32-bit sample in the wrong order.
    if (ts == gdcm::TransferSyntax::ExplicitVRBigEndian && info.format.bitsAllocated == 32)
        for (std::size_t i = 0; i + 3 < raw.size(); i += 4)
            std::swap_ranges(raw.begin() + static_cast<std::ptrdiff_t>(i),
                             raw.begin() + static_cast<std::ptrdiff_t>(i + 2),
                             raw.begin() + static_cast<std::ptrdiff_t>(i + 2));

    PixelFormat decoded = info.format;
    decoded.photometric = decodedPhotometric(decoded.photometric, encapsulated);
    PixelBuffer out(normalisedFormat(decoded), info.numberOfFrames);
    RawLayout layout{decoded, info.numberOfFrames, image.GetPlanarConfiguration() == 1};
    if (auto ok = normaliseInto(asBytes(raw.data(), raw.size()), layout, out); !ok)
        return std::unexpected(ok.error());
    return out;
}

} // namespace

std::size_t nativePixelBytes(const InstanceInfo& info)
{
    const PixelFormat& f = info.format;
    const auto frames = static_cast<std::size_t>(info.numberOfFrames);
    if (f.bitsAllocated == 1)
        return (f.pixelCount() * frames + 7) / 8;
    if (f.photometric == Photometric::YbrFull422 && f.samplesPerPixel == 3)
        return (static_cast<std::size_t>(f.columns) + 1) / 2 * 4 *
               static_cast<std::size_t>(f.rows) * static_cast<std::size_t>(f.bytesPerSample()) *
               frames;
    return f.frameBytes() * frames;
}

Result<PixelBuffer> decodePixelData(const gdcm::DataSet& dataSet, const InstanceInfo& info)
{
    if (!dataSet.FindDataElement(tags::PixelData))
        return fail(ErrorCode::NoPixelData, QStringLiteral("no (7FE0,0010) Pixel Data"));
    if (auto supported = checkSupported(info.format); !supported)
        return std::unexpected(supported.error());
    const gdcm::DataElement& element = dataSet.GetDataElement(tags::PixelData);

    if (isHtj2kTransferSyntax(info.transferSyntaxUid))
        return decodeHtj2k(element, info);

    const gdcm::TransferSyntax ts =
        gdcm::TransferSyntax::GetTSType(info.transferSyntaxUid.toLatin1().constData());
    if (ts == gdcm::TransferSyntax::TS_END)
        return fail(ErrorCode::UnsupportedTransferSyntax, info.transferSyntaxUid);

    if (ts == gdcm::TransferSyntax::RLELossless)
        return decodeRle(element, info);

    const bool planar =
        DataSetView(dataSet, {}).integer(tags::PlanarConfiguration).value_or(0) == 1 &&
        info.format.samplesPerPixel == 3;
    if (!ts.IsEncapsulated() && info.format.photometric == Photometric::YbrFull422) {
        const gdcm::ByteValue* value = element.GetByteValue();
        PixelFormat full = info.format;
        full.photometric = Photometric::YbrFull;
        PixelBuffer out(full, info.numberOfFrames);
        auto ok = expandYbr422Into(value ? asBytes(value->GetPointer(), value->GetLength())
                                         : std::span<const std::byte>(),
                                   info.numberOfFrames, out);
        if (!ok)
            return std::unexpected(ok.error());
        return out;
    }
    return decodeWithGdcm(element, info, ts, planar);
}

} // namespace fenestra::viewer::detail
