#include "j2ktestdata.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QtEndian>

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace fenestra::viewer::testing {

TestImage makeTestImage(int width, int height, int components, int bitDepth, bool isSigned)
{
    TestImage image{width, height, components, bitDepth, isSigned, {}};
    const std::int64_t range = std::int64_t{1} << bitDepth;
    const std::int64_t low = isSigned ? -range / 2 : 0;
    const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    image.samples.resize(count * static_cast<std::size_t>(components));
    std::uint32_t noise = 0x9E3779B9u;
    for (std::size_t pixel = 0; pixel < count; ++pixel) {
        const std::int64_t x = static_cast<std::int64_t>(pixel % static_cast<std::size_t>(width));
        const std::int64_t y = static_cast<std::int64_t>(pixel / static_cast<std::size_t>(width));
        for (int c = 0; c < components; ++c) {
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            const std::int64_t ramp = x * (range - 1) / std::max(width - 1, 1) + y * 3 + c * 1000;
            const std::int64_t jitter = static_cast<std::int64_t>(noise % 64u) - 32;
            const std::int64_t offset = ((ramp + jitter) % range + range) % range;
            image.samples[pixel * static_cast<std::size_t>(components) + c] =
                static_cast<std::int32_t>(low + offset);
        }
    }
    for (int c = 0; c < components; ++c) {
        image.samples[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(low);
        image.samples[image.samples.size() - static_cast<std::size_t>(components - c)] =
            static_cast<std::int32_t>(low + range - 1);
    }
    return image;
}

// --- HTJ2K through ojph_compress --------------------------------------------------------------

QString ojphCompressPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("ojph_compress"));
}

namespace {

// PGM/PPM (Netpbm): samples above 8 bits are two bytes, most significant first.
QByteArray netpbm(const TestImage& image)
{
    const int maxValue = (1 << image.bitDepth) - 1;
    QByteArray file = QStringLiteral("%1\n%2 %3\n%4\n")
                          .arg(image.components == 3 ? QStringLiteral("P6") : QStringLiteral("P5"))
                          .arg(image.width)
                          .arg(image.height)
                          .arg(maxValue)
                          .toLatin1();
    for (const std::int32_t value : image.samples) {
        if (maxValue > 255)
            file.append(static_cast<char>(value >> 8));
        file.append(static_cast<char>(value & 0xFF));
    }
    return file;
}

QString dims(int width, int height)
{
    return QStringLiteral("{%1,%2}").arg(width).arg(height);
}

Encoded runOjphCompress(const QString& input, const QByteArray& content, QStringList extraArgs,
                        const QString& workDir)
{
    const QString program = ojphCompressPath();
    if (program.isEmpty())
        return {{},
                QStringLiteral("ojph_compress not found in PATH; install Debian's "
                               "openjph-tools (installer/setup.sh)")};
    const QDir dir(workDir);
    QFile file(dir.filePath(input));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {{}, QStringLiteral("cannot write %1").arg(file.fileName())};
    file.close();
    const QString output = dir.filePath(QStringLiteral("out.j2c"));
    QFile::remove(output);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-i"),          file.fileName(),
                     QStringLiteral("-o"),          output,
                     QStringLiteral("-reversible"), QStringLiteral("true")};
    process.start(program, args + extraArgs);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return {{},
                QStringLiteral("ojph_compress failed: %1 %2")
                    .arg(process.errorString(), QString::fromLocal8Bit(process.readAll()))};
    QFile result(output);
    if (!result.open(QIODevice::ReadOnly))
        return {{}, QStringLiteral("ojph_compress wrote no %1").arg(output)};
    return {result.readAll(), {}};
}

} // namespace

// ojph_compress 0.9.0 reads raw .yuv samples as unsigned even with "-signed true", so negative
// samples come out as large positive ones that decoders clip. Signed codestreams are made instead
// from the offset-binary samples (s + 2^(B-1)) in a PGM/PPM: the encoder's DC level shift turns
// them back into s before the wavelet, so the coded data equals that of a signed encode, and
// setting the sign bit of each component's Ssiz in the SIZ marker makes the codestream say so.
Encoded encodeHtj2k(const TestImage& image, const QString& workDir)
{
    if (image.components != 1 && image.components != 3)
        return {{}, QStringLiteral("ojph_compress test data needs 1 or 3 components")};
    TestImage unsignedImage = image;
    if (image.isSigned) {
        for (std::int32_t& value : unsignedImage.samples)
            value += 1 << (image.bitDepth - 1);
    }
    Encoded encoded =
        runOjphCompress(image.components == 1 ? QStringLiteral("in.pgm") : QStringLiteral("in.ppm"),
                        netpbm(unsignedImage), {}, workDir);
    if (!encoded.error.isEmpty() || !image.isSigned)
        return encoded;
    // SOC, then SIZ: marker, Lsiz, Rsiz, 8 four-byte sizes and offsets, Csiz; then per
    // component Ssiz, XRsiz, YRsiz.
    constexpr qsizetype firstSsiz = 42;
    for (int c = 0; c < image.components; ++c) {
        const qsizetype at = firstSsiz + 3 * c;
        if (encoded.data.size() <= at || encoded.data.mid(2, 2) != QByteArray("\xFF\x51", 2) ||
            encoded.data[at] != static_cast<char>(image.bitDepth - 1))
            return {{}, QStringLiteral("unexpected SIZ marker from ojph_compress")};
        encoded.data[at] = static_cast<char>(encoded.data[at] | 0x80);
    }
    return encoded;
}

Encoded encodeHtj2kSubsampled(int width, int height, const QString& workDir)
{
    const qsizetype luma = qsizetype{width} * height;
    const qsizetype chroma = qsizetype{(width + 1) / 2} * ((height + 1) / 2);
    const QByteArray content(luma + 2 * chroma, '\x40');
    return runOjphCompress(QStringLiteral("in.yuv"), content,
                           {QStringLiteral("-dims"), dims(width, height),
                            QStringLiteral("-num_comps"), QStringLiteral("3"),
                            QStringLiteral("-signed"), QStringLiteral("false,false,false"),
                            QStringLiteral("-bit_depth"), QStringLiteral("8,8,8"),
                            QStringLiteral("-downsamp"), QStringLiteral("{1,1},{2,2},{2,2}")},
                           workDir);
}

// --- Classic JPEG 2000 through OpenJPEG -------------------------------------------------------

namespace {

// A growable in-memory output for OpenJPEG; the JP2 writer seeks back to patch box lengths.
struct MemorySink
{
    QByteArray bytes;
    qsizetype position = 0;

    static OPJ_SIZE_T write(void* buffer, OPJ_SIZE_T count, void* user)
    {
        auto* sink = static_cast<MemorySink*>(user);
        const qsizetype end = sink->position + static_cast<qsizetype>(count);
        if (end > sink->bytes.size())
            sink->bytes.resize(end);
        std::memcpy(sink->bytes.data() + sink->position, buffer, count);
        sink->position = end;
        return count;
    }
    static OPJ_OFF_T skip(OPJ_OFF_T count, void* user)
    {
        auto* sink = static_cast<MemorySink*>(user);
        sink->position += static_cast<qsizetype>(count);
        if (sink->position > sink->bytes.size())
            sink->bytes.resize(sink->position);
        return count;
    }
    static OPJ_BOOL seek(OPJ_OFF_T position, void* user)
    {
        static_cast<MemorySink*>(user)->position = static_cast<qsizetype>(position);
        return OPJ_TRUE;
    }
};

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

std::unique_ptr<opj_image_t, ImageDeleter> makeOpjImage(const TestImage& image)
{
    std::vector<opj_image_cmptparm_t> parameters(static_cast<std::size_t>(image.components));
    for (opj_image_cmptparm_t& p : parameters) {
        std::memset(&p, 0, sizeof p);
        p.dx = p.dy = 1;
        p.w = static_cast<OPJ_UINT32>(image.width);
        p.h = static_cast<OPJ_UINT32>(image.height);
        p.prec = static_cast<OPJ_UINT32>(image.bitDepth);
        p.sgnd = image.isSigned ? 1 : 0;
    }
    std::unique_ptr<opj_image_t, ImageDeleter> result(
        opj_image_create(static_cast<OPJ_UINT32>(image.components), parameters.data(),
                         image.components == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY));
    if (!result)
        return result;
    result->x1 = static_cast<OPJ_UINT32>(image.width);
    result->y1 = static_cast<OPJ_UINT32>(image.height);
    const std::size_t count = image.samples.size() / static_cast<std::size_t>(image.components);
    for (int c = 0; c < image.components; ++c) {
        for (std::size_t pixel = 0; pixel < count; ++pixel)
            result->comps[c].data[pixel] = image.sample(pixel, c);
    }
    return result;
}

} // namespace

Encoded encodeOpenJpeg(const TestImage& image, OpenJpegContainer container)
{
    auto opjImage = makeOpjImage(image);
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(
        opj_create_compress(container == OpenJpegContainer::Jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    opj_cparameters_t parameters;
    opj_set_default_encoder_parameters(&parameters);
    parameters.tcp_numlayers = 1;
    parameters.tcp_rates[0] = 0; // lossless
    parameters.cp_disto_alloc = 1;
    parameters.irreversible = 0;
    parameters.tcp_mct = image.components == 3 ? 1 : 0;
    // Each decomposition level halves the image; stop before a side gets smaller than one.
    while (parameters.numresolution > 1 &&
           std::min(image.width, image.height) < (1 << (parameters.numresolution - 1)))
        --parameters.numresolution;
    if (!opjImage || !codec || !opj_setup_encoder(codec.get(), &parameters, opjImage.get()))
        return {{}, QStringLiteral("cannot set up the OpenJPEG encoder")};

    MemorySink sink;
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(
        opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_FALSE));
    opj_stream_set_user_data(stream.get(), &sink, nullptr);
    opj_stream_set_write_function(stream.get(), &MemorySink::write);
    opj_stream_set_skip_function(stream.get(), &MemorySink::skip);
    opj_stream_set_seek_function(stream.get(), &MemorySink::seek);
    if (!opj_start_compress(codec.get(), opjImage.get(), stream.get()) ||
        !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get()))
        return {{}, QStringLiteral("OpenJPEG cannot encode the test image")};
    return {sink.bytes, {}};
}

} // namespace fenestra::viewer::testing
