// The MPR views on the synthetic CT phantom, rendered for real: spheres of known centre and
// radius appear where their patient position projects, at their size, in coronal, sagittal,
// oblique and double-oblique reformats (read back from the rendered frame); orientation markers
// name the patient axes; a length drawn between the sphere's edges found on screen measures its
// diameter; the crosshair links the views; thick slabs; a volume still arriving shows its
// missing slices as the lowest value, never garbage, and fills in as slices arrive.

#include "viewfixture.h"

#include "core/volume.h"
#include "media/volumeloader.h"
#include "widgets/mprview.h"
#include "widgets/mprviewgroup.h"

#include <QGridLayout>
#include <QPainter>
#include <QThreadPool>

#include <array>
#include <cstring>
#include <numbers>
#include <vector>

using namespace fixture;

Q_DECLARE_METATYPE(fenestra::viewer::MprAxis)

namespace {

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

Vec3 vec3(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

struct Sphere
{
    Vec3 centre;
    double radius = 0;
    double hu = 0;
};

Sphere sphere(const QString& name)
{
    for (const QJsonValue& s : ctSeries()["phantom"_L1]["spheres"_L1].toArray())
        if (s["name"_L1].toString() == name)
            return {vec3(s["centre"_L1]), s["radius"_L1].toDouble(), s["hu"_L1].toDouble()};
    qFatal("no sphere %s in the manifest", qPrintable(name));
}

// A bright blob of the rendered frame: the pixels above mid grey 4-connected to `seed`.
struct Blob
{
    QPointF centroid; // device pixels, pixel centres at +0.5
    double area = 0;  // device pixels
    bool touchesEdge = false;
};

Blob brightBlob(const QImage& image, QPoint seed)
{
    Blob blob;
    if (!image.valid(seed) || qGray(image.pixel(seed)) < 128)
        return blob;
    std::vector<bool> seen(static_cast<std::size_t>(image.width() * image.height()), false);
    std::vector<QPoint> stack{seed};
    seen[static_cast<std::size_t>(seed.y() * image.width() + seed.x())] = true;
    double sx = 0, sy = 0;
    while (!stack.empty()) {
        const QPoint p = stack.back();
        stack.pop_back();
        blob.area += 1;
        sx += p.x() + 0.5;
        sy += p.y() + 0.5;
        for (const QPoint d : {QPoint(1, 0), QPoint(-1, 0), QPoint(0, 1), QPoint(0, -1)}) {
            const QPoint q = p + d;
            if (!image.valid(q)) {
                blob.touchesEdge = true;
                continue;
            }
            const auto i = static_cast<std::size_t>(q.y() * image.width() + q.x());
            if (!seen[i] && qGray(image.pixel(q)) >= 128) {
                seen[i] = true;
                stack.push_back(q);
            }
        }
    }
    blob.centroid = QPointF(sx / blob.area, sy / blob.area);
    return blob;
}

struct Rotation
{
    MprAxis axis;
    double degrees;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Rotation>)

class TestMprView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void sphere_appearsAtItsProjection_withItsSize_data();
    void sphere_appearsAtItsProjection_withItsSize();
    void orientationMarkers_nameThePatientAxes_inEveryPlane_data();
    void orientationMarkers_nameThePatientAxes_inEveryPlane();
    void lengthBetweenSphereEdgesOnScreen_measuresItsDiameter();
    void probe_inADoubleObliqueView_givesValueAndPatientPosition();
    void draggingTheCentre_inOneView_movesTheSlicesOfTheOthers();
    void draggingARotationHandle_turnsTheOtherPlanes();
    void mipSlab_showsASphereBesideTheThinSlice();
    void gantryTilt_sphereAppearsAtItsProjection_withItsSize_data();
    void gantryTilt_sphereAppearsAtItsProjection_withItsSize();
    void streamingVolume_masksMissingSlices_andFillsInAsTheyArrive();
    void destroyingTheViews_whileReslicing_deliversNothing();
    void layout_screenshot();

private:
    bool settle();
    QImage frame(MprAxis axis) { return view(axis)->renderToImage(false); }
    MprView* view(MprAxis axis) { return m_views[static_cast<std::size_t>(axis)]; }
    // The device pixel where patient point p shows in the view of `axis`.
    QPointF screenOf(MprAxis axis, Vec3 p)
    {
        MprView* v = view(axis);
        return v->transform().toWidget(m_group->geometry().imagePoint(axis, p)) *
               v->devicePixelRatioF();
    }
    double devicePixelsPerMm(MprAxis axis)
    {
        MprView* v = view(axis);
        return v->transform().zoom() * v->devicePixelRatioF() / m_group->geometry().pixelSpacing();
    }
    void windowAll(double center, double width)
    {
        for (MprView* v : m_views)
            v->setWindowLevel(WindowLevel{center, width});
    }

    DisplaySet m_ct;
    std::shared_ptr<Volume> m_volume;
    std::unique_ptr<QWidget> m_window;
    MprViewGroup* m_group = nullptr;
    std::array<MprView*, 3> m_views{};
};

void TestMprView::initTestCase()
{
    m_ct = loadDisplaySet(QStringLiteral("ct"));
    QVERIFY(m_ct.isVolume());
    auto loaded = loadVolume(m_ct);
    QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
    QVERIFY(loaded->errors.empty());
    m_volume = loaded->volume;

    m_window = std::make_unique<QWidget>();
    m_group = new MprViewGroup(m_window.get());
    auto* grid = new QGridLayout(m_window.get());
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    for (MprAxis axis : kMprAxes) {
        auto* v = new MprView(m_group, axis);
        m_views[static_cast<std::size_t>(axis)] = v;
        const int i = static_cast<int>(axis);
        grid->addWidget(v, i / 2, i % 2);
    }
    m_window->resize(1000, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_group->setVolume(m_volume, m_ct);
    QVERIFY(settle());
}

void TestMprView::init()
{
    m_group->reset();
    for (MprView* v : m_views) {
        v->setSlab(0, SlabMode::None);
        v->setTool(MouseTool::Scroll);
        v->setMeasurements({});
        v->fit();
    }
    // A binary window for the dense sphere (300 HU) in water (0 HU): the edge at half height.
    windowAll(150, 2);
    QVERIFY(settle());
}

bool TestMprView::settle()
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        bool all = true;
        for (MprView* v : m_views)
            all = all && v->isSettled() && v->centreMessage().isEmpty() &&
                  v->displayedGrey(QPointF(0.5, 0.5)) >= 0;
        if (all)
            return true;
        QTest::qWait(10);
    }
    return false;
}

void TestMprView::sphere_appearsAtItsProjection_withItsSize_data()
{
    QTest::addColumn<QString>("sphereName");
    QTest::addColumn<std::vector<Rotation>>("rotations");
    QTest::addColumn<MprAxis>("axis");
    QTest::addColumn<QPointF>("offsetMm"); // the crosshair moved this far in the view's plane
    QTest::newRow("coronal") << "sphere_dense" << std::vector<Rotation>{} << MprAxis::Coronal
                             << QPointF(30, -20);
    QTest::newRow("sagittal") << "sphere_dense" << std::vector<Rotation>{} << MprAxis::Sagittal
                              << QPointF(-25, 15);
    QTest::newRow("oblique coronal (axial turned 30 deg)")
        << "sphere_dense" << std::vector<Rotation>{{MprAxis::Axial, 30}} << MprAxis::Coronal
        << QPointF(35, 20);
    QTest::newRow("double oblique sagittal (axial 30, coronal -25 deg)")
        << "sphere_dense" << std::vector<Rotation>{{MprAxis::Axial, 30}, {MprAxis::Coronal, -25}}
        << MprAxis::Sagittal << QPointF(-30, -20);
}

void TestMprView::sphere_appearsAtItsProjection_withItsSize()
{
    QFETCH(QString, sphereName);
    QFETCH(std::vector<Rotation>, rotations);
    QFETCH(MprAxis, axis);
    QFETCH(QPointF, offsetMm);
    const Sphere s = sphere(sphereName);
    // Turn about the sphere centre, then move the crosshair within the checked plane: the plane
    // still cuts the sphere through its centre, but the sphere is no longer at the crosshair.
    m_group->setCentre(s.centre);
    for (const Rotation& r : rotations)
        m_group->rotate(r.axis, radians(r.degrees));
    const MprOrientation o = m_group->geometry().orientation(axis);
    m_group->setCentre(s.centre + o.rowDirection * offsetMm.x() + o.columnDirection * offsetMm.y());
    QVERIFY(std::abs((m_group->geometry().centre() - s.centre).dot(o.normal())) < 1e-6);
    QVERIFY(settle());

    const QImage image = frame(axis);
    const QPointF expected = screenOf(axis, s.centre);
    const Blob blob = brightBlob(image, expected.toPoint());
    QVERIFY2(blob.area > 0, "the sphere centre is not bright on screen");
    QVERIFY(!blob.touchesEdge);
    const double perMm = devicePixelsPerMm(axis);
    const double voxel = 5.0 * perMm;
    const double offCentre = QLineF(blob.centroid, expected).length();
    QVERIFY2(
        offCentre <= 0.5 * voxel,
        qPrintable(u"centroid %1 px from the projection (half a voxel: %2 px)"_s.arg(offCentre).arg(
            0.5 * voxel)));
    const double radiusMm = std::sqrt(blob.area / std::numbers::pi) / perMm;
    QVERIFY2(
        std::abs(radiusMm - s.radius) <= 5.0,
        qPrintable(u"radius %1 mm on screen, %2 mm in the phantom"_s.arg(radiusMm).arg(s.radius)));
    saveScreenshot(view(axis)->renderToImage(true),
                   u"mpr_sphere_%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag())
                                                  .replace(QRegularExpression(u"\\W+"_s), u"_"_s)));
}

void TestMprView::orientationMarkers_nameThePatientAxes_inEveryPlane_data()
{
    QTest::addColumn<double>("axialTurn");
    QTest::addColumn<MprAxis>("axis");
    QTest::addColumn<QStringList>("leftRightTopBottom");
    QTest::newRow("axial") << 0.0 << MprAxis::Axial << QStringList{"R", "L", "A", "P"};
    QTest::newRow("coronal") << 0.0 << MprAxis::Coronal << QStringList{"R", "L", "H", "F"};
    QTest::newRow("sagittal") << 0.0 << MprAxis::Sagittal << QStringList{"A", "P", "H", "F"};
    // Axial turned 30 deg: the coronal rows run along (cos 30, sin 30, 0), left-posterior;
    // the sagittal rows along (-sin 30, cos 30, 0), posterior-right.
    QTest::newRow("oblique coronal")
        << 30.0 << MprAxis::Coronal << QStringList{"RA", "LP", "H", "F"};
    QTest::newRow("oblique sagittal")
        << 30.0 << MprAxis::Sagittal << QStringList{"AL", "PR", "H", "F"};
    // Turned 60 deg the other way: rows along (cos 60, -sin 60, 0): anterior first.
    QTest::newRow("oblique coronal -60")
        << -60.0 << MprAxis::Coronal << QStringList{"PR", "AL", "H", "F"};
}

void TestMprView::orientationMarkers_nameThePatientAxes_inEveryPlane()
{
    QFETCH(double, axialTurn);
    QFETCH(MprAxis, axis);
    QFETCH(QStringList, leftRightTopBottom);
    m_group->rotate(MprAxis::Axial, radians(axialTurn));
    QVERIFY(settle());
    const OrientationMarkers markers = view(axis)->currentMarkers();
    QCOMPARE((QStringList{markers.left, markers.right, markers.top, markers.bottom}),
             leftRightTopBottom);
}

void TestMprView::lengthBetweenSphereEdgesOnScreen_measuresItsDiameter()
{
    const Sphere s = sphere(QStringLiteral("sphere_dense"));
    m_group->setCentre(s.centre + Vec3{40, 0, 30}); // crosshair away from the sphere
    m_group->setSliceIndex(MprAxis::Coronal, 22);   // y = -50: through the sphere centre
    QVERIFY(settle());
    MprView* v = view(MprAxis::Coronal);
    // The sphere's edges on screen: where the row through its centre turns dark.
    const QImage image = frame(MprAxis::Coronal);
    const QPointF centre = screenOf(MprAxis::Coronal, s.centre);
    const int y = static_cast<int>(centre.y());
    QVERIFY(qGray(image.pixel(static_cast<int>(centre.x()), y)) >= 128);
    int left = static_cast<int>(centre.x());
    while (left > 0 && qGray(image.pixel(left - 1, y)) >= 128)
        --left;
    int right = static_cast<int>(centre.x());
    while (right + 1 < image.width() && qGray(image.pixel(right + 1, y)) >= 128)
        ++right;
    const double ratio = v->devicePixelRatioF();
    v->setTool(MouseTool::Length);
    drag(v, QPointF(left, y + 0.5) / ratio, QPointF(right + 1, y + 0.5) / ratio);
    QCOMPARE(v->measurements().size(), std::size_t{1});
    const double mm = firstNumber(v->measurementSummary(v->measurements().front()));
    QVERIFY2(v->measurementSummary(v->measurements().front()).endsWith(u" mm"_s),
             qPrintable(v->measurementSummary(v->measurements().front())));
    // The phantom fills the voxels whose centres lie within the radius: 7 voxels of 5 mm across
    // this 30 mm sphere (centres at 0, +-5, +-10, +-15 mm), whose half-height edges the screen
    // shows. Counted here from the manifest; the length must match within half a voxel, and
    // the true diameter within a voxel plus the screen's pixel rounding.
    const double spacing = ctSeries()["geometry"_L1]["pixel_spacing"_L1][0].toDouble();
    const int across = 2 * static_cast<int>(std::floor(s.radius / spacing + 1e-9)) + 1;
    const double voxelised = across * spacing;
    QVERIFY2(std::abs(mm - voxelised) <= spacing / 2,
             qPrintable(u"%1 mm across a sphere of %2 voxels (%3 mm)"_s.arg(mm).arg(across).arg(
                 voxelised)));
    QVERIFY2(std::abs(mm - 2 * s.radius) <= spacing + 1.0,
             qPrintable(u"%1 mm across a sphere of diameter %2 mm"_s.arg(mm).arg(2 * s.radius)));
}

void TestMprView::probe_inADoubleObliqueView_givesValueAndPatientPosition()
{
    const Sphere s = sphere(QStringLiteral("sphere_dense"));
    m_group->setCentre(s.centre);
    m_group->rotate(MprAxis::Axial, radians(35));
    m_group->rotate(MprAxis::Sagittal, radians(-20));
    m_group->setCentre(s.centre +
                       m_group->geometry().orientation(MprAxis::Coronal).rowDirection * 30.0);
    QVERIFY(settle());
    MprView* v = view(MprAxis::Coronal);
    v->setTool(MouseTool::Probe);
    const QPointF at = screenOf(MprAxis::Coronal, s.centre) / v->devicePixelRatioF();
    click(v, at);
    QCOMPARE(v->measurements().size(), std::size_t{1});
    const QString text = v->measurementSummary(v->measurements().front());
    // The sphere's HU, and the patient position of the probed pixel's centre: within half a
    // pixel diagonal of the sphere centre.
    QCOMPARE(firstNumber(text), s.hu);
    const Vec3 probed{firstNumber(text, 1), firstNumber(text, 2), firstNumber(text, 3)};
    QVERIFY2((probed - s.centre).length() <= m_group->geometry().pixelSpacing() * 0.71 + 0.05,
             qPrintable(text));
}

void TestMprView::draggingTheCentre_inOneView_movesTheSlicesOfTheOthers()
{
    const Sphere soft = sphere(QStringLiteral("sphere_soft"));
    m_group->setCentre({0, 0, soft.centre.z});
    QVERIFY(settle());
    MprView* axial = view(MprAxis::Axial);
    const int axialIndex = axial->currentIndex();
    const QPointF from = axial->crosshairCentreOnScreen();
    const QPointF to =
        axial->transform().toWidget(m_group->geometry().imagePoint(MprAxis::Axial, soft.centre));
    drag(axial, from, to);
    QVERIFY(settle());
    // The centre followed the mouse within the axial slice, which did not change.
    QCOMPARE(axial->currentIndex(), axialIndex);
    const Vec3 centre = m_group->geometry().centre();
    QVERIFY2(std::abs(centre.x - soft.centre.x) < 0.5 && std::abs(centre.y - soft.centre.y) < 0.5,
             qPrintable(u"centre %1, %2"_s.arg(centre.x).arg(centre.y)));
    // Sagittal slices run from x = 155 mm in 5 mm steps, coronal from y = -160 mm.
    QCOMPARE(view(MprAxis::Sagittal)->currentIndex(), 41); // x = -50
    QCOMPARE(view(MprAxis::Coronal)->currentIndex(), 32);  // y = 0
    // The sagittal view now cuts the soft sphere (100 HU) through its centre.
    windowAll(50, 2);
    QVERIFY(settle());
    const QImage sagittal = frame(MprAxis::Sagittal);
    QCOMPARE(qGray(sagittal.pixel(screenOf(MprAxis::Sagittal, soft.centre).toPoint())), 255);
    QCOMPARE(
        qGray(sagittal.pixel(
            screenOf(MprAxis::Sagittal, soft.centre + Vec3{0, soft.radius + 10, 0}).toPoint())),
        0);
    // Its crosshair is at the new centre.
    const QPointF cross = view(MprAxis::Sagittal)->crosshairCentreOnScreen() *
                          view(MprAxis::Sagittal)->devicePixelRatioF();
    QVERIFY(QLineF(cross, screenOf(MprAxis::Sagittal, centre)).length() < 1.0);
}

void TestMprView::draggingARotationHandle_turnsTheOtherPlanes()
{
    MprView* axial = view(MprAxis::Axial);
    const QPointF centre = axial->crosshairCentreOnScreen();
    const auto [handle, opposite] = axial->rotationHandles(MprAxis::Coronal);
    // Carry the handle 40 degrees clockwise on screen around the centre.
    const QLineF arm(centre, handle);
    QLineF turned = arm;
    turned.setAngle(arm.angle() - 40); // QLineF angles run counter-clockwise on screen
    sendMouse(axial, QEvent::MouseButtonPress, handle, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i) {
        QLineF step = arm;
        step.setAngle(arm.angle() - 40 * i / 8.0);
        sendMouse(axial, QEvent::MouseMove, step.p2(), Qt::NoButton, Qt::LeftButton);
    }
    sendMouse(axial, QEvent::MouseButtonRelease, turned.p2(), Qt::LeftButton, Qt::NoButton);
    QVERIFY(settle());
    const Vec3 n = m_group->geometry().normal(MprAxis::Coronal);
    const Vec3 expected{-std::sin(radians(40)), std::cos(radians(40)), 0};
    QVERIFY2((n - expected).length() < 1e-6,
             qPrintable(u"coronal normal %1 %2 %3"_s.arg(n.x).arg(n.y).arg(n.z)));
    QVERIFY(std::abs(m_group->geometry().normal(MprAxis::Axial).z - 1) < 1e-12);
    // The coronal view was rebuilt on the oblique plane and shows it.
    QVERIFY(view(MprAxis::Coronal)->currentPlane().rowDirection.y > 0.6);
}

void TestMprView::mipSlab_showsASphereBesideTheThinSlice()
{
    MprView* coronal = view(MprAxis::Coronal);
    // A coronal slice 25 mm in front of the dense sphere's centre misses it (radius 15 mm);
    // a 60 mm MIP slab about it takes the sphere's 300 HU.
    const Sphere dense = sphere(QStringLiteral("sphere_dense"));
    m_group->setCentre(dense.centre + Vec3{0, -25, 0});
    QVERIFY(settle());
    const QPoint denseAt = screenOf(MprAxis::Coronal, dense.centre).toPoint();
    QCOMPARE(qGray(frame(MprAxis::Coronal).pixel(denseAt)), 0);
    coronal->setSlab(60, SlabMode::Max);
    QVERIFY(settle());
    QCOMPARE(coronal->slabMode(), SlabMode::Max);
    QCOMPARE(qGray(frame(MprAxis::Coronal).pixel(denseAt)), 255);
    // MinIP: 25 mm behind the lung sphere (-500 HU) the slice is water; the slab reaches the
    // sphere's minimum.
    const Sphere lung = sphere(QStringLiteral("sphere_lung"));
    coronal->setSlab(0, SlabMode::None);
    m_group->setCentre(lung.centre + Vec3{0, 25, 0});
    windowAll(-250, 2);
    QVERIFY(settle());
    const QPoint lungAt = screenOf(MprAxis::Coronal, lung.centre).toPoint();
    QCOMPARE(qGray(frame(MprAxis::Coronal).pixel(lungAt)), 255);
    coronal->setSlab(60, SlabMode::Min);
    QVERIFY(settle());
    QCOMPARE(qGray(frame(MprAxis::Coronal).pixel(lungAt)), 0);
    // The slab is described in the view's overlay text.
    QVERIFY(coronal->currentPlane().hasOrientation);
    QVERIFY(coronal->displaySet().frames.front().instance->series.description.contains(u"60"_s));
}

void TestMprView::gantryTilt_sphereAppearsAtItsProjection_withItsSize_data()
{
    QTest::addColumn<QString>("sphereName");
    QTest::addColumn<MprAxis>("axis");
    for (const char* name : {"sphere_dense", "sphere_soft"}) {
        QTest::addRow("coronal, %s", name) << QString::fromLatin1(name) << MprAxis::Coronal;
        QTest::addRow("sagittal, %s", name) << QString::fromLatin1(name) << MprAxis::Sagittal;
    }
}

void TestMprView::gantryTilt_sphereAppearsAtItsProjection_withItsSize()
{
    // The CT acquired with the gantry tilted 20 deg (a sheared stack): its reformats show the
    // spheres where they are in the patient, at their size.
    QFETCH(QString, sphereName);
    QFETCH(MprAxis, axis);
    const QJsonObject scenario = manifest()["scenarios"_L1]["gantry_tilt"_L1].toObject();
    const DisplaySet tilted = loadDisplaySet(scenario["directory"_L1].toString());
    QVERIFY(tilted.isVolume());
    auto loaded = loadVolume(tilted);
    QVERIFY(loaded.has_value() && loaded->errors.empty());
    Sphere s;
    for (const QJsonValue& v : scenario["expected"_L1]["phantom"_L1]["spheres"_L1].toArray())
        if (v["name"_L1].toString() == sphereName)
            s = {vec3(v["centre"_L1]), v["radius"_L1].toDouble(), v["hu"_L1].toDouble()};
    QVERIFY(s.radius > 0);

    MprViewGroup group;
    MprView view(&group, axis);
    view.resize(500, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    group.setVolume(loaded->volume, tilted);
    group.setCentre(s.centre);                     // the plane through the sphere centre
    view.setWindowLevel(WindowLevel{s.hu / 2, 2}); // the edge at half height in water (0 HU)
    QVERIFY(QTest::qWaitFor(
        [&view] {
            return view.isSettled() && view.centreMessage().isEmpty() &&
                   view.displayedGrey(QPointF(0.5, 0.5)) >= 0;
        },
        5000));

    const QImage image = view.renderToImage(false);
    const double ratio = view.devicePixelRatioF();
    const QPointF expected =
        view.transform().toWidget(group.geometry().imagePoint(axis, s.centre)) * ratio;
    const Blob blob = brightBlob(image, expected.toPoint());
    QVERIFY2(blob.area > 0, "the sphere centre is not bright on screen");
    QVERIFY(!blob.touchesEdge);
    const double perMm = view.transform().zoom() * ratio / group.geometry().pixelSpacing();
    const double offCentre = QLineF(blob.centroid, expected).length() / perMm;
    QVERIFY2(offCentre <= 2.5,
             qPrintable(u"centroid %1 mm from the sphere centre's projection"_s.arg(offCentre)));
    const double radiusMm = std::sqrt(blob.area / std::numbers::pi) / perMm;
    qInfo("centroid %.2f mm off the projection, radius %.2f mm (phantom %.1f mm)", offCentre,
          radiusMm, s.radius);
    QVERIFY2(
        std::abs(radiusMm - s.radius) <= 5.0,
        qPrintable(u"radius %1 mm on screen, %2 mm in the phantom"_s.arg(radiusMm).arg(s.radius)));
    // A stack taken as unsheared would put the sphere tens of mm away: dark where it must be.
    QCOMPARE(qGray(image.pixel(expected.toPoint())), 255);
    saveScreenshot(
        view.renderToImage(true),
        u"mpr_gantry_tilt_%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag())
                                            .replace(QRegularExpression(u"\\W+"_s), u"_"_s)));
}

void TestMprView::streamingVolume_masksMissingSlices_andFillsInAsTheyArrive()
{
    // A fresh volume of the same series, half of it "arrived": its other slices hold the
    // garbage of a buffer not written yet (here: the brightest value, as bone would show).
    auto created = Volume::create(m_ct);
    QVERIFY(created.has_value());
    std::shared_ptr<Volume> streaming = *created;
    const int half = streaming->slices() / 2;
    for (int k = 0; k < streaming->slices(); ++k) {
        if (k < half) {
            std::memcpy(streaming->slice(k).data(), m_volume->slice(k).data(),
                        streaming->sliceBytes());
            streaming->markLoaded(k);
        } else {
            std::memset(streaming->slice(k).data(), 0x7f, streaming->sliceBytes());
        }
    }
    MprViewGroup group;
    MprView coronal(&group, MprAxis::Coronal);
    coronal.resize(500, 500);
    coronal.show();
    QVERIFY(QTest::qWaitForWindowExposed(&coronal));
    group.setVolume(streaming, m_ct);
    coronal.setWindowLevel(WindowLevel{0, 400});
    const auto settled = [&coronal] {
        for (int attempt = 0; attempt < 200 && !coronal.isSettled(); ++attempt)
            QTest::qWait(10);
        return coronal.isSettled();
    };
    QVERIFY(settled());
    // Water at z = -100 (loaded: grey 128) and at z = +100 (not arrived: the lowest value,
    // black, where the garbage would be white).
    const auto greyAt = [&](Vec3 p) {
        const QPointF image = group.geometry().imagePoint(MprAxis::Coronal, p);
        const QPointF device = coronal.transform().toWidget(image) * coronal.devicePixelRatioF();
        return qGray(coronal.renderToImage(false).pixel(device.toPoint()));
    };
    const int water = expectedGrey(0, 0, 400);
    QCOMPARE(greyAt({-20, 0, -100}), water);
    QCOMPARE(greyAt({-20, 0, 100}), 0);
    QVERIFY(group.geometry().centre().y > -20 && group.geometry().centre().y < 20);

    // The rest arrives: the view reslices on its own (throttled) and shows the water.
    for (int k = half; k < streaming->slices(); ++k) {
        std::memcpy(streaming->slice(k).data(), m_volume->slice(k).data(), streaming->sliceBytes());
        streaming->markLoaded(k);
    }
    QSignalSpy resliced(&coronal, &MprView::resliced);
    group.volumeUpdated();
    QVERIFY(resliced.wait(2000));
    QVERIFY(settled());
    QCOMPARE(greyAt({-20, 0, 100}), water);
}

void TestMprView::destroyingTheViews_whileReslicing_deliversNothing()
{
    // The classic race: views go while their reslice jobs run on the pool.
    for (int round = 0; round < 10; ++round) {
        auto group = std::make_unique<MprViewGroup>();
        std::vector<std::unique_ptr<MprView>> views;
        for (MprAxis axis : kMprAxes)
            views.push_back(std::make_unique<MprView>(group.get(), axis));
        group->setVolume(m_volume, m_ct);
        for (auto& v : views)
            v->setSlab(200, SlabMode::Max); // slow jobs
        QCoreApplication::processEvents();
        views.clear();
        group.reset();
        QCoreApplication::processEvents();
    }
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QVERIFY(true); // reaching here without a crash or a sanitizer report is the test
}

void TestMprView::layout_screenshot()
{
    const Sphere s = sphere(QStringLiteral("sphere_dense"));
    m_group->setCentre(s.centre);
    m_group->rotate(MprAxis::Axial, radians(20));
    windowAll(40, 400);
    QVERIFY(settle());
    QImage composite(m_window->size() * m_window->devicePixelRatioF(), QImage::Format_RGB32);
    composite.fill(Qt::darkGray);
    {
        QPainter painter(&composite);
        for (MprView* v : m_views)
            painter.drawImage(v->geometry().topLeft() * m_window->devicePixelRatioF(),
                              v->renderToImage(true));
    }
    // Not blank: the phantom's water and the sphere show in every view.
    for (MprView* v : m_views) {
        const QImage image = v->renderToImage(false);
        int bright = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                bright += qGray(image.pixel(x, y)) > 60 ? 1 : 0;
        QVERIFY(bright > (image.width() / 4) * (image.height() / 4) / 10);
    }
    saveScreenshot(composite, u"mpr_layout.png"_s);
}

FENESTRA_GUI_TEST_MAIN(TestMprView)
#include "tst_mprview.moc"
