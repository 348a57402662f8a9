// ImageView on the synthetic CT phantom, rendered for real: the greys on screen follow the
// PS3.3 window formula at known voxels, the orientation markers name the patient axes through
// rotations and flips, and the mouse and keys scroll, window, zoom and pan.

#include "viewfixture.h"

#include "view/orientation.h"

#include <algorithm>
#include <array>

using namespace fixture;

class TestImageView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void greyOnScreen_atKnownVoxels_followsTheWindowFormula_data();
    void greyOnScreen_atKnownVoxels_followsTheWindowFormula();
    void orientationMarkers_nameThePatientAxes_throughRotationsAndFlips_data();
    void orientationMarkers_nameThePatientAxes_throughRotationsAndFlips();
    void wheelAndKeys_scrollTheStack_andShowTheNewFrame();
    void keys_rotateFlipInvertAndApplyPresets();
    void rightDrag_widensTheWindowAndRaisesTheLevel();
    void ctrlWheel_zoomsAroundTheCursor();
    void middleDrag_pansTheImageWithTheMouse();

private:
    DisplaySet m_ct;
    QJsonObject m_phantom;
};

namespace {

// The letters of a direction in LPS (PS3.3 C.7.6.1.1.1), strongest first, components below
// 0.25 of the unit vector left out; written here independently of the library.
QString patientLetters(const Vec3& direction)
{
    const Vec3 d = direction.normalized();
    struct Axis
    {
        double value;
        char positive, negative;
    };
    std::array<Axis, 3> axes{{{d.x, 'L', 'R'}, {d.y, 'P', 'A'}, {d.z, 'H', 'F'}}};
    std::sort(axes.begin(), axes.end(),
              [](const Axis& a, const Axis& b) { return std::abs(a.value) > std::abs(b.value); });
    QString letters;
    for (const Axis& axis : axes)
        if (std::abs(axis.value) >= 0.25)
            letters += QLatin1Char(axis.value > 0 ? axis.positive : axis.negative);
    return letters;
}

} // namespace

void TestImageView::initTestCase()
{
    m_ct = loadDisplaySet(QStringLiteral("ct"));
    QCOMPARE(static_cast<int>(m_ct.frames.size()), ctSeries()["geometry"_L1]["slices"_L1].toInt());
    m_phantom = ctSeries()["phantom"_L1].toObject();
    QVERIFY(!m_phantom.isEmpty());
}

void TestImageView::greyOnScreen_atKnownVoxels_followsTheWindowFormula_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");
    QTest::addColumn<bool>("rotated");
    for (const char* name : {"sphere_soft", "bone", "water", "air"}) {
        QTest::addRow("%s 40/400", name) << QString::fromLatin1(name) << 40.0 << 400.0 << false;
        QTest::addRow("%s -600/1500", name)
            << QString::fromLatin1(name) << -600.0 << 1500.0 << false;
        QTest::addRow("%s 100/250 turned, flipped, zoomed", name)
            << QString::fromLatin1(name) << 100.0 << 250.0 << true;
    }
}

void TestImageView::greyOnScreen_atKnownVoxels_followsTheWindowFormula()
{
    QFETCH(QString, name);
    QFETCH(double, center);
    QFETCH(double, width);
    QFETCH(bool, rotated);
    const NamedVoxel target = phantomVoxel(m_phantom, name);
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    QVERIFY(shown.goTo(target.voxel.slice));
    if (rotated) {
        shown.view->rotate(true);
        shown.view->flipHorizontal();
        shown.view->zoomIn();
    }
    shown.view->setWindowLevel(WindowLevel{center, width});
    const QImage image = shown.view->renderToImage(false);
    QVERIFY(!image.isNull());
    const QPoint at = shown.devicePixel(centreOf(target.voxel));
    QVERIFY2(image.rect().contains(at), "the voxel is off screen");
    const int grey = qGray(image.pixel(at));
    const int expected = expectedGrey(target.hu, center, width);
    QVERIFY2(
        std::abs(grey - expected) <= 1,
        qPrintable(
            QStringLiteral("%1 HU: shown %2, formula %3").arg(target.hu).arg(grey).arg(expected)));
    QCOMPARE(shown.view->displayedGrey(centreOf(target.voxel)), expected);
}

void TestImageView::orientationMarkers_nameThePatientAxes_throughRotationsAndFlips_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("operations");   // R: rotate clockwise, L: anticlockwise, H, V: flips
    QTest::addColumn<QStringList>("expected"); // left, right, top, bottom
    // Axial CT: row direction +x (L), column direction +y (P).
    const QStringList axial{"R", "L", "A", "P"};
    QTest::addRow("axial") << "ct"
                           << "" << axial;
    QTest::addRow("axial turned clockwise") << "ct"
                                            << "R" << QStringList{"P", "A", "R", "L"};
    QTest::addRow("axial turned back") << "ct"
                                       << "RL" << axial;
    QTest::addRow("axial turned twice") << "ct"
                                        << "RR" << QStringList{"L", "R", "P", "A"};
    QTest::addRow("axial flipped left-right") << "ct"
                                              << "H" << QStringList{"L", "R", "A", "P"};
    QTest::addRow("axial flipped top-bottom") << "ct"
                                              << "V" << QStringList{"R", "L", "P", "A"};
    QTest::addRow("axial turned then flipped") << "ct"
                                               << "RH" << QStringList{"A", "P", "R", "L"};
    QTest::addRow("axial flipped then turned") << "ct"
                                               << "HR" << QStringList{"P", "A", "L", "R"};
    // Oblique MR: rows (0.985, 0, -0.174) -> L (z below 0.25 dropped); columns
    // (0.059, 0.940, 0.337) -> P then H.
    QTest::addRow("oblique") << "mr"
                             << "" << QStringList{"R", "L", "AF", "PH"};
    QTest::addRow("oblique turned anticlockwise") << "mr"
                                                  << "L" << QStringList{"AF", "PH", "L", "R"};
    QTest::addRow("oblique flipped top-bottom") << "mr"
                                                << "V" << QStringList{"R", "L", "PH", "AF"};
    // Expectations worked out here from the manifest's orientation: the oblique MR again, and
    // coronal and sagittal series when the data generator provides them.
    const auto addFromManifest = [](const QString& name, const QJsonObject& series) {
        const QJsonArray cosines = series["geometry"_L1]["orientation"_L1].toArray();
        const Vec3 row{cosines[0].toDouble(), cosines[1].toDouble(), cosines[2].toDouble()};
        const Vec3 column{cosines[3].toDouble(), cosines[4].toDouble(), cosines[5].toDouble()};
        QTest::addRow("%s", qPrintable(name))
            << series["directory"_L1].toString() << ""
            << QStringList{patientLetters(row * -1.0), patientLetters(row),
                           patientLetters(column * -1.0), patientLetters(column)};
    };
    addFromManifest(QStringLiteral("oblique from the manifest"),
                    manifest()["studies"_L1]["mr"_L1]["series"_L1][0].toObject());
    const QJsonObject scenarios = manifest()["scenarios"_L1].toObject();
    for (auto it = scenarios.begin(); it != scenarios.end(); ++it) {
        if (it.key().contains(QLatin1String("coronal")) ||
            it.key().contains(QLatin1String("sagittal")))
            addFromManifest(it.key(), it.value().toObject());
    }
}

void TestImageView::orientationMarkers_nameThePatientAxes_throughRotationsAndFlips()
{
    QFETCH(QString, folder);
    QFETCH(QString, operations);
    QFETCH(QStringList, expected);
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(loadDisplaySet(folder)));
    for (const QChar op : operations) {
        if (op == QLatin1Char('R'))
            shown.view->rotate(true);
        else if (op == QLatin1Char('L'))
            shown.view->rotate(false);
        else if (op == QLatin1Char('H'))
            shown.view->flipHorizontal();
        else
            shown.view->flipVertical();
    }
    const OrientationMarkers markers = shown.view->currentMarkers();
    QCOMPARE((QStringList{markers.left, markers.right, markers.top, markers.bottom}), expected);
}

void TestImageView::wheelAndKeys_scrollTheStack_andShowTheNewFrame()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    const int last = static_cast<int>(m_ct.frames.size()) - 1;
    const int middle = static_cast<int>(m_ct.frames.size()) / 2;
    QCOMPARE(shown.view->currentIndex(), middle);
    const QPointF centre(32.5, 32.5);
    shown.view->setWindowLevel(WindowLevel{40, 400});
    QSignalSpy shownFrames(shown.view.get(), &ImageView::frameShown);

    wheel(shown.view.get(), QPointF(100, 100), -1); // towards the user: next image
    QCOMPARE(shown.view->currentIndex(), middle + 1);
    QVERIFY(shown.goTo(shown.view->currentIndex()));
    QTest::keyClick(shown.view.get(), Qt::Key_Up);
    QCOMPARE(shown.view->currentIndex(), middle);
    QTest::keyClick(shown.view.get(), Qt::Key_PageDown);
    QCOMPARE(shown.view->currentIndex(), middle + 10);
    QTest::keyClick(shown.view.get(), Qt::Key_Home);
    QCOMPARE(shown.view->currentIndex(), 0);
    QTest::keyClick(shown.view.get(), Qt::Key_Left); // clamped
    QCOMPARE(shown.view->currentIndex(), 0);
    QTest::keyClick(shown.view.get(), Qt::Key_End);
    QCOMPARE(shown.view->currentIndex(), last);
    QVERIFY(shown.goTo(last));
    QVERIFY(shownFrames.contains(QVariantList{last}));
    // The last slice lies beyond the water cylinder's z range: air where the middle had water.
    const QImage image = shown.view->renderToImage(false);
    QCOMPARE(qGray(image.pixel(shown.devicePixel(centre))), expectedGrey(-1000, 40, 400));
    QVERIFY(shown.goTo(middle));
    QCOMPARE(qGray(shown.view->renderToImage(false).pixel(shown.devicePixel(centre))),
             expectedGrey(0, 40, 400));
}

void TestImageView::keys_rotateFlipInvertAndApplyPresets()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    QWidget* view = shown.view.get();
    QTest::keyClick(view, Qt::Key_R);
    QCOMPARE(shown.view->transform().quarterTurns(), 1);
    QTest::keyClick(view, Qt::Key_R, Qt::ShiftModifier);
    QCOMPARE(shown.view->transform().quarterTurns(), 0);
    QTest::keyClick(view, Qt::Key_H);
    QVERIFY(shown.view->transform().isFlippedHorizontally());
    QTest::keyClick(view, Qt::Key_V);
    QVERIFY(shown.view->transform().isFlippedVertically());
    const double fitted = shown.view->transform().zoom();
    QTest::keyClick(view, Qt::Key_Equal);
    QVERIFY(shown.view->transform().zoom() > fitted);
    QTest::keyClick(view, Qt::Key_F);
    QCOMPARE(shown.view->transform().zoom(), fitted);
    QTest::keyClick(view, Qt::Key_4); // lung -600/1500
    QCOMPARE(shown.view->windowLevel(), (WindowLevel{-600, 1500}));
    const QPointF water(32.5, 32.5);
    QCOMPARE(shown.view->displayedGrey(water), expectedGrey(0, -600, 1500));
    QTest::keyClick(view, Qt::Key_I);
    QVERIFY(shown.view->isInverted());
    QCOMPARE(shown.view->displayedGrey(water), 255 - expectedGrey(0, -600, 1500));
    QTest::keyClick(view, Qt::Key_0); // back to the header window (CT: 40/400 unless stated)
    QVERIFY(shown.view->windowLevel() != (WindowLevel{-600, 1500}));
    QTest::keyClick(view, Qt::Key_A);
    QVERIFY(!shown.view->annotationsVisible());
}

void TestImageView::rightDrag_widensTheWindowAndRaisesTheLevel()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setWindowLevel(WindowLevel{40, 400});
    QSignalSpy changed(shown.view.get(), &ImageView::windowLevelChanged);
    drag(shown.view.get(), QPointF(100, 100), QPointF(150, 120), Qt::RightButton);
    QVERIFY(!changed.isEmpty());
    const WindowLevel window = shown.view->windowLevel();
    // 1/200 of the width per pixel: +50 px -> +100 width; +20 px -> +40 level, roughly (the
    // step follows the width as it changes).
    QVERIFY2(window.width > 480 && window.width < 520, qPrintable(QString::number(window.width)));
    QVERIFY2(window.center > 75 && window.center < 90, qPrintable(QString::number(window.center)));
}

void TestImageView::ctrlWheel_zoomsAroundTheCursor()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    const QPointF cursor(150.0, 420.0);
    const QPointF underCursor = shown.view->transform().toImage(cursor);
    const double before = shown.view->transform().zoom();
    QSignalSpy changed(shown.view.get(), &ImageView::viewChanged);
    wheel(shown.view.get(), cursor, 2, Qt::ControlModifier);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(shown.view->currentIndex(), static_cast<int>(m_ct.frames.size()) / 2); // no scroll
    QVERIFY(std::abs(shown.view->transform().zoom() / before - 1.44) < 1e-6);
    const QPointF after = shown.view->transform().toWidget(underCursor);
    QVERIFY(QLineF(after, cursor).length() < 1e-6);
}

void TestImageView::middleDrag_pansTheImageWithTheMouse()
{
    ShownView shown;
    QVERIFY(shown.exposed());
    QVERIFY(shown.open(m_ct));
    shown.view->setWindowLevel(WindowLevel{40, 400});
    const NamedVoxel bone = phantomVoxel(m_phantom, QStringLiteral("bone"));
    QVERIFY(shown.goTo(bone.voxel.slice));
    const QPointF before = shown.widgetAt(centreOf(bone.voxel));
    drag(shown.view.get(), QPointF(300, 300), QPointF(260, 330), Qt::MiddleButton);
    const QPointF after = shown.widgetAt(centreOf(bone.voxel));
    QVERIFY(QLineF(after - before, QPointF(-40, 30)).length() < 1e-6);
    // The bone is shown where the transform now puts it.
    const QImage image = shown.view->renderToImage(false);
    QCOMPARE(qGray(image.pixel(shown.devicePixel(centreOf(bone.voxel)))),
             expectedGrey(bone.hu, 40, 400));
}

FENESTRA_GUI_TEST_MAIN(TestImageView)

#include "tst_imageview.moc"
