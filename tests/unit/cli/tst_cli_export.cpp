#include "clirunner.h"
#include "tst_cli.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace fenestra::test;

namespace {

// Column, row and 1-based display-order frame of a patient position in the manifest's axial
// geometry: frames ascend along the normal, pixel_spacing is [row spacing, column spacing].
struct PixelPosition
{
    int column = 0;
    int row = 0;
    int frame = 0;
};

PixelPosition toPixel(const QJsonObject& geometry, const QJsonArray& position)
{
    const QJsonArray origin = geometry[key("origin")].toArray();
    const QJsonArray c = geometry[key("orientation")].toArray();
    const QJsonArray spacing = geometry[key("pixel_spacing")].toArray();
    double d[3];
    for (int a = 0; a < 3; ++a)
        d[a] = position[a].toDouble() - origin[a].toDouble();
    double r[3];
    double col[3];
    for (int a = 0; a < 3; ++a) {
        r[a] = c[a].toDouble();
        col[a] = c[a + 3].toDouble();
    }
    const double n[3] = {r[1] * col[2] - r[2] * col[1], r[2] * col[0] - r[0] * col[2],
                         r[0] * col[1] - r[1] * col[0]};
    auto dot = [&](const double v[3]) { return v[0] * d[0] + v[1] * d[1] + v[2] * d[2]; };
    return {int(std::lround(dot(r) / spacing[1].toDouble())),
            int(std::lround(dot(col) / spacing[0].toDouble())),
            int(std::lround(dot(n) / geometry[key("slice_spacing")].toDouble())) + 1};
}

// Points of the CT phantom whose value the manifest fixes: sphere and marker centres, the
// water and bone cylinders and the air, all on slices that hold them.
QList<std::tuple<QString, QJsonArray, double>> phantomPoints(const QJsonObject& phantom)
{
    QList<std::tuple<QString, QJsonArray, double>> points;
    for (const QJsonValue& s : phantom[key("spheres")].toArray())
        points.append(
            {s[key("name")].toString(), s[key("centre")].toArray(), s[key("hu")].toDouble()});
    for (const QJsonValue& m : phantom[key("markers")].toArray())
        points.append({key("marker"), m[key("position")].toArray(), m[key("hu")].toDouble()});
    // The cylinders on the slice at z = 0 (sphere_soft's slice; no sphere covers their axes).
    for (const QJsonValue& r : phantom[key("regions")].toArray()) {
        const QJsonArray xy = r[key("centre_xy")].toArray();
        points.append(
            {r[key("name")].toString(), QJsonArray{xy[0], xy[1], 0.0}, r[key("hu")].toDouble()});
    }
    points.append(
        {key("air"), QJsonArray{-150.0, -150.0, 0.0}, phantom[key("background_hu")].toDouble()});
    return points;
}

} // namespace

void TestCli::exportCt_window_greyFollowsLinearVoiFunction_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("frame");
    QTest::addColumn<double>("hu");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QJsonObject geometry = series[key("geometry")].toObject();
    const auto points = phantomPoints(series[key("phantom")].toObject());
    QVERIFY(points.size() >= 8);
    // 40/400 is the task's window; 300/2000 leaves every region inside the ramp but air.
    for (const auto& [center, width] : {std::pair{40.0, 400.0}, std::pair{300.0, 2000.0}}) {
        for (const auto& [label, position, hu] : points) {
            const PixelPosition p = toPixel(geometry, position);
            QTest::addRow("%s (%d,%d) frame %d window %g/%g", qPrintable(label), p.column, p.row,
                          p.frame, center, width)
                << p.column << p.row << p.frame << hu << center << width;
        }
    }
}

void TestCli::exportCt_window_greyFollowsLinearVoiFunction()
{
    QFETCH(int, column);
    QFETCH(int, row);
    QFETCH(int, frame);
    QFETCH(double, hu);
    QFETCH(double, center);
    QFETCH(double, width);
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QString out =
        m_outDir.filePath(QStringLiteral("ct-%1-%2-%3.png").arg(frame).arg(center).arg(width));
    const CliRun run = runFenestra(
        {key("export"), testDataPath(key("ct")), key("--series"),
         series[key("series_instance_uid")].toString(), key("--frame"), QString::number(frame),
         key("--window"), QStringLiteral("%1,%2").arg(center).arg(width), key("--out"), out});
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(series[key("geometry")][key("columns")].toInt(),
                                 series[key("geometry")][key("rows")].toInt()));
    QVERIFY(image.isGrayscale());
    const int grey = qGray(image.pixel(column, row));
    const double expected = linearWindow(hu, center, width);
    QVERIFY2(std::abs(grey - expected) <= 1.0,
             qPrintable(
                 QStringLiteral("grey %1, expected %2 for %3 HU").arg(grey).arg(expected).arg(hu)));
}

void TestCli::export_unknownSeries_exitsOneWithMessage()
{
    const QString out = m_outDir.filePath(key("unknown.png"));
    const CliRun run = runFenestra({key("export"), testDataPath(key("ct")), key("--series"),
                                    key("1.2.3.4.5"), key("--out"), out});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, key("fenestra export: no images of series 1.2.3.4.5\n"));
    QVERIFY(!QFile::exists(out));
}

void TestCli::export_frameOutOfRange_exitsOneWithMessage_data()
{
    QTest::addColumn<int>("frame");
    QTest::newRow("zero") << 0;
    QTest::newRow("one past the last") << 41;
    QTest::newRow("negative") << -3;
}

void TestCli::export_frameOutOfRange_exitsOneWithMessage()
{
    QFETCH(int, frame);
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QString out = m_outDir.filePath(key("range.png"));
    const CliRun run = runFenestra({key("export"), testDataPath(key("ct")), key("--series"),
                                    series[key("series_instance_uid")].toString(), key("--frame"),
                                    QString::number(frame), key("--out"), out});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("fenestra export: image %1 out of range 1..%2\n")
                          .arg(frame)
                          .arg(series[key("geometry")][key("slices")].toInt()));
    QVERIFY(!QFile::exists(out));
}

void TestCli::exportUs_cineFrame_keepsDiscColour_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<QPoint>("discCentre");
    const QJsonArray centres =
        manifestSeries(m_manifest, "us")[key("cine")][key("disc")][key("centres_column_row")]
            .toArray();
    QVERIFY(centres.size() >= 3);
    for (const qsizetype f : {qsizetype(0), centres.size() / 2, centres.size() - 1}) {
        const QPoint centre(centres[f][0].toInt(), centres[f][1].toInt());
        QTest::addRow("frame %d", int(f + 1)) << int(f + 1) << centre;
    }
}

void TestCli::exportUs_cineFrame_keepsDiscColour()
{
    QFETCH(int, frame);
    QFETCH(QPoint, discCentre);
    const QJsonObject series = manifestSeries(m_manifest, "us");
    const QJsonObject cine = series[key("cine")].toObject();
    const QString out = m_outDir.filePath(QStringLiteral("us-%1.png").arg(frame));
    const CliRun run = runFenestra({key("export"), testDataPath(key("us")), key("--series"),
                                    series[key("series_instance_uid")].toString(), key("--frame"),
                                    QString::number(frame), key("--out"), out});
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(cine[key("columns")].toInt(), cine[key("rows")].toInt()));
    QVERIFY(!image.isGrayscale());
    const QJsonArray disc = cine[key("disc")][key("rgb")].toArray();
    const QJsonArray background = cine[key("background_rgb")].toArray();
    // Uncompressed RGB through a lossless PNG: the colours come back exactly.
    QCOMPARE(image.pixel(discCentre), qRgb(disc[0].toInt(), disc[1].toInt(), disc[2].toInt()));
    const int radius = cine[key("disc")][key("radius")].toInt();
    const QPoint inside = discCentre + QPoint(radius / 2, 0);
    QCOMPARE(image.pixel(inside), qRgb(disc[0].toInt(), disc[1].toInt(), disc[2].toInt()));
    // The corner farthest from the disc is background.
    const QPoint corner(discCentre.x() < image.width() / 2 ? image.width() - 1 : 0,
                        discCentre.y() < image.height() / 2 ? image.height() - 1 : 0);
    QCOMPARE(image.pixel(corner),
             qRgb(background[0].toInt(), background[1].toInt(), background[2].toInt()));
}

QTEST_GUILESS_MAIN(TestCli)
