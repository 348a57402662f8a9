// Region statistics and the pixel probe on synthetic 4x4 frames whose expected values were
// worked out by hand (see each row's comment).

#include "view/measurement.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::Vec3)

namespace {

using Samples = QList<qint64>;

template <class T> void storeAs(std::byte* out, qint64 value)
{
    const T typed = static_cast<T>(value);
    std::memcpy(out, &typed, sizeof typed);
}

PixelBuffer makeBuffer(const PixelFormat& format, const Samples& samples)
{
    const auto size = static_cast<std::size_t>(format.bytesPerSample());
    const auto perFrame = format.frameBytes() / size;
    const int frames = static_cast<int>(static_cast<std::size_t>(samples.size()) / perFrame);
    PixelBuffer buffer(format, frames);
    if (buffer.bytes().size() != static_cast<std::size_t>(samples.size()) * size)
        qFatal("test data: the samples do not fill whole frames");
    for (qsizetype i = 0; i < samples.size(); ++i) {
        std::byte* out = buffer.bytes().data() + static_cast<std::size_t>(i) * size;
        if (size == 1)
            format.isSigned ? storeAs<std::int8_t>(out, samples[i])
                            : storeAs<std::uint8_t>(out, samples[i]);
        else
            format.isSigned ? storeAs<std::int16_t>(out, samples[i])
                            : storeAs<std::uint16_t>(out, samples[i]);
    }
    return buffer;
}

PixelFormat makeFormat(int bits, int bitsStored, bool isSigned, int samplesPerPixel = 1,
                       Photometric photometric = Photometric::Monochrome2)
{
    PixelFormat format;
    format.rows = 4;
    format.columns = 4;
    format.samplesPerPixel = samplesPerPixel;
    format.bitsAllocated = bits;
    format.bitsStored = bitsStored;
    format.highBit = bitsStored - 1;
    format.isSigned = isSigned;
    format.photometric = photometric;
    return format;
}

// An instance with one FrameInfo per (slope, intercept) pair.
InstanceInfo makeInstance(const PixelFormat& format, const QList<QPointF>& rescales,
                          const QString& modality, const QString& rescaleType, QPointF spacing,
                          bool calibrated)
{
    InstanceInfo instance;
    instance.hasPixelData = true;
    instance.format = format;
    instance.series.modality = modality;
    for (const QPointF& r : rescales) {
        FrameInfo frame;
        frame.rescale = Rescale{r.x(), r.y(), rescaleType};
        frame.plane.columnSpacing = spacing.x();
        frame.plane.rowSpacing = spacing.y();
        frame.plane.spacingSource = calibrated ? SpacingSource::PixelSpacing : SpacingSource::None;
        instance.frames.push_back(frame);
    }
    instance.numberOfFrames = static_cast<int>(instance.frames.size());
    return instance;
}

Samples ramp(qint64 start, qint64 step, int count = 16)
{
    Samples samples;
    for (int i = 0; i < count; ++i)
        samples << start + step * i;
    return samples;
}

QString errorText(const auto& result)
{
    return result ? QString() : result.error().toString();
}

} // namespace

class TestRoi : public QObject
{
    Q_OBJECT

private slots:
    void measureRoi_syntheticFrame_matchesHandComputedStatistics_data();
    void measureRoi_syntheticFrame_matchesHandComputedStatistics();
    void measureRoi_paddingPixels_areLeftOut();
    void measureRoi_invalidInput_failsWithItsCode();
    void probe_monochrome_givesStoredModalityAndPatientPosition_data();
    void probe_monochrome_givesStoredModalityAndPatientPosition();
    void probe_outsideImage_fails_data();
    void probe_outsideImage_fails();
    void probe_planeWithoutPosition_hasNoPatientPosition();
    void probe_colour_givesDisplayedRgb_data();
    void probe_colour_givesDisplayedRgb();
};

void TestRoi::measureRoi_syntheticFrame_matchesHandComputedStatistics_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("bitsStored");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<Samples>("samples"); // row-major, 16 per frame
    QTest::addColumn<QList<QPointF>>("rescales");
    QTest::addColumn<QString>("modality");
    QTest::addColumn<QString>("rescaleType");
    QTest::addColumn<QPointF>("spacing"); // column, row
    QTest::addColumn<bool>("calibrated");
    QTest::addColumn<int>("frame");
    QTest::addColumn<int>("shape");
    QTest::addColumn<QPointF>("corner1");
    QTest::addColumn<QPointF>("corner2");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("areaPixels");
    QTest::addColumn<double>("areaMm2");
    QTest::addColumn<QString>("unit");

    const int rect = int(MeasurementKind::Rectangle);
    const int ellipse = int(MeasurementKind::Ellipse);

    // Stored 1000 + 10 i; centres (1.5|2.5, 1.5|2.5): 1050 1060 1090 1100 -> 26 36 66 76 HU.
    QTest::newRow("unsigned 12-bit CT, rectangle")
        << 16 << 12 << false << ramp(1000, 10) << QList<QPointF>{{1, -1024}} << "CT"
        << "HU" << QPointF(0.5, 0.8) << true << 0 << rect << QPointF(1, 1) << QPointF(3, 3) << 4
        << 51.0 << std::sqrt(425.0) << 26.0 << 76.0 << 4.0 << 1.6 << "HU";
    QTest::newRow("corners in any order")
        << 16 << 12 << false << ramp(1000, 10) << QList<QPointF>{{1, -1024}} << "CT"
        << "" << QPointF(0.5, 0.8) << true << 0 << rect << QPointF(3, 1) << QPointF(1, 3) << 4
        << 51.0 << std::sqrt(425.0) << 26.0 << 76.0 << 4.0 << 1.6 << "HU";
    // Stored -3 i, value 2 s + 10; the circle of radius 2 holds all but the 4 corner centres.
    // Indices 1 2 4..11 13 14: mean index 7.5 -> -35; variance 36 * 9 * 187/12 / 9 = 561.
    QTest::newRow("signed 16-bit, ellipse, slope 2")
        << 16 << 16 << true << ramp(0, -3) << QList<QPointF>{{2, 10}} << "MR"
        << "" << QPointF(1, 1) << true << 0 << ellipse << QPointF(0, 0) << QPointF(4, 4) << 12
        << -35.0 << std::sqrt(561.0) << -74.0 << 4.0 << 4 * std::numbers::pi << 4 * std::numbers::pi
        << "";
    // Centres with x <= 2 and y <= 1: indices 0 and 1. Area of the shape, not of the image.
    QTest::newRow("8-bit, rectangle clipped to the image, no spacing")
        << 8 << 8 << false << ramp(0, 1) << QList<QPointF>{{1, 0}} << "OT"
        << "" << QPointF(1, 1) << false << 0 << rect << QPointF(-10, -10) << QPointF(2, 1) << 2
        << 0.5 << 0.5 << 0.0 << 1.0 << 132.0 << 0.0 << "";
    // Centres on the border count: x in {0.5, 1.5, 2.5}, y in {0.5, 1.5}: 0 1 2 4 5 6.
    QTest::newRow("8-bit, centres on the border are inside")
        << 8 << 8 << false << ramp(0, 1) << QList<QPointF>{{1, 0}} << "OT"
        << "" << QPointF(1, 1) << false << 0 << rect << QPointF(0.5, 0.5) << QPointF(2.5, 1.5) << 6
        << 3.0 << std::sqrt(28.0 / 6.0) << 0.0 << 6.0 << 2.0 << 0.0 << "";
    // First row holds 12-bit patterns 0x0FFF 0x0800 0x07FF and 0xF001 (junk above bit 11):
    // -1 -2048 2047 1.
    QTest::newRow("signed 12-bit, bits above Bits Stored ignored")
        << 16 << 12 << true << (Samples{0x0FFF, 0x0800, 0x07FF, 0xF001} + Samples(12, 0))
        << QList<QPointF>{{1, 0}} << "MR"
        << "US" << QPointF(1, 1) << false << 0 << rect << QPointF(0, 0) << QPointF(4, 1) << 4
        << -0.25 << std::sqrt(2096128.6875) << -2048.0 << 2047.0 << 4.0 << 0.0 << "";
    // Frame 1 stores 100 + i with its own rescale 0.5 s - 20: 100 101 104 105 -> 30 30.5 32
    // 32.5.
    QTest::newRow("per-frame rescale, second frame")
        << 16 << 16 << false << (ramp(0, 1) + ramp(100, 1)) << QList<QPointF>{{1, 0}, {0.5, -20}}
        << "CT"
        << "" << QPointF(2, 3) << true << 1 << rect << QPointF(0, 0) << QPointF(2, 2) << 4 << 31.25
        << std::sqrt(1.0625) << 30.0 << 32.5 << 4.0 << 24.0 << "HU";
    // One shared rescale for both frames: 2 s - 5 -> 195 197 203 205.
    QTest::newRow("shared rescale, second frame")
        << 16 << 16 << false << (ramp(0, 1) + ramp(100, 1)) << QList<QPointF>{{2, -5}} << "PT"
        << "BQML" << QPointF(1, 1) << true << 1 << rect << QPointF(0, 0) << QPointF(2, 2) << 4
        << 200.0 << std::sqrt(17.0) << 195.0 << 205.0 << 4.0 << 4.0 << "BQML";
    QTest::newRow("ellipse outside the image")
        << 16 << 16 << false << ramp(0, 1) << QList<QPointF>{{1, 0}} << "CT"
        << "" << QPointF(1, 1) << true << 0 << ellipse << QPointF(10, 10) << QPointF(12, 12) << 0
        << 0.0 << 0.0 << 0.0 << 0.0 << std::numbers::pi << std::numbers::pi << "HU";
}

void TestRoi::measureRoi_syntheticFrame_matchesHandComputedStatistics()
{
    QFETCH(int, bits);
    QFETCH(int, bitsStored);
    QFETCH(bool, isSigned);
    QFETCH(Samples, samples);
    QFETCH(QList<QPointF>, rescales);
    QFETCH(QString, modality);
    QFETCH(QString, rescaleType);
    QFETCH(QPointF, spacing);
    QFETCH(bool, calibrated);
    QFETCH(int, frame);
    QFETCH(int, shape);
    QFETCH(QPointF, corner1);
    QFETCH(QPointF, corner2);

    const PixelFormat format = makeFormat(bits, bitsStored, isSigned);
    const InstanceInfo instance =
        makeInstance(format, rescales, modality, rescaleType, spacing, calibrated);
    const auto result = measureRoi(instance, makeBuffer(format, samples), frame,
                                   MeasurementKind(shape), corner1, corner2);
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));

    QTEST(result->pixelCount, "count");
    QTEST(result->mean, "mean");
    QTEST(result->standardDeviation, "sd");
    QTEST(result->minimum, "minimum");
    QTEST(result->maximum, "maximum");
    QTEST(result->areaPixels, "areaPixels");
    QTEST(result->areaMm2, "areaMm2");
    QTEST(result->calibrated, "calibrated");
    QTEST(result->unit, "unit");
}

void TestRoi::measureRoi_paddingPixels_areLeftOut()
{
    // Signed CT with identity rescale and Pixel Padding Value -2000 across the first row.
    const PixelFormat format = makeFormat(16, 16, true);
    InstanceInfo instance = makeInstance(format, {{1, 0}}, "CT", "", {1, 1}, true);
    instance.padding = PixelPadding{-2000, std::nullopt};
    const Samples samples = Samples(4, -2000) + Samples{10, 20, 30, 40} + Samples(8, 25);
    const auto result = measureRoi(instance, makeBuffer(format, samples), 0,
                                   MeasurementKind::Rectangle, {0, 0}, {4, 4});
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));
    // 10 20 30 40 and eight 25: mean 25, squares 225 25 25 225 -> SD sqrt(500/12).
    QCOMPARE(result->pixelCount, 12);
    QCOMPARE(result->mean, 25.0);
    QCOMPARE(result->standardDeviation, std::sqrt(500.0 / 12.0));
    QCOMPARE(result->minimum, 10.0);
    QCOMPARE(result->maximum, 40.0);
}

void TestRoi::measureRoi_invalidInput_failsWithItsCode()
{
    const PixelFormat grey = makeFormat(16, 16, false);
    const InstanceInfo instance = makeInstance(grey, {{1, 0}}, "CT", "", {1, 1}, true);
    const PixelBuffer buffer = makeBuffer(grey, ramp(0, 1));

    const auto outOfRange =
        measureRoi(instance, buffer, 1, MeasurementKind::Rectangle, {0, 0}, {2, 2});
    QVERIFY(!outOfRange);
    QCOMPARE(outOfRange.error().code, ErrorCode::FrameOutOfRange);

    const auto notArea = measureRoi(instance, buffer, 0, MeasurementKind::Length, {0, 0}, {2, 2});
    QVERIFY(!notArea);
    QCOMPARE(notArea.error().code, ErrorCode::Malformed);

    const auto empty =
        measureRoi(instance, PixelBuffer(), 0, MeasurementKind::Ellipse, {0, 0}, {2, 2});
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::NoPixelData);

    const PixelFormat rgb = makeFormat(8, 8, false, 3, Photometric::Rgb);
    const auto colour =
        measureRoi(makeInstance(rgb, {{1, 0}}, "XC", "", {1, 1}, true),
                   makeBuffer(rgb, ramp(0, 1, 48)), 0, MeasurementKind::Ellipse, {0, 0}, {2, 2});
    QVERIFY(!colour);
    QCOMPARE(colour.error().code, ErrorCode::UnsupportedPixelFormat);
}

void TestRoi::probe_monochrome_givesStoredModalityAndPatientPosition_data()
{
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("row");
    QTest::addColumn<double>("stored");
    QTest::addColumn<double>("value");
    QTest::addColumn<Vec3>("patient");

    // Stored -3 (4 r + c), value 2 s + 10; position (10, 20, 30), columns along +y at 0.5 mm,
    // rows along -z at 2 mm: patient (10, 20 + 0.5 c, 30 - 2 r).
    QTest::newRow("inside a pixel")
        << QPointF(2.7, 1.2) << 2 << 1 << -18.0 << -26.0 << Vec3{10, 21, 28};
    QTest::newRow("first pixel corner")
        << QPointF(0, 0) << 0 << 0 << 0.0 << 10.0 << Vec3{10, 20, 30};
    QTest::newRow("last pixel") << QPointF(3.999, 3.999) << 3 << 3 << -45.0 << -80.0
                                << Vec3{10, 21.5, 24};
}

void TestRoi::probe_monochrome_givesStoredModalityAndPatientPosition()
{
    QFETCH(QPointF, point);
    QFETCH(Vec3, patient);

    const PixelFormat format = makeFormat(16, 16, true);
    InstanceInfo instance = makeInstance(format, {{2, 10}}, "CT", "HU", {0.5, 2.0}, true);
    ImagePlane& plane = instance.frames.front().plane;
    plane.position = {10, 20, 30};
    plane.rowDirection = {0, 1, 0};
    plane.columnDirection = {0, 0, -1};
    plane.hasPosition = plane.hasOrientation = true;

    const auto result = probe(instance, makeBuffer(format, ramp(0, -3)), 0, point);
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));
    QTEST(result->column, "column");
    QTEST(result->row, "row");
    QTEST(result->stored, "stored");
    QTEST(result->value, "value");
    QCOMPARE(result->unit, QStringLiteral("HU"));
    QVERIFY(!result->isColour);
    QVERIFY(result->patient.has_value());
    QCOMPARE(result->patient->x, patient.x);
    QCOMPARE(result->patient->y, patient.y);
    QCOMPARE(result->patient->z, patient.z);
}

void TestRoi::probe_outsideImage_fails_data()
{
    QTest::addColumn<QPointF>("point");
    QTest::newRow("left") << QPointF(-0.01, 1);
    QTest::newRow("right edge") << QPointF(4, 1);
    QTest::newRow("below") << QPointF(1, 4);
    QTest::newRow("above") << QPointF(1, -3);
}

void TestRoi::probe_outsideImage_fails()
{
    QFETCH(QPointF, point);
    const PixelFormat format = makeFormat(16, 16, false);
    const auto result = probe(makeInstance(format, {{1, 0}}, "CT", "", {1, 1}, true),
                              makeBuffer(format, ramp(0, 1)), 0, point);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::FrameOutOfRange);
}

void TestRoi::probe_planeWithoutPosition_hasNoPatientPosition()
{
    const PixelFormat format = makeFormat(8, 8, false);
    const auto result = probe(makeInstance(format, {{1, 0}}, "OT", "", {1, 1}, false),
                              makeBuffer(format, ramp(0, 1)), 0, {1.5, 2.5});
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));
    QCOMPARE(result->stored, 9.0);
    QVERIFY(!result->patient.has_value());
    QCOMPARE(result->unit, QString());
}

void TestRoi::probe_colour_givesDisplayedRgb_data()
{
    QTest::addColumn<int>("photometric");
    QTest::addColumn<QList<int>>("pixel"); // the three stored samples at (1, 2)
    QTest::addColumn<QList<int>>("rgb");

    QTest::newRow("RGB") << int(Photometric::Rgb) << QList<int>{12, 200, 99}
                         << QList<int>{12, 200, 99};
    // PS3.3 C.7.6.3.1.2 by hand: Y 76, Cb 85, Cr 255 -> R 76 + 1.402*127 = 254.05,
    // G 76 + 0.344*43 - 0.714*127 = -0.9 -> 0, B 76 - 1.772*43 = -0.2 -> 0.
    QTest::newRow("YBR_FULL") << int(Photometric::YbrFull) << QList<int>{76, 85, 255}
                              << QList<int>{254, 0, 0};
}

void TestRoi::probe_colour_givesDisplayedRgb()
{
    QFETCH(int, photometric);
    QFETCH(QList<int>, pixel);
    QFETCH(QList<int>, rgb);

    const PixelFormat format = makeFormat(8, 8, false, 3, Photometric(photometric));
    Samples samples(48, 0);
    for (int s = 0; s < 3; ++s)
        samples[(2 * 4 + 1) * 3 + s] = pixel[s];
    const auto result = probe(makeInstance(format, {{1, 0}}, "XC", "", {1, 1}, false),
                              makeBuffer(format, samples), 0, {1.5, 2.5});
    QVERIFY2(result.has_value(), qPrintable(errorText(result)));
    QVERIFY(result->isColour);
    QCOMPARE(result->rgb[0], rgb[0]);
    QCOMPARE(result->rgb[1], rgb[1]);
    QCOMPARE(result->rgb[2], rgb[2]);
    QCOMPARE(result->stored, double(pixel[0]));
}

QTEST_GUILESS_MAIN(TestRoi)
#include "tst_roi.moc"
