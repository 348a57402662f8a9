// QIDO-RS query strings: exact encoding, what a standard (percent-decoding) server reads from
// them, what QUrl puts on the wire, and the literal-value form for servers that do not decode.

#include "dicomweb/archiveconfig.h"
#include "dicomweb/dicomwebclient.h"
#include "dicomweb/qidoquery.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

using namespace fenestra::net;

class TestQidoQuery : public QObject
{
    Q_OBJECT

private slots:
    void encodeComponent_data();
    void encodeComponent();
    void encodedQuery_decodedByQUrlQuery_givesTheSameValues_data();
    void encodedQuery_decodedByQUrlQuery_givesTheSameValues();
    void studyQuery_allFilters_exactQueryString();
    void studyQuery_dateRanges_data();
    void studyQuery_dateRanges();
    void seriesAndInstanceQueries_exactQueryStrings();
    void searchUrl_onTheWire_caretIsEncodedByQUrl_restStaysAsBuilt();
    void literalValues_wildcardAttributes_unsendableCharactersBecomeQuestionMarks_data();
    void literalValues_wildcardAttributes_unsendableCharactersBecomeQuestionMarks();
    void literalValues_nonWildcardAttributes_areUnchanged();
    void literalValues_travelThroughQUrlUnchanged();
};

void TestQidoQuery::encodeComponent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("name separator and wildcard") << "Phantom^CT*" << QByteArray("Phantom^CT*");
    QTest::newRow("single wildcard, list, dot, range")
        << "a?b,c.d-e_f~" << QByteArray("a?b,c.d-e_f~");
    QTest::newRow("space") << "CT phantom" << QByteArray("CT%20phantom");
    QTest::newRow("query delimiters") << "a&b=c+d#e" << QByteArray("a%26b%3Dc%2Bd%23e");
    QTest::newRow("percent") << "100%" << QByteArray("100%25");
    QTest::newRow("path and reserved") << "a/b:c@d;e" << QByteArray("a%2Fb%3Ac%40d%3Be");
    QTest::newRow("backslash (value separator)") << "CT\\MR" << QByteArray("CT%5CMR");
    QTest::newRow("non-ASCII as UTF-8")
        << QString::fromUtf8("Müller^Jürgen") << QByteArray("M%C3%BCller^J%C3%BCrgen");
    QTest::newRow("CJK") << QString::fromUtf8("山田") << QByteArray("%E5%B1%B1%E7%94%B0");
    QTest::newRow("empty") << "" << QByteArray();
}

void TestQidoQuery::encodeComponent()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(encodeQueryComponent(text), encoded);
}

void TestQidoQuery::encodedQuery_decodedByQUrlQuery_givesTheSameValues_data()
{
    encodeComponent_data();
}

void TestQidoQuery::encodedQuery_decodedByQUrlQuery_givesTheSameValues()
{
    QFETCH(QString, text);
    const QueryItems items = {{QStringLiteral("PatientName"), text},
                              {QStringLiteral("includefield"), QStringLiteral("00081030")}};
    const QByteArray encoded = encodeQuery(items);
    // What a standard server decodes, from our string and from what QUrl sends on the wire.
    QUrl url(QStringLiteral("http://127.0.0.1/dicom-web/studies"));
    url.setQuery(QString::fromLatin1(encoded), QUrl::TolerantMode);
    for (const QString& query : {QString::fromLatin1(encoded),
                                 QString::fromLatin1(url.query(QUrl::FullyEncoded).toLatin1())}) {
        const QUrlQuery decoded(query);
        QCOMPARE(decoded.queryItemValue(QStringLiteral("PatientName"), QUrl::FullyDecoded), text);
        QCOMPARE(decoded.queryItemValue(QStringLiteral("includefield"), QUrl::FullyDecoded),
                 QStringLiteral("00081030"));
        QCOMPARE(decoded.queryItems(QUrl::FullyDecoded).size(), 2);
    }
}

void TestQidoQuery::studyQuery_allFilters_exactQueryString()
{
    StudyQuery query;
    query.patientName = QStringLiteral("Phantom^C*");
    query.patientId = QStringLiteral("FEN-CT-001");
    query.patientBirthDate = QDate(1970, 1, 1);
    query.studyDate = {QDate(2024, 1, 1), QDate(2024, 1, 31)};
    query.modalities = {QStringLiteral("CT"), QStringLiteral("MR")};
    query.accessionNumber = QStringLiteral("FENA28C15");
    query.includeFields = {QStringLiteral("StudyID"), QStringLiteral("StudyDescription")};
    query.paging = {10, 20};
    QCOMPARE(encodeQuery(queryItems(query)),
             QByteArray("PatientName=Phantom^C*&PatientID=FEN-CT-001&PatientBirthDate=19700101"
                        "&StudyDate=20240101-20240131&ModalitiesInStudy=CT,MR"
                        "&AccessionNumber=FENA28C15&includefield=StudyDescription"
                        "&includefield=ModalitiesInStudy&includefield=NumberOfStudyRelatedSeries"
                        "&includefield=NumberOfStudyRelatedInstances&includefield=StudyID"
                        "&limit=10&offset=20"));
}

void TestQidoQuery::studyQuery_dateRanges_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("closed") << QDate(2024, 1, 1) << QDate(2024, 1, 31)
                            << QByteArray("StudyDate=20240101-20240131");
    QTest::newRow("from") << QDate(2024, 1, 1) << QDate() << QByteArray("StudyDate=20240101-");
    QTest::newRow("until") << QDate() << QDate(2024, 1, 31) << QByteArray("StudyDate=-20240131");
    QTest::newRow("one day") << QDate(2024, 1, 15) << QDate(2024, 1, 15)
                             << QByteArray("StudyDate=20240115");
    QTest::newRow("none") << QDate() << QDate() << QByteArray();
}

void TestQidoQuery::studyQuery_dateRanges()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QByteArray, expected);
    StudyQuery query;
    query.studyDate = {from, to};
    QueryItems items = queryItems(query);
    items.removeIf([](const auto& item) { return item.first == QLatin1String("includefield"); });
    QCOMPARE(encodeQuery(items), expected);
}

void TestQidoQuery::seriesAndInstanceQueries_exactQueryStrings()
{
    SeriesQuery series;
    series.modality = QStringLiteral("MR");
    series.paging.limit = 5;
    QCOMPARE(encodeQuery(queryItems(series)),
             QByteArray("Modality=MR&includefield=SeriesDescription"
                        "&includefield=NumberOfSeriesRelatedInstances&limit=5"));
    InstanceQuery instances;
    instances.paging.offset = 3;
    QCOMPARE(encodeQuery(queryItems(instances)),
             QByteArray("includefield=Rows&includefield=Columns&includefield=NumberOfFrames"
                        "&offset=3"));
}

void TestQidoQuery::searchUrl_onTheWire_caretIsEncodedByQUrl_restStaysAsBuilt()
{
    QNetworkAccessManager manager;
    DicomWebClient client(*parseArchiveArgument(QStringLiteral("http://127.0.0.1:8042/dicom-web/")),
                          &manager);
    const QueryItems items = {{QStringLiteral("PatientName"), QStringLiteral("Ph?ntom^C* x")},
                              {QStringLiteral("StudyDate"), QStringLiteral("20240101-")},
                              {QStringLiteral("ModalitiesInStudy"), QStringLiteral("CT,MR")}};
    const QUrl url = client.searchUrl(QStringLiteral("/studies"), items);
    // QUrl (hence QNetworkAccessManager) always percent-encodes '^': why QueryDialect exists.
    QCOMPARE(url.toEncoded(),
             QByteArray("http://127.0.0.1:8042/dicom-web/studies?PatientName=Ph?ntom%5EC*%20x"
                        "&StudyDate=20240101-&ModalitiesInStudy=CT,MR"));
}

void TestQidoQuery::literalValues_wildcardAttributes_unsendableCharactersBecomeQuestionMarks_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("caret") << "Phantom^CT"
                           << "Phantom?CT";
    QTest::newRow("wildcards kept") << "PHANTOM*^?x"
                                    << "PHANTOM*??x";
    QTest::newRow("space and ampersand") << "A B&C"
                                         << "A?B?C";
    QTest::newRow("non-ASCII, one per character")
        << QString::fromUtf8("Müller^Jürgen") << "M?ller?J?rgen";
    QTest::newRow("outside the BMP") << QString::fromUtf8("a\U0001F600b") << "a?b";
    QTest::newRow("plain") << "FEN-CT-001"
                           << "FEN-CT-001";
}

void TestQidoQuery::literalValues_wildcardAttributes_unsendableCharactersBecomeQuestionMarks()
{
    QFETCH(QString, value);
    QFETCH(QString, literal);
    const QueryItems items = literalValueItems({{QStringLiteral("PatientName"), value}});
    QCOMPARE(items.first().second, literal);
}

void TestQidoQuery::literalValues_nonWildcardAttributes_areUnchanged()
{
    const QueryItems items = {{QStringLiteral("StudyDate"), QStringLiteral("20240101-20240131")},
                              {QStringLiteral("StudyInstanceUID"), QStringLiteral("1.2.3")},
                              {QStringLiteral("includefield"), QStringLiteral("x y")}};
    QCOMPARE(literalValueItems(items), items);
}

void TestQidoQuery::literalValues_travelThroughQUrlUnchanged()
{
    const QueryItems items =
        literalValueItems({{QStringLiteral("PatientName"), QString::fromUtf8("Müller^J* x&y")},
                           {QStringLiteral("PatientID"), QStringLiteral("A B")}});
    const QByteArray encoded = encodeQuery(items);
    QCOMPARE(encoded, QByteArray("PatientName=M?ller?J*?x?y&PatientID=A?B"));
    QUrl url(QStringLiteral("http://h/studies"));
    url.setQuery(QString::fromLatin1(encoded), QUrl::TolerantMode);
    QCOMPARE(url.query(QUrl::FullyEncoded).toLatin1(), encoded);
}

QTEST_GUILESS_MAIN(TestQidoQuery)
#include "tst_qidoquery.moc"
