// Length and angle measurements, and the JSON persistence of measurement lists.

#include "view/measurement.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::SpacingSource)

namespace {

ImagePlane planeWithSpacing(double columnSpacing, double rowSpacing, SpacingSource source)
{
    ImagePlane plane;
    plane.columnSpacing = columnSpacing;
    plane.rowSpacing = rowSpacing;
    plane.spacingSource = source;
    return plane;
}

Measurement make(MeasurementKind kind, std::vector<QPointF> points, QString text = {},
                 int frame = 0)
{
    return {QUuid::createUuid(), kind,           QStringLiteral("1.2.3.4.5"), frame,
            std::move(points),   std::move(text)};
}

// A valid list as JSON text, with `replace` substituted for `what` (to break one field).
QByteArray validJsonWith(const QByteArray& what, const QByteArray& replace)
{
    QByteArray json = R"({"version": 1, "measurements": [{"id": "6a1e3a36-4d0f-4b7e-9a55-)"
                      R"(0b2c6f9a1e01", "kind": "length", "sopInstanceUid": "1.2.3", )"
                      R"("frame": 2, "points": [[1, 2], [3.5, 4]], "text": ""}]})";
    if (!what.isEmpty()) {
        if (!json.contains(what))
            qFatal("test data: %s not in the JSON", what.constData());
        json.replace(what, replace);
    }
    return json;
}

} // namespace

class TestMeasurement : public QObject
{
    Q_OBJECT

private slots:
    void measureLength_spacing_givesMillimetresAndPixels_data();
    void measureLength_spacing_givesMillimetresAndPixels();
    void measureAngle_threePoints_givesDegreesAtVertex_data();
    void measureAngle_threePoints_givesDegreesAtVertex();
    void measureAngle_nonSquarePixels_usesMillimetres();
    void pointCount_eachKind_matchesTheModel();
    void json_everyKindAndField_roundTripsExactly();
    void json_emptyList_roundTrips();
    void json_malformedOrUnknownVersion_isRejected_data();
    void json_malformedOrUnknownVersion_isRejected();
};

void TestMeasurement::measureLength_spacing_givesMillimetresAndPixels_data()
{
    QTest::addColumn<SpacingSource>("source");
    QTest::addColumn<double>("columnSpacing");
    QTest::addColumn<double>("rowSpacing");
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("b");
    QTest::addColumn<double>("pixels");
    QTest::addColumn<double>("millimetres");
    QTest::addColumn<bool>("calibrated");
    QTest::addColumn<bool>("imager");

    // 3 columns at 0.5 mm and 4 rows at 0.8 mm: sqrt(1.5^2 + 3.2^2) = sqrt(12.49).
    QTest::newRow("pixel spacing, non-square")
        << SpacingSource::PixelSpacing << 0.5 << 0.8 << QPointF(1, 1) << QPointF(4, 5) << 5.0
        << std::sqrt(12.49) << true << false;
    QTest::newRow("pixel spacing, along a row")
        << SpacingSource::PixelSpacing << 5.0 << 5.0 << QPointF(27.5, 20.5) << QPointF(37.5, 20.5)
        << 10.0 << 50.0 << true << false;
    QTest::newRow("imager pixel spacing")
        << SpacingSource::ImagerPixelSpacing << 0.2 << 0.2 << QPointF(0, 0) << QPointF(0, 250)
        << 250.0 << 50.0 << true << true;
    QTest::newRow("no spacing: pixels only") << SpacingSource::None << 1.0 << 1.0 << QPointF(0, 0)
                                             << QPointF(6, 8) << 10.0 << 0.0 << false << false;
    QTest::newRow("zero length") << SpacingSource::PixelSpacing << 0.7 << 0.7 << QPointF(3, 3)
                                 << QPointF(3, 3) << 0.0 << 0.0 << true << false;
}

void TestMeasurement::measureLength_spacing_givesMillimetresAndPixels()
{
    QFETCH(SpacingSource, source);
    QFETCH(double, columnSpacing);
    QFETCH(double, rowSpacing);
    QFETCH(QPointF, a);
    QFETCH(QPointF, b);
    QFETCH(double, pixels);
    QFETCH(double, millimetres);
    QFETCH(bool, calibrated);
    QFETCH(bool, imager);

    const LengthResult result =
        measureLength(planeWithSpacing(columnSpacing, rowSpacing, source), a, b);
    QCOMPARE(result.pixels, pixels);
    QVERIFY2(std::abs(result.millimetres - millimetres) < 1e-12,
             qPrintable(QString::number(result.millimetres, 'g', 17)));
    QCOMPARE(result.calibrated, calibrated);
    QCOMPARE(result.fromImagerPixelSpacing, imager);
}

void TestMeasurement::measureAngle_threePoints_givesDegreesAtVertex_data()
{
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("vertex");
    QTest::addColumn<QPointF>("c");
    QTest::addColumn<double>("degrees");

    QTest::newRow("right angle") << QPointF(10, 0) << QPointF(0, 0) << QPointF(0, 5) << 90.0;
    QTest::newRow("45 degrees") << QPointF(2, 0) << QPointF(0, 0) << QPointF(3, 3) << 45.0;
    QTest::newRow("135 degrees, vertex elsewhere")
        << QPointF(11, 5) << QPointF(10, 5) << QPointF(9, 4) << 135.0;
    QTest::newRow("straight") << QPointF(-4, 1) << QPointF(0, 1) << QPointF(7, 1) << 180.0;
    QTest::newRow("same ray") << QPointF(2, 2) << QPointF(0, 0) << QPointF(5, 5) << 0.0;
    QTest::newRow("60 degrees") << QPointF(1, 0) << QPointF(0, 0)
                                << QPointF(0.5, std::sqrt(3.0) / 2) << 60.0;
    QTest::newRow("degenerate ray") << QPointF(0, 0) << QPointF(0, 0) << QPointF(1, 0) << 0.0;
}

void TestMeasurement::measureAngle_threePoints_givesDegreesAtVertex()
{
    QFETCH(QPointF, a);
    QFETCH(QPointF, vertex);
    QFETCH(QPointF, c);
    QFETCH(double, degrees);

    QVERIFY(std::abs(measureAngleDegrees(a, vertex, c) - degrees) < 1e-9);
    QVERIFY(std::abs(measureAngleDegrees(c, vertex, a) - degrees) < 1e-9);
}

void TestMeasurement::measureAngle_nonSquarePixels_usesMillimetres()
{
    // One column (1 mm) against one column and one row (2 mm): atan(2/1).
    const ImagePlane plane = planeWithSpacing(1.0, 2.0, SpacingSource::PixelSpacing);
    const double expected = std::atan(2.0) * 180.0 / std::numbers::pi;
    QVERIFY(std::abs(measureAngleDegrees(plane, {1, 0}, {0, 0}, {1, 1}) - expected) < 1e-9);
    QVERIFY(std::abs(measureAngleDegrees({1, 0}, {0, 0}, {1, 1}) - 45.0) < 1e-9);
}

void TestMeasurement::pointCount_eachKind_matchesTheModel()
{
    QCOMPARE(measurementPointCount(MeasurementKind::Length), 2);
    QCOMPARE(measurementPointCount(MeasurementKind::Angle), 3);
    QCOMPARE(measurementPointCount(MeasurementKind::Ellipse), 2);
    QCOMPARE(measurementPointCount(MeasurementKind::Rectangle), 2);
    QCOMPARE(measurementPointCount(MeasurementKind::Probe), 1);
    QCOMPARE(measurementPointCount(MeasurementKind::Text), 1);
    QCOMPARE(measurementPointCount(MeasurementKind::Arrow), 2);
}

void TestMeasurement::json_everyKindAndField_roundTripsExactly()
{
    const std::vector<Measurement> list{
        make(MeasurementKind::Length, {{0.1, 0.2}, {63.999999999, 1e-7}}),
        make(MeasurementKind::Angle, {{1, 2}, {3, 4}, {-5.5, 6.25}}, {}, 3),
        make(MeasurementKind::Ellipse, {{10.125, 11}, {20, 22.5}}),
        make(MeasurementKind::Rectangle, {{-1, -2}, {1e6, 2.0 / 3.0}}, {}, 17),
        make(MeasurementKind::Probe, {{5.5, 6.5}}),
        make(MeasurementKind::Text, {{7, 8}}, QStringLiteral("Läsion \"a\"\n2. Zeile €")),
        make(MeasurementKind::Arrow, {{0, 0}, {9, 9}}, QStringLiteral("tip"), 1)};

    const auto back = measurementsFromJson(measurementsToJson(list));
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->size(), list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Measurement& m = (*back)[i];
        QCOMPARE(m.id, list[i].id);
        QCOMPARE(int(m.kind), int(list[i].kind));
        QCOMPARE(m.sopInstanceUid, list[i].sopInstanceUid);
        QCOMPARE(m.frame, list[i].frame);
        QCOMPARE(m.text, list[i].text);
        QCOMPARE(m.points.size(), list[i].points.size());
        for (std::size_t p = 0; p < m.points.size(); ++p) {
            // Exact: the writer uses the shortest representation that reads back the same.
            QVERIFY(m.points[p].x() == list[i].points[p].x());
            QVERIFY(m.points[p].y() == list[i].points[p].y());
        }
        QVERIFY(m == list[i]);
    }
}

void TestMeasurement::json_emptyList_roundTrips()
{
    const auto back = measurementsFromJson(measurementsToJson({}));
    QVERIFY(back.has_value());
    QVERIFY(back->empty());
}

void TestMeasurement::json_malformedOrUnknownVersion_isRejected_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("not JSON") << QByteArray("{\"version\": 1, ");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array at the top") << QByteArray("[]");
    QTest::newRow("version 2") << validJsonWith(R"("version": 1)", R"("version": 2)");
    QTest::newRow("version as text") << validJsonWith(R"("version": 1)", R"("version": "1")");
    QTest::newRow("no version") << validJsonWith(R"("version": 1, )", "");
    QTest::newRow("measurements not a list") << QByteArray(R"({"version": 1, "measurements": {}})");
    QTest::newRow("measurement not an object")
        << QByteArray(R"({"version": 1, "measurements": [42]})");
    QTest::newRow("unknown kind") << validJsonWith(R"("length")", R"("volume")");
    QTest::newRow("too few points") << validJsonWith(R"([[1, 2], [3.5, 4]])", R"([[1, 2]])");
    QTest::newRow("point not numbers")
        << validJsonWith(R"([[1, 2], [3.5, 4]])", R"([[1, 2], ["3.5", 4]])");
    QTest::newRow("point with three values")
        << validJsonWith(R"([[1, 2], [3.5, 4]])", R"([[1, 2], [3.5, 4, 5]])");
    QTest::newRow("invalid id") << validJsonWith("6a1e3a36-", "zz");
    QTest::newRow("negative frame") << validJsonWith(R"("frame": 2)", R"("frame": -1)");
    QTest::newRow("fractional frame") << validJsonWith(R"("frame": 2)", R"("frame": 2.5)");
    QTest::newRow("no text") << validJsonWith(R"(, "text": "")", "");
    QTest::newRow("no UID") << validJsonWith(R"("sopInstanceUid": "1.2.3", )", "");
}

void TestMeasurement::json_malformedOrUnknownVersion_isRejected()
{
    QFETCH(QByteArray, json);

    // The unbroken document is accepted, so each row fails for its own change only.
    const auto valid = measurementsFromJson(validJsonWith({}, {}));
    QVERIFY(valid.has_value());
    QCOMPARE(valid->size(), std::size_t(1));
    QCOMPARE(valid->front().frame, 2);

    const auto result = measurementsFromJson(json);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Malformed);
}

QTEST_GUILESS_MAIN(TestMeasurement)
#include "tst_measurement.moc"
