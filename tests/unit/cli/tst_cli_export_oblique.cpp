// `fenestra export --plane oblique --normal X,Y,Z [--up X,Y,Z]`: oblique reformats of the CT
// phantom, checked against the phantom description of the manifest. The plane's layout is
// computed here from the documented rule (the viewer looks along the normal; the column
// direction is minus `up` without its normal part; row = column x normal; default up superior,
// or anterior when the normal is closest to the patient's long axis), not taken from the
// viewer.

#include "clirunner.h"
#include "phantomgeometry.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::test;

Q_DECLARE_METATYPE(fenestra::test::P3)
Q_DECLARE_METATYPE(std::optional<fenestra::test::P3>)

namespace {

// The documented layout of an oblique plane: row and column directions for a unit normal.
std::pair<P3, P3> obliqueAxes(P3 normal, std::optional<P3> up)
{
    if (!up) {
        const bool axialLike =
            std::abs(normal[2]) >= std::max(std::abs(normal[0]), std::abs(normal[1]));
        up = axialLike ? P3{0, -1, 0} : P3{0, 0, 1};
    }
    const P3 column = unit(normal * dot(*up, normal) - *up);
    return {unit(cross(column, normal)), column};
}

QString vectorText(P3 v)
{
    return QStringLiteral("%1,%2,%3").arg(v[0]).arg(v[1]).arg(v[2]);
}

// Where grey crosses `level` going from `from` (inside) along the image line (du, dv), in
// pixels from `from`, linearly interpolated between pixel centres; -1 when it never does.
double crossing(const QImage& image, QPoint from, QPoint step, double level)
{
    double previous = qGray(image.pixel(from));
    for (int n = 1;; ++n) {
        const QPoint p = from + step * n;
        if (!image.rect().contains(p))
            return -1;
        const double grey = qGray(image.pixel(p));
        if (grey < level)
            return n - 1 + (previous - level) / (previous - grey);
        previous = grey;
    }
}

} // namespace

class TestCliExportOblique : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportOblique_patientNormals_equalPatientPlanes_data();
    void exportOblique_patientNormals_equalPatientPlanes();
    void exportOblique_offCentreThroughSphere_circleAtProjectionWithCutRadius_data();
    void exportOblique_offCentreThroughSphere_circleAtProjectionWithCutRadius();
    void exportOblique_badOption_exitsOneWithMessage_data();
    void exportOblique_badOption_exitsOneWithMessage();

private:
    CliRun exportCt(const QStringList& options, const QString& out) const
    {
        return exportSeries("ct", options, out);
    }
    CliRun exportSeries(const char* study, const QStringList& options, const QString& out) const;

    QJsonObject m_manifest;
    QTemporaryDir m_outDir;
};

CliRun TestCliExportOblique::exportSeries(const char* study, const QStringList& options,
                                          const QString& out) const
{
    const QJsonObject series = manifestSeries(m_manifest, study);
    return runFenestra(QStringList{key("export"), testDataPath(series[key("directory")].toString()),
                                   key("--series"), series[key("series_instance_uid")].toString(),
                                   key("--out"), out} +
                       options);
}

void TestCliExportOblique::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(FENESTRA_CLI_BINARY)), FENESTRA_CLI_BINARY);
    m_manifest = loadManifest();
    QVERIFY2(m_manifest[key("complete")].toBool(), "manifest.json missing or incomplete");
    QVERIFY(m_outDir.isValid());
}

void TestCliExportOblique::exportOblique_patientNormals_equalPatientPlanes_data()
{
    QTest::addColumn<QString>("plane");
    QTest::addColumn<QString>("normal");
    // Not unit length on purpose: the normal is normalised.
    QTest::newRow("axial") << key("axial") << key("0,0,2");
    QTest::newRow("coronal") << key("coronal") << key("0,3,0");
    QTest::newRow("sagittal") << key("sagittal") << key("-1,0,0");
}

// The rule for the default up direction gives the patient planes their radiological layout.
void TestCliExportOblique::exportOblique_patientNormals_equalPatientPlanes()
{
    QFETCH(QString, plane);
    QFETCH(QString, normal);
    const QString patientOut = m_outDir.filePath(plane + key("-patient.png"));
    const QString obliqueOut = m_outDir.filePath(plane + key("-oblique.png"));
    const QStringList common{key("--offset"), key("12.5"), key("--window"), key("40,400")};
    const CliRun patient = exportCt(QStringList{key("--plane"), plane} + common, patientOut);
    const CliRun oblique = exportCt(
        QStringList{key("--plane"), key("oblique"), key("--normal"), normal} + common, obliqueOut);
    QVERIFY(patient.finished && oblique.finished);
    QVERIFY2(patient.exitCode == 0, qPrintable(patient.err));
    QVERIFY2(oblique.exitCode == 0, qPrintable(oblique.err));
    const QImage a(patientOut);
    const QImage b(obliqueOut);
    QVERIFY(!a.isNull());
    QCOMPARE(b.size(), a.size());
    QVERIFY(b.convertToFormat(QImage::Format_Grayscale8) ==
            a.convertToFormat(QImage::Format_Grayscale8));
}

void TestCliExportOblique::
    exportOblique_offCentreThroughSphere_circleAtProjectionWithCutRadius_data()
{
    QTest::addColumn<QString>("study");
    QTest::addColumn<P3>("normal");
    QTest::addColumn<std::optional<P3>>("up");
    QTest::addColumn<double>("distance"); // from the sphere centre to the plane, mm
    const QString ct = key("ct");
    QTest::newRow("ct, coronal tilted 30 degrees")
        << ct << P3{0, std::cos(M_PI / 6), std::sin(M_PI / 6)} << std::optional<P3>() << 6.0;
    QTest::newRow("ct, double oblique")
        << ct << unit(P3{1, -2, 0.5}) << std::optional<P3>() << -8.0;
    QTest::newRow("ct, axial-like, up towards left")
        << ct << unit(P3{0.3, 0.2, 1}) << std::optional<P3>(P3{1, 0, 0}) << 5.0;
    // The MR series is itself an oblique acquisition (rotated 20 and 10 degrees).
    QTest::newRow("oblique mr, double oblique")
        << key("mr") << unit(P3{-0.4, 1, 0.3}) << std::optional<P3>() << 10.0;
    QTest::newRow("oblique mr, axial") << key("mr") << P3{0, 0, 1} << std::optional<P3>() << -4.0;
}

namespace {

// The sphere a test cuts, its surroundings and a window that separates them.
struct CutSphere
{
    P3 centre;
    double radius = 0;
    double insideValue = 0;
    double outsideValue = 0;
    double windowCenter = 0;
    double windowWidth = 0;
};

// CT: sphere_soft (radius 20, 100 HU) in water. MR: the lesion (radius 25, 1500) in the body.
CutSphere cutSphere(const QString& study, const QJsonObject& phantom)
{
    CutSphere s;
    if (study == QLatin1String("ct")) {
        const QJsonObject soft = namedObject(phantom[key("spheres")].toArray(), "sphere_soft");
        s = {toP3(soft[key("centre")]),
             soft[key("radius")].toDouble(),
             soft[key("hu")].toDouble(),
             namedObject(phantom[key("regions")].toArray(), "water")[key("hu")].toDouble(),
             40,
             400};
    } else {
        const QJsonArray objects = phantom[key("objects")].toArray();
        const QJsonObject lesion = namedObject(objects, "lesion");
        s = {toP3(lesion[key("centre")]),
             lesion[key("radius")].toDouble(),
             lesion[key("value")].toDouble(),
             namedObject(objects, "body")[key("value")].toDouble(),
             1000,
             2000};
    }
    return s;
}

} // namespace

// The cut of a sphere by a plane `distance` from its centre is a disc of radius
// sqrt(radius^2 - distance^2) around the sphere centre's projection.
void TestCliExportOblique::exportOblique_offCentreThroughSphere_circleAtProjectionWithCutRadius()
{
    QFETCH(QString, study);
    QFETCH(P3, normal);
    QFETCH(std::optional<P3>, up);
    QFETCH(double, distance);
    const QJsonObject series = manifestSeries(m_manifest, qPrintable(study));
    const PhantomGrid grid(series[key("geometry")].toObject());
    const CutSphere sphere = cutSphere(study, series[key("phantom")].toObject());
    const P3 centre = sphere.centre;
    const double radius = sphere.radius;
    const double sphereGrey =
        linearWindow(sphere.insideValue, sphere.windowCenter, sphere.windowWidth);
    const double outsideGrey =
        linearWindow(sphere.outsideValue, sphere.windowCenter, sphere.windowWidth);

    // The plane through the volume centre moved `offset` along the normal.
    const double offset = dot(centre - grid.centre(), normal) - distance;
    QStringList options{
        key("--plane"),  key("oblique"),
        key("--normal"), vectorText(normal),
        key("--offset"), QString::number(offset, 'g', 17),
        key("--window"), QStringLiteral("%1,%2").arg(sphere.windowCenter).arg(sphere.windowWidth)};
    if (up)
        options << key("--up") << vectorText(*up);
    const QString out =
        m_outDir.filePath(QStringLiteral("oblique-%1.png").arg(QTest::currentDataTag()));
    const CliRun run = exportSeries(qPrintable(study), options, out);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QImage image(out);
    QVERIFY(!image.isNull());

    // The image holds the whole volume at the finest spacing, centred on the plane's centre.
    const auto [row, column] = obliqueAxes(normal, up);
    const double spacing = grid.finestSpacing();
    const auto [rowLow, rowHigh] = grid.rangeAlong(row);
    const auto [columnLow, columnHigh] = grid.rangeAlong(column);
    QVERIFY((image.width() - 1) * spacing >= rowHigh - rowLow - 1e-6);
    QVERIFY((image.width() - 2) * spacing < rowHigh - rowLow);
    QVERIFY((image.height() - 1) * spacing >= columnHigh - columnLow - 1e-6);
    QVERIFY((image.height() - 2) * spacing < columnHigh - columnLow);
    const P3 planeCentre = grid.centre() + normal * offset;
    const P3 projected = centre - normal * distance;
    const double u = (image.width() - 1) / 2.0 + dot(projected - planeCentre, row) / spacing;
    const double v = (image.height() - 1) / 2.0 + dot(projected - planeCentre, column) / spacing;
    const QPoint pixel(int(std::lround(u)), int(std::lround(v)));
    QVERIFY(image.rect().contains(pixel));

    // Near the projected centre every voxel that interpolation reads lies inside the sphere.
    const int grey = qGray(image.pixel(pixel));
    QVERIFY2(std::abs(grey - sphereGrey) <= 1.0,
             qPrintable(QStringLiteral("grey %1 at (%2,%3), expected %4")
                            .arg(grey)
                            .arg(pixel.x())
                            .arg(pixel.y())
                            .arg(sphereGrey)));

    // The disc's edges, halfway between sphere and water, along the image row and column
    // through that pixel: where the chords of the cut circle end, within one voxel's
    // blur (half the coarsest step: CT 7.5 mm between slices, MR 6 mm).
    const double cutRadius = std::sqrt(radius * radius - distance * distance);
    const double level = (sphereGrey + outsideGrey) / 2;
    const double tolerance = grid.spacing[2] / 2 / spacing; // pixels
    struct Chord
    {
        QPoint step;
        double along; // pixel's offset from the disc centre along the step
        double across;
    };
    for (const Chord& c : {Chord{{1, 0}, pixel.x() - u, pixel.y() - v},
                           Chord{{0, 1}, pixel.y() - v, pixel.x() - u}}) {
        const double half = std::sqrt(std::pow(cutRadius / spacing, 2) - c.across * c.across);
        const double forward = crossing(image, pixel, c.step, level);
        const double backward = crossing(image, pixel, -c.step, level);
        QVERIFY(forward > 0 && backward > 0);
        QVERIFY2(std::abs(forward + c.along - half) <= tolerance &&
                     std::abs(backward - c.along - half) <= tolerance,
                 qPrintable(QStringLiteral("edges %1 and %2 px from (%3,%4) along (%5,%6), "
                                           "expected %7 and %8")
                                .arg(forward)
                                .arg(backward)
                                .arg(pixel.x())
                                .arg(pixel.y())
                                .arg(c.step.x())
                                .arg(c.step.y())
                                .arg(half - c.along)
                                .arg(half + c.along)));
    }
}

void TestCliExportOblique::exportOblique_badOption_exitsOneWithMessage_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString plane = key("--plane");
    const QString oblique = key("oblique");
    const QString normal = key("--normal");
    QTest::newRow("oblique without normal")
        << QStringList{plane, oblique} << key("--plane oblique needs --normal x,y,z");
    QTest::newRow("normal with a patient plane")
        << QStringList{plane, key("axial"), normal, key("0,0,1")}
        << key("--normal and --up need --plane oblique");
    QTest::newRow("up without plane")
        << QStringList{key("--up"), key("0,0,1")} << key("--normal and --up need --plane oblique");
    QTest::newRow("normal of two numbers") << QStringList{plane, oblique, normal, key("1,2")}
                                           << key("--normal needs a non-zero direction x,y,z, "
                                                  "not '1,2'");
    QTest::newRow("zero normal") << QStringList{plane, oblique, normal, key("0,0,0")}
                                 << key("--normal needs a non-zero direction x,y,z, not '0,0,0'");
    QTest::newRow("up not a number")
        << QStringList{plane, oblique, normal, key("0,1,1"), key("--up"), key("a,b,c")}
        << key("--up needs a non-zero direction x,y,z, not 'a,b,c'");
    QTest::newRow("up along the normal")
        << QStringList{plane, oblique, normal, key("0,1,1"), key("--up"), key("0,-2,-2")}
        << key("--up must not be parallel to --normal");
    QTest::newRow("unknown plane")
        << QStringList{plane, key("transverse")}
        << key("unknown plane 'transverse' (axial, coronal, sagittal or oblique)");
}

void TestCliExportOblique::exportOblique_badOption_exitsOneWithMessage()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString out = m_outDir.filePath(key("bad-oblique.png"));
    const CliRun run = exportCt(options, out);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(key("fenestra export: ") + message + QLatin1Char('\n')),
             qPrintable(run.err));
    QVERIFY(run.err.contains(key("--plane oblique --normal X,Y,Z")));
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestCliExportOblique)
#include "tst_cli_export_oblique.moc"
