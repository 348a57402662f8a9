// Archives from "--archive" values: "URL" or "NAME=URL", validated and normalised.

#include "dicomweb/archiveconfig.h"

#include <QTest>

using namespace fenestra::net;

class TestArchiveConfig : public QObject
{
    Q_OBJECT

private slots:
    void parse_valid_data();
    void parse_valid();
    void parse_invalid_isInvalidUrl_data();
    void parse_invalid_isInvalidUrl();
    void archiveUrl_appendsPathUnderTheRoot();
};

void TestArchiveConfig::parse_valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::newRow("bare URL, port") << "http://127.0.0.1:8042/dicom-web"
                                    << "127.0.0.1:8042"
                                    << "http://127.0.0.1:8042/dicom-web";
    QTest::newRow("trailing slashes dropped") << "https://pacs.example.org/dicom-web//"
                                              << "pacs.example.org"
                                              << "https://pacs.example.org/dicom-web";
    QTest::newRow("named") << "Radiology=https://pacs.example.org/wado"
                           << "Radiology"
                           << "https://pacs.example.org/wado";
    QTest::newRow("named with spaces") << " St. Luke's = http://h:80/dw "
                                       << "St. Luke's"
                                       << "http://h:80/dw";
    QTest::newRow("upper-case scheme") << "HTTP://h/dw"
                                       << "h"
                                       << "http://h/dw";
    QTest::newRow("root path") << "http://h:1234"
                               << "h:1234"
                               << "http://h:1234";
}

void TestArchiveConfig::parse_valid()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, url);
    const Result<ArchiveConfig> archive = parseArchiveArgument(text);
    QVERIFY2(archive.has_value(), archive ? "" : qPrintable(archive.error().toString()));
    QCOMPARE(archive->name, name);
    QCOMPARE(archive->baseUrl.toString(), url);
}

void TestArchiveConfig::parse_invalid_isInvalidUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("no scheme") << "pacs.example.org/dicom-web";
    QTest::newRow("ftp") << "ftp://pacs.example.org/dicom-web";
    QTest::newRow("no host") << "http:///dicom-web";
    QTest::newRow("query") << "http://h/dw?x=1";
    QTest::newRow("fragment") << "http://h/dw#x";
    QTest::newRow("empty name") << "=http://h/dw";
    QTest::newRow("name, no URL") << "Name=";
}

void TestArchiveConfig::parse_invalid_isInvalidUrl()
{
    QFETCH(QString, text);
    const Result<ArchiveConfig> archive = parseArchiveArgument(text);
    QVERIFY(!archive.has_value());
    QCOMPARE(archive.error().code, ErrorCode::InvalidUrl);
}

void TestArchiveConfig::archiveUrl_appendsPathUnderTheRoot()
{
    const ArchiveConfig archive = *parseArchiveArgument(QStringLiteral("http://h:1/dicom-web/"));
    QCOMPARE(archiveUrl(archive, QStringLiteral("/studies/1.2/series")).toString(),
             QStringLiteral("http://h:1/dicom-web/studies/1.2/series"));
}

QTEST_GUILESS_MAIN(TestArchiveConfig)
#include "tst_archiveconfig.moc"
