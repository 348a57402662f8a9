// MPR geometry: the three linked planes, scrolling, oblique rotations and the frame geometry
// of reformatted slices, on grids built by hand (axis-aligned like the CT phantom, rotated
// oblique, gantry-tilted). Expected rotations are computed here with an axis-angle matrix,
// independently of the library's formula.

#include "view/mprgeometry.h"

#include <QTest>

#include <array>
#include <cmath>
#include <numbers>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::MprAxis)
Q_DECLARE_METATYPE(fenestra::viewer::Vec3)

namespace {

constexpr double kTolerance = 1e-9;

double degrees(double d)
{
    return d * std::numbers::pi / 180.0;
}

// Bounds of a grid of `dims` voxels at `origin` with the given voxel step vectors.
MprBounds grid(Vec3 origin, std::array<Vec3, 3> axes, std::array<int, 3> dims)
{
    MprBounds b;
    b.voxelAxes = axes;
    for (int corner = 0; corner < 8; ++corner)
        b.corners[static_cast<std::size_t>(corner)] =
            origin + axes[0] * ((corner & 1) ? dims[0] - 1 : 0) +
            axes[1] * ((corner & 2) ? dims[1] - 1 : 0) + axes[2] * ((corner & 4) ? dims[2] - 1 : 0);
    b.centre = origin + axes[0] * ((dims[0] - 1) / 2.0) + axes[1] * ((dims[1] - 1) / 2.0) +
               axes[2] * ((dims[2] - 1) / 2.0);
    return b;
}

// The CT phantom's grid: 64 x 64 x 40 voxels of 5 x 5 x 7.5 mm from (-160, -160, -150).
MprBounds phantom()
{
    return grid({-160, -160, -150}, {{{5, 0, 0}, {0, 5, 0}, {0, 0, 7.5}}}, {64, 64, 40});
}

// v turned about the unit axis k by `radians`, through the rotation matrix
// R = cos I + sin [k]x + (1 - cos) k k^T written out by rows.
Vec3 turned(Vec3 v, Vec3 k, double radians)
{
    const double c = std::cos(radians), s = std::sin(radians), t = 1 - c;
    const double r[3][3] = {{c + t * k.x * k.x, t * k.x * k.y - s * k.z, t * k.x * k.z + s * k.y},
                            {t * k.x * k.y + s * k.z, c + t * k.y * k.y, t * k.y * k.z - s * k.x},
                            {t * k.x * k.z - s * k.y, t * k.y * k.z + s * k.x, c + t * k.z * k.z}};
    return {r[0][0] * v.x + r[0][1] * v.y + r[0][2] * v.z,
            r[1][0] * v.x + r[1][1] * v.y + r[1][2] * v.z,
            r[2][0] * v.x + r[2][1] * v.y + r[2][2] * v.z};
}

bool near(Vec3 a, Vec3 b, double tolerance = 1e-9)
{
    return (a - b).length() <= tolerance;
}

QByteArray text(Vec3 v)
{
    return QByteArray::number(v.x, 'f', 6) + ", " + QByteArray::number(v.y, 'f', 6) + ", " +
           QByteArray::number(v.z, 'f', 6);
}

#define VERIFY_NEAR(a, b) QVERIFY2(near((a), (b)), text(a) + " != " + text(b))

} // namespace

class TestMprGeometry : public QObject
{
    Q_OBJECT
private slots:
    void start_isAxialCoronalSagittalThroughTheVolumeCentre();
    void stacks_ofAnAxialGrid_fallOnTheVoxelCentres();
    void framePlane_isTheDicomGeometryOfTheSlice_data();
    void framePlane_isTheDicomGeometryOfTheSlice();
    void scrolling_movesTheCentreAlongThatViewsNormalOnly();
    void setCentre_isClampedIntoTheVolume();
    void rotate_turnsTheOtherPlanesAboutThisNormal_throughTheCentre();
    void rotations_inEveryView_keepPlanesOrthonormalAndPerpendicular_data();
    void rotations_inEveryView_keepPlanesOrthonormalAndPerpendicular();
    void crosshairLine_followsTheRotationOnScreen();
    void obliqueAcquisition_keepsPatientPlanes_andItsVoxelStep();
    void gantryTilt_sliceSpacingIsTheVoxelStepAlongTheNormal();
    void reset_restoresTheStartPlanesAndCentre();
};

void TestMprGeometry::start_isAxialCoronalSagittalThroughTheVolumeCentre()
{
    const MprGeometry g(phantom());
    VERIFY_NEAR(g.centre(), (Vec3{-2.5, -2.5, -3.75}));
    VERIFY_NEAR(g.normal(MprAxis::Axial), (Vec3{0, 0, 1}));
    VERIFY_NEAR(g.normal(MprAxis::Coronal), (Vec3{0, 1, 0}));
    VERIFY_NEAR(g.normal(MprAxis::Sagittal), (Vec3{-1, 0, 0}));
    // Coronal and sagittal images have the head up.
    VERIFY_NEAR(g.orientation(MprAxis::Coronal).columnDirection, (Vec3{0, 0, -1}));
    VERIFY_NEAR(g.orientation(MprAxis::Sagittal).rowDirection, (Vec3{0, 1, 0}));
}

void TestMprGeometry::stacks_ofAnAxialGrid_fallOnTheVoxelCentres()
{
    MprGeometry g(phantom());
    QCOMPARE(g.pixelSpacing(), 5.0);
    QCOMPARE(g.sliceCount(MprAxis::Axial), 40);
    QCOMPARE(g.sliceSpacing(MprAxis::Axial), 7.5);
    QCOMPARE(g.sliceCount(MprAxis::Coronal), 64);
    QCOMPARE(g.sliceSpacing(MprAxis::Coronal), 5.0);
    QCOMPARE(g.sliceCount(MprAxis::Sagittal), 64);
    for (int k : {0, 17, 39})
        VERIFY_NEAR(g.slice(MprAxis::Axial, k).centre, (Vec3{-2.5, -2.5, -150 + 7.5 * k}));
    // Sagittal slices run along -x (normal to the right): slice 0 at the patient's left.
    VERIFY_NEAR(g.slice(MprAxis::Sagittal, 0).centre, (Vec3{155, -2.5, -3.75}));
    const MprSlice coronal = g.slice(MprAxis::Coronal, 0);
    QCOMPARE(coronal.columns, 64);
    QCOMPARE(coronal.rows, 60); // 292.5 mm of z at 5 mm: 59 steps, 60 pixel centres
}

void TestMprGeometry::framePlane_isTheDicomGeometryOfTheSlice_data()
{
    QTest::addColumn<MprAxis>("axis");
    QTest::addColumn<int>("index");
    QTest::addColumn<Vec3>("position");
    QTest::addColumn<Vec3>("row");
    QTest::addColumn<Vec3>("column");
    // The first pixel: for axial the voxel (0, 0, k); coronal and sagittal start at the top
    // (superior end: 60 rows of 5 mm about z = -3.75, the first at 143.75), on the patient's right
    // (coronal) or anterior (sagittal).
    QTest::newRow("axial 12") << MprAxis::Axial << 12 << Vec3{-160, -160, -60} << Vec3{1, 0, 0}
                              << Vec3{0, 1, 0};
    QTest::newRow("coronal 30") << MprAxis::Coronal << 30 << Vec3{-160, -10, 143.75}
                                << Vec3{1, 0, 0} << Vec3{0, 0, -1};
    QTest::newRow("sagittal 10") << MprAxis::Sagittal << 10 << Vec3{105, -160, 143.75}
                                 << Vec3{0, 1, 0} << Vec3{0, 0, -1};
}

void TestMprGeometry::framePlane_isTheDicomGeometryOfTheSlice()
{
    QFETCH(MprAxis, axis);
    QFETCH(int, index);
    QFETCH(Vec3, position);
    QFETCH(Vec3, row);
    QFETCH(Vec3, column);
    const MprGeometry g(phantom());
    const ImagePlane plane = g.framePlane(axis, index);
    QVERIFY(plane.hasPosition && plane.hasOrientation);
    QCOMPARE(plane.spacingSource, SpacingSource::PixelSpacing);
    QCOMPARE(plane.rowSpacing, 5.0);
    QCOMPARE(plane.columnSpacing, 5.0);
    VERIFY_NEAR(plane.rowDirection, row);
    VERIFY_NEAR(plane.columnDirection, column);
    VERIFY_NEAR(plane.position, position);
    // Image coordinates: the centre of pixel (c, r) is (c + 0.5, r + 0.5), both ways.
    const Vec3 p = plane.position + row * (7 * 5.0) + column * (3 * 5.0);
    VERIFY_NEAR(g.patientPoint(axis, index, QPointF(7.5, 3.5)), p);
    const QPointF image = g.imagePoint(axis, p);
    QCOMPARE(image.x(), 7.5);
    QCOMPARE(image.y(), 3.5);
}

void TestMprGeometry::scrolling_movesTheCentreAlongThatViewsNormalOnly()
{
    MprGeometry g(phantom());
    const Vec3 before = g.centre();
    const int axial = g.sliceIndex(MprAxis::Axial);
    const int sagittal = g.sliceIndex(MprAxis::Sagittal);
    g.setSliceIndex(MprAxis::Coronal, 10);
    QCOMPARE(g.sliceIndex(MprAxis::Coronal), 10);
    VERIFY_NEAR(g.centre(), (Vec3{before.x, -160 + 10 * 5.0, before.z}));
    QCOMPARE(g.sliceIndex(MprAxis::Axial), axial);
    QCOMPARE(g.sliceIndex(MprAxis::Sagittal), sagittal);
    // Another view's slice follows the centre: the axial view shows z nearest the centre.
    g.setCentre({0, 0, 40});
    QCOMPARE(g.sliceIndex(MprAxis::Axial), 25); // -150 + 7.5 * 25 = 37.5, nearest to 40
    QCOMPARE(g.sliceIndex(MprAxis::Coronal), 32);
    QCOMPARE(g.sliceIndex(MprAxis::Sagittal), 31); // x = 0: 155 - 5 * 31 = 0
}

void TestMprGeometry::setCentre_isClampedIntoTheVolume()
{
    MprGeometry g(phantom());
    g.setCentre({500, -500, 20});
    VERIFY_NEAR(g.centre(), (Vec3{155, -160, 20}));
    g.setSliceIndex(MprAxis::Axial, 1000);
    QCOMPARE(g.sliceIndex(MprAxis::Axial), 39);
    QCOMPARE(g.centre().z, 142.5);
}

void TestMprGeometry::rotate_turnsTheOtherPlanesAboutThisNormal_throughTheCentre()
{
    MprGeometry g(phantom());
    g.setCentre({-50, 0, 0});
    const Vec3 centre = g.centre();
    g.rotate(MprAxis::Axial, degrees(30));
    // The axial plane itself is unchanged; coronal and sagittal turn about +z.
    VERIFY_NEAR(g.normal(MprAxis::Axial), (Vec3{0, 0, 1}));
    const double c = std::cos(degrees(30)), s = std::sin(degrees(30));
    VERIFY_NEAR(g.normal(MprAxis::Coronal), (Vec3{-s, c, 0}));
    VERIFY_NEAR(g.normal(MprAxis::Sagittal), (Vec3{-c, -s, 0}));
    VERIFY_NEAR(g.orientation(MprAxis::Coronal).rowDirection, (Vec3{c, s, 0}));
    VERIFY_NEAR(g.orientation(MprAxis::Coronal).columnDirection, (Vec3{0, 0, -1}));
    VERIFY_NEAR(g.centre(), centre);
    // Double oblique: then 20 degrees in the (now oblique) coronal view.
    const Vec3 coronalNormal = g.normal(MprAxis::Coronal);
    const MprOrientation axialBefore = g.orientation(MprAxis::Axial);
    g.rotate(MprAxis::Coronal, degrees(20));
    VERIFY_NEAR(g.orientation(MprAxis::Axial).rowDirection,
                turned(axialBefore.rowDirection, coronalNormal, degrees(20)));
    VERIFY_NEAR(g.orientation(MprAxis::Axial).columnDirection,
                turned(axialBefore.columnDirection, coronalNormal, degrees(20)));
    VERIFY_NEAR(g.normal(MprAxis::Coronal), coronalNormal);
    VERIFY_NEAR(g.centre(), centre);
    // Every slice through the centre still contains it: the crosshair stays on all planes.
    for (MprAxis axis : kMprAxes) {
        const MprSlice slice = g.slice(axis, g.sliceIndex(axis));
        QVERIFY(std::abs((centre - slice.centre).dot(g.normal(axis))) <=
                g.sliceSpacing(axis) / 2 + kTolerance);
    }
}

void TestMprGeometry::rotations_inEveryView_keepPlanesOrthonormalAndPerpendicular_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 6; ++seed)
        QTest::addRow("sequence %d", seed) << seed;
}

void TestMprGeometry::rotations_inEveryView_keepPlanesOrthonormalAndPerpendicular()
{
    QFETCH(int, seed);
    MprGeometry g(phantom());
    g.setCentre({10, -20, 30});
    const Vec3 centre = g.centre();
    // A deterministic sequence of 40 rotations in changing views.
    for (int step = 0; step < 40; ++step) {
        const MprAxis axis = kMprAxes[static_cast<std::size_t>((seed * 7 + step * 5) % 3)];
        const double angle = degrees(((seed * 37 + step * 53) % 170) - 85.0);
        const Vec3 fixedNormal = g.normal(axis);
        g.rotate(axis, angle);
        VERIFY_NEAR(g.normal(axis), fixedNormal);
    }
    for (MprAxis a : kMprAxes) {
        const MprOrientation& o = g.orientation(a);
        QVERIFY(std::abs(o.rowDirection.length() - 1) < kTolerance);
        QVERIFY(std::abs(o.columnDirection.length() - 1) < kTolerance);
        QVERIFY(std::abs(o.rowDirection.dot(o.columnDirection)) < kTolerance);
        for (MprAxis b : kMprAxes)
            if (a != b)
                QVERIFY(std::abs(g.normal(a).dot(g.normal(b))) < kTolerance);
    }
    VERIFY_NEAR(g.centre(), centre);
}

void TestMprGeometry::crosshairLine_followsTheRotationOnScreen()
{
    MprGeometry g(phantom());
    g.setCentre({-50, 0, 0});
    // Unrotated, the axial view shows the coronal plane as a horizontal line and the sagittal
    // plane as a vertical one, through the centre's pixel.
    const QPointF centre = g.imagePoint(MprAxis::Axial, g.centre());
    QCOMPARE(centre, QPointF(22.5, 32.5));
    const QLineF coronal = g.crosshairLine(MprAxis::Axial, MprAxis::Coronal);
    QCOMPARE(coronal.p1(), centre);
    QVERIFY(std::abs(coronal.dy()) < kTolerance && std::abs(std::abs(coronal.dx()) - 1) < 1e-9);
    const QLineF sagittal = g.crosshairLine(MprAxis::Axial, MprAxis::Sagittal);
    QVERIFY(std::abs(sagittal.dx()) < kTolerance && std::abs(std::abs(sagittal.dy()) - 1) < 1e-9);
    // A positive rotation turns the lines clockwise on screen (image y down).
    g.rotate(MprAxis::Axial, degrees(25));
    const QLineF turnedLine = g.crosshairLine(MprAxis::Axial, MprAxis::Coronal);
    const double angle =
        std::atan2(turnedLine.dy(), turnedLine.dx()) - std::atan2(coronal.dy(), coronal.dx());
    const double wrapped = std::remainder(angle, 2 * std::numbers::pi);
    QVERIFY2(std::abs(wrapped - degrees(25)) < 1e-9, QByteArray::number(wrapped));
    QVERIFY(g.crosshairLine(MprAxis::Axial, MprAxis::Axial).isNull());
}

void TestMprGeometry::obliqueAcquisition_keepsPatientPlanes_andItsVoxelStep()
{
    // Slices acquired turned 30 degrees about y, 1 x 1 mm pixels, 2 mm apart.
    const double a = degrees(30);
    const Vec3 row{std::cos(a), 0, -std::sin(a)};
    const Vec3 column{0, 1, 0};
    const Vec3 normal = row.cross(column);
    MprGeometry g(grid({0, 0, 0}, {{row, column, normal * 2.0}}, {100, 80, 50}));
    VERIFY_NEAR(g.normal(MprAxis::Axial), (Vec3{0, 0, 1}));
    QCOMPARE(g.pixelSpacing(), 1.0);
    // Along z the voxel steps are 0.5 mm (i, 1 mm at 30 degrees) and 1.73 mm (k); the stack is
    // never finer than the 1 mm pixel spacing.
    QCOMPARE(g.sliceSpacing(MprAxis::Axial), 1.0);
    // Along y only j crosses: 1 mm.
    QCOMPARE(g.sliceSpacing(MprAxis::Coronal), 1.0);
    // The images cover every corner of the volume.
    for (MprAxis axis : kMprAxes) {
        const MprSlice s = g.slice(axis, 0);
        for (const Vec3& corner : g.bounds().corners) {
            const QPointF p = g.imagePoint(axis, corner);
            QVERIFY(p.x() >= 0.5 - 1e-9 && p.x() <= s.columns - 0.5 + 1e-9);
            QVERIFY(p.y() >= 0.5 - 1e-9 && p.y() <= s.rows - 0.5 + 1e-9);
        }
    }
}

void TestMprGeometry::gantryTilt_sliceSpacingIsTheVoxelStepAlongTheNormal()
{
    // Axial slices 3 mm apart, each shifted 3 tan(15 deg) mm posterior: a sheared grid.
    const double tilt = degrees(15);
    MprGeometry g(
        grid({0, 0, 0}, {{{0.5, 0, 0}, {0, 0.5, 0}, {0, 3 * std::tan(tilt), 3}}}, {64, 64, 30}));
    QCOMPARE(g.sliceSpacing(MprAxis::Axial), 3.0);
    QCOMPARE(g.sliceCount(MprAxis::Axial), 30);
    // Along y, j steps 0.5 mm and k 0.8 mm.
    QCOMPARE(g.sliceSpacing(MprAxis::Coronal), 0.5);
    // Axial slices lie on the acquired slices: slice k at z = 3k.
    QVERIFY(std::abs(g.slice(MprAxis::Axial, 7).centre.z - 21.0) < 1e-9);
}

void TestMprGeometry::reset_restoresTheStartPlanesAndCentre()
{
    MprGeometry g(phantom());
    g.setCentre({40, 40, 40});
    g.rotate(MprAxis::Sagittal, degrees(40));
    g.reset();
    VERIFY_NEAR(g.centre(), phantom().centre);
    for (MprAxis axis : kMprAxes) {
        VERIFY_NEAR(g.orientation(axis).rowDirection, defaultMprOrientation(axis).rowDirection);
        VERIFY_NEAR(g.orientation(axis).columnDirection,
                    defaultMprOrientation(axis).columnDirection);
    }
}

QTEST_APPLESS_MAIN(TestMprGeometry)
#include "tst_mprgeometry.moc"
