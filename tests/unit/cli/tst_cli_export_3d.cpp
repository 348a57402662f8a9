// `fenestra export --3d ...` and `--stl`: 3D views and isosurface meshes of the CT phantom,
// checked against the voxels of the files (decoded here, positioned by the manifest) and the
// phantom description. Needs an X display (run under xvfb-run): the renderer draws through GLX.

#include "clirunner.h"
#include "phantomgeometry.h"

#include "dicom/dicomreader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <vector>

using namespace fenestra::test;

namespace {

// The CT series' modality values (HU), voxel (i, j, k) at i + size0 * (j + size1 * k), decoded
// file by file and stacked by the manifest's z.
struct PhantomVoxels
{
    std::array<int, 3> size{0, 0, 0};
    std::vector<double> hu;

    double at(int i, int j, int k) const
    {
        return hu[static_cast<std::size_t>(i + size[0] * (j + size[1] * k))];
    }
};

PhantomVoxels readPhantomVoxels(const QJsonObject& series)
{
    const PhantomGrid grid(series[key("geometry")].toObject());
    const QJsonObject rescale = series[key("rescale")].toObject();
    const double slope = rescale[key("slope")].toDouble();
    const double intercept = rescale[key("intercept")].toDouble();
    PhantomVoxels v;
    v.size = grid.size;
    v.hu.assign(static_cast<std::size_t>(grid.size[0]) * grid.size[1] * grid.size[2], 0.0);
    const QDir folder(testDataPath(series[key("directory")].toString()));
    for (const QJsonValue& instance : series[key("instances")].toArray()) {
        const int k =
            int(std::lround((instance[key("z")].toDouble() - grid.origin[2]) / grid.spacing[2]));
        const auto pixels =
            fenestra::viewer::decodeDicomPixels(fenestra::viewer::DicomSource::fromFile(
                folder.filePath(instance[key("file")].toString())));
        if (!pixels || k < 0 || k >= grid.size[2] || pixels->format().bitsAllocated != 16)
            return {};
        const auto* raw = reinterpret_cast<const quint16*>(pixels->frame(0).data());
        const bool isSigned = pixels->format().isSigned;
        for (int n = 0; n < grid.size[0] * grid.size[1]; ++n) {
            const double stored = isSigned ? double(qint16(raw[n])) : double(raw[n]);
            v.hu[static_cast<std::size_t>(n + grid.size[0] * grid.size[1] * k)] =
                stored * slope + intercept;
        }
    }
    return v;
}

// A run of the binary with DISPLAY removed from its environment.
CliRun runFenestraWithoutDisplay(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(key("LC_ALL"), key("C"));
    environment.insert(key("LANG"), key("C"));
    environment.remove(key("LANGUAGE"));
    environment.remove(key("DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FENESTRA_CLI_BINARY), arguments);
    CliRun run;
    if (!process.waitForFinished(120000))
        return run;
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Copies a rendering where a person can look at it (under /tmp/fen/shots when it exists).
void keepScreenshot(const QString& file, const QString& name)
{
    const QDir shots(QStringLiteral("/tmp/fen/shots"));
    if (shots.exists()) {
        QFile::remove(shots.filePath(name));
        QFile::copy(file, shots.filePath(name));
    }
}

int nonBlackPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qGray(image.pixel(x, y)) > 8 ? 1 : 0;
    return count;
}

// Pixel (column, row) of patient point `p` in the anterior orthographic view of the volume:
// the documented camera (centre of the voxel grid in the middle, the bounding sphere of the
// voxel centres filling the height, patient left to the right, superior up).
QPointF anteriorPixel(const PhantomGrid& grid, QSize size, P3 p)
{
    const auto [low, high] = std::pair{
        grid.voxel(0, 0, 0), grid.voxel(grid.size[0] - 1, grid.size[1] - 1, grid.size[2] - 1)};
    const P3 half = (high - low) * 0.5;
    const double radius = std::sqrt(dot(half, half));
    const double mmPerPixel = 2 * radius / size.height();
    const P3 d = p - grid.centre();
    return {size.width() / 2.0 + d[0] / mmPerPixel - 0.5,
            size.height() / 2.0 - d[2] / mmPerPixel - 0.5};
}

} // namespace

class TestCliExport3d : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void export3dMip_anteriorView_pixelEqualsMaximumAlongItsRay();
    void export3dVr_presets_notBlankAndShowBoneRod_data();
    void export3dVr_presets_notBlankAndShowBoneRod();
    void export3dSurface_boneIso_showsRodButNotSoftSphere();
    void exportStl_waterIso_writesBinaryStlBoundedByWaterCylinder();
    void export3d_badOption_exitsOneWithMessage_data();
    void export3d_badOption_exitsOneWithMessage();
    void export3d_withoutDisplay_exitsOneWithMessage();
    void export3d_ultrasoundCine_isNotAVolumeAndExitsOne();

private:
    QStringList ctArguments() const;

    QJsonObject m_manifest;
    QJsonObject m_series;
    QTemporaryDir m_outDir;
};

QStringList TestCliExport3d::ctArguments() const
{
    return {key("export"), testDataPath(key("ct")), key("--series"),
            m_series[key("series_instance_uid")].toString()};
}

void TestCliExport3d::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(FENESTRA_CLI_BINARY)), FENESTRA_CLI_BINARY);
    QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "needs an X display: run under xvfb-run");
    m_manifest = loadManifest();
    QVERIFY2(m_manifest[key("complete")].toBool(), "manifest.json missing or incomplete");
    m_series = manifestSeries(m_manifest, "ct");
    QVERIFY(m_outDir.isValid());
}

// The MIP's grey is the "mip" ramp: black at the volume's lowest value, white at its highest.
// Checked on every ray along a voxel column (anterior view: rays along +y) whose value cannot
// depend on interpolation: the 3x3 columns around it share their maximum, reached together
// on two consecutive rows of voxels.
void TestCliExport3d::export3dMip_anteriorView_pixelEqualsMaximumAlongItsRay()
{
    const PhantomGrid grid(m_series[key("geometry")].toObject());
    QCOMPARE(grid.axes[1], (P3{0, 1, 0})); // the test's rays run along the voxel rows
    const PhantomVoxels voxels = readPhantomVoxels(m_series);
    QVERIFY(!voxels.hu.empty());
    const auto [lowest, highest] = std::minmax_element(voxels.hu.begin(), voxels.hu.end());
    QVERIFY(*highest > *lowest);

    const QString out = m_outDir.filePath(key("mip.png"));
    const CliRun run = runFenestra(ctArguments() << key("--3d") << key("mip") << key("--size")
                                                 << key("256x256") << key("--out") << out);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    keepScreenshot(out, key("cli-3d-mip.png"));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(256, 256));

    int checked = 0;
    QSet<int> greys;
    for (int k = 1; k + 1 < grid.size[2]; ++k) {
        for (int i = 1; i + 1 < grid.size[0]; ++i) {
            double maximum = -1e9;
            for (int j = 0; j < grid.size[1]; ++j)
                maximum = std::max(maximum, voxels.at(i, j, k));
            bool stable = false;
            for (int j = 0; j + 1 < grid.size[1] && !stable; ++j) {
                stable = true;
                for (int dk = -1; dk <= 1; ++dk)
                    for (int di = -1; di <= 1; ++di)
                        stable = stable && voxels.at(i + di, j, k + dk) == maximum &&
                                 voxels.at(i + di, j + 1, k + dk) == maximum;
            }
            for (int dk = -1; dk <= 1 && stable; ++dk)
                for (int di = -1; di <= 1 && stable; ++di)
                    for (int j = 0; j < grid.size[1] && stable; ++j)
                        stable = voxels.at(i + di, j, k + dk) <= maximum;
            if (!stable)
                continue;
            const QPointF at = anteriorPixel(grid, image.size(), grid.voxel(i, 0, k));
            const QPoint pixel(int(std::lround(at.x())), int(std::lround(at.y())));
            const double expected = 255.0 * (maximum - *lowest) / (*highest - *lowest);
            const int grey = qGray(image.pixel(pixel));
            QVERIFY2(std::abs(grey - expected) <= 2.0,
                     qPrintable(QStringLiteral("voxel column (%1, %2): maximum %3 HU, grey %4 at "
                                               "(%5,%6), expected %7")
                                    .arg(i)
                                    .arg(k)
                                    .arg(maximum)
                                    .arg(grey)
                                    .arg(pixel.x())
                                    .arg(pixel.y())
                                    .arg(expected)));
            ++checked;
            greys.insert(grey);
        }
    }
    // Water, the soft and dense spheres and the bone rod: many rays, several maxima.
    QVERIFY2(checked > 500, qPrintable(QString::number(checked)));
    QVERIFY2(greys.size() >= 3, qPrintable(QString::number(greys.size())));
}

void TestCliExport3d::export3dVr_presets_notBlankAndShowBoneRod_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("ct-bone") << key("ct-bone");
    QTest::newRow("ct-soft-tissue") << key("ct-soft-tissue");
    QTest::newRow("ct-vessels") << key("ct-vessels");
}

// Volume renderings: the bone rod (1000 HU) shows in every CT preset; the air outside the
// phantom stays black.
void TestCliExport3d::export3dVr_presets_notBlankAndShowBoneRod()
{
    QFETCH(QString, preset);
    const QString out = m_outDir.filePath(QStringLiteral("vr-%1.png").arg(preset));
    const CliRun run = runFenestra(
        ctArguments() << key("--3d") << key("vr") << key("--preset") << preset << key("--azimuth")
                      << key("20") << key("--elevation") << key("10") << key("--out") << out);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    keepScreenshot(out, QStringLiteral("cli-3d-vr-%1.png").arg(preset));
    const QImage image(out);
    QCOMPARE(image.size(), QSize(512, 512));
    QVERIFY2(nonBlackPixels(image) > image.width() * image.height() / 50,
             qPrintable(QString::number(nonBlackPixels(image))));
    // Straight from the front (no rotation), the rod's axis at mid-height.
    const QString front = m_outDir.filePath(QStringLiteral("vr-front-%1.png").arg(preset));
    const CliRun frontRun = runFenestra(ctArguments() << key("--3d") << key("vr") << key("--preset")
                                                      << preset << key("--out") << front);
    QVERIFY2(frontRun.exitCode == 0, qPrintable(frontRun.err));
    const QImage frontImage(front);
    const PhantomGrid grid(m_series[key("geometry")].toObject());
    const QJsonObject rod = namedObject(m_series[key("phantom")][key("regions")].toArray(), "bone");
    const QJsonArray rodXy = rod[key("centre_xy")].toArray();
    const QPointF rodPixel =
        anteriorPixel(grid, frontImage.size(), {rodXy[0].toDouble(), rodXy[1].toDouble(), 0.0});
    QVERIFY(qGray(frontImage.pixel(rodPixel.toPoint())) > 40);
    // Beyond the volume's corner, where no ray meets the volume.
    QCOMPARE(frontImage.pixel(2, 2), qRgb(0, 0, 0));
}

// The surface at 500 HU wraps the bone rod (1000 HU) and the markers, not the soft sphere
// (100 HU) or the water.
void TestCliExport3d::export3dSurface_boneIso_showsRodButNotSoftSphere()
{
    const QString out = m_outDir.filePath(key("surface.png"));
    const CliRun run = runFenestra(ctArguments() << key("--3d") << key("surface") << key("--iso")
                                                 << key("500") << key("--out") << out);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    keepScreenshot(out, key("cli-3d-surface.png"));
    const QImage image(out);
    const PhantomGrid grid(m_series[key("geometry")].toObject());
    const QJsonObject phantom = m_series[key("phantom")].toObject();
    const QJsonArray rodXy =
        namedObject(phantom[key("regions")].toArray(), "bone")[key("centre_xy")].toArray();
    const P3 soft =
        toP3(namedObject(phantom[key("spheres")].toArray(), "sphere_soft")[key("centre")]);
    const QPoint rodPixel =
        anteriorPixel(grid, image.size(), {rodXy[0].toDouble(), rodXy[1].toDouble(), 0.0})
            .toPoint();
    const QPoint softPixel = anteriorPixel(grid, image.size(), soft).toPoint();
    QVERIFY2(qGray(image.pixel(rodPixel)) > 40,
             qPrintable(QString::number(qGray(image.pixel(rodPixel)))));
    QCOMPARE(qGray(image.pixel(softPixel)), 0);
}

// The surface at -600 HU is the water cylinder's (everything inside is denser): its bounding
// box lies, on each side, between the outermost voxel centre inside the cylinder and the next
// one outside.
void TestCliExport3d::exportStl_waterIso_writesBinaryStlBoundedByWaterCylinder()
{
    const QString stl = m_outDir.filePath(key("water.stl"));
    const CliRun run =
        runFenestra(ctArguments() << key("--stl") << stl << key("--iso") << key("-600"));
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(stl);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() >= 84);
    const quint32 triangles = qFromLittleEndian<quint32>(bytes.constData() + 80);
    QVERIFY(triangles > 0);
    QCOMPARE(qint64(bytes.size()), 84 + 50 * qint64(triangles));
    QVERIFY2(run.out.contains(QStringLiteral("%1 triangles").arg(triangles)), qPrintable(run.out));
    P3 low{1e9, 1e9, 1e9};
    P3 high{-1e9, -1e9, -1e9};
    for (quint32 t = 0; t < triangles; ++t) {
        const char* record = bytes.constData() + 84 + 50 * qint64(t);
        for (int vertex = 1; vertex <= 3; ++vertex)
            for (int a = 0; a < 3; ++a) {
                const float c = qFromLittleEndian<float>(record + 12 * vertex + 4 * a);
                low[a] = std::min(low[a], double(c));
                high[a] = std::max(high[a], double(c));
            }
    }
    const PhantomGrid grid(m_series[key("geometry")].toObject());
    const QJsonObject water =
        namedObject(m_series[key("phantom")][key("regions")].toArray(), "water");
    const QJsonArray xy = water[key("centre_xy")].toArray();
    const QJsonArray zRange = water[key("z_range")].toArray();
    const double radius = water[key("radius")].toDouble();
    P3 insideLow{1e9, 1e9, 1e9};
    P3 insideHigh{-1e9, -1e9, -1e9};
    for (int k = 0; k < grid.size[2]; ++k)
        for (int j = 0; j < grid.size[1]; ++j)
            for (int i = 0; i < grid.size[0]; ++i) {
                const P3 p = grid.voxel(i, j, k);
                const double dx = p[0] - xy[0].toDouble();
                const double dy = p[1] - xy[1].toDouble();
                if (dx * dx + dy * dy > radius * radius || p[2] < zRange[0].toDouble() ||
                    p[2] > zRange[1].toDouble())
                    continue;
                for (int a = 0; a < 3; ++a) {
                    insideLow[a] = std::min(insideLow[a], p[a]);
                    insideHigh[a] = std::max(insideHigh[a], p[a]);
                }
            }
    for (int a = 0; a < 3; ++a) {
        const double step = grid.spacing[a] + 1e-3;
        QVERIFY2(low[a] <= insideLow[a] + 1e-3 && low[a] >= insideLow[a] - step &&
                     high[a] >= insideHigh[a] - 1e-3 && high[a] <= insideHigh[a] + step,
                 qPrintable(QStringLiteral("axis %1: mesh %2..%3, voxels inside %4..%5")
                                .arg(a)
                                .arg(low[a])
                                .arg(high[a])
                                .arg(insideLow[a])
                                .arg(insideHigh[a])));
    }
}

void TestCliExport3d::export3d_badOption_exitsOneWithMessage_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString out = key("--out");
    const QString png = key("unused.png");
    const QString view = key("--3d");
    QTest::newRow("unknown mode") << QStringList{view, key("xray"), out, png}
                                  << key("unknown 3D mode 'xray' (vr, mip, minip or surface)");
    QTest::newRow("preset without 3d")
        << QStringList{key("--preset"), key("ct-bone"), out, png} << key("--preset needs --3d");
    QTest::newRow("preset with mip")
        << QStringList{view, key("mip"), key("--preset"), key("ct-bone"), out, png}
        << key("--preset needs --3d vr");
    QTest::newRow("iso with vr") << QStringList{view, key("vr"), key("--iso"), key("300"), out, png}
                                 << key("--iso needs --3d surface or --stl");
    QTest::newRow("iso not a number")
        << QStringList{view, key("surface"), key("--iso"), key("bone"), out, png}
        << key("--iso needs a value in HU, not 'bone'");
    QTest::newRow("bad size") << QStringList{view, key("vr"), key("--size"), key("512"), out, png}
                              << key("--size needs WIDTHxHEIGHT in pixels (1..8192), not '512'");
    QTest::newRow("huge size")
        << QStringList{view, key("vr"), key("--size"), key("51200x512"), out, png}
        << key("--size needs WIDTHxHEIGHT in pixels (1..8192), not '51200x512'");
    QTest::newRow("zero zoom") << QStringList{view, key("vr"), key("--zoom"), key("0"), out, png}
                               << key("--zoom needs a positive factor, not '0'");
    QTest::newRow("azimuth not a number")
        << QStringList{view, key("vr"), key("--azimuth"), key("left"), out, png}
        << key("--azimuth needs an angle in degrees, not 'left'");
    QTest::newRow("3d with plane")
        << QStringList{view, key("vr"), key("--plane"), key("axial"), out, png}
        << key("--plane does not go with --3d or --stl");
    QTest::newRow("3d with window")
        << QStringList{view, key("mip"), key("--window"), key("40,400"), out, png}
        << key("--window does not go with --3d or --stl");
    QTest::newRow("3d and stl") << QStringList{view,         key("surface"),
                                               key("--stl"), key("a.stl"),
                                               out,          png}
                                << key("--3d and --stl exclude each other");
    QTest::newRow("stl with out") << QStringList{key("--stl"), key("a.stl"), out, png}
                                  << key("--stl writes the mesh to its own file; leave out --out");
    QTest::newRow("unknown preset")
        << QStringList{view, key("vr"), key("--preset"), key("ct-lungs"), out, png}
        << key("unknown preset 'ct-lungs' (ct-bone, ct-soft-tissue, ct-vessels, mr-default, mip)");
}

void TestCliExport3d::export3d_badOption_exitsOneWithMessage()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QDir::setCurrent(m_outDir.path());
    const CliRun run = runFenestra(ctArguments() + options);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(key("fenestra export: ") + message + QLatin1Char('\n')),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(m_outDir.filePath(key("unused.png"))));
    QVERIFY(!QFile::exists(m_outDir.filePath(key("a.stl"))));
}

void TestCliExport3d::export3d_withoutDisplay_exitsOneWithMessage()
{
    const QString out = m_outDir.filePath(key("nodisplay.png"));
    const CliRun run =
        runFenestraWithoutDisplay(ctArguments() << key("--3d") << key("vr") << key("--out") << out);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.section(QLatin1Char('\n'), 0, 0),
             key("fenestra export: --3d needs an X display (DISPLAY is not set); run it under "
                 "xvfb-run on a machine without one"));
    QVERIFY(!QFile::exists(out));
    // The mesh needs no display.
    const QString stl = m_outDir.filePath(key("nodisplay.stl"));
    const CliRun mesh = runFenestraWithoutDisplay(ctArguments() << key("--stl") << stl);
    QVERIFY2(mesh.exitCode == 0, qPrintable(mesh.err));
    QVERIFY(QFileInfo(stl).size() > 84);
}

void TestCliExport3d::export3d_ultrasoundCine_isNotAVolumeAndExitsOne()
{
    const QJsonObject series = manifestSeries(m_manifest, "us");
    const QString uid = series[key("series_instance_uid")].toString();
    const QString out = m_outDir.filePath(key("us-3d.png"));
    const CliRun run = runFenestra({key("export"), testDataPath(key("us")), key("--series"), uid,
                                    key("--3d"), key("mip"), key("--out"), out});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("fenestra export: series %1 is not a volume (it needs "
                                     "parallel, evenly spaced slices); it has no 3D view\n")
                          .arg(uid));
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestCliExport3d)
#include "tst_cli_export_3d.moc"
