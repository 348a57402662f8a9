// Cine timing: which header attribute sets the interval between frames.

#include "view/cine.h"

#include <QTest>

#include <optional>

using namespace fenestra::viewer;

using OptionalDouble = std::optional<double>;
Q_DECLARE_METATYPE(OptionalDouble)

class TestCine : public QObject
{
    Q_OBJECT

private slots:
    void cineIntervalMs_headerAttributes_followPrecedence_data();
    void cineIntervalMs_headerAttributes_followPrecedence();
};

void TestCine::cineIntervalMs_headerAttributes_followPrecedence_data()
{
    QTest::addColumn<OptionalDouble>("recommendedRate");
    QTest::addColumn<OptionalDouble>("frameTime");
    QTest::addColumn<double>("fallbackFps");
    QTest::addColumn<double>("interval");

    const OptionalDouble none;
    QTest::newRow("rate wins over frame time")
        << OptionalDouble(25) << OptionalDouble(100) << 10.0 << 40.0;
    QTest::newRow("rate alone") << OptionalDouble(8) << none << 10.0 << 125.0;
    QTest::newRow("frame time alone") << none << OptionalDouble(33.3) << 10.0 << 33.3;
    QTest::newRow("zero rate: frame time")
        << OptionalDouble(0) << OptionalDouble(50) << 10.0 << 50.0;
    QTest::newRow("negative frame time: fallback") << none << OptionalDouble(-5) << 20.0 << 50.0;
    QTest::newRow("nothing: default 10 fps") << none << none << 10.0 << 100.0;
    QTest::newRow("nothing: fallback 25 fps") << none << none << 25.0 << 40.0;
    QTest::newRow("invalid fallback: 10 fps") << none << none << 0.0 << 100.0;
}

void TestCine::cineIntervalMs_headerAttributes_followPrecedence()
{
    QFETCH(OptionalDouble, recommendedRate);
    QFETCH(OptionalDouble, frameTime);
    QFETCH(double, fallbackFps);
    QFETCH(double, interval);

    InstanceInfo instance;
    instance.recommendedFrameRate = recommendedRate;
    instance.frameTimeMs = frameTime;
    QCOMPARE(cineIntervalMs(instance, fallbackFps), interval);
}

QTEST_GUILESS_MAIN(TestCine)
#include "tst_cine.moc"
