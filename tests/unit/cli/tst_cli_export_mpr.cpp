#include "clirunner.h"
#include "tst_cli.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QTest>

#include <array>
#include <cmath>

using namespace fenestra::test;

// `fenestra export --plane ...`: reformats of the CT phantom's volume, checked against the
// phantom description of the manifest rather than against the reslicer's own arithmetic.

namespace {

using P3 = std::array<double, 3>;

P3 operator+(P3 a, P3 b)
{
    return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
P3 operator-(P3 a, P3 b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
P3 operator*(P3 a, double s)
{
    return {a[0] * s, a[1] * s, a[2] * s};
}
double dot(P3 a, P3 b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
P3 cross(P3 a, P3 b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
P3 toP3(const QJsonArray& a)
{
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

// The CT volume as the manifest describes it: slices ascend along the normal.
struct VolumeGeometry
{
    P3 origin;
    std::array<P3, 3> axes; // row direction, column direction, normal
    std::array<int, 3> size;
    std::array<double, 3> spacing; // along the axes

    explicit VolumeGeometry(const QJsonObject& g)
    {
        const QJsonArray o = g[key("orientation")].toArray();
        origin = toP3(g[key("origin")].toArray());
        axes[0] = {o[0].toDouble(), o[1].toDouble(), o[2].toDouble()};
        axes[1] = {o[3].toDouble(), o[4].toDouble(), o[5].toDouble()};
        axes[2] = cross(axes[0], axes[1]);
        size = {g[key("columns")].toInt(), g[key("rows")].toInt(), g[key("slices")].toInt()};
        const QJsonArray s = g[key("pixel_spacing")].toArray();
        spacing = {s[1].toDouble(), s[0].toDouble(), g[key("slice_spacing")].toDouble()};
    }
    P3 voxel(double i, double j, double k) const
    {
        return origin + axes[0] * (i * spacing[0]) + axes[1] * (j * spacing[1]) +
               axes[2] * (k * spacing[2]);
    }
    P3 centre() const
    {
        return voxel((size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0);
    }
    // Extent of the voxel centres along a direction, mm.
    double extentAlong(P3 direction) const
    {
        double low = 1e9;
        double high = -1e9;
        for (int corner = 0; corner < 8; ++corner) {
            const double d =
                dot(voxel((corner & 1) ? size[0] - 1 : 0, (corner & 2) ? size[1] - 1 : 0,
                          (corner & 4) ? size[2] - 1 : 0),
                    direction);
            low = std::min(low, d);
            high = std::max(high, d);
        }
        return high - low;
    }
};

// The radiological layouts of the patient planes (row direction, column direction), LPS.
std::pair<P3, P3> planeAxes(const QString& plane)
{
    if (plane == QLatin1String("coronal"))
        return {{1, 0, 0}, {0, 0, -1}};
    if (plane == QLatin1String("sagittal"))
        return {{0, 1, 0}, {0, 0, -1}};
    return {{1, 0, 0}, {0, 1, 0}};
}

// Exports the patient plane `plane` that passes through `through`: the run, the image and the
// pixel that holds `through`.
struct Reformat
{
    CliRun run;
    QImage image;
    QPoint centrePixel;
};

Reformat exportReformat(const QJsonObject& series, const QString& plane, P3 through,
                        const QStringList& extra, const QString& out)
{
    const VolumeGeometry volume(series[key("geometry")].toObject());
    const auto [row, column] = planeAxes(plane);
    const P3 normal = cross(row, column);
    const double offset = dot(through - volume.centre(), normal);
    Reformat r;
    r.run = runFenestra(QStringList{key("export"), testDataPath(key("ct")), key("--series"),
                                    series[key("series_instance_uid")].toString(), key("--plane"),
                                    plane, key("--offset"), QString::number(offset), key("--out"),
                                    out} +
                        extra);
    r.image = QImage(out);
    if (r.image.isNull())
        return r;
    // The plane's pixel spacing is the volume's finest; the image centre is the volume centre
    // moved along the normal.
    const double spacing = std::min({volume.spacing[0], volume.spacing[1], volume.spacing[2]});
    const P3 d = through - volume.centre();
    r.centrePixel =
        QPoint(int(std::lround((r.image.width() - 1) / 2.0 + dot(d, row) / spacing)),
               int(std::lround((r.image.height() - 1) / 2.0 + dot(d, column) / spacing)));
    return r;
}

QJsonObject namedObject(const QJsonArray& array, const char* name)
{
    for (const QJsonValue& v : array)
        if (v[key("name")].toString() == QLatin1String(name))
            return v.toObject();
    return {};
}

} // namespace

void TestCli::exportPlane_throughSoftSphere_greyFollowsWindow_data()
{
    QTest::addColumn<QString>("plane");
    QTest::addColumn<double>("rowMm"); // from the sphere centre, within the plane
    QTest::addColumn<double>("columnMm");
    QTest::addColumn<double>("hu");
    const QJsonObject phantom = manifestSeries(m_manifest, "ct")[key("phantom")].toObject();
    const double sphereHu =
        namedObject(phantom[key("spheres")].toArray(), "sphere_soft")[key("hu")].toDouble();
    const double waterHu =
        namedObject(phantom[key("regions")].toArray(), "water")[key("hu")].toDouble();
    const double airHu = phantom[key("background_hu")].toDouble();
    QVERIFY(sphereHu != waterHu);
    for (const char* plane : {"axial", "coronal", "sagittal"}) {
        // The sphere (radius 20) at its centre; 60 mm along the row the water cylinder (radius
        // 100 around the z axis; the bone rod and the other spheres are farther); 100 mm back
        // on both axes, outside the cylinder, air.
        QTest::addRow("%s sphere_soft", plane) << key(plane) << 0.0 << 0.0 << sphereHu;
        QTest::addRow("%s water", plane) << key(plane) << 60.0 << 0.0 << waterHu;
        QTest::addRow("%s air", plane) << key(plane) << -100.0 << -100.0 << airHu;
    }
}

void TestCli::exportPlane_throughSoftSphere_greyFollowsWindow()
{
    QFETCH(QString, plane);
    QFETCH(double, rowMm);
    QFETCH(double, columnMm);
    QFETCH(double, hu);
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QJsonObject sphere =
        namedObject(series[key("phantom")][key("spheres")].toArray(), "sphere_soft");
    const P3 centre = toP3(sphere[key("centre")].toArray());
    const QString out = m_outDir.filePath(QStringLiteral("mpr-%1.png").arg(plane));
    const Reformat r = exportReformat(series, plane, centre, {key("--window"), key("40,400")}, out);
    QVERIFY(r.run.finished);
    QVERIFY2(r.run.exitCode == 0, qPrintable(r.run.err));
    QVERIFY(!r.image.isNull());
    QVERIFY(r.image.isGrayscale());
    // Large enough for the whole volume at 5 mm.
    const VolumeGeometry volume(series[key("geometry")].toObject());
    const auto [row, column] = planeAxes(plane);
    QVERIFY((r.image.width() - 1) * 5.0 >= volume.extentAlong(row) - 1e-6);
    QVERIFY((r.image.height() - 1) * 5.0 >= volume.extentAlong(column) - 1e-6);
    const QPoint pixel =
        r.centrePixel + QPoint(int(std::lround(rowMm / 5.0)), int(std::lround(columnMm / 5.0)));
    QVERIFY(r.image.rect().contains(pixel));
    const int grey = qGray(r.image.pixel(pixel));
    const double expected = linearWindow(hu, 40, 400);
    QVERIFY2(std::abs(grey - expected) <= 1.0,
             qPrintable(QStringLiteral("grey %1 at (%2,%3), expected %4 for %5 HU")
                            .arg(grey)
                            .arg(pixel.x())
                            .arg(pixel.y())
                            .arg(expected)
                            .arg(hu)));
}

void TestCli::exportAxialSlab_wholeVolume_equalsProjectionOfPhantom_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("hu");
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QJsonObject phantom = series[key("phantom")].toObject();
    const VolumeGeometry volume(series[key("geometry")].toObject());
    const double airHu = phantom[key("background_hu")].toDouble();
    // Each marker (the densest objects) is the maximum of its ray.
    for (const QJsonValue& m : phantom[key("markers")].toArray()) {
        const P3 p = toP3(m[key("position")].toArray());
        QTest::addRow("max at marker %g,%g", p[0], p[1])
            << key("max") << p[0] << p[1] << m[key("hu")].toDouble();
    }
    // sphere_dense lies in water, below it: the sphere is its ray's maximum.
    const QJsonObject dense = namedObject(phantom[key("spheres")].toArray(), "sphere_dense");
    const P3 denseCentre = toP3(dense[key("centre")].toArray());
    QTest::newRow("max at sphere_dense")
        << key("max") << denseCentre[0] << denseCentre[1] << dense[key("hu")].toDouble();
    QTest::newRow("max in air") << key("max") << -150.0 << -150.0 << airHu;
    // The cylinders stop short of the end slices, which hold air: count the slices inside.
    const QJsonArray regions = phantom[key("regions")].toArray();
    for (const char* name : {"water", "bone"}) {
        const QJsonObject region = namedObject(regions, name);
        const QJsonArray zRange = region[key("z_range")].toArray();
        int inside = 0;
        for (int k = 0; k < volume.size[2]; ++k) {
            const double z = volume.voxel(0, 0, k)[2];
            inside += z >= zRange[0].toDouble() && z <= zRange[1].toDouble() ? 1 : 0;
        }
        QVERIFY(inside > 0 && inside < volume.size[2]);
        const QJsonArray xy = region[key("centre_xy")].toArray();
        const double hu = region[key("hu")].toDouble();
        const double mean = (inside * hu + (volume.size[2] - inside) * airHu) / volume.size[2];
        QTest::addRow("min on %s axis", name)
            << key("min") << xy[0].toDouble() << xy[1].toDouble() << airHu;
        QTest::addRow("mean on %s axis", name)
            << key("mean") << xy[0].toDouble() << xy[1].toDouble() << mean;
    }
}

void TestCli::exportAxialSlab_wholeVolume_equalsProjectionOfPhantom()
{
    QFETCH(QString, mode);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, hu);
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const VolumeGeometry volume(series[key("geometry")].toObject());
    // A slab as thick as the volume, centred on it: every slice counts once.
    const double thickness = volume.size[2] * volume.spacing[2];
    const P3 through{x, y, volume.centre()[2]};
    const QString out = m_outDir.filePath(QStringLiteral("slab-%1.png").arg(mode));
    // 500/3000 puts the markers (2000 HU) at the top of the ramp and the rest inside it.
    const Reformat r = exportReformat(series, key("axial"), through,
                                      {key("--slab"), QString::number(thickness),
                                       key("--slab-mode"), mode, key("--window"), key("500,3000")},
                                      out);
    QVERIFY(r.run.finished);
    QVERIFY2(r.run.exitCode == 0, qPrintable(r.run.err));
    QVERIFY(!r.image.isNull());
    QVERIFY(r.image.rect().contains(r.centrePixel));
    const int grey = qGray(r.image.pixel(r.centrePixel));
    const double expected = linearWindow(hu, 500, 3000);
    QVERIFY2(std::abs(grey - expected) <= 1.0,
             qPrintable(QStringLiteral("grey %1 at (%2,%3), expected %4 for %5 HU")
                            .arg(grey)
                            .arg(r.centrePixel.x())
                            .arg(r.centrePixel.y())
                            .arg(expected)
                            .arg(hu)));
}

void TestCli::exportPlane_ultrasoundCine_isNotAVolumeAndExitsOne()
{
    const QJsonObject series = manifestSeries(m_manifest, "us");
    const QString uid = series[key("series_instance_uid")].toString();
    const QString out = m_outDir.filePath(key("us-plane.png"));
    const CliRun run = runFenestra({key("export"), testDataPath(key("us")), key("--series"), uid,
                                    key("--plane"), key("coronal"), key("--out"), out});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("fenestra export: series %1 is not a volume (it needs "
                                     "parallel, evenly spaced slices); --plane cannot reformat "
                                     "it\n")
                          .arg(uid));
    QVERIFY(!QFile::exists(out));
}

void TestCli::exportPlane_badOption_exitsOneWithMessage_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString plane = key("--plane");
    QTest::newRow("unknown plane")
        << QStringList{plane, key("transverse")}
        << key("unknown plane 'transverse' (axial, coronal, sagittal or oblique)");
    QTest::newRow("offset without plane") << QStringList{key("--offset"), key("10")}
                                          << key("--offset, --slab and --slab-mode need --plane");
    QTest::newRow("frame with plane") << QStringList{plane, key("axial"), key("--frame"), key("2")}
                                      << key("--frame and --plane exclude each other");
    QTest::newRow("offset not a number")
        << QStringList{plane, key("axial"), key("--offset"), key("ten")}
        << key("--offset needs a number of mm, not 'ten'");
    QTest::newRow("slab without mode") << QStringList{plane, key("axial"), key("--slab"), key("20")}
                                       << key("--slab and --slab-mode go together");
    QTest::newRow("mode without slab")
        << QStringList{plane, key("axial"), key("--slab-mode"), key("max")}
        << key("--slab and --slab-mode go together");
    QTest::newRow("negative slab") << QStringList{plane,     key("axial"),       key("--slab"),
                                                  key("-5"), key("--slab-mode"), key("max")}
                                   << key("--slab needs a positive thickness in mm, not '-5'");
    QTest::newRow("unknown slab mode") << QStringList{plane,     key("axial"),       key("--slab"),
                                                      key("20"), key("--slab-mode"), key("avg")}
                                       << key("unknown slab mode 'avg' (max, min or mean)");
    // The axial voxel centres reach 146.25 mm either side of the volume centre.
    QTest::newRow("offset beyond the volume")
        << QStringList{plane, key("axial"), key("--offset"), key("150")}
        << key("offset 150 mm is outside the volume (-146.25..146.25 mm)");
}

void TestCli::exportPlane_badOption_exitsOneWithMessage()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QJsonObject series = manifestSeries(m_manifest, "ct");
    const QString out = m_outDir.filePath(key("bad-plane.png"));
    const CliRun run =
        runFenestra(QStringList{key("export"), testDataPath(key("ct")), key("--series"),
                                series[key("series_instance_uid")].toString(), key("--out"), out} +
                    options);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(key("fenestra export: ") + message + QLatin1Char('\n')),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
}
