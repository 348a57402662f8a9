// Metadata from an archive (DICOM JSON) describes an object exactly as its file does: every
// field readDicomJsonHeader fills equals what readDicomHeader reads from the same object.

#include "dicom/dicomreader.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::viewer;

class TestDicomJson : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonHeader_equalsFileHeader_data();
    void jsonHeader_equalsFileHeader();
    void malformedJson_failsWithMalformed_data();
    void malformedJson_failsWithMalformed();

private:
    QTemporaryDir m_dir;
    QStringList m_files;
};

namespace {

QString firstFile(const QString& folder)
{
    const QDir dir(QStringLiteral(FENESTRA_TEST_DATA "/") + folder);
    const QStringList names = dir.entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
    return names.isEmpty() ? QString() : dir.filePath(names.first());
}

QStringList sourceFiles()
{
    QStringList files;
    for (const char* folder : {"ct", "mr", "us", "scenarios/enhanced_ct", "scenarios/voilut",
                               "scenarios/palette", "scenarios/mono1", "scenarios/padding",
                               "scenarios/ybr_full", "syntaxes/explicit_le_8bit"})
        files << firstFile(QString::fromLatin1(folder));
    for (const char* name : {"chrH31.dcm", "chrGerm.dcm", "chrRuss.dcm", "chrX1.dcm"})
        files << QStringLiteral(FENESTRA_PYDICOM_DATA "/charset_files/") + QLatin1String(name);
    return files;
}

void compareFrames(const InstanceInfo& a, const InstanceInfo& b)
{
    QCOMPARE(a.frames.size(), b.frames.size());
    for (std::size_t i = 0; i < a.frames.size(); ++i) {
        const FrameInfo& fa = a.frames[i];
        const FrameInfo& fb = b.frames[i];
        QCOMPARE(fa.plane.position, fb.plane.position);
        QCOMPARE(fa.plane.rowDirection, fb.plane.rowDirection);
        QCOMPARE(fa.plane.columnDirection, fb.plane.columnDirection);
        QCOMPARE(fa.plane.rowSpacing, fb.plane.rowSpacing);
        QCOMPARE(fa.plane.columnSpacing, fb.plane.columnSpacing);
        QCOMPARE(fa.plane.hasPosition, fb.plane.hasPosition);
        QCOMPARE(fa.plane.hasOrientation, fb.plane.hasOrientation);
        QVERIFY(fa.plane.spacingSource == fb.plane.spacingSource);
        QVERIFY(fa.rescale == fb.rescale);
        QCOMPARE(fa.windows.size(), fb.windows.size());
        for (std::size_t w = 0; w < fa.windows.size(); ++w) {
            QCOMPARE(fa.windows[w].center, fb.windows[w].center);
            QCOMPARE(fa.windows[w].width, fb.windows[w].width);
            QCOMPARE(fa.windows[w].explanation, fb.windows[w].explanation);
        }
    }
}

void compareTables(const InstanceInfo& a, const InstanceInfo& b)
{
    QCOMPARE(bool(a.voiLut), bool(b.voiLut));
    if (a.voiLut) {
        QCOMPARE(a.voiLut->firstMapped, b.voiLut->firstMapped);
        QCOMPARE(a.voiLut->bitsPerEntry, b.voiLut->bitsPerEntry);
        QVERIFY(a.voiLut->entries == b.voiLut->entries);
    }
    QCOMPARE(bool(a.palette), bool(b.palette));
    if (a.palette) {
        QVERIFY(a.palette->red == b.palette->red);
        QVERIFY(a.palette->green == b.palette->green);
        QVERIFY(a.palette->blue == b.palette->blue);
    }
    QCOMPARE(bool(a.padding), bool(b.padding));
    if (a.padding)
        QCOMPARE(a.padding->value, b.padding->value);
}

} // namespace

void TestDicomJson::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_files = sourceFiles();
    for (const QString& f : m_files)
        QVERIFY2(QFileInfo::exists(f), qPrintable(f));
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral(FENESTRA_SYSTEM_PYTHON),
                 QStringList{QStringLiteral(FENESTRA_SOURCE_DIR "/tests/tools/dicom-to-json.py"),
                             m_dir.path()} +
                     m_files);
    QVERIFY(python.waitForFinished(60000));
    QCOMPARE(python.exitCode(), 0);
}

void TestDicomJson::jsonHeader_equalsFileHeader_data()
{
    QTest::addColumn<int>("index");
    const QStringList files = sourceFiles();
    for (int i = 0; i < files.size(); ++i)
        QTest::newRow(qPrintable(QFileInfo(files[i]).dir().dirName() + QLatin1Char('/') +
                                 QFileInfo(files[i]).fileName()))
            << i;
}

void TestDicomJson::jsonHeader_equalsFileHeader()
{
    QFETCH(int, index);
    const auto file = readDicomHeader(DicomSource::fromFile(m_files.at(index)));
    QVERIFY(file.has_value());
    QFile jsonFile(m_dir.filePath(QStringLiteral("%1.json").arg(index)));
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(jsonFile.readAll()).object();
    const auto json = readDicomJsonHeader(object, QStringLiteral("metadata"));
    QVERIFY2(json.has_value(), json ? "" : qPrintable(json.error().detail));

    QCOMPARE(json->source, QStringLiteral("metadata"));
    QCOMPARE(json->patient.name, file->patient.name);
    QCOMPARE(json->patient.id, file->patient.id);
    QCOMPARE(json->patient.birthDate, file->patient.birthDate);
    QCOMPARE(json->patient.sex, file->patient.sex);
    QCOMPARE(json->study.instanceUid, file->study.instanceUid);
    QCOMPARE(json->study.description, file->study.description);
    QCOMPARE(json->study.date, file->study.date);
    QCOMPARE(json->series.instanceUid, file->series.instanceUid);
    QCOMPARE(json->series.description, file->series.description);
    QCOMPARE(json->series.modality, file->series.modality);
    QCOMPARE(json->series.number, file->series.number);
    QCOMPARE(json->series.frameOfReferenceUid, file->series.frameOfReferenceUid);
    QCOMPARE(json->sopClassUid, file->sopClassUid);
    QCOMPARE(json->sopInstanceUid, file->sopInstanceUid);
    QCOMPARE(json->instanceNumber, file->instanceNumber);
    QVERIFY(json->kind == file->kind);
    QCOMPARE(json->hasPixelData, file->hasPixelData);
    QVERIFY(json->format == file->format);
    QCOMPARE(json->numberOfFrames, file->numberOfFrames);
    QCOMPARE(json->frameTimeMs, file->frameTimeMs);
    QCOMPARE(json->recommendedFrameRate, file->recommendedFrameRate);
    QCOMPARE(json->technique.kvp, file->technique.kvp);
    QCOMPARE(json->technique.sliceThickness, file->technique.sliceThickness);
    compareFrames(*json, *file);
    compareTables(*json, *file);
}

void TestDicomJson::malformedJson_failsWithMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("tag not hex") << QByteArray(R"({"0010001G": {"vr": "PN"}})");
    QTest::newRow("tag too short") << QByteArray(R"({"001010": {"vr": "PN"}})");
    QTest::newRow("unknown VR") << QByteArray(R"({"00100010": {"vr": "QQ", "Value": ["x"]}})");
    QTest::newRow("element not an object") << QByteArray(R"({"00100010": "Doe^John"})");
    QByteArray deep = R"({"00081115": {"vr": "SQ", "Value": [)";
    for (int i = 0; i < 20; ++i)
        deep += R"({"00081115": {"vr": "SQ", "Value": [)";
    deep += "{}";
    for (int i = 0; i < 21; ++i)
        deep += "]}}";
    QTest::newRow("sequences nested too deep") << deep;
}

void TestDicomJson::malformedJson_failsWithMalformed()
{
    QFETCH(QByteArray, json);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QVERIFY(document.isObject());
    const auto info = readDicomJsonHeader(document.object(), QStringLiteral("bad"));
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().code, ErrorCode::Malformed);
}

QTEST_GUILESS_MAIN(TestDicomJson)
#include "tst_dicomjson.moc"
