// The text a 2D view draws over its image: names and dates formatted, the corner lines from
// the header, and a scale ruler of a round length that fits.

#include "widgets/overlay.h"

#include <QTest>

using namespace fenestra::viewer;

class TestOverlay : public QObject
{
    Q_OBJECT
private slots:
    void formatPersonName_ordersFamilyThenGiven_data();
    void formatPersonName_ordersFamilyThenGiven();
    void formatDicomDate_writesIsoDates_data();
    void formatDicomDate_writesIsoDates();
    void chooseScaleRuler_picksTheLongestRoundLengthThatFits_data();
    void chooseScaleRuler_picksTheLongestRoundLengthThatFits();
    void cornerTexts_describePatientStudyImageAndDisplay();
    void cornerTexts_forMr_showTrAndTe_andNoWindowForAVoiLut();
};

void TestOverlay::formatPersonName_ordersFamilyThenGiven_data()
{
    QTest::addColumn<QString>("pn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("family and given") << "Doe^Jane"
                                      << "DOE, Jane";
    QTest::newRow("with middle name") << "Doe^Jane^Mary^Dr^PhD"
                                      << "DOE, Jane Mary";
    QTest::newRow("family only") << "Phantom"
                                 << "PHANTOM";
    QTest::newRow("given only") << "^Jane"
                                << "Jane";
    QTest::newRow("ideographic group dropped") << "Yamada^Tarou=山田^太郎"
                                               << "YAMADA, Tarou";
    QTest::newRow("empty") << ""
                           << "";
}

void TestOverlay::formatPersonName_ordersFamilyThenGiven()
{
    QFETCH(QString, pn);
    QFETCH(QString, expected);
    QCOMPARE(formatPersonName(pn), expected);
}

void TestOverlay::formatDicomDate_writesIsoDates_data()
{
    QTest::addColumn<QString>("da");
    QTest::addColumn<QString>("expected");
    QTest::newRow("date") << "20240115"
                          << "2024-01-15";
    QTest::newRow("too short") << "202401"
                               << "202401";
    QTest::newRow("not digits") << "2024011X"
                                << "2024011X";
}

void TestOverlay::formatDicomDate_writesIsoDates()
{
    QFETCH(QString, da);
    QFETCH(QString, expected);
    QCOMPARE(formatDicomDate(da), expected);
}

void TestOverlay::chooseScaleRuler_picksTheLongestRoundLengthThatFits_data()
{
    QTest::addColumn<double>("mmPerPixel");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("millimetres");
    QTest::addColumn<QString>("label");
    QTest::newRow("5 cm in 250 px at 0.5 mm/px") << 0.5 << 250.0 << 100.0 << "10 cm";
    QTest::newRow("5 cm") << 0.5 << 199.0 << 50.0 << "5 cm";
    QTest::newRow("1 cm") << 0.1 << 150.0 << 10.0 << "1 cm";
    QTest::newRow("2 cm") << 0.1 << 200.0 << 20.0 << "2 cm";
    QTest::newRow("5 mm") << 0.05 << 150.0 << 5.0 << "5 mm";
    QTest::newRow("microscopic") << 0.001 << 150.0 << 0.1 << "0.1 mm";
}

void TestOverlay::chooseScaleRuler_picksTheLongestRoundLengthThatFits()
{
    QFETCH(double, mmPerPixel);
    QFETCH(double, maximum);
    QFETCH(double, millimetres);
    QFETCH(QString, label);
    const auto ruler = chooseScaleRuler(mmPerPixel, maximum);
    QVERIFY(ruler.has_value());
    QCOMPARE(ruler->millimetres, millimetres);
    QCOMPARE(ruler->widgetLength, millimetres / mmPerPixel);
    QVERIFY(ruler->widgetLength <= maximum);
    QCOMPARE(ruler->label, label);
    QVERIFY(!chooseScaleRuler(0.0, maximum));
    QVERIFY(!chooseScaleRuler(100.0, 0.0001)); // not even 0.1 mm fits
}

void TestOverlay::cornerTexts_describePatientStudyImageAndDisplay()
{
    InstanceInfo ct;
    ct.patient = PatientInfo{"Doe^Jane", "P-1", {}, "19700102", "F"};
    ct.study.date = "20240115";
    ct.study.time = "103000";
    ct.study.description = "Chest";
    ct.series.description = "Axial";
    ct.series.number = 3;
    ct.series.laterality = "L";
    ct.technique.kvp = 120;
    ct.technique.exposureMas = 250.5;
    ct.technique.sliceThickness = 7.5;
    ct.technique.sliceLocation = -12.26;
    ct.numberOfFrames = 1;
    ct.frames.resize(1);
    OverlayContext context;
    context.instance = &ct;
    context.index = 11;
    context.frameCount = 40;
    context.window = WindowLevel{40, 400};
    context.zoom = 1.5;
    const CornerTexts texts = cornerTexts(context);
    QCOMPARE(texts.topLeft, (QStringList{"DOE, Jane", "ID: P-1", "Born: 1970-01-02  Sex: F"}));
    QCOMPARE(texts.topRight,
             (QStringList{"Chest", "2024-01-15 10:30", "Se: 3  Axial", "Laterality: L"}));
    QCOMPARE(texts.bottomLeft,
             (QStringList{"Im: 12/40", "Loc: -12.3 mm", "Thk: 7.5 mm", "120 kVp  250.5 mAs"}));
    QCOMPARE(texts.bottomRight, (QStringList{"W: 400 L: 40", "Zoom: 150%"}));
}

void TestOverlay::cornerTexts_forMr_showTrAndTe_andNoWindowForAVoiLut()
{
    InstanceInfo mr;
    mr.technique.repetitionTimeMs = 500;
    mr.technique.echoTimeMs = 15;
    mr.frames.resize(1);
    mr.frames[0].plane.hasPosition = mr.frames[0].plane.hasOrientation = true;
    mr.frames[0].plane.position = Vec3{0, 0, 42};
    OverlayContext context;
    context.instance = &mr;
    context.frameCount = 1;
    context.inverted = true;
    const CornerTexts texts = cornerTexts(context);
    QCOMPARE(texts.bottomLeft, (QStringList{"Im: 1/1", "Loc: 42.0 mm", "TR: 500 ms  TE: 15 ms"}));
    QCOMPARE(texts.bottomRight, (QStringList{"VOI LUT", "Zoom: 100%", "Inverted"}));
    QVERIFY(texts.topLeft.isEmpty());
}

QTEST_GUILESS_MAIN(TestOverlay)

#include "tst_overlay.moc"
