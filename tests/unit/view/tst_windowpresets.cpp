// The CT window presets: order (keys 1..9), names and values.

#include "view/windowpresets.h"

#include <QCoreApplication>
#include <QTest>

using namespace fenestra::viewer;

class TestWindowPresets : public QObject
{
    Q_OBJECT

private slots:
    void ctWindowPresets_nineInKeyOrder();
    void ctWindowPresets_eachKey_hasItsCentreAndWidth_data();
    void ctWindowPresets_eachKey_hasItsCentreAndWidth();
};

void TestWindowPresets::ctWindowPresets_nineInKeyOrder()
{
    QCOMPARE(ctWindowPresets().size(), std::size_t(9));
}

void TestWindowPresets::ctWindowPresets_eachKey_hasItsCentreAndWidth_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("width");

    QTest::newRow("1 brain") << 1 << "Brain" << 40.0 << 80.0;
    QTest::newRow("2 subdural") << 2 << "Subdural" << 75.0 << 215.0;
    QTest::newRow("3 stroke") << 3 << "Stroke" << 40.0 << 40.0;
    QTest::newRow("4 lung") << 4 << "Lung" << -600.0 << 1500.0;
    QTest::newRow("5 mediastinum") << 5 << "Mediastinum" << 50.0 << 350.0;
    QTest::newRow("6 abdomen") << 6 << "Abdomen" << 60.0 << 400.0;
    QTest::newRow("7 liver") << 7 << "Liver" << 90.0 << 150.0;
    QTest::newRow("8 bone") << 8 << "Bone" << 480.0 << 2500.0;
    QTest::newRow("9 angio") << 9 << "Angio" << 300.0 << 600.0;
}

void TestWindowPresets::ctWindowPresets_eachKey_hasItsCentreAndWidth()
{
    QFETCH(int, key);
    QFETCH(QString, name);
    QFETCH(double, center);
    QFETCH(double, width);

    const WindowPreset& preset = ctWindowPresets()[static_cast<std::size_t>(key - 1)];
    QCOMPARE(QString::fromLatin1(preset.name), name);
    // Without a translator installed the translated name is the source text.
    QCOMPARE(QCoreApplication::translate("fenestra::viewer::WindowPreset", preset.name), name);
    QCOMPARE(preset.center, center);
    QCOMPARE(preset.width, width);
}

QTEST_GUILESS_MAIN(TestWindowPresets)
#include "tst_windowpresets.moc"
