// 3D rendering through the offscreen API (VTK's X render window under Xvfb, Mesa llvmpipe):
// volume rendering, MIP and isosurfaces of the generated CT phantom and of synthetic volumes,
// checked against projections and maxima computed here from the manifest and the raw voxels.

#include "render/volumerender.h"
#include "volumetestdata.h"

#include <QApplication>
#include <QFile>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <numbers>

using namespace fenestra::viewer;
using namespace fenestra::viewer::testdata;

namespace {

const QString kShots = QStringLiteral("/tmp/fen/shots");

bool isBackground(QRgb pixel)
{
    return qRed(pixel) < 8 && qGreen(pixel) < 8 && qBlue(pixel) < 8;
}

int countForeground(const QImage& image, const QRect& area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += isBackground(image.pixel(x, y)) ? 0 : 1;
    return count;
}

void saveShot(const QImage& image, const QString& name)
{
    QDir().mkpath(kShots);
    image.save(QDir(kShots).filePath(name));
}

// The anterior orthographic view of renderVolumeOffscreen at zoom 1: the volume centre in the
// middle, the bounding sphere of the voxel centres filling the height, patient +x to the right
// and +z up. Computed here from the geometry, independently of the renderer.
struct AnteriorProjection
{
    Vec3 centre;
    double pixelsPerMm = 1.0;
    QSize size;

    AnteriorProjection(const Volume& v, QSize imageSize) : size(imageSize)
    {
        centre = v.patientPosition((v.columns() - 1) / 2.0, (v.rows() - 1) / 2.0,
                                   (v.slices() - 1) / 2.0);
        double radius = 0.0;
        for (int c = 0; c < 8; ++c) {
            const Vec3 p =
                v.patientPosition((c & 1) ? v.columns() - 1 : 0, (c & 2) ? v.rows() - 1 : 0,
                                  (c & 4) ? v.slices() - 1 : 0);
            radius = std::max(radius, (p - centre).length());
        }
        pixelsPerMm = size.height() / (2.0 * radius);
    }
    QPointF toScreen(Vec3 p) const
    {
        return {size.width() / 2.0 + (p.x - centre.x) * pixelsPerMm,
                size.height() / 2.0 - (p.z - centre.z) * pixelsPerMm};
    }
    // Patient x and z of the centre of pixel (column, row).
    std::pair<double, double> toPatient(int column, int row) const
    {
        return {centre.x + (column + 0.5 - size.width() / 2.0) / pixelsPerMm,
                centre.z - (row + 0.5 - size.height() / 2.0) / pixelsPerMm};
    }
};

double modality(const Volume& v, int i, int j, int k)
{
    return v.storedValue(i, j, k) * v.rescale().slope + v.rescale().intercept;
}

struct Blob
{
    int count = 0;
    QPointF centroid;
    QRectF bounds;
};

Blob foregroundBlob(const QImage& image, const QRect& area)
{
    Blob blob;
    double sx = 0;
    double sy = 0;
    int left = area.right(), right = area.left(), top = area.bottom(), bottom = area.top();
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            if (isBackground(image.pixel(x, y)))
                continue;
            ++blob.count;
            sx += x + 0.5;
            sy += y + 0.5;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    if (blob.count > 0) {
        blob.centroid = {sx / blob.count, sy / blob.count};
        blob.bounds = QRectF(QPointF(left, top), QPointF(right + 1, bottom + 1));
    }
    return blob;
}

} // namespace

class TestVolumeScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isSoftwareOpenGlRenderer_namesSoftwareRasterisers_data();
    void isSoftwareOpenGlRenderer_namesSoftwareRasterisers();
    void offscreen_onLlvmpipe_choosesCpuRayCaster();
    void bonePreset_showsDenseSphereAtItsProjectedPositionAndSize();
    void softTissuePreset_showsWaterCylinderSilhouette();
    void mip_pixelEqualsMaximumAlongItsRay();
    void isosurfaceRendering_showsDenseSphereAndBone();
    void interactiveQuality_stillShowsTheVolume();
    void gpuMapperForced_rendersTheSameSphere();
    void unknownPreset_fails();
    void withoutDisplay_failsInsteadOfAborting();
    void exportIsosurfaceStl_ofSmoothSphere_enclosesItsVolumeInPatientSpace();
    void exportIsosurfaceStl_ascii_writesSolid();
    void exportIsosurfaceStl_withoutSurface_fails();

private:
    std::shared_ptr<Volume> m_phantom;
    QJsonObject m_series;
};

void TestVolumeScene::initTestCase()
{
    m_series = ctSeries();
    m_phantom = loadPhantom();
    QVERIFY(m_phantom);
}

void TestVolumeScene::isSoftwareOpenGlRenderer_namesSoftwareRasterisers_data()
{
    QTest::addColumn<QString>("renderer");
    QTest::addColumn<bool>("software");
    QTest::newRow("llvmpipe") << "llvmpipe (LLVM 15.0.6, 256 bits)" << true;
    QTest::newRow("softpipe") << "softpipe" << true;
    QTest::newRow("swr") << "SWR (LLVM 12.0.0, 256 bits)" << true;
    QTest::newRow("windows") << "GDI Generic Software Rasterizer" << true;
    QTest::newRow("nvidia") << "NVIDIA GeForce RTX 3060/PCIe/SSE2" << false;
    QTest::newRow("intel") << "Mesa Intel(R) UHD Graphics 620 (KBL GT2)" << false;
    QTest::newRow("amd") << "AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6)" << false;
}

void TestVolumeScene::isSoftwareOpenGlRenderer_namesSoftwareRasterisers()
{
    QFETCH(QString, renderer);
    QFETCH(bool, software);
    QCOMPARE(isSoftwareOpenGlRenderer(renderer), software);
}

void TestVolumeScene::offscreen_onLlvmpipe_choosesCpuRayCaster()
{
    OffscreenVolumeRenderer renderer(m_phantom);
    VolumeRenderOptions options;
    options.size = QSize(64, 64);
    auto image = renderer.render(options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    QVERIFY2(renderer.openGlRenderer().contains(QLatin1String("llvmpipe")),
             qPrintable(renderer.openGlRenderer()));
    QCOMPARE(renderer.mapperKind(), VolumeMapperKind::CpuRayCast);
}

void TestVolumeScene::bonePreset_showsDenseSphereAtItsProjectedPositionAndSize()
{
    VolumeRenderOptions options; // anterior, ct-bone, 512 x 512
    auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    saveShot(*image, QStringLiteral("volume-ct-bone.png"));
    QCOMPARE(image->size(), QSize(512, 512));

    const AnteriorProjection projection(*m_phantom, image->size());
    const QJsonObject dense = sphere(m_series, QStringLiteral("sphere_dense"));
    const Vec3 centre = vec3(dense["centre"]);
    const double radius = dense["radius"].toDouble();
    const QPointF expected = projection.toScreen(centre);
    // Search a square twice the sphere's size: nothing else of the phantom projects there
    // with the bone preset (water and soft tissue are transparent, bone is at x = 45..75 mm).
    const double half = 2.0 * radius * projection.pixelsPerMm;
    const QRect area = QRectF(expected.x() - half, expected.y() - half, 2 * half, 2 * half)
                           .toAlignedRect()
                           .intersected(image->rect());
    const Blob blob = foregroundBlob(*image, area);
    QVERIFY2(blob.count > 0, "the dense sphere is not visible");
    const double tolerance = 0.5 * 5.0 * projection.pixelsPerMm; // half a voxel
    QVERIFY2(std::abs(blob.centroid.x() - expected.x()) < tolerance &&
                 std::abs(blob.centroid.y() - expected.y()) < tolerance,
             qPrintable(QStringLiteral("centroid (%1, %2), expected (%3, %4)")
                            .arg(blob.centroid.x())
                            .arg(blob.centroid.y())
                            .arg(expected.x())
                            .arg(expected.y())));
    // Diameter within a voxel (5 mm across, 7.5 mm along z) of 2r.
    const double width = blob.bounds.width() / projection.pixelsPerMm;
    const double height = blob.bounds.height() / projection.pixelsPerMm;
    QVERIFY2(std::abs(width - 2 * radius) <= 5.0, qPrintable(QString::number(width)));
    QVERIFY2(std::abs(height - 2 * radius) <= 7.5, qPrintable(QString::number(height)));
    // Round: the disc fills about pi/4 of its bounding box.
    const double fill = blob.count / (blob.bounds.width() * blob.bounds.height());
    QVERIFY2(fill > 0.6 && fill < 0.95, qPrintable(QString::number(fill)));

    // The bone cylinder (x = 45..75 mm, z = -140..140 mm) is there too.
    const QPointF boneTop = projection.toScreen({60.0, 0.0, 100.0});
    QVERIFY(!isBackground(image->pixel(boneTop.toPoint())));
    const QPointF water = projection.toScreen({-80.0, 0.0, -100.0}); // water only: transparent
    QVERIFY(isBackground(image->pixel(water.toPoint())));
}

void TestVolumeScene::softTissuePreset_showsWaterCylinderSilhouette()
{
    VolumeRenderOptions options;
    options.preset = QStringLiteral("ct-soft-tissue");
    auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    saveShot(*image, QStringLiteral("volume-ct-soft-tissue.png"));
    const AnteriorProjection projection(*m_phantom, image->size());
    // The water cylinder (radius 100 mm, z = -140..140 mm) covers its projected rectangle.
    const QRect inside =
        QRectF(projection.toScreen({-90, 0, 130}), projection.toScreen({90, 0, -130}))
            .toAlignedRect();
    QVERIFY(countForeground(*image, inside) > 0.98 * inside.width() * inside.height());
    // Outside the cylinder (left and right of it) there is only air: background.
    const QRect left =
        QRectF(projection.toScreen({-150, 0, 130}), projection.toScreen({-110, 0, -130}))
            .toAlignedRect();
    QCOMPARE(countForeground(*image, left), 0);
    // The soft sphere (100 HU) and the bone show through the water: the view is not uniform.
    const QPoint soft = projection.toScreen({-50, 0, 0}).toPoint();
    const QPoint water = projection.toScreen({-50, 0, -100}).toPoint();
    QVERIFY2(image->pixel(soft) != image->pixel(water), "the soft sphere does not show");
}

void TestVolumeScene::mip_pixelEqualsMaximumAlongItsRay()
{
    VolumeRenderOptions options;
    options.mode = VolumeRenderMode::Mip;
    auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    saveShot(*image, QStringLiteral("volume-mip.png"));
    const Volume& v = *m_phantom;
    // The grey ramp of the MIP: black at the volume's lowest value, white at its highest.
    double low = 1e9, high = -1e9;
    for (int k = 0; k < v.slices(); ++k)
        for (int j = 0; j < v.rows(); ++j)
            for (int i = 0; i < v.columns(); ++i) {
                low = std::min(low, modality(v, i, j, k));
                high = std::max(high, modality(v, i, j, k));
            }
    // The anterior view looks along +y, the volume's j axis (rows): each pixel's ray runs
    // along one (i, k) column of voxels. Where the 2x2 columns around the ray reach the same
    // maximum at two neighbouring j, interpolation cannot blur it: the pixel must show it.
    const auto columnMax = [&](int i, int k) {
        double m = -1e9;
        for (int j = 0; j < v.rows(); ++j)
            m = std::max(m, modality(v, i, j, k));
        return m;
    };
    const auto sharedPlateau = [&](int i0, int k0, double m) {
        for (int j = 0; j + 1 < v.rows(); ++j) {
            bool all = true;
            for (int c = 0; c < 8 && all; ++c)
                all = modality(v, i0 + (c & 1), j + ((c >> 2) & 1), k0 + ((c >> 1) & 1)) == m;
            if (all)
                return true;
        }
        return false;
    };
    const AnteriorProjection projection(v, image->size());
    int checked = 0;
    int worst = 0;
    QSet<double> maximaSeen;
    for (int row = 0; row < image->height(); row += 3) {
        for (int column = 0; column < image->width(); column += 3) {
            const auto [x, z] = projection.toPatient(column, row);
            const double fi = (x - v.origin().x) / v.columnSpacing();
            const double fk = (z - v.origin().z) / v.sliceSpacing();
            const int i0 = static_cast<int>(std::floor(fi));
            const int k0 = static_cast<int>(std::floor(fk));
            if (i0 < 0 || k0 < 0 || i0 + 1 >= v.columns() || k0 + 1 >= v.slices())
                continue;
            const double m = columnMax(i0, k0);
            if (columnMax(i0 + 1, k0) != m || columnMax(i0, k0 + 1) != m ||
                columnMax(i0 + 1, k0 + 1) != m || !sharedPlateau(i0, k0, m))
                continue;
            const int expected = static_cast<int>(std::lround(255.0 * (m - low) / (high - low)));
            const QRgb pixel = image->pixel(column, row);
            const int error =
                std::max({std::abs(qRed(pixel) - expected), std::abs(qGreen(pixel) - expected),
                          std::abs(qBlue(pixel) - expected)});
            worst = std::max(worst, error);
            ++checked;
            maximaSeen.insert(m);
        }
    }
    QVERIFY2(worst <= 3, qPrintable(QStringLiteral("worst grey error %1").arg(worst)));
    QVERIFY2(checked > 5000, qPrintable(QString::number(checked)));
    // Rays through air only, water, the soft sphere and bone were all checked (the markers are
    // one slice thick: interpolation blurs them along z).
    for (double hu : {-1000.0, 0.0, 100.0, 1000.0})
        QVERIFY2(maximaSeen.contains(hu), qPrintable(QString::number(hu)));
}

void TestVolumeScene::isosurfaceRendering_showsDenseSphereAndBone()
{
    VolumeRenderOptions options;
    options.mode = VolumeRenderMode::Isosurface;
    options.isoValueHu = 200; // between water (0) and the dense sphere (300)
    auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    saveShot(*image, QStringLiteral("volume-isosurface.png"));
    const AnteriorProjection projection(*m_phantom, image->size());
    const QJsonObject dense = sphere(m_series, QStringLiteral("sphere_dense"));
    const QPointF expected = projection.toScreen(vec3(dense["centre"]));
    const double half = 2.0 * dense["radius"].toDouble() * projection.pixelsPerMm;
    const QRect area =
        QRectF(expected.x() - half, expected.y() - half, 2 * half, 2 * half).toAlignedRect();
    const Blob blob = foregroundBlob(*image, area);
    QVERIFY(blob.count > 0);
    const double tolerance = 0.5 * 5.0 * projection.pixelsPerMm;
    QVERIFY(std::abs(blob.centroid.x() - expected.x()) < tolerance);
    QVERIFY(std::abs(blob.centroid.y() - expected.y()) < tolerance);
    // Shaded: the sphere's rim is darker than its middle (light from the camera).
    const QRgb middle = image->pixel(expected.toPoint());
    const QRgb rim = image->pixel(
        QPoint(static_cast<int>(blob.bounds.left()) + 1, static_cast<int>(expected.y())));
    QVERIFY2(qGray(middle) > qGray(rim) + 20,
             qPrintable(QStringLiteral("%1 %2").arg(qGray(middle)).arg(qGray(rim))));
    QVERIFY(!isBackground(image->pixel(projection.toScreen({60.0, 0.0, 100.0}).toPoint())));
}

void TestVolumeScene::interactiveQuality_stillShowsTheVolume()
{
    VolumeRenderOptions options;
    options.interactiveQuality = true;
    options.azimuthDeg = 30;
    options.elevationDeg = 20;
    auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY2(image.has_value(), image ? "" : qPrintable(image.error().toString()));
    saveShot(*image, QStringLiteral("volume-ct-bone-interactive.png"));
    QVERIFY(countForeground(*image, image->rect()) > 2000);
}

void TestVolumeScene::gpuMapperForced_rendersTheSameSphere()
{
    // The GPU ray caster runs on llvmpipe too (slowly): it must show the same picture.
    OffscreenVolumeRenderer renderer(m_phantom);
    VolumeRenderOptions options;
    options.size = QSize(256, 256);
    options.mapper = VolumeMapperKind::Gpu;
    auto gpu = renderer.render(options);
    QVERIFY2(gpu.has_value(), gpu ? "" : qPrintable(gpu.error().toString()));
    QCOMPARE(renderer.mapperKind(), VolumeMapperKind::Gpu);
    saveShot(*gpu, QStringLiteral("volume-ct-bone-gpu-mapper.png"));
    options.mapper = VolumeMapperKind::CpuRayCast;
    auto cpu = renderer.render(options);
    QVERIFY(cpu.has_value());
    const AnteriorProjection projection(*m_phantom, options.size);
    const QPointF sphereCentre = projection.toScreen({0.0, -50.0, 45.0});
    QVERIFY(!isBackground(gpu->pixel(sphereCentre.toPoint())));
    const int a = countForeground(*gpu, gpu->rect());
    const int b = countForeground(*cpu, cpu->rect());
    QVERIFY2(std::abs(a - b) < 0.1 * b, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
}

void TestVolumeScene::unknownPreset_fails()
{
    VolumeRenderOptions options;
    options.preset = QStringLiteral("no-such-preset");
    const auto image = renderVolumeOffscreen(m_phantom, options);
    QVERIFY(!image.has_value());
    QCOMPARE(image.error().code, ErrorCode::InvalidArgument);
    QVERIFY(image.error().detail.contains(QLatin1String("no-such-preset")));
}

void TestVolumeScene::withoutDisplay_failsInsteadOfAborting()
{
    const QByteArray display = qgetenv("DISPLAY");
    qunsetenv("DISPLAY");
    const auto image = renderVolumeOffscreen(m_phantom, VolumeRenderOptions{});
    qputenv("DISPLAY", display);
    QVERIFY(!image.has_value());
    QCOMPARE(image.error().code, ErrorCode::RenderFailed);
    QVERIFY(image.error().detail.contains(QLatin1String("no X display")));
}

void TestVolumeScene::exportIsosurfaceStl_ofSmoothSphere_enclosesItsVolumeInPatientSpace()
{
    // An oblique, anisotropic grid with a non-trivial rescale, holding a sphere whose edge is
    // a linear ramp (partial volume): HU = 0 exactly at radius r.
    SyntheticGeometry g;
    g.columns = 40;
    g.rows = 44;
    g.slices = 30;
    g.columnSpacing = 0.8;
    g.rowSpacing = 0.7;
    g.sliceSpacing = 1.1;
    g.origin = {-20.0, 5.0, 30.0};
    const double a = 0.3;
    g.rowDirection = {std::cos(a), std::sin(a), 0.0};
    g.columnDirection = {0.0, 0.0, -1.0};
    g.rescale = {2.0, -1000.0, QStringLiteral("HU")};
    const double r = 9.0;
    const Vec3 normal = g.rowDirection.cross(g.columnDirection);
    const auto position = [&](int i, int j, int k) {
        return g.origin + g.rowDirection * (i * g.columnSpacing) +
               g.columnDirection * (j * g.rowSpacing) + normal * (k * g.sliceSpacing);
    };
    const Vec3 c = position(20, 22, 15) + Vec3{0.3, -0.2, 0.25};
    auto volume = makeVolume(g, [&](int i, int j, int k) {
        const double d = (position(i, j, k) - c).length();
        const double hu = std::clamp((r - d) * 500.0, -1000.0, 1000.0);
        return static_cast<qint16>(std::lround((hu + 1000.0) / 2.0));
    });
    const QString path = QDir::temp().filePath(QStringLiteral("fenestra-sphere.stl"));
    auto stats = exportIsosurfaceStl(*volume, 0.0, path);
    QVERIFY2(stats.has_value(), stats ? "" : qPrintable(stats.error().toString()));
    const double expectedVolume = 4.0 / 3.0 * std::numbers::pi * r * r * r;
    const double expectedArea = 4.0 * std::numbers::pi * r * r;
    QVERIFY2(std::abs(stats->enclosedVolumeMm3 / expectedVolume - 1.0) < 0.02,
             qPrintable(QString::number(stats->enclosedVolumeMm3)));
    QVERIFY2(std::abs(stats->areaMm2 / expectedArea - 1.0) < 0.03,
             qPrintable(QString::number(stats->areaMm2)));

    // Binary STL: 80-byte header, little-endian triangle count, 50 bytes per triangle whose
    // vertices lie on the sphere in patient coordinates.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() >= 84);
    const quint32 count = qFromLittleEndian<quint32>(bytes.constData() + 80);
    QCOMPARE(static_cast<qint64>(count), stats->triangles);
    QCOMPARE(bytes.size(), 84 + 50 * static_cast<qsizetype>(count));
    double worst = 0.0;
    for (quint32 t = 0; t < count; ++t) {
        const char* record = bytes.constData() + 84 + 50 * t;
        for (int vertex = 0; vertex < 3; ++vertex) {
            const char* p = record + 12 + 12 * vertex;
            const Vec3 point{qFromLittleEndian<float>(p), qFromLittleEndian<float>(p + 4),
                             qFromLittleEndian<float>(p + 8)};
            worst = std::max(worst, std::abs((point - c).length() - r));
        }
    }
    QVERIFY2(worst < 0.1, qPrintable(QString::number(worst)));
    QFile::remove(path);
}

void TestVolumeScene::exportIsosurfaceStl_ascii_writesSolid()
{
    const QString path = QDir::temp().filePath(QStringLiteral("fenestra-phantom.stl"));
    auto stats = exportIsosurfaceStl(*m_phantom, 500.0, path, false);
    QVERIFY2(stats.has_value(), stats ? "" : qPrintable(stats.error().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("solid"));
    QCOMPARE(text.count("facet normal"), stats->triangles);
    // The bone cylinder (r 15 mm, 280 mm long) and the two markers: about 2 pi r h of area.
    const double boneArea = 2 * std::numbers::pi * 15.0 * 280.0;
    QVERIFY2(stats->areaMm2 > 0.8 * boneArea && stats->areaMm2 < 1.4 * boneArea,
             qPrintable(QString::number(stats->areaMm2)));
    QFile::remove(path);
}

void TestVolumeScene::exportIsosurfaceStl_withoutSurface_fails()
{
    const QString path = QDir::temp().filePath(QStringLiteral("fenestra-none.stl"));
    auto stats = exportIsosurfaceStl(*m_phantom, 5000.0, path);
    QVERIFY(!stats.has_value());
    QCOMPARE(stats.error().code, ErrorCode::GeometryMismatch);
    QVERIFY(!QFile::exists(path));
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    TestVolumeScene test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_volumescene.moc"
