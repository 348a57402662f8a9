#include "../charset/charset_expected.h"
#include "dicom/dicomreader.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace fenestra::viewer;
using namespace fenestra::test;

namespace {

QString charsetDir()
{
    return QStringLiteral(FENESTRA_PYDICOM_DATA "/charset_files");
}

} // namespace

// End to end: the reader decodes Patient's Name per the file's Specific Character Set exactly
// as the reference decodings (pydicom, PS3.5 annexes) say.
class TestCharsetCorpus : public QObject
{
    Q_OBJECT

private slots:
    void references_coverEveryCharsetFile();
    void readHeader_charsetFile_decodesPatientName_data();
    void readHeader_charsetFile_decodesPatientName();
};

void TestCharsetCorpus::references_coverEveryCharsetFile()
{
    const QStringList files =
        QDir(charsetDir()).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
    QSet<QString> covered;
    for (const CharsetExpectedName& e : kCharsetExpectedPatientNames)
        covered.insert(QString::fromLatin1(e.fileName));
    for (const CharsetExpectedName& e : kCharsetExpectedSequenceItemNames)
        covered.insert(QString::fromLatin1(e.fileName));
    QCOMPARE(files.size(), covered.size());
    for (const QString& file : files)
        QVERIFY2(covered.contains(file), qPrintable(file));
}

void TestCharsetCorpus::readHeader_charsetFile_decodesPatientName_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    for (const CharsetExpectedName& e : kCharsetExpectedPatientNames)
        QTest::newRow(e.fileName) << QString::fromLatin1(e.fileName)
                                  << QString::fromUtf8(e.patientNameUtf8);
}

void TestCharsetCorpus::readHeader_charsetFile_decodesPatientName()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const auto info = readDicomHeader(DicomSource::fromFile(charsetDir() + u'/' + file));
    QVERIFY2(info, qPrintable(info ? QString() : info.error().toString()));
    QCOMPARE(info->patient.name, expected);
}

QTEST_GUILESS_MAIN(TestCharsetCorpus)
#include "tst_charsetcorpus.moc"
