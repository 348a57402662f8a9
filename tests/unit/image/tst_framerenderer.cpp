#include "image/framerenderer.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::Photometric)

namespace {

using Samples = QList<qint64>;

PixelFormat makeFormat(int rows, int columns, int bits, bool isSigned, Photometric photometric,
                       int samplesPerPixel = 1)
{
    PixelFormat format;
    format.rows = rows;
    format.columns = columns;
    format.samplesPerPixel = samplesPerPixel;
    format.bitsAllocated = bits;
    format.bitsStored = bits;
    format.highBit = bits - 1;
    format.isSigned = isSigned;
    format.photometric = photometric;
    return format;
}

template <class T> void storeAs(std::byte* out, qint64 value)
{
    const T typed = static_cast<T>(value);
    std::memcpy(out, &typed, sizeof typed);
}

// Writes the samples (all frames, interleaved) in the integer type the format names.
PixelBuffer makeBuffer(const PixelFormat& format, const Samples& samples, int frames = 1)
{
    PixelBuffer buffer(format, frames);
    const auto bytes = buffer.bytes();
    const auto size = static_cast<std::size_t>(format.bytesPerSample());
    if (bytes.size() != static_cast<std::size_t>(samples.size()) * size)
        qFatal("test data: %lld samples do not fill the buffer", qint64(samples.size()));
    for (qsizetype i = 0; i < samples.size(); ++i) {
        std::byte* out = bytes.data() + static_cast<std::size_t>(i) * size;
        switch (size) {
        case 1:
            format.isSigned ? storeAs<std::int8_t>(out, samples[i])
                            : storeAs<std::uint8_t>(out, samples[i]);
            break;
        case 2:
            format.isSigned ? storeAs<std::int16_t>(out, samples[i])
                            : storeAs<std::uint16_t>(out, samples[i]);
            break;
        default:
            format.isSigned ? storeAs<std::int32_t>(out, samples[i])
                            : storeAs<std::uint32_t>(out, samples[i]);
        }
    }
    return buffer;
}

InstanceInfo makeInstance(const PixelFormat& format, double slope = 1.0, double intercept = 0.0,
                          int frames = 1)
{
    InstanceInfo instance;
    instance.hasPixelData = true;
    instance.format = format;
    instance.numberOfFrames = frames;
    instance.frames.resize(static_cast<std::size_t>(frames));
    for (FrameInfo& frame : instance.frames)
        frame.rescale = Rescale{slope, intercept, {}};
    return instance;
}

int roundHalfUp(double v)
{
    return static_cast<int>(std::floor(v + 0.5));
}

// PS3.3 C.11.2.1.2.1 linear VOI function, written out here independently of the renderer.
int expectedLinear(double x, double c, double w)
{
    w = std::max(w, 1.0);
    if (x <= c - 0.5 - (w - 1) / 2)
        return 0;
    if (x > c - 0.5 + (w - 1) / 2)
        return 255;
    return std::clamp(roundHalfUp(((x - (c - 0.5)) / (w - 1) + 0.5) * 255), 0, 255);
}

int greyAt(const QImage& image, qsizetype index)
{
    const auto x = static_cast<int>(index % image.width());
    const auto y = static_cast<int>(index / image.width());
    return image.constScanLine(y)[x];
}

QList<int> rgbAt(const QImage& image, qsizetype index)
{
    const auto x = static_cast<int>(index % image.width());
    const auto y = static_cast<int>(index / image.width());
    const uchar* p = image.constScanLine(y) + 3 * static_cast<qsizetype>(x);
    return {p[0], p[1], p[2]};
}

} // namespace

class TestFrameRenderer : public QObject
{
    Q_OBJECT

private slots:
    void render_monochrome_matchesLinearWindowFormula_data();
    void render_monochrome_matchesLinearWindowFormula();
    void render_ctWindow40_400_givesHandComputedGreys();
    void render_pixelPadding_showsBlack_data();
    void render_pixelPadding_showsBlack();
    void render_voiLut_mapsThroughTable_data();
    void render_voiLut_mapsThroughTable();
    void render_explicitWindowOrUseVoiLutOff_bypassesVoiLut();
    void render_rgbLike_passesThroughWithScanlinePadding_data();
    void render_rgbLike_passesThroughWithScanlinePadding();
    void render_ybrFull_convertsPerPs33_data();
    void render_ybrFull_convertsPerPs33();
    void render_ybrFull_knownColours();
    void render_ybrPartial420_mapsVideoRangeToFullRange();
    void render_paletteColor_looksUpHighBytesWithOffset_data();
    void render_paletteColor_looksUpHighBytesWithOffset();
    void render_colourWithoutUsableSamples_rendersGreyFromFirstSample();
    void render_multiFrame_usesEachFramesRescale();
    void render_withoutWindow_usesDefaultWindow();
    void render_invalidFrameOrEmptyBuffer_givesNullImage();
    void render_512x512Ct_rendersEveryPixel();
    void defaultWindow_choosesHeaderThenModalityThenRange_data();
    void defaultWindow_choosesHeaderThenModalityThenRange();
    void modalityValue_appliesSlopeAndIntercept();
};

void TestFrameRenderer::render_monochrome_matchesLinearWindowFormula_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<Photometric>("photometric");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");
    QTest::addColumn<bool>("invert");
    QTest::addColumn<int>("columns");
    QTest::addColumn<Samples>("stored");

    const auto m1 = Photometric::Monochrome1;
    const auto m2 = Photometric::Monochrome2;
    // HU + 1024: around both edges and the centre of the 40/400 and 400/1500 windows.
    Samples ct;
    for (int hu : {-1024, -1000, -351, -350, -349, -161, -160, -159, -100, 0,    39,   40,
                   41,    100,   238,  239,  240,  400,  1000, 1148, 1149, 1150, 2000, 3071})
        ct << hu + 1024;

    QTest::newRow("ct16u 40/400") << 16 << false << m2 << 1.0 << -1024.0 << 40.0 << 400.0 << false
                                  << 6 << ct;
    QTest::newRow("ct16u 400/1500")
        << 16 << false << m2 << 1.0 << -1024.0 << 400.0 << 1500.0 << false << 6 << ct;
    QTest::newRow("ct16u slope 0.5 -600/1500")
        << 16 << false << m2 << 0.5 << -1024.0 << -600.0 << 1500.0 << false << 4 << ct;
    QTest::newRow("signed16") << 16 << true << m2 << 1.0 << 0.0 << 0.0 << 1000.0 << false << 4
                              << Samples{-32768, -2000, -501, -500, -1,   0,
                                         1,      499,   500,  501,  2000, 32767};
    QTest::newRow("signed16 slope 2 intercept -5")
        << 16 << true << m2 << 2.0 << -5.0 << 10.0 << 333.0 << false << 3
        << Samples{-32768, -100, -77, -76, 0, 7, 8, 90, 91, 92, 100, 32767};
    QTest::newRow("8-bit unsigned") << 8 << false << m2 << 1.0 << 0.0 << 128.0 << 256.0 << false
                                    << 4 << Samples{0, 1, 50, 100, 127, 128, 200, 255};
    QTest::newRow("8-bit signed") << 8 << true << m2 << 2.0 << 3.0 << 0.0 << 100.0 << false << 4
                                  << Samples{-128, -27, -26, -1, 0, 1, 23, 127};
    QTest::newRow("32-bit unsigned (per-pixel path)")
        << 32 << false << m2 << 1.0 << 0.0 << 100000.0 << 100000.0 << false << 3
        << Samples{0, 50000, 50001, 70000, 100000, 149999, 150000, 4000000000LL, 4294967295LL};
    QTest::newRow("32-bit signed (per-pixel path)")
        << 32 << true << m2 << 1.0 << -1024.0 << 40.0 << 400.0 << false << 4
        << Samples{-2147483648LL, -1000, 864, 865, 1064, 1264, 1265, 2147483647LL};
    QTest::newRow("monochrome1 inverts")
        << 16 << false << m1 << 1.0 << -1024.0 << 40.0 << 400.0 << false << 6 << ct;
    QTest::newRow("invert option")
        << 16 << false << m2 << 1.0 << -1024.0 << 40.0 << 400.0 << true << 6 << ct;
    QTest::newRow("monochrome1 plus invert")
        << 16 << false << m1 << 1.0 << -1024.0 << 40.0 << 400.0 << true << 6 << ct;
    QTest::newRow("32-bit monochrome1") << 32 << true << m1 << 1.0 << 0.0 << 0.0 << 50.0 << false
                                        << 2 << Samples{-100, -10, 10, 100};
    QTest::newRow("width below one acts as one") << 16 << false << m2 << 1.0 << 0.0 << 10.0 << 0.3
                                                 << false << 3 << Samples{0, 9, 10, 11, 12, 999};
    QTest::newRow("odd width 3x2 8-bit") << 8 << false << m2 << 1.0 << 0.0 << 100.0 << 50.0 << false
                                         << 3 << Samples{0, 80, 99, 100, 101, 125};
    QTest::newRow("odd width 3x2 16-bit") << 16 << false << m1 << 1.0 << 0.0 << 100.0 << 50.0
                                          << false << 3 << Samples{0, 80, 99, 100, 101, 125};
}

void TestFrameRenderer::render_monochrome_matchesLinearWindowFormula()
{
    QFETCH(int, bits);
    QFETCH(bool, isSigned);
    QFETCH(Photometric, photometric);
    QFETCH(double, slope);
    QFETCH(double, intercept);
    QFETCH(double, center);
    QFETCH(double, width);
    QFETCH(bool, invert);
    QFETCH(int, columns);
    QFETCH(Samples, stored);

    const int rows = static_cast<int>(stored.size()) / columns;
    const PixelFormat format = makeFormat(rows, columns, bits, isSigned, photometric);
    const QImage image =
        renderFrame(makeInstance(format, slope, intercept), makeBuffer(format, stored), 0,
                    RenderOptions{WindowLevel{center, width}, true, invert});

    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.size(), QSize(columns, rows));
    for (qsizetype i = 0; i < stored.size(); ++i) {
        int expected =
            expectedLinear(static_cast<double>(stored[i]) * slope + intercept, center, width);
        if (photometric == Photometric::Monochrome1)
            expected = 255 - expected;
        if (invert)
            expected = 255 - expected;
        QVERIFY2(greyAt(image, i) == expected,
                 qPrintable(QStringLiteral("stored %1: got %2, expected %3")
                                .arg(stored[i])
                                .arg(greyAt(image, i))
                                .arg(expected)));
    }
}

void TestFrameRenderer::render_ctWindow40_400_givesHandComputedGreys()
{
    // Hand-computed from C.11.2.1.2.1 with c = 40, w = 400: black up to HU -160, white above
    // HU 239; HU -159 -> 0.639 -> 1; HU 0 -> 102.256 -> 102; HU 40 -> 127.820 -> 128.
    const PixelFormat format = makeFormat(1, 7, 16, false, Photometric::Monochrome2);
    const Samples stored{0, 1024 - 160, 1024 - 159, 1024, 1024 + 40, 1024 + 239, 1024 + 1000};
    const QImage image = renderFrame(makeInstance(format, 1.0, -1024.0), makeBuffer(format, stored),
                                     0, RenderOptions{WindowLevel{40, 400}});
    const QList<int> expected{0, 0, 1, 102, 128, 255, 255};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(greyAt(image, i), expected[i]);
}

void TestFrameRenderer::render_pixelPadding_showsBlack_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<Photometric>("photometric");
    QTest::addColumn<double>("paddingValue");
    QTest::addColumn<bool>("hasLimit");
    QTest::addColumn<double>("limit");
    QTest::addColumn<Samples>("stored");

    const auto m1 = Photometric::Monochrome1;
    const auto m2 = Photometric::Monochrome2;
    const Samples low{-2001, -2000, -1500, -1000, -999, 0, 500, 3000};
    QTest::newRow("value 16u") << 16 << false << m2 << 0.0 << false << 0.0
                               << Samples{0, 1, 100, 2000};
    QTest::newRow("value 16u monochrome1")
        << 16 << false << m1 << 0.0 << false << 0.0 << Samples{0, 1, 100, 2000};
    QTest::newRow("range value<limit") << 16 << true << m2 << -2000.0 << true << -1000.0 << low;
    QTest::newRow("range value>limit") << 16 << true << m2 << -1000.0 << true << -2000.0 << low;
    QTest::newRow("range monochrome1") << 16 << true << m1 << -2000.0 << true << -1000.0 << low;
    QTest::newRow("range 32-bit") << 32 << true << m1 << -1000.0 << true << -2000.0 << low;
    QTest::newRow("value 8-bit monochrome1")
        << 8 << false << m1 << 255.0 << false << 0.0 << Samples{0, 254, 255, 10};
}

void TestFrameRenderer::render_pixelPadding_showsBlack()
{
    QFETCH(int, bits);
    QFETCH(bool, isSigned);
    QFETCH(Photometric, photometric);
    QFETCH(double, paddingValue);
    QFETCH(bool, hasLimit);
    QFETCH(double, limit);
    QFETCH(Samples, stored);

    const PixelFormat format =
        makeFormat(1, static_cast<int>(stored.size()), bits, isSigned, photometric);
    InstanceInfo instance = makeInstance(format);
    instance.padding = PixelPadding{paddingValue, hasLimit ? std::optional(limit) : std::nullopt};
    const WindowLevel window{0, 4000};
    const QImage image = renderFrame(instance, makeBuffer(format, stored), 0, {window});

    const double low = hasLimit ? std::min(paddingValue, limit) : paddingValue;
    const double high = hasLimit ? std::max(paddingValue, limit) : paddingValue;
    int paddedCount = 0;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const auto s = static_cast<double>(stored[i]);
        const bool padded = s >= low && s <= high;
        paddedCount += padded ? 1 : 0;
        int expected = expectedLinear(s, window.center, window.width);
        if (photometric == Photometric::Monochrome1)
            expected = 255 - expected;
        QCOMPARE(greyAt(image, i), padded ? 0 : expected);
    }
    QVERIFY(paddedCount > 0);
    QVERIFY(paddedCount < stored.size());
}

void TestFrameRenderer::render_voiLut_mapsThroughTable_data()
{
    QTest::addColumn<int>("firstMapped");
    QTest::addColumn<int>("bitsPerEntry");
    QTest::addColumn<QList<int>>("entries");
    QTest::addColumn<double>("intercept");
    QTest::addColumn<Photometric>("photometric");
    QTest::addColumn<Samples>("stored");

    const auto m2 = Photometric::Monochrome2;
    QTest::newRow("16-bit entries") << 0 << 16 << QList<int>{0, 1000, 30000, 65535, 40000} << 0.0
                                    << m2 << Samples{0, 1, 2, 3, 4, 5, 100};
    QTest::newRow("8-bit entries, offset") << 10 << 8 << QList<int>{5, 100, 200, 255} << 0.0 << m2
                                           << Samples{0, 9, 10, 11, 12, 13, 14};
    QTest::newRow("12-bit entries")
        << 0 << 12 << QList<int>{0, 2048, 4095, 4000} << 0.0 << m2 << Samples{0, 1, 2, 3};
    QTest::newRow("negative first mapped with CT rescale")
        << -1026 << 16 << QList<int>{100, 200, 60000, 65535} << -1024.0 << m2
        << Samples{0, 1, 2, 3, 4, 500};
    QTest::newRow("monochrome1") << 0 << 16 << QList<int>{0, 1000, 30000, 65535} << 0.0
                                 << Photometric::Monochrome1 << Samples{0, 1, 2, 3};
}

void TestFrameRenderer::render_voiLut_mapsThroughTable()
{
    QFETCH(int, firstMapped);
    QFETCH(int, bitsPerEntry);
    QFETCH(QList<int>, entries);
    QFETCH(double, intercept);
    QFETCH(Photometric, photometric);
    QFETCH(Samples, stored);

    const PixelFormat format =
        makeFormat(1, static_cast<int>(stored.size()), 16, false, photometric);
    InstanceInfo instance = makeInstance(format, 1.0, intercept);
    instance.frames[0].windows.push_back(VoiWindow{0, 2, {}}); // must not be used
    auto lut = std::make_shared<LookupTable>();
    lut->firstMapped = firstMapped;
    lut->bitsPerEntry = bitsPerEntry;
    for (int entry : entries)
        lut->entries.push_back(static_cast<quint16>(entry));
    instance.voiLut = lut;
    const QImage image = renderFrame(instance, makeBuffer(format, stored), 0);

    const double maxEntry = std::pow(2.0, bitsPerEntry) - 1;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const auto index =
            std::clamp<qint64>(stored[i] + qint64(intercept) - firstMapped, 0, entries.size() - 1);
        int expected = roundHalfUp(entries[index] * 255.0 / maxEntry);
        if (photometric == Photometric::Monochrome1)
            expected = 255 - expected;
        QCOMPARE(greyAt(image, i), expected);
    }
}

void TestFrameRenderer::render_explicitWindowOrUseVoiLutOff_bypassesVoiLut()
{
    const PixelFormat format = makeFormat(1, 3, 16, false, Photometric::Monochrome2);
    InstanceInfo instance = makeInstance(format);
    instance.frames[0].windows.push_back(VoiWindow{100, 50, {}});
    auto lut = std::make_shared<LookupTable>();
    lut->entries = {65535, 65535, 65535, 65535}; // would make everything white
    instance.voiLut = lut;
    const Samples stored{0, 90, 110};
    const PixelBuffer pixels = makeBuffer(format, stored);

    const QImage header = renderFrame(instance, pixels, 0, RenderOptions{std::nullopt, false});
    const QImage explicitWindow = renderFrame(instance, pixels, 0, {WindowLevel{0, 400}});
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(greyAt(header, i), expectedLinear(double(stored[i]), 100, 50));
        QCOMPARE(greyAt(explicitWindow, i), expectedLinear(double(stored[i]), 0, 400));
    }
    QCOMPARE(greyAt(renderFrame(instance, pixels, 0), 0), 255); // and the LUT when allowed
}

void TestFrameRenderer::render_rgbLike_passesThroughWithScanlinePadding_data()
{
    QTest::addColumn<Photometric>("photometric");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("bitsStored");
    QTest::addColumn<Samples>("samples");

    // 3x2 pixels: a row of 9 bytes is padded to 12 in the QImage.
    const Samples bytes{255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3, 128, 64, 32, 250, 251, 252};
    QTest::newRow("RGB 8-bit") << Photometric::Rgb << 8 << 8 << bytes;
    QTest::newRow("YBR_ICT decoded to RGB") << Photometric::YbrIct << 8 << 8 << bytes;
    QTest::newRow("YBR_RCT decoded to RGB") << Photometric::YbrRct << 8 << 8 << bytes;
    QTest::newRow("RGB 16-bit, 12 stored")
        << Photometric::Rgb << 16 << 12
        << Samples{4095, 0, 15, 16, 2048, 4080, 4079, 1, 2, 100, 200, 300, 0, 0, 0, 4095, 4095, 17};
    QTest::newRow("RGB 16-bit, 16 stored")
        << Photometric::Rgb << 16 << 16
        << Samples{65535, 0,   255, 256, 32768, 65280, 65279, 1,   2,
                   100,   200, 300, 0,   0,     0,     511,   512, 40000};
}

void TestFrameRenderer::render_rgbLike_passesThroughWithScanlinePadding()
{
    QFETCH(Photometric, photometric);
    QFETCH(int, bits);
    QFETCH(int, bitsStored);
    QFETCH(Samples, samples);

    PixelFormat format = makeFormat(2, 3, bits, false, photometric, 3);
    format.bitsStored = bitsStored;
    format.highBit = bitsStored - 1;
    const QImage image = renderFrame(makeInstance(format), makeBuffer(format, samples), 0);

    QCOMPARE(image.format(), QImage::Format_RGB888);
    QCOMPARE(image.size(), QSize(3, 2));
    QVERIFY(image.bytesPerLine() > 9); // the padding this test is about
    for (qsizetype i = 0; i < 6; ++i) {
        const QList<int> expected{int(samples[3 * i] >> (bitsStored - 8)),
                                  int(samples[3 * i + 1] >> (bitsStored - 8)),
                                  int(samples[3 * i + 2] >> (bitsStored - 8))};
        QCOMPARE(rgbAt(image, i), expected);
    }
}

void TestFrameRenderer::render_ybrFull_convertsPerPs33_data()
{
    QTest::addColumn<Photometric>("photometric");
    QTest::addColumn<Samples>("ybr");

    // Forward PS3.3 C.7.6.3.1.2 equations give the YBR of pure colours.
    const auto forward = [](double r, double g, double b) {
        return Samples{roundHalfUp(0.299 * r + 0.587 * g + 0.114 * b),
                       std::min(255, roundHalfUp(-0.1687 * r - 0.3313 * g + 0.5 * b + 128)),
                       std::min(255, roundHalfUp(0.5 * r - 0.4187 * g - 0.0813 * b + 128))};
    };
    for (const auto photometric : {Photometric::YbrFull, Photometric::YbrFull422}) {
        const QByteArray name = photometricToString(photometric).toLatin1();
        QTest::newRow((name + " grey").constData()) << photometric << Samples{128, 128, 128};
        QTest::newRow((name + " black").constData()) << photometric << Samples{0, 128, 128};
        QTest::newRow((name + " red").constData()) << photometric << forward(255, 0, 0);
        QTest::newRow((name + " green").constData()) << photometric << forward(0, 255, 0);
        QTest::newRow((name + " blue").constData()) << photometric << forward(0, 0, 255);
        QTest::newRow((name + " clamps").constData()) << photometric << Samples{255, 0, 255};
        QTest::newRow((name + " clamps low").constData()) << photometric << Samples{10, 255, 0};
        QTest::newRow((name + " arbitrary").constData()) << photometric << Samples{90, 140, 100};
    }
    Samples sweep; // 16^3 triplets across the whole cube
    for (int y = 0; y < 256; y += 17)
        for (int cb = 0; cb < 256; cb += 17)
            for (int cr = 0; cr < 256; cr += 17)
                sweep << y << cb << cr;
    QTest::newRow("YBR_FULL sweep") << Photometric::YbrFull << sweep;
}

void TestFrameRenderer::render_ybrFull_convertsPerPs33()
{
    QFETCH(Photometric, photometric);
    QFETCH(Samples, ybr);

    const auto count = static_cast<int>(ybr.size() / 3);
    const PixelFormat format = makeFormat(1, count, 8, false, photometric, 3);
    const QImage image = renderFrame(makeInstance(format), makeBuffer(format, ybr), 0);

    QCOMPARE(image.format(), QImage::Format_RGB888);
    const auto byte = [](double v) { return std::clamp(roundHalfUp(v), 0, 255); };
    for (qsizetype i = 0; i < count; ++i) {
        const auto y = double(ybr[3 * i]);
        const double cb = double(ybr[3 * i + 1]) - 128;
        const double cr = double(ybr[3 * i + 2]) - 128;
        const QList<int> expected{byte(y + 1.402 * cr), byte(y - 0.344136 * cb - 0.714136 * cr),
                                  byte(y + 1.772 * cb)};
        QCOMPARE(rgbAt(image, i), expected);
    }
}

void TestFrameRenderer::render_ybrFull_knownColours()
{
    // Mid grey stays grey; pure red (255,0,0) is Y=76, Cb=85, Cr=255 (Cr 255.5 clamped) and
    // comes back as 254,0,0 (76 + 1.402 * 127 = 254.05).
    const PixelFormat format = makeFormat(1, 2, 8, false, Photometric::YbrFull, 3);
    const QImage image = renderFrame(makeInstance(format),
                                     makeBuffer(format, Samples{128, 128, 128, 76, 85, 255}), 0);
    QCOMPARE(rgbAt(image, 0), (QList<int>{128, 128, 128}));
    QCOMPARE(rgbAt(image, 1), (QList<int>{254, 0, 0}));
}

void TestFrameRenderer::render_ybrPartial420_mapsVideoRangeToFullRange()
{
    // Y 16 is black and Y 235 white in the partial (video) range.
    const PixelFormat format = makeFormat(1, 2, 8, false, Photometric::YbrPartial420, 3);
    const QImage image = renderFrame(makeInstance(format),
                                     makeBuffer(format, Samples{16, 128, 128, 235, 128, 128}), 0);
    QCOMPARE(rgbAt(image, 0), (QList<int>{0, 0, 0}));
    QCOMPARE(rgbAt(image, 1), (QList<int>{255, 255, 255}));
}

void TestFrameRenderer::render_paletteColor_looksUpHighBytesWithOffset_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("firstMapped");
    QTest::addColumn<Samples>("indices");

    QTest::newRow("8-bit, first mapped 10") << 8 << 10 << Samples{0, 9, 10, 11, 12, 13, 14, 255};
    QTest::newRow("16-bit, first mapped 1000")
        << 16 << 1000 << Samples{0, 999, 1000, 1001, 1002, 1003, 1004, 65535};
    QTest::newRow("16-bit, first mapped 0") << 16 << 0 << Samples{0, 1, 2, 3, 4};
}

void TestFrameRenderer::render_paletteColor_looksUpHighBytesWithOffset()
{
    QFETCH(int, bits);
    QFETCH(int, firstMapped);
    QFETCH(Samples, indices);

    auto palette = std::make_shared<Palette>();
    palette->firstMapped = firstMapped;
    palette->red = {0x0000, 0x12ff, 0xff00, 0x8080};
    palette->green = {0xffff, 0x0001, 0x7f7f, 0x4000};
    palette->blue = {0x1234, 0xabcd}; // a shorter table clamps on its own
    const PixelFormat format =
        makeFormat(1, static_cast<int>(indices.size()), bits, false, Photometric::PaletteColor);
    InstanceInfo instance = makeInstance(format);
    instance.palette = palette;
    const QImage image = renderFrame(instance, makeBuffer(format, indices), 0);

    QCOMPARE(image.format(), QImage::Format_RGB888);
    const auto look = [](const std::vector<quint16>& lut, qint64 index) {
        return int(lut[std::size_t(std::clamp<qint64>(index, 0, qint64(lut.size()) - 1))] / 256);
    };
    for (qsizetype i = 0; i < indices.size(); ++i) {
        const qint64 index = indices[i] - firstMapped;
        const QList<int> expected{look(palette->red, index), look(palette->green, index),
                                  look(palette->blue, index)};
        QCOMPARE(rgbAt(image, i), expected);
    }
}

void TestFrameRenderer::render_colourWithoutUsableSamples_rendersGreyFromFirstSample()
{
    // An unknown photometric with 3 samples, and PALETTE COLOR without a palette, are shown as
    // MONOCHROME2 grey of sample 0.
    const PixelFormat unknown = makeFormat(1, 2, 8, false, Photometric::Unknown, 3);
    const QImage a =
        renderFrame(makeInstance(unknown), makeBuffer(unknown, Samples{10, 250, 250, 200, 0, 0}), 0,
                    {WindowLevel{128, 256}});
    QCOMPARE(a.format(), QImage::Format_Grayscale8);
    QCOMPARE(greyAt(a, 0), expectedLinear(10, 128, 256));
    QCOMPARE(greyAt(a, 1), expectedLinear(200, 128, 256));

    const PixelFormat palette = makeFormat(1, 2, 8, false, Photometric::PaletteColor);
    const QImage b = renderFrame(makeInstance(palette), makeBuffer(palette, Samples{10, 200}), 0,
                                 {WindowLevel{128, 256}});
    QCOMPARE(b.format(), QImage::Format_Grayscale8);
    QCOMPARE(greyAt(b, 1), expectedLinear(200, 128, 256));
}

void TestFrameRenderer::render_multiFrame_usesEachFramesRescale()
{
    const PixelFormat format = makeFormat(1, 2, 16, false, Photometric::Monochrome2);
    InstanceInfo instance = makeInstance(format, 1.0, 0.0, 2);
    instance.frames[1].rescale = Rescale{2.0, -100.0, {}};
    const PixelBuffer pixels = makeBuffer(format, Samples{100, 200, 100, 200}, 2);
    const WindowLevel window{150, 300};
    const QImage first = renderFrame(instance, pixels, 0, {window});
    const QImage second = renderFrame(instance, pixels, 1, {window});
    QCOMPARE(greyAt(first, 0), expectedLinear(100, 150, 300));
    QCOMPARE(greyAt(first, 1), expectedLinear(200, 150, 300));
    QCOMPARE(greyAt(second, 0), expectedLinear(100, 150, 300));
    QCOMPARE(greyAt(second, 1), expectedLinear(300, 150, 300));
}

void TestFrameRenderer::render_withoutWindow_usesDefaultWindow()
{
    // No header window, not CT: the frame's own range maps its minimum to black, maximum white.
    const PixelFormat format = makeFormat(1, 3, 16, true, Photometric::Monochrome2);
    InstanceInfo instance = makeInstance(format, 2.0, 7.0);
    instance.series.modality = QStringLiteral("MR");
    const QImage image = renderFrame(instance, makeBuffer(format, Samples{-50, 0, 350}), 0);
    QCOMPARE(greyAt(image, 0), 0);
    QCOMPARE(greyAt(image, 1), expectedLinear(7, 307, 800));
    QCOMPARE(greyAt(image, 2), 255);
}

void TestFrameRenderer::render_invalidFrameOrEmptyBuffer_givesNullImage()
{
    const PixelFormat format = makeFormat(2, 2, 16, false, Photometric::Monochrome2);
    const InstanceInfo instance = makeInstance(format, 1.0, 0.0, 2);
    const PixelBuffer pixels = makeBuffer(format, Samples{1, 2, 3, 4, 5, 6, 7, 8}, 2);
    QVERIFY(!renderFrame(instance, pixels, 1).isNull());
    QVERIFY(renderFrame(instance, pixels, -1).isNull());
    QVERIFY(renderFrame(instance, pixels, 2).isNull());
    QVERIFY(renderFrame(instance, PixelBuffer{}, 0).isNull());
    QCOMPARE(defaultWindow(instance, 2, pixels), WindowLevel{});
}

void TestFrameRenderer::render_512x512Ct_rendersEveryPixel()
{
    const PixelFormat format = makeFormat(512, 512, 16, false, Photometric::Monochrome2);
    Samples stored;
    stored.reserve(qsizetype{512} * 512);
    for (int i = 0; i < 512 * 512; ++i)
        stored << (i * 7) % 4096;
    InstanceInfo instance = makeInstance(format, 1.0, -1024.0);
    instance.series.modality = QStringLiteral("CT");
    const QImage image = renderFrame(instance, makeBuffer(format, stored), 0);
    QCOMPARE(image.size(), QSize(512, 512));
    for (qsizetype i = 0; i < stored.size(); ++i) {
        if (greyAt(image, i) != expectedLinear(double(stored[i]) - 1024, 40, 400))
            QFAIL(qPrintable(QStringLiteral("pixel %1 differs").arg(i)));
    }
}

void TestFrameRenderer::defaultWindow_choosesHeaderThenModalityThenRange_data()
{
    QTest::addColumn<QString>("modality");
    QTest::addColumn<QList<double>>("windows"); // center, width pairs
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("intercept");
    QTest::addColumn<bool>("padding0");
    QTest::addColumn<Samples>("stored");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");

    const Samples some{100, 300, 50, 200};
    QTest::newRow("first header window") << "CT" << QList<double>{30, 300, 500, 2000} << 1.0 << 0.0
                                         << false << some << 30.0 << 300.0;
    QTest::newRow("header window of width 0 skipped")
        << "MR" << QList<double>{30, 0, 500, 2000} << 1.0 << 0.0 << false << some << 500.0
        << 2000.0;
    QTest::newRow("CT default") << "CT" << QList<double>{} << 1.0 << -1024.0 << false << some
                                << 40.0 << 400.0;
    // modality values 190, 590, 90, 390
    QTest::newRow("range with rescale")
        << "MR" << QList<double>{} << 2.0 << -10.0 << false << some << 340.0 << 500.0;
    QTest::newRow("negative slope")
        << "PT" << QList<double>{} << -1.0 << 0.0 << false << Samples{0, 10} << -5.0 << 10.0;
    QTest::newRow("padding excluded") << "MR" << QList<double>{} << 1.0 << 0.0 << true
                                      << Samples{0, 100, 200, 0} << 150.0 << 100.0;
    QTest::newRow("all padding uses all values")
        << "MR" << QList<double>{} << 1.0 << 0.0 << true << Samples{0, 0} << 0.0 << 1.0;
    QTest::newRow("constant image width 1")
        << "" << QList<double>{} << 1.0 << 0.0 << false << Samples{42, 42, 42, 42} << 42.0 << 1.0;
}

void TestFrameRenderer::defaultWindow_choosesHeaderThenModalityThenRange()
{
    QFETCH(QString, modality);
    QFETCH(QList<double>, windows);
    QFETCH(double, slope);
    QFETCH(double, intercept);
    QFETCH(bool, padding0);
    QFETCH(Samples, stored);
    QFETCH(double, center);
    QFETCH(double, width);

    const PixelFormat format =
        makeFormat(1, static_cast<int>(stored.size()), 16, false, Photometric::Monochrome2);
    InstanceInfo instance = makeInstance(format, slope, intercept, 2);
    instance.series.modality = modality;
    for (qsizetype i = 0; i + 1 < windows.size(); i += 2)
        instance.frames[1].windows.push_back(VoiWindow{windows[i], windows[i + 1], {}});
    instance.frames[0].windows.push_back(VoiWindow{-1, 7, {}}); // another frame's window
    if (padding0)
        instance.padding = PixelPadding{0, std::nullopt};
    Samples both = stored;
    both.append(stored);

    const WindowLevel window = defaultWindow(instance, 1, makeBuffer(format, both, 2));
    QCOMPARE(window.center, center);
    QCOMPARE(window.width, width);
}

void TestFrameRenderer::modalityValue_appliesSlopeAndIntercept()
{
    FrameInfo frame;
    frame.rescale = Rescale{2.5, -3.0, QStringLiteral("HU")};
    QCOMPARE(modalityValue(frame, 100), 247.0);
    QCOMPARE(modalityValue(FrameInfo{}, -12), -12.0);
}

QTEST_GUILESS_MAIN(TestFrameRenderer)
#include "tst_framerenderer.moc"
