#include "clirunner.h"
#include "tst_cli.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace fenestra::test;

namespace {

bool sameVector(const QJsonValue& actual, const QJsonArray& expected)
{
    const QJsonArray a = actual.toArray();
    if (a.size() != expected.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (std::abs(a[i].toDouble() - expected[i].toDouble()) > 1e-6)
            return false;
    return true;
}

QString describe(const QJsonValue& v)
{
    QStringList parts;
    for (const QJsonValue& x : v.toArray())
        parts.append(QString::number(x.toDouble()));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

#define COMPARE_VECTOR(actual, expected)                                                           \
    QVERIFY2(sameVector(actual, expected),                                                         \
             qPrintable(describe(actual) + QLatin1String(" vs ") + describe(expected)))

} // namespace

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(FENESTRA_CLI_BINARY)), FENESTRA_CLI_BINARY);
    m_manifest = loadManifest();
    QVERIFY2(m_manifest[key("complete")].toBool(), "manifest.json missing or incomplete");
    QVERIFY(m_outDir.isValid());
    // One decode of the whole transfer syntax matrix serves every syntax row.
    const CliRun run = runFenestra({key("info"), testDataPath(key("syntaxes")), key("--json")});
    QVERIFY(run.finished);
    m_syntaxesExitCode = run.exitCode;
    m_syntaxesInfo = parseJson(run.out);
    QVERIFY(!m_syntaxesInfo.isEmpty());
}

void TestCli::infoJson_syntaxMatrix_opensEveryFileWithExitZero()
{
    QStringList errors;
    for (const QJsonValue& e : m_syntaxesInfo[key("errors")].toArray())
        errors.append(e[key("source")].toString() + key(": ") + e[key("code")].toString() +
                      key(": ") + e[key("detail")].toString());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(m_syntaxesExitCode, 0);
    int files = 0;
    for (const QJsonValue& s : m_manifest[key("studies")][key("syntaxes")][key("series")].toArray())
        files += s[key("expected_files")].toInt();
    QCOMPARE(jsonInstances(m_syntaxesInfo).size(), files);
}

void TestCli::infoJson_ctPhantom_treeMatchesManifest()
{
    const QJsonObject expected = manifestSeries(m_manifest, "ct");
    const QJsonObject study = manifestStudy(m_manifest, "ct");
    const CliRun run = runFenestra({key("info"), testDataPath(key("ct")), key("--json")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject info = parseJson(run.out);
    QCOMPARE(info[key("errors")].toArray().size(), 0);
    QCOMPARE(info[key("duplicates")].toInt(), 0);
    const QJsonArray patients = info[key("patients")].toArray();
    QCOMPARE(patients.size(), 1);
    QCOMPARE(patients[0][key("name")].toString(), study[key("patient_name")].toString());
    QCOMPARE(patients[0][key("id")].toString(), study[key("patient_id")].toString());
    const QJsonArray studies = patients[0][key("studies")].toArray();
    QCOMPARE(studies.size(), 1);
    QCOMPARE(studies[0][key("studyInstanceUid")].toString(),
             study[key("study_instance_uid")].toString());
    QCOMPARE(studies[0][key("date")].toString(), study[key("study_date")].toString());
    QCOMPARE(studies[0][key("description")].toString(), study[key("study_description")].toString());
    const QList<QJsonObject> series = jsonSeries(info);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series[0][key("seriesInstanceUid")].toString(),
             expected[key("series_instance_uid")].toString());
    QCOMPARE(series[0][key("modality")].toString(), expected[key("modality")].toString());
    QCOMPARE(series[0][key("description")].toString(),
             expected[key("series_description")].toString());
    QStringList uids;
    for (const QJsonValue& i : series[0][key("instances")].toArray()) {
        uids.append(i[key("sopInstanceUid")].toString());
        QCOMPARE(i[key("transferSyntaxUid")].toString(),
                 expected[key("transfer_syntax")].toString());
        QCOMPARE(i[key("bitsStored")].toInt(), expected[key("bits")][key("stored")].toInt());
        QCOMPARE(i[key("frameSha256")].toArray().size(), 1);
    }
    QStringList expectedUids = sopUidsBySpatialOrder(expected);
    QCOMPARE(uids.size(), expected[key("expected_files")].toInt());
    uids.sort();
    expectedUids.sort();
    QCOMPARE(uids, expectedUids);
}

void TestCli::infoJson_ctPhantom_displaySetGeometryMatchesManifest()
{
    const QJsonObject expected = manifestSeries(m_manifest, "ct");
    const QJsonObject geometry = expected[key("geometry")].toObject();
    const CliRun run = runFenestra({key("info"), testDataPath(key("ct")), key("--json")});
    QVERIFY(run.finished);
    const QList<QJsonObject> series = jsonSeries(parseJson(run.out));
    QCOMPARE(series.size(), 1);
    const QJsonArray sets = series[0][key("displaySets")].toArray();
    QCOMPARE(sets.size(), 1);
    const QJsonObject ds = sets[0].toObject();
    QCOMPARE(ds[key("rows")].toInt(), geometry[key("rows")].toInt());
    QCOMPARE(ds[key("columns")].toInt(), geometry[key("columns")].toInt());
    QCOMPARE(ds[key("frames")].toInt(), geometry[key("slices")].toInt());
    QCOMPARE(ds[key("photometric")].toString(), key("MONOCHROME2"));
    QVERIFY(ds[key("isSpatial")].toBool());
    QVERIFY(ds[key("isVolume")].toBool());
    const QJsonArray cosines = geometry[key("orientation")].toArray();
    COMPARE_VECTOR(ds[key("origin")], geometry[key("origin")].toArray());
    COMPARE_VECTOR(ds[key("rowDirection")], (QJsonArray{cosines[0], cosines[1], cosines[2]}));
    COMPARE_VECTOR(ds[key("columnDirection")], (QJsonArray{cosines[3], cosines[4], cosines[5]}));
    COMPARE_VECTOR(ds[key("normal")], (QJsonArray{0.0, 0.0, 1.0}));
    COMPARE_VECTOR(ds[key("pixelSpacing")], geometry[key("pixel_spacing")].toArray());
    QCOMPARE(ds[key("sliceSpacing")].toDouble(), geometry[key("slice_spacing")].toDouble());
    QCOMPARE(ds[key("spacingIssues")].toArray().size(), 0);
    QStringList order;
    for (const QJsonValue& f : ds[key("frameOrder")].toArray()) {
        QCOMPARE(f[1].toInt(), 0);
        order.append(f[0].toString());
    }
    QCOMPARE(order, sopUidsBySpatialOrder(expected));
}

void TestCli::infoJson_losslessSyntax_frameHashesEqualReference_data()
{
    QTest::addColumn<QJsonObject>("series");
    int rows = 0;
    const QJsonArray all = m_manifest[key("studies")][key("syntaxes")][key("series")].toArray();
    for (const QJsonValue& s : all) {
        if (s[key("lossless")].toBool() && s[key("reference_series")].isString()) {
            QTest::newRow(qPrintable(s[key("name")].toString())) << s.toObject();
            ++rows;
        }
    }
    // The generator writes nine lossless copies (README); fewer rows would test less silently.
    QVERIFY2(rows >= 9, "the manifest lists fewer lossless syntaxes than the generator writes");
}

void TestCli::infoJson_losslessSyntax_frameHashesEqualReference()
{
    QFETCH(QJsonObject, series);
    const QHash<QString, QJsonObject> instances = jsonInstances(m_syntaxesInfo);
    const QJsonArray expected = series[key("instances")].toArray();
    QVERIFY(!expected.isEmpty());
    for (const QJsonValue& e : expected) {
        const QString uid = e[key("sop_instance_uid")].toString();
        const QString referenceUid = e[key("reference_sop_instance_uid")].toString();
        QVERIFY2(instances.contains(uid), qPrintable(uid));
        QVERIFY2(instances.contains(referenceUid), qPrintable(referenceUid));
        const QJsonObject instance = instances[uid];
        QCOMPARE(instance[key("transferSyntaxUid")].toString(),
                 series[key("transfer_syntax")].toString());
        QVERIFY2(!instance.contains(key("decodeError")),
                 qPrintable(instance[key("decodeError")][key("detail")].toString()));
        const QJsonArray hashes = instance[key("frameSha256")].toArray();
        QCOMPARE(hashes.size(), 1);
        QCOMPARE(hashes[0].toString().size(), 64);
        QCOMPARE(hashes, instances[referenceUid][key("frameSha256")].toArray());
    }
}

void TestCli::infoJson_badScenario_listsEachErrorWithCodeAndKeepsGoodFile()
{
    const QJsonObject expected = manifestScenarioExpectation(m_manifest, "bad");
    const CliRun run =
        runFenestra({key("info"), testDataPath(key("scenarios/bad")), key("--json")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    const QJsonObject info = parseJson(run.out);
    const QJsonArray errors = info[key("errors")].toArray();
    const QJsonArray badFiles = expected[key("bad_files")].toArray();
    QCOMPARE(errors.size(), badFiles.size());
    for (const QJsonValue& bad : badFiles) {
        const QString file = QLatin1Char('/') + bad[key("file")].toString();
        QStringList codes;
        for (const QJsonValue& e : errors)
            if (e[key("source")].toString().endsWith(file))
                codes.append(e[key("code")].toString());
        QCOMPARE(codes, QStringList{bad[key("expected_error")].toString()});
    }
    const QList<QJsonObject> all = jsonInstances(info).values();
    for (const QJsonValue& good : expected[key("good_files")].toArray()) {
        const QString file = QLatin1Char('/') + good.toString();
        const auto found = std::find_if(all.begin(), all.end(), [&](const QJsonObject& i) {
            return i[key("source")].toString().endsWith(file);
        });
        QVERIFY2(found != all.end(), qPrintable(good.toString() + key(" is not in the tree")));
        QVERIFY(!found->contains(key("decodeError")));
        QCOMPARE((*found)[key("frameSha256")].toArray().size(), 1);
    }
}

void TestCli::infoText_ctPhantom_printsTreeAndGeometry()
{
    const QJsonObject expected = manifestSeries(m_manifest, "ct");
    const QJsonObject study = manifestStudy(m_manifest, "ct");
    const CliRun run = runFenestra({key("info"), testDataPath(key("ct"))});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith(QStringLiteral("Patient %1, ID %2, ")
                                     .arg(study[key("patient_name")].toString(),
                                          study[key("patient_id")].toString())),
             qPrintable(lines[0]));
    QCOMPARE(lines[1], QStringLiteral("  Study %1 \"%2\" %3")
                           .arg(study[key("study_date")].toString(),
                                study[key("study_description")].toString(),
                                study[key("study_instance_uid")].toString()));
    // The manifest does not record the series number, so only the rest of the line is fixed.
    QVERIFY2(lines[2].startsWith(QStringLiteral("    Series ")), qPrintable(lines[2]));
    QVERIFY2(lines[2].endsWith(QStringLiteral(" CT \"%1\" %2: 40 objects")
                                   .arg(expected[key("series_description")].toString(),
                                        expected[key("series_instance_uid")].toString())),
             qPrintable(lines[2]));
    QCOMPARE(lines[3], QStringLiteral("      Display set 1: 64 x 64, 40 frames, MONOCHROME2, "
                                      "spacing 5.000 x 5.000 x 7.500 mm, "
                                      "normal (0.000, 0.000, 1.000)"));
}

void TestCli::infoText_badScenario_printsOneErrorLinePerBadFile()
{
    const QJsonObject expected = manifestScenarioExpectation(m_manifest, "bad");
    const QString folder = testDataPath(key("scenarios/bad"));
    const CliRun run = runFenestra({key("info"), folder});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.startsWith(QStringLiteral("Patient Scenario^Bad, ID FEN-SC-BAD")),
             qPrintable(run.out));
    for (const QJsonValue& bad : expected[key("bad_files")].toArray()) {
        const QString prefix =
            QStringLiteral("\nError: %1/%2: %3: ")
                .arg(folder, bad[key("file")].toString(), bad[key("expected_error")].toString());
        QVERIFY2(run.out.count(prefix) == 1, qPrintable(prefix + key(" in\n") + run.out));
    }
}

void TestCli::info_missingPath_exitsOneWithFileNotFound()
{
    const QString missing = testDataPath(key("no-such-file.dcm"));
    const CliRun run = runFenestra({key("info"), missing});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("Error: %1: FileNotFound").arg(missing)),
             qPrintable(run.out));
}

void TestCli::usageError_exitsOneWithMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString ct = testDataPath(key("ct"));
    const QString out = m_outDir.filePath(key("usage.png"));
    const QString usage = key("usage: fenestra export PATH... --series UID");
    const QStringList series{key("--series"), key("1.2.3")};
    QTest::newRow("info without path")
        << QStringList{key("info")} << key("fenestra info: no path given");
    QTest::newRow("info unknown option")
        << QStringList{key("info"), key("--bogus"), ct} << key("Unknown option 'bogus'");
    QTest::newRow("export without series")
        << QStringList{key("export"), ct, key("--out"), out} << usage;
    QTest::newRow("export without out") << (QStringList{key("export"), ct} + series) << usage;
    QTest::newRow("export without path")
        << (QStringList{key("export"), key("--out"), out} + series) << usage;
    QTest::newRow("export window without width")
        << (QStringList{key("export"), ct, key("--window"), key("40"), key("--out"), out} + series)
        << usage;
    QTest::newRow("export window zero width")
        << (QStringList{key("export"), ct, key("--window"), key("40,0"), key("--out"), out} +
            series)
        << usage;
    QTest::newRow("export frame not a number")
        << (QStringList{key("export"), ct, key("--frame"), key("two"), key("--out"), out} + series)
        << usage;
}

void TestCli::usageError_exitsOneWithMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runFenestra(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_outDir.filePath(key("usage.png"))));
}
