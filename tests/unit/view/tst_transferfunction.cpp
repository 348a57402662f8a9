// Transfer functions for 3D: presets, interpolation, relative functions and JSON.

#include "view/transferfunction.h"

#include <QJsonArray>
#include <QTest>

using namespace fenestra::viewer;

class TestTransferFunction : public QObject
{
    Q_OBJECT

private slots:
    void presets_allExistSortedAndDistinct();
    void ctBone_isTransparentForSoftTissueAndOpaqueForBone();
    void opacityAndColour_interpolateLinearlyAndClamp();
    void mipPreset_resolvesToGreyRampOverTheRange();
    void json_roundTripsEveryPreset();
    void fromJson_rejectsBadInput_data();
    void fromJson_rejectsBadInput();
};

void TestTransferFunction::presets_allExistSortedAndDistinct()
{
    QStringList ids;
    for (const TransferFunctionPreset& p : transferFunctionPresets()) {
        const auto tf = transferFunctionPreset(QLatin1String(p.id));
        QVERIFY2(tf.has_value(), p.id);
        QCOMPARE(tf->id, QLatin1String(p.id));
        QVERIFY(std::ranges::is_sorted(tf->opacity, {}, &OpacityPoint::value));
        QVERIFY(std::ranges::is_sorted(tf->colour, {}, &ColourPoint::value));
        ids << tf->id;
    }
    QCOMPARE(ids, QStringList({"ct-bone", "ct-soft-tissue", "ct-vessels", "mr-default", "mip"}));
    QVERIFY(!transferFunctionPreset(QStringLiteral("nonsense")));
}

void TestTransferFunction::ctBone_isTransparentForSoftTissueAndOpaqueForBone()
{
    const TransferFunction bone = *transferFunctionPreset(QStringLiteral("ct-bone"));
    QCOMPARE(bone.opacityAt(-1000), 0.0);
    QCOMPARE(bone.opacityAt(60), 0.0);
    QVERIFY(bone.opacityAt(1000) > 0.5);
    const TransferFunction vessels = *transferFunctionPreset(QStringLiteral("ct-vessels"));
    QVERIFY(vessels.opacityAt(300) > 0.2);
    QVERIFY(vessels.colourAt(300).red() > 2 * vessels.colourAt(300).green());
}

void TestTransferFunction::opacityAndColour_interpolateLinearlyAndClamp()
{
    TransferFunction tf;
    tf.opacity = {{0, 0.0}, {100, 1.0}};
    tf.colour = {{0, QColor(0, 0, 0)}, {100, QColor(200, 100, 0)}};
    QCOMPARE(tf.opacityAt(25), 0.25);
    QCOMPARE(tf.opacityAt(-50), 0.0);
    QCOMPARE(tf.opacityAt(500), 1.0);
    QCOMPARE(tf.colourAt(50).rgb(), qRgb(100, 50, 0));
    QCOMPARE(tf.colourAt(1000).rgb(), qRgb(200, 100, 0));
    QCOMPARE(tf.valueRange(), std::make_pair(0.0, 100.0));
    QCOMPARE(TransferFunction{}.opacityAt(5), 0.0);
}

void TestTransferFunction::mipPreset_resolvesToGreyRampOverTheRange()
{
    const TransferFunction mip = *transferFunctionPreset(QStringLiteral("mip"));
    QVERIFY(mip.relative);
    const TransferFunction resolved = mip.resolved(-1000, 2000);
    QVERIFY(!resolved.relative);
    QCOMPARE(resolved.valueRange(), std::make_pair(-1000.0, 2000.0));
    QCOMPARE(resolved.colourAt(500).rgb(), qRgb(128, 128, 128));
    QCOMPARE(resolved.opacityAt(-1000), 1.0);
    const TransferFunction bone = *transferFunctionPreset(QStringLiteral("ct-bone"));
    QCOMPARE(bone.resolved(0, 1), bone); // absolute functions stay as they are
}

void TestTransferFunction::json_roundTripsEveryPreset()
{
    for (const TransferFunctionPreset& p : transferFunctionPresets()) {
        const TransferFunction tf = *transferFunctionPreset(QLatin1String(p.id));
        const QJsonObject json = tf.toJson();
        QCOMPARE(json["format"].toString(), QStringLiteral("fenestra-transfer-function"));
        QCOMPARE(json["opacity"].toArray().size(), static_cast<qsizetype>(tf.opacity.size()));
        const auto back = TransferFunction::fromJson(json);
        QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().toString()));
        QCOMPARE(*back, tf);
    }
}

void TestTransferFunction::fromJson_rejectsBadInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("detail");
    QTest::newRow("format") << "format" << QJsonValue("other") << "\"format\"";
    QTest::newRow("version") << "version" << QJsonValue(2) << "\"version\"";
    QTest::newRow("opacity not array") << "opacity" << QJsonValue(3) << "\"opacity\"";
    QTest::newRow("opacity above 1") << "opacity" << QJsonValue(QJsonArray{QJsonArray{0, 1.5}})
                                     << "opacity point 0 is outside [0, 1]";
    QTest::newRow("opacity pair") << "opacity" << QJsonValue(QJsonArray{QJsonArray{0}})
                                  << "opacity point 0";
    QTest::newRow("colour name") << "colour" << QJsonValue(QJsonArray{QJsonArray{0, "#zzz"}})
                                 << "colour point 0";
}

void TestTransferFunction::fromJson_rejectsBadInput()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, detail);
    QJsonObject json = transferFunctionPreset(QStringLiteral("ct-bone"))->toJson();
    json[field] = value;
    const auto tf = TransferFunction::fromJson(json);
    QVERIFY(!tf.has_value());
    QCOMPARE(tf.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(tf.error().detail.contains(detail), qPrintable(tf.error().detail));
}

QTEST_GUILESS_MAIN(TestTransferFunction)
#include "tst_transferfunction.moc"
