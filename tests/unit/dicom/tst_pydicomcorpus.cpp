#include "dicom/dicomreader.h"
#include "dicomtestutil.h"
#include "pydicomcorpus_table.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace fenestra::viewer;
using namespace fenestra::test;

namespace {

QString corpusDir()
{
    return QStringLiteral(FENESTRA_PYDICOM_DATA "/test_files");
}

} // namespace

class TestPydicomCorpus : public QObject
{
    Q_OBJECT

private slots:
    void table_coversEveryCorpusFile();
    void readAndDecode_corpusFile_matchesPydicom_data();
    void readAndDecode_corpusFile_matchesPydicom();
};

void TestPydicomCorpus::table_coversEveryCorpusFile()
{
    const QStringList files =
        QDir(corpusDir()).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 60); // Debian's python3-pydicom 2.3.1 ships 68
    QSet<QString> inTable;
    for (const PydicomCorpusRow& row : pydicomCorpusRows()) {
        QVERIFY2(!inTable.contains(QString::fromLatin1(row.file)), row.file);
        inTable.insert(QString::fromLatin1(row.file));
    }
    for (const QString& file : files)
        QVERIFY2(inTable.contains(file), qPrintable(file + QStringLiteral(" has no table row")));
    for (const QString& file : inTable)
        QVERIFY2(files.contains(file), qPrintable(file + QStringLiteral(" is not in the corpus")));
}

void TestPydicomCorpus::readAndDecode_corpusFile_matchesPydicom_data()
{
    QTest::addColumn<int>("index");
    const auto& rows = pydicomCorpusRows();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i)
        QTest::newRow(rows[static_cast<std::size_t>(i)].file) << i;
}

void TestPydicomCorpus::readAndDecode_corpusFile_matchesPydicom()
{
    QFETCH(int, index);
    const PydicomCorpusRow& row = pydicomCorpusRows()[static_cast<std::size_t>(index)];
    const DicomSource source = DicomSource::fromFile(corpusDir() + u'/' + row.file);

    const auto header = readDicomHeader(source);
    if (row.headerError != nullptr) {
        QVERIFY2(!header, "readDicomHeader unexpectedly succeeded");
        QCOMPARE(errorCodeName(header.error().code), row.headerError);
        const auto pixels = decodeDicomPixels(source);
        QVERIFY2(!pixels, "decodeDicomPixels unexpectedly succeeded");
        QCOMPARE(errorCodeName(pixels.error().code), row.headerError);
        return;
    }
    QVERIFY2(header, qPrintable(header ? QString() : header.error().toString()));
    const auto pixels = decodeDicomPixels(source);
    if (row.decodeError != nullptr) {
        QVERIFY2(!pixels, "decodeDicomPixels unexpectedly succeeded");
        QCOMPARE(errorCodeName(pixels.error().code), row.decodeError);
        if (QByteArray(row.decodeError) == "NoPixelData") {
            QVERIFY(!header->hasPixelData);
            QCOMPARE(objectKindToString(header->kind), objectKindToString(row.kind));
            return;
        }
    } else {
        QVERIFY2(pixels, qPrintable(pixels ? QString() : pixels.error().toString()));
    }
    // The header describes the stored pixels; the buffer the decoded ones.
    QVERIFY(header->hasPixelData);
    QCOMPARE(header->format.rows, row.rows);
    QCOMPARE(header->format.columns, row.columns);
    QCOMPARE(header->numberOfFrames, row.frames);
    QCOMPARE(header->format.samplesPerPixel, row.samplesPerPixel);
    if (!pixels)
        return;
    const PixelFormat& f = pixels->format();
    QCOMPARE(f.rows, row.rows);
    QCOMPARE(f.columns, row.columns);
    QCOMPARE(pixels->frameCount(), row.frames);
    QCOMPARE(f.samplesPerPixel, row.samplesPerPixel);
    QCOMPARE(photometricToString(f.photometric), photometricToString(row.photometric));
    QCOMPARE(f.bitsAllocated, row.bitsAllocated);
    for (const CorpusSample& s : row.samples) {
        const qint64 got = sampleAt(*pixels, s.frame, s.row, s.column, s.sample);
        QVERIFY2(qAbs(got - s.value) <= row.tolerance,
                 qPrintable(QStringLiteral("frame %1 row %2 column %3 sample %4: %5, expected %6")
                                .arg(s.frame)
                                .arg(s.row)
                                .arg(s.column)
                                .arg(s.sample)
                                .arg(got)
                                .arg(s.value)));
    }
}

QTEST_GUILESS_MAIN(TestPydicomCorpus)
#include "tst_pydicomcorpus.moc"
