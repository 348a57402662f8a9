#include "jpeg2000codec.h"

#include <QStringList>

#include <openjpeg.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace fenestra::viewer {

namespace {

// opj_codec_t and opj_stream_t are both void*, so each needs its own deleter type.
struct CodecDeleter
{
    void operator()(opj_codec_t* codec) const { opj_destroy_codec(codec); }
};
struct StreamDeleter
{
    void operator()(opj_stream_t* stream) const { opj_stream_destroy(stream); }
};
struct ImageDeleter
{
    void operator()(opj_image_t* image) const { opj_image_destroy(image); }
};
using CodecPtr = std::unique_ptr<opj_codec_t, CodecDeleter>;
using StreamPtr = std::unique_ptr<opj_stream_t, StreamDeleter>;
using ImagePtr = std::unique_ptr<opj_image_t, ImageDeleter>;

// --- Reading from memory --------------------------------------------------------------------

struct MemorySource
{
    std::span<const std::byte> data;
    std::size_t position = 0;

    std::size_t remaining() const { return data.size() - position; }
};

OPJ_SIZE_T readFromMemory(void* buffer, OPJ_SIZE_T bytes, void* userData)
{
    auto* source = static_cast<MemorySource*>(userData);
    const std::size_t count = std::min<std::size_t>(bytes, source->remaining());
    if (count == 0)
        return static_cast<OPJ_SIZE_T>(-1); // OpenJPEG's end-of-stream marker
    std::memcpy(buffer, source->data.data() + source->position, count);
    source->position += count;
    return count;
}

OPJ_OFF_T skipInMemory(OPJ_OFF_T bytes, void* userData)
{
    auto* source = static_cast<MemorySource*>(userData);
    if (bytes < 0) {
        const auto back = std::min<std::size_t>(static_cast<std::size_t>(-bytes), source->position);
        source->position -= back;
        return -static_cast<OPJ_OFF_T>(back);
    }
    const std::size_t count =
        std::min<std::size_t>(static_cast<std::size_t>(bytes), source->remaining());
    source->position += count;
    return static_cast<OPJ_OFF_T>(count);
}

OPJ_BOOL seekInMemory(OPJ_OFF_T position, void* userData)
{
    auto* source = static_cast<MemorySource*>(userData);
    if (position < 0 || static_cast<std::size_t>(position) > source->data.size())
        return OPJ_FALSE;
    source->position = static_cast<std::size_t>(position);
    return OPJ_TRUE;
}

StreamPtr makeMemoryStream(MemorySource& source)
{
    StreamPtr stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    if (!stream)
        return stream;
    opj_stream_set_user_data(stream.get(), &source, nullptr);
    opj_stream_set_user_data_length(stream.get(), source.data.size());
    opj_stream_set_read_function(stream.get(), readFromMemory);
    opj_stream_set_skip_function(stream.get(), skipInMemory);
    opj_stream_set_seek_function(stream.get(), seekInMemory);
    return stream;
}

// --- OpenJPEG's messages ----------------------------------------------------------------------

// Collects what OpenJPEG reports so it ends up in our Error detail, never on stdout/stderr.
struct Messages
{
    QStringList lines;

    static void onError(const char* message, void* userData)
    {
        static_cast<Messages*>(userData)->add(message);
    }
    static void onWarning(const char* message, void* userData)
    {
        static_cast<Messages*>(userData)->add(message, QStringLiteral("warning: "));
    }
    static void onInfo(const char*, void*) {}

    void add(const char* message, const QString& prefix = {})
    {
        const QString text = QString::fromUtf8(message).trimmed();
        if (!text.isEmpty())
            lines.append(prefix + text);
    }
    QString detail(const QString& what) const
    {
        return lines.isEmpty() ? what
                               : what + QStringLiteral(": ") + lines.join(QStringLiteral("; "));
    }
};

// --- Codec choice and checks ------------------------------------------------------------------

std::optional<OPJ_CODEC_FORMAT> detectCodec(std::span<const std::byte> data)
{
    static constexpr std::array<unsigned char, 4> j2kSignature = {0xFF, 0x4F, 0xFF, 0x51};
    static constexpr std::array<unsigned char, 12> jp2Signature = {
        0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};
    const auto startsWith = [data](const auto& signature) {
        return data.size() >= signature.size() &&
               std::memcmp(data.data(), signature.data(), signature.size()) == 0;
    };
    if (startsWith(j2kSignature))
        return OPJ_CODEC_J2K;
    if (startsWith(jp2Signature))
        return OPJ_CODEC_JP2;
    return std::nullopt;
}

// Some encoders end the codestream without its EOC marker, which OpenJPEG's strict mode (needed
// to reject truncated tile-parts) refuses. Such a codestream gets a copy with the marker added;
// one truncated inside a tile-part still fails, because its tile-part length exceeds the data.
// A single zero byte after EOC is DICOM's padding of fragments to an even length.
std::optional<std::vector<std::byte>> withEndOfCodestream(std::span<const std::byte> data)
{
    std::span<const std::byte> body = data;
    if (!body.empty() && body.back() == std::byte{0})
        body = body.first(body.size() - 1);
    if (body.size() >= 2 && body[body.size() - 2] == std::byte{0xFF} &&
        body.back() == std::byte{0xD9})
        return std::nullopt;
    // OpenJPEG wants EOC right after the last tile-part, so a padding byte has to go.
    std::vector<std::byte> copy(body.begin(), body.end());
    copy.push_back(std::byte{0xFF});
    copy.push_back(std::byte{0xD9});
    return copy;
}

QString describe(const PixelFormat& format)
{
    return QStringLiteral("%1x%2, %3 sample(s) per pixel, %4 bits allocated")
        .arg(format.columns)
        .arg(format.rows)
        .arg(format.samplesPerPixel)
        .arg(format.bitsAllocated);
}

Result<void> checkRequest(const PixelFormat& format, std::size_t outBytes)
{
    if (format.rows <= 0 || format.columns <= 0 || format.samplesPerPixel <= 0 ||
        format.bitsStored < 1 || format.bitsStored > format.bitsAllocated ||
        format.bitsAllocated > 32)
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("invalid pixel format for JPEG 2000: %1, %2 bits stored")
                        .arg(describe(format))
                        .arg(format.bitsStored));
    if (outBytes != format.frameBytes())
        return fail(ErrorCode::DecodeFailed,
                    QStringLiteral("output buffer holds %1 bytes but the frame needs %2")
                        .arg(outBytes)
                        .arg(format.frameBytes()));
    return {};
}

// Checks what the header announces, before the expensive decode.
Result<void> checkImage(const opj_image_t& image, const PixelFormat& format)
{
    const auto mismatch = [&](const QString& found) {
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("JPEG 2000 image is %1 but the DICOM header says %2")
                        .arg(found, describe(format)));
    };
    if (image.numcomps != static_cast<OPJ_UINT32>(format.samplesPerPixel) || !image.comps)
        return mismatch(QStringLiteral("%1 component(s)").arg(image.numcomps));
    for (OPJ_UINT32 c = 0; c < image.numcomps; ++c) {
        const opj_image_comp_t& comp = image.comps[c];
        if (comp.dx != 1 || comp.dy != 1)
            return mismatch(QStringLiteral("subsampled (component %1 by %2x%3)")
                                .arg(c)
                                .arg(comp.dx)
                                .arg(comp.dy));
        if (comp.w != static_cast<OPJ_UINT32>(format.columns) ||
            comp.h != static_cast<OPJ_UINT32>(format.rows))
            return mismatch(QStringLiteral("%1x%2 (component %3)").arg(comp.w).arg(comp.h).arg(c));
        if (comp.prec < 1 || comp.prec > static_cast<OPJ_UINT32>(format.bitsAllocated))
            return mismatch(QStringLiteral("%1-bit (component %2)").arg(comp.prec).arg(c));
    }
    return {};
}

// --- Writing samples --------------------------------------------------------------------------

// Brings every decoded integer to bitsStored bits: sign-extends for signed output, masks for
// unsigned output. For in-range samples of matching signedness this changes nothing; for the
// pixel-representation mismatch (codestream unsigned, DICOM signed) it reinterprets the stored
// bits as two's complement, as pydicom does; a signed codestream read as unsigned keeps the
// low bitsStored bits of each sample.
template <class Sample>
void writeComponent(const OPJ_INT32* source, std::size_t count, const PixelFormat& format,
                    int component, std::byte* out)
{
    const int shift = 32 - format.bitsStored;
    const std::size_t stride = static_cast<std::size_t>(format.samplesPerPixel) * sizeof(Sample);
    std::byte* target = out + static_cast<std::size_t>(component) * sizeof(Sample);
    for (std::size_t i = 0; i < count; ++i, target += stride) {
        const auto bits = static_cast<std::uint32_t>(source[i]) << shift;
        Sample value;
        if constexpr (std::is_signed_v<Sample>)
            value = static_cast<Sample>(static_cast<std::int32_t>(bits) >> shift);
        else
            value = static_cast<Sample>(bits >> shift);
        std::memcpy(target, &value, sizeof(Sample));
    }
}

template <class Unsigned, class Signed>
void writeImage(const opj_image_t& image, const PixelFormat& format, std::byte* out)
{
    const std::size_t count = format.pixelCount();
    for (int c = 0; c < format.samplesPerPixel; ++c) {
        const OPJ_INT32* data = image.comps[c].data;
        if (format.isSigned)
            writeComponent<Signed>(data, count, format, c, out);
        else
            writeComponent<Unsigned>(data, count, format, c, out);
    }
}

void writeSamples(const opj_image_t& image, const PixelFormat& format, std::span<std::byte> out)
{
    switch (format.bytesPerSample()) {
    case 1:
        writeImage<std::uint8_t, std::int8_t>(image, format, out.data());
        break;
    case 2:
        writeImage<std::uint16_t, std::int16_t>(image, format, out.data());
        break;
    default:
        writeImage<std::uint32_t, std::int32_t>(image, format, out.data());
        break;
    }
}

// --- Decoding ---------------------------------------------------------------------------------

CodecPtr makeDecoder(OPJ_CODEC_FORMAT codecFormat, Messages& messages)
{
    CodecPtr codec(opj_create_decompress(codecFormat));
    if (!codec)
        return codec;
    opj_set_error_handler(codec.get(), &Messages::onError, &messages);
    opj_set_warning_handler(codec.get(), &Messages::onWarning, &messages);
    opj_set_info_handler(codec.get(), &Messages::onInfo, &messages);

    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    parameters.cp_reduce = 0; // full resolution
    // DICOM carries the codestream's own components; a JP2 palette or channel definition must
    // not change their number or order behind the DICOM header's back.
    parameters.flags |= OPJ_DPARAMETERS_IGNORE_PCLR_CMAP_CDEF_FLAG;
    // Strict mode makes a truncated codestream an error instead of a silently partial image.
    // Zero threads decodes on the calling thread: callers already run one frame per worker, and
    // this overrides an OPJ_NUM_THREADS in the environment.
    if (!opj_setup_decoder(codec.get(), &parameters) ||
        !opj_decoder_set_strict_mode(codec.get(), OPJ_TRUE) ||
        !opj_codec_set_threads(codec.get(), 0))
        codec.reset();
    return codec;
}

} // namespace

Result<void> decodeJpeg2000Frame(std::span<const std::byte> codestream, const PixelFormat& format,
                                 std::span<std::byte> out)
{
    if (auto request = checkRequest(format, out.size()); !request)
        return request;
    const std::optional<OPJ_CODEC_FORMAT> codecFormat = detectCodec(codestream);
    if (!codecFormat)
        return fail(ErrorCode::DecodeFailed,
                    QStringLiteral("data is neither a JPEG 2000 codestream nor a JP2 file"));

    std::optional<std::vector<std::byte>> completed;
    if (*codecFormat == OPJ_CODEC_J2K)
        completed = withEndOfCodestream(codestream);

    Messages messages;
    CodecPtr codec = makeDecoder(*codecFormat, messages);
    MemorySource source{completed ? std::span<const std::byte>(*completed) : codestream};
    StreamPtr stream = makeMemoryStream(source);
    if (!codec || !stream)
        return fail(ErrorCode::DecodeFailed,
                    messages.detail(QStringLiteral("cannot set up the JPEG 2000 decoder")));

    opj_image_t* rawImage = nullptr;
    const bool headerRead = opj_read_header(stream.get(), codec.get(), &rawImage);
    ImagePtr image(rawImage);
    if (!headerRead || !image)
        return fail(ErrorCode::DecodeFailed,
                    messages.detail(QStringLiteral("cannot read the JPEG 2000 header")));
    if (auto check = checkImage(*image, format); !check)
        return check;

    if (!opj_decode(codec.get(), stream.get(), image.get()) ||
        !opj_end_decompress(codec.get(), stream.get()))
        return fail(ErrorCode::DecodeFailed,
                    messages.detail(QStringLiteral("cannot decode the JPEG 2000 codestream")));
    // Decoding may revise the image description; check again before trusting comps[].data.
    if (auto check = checkImage(*image, format); !check)
        return check;
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c) {
        if (!image->comps[c].data)
            return fail(
                ErrorCode::DecodeFailed,
                messages.detail(QStringLiteral("JPEG 2000 component %1 has no data").arg(c)));
    }
    writeSamples(*image, format, out);
    return {};
}

} // namespace fenestra::viewer
