#include "dicom/jpeg2000codec.h"
#include "j2ktestdata.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <thread>
#include <vector>

using namespace fenestra::viewer;
using namespace fenestra::viewer::testing;

Q_DECLARE_METATYPE(fenestra::viewer::PixelFormat)
Q_DECLARE_METATYPE(fenestra::viewer::ErrorCode)

namespace {

enum class Encoder
{
    Ojph,
    OpenJpegJ2k,
    OpenJpegJp2
};

PixelFormat formatFor(const TestImage& image, int bitsAllocated, bool isSigned)
{
    PixelFormat format;
    format.rows = image.height;
    format.columns = image.width;
    format.samplesPerPixel = image.components;
    format.bitsAllocated = bitsAllocated;
    format.bitsStored = image.bitDepth;
    format.highBit = image.bitDepth - 1;
    format.isSigned = isSigned;
    format.photometric = image.components == 3 ? Photometric::Rgb : Photometric::Monochrome2;
    return format;
}

// What DICOM expects from a sample: its value in bitsStored bits, read as two's complement
// when the pixel representation is signed. Written with arithmetic, not the codec's shifts.
std::int64_t expectedSample(std::int64_t value, int bitsStored, bool isSigned)
{
    const std::int64_t range = std::int64_t{1} << bitsStored;
    std::int64_t stored = (value % range + range) % range;
    if (isSigned && stored >= range / 2)
        stored -= range;
    return stored;
}

template <class T> std::int64_t load(const std::byte* at)
{
    T value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

std::int64_t readSample(const std::vector<std::byte>& out, std::size_t index,
                        const PixelFormat& format)
{
    const int bytes = format.bytesPerSample();
    const std::byte* at = out.data() + index * static_cast<std::size_t>(bytes);
    switch (bytes) {
    case 1:
        return format.isSigned ? load<std::int8_t>(at) : load<std::uint8_t>(at);
    case 2:
        return format.isSigned ? load<std::int16_t>(at) : load<std::uint16_t>(at);
    default:
        return format.isSigned ? load<std::int32_t>(at) : load<std::uint32_t>(at);
    }
}

// Index of the first sample that differs, or -1.
qsizetype firstMismatch(const TestImage& image, const PixelFormat& format,
                        const std::vector<std::byte>& out)
{
    for (std::size_t i = 0; i < image.samples.size(); ++i) {
        if (readSample(out, i, format) !=
            expectedSample(image.samples[i], format.bitsStored, format.isSigned))
            return static_cast<qsizetype>(i);
    }
    return -1;
}

std::span<const std::byte> bytesOf(const QByteArray& data)
{
    return std::as_bytes(std::span(data.constData(), static_cast<std::size_t>(data.size())));
}

// HTJ2K announces itself with a CAP marker (0xFF50) in the main header, before the first SOT.
bool hasCapMarker(const QByteArray& codestream)
{
    const qsizetype firstTile = codestream.indexOf(QByteArray("\xFF\x90", 2));
    const qsizetype cap = codestream.indexOf(QByteArray("\xFF\x50", 2));
    return cap >= 0 && (firstTile < 0 || cap < firstTile);
}

} // namespace

class TestJpeg2000Codec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void decode_losslessCodestream_reproducesEverySample_data();
    void decode_losslessCodestream_reproducesEverySample();
    void decode_fragmentEndings_reproduceEverySample_data();
    void decode_fragmentEndings_reproduceEverySample();
    void decode_invalidInput_failsWithCodeAndDetail_data();
    void decode_invalidInput_failsWithCodeAndDetail();
    void decode_subsampledComponents_failsWithUnsupportedPixelFormat();
    void decode_concurrentCallsOnSeveralThreads_allReproduceTheImage();

private:
    QTemporaryDir m_workDir;
    TestImage m_grey16;
    QByteArray m_htj2k;
    QByteArray m_j2k;
};

void TestJpeg2000Codec::initTestCase()
{
    QVERIFY2(!ojphCompressPath().isEmpty(),
             "ojph_compress not found: install Debian's openjph-tools (installer/setup.sh); "
             "the HTJ2K tests need it to encode their test data");
    QVERIFY(m_workDir.isValid());
    m_grey16 = makeTestImage(67, 45, 1, 16, false);
    const Encoded htj2k = encodeHtj2k(m_grey16, m_workDir.path());
    QVERIFY2(htj2k.error.isEmpty(), qPrintable(htj2k.error));
    QVERIFY(hasCapMarker(htj2k.data));
    m_htj2k = htj2k.data;
    const Encoded j2k = encodeOpenJpeg(m_grey16, OpenJpegContainer::Codestream);
    QVERIFY2(j2k.error.isEmpty(), qPrintable(j2k.error));
    m_j2k = j2k.data;
}

void TestJpeg2000Codec::decode_losslessCodestream_reproducesEverySample_data()
{
    QTest::addColumn<Encoder>("encoder");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("components");
    QTest::addColumn<int>("bitDepth");
    QTest::addColumn<bool>("codestreamSigned");
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<bool>("pixelRepresentationSigned");

    using E = Encoder;
    QTest::newRow("htj2k grey 8-bit") << E::Ojph << 67 << 45 << 1 << 8 << false << 8 << false;
    QTest::newRow("htj2k grey 12-bit in 16")
        << E::Ojph << 67 << 45 << 1 << 12 << false << 16 << false;
    QTest::newRow("htj2k grey 16-bit") << E::Ojph << 130 << 70 << 1 << 16 << false << 16 << false;
    QTest::newRow("htj2k signed 8-bit") << E::Ojph << 67 << 45 << 1 << 8 << true << 8 << true;
    QTest::newRow("htj2k signed 16-bit") << E::Ojph << 67 << 45 << 1 << 16 << true << 16 << true;
    QTest::newRow("htj2k signed 12-bit in 16")
        << E::Ojph << 67 << 45 << 1 << 12 << true << 16 << true;
    QTest::newRow("htj2k signed rgb 8-bit") << E::Ojph << 67 << 45 << 3 << 8 << true << 8 << true;
    QTest::newRow("htj2k rgb 8-bit") << E::Ojph << 67 << 45 << 3 << 8 << false << 8 << false;
    QTest::newRow("htj2k unsigned 12-bit, signed pixel representation")
        << E::Ojph << 67 << 45 << 1 << 12 << false << 16 << true;
    QTest::newRow("j2k grey 8-bit 5x3")
        << E::OpenJpegJ2k << 5 << 3 << 1 << 8 << false << 8 << false;
    QTest::newRow("j2k grey 16-bit")
        << E::OpenJpegJ2k << 67 << 45 << 1 << 16 << false << 16 << false;
    QTest::newRow("j2k signed 12-bit in 16")
        << E::OpenJpegJ2k << 67 << 45 << 1 << 12 << true << 16 << true;
    QTest::newRow("j2k signed 16-bit")
        << E::OpenJpegJ2k << 67 << 45 << 1 << 16 << true << 16 << true;
    QTest::newRow("j2k rgb 8-bit") << E::OpenJpegJ2k << 67 << 45 << 3 << 8 << false << 8 << false;
    QTest::newRow("j2k grey 24-bit in 32")
        << E::OpenJpegJ2k << 67 << 45 << 1 << 24 << false << 32 << false;
    QTest::newRow("j2k unsigned 12-bit, signed pixel representation")
        << E::OpenJpegJ2k << 67 << 45 << 1 << 12 << false << 16 << true;
    QTest::newRow("jp2 grey 16-bit")
        << E::OpenJpegJp2 << 67 << 45 << 1 << 16 << false << 16 << false;
    QTest::newRow("jp2 rgb 8-bit") << E::OpenJpegJp2 << 67 << 45 << 3 << 8 << false << 8 << false;
}

void TestJpeg2000Codec::decode_losslessCodestream_reproducesEverySample()
{
    QFETCH(Encoder, encoder);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, components);
    QFETCH(int, bitDepth);
    QFETCH(bool, codestreamSigned);
    QFETCH(int, bitsAllocated);
    QFETCH(bool, pixelRepresentationSigned);

    const TestImage image = makeTestImage(width, height, components, bitDepth, codestreamSigned);
    const Encoded encoded = encoder == Encoder::Ojph
                                ? encodeHtj2k(image, m_workDir.path())
                                : encodeOpenJpeg(image, encoder == Encoder::OpenJpegJp2
                                                            ? OpenJpegContainer::Jp2
                                                            : OpenJpegContainer::Codestream);
    QVERIFY2(encoded.error.isEmpty(), qPrintable(encoded.error));
    QCOMPARE(hasCapMarker(encoded.data), encoder == Encoder::Ojph);

    const PixelFormat format = formatFor(image, bitsAllocated, pixelRepresentationSigned);
    std::vector<std::byte> out(format.frameBytes(), std::byte{0xA5});
    const Result<void> result = decodeJpeg2000Frame(bytesOf(encoded.data), format, out);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));

    const qsizetype mismatch = firstMismatch(image, format, out);
    if (mismatch >= 0) {
        const auto i = static_cast<std::size_t>(mismatch);
        QFAIL(qPrintable(
            QStringLiteral("sample %1 (pixel %2, component %3): expected %4, got %5")
                .arg(mismatch)
                .arg(mismatch / components)
                .arg(mismatch % components)
                .arg(expectedSample(image.samples[i], format.bitsStored, format.isSigned))
                .arg(readSample(out, i, format))));
    }
}

// DICOM pads odd-length fragments with one zero byte, and some encoders omit the EOC marker.
void TestJpeg2000Codec::decode_fragmentEndings_reproduceEverySample_data()
{
    QTest::addColumn<QByteArray>("input");

    const QByteArray eoc("\xFF\xD9", 2);
    QVERIFY(m_htj2k.endsWith(eoc));
    QVERIFY(m_j2k.endsWith(eoc));
    const QByteArray padding(1, '\0');
    QTest::newRow("htj2k with padding byte") << m_htj2k + padding;
    QTest::newRow("j2k with padding byte") << m_j2k + padding;
    QTest::newRow("htj2k without EOC") << m_htj2k.chopped(2);
    QTest::newRow("j2k without EOC") << m_j2k.chopped(2);
    QTest::newRow("htj2k without EOC, with padding byte") << m_htj2k.chopped(2) + padding;
    QTest::newRow("j2k without EOC, with padding byte") << m_j2k.chopped(2) + padding;
}

void TestJpeg2000Codec::decode_fragmentEndings_reproduceEverySample()
{
    QFETCH(QByteArray, input);

    const PixelFormat format = formatFor(m_grey16, 16, false);
    std::vector<std::byte> out(format.frameBytes());
    const Result<void> result = decodeJpeg2000Frame(bytesOf(input), format, out);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(firstMismatch(m_grey16, format, out), qsizetype{-1});
}

void TestJpeg2000Codec::decode_invalidInput_failsWithCodeAndDetail_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<PixelFormat>("format");
    QTest::addColumn<qsizetype>("outBytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("detailParts");

    const PixelFormat grey16 = formatFor(m_grey16, 16, false);
    const auto frame = static_cast<qsizetype>(grey16.frameBytes()); // 67 * 45 * 2 = 6030
    QByteArray garbage(4096, Qt::Uninitialized);
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 151 + 7) % 251);
    PixelFormat narrower = grey16;
    narrower.columns = 66;
    PixelFormat taller = grey16;
    taller.rows = 46;
    PixelFormat rgb = grey16;
    rgb.samplesPerPixel = 3;
    PixelFormat eightBit = grey16;
    eightBit.bitsAllocated = 8;
    eightBit.bitsStored = 8;
    eightBit.highBit = 7;
    PixelFormat storedAboveAllocated = grey16;
    storedAboveAllocated.bitsStored = 17;

    const auto decodeFailed = ErrorCode::DecodeFailed;
    const auto unsupported = ErrorCode::UnsupportedPixelFormat;
    const QString cannotDecode = QStringLiteral("cannot decode the JPEG 2000 codestream: ");
    const QString notJ2k = QStringLiteral("data is neither a JPEG 2000 codestream nor a JP2 file");
    QTest::newRow("htj2k truncated at half")
        << m_htj2k.left(m_htj2k.size() / 2) << grey16 << frame << decodeFailed
        << QStringList{cannotDecode,
                       QStringLiteral("Tile part length size inconsistent with stream length")};
    QTest::newRow("j2k truncated at half")
        << m_j2k.left(m_j2k.size() / 2) << grey16 << frame << decodeFailed
        << QStringList{cannotDecode,
                       QStringLiteral("Tile part length size inconsistent with stream length")};
    QTest::newRow("garbage bytes")
        << garbage << grey16 << frame << decodeFailed << QStringList{notJ2k};
    QTest::newRow("empty input") << QByteArray() << grey16 << frame << decodeFailed
                                 << QStringList{notJ2k};
    QTest::newRow("j2k signature then garbage")
        << QByteArray("\xFF\x4F\xFF\x51", 4) + garbage << grey16 << frame << decodeFailed
        << QStringList{QStringLiteral("cannot read the JPEG 2000 header: "),
                       QStringLiteral("Error with SIZ marker")};
    QTest::newRow("columns disagree")
        << m_htj2k << narrower << static_cast<qsizetype>(narrower.frameBytes()) << unsupported
        << QStringList{QStringLiteral("JPEG 2000 image is 67x45 (component 0)"),
                       QStringLiteral("DICOM header says 66x45")};
    QTest::newRow("rows disagree")
        << m_j2k << taller << static_cast<qsizetype>(taller.frameBytes()) << unsupported
        << QStringList{QStringLiteral("67x45 (component 0)"), QStringLiteral("says 67x46")};
    QTest::newRow("samples per pixel disagree")
        << m_htj2k << rgb << static_cast<qsizetype>(rgb.frameBytes()) << unsupported
        << QStringList{QStringLiteral("JPEG 2000 image is 1 component(s)"),
                       QStringLiteral("3 sample(s) per pixel")};
    QTest::newRow("precision above bits allocated")
        << m_htj2k << eightBit << static_cast<qsizetype>(eightBit.frameBytes()) << unsupported
        << QStringList{QStringLiteral("JPEG 2000 image is 16-bit (component 0)"),
                       QStringLiteral("8 bits allocated")};
    QTest::newRow("bits stored above bits allocated")
        << m_htj2k << storedAboveAllocated << frame << unsupported
        << QStringList{QStringLiteral("invalid pixel format"), QStringLiteral("17 bits stored")};
    QTest::newRow("output buffer one byte short")
        << m_htj2k << grey16 << frame - 1 << decodeFailed
        << QStringList{QStringLiteral("output buffer holds 6029 bytes but the frame needs 6030")};
    QTest::newRow("output buffer one byte long")
        << m_j2k << grey16 << frame + 1 << decodeFailed
        << QStringList{QStringLiteral("output buffer holds 6031 bytes but the frame needs 6030")};
}

void TestJpeg2000Codec::decode_invalidInput_failsWithCodeAndDetail()
{
    QFETCH(QByteArray, input);
    QFETCH(PixelFormat, format);
    QFETCH(qsizetype, outBytes);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, detailParts);

    std::vector<std::byte> out(static_cast<std::size_t>(outBytes));
    const Result<void> result = decodeJpeg2000Frame(bytesOf(input), format, out);
    QVERIFY(!result.has_value());
    QCOMPARE(QString::fromLatin1(errorCodeName(result.error().code)),
             QString::fromLatin1(errorCodeName(code)));
    for (const QString& part : detailParts)
        QVERIFY2(
            result.error().detail.contains(part),
            qPrintable(
                QStringLiteral("detail \"%1\" lacks \"%2\"").arg(result.error().detail, part)));
}

void TestJpeg2000Codec::decode_subsampledComponents_failsWithUnsupportedPixelFormat()
{
    const Encoded encoded = encodeHtj2kSubsampled(64, 48, m_workDir.path());
    QVERIFY2(encoded.error.isEmpty(), qPrintable(encoded.error));
    PixelFormat format;
    format.rows = 48;
    format.columns = 64;
    format.samplesPerPixel = 3;
    format.bitsAllocated = 8;
    format.bitsStored = 8;
    format.highBit = 7;
    format.photometric = Photometric::YbrFull;
    std::vector<std::byte> out(format.frameBytes());

    const Result<void> result = decodeJpeg2000Frame(bytesOf(encoded.data), format, out);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::UnsupportedPixelFormat);
    QVERIFY2(result.error().detail.contains(QStringLiteral("subsampled (component 1 by 2x2)")),
             qPrintable(result.error().detail));
}

void TestJpeg2000Codec::decode_concurrentCallsOnSeveralThreads_allReproduceTheImage()
{
    const PixelFormat format = formatFor(m_grey16, 16, false);
    constexpr int threadCount = 8;
    std::vector<std::vector<std::byte>> outputs(threadCount,
                                                std::vector<std::byte>(format.frameBytes()));
    std::vector<char> succeeded(threadCount, 0);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < threadCount; ++t) {
            threads.emplace_back([&, t] {
                const QByteArray& data = t % 2 ? m_j2k : m_htj2k;
                succeeded[t] = decodeJpeg2000Frame(bytesOf(data), format, outputs[t]).has_value();
            });
        }
    }
    for (int t = 0; t < threadCount; ++t) {
        QVERIFY2(succeeded[t], qPrintable(QStringLiteral("thread %1 failed").arg(t)));
        QCOMPARE(firstMismatch(m_grey16, format, outputs[t]), qsizetype{-1});
    }
}

QTEST_GUILESS_MAIN(TestJpeg2000Codec)
#include "tst_jpeg2000codec.moc"
