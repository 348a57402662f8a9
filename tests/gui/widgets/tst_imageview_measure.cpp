// Measurements made with the mouse on the synthetic CT phantom read its ground truth: the 50 mm
// between its markers, 100 HU inside its soft sphere, a right angle; they are selected, edited
// by their handles and deleted with the keyboard.

#include "viewfixture.h"

#include "view/measurement.h"

using namespace fixture;

class TestImageViewMeasure : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lengthMeasurement_betweenTheMarkers_is50mm();
    void ellipseRoi_insideTheSoftSphere_reads100HU();
    void angleMeasurement_withThreeClicks_readsTheRightAngle();
    void probeClick_readsTheValueAndPatientPosition();
    void measurementHandle_draggedToAnotherVoxel_changesTheLength();
    void deleteKey_removesTheSelectedMeasurement();
    void measurements_areDrawnOnlyOnTheirFrame();
    void measurementsOfEveryKind_haveTheirSummary_andAreDrawn();

private:
    DisplaySet m_ct;
    QJsonObject m_phantom;
};

void TestImageViewMeasure::initTestCase()
{
    m_ct = loadDisplaySet(QStringLiteral("ct"));
    QVERIFY(!m_ct.frames.empty());
    m_phantom = ctSeries()["phantom"_L1].toObject();
    QVERIFY(!m_phantom.isEmpty());
}

void TestImageViewMeasure::lengthMeasurement_betweenTheMarkers_is50mm()
{
    const QJsonArray markers = m_phantom["markers"_L1].toArray();
    const Voxel a = voxelOf(markers.at(0)["voxel"_L1].toArray());
    const Voxel b = voxelOf(markers.at(1)["voxel"_L1].toArray());
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    QVERIFY(shown.goTo(a.slice));
    // Marker voxels are the brightest on this slice: check we aim at them.
    shown.view->setWindowLevel(WindowLevel{1500, 1000});
    QCOMPARE(shown.view->displayedGrey(centreOf(a)), expectedGrey(2000, 1500, 1000));
    shown.view->setTool(MouseTool::Length);
    QSignalSpy changed(shown.view.get(), &ImageView::measurementsChanged);
    drag(shown.view.get(), shown.widgetAt(centreOf(a)), shown.widgetAt(centreOf(b)));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    const Measurement& m = shown.view->measurements().front();
    QCOMPARE(m.kind, MeasurementKind::Length);
    QCOMPARE(m.frame, m_ct.frames[static_cast<std::size_t>(a.slice)].frame);
    QCOMPARE(m.sopInstanceUid,
             m_ct.frames[static_cast<std::size_t>(a.slice)].instance->sopInstanceUid);
    const double distance = m_phantom["marker_distance_mm"_L1].toDouble();
    const LengthResult length = measureLength(shown.view->currentPlane(), m.points[0], m.points[1]);
    QVERIFY(length.calibrated);
    QVERIFY2(std::abs(length.millimetres - distance) <= 0.5,
             qPrintable(QString::number(length.millimetres)));
    const QString summary = shown.view->measurementSummary(m);
    QVERIFY2(summary.endsWith(QLatin1String(" mm")), qPrintable(summary));
    QVERIFY2(std::abs(firstNumber(summary) - distance) <= 0.5, qPrintable(summary));
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_length.png"));
}

void TestImageViewMeasure::ellipseRoi_insideTheSoftSphere_reads100HU()
{
    const NamedVoxel soft = phantomVoxel(m_phantom, QStringLiteral("sphere_soft"));
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    QVERIFY(shown.goTo(soft.voxel.slice));
    shown.view->setTool(MouseTool::Ellipse);
    // 2 pixels (10 mm) either side of the centre: well inside the 20 mm sphere.
    const QPointF centre = centreOf(soft.voxel);
    drag(shown.view.get(), shown.widgetAt(centre - QPointF(2, 2)),
         shown.widgetAt(centre + QPointF(2, 2)));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    const Measurement& m = shown.view->measurements().front();
    QCOMPARE(m.kind, MeasurementKind::Ellipse);
    const QString summary = shown.view->measurementSummary(m);
    QVERIFY2(summary.startsWith(QLatin1String("Mean ")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String(" HU ")), qPrintable(summary));
    QVERIFY2(std::abs(firstNumber(summary) - soft.hu) <= 1.0, qPrintable(summary));
    QVERIFY2(std::abs(firstNumber(summary, 1)) <= 1.0,
             qPrintable(summary)); // SD of a uniform sphere
    QVERIFY2(summary.contains(QStringLiteral("mm²")), qPrintable(summary));
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_ellipse.png"));
}

void TestImageViewMeasure::angleMeasurement_withThreeClicks_readsTheRightAngle()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setTool(MouseTool::Angle);
    click(shown.view.get(), shown.widgetAt(QPointF(10.5, 40.5)));
    click(shown.view.get(), shown.widgetAt(QPointF(30.5, 40.5))); // the vertex
    QVERIFY(shown.view->measurements().empty());                  // still in progress
    click(shown.view.get(), shown.widgetAt(QPointF(30.5, 20.5)));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    const QString summary = shown.view->measurementSummary(shown.view->measurements().front());
    QVERIFY2(std::abs(firstNumber(summary) - 90.0) <= 0.1, qPrintable(summary));
    QVERIFY2(summary.endsWith(QStringLiteral("°")), qPrintable(summary));
}

void TestImageViewMeasure::measurementHandle_draggedToAnotherVoxel_changesTheLength()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setTool(MouseTool::Length);
    const QPointF a(20.5, 20.5), b(30.5, 20.5); // 10 pixels of 5 mm
    drag(shown.view.get(), shown.widgetAt(a), shown.widgetAt(b));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    QVERIFY(!shown.view->selectedMeasurement().isNull());
    // Drag the end handle 6 pixels down: sqrt(10^2 + 6^2) pixels.
    shown.view->setTool(MouseTool::Scroll); // handles are editable whatever the tool
    QSignalSpy changed(shown.view.get(), &ImageView::measurementsChanged);
    drag(shown.view.get(), shown.widgetAt(b), shown.widgetAt(b + QPointF(0, 6)));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(shown.view->currentIndex(), static_cast<int>(m_ct.frames.size()) / 2); // no scroll
    const Measurement& m = shown.view->measurements().front();
    const double expected = std::hypot(10.0, 6.0) * 5.0;
    QVERIFY2(std::abs(firstNumber(shown.view->measurementSummary(m)) - expected) <= 0.5,
             qPrintable(shown.view->measurementSummary(m)));
}

void TestImageViewMeasure::deleteKey_removesTheSelectedMeasurement()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setTool(MouseTool::Rectangle);
    drag(shown.view.get(), shown.widgetAt(QPointF(10, 10)), shown.widgetAt(QPointF(20, 15)));
    drag(shown.view.get(), shown.widgetAt(QPointF(30, 30)), shown.widgetAt(QPointF(40, 35)));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 2);
    const QUuid first = shown.view->measurements().front().id;
    // Clicking on the first one's edge selects it; Delete removes only it.
    click(shown.view.get(), shown.widgetAt(QPointF(15, 10)));
    QCOMPARE(shown.view->selectedMeasurement(), first);
    QTest::keyClick(shown.view.get(), Qt::Key_Delete);
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    QVERIFY(shown.view->measurements().front().id != first);
    // Escape drops a measurement in progress.
    shown.view->setTool(MouseTool::Angle);
    click(shown.view.get(), shown.widgetAt(QPointF(5, 5)));
    QTest::keyClick(shown.view.get(), Qt::Key_Escape);
    click(shown.view.get(), shown.widgetAt(QPointF(50, 50)));
    click(shown.view.get(), shown.widgetAt(QPointF(55, 50)));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1); // a new angle, unfinished
}

void TestImageViewMeasure::probeClick_readsTheValueAndPatientPosition()
{
    const NamedVoxel soft = phantomVoxel(m_phantom, QStringLiteral("sphere_soft"));
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    QVERIFY(shown.goTo(soft.voxel.slice));
    shown.view->setTool(MouseTool::Probe);
    QSignalSpy status(shown.view.get(), &ImageView::statusMessage);
    click(shown.view.get(), shown.widgetAt(centreOf(soft.voxel)));
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1);
    const Measurement& m = shown.view->measurements().front();
    QCOMPARE(m.kind, MeasurementKind::Probe);
    const QString summary = shown.view->measurementSummary(m);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.last().at(0).toString(), summary);
    // "100.0 HU (-50.0, 0.0, 0.0 mm)": the value, then the sphere's centre from the manifest
    // (within half a pixel: the voxel centre is the sphere centre).
    QCOMPARE(firstNumber(summary), soft.hu);
    QVERIFY2(summary.contains(QLatin1String(" HU ")), qPrintable(summary));
    const QJsonArray centre = m_phantom["spheres"_L1][0]["centre"_L1].toArray();
    for (int axis = 0; axis < 3; ++axis)
        QVERIFY2(std::abs(firstNumber(summary, axis + 1) - centre.at(axis).toDouble()) <= 2.5,
                 qPrintable(summary));
}

void TestImageViewMeasure::measurements_areDrawnOnlyOnTheirFrame()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setAnnotationsVisible(false);
    shown.view->setWindowLevel(WindowLevel{40, 400});
    shown.view->setTool(MouseTool::Length);
    drag(shown.view.get(), shown.widgetAt(QPointF(5, 5)), shown.widgetAt(QPointF(5, 60)));
    const auto colouredPixels = [&] {
        const QImage image = shown.view->renderToImage(true);
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = image.pixel(x, y);
                count += qRed(c) != qBlue(c) ? 1 : 0;
            }
        return count;
    };
    QVERIFY(colouredPixels() > 100); // the line, its handles and its label
    const int frame = shown.view->currentIndex();
    QVERIFY(shown.goTo(frame + 1));
    QCOMPARE(colouredPixels(), 0);
    QVERIFY(shown.goTo(frame));
    QVERIFY(colouredPixels() > 100);
    QCOMPARE(static_cast<int>(shown.view->measurements().size()), 1); // kept for the display set
}

void TestImageViewMeasure::measurementsOfEveryKind_haveTheirSummary_andAreDrawn()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    const FrameRef& ref = m_ct.frames[static_cast<std::size_t>(shown.view->currentIndex())];
    const auto make = [&](MeasurementKind kind, std::vector<QPointF> points, QString text = {}) {
        return Measurement{
            QUuid::createUuid(), kind,           ref.instance->sopInstanceUid, ref.frame,
            std::move(points),   std::move(text)};
    };
    std::vector<Measurement> all{
        make(MeasurementKind::Length, {{8, 50}, {24, 50}}),
        make(MeasurementKind::Angle, {{40, 8}, {50, 18}, {60, 8}}),
        make(MeasurementKind::Rectangle, {{28.5, 28.5}, {36.5, 36.5}}),
        make(MeasurementKind::Ellipse, {{40, 28}, {48, 36}}),
        make(MeasurementKind::Probe, {{44.5, 32.5}}),
        make(MeasurementKind::Text, {{6, 12}}, QStringLiteral("Note")),
        make(MeasurementKind::Arrow, {{20, 20}, {12, 28}}, QStringLiteral("Here")),
    };
    QSignalSpy changed(shown.view.get(), &ImageView::measurementsChanged);
    shown.view->setMeasurements(all);
    QCOMPARE(changed.size(), 1);
    const auto& shownMeasurements = shown.view->measurements();
    QCOMPARE(firstNumber(shown.view->measurementSummary(shownMeasurements[0])), 80.0); // 16 px
    QCOMPARE(firstNumber(shown.view->measurementSummary(shownMeasurements[1])), 90.0);
    // The rectangle lies in water (0 HU); the probe sits on the bone (1000 HU).
    QCOMPARE(firstNumber(shown.view->measurementSummary(shownMeasurements[2])), 0.0);
    QVERIFY(shown.view->measurementSummary(shownMeasurements[3]).startsWith(QLatin1String("Mean")));
    QCOMPARE(firstNumber(shown.view->measurementSummary(shownMeasurements[4])), 1000.0);
    QCOMPARE(shown.view->measurementSummary(shownMeasurements[5]), QStringLiteral("Note"));
    shown.view->updateMeasurementText(shownMeasurements[6].id, QStringLiteral("There"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(shown.view->measurementSummary(shownMeasurements[6]), QStringLiteral("There"));
    shown.view->selectMeasurement(shownMeasurements[3].id);
    shown.view->setWindowLevel(WindowLevel{40, 400});
    saveScreenshot(shown.view->renderToImage(true), QStringLiteral("imageview_measurements.png"));
}

FENESTRA_GUI_TEST_MAIN(TestImageViewMeasure)

#include "tst_imageview_measure.moc"
