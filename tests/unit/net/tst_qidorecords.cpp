// DICOM JSON search results into plain records: Orthanc 1.10 answers recorded in data/ (the
// synthetic studies of the test data) and hand-made variants other servers send.

#include "dicomweb/dicomjson.h"

#include <QFile>
#include <QTest>

using namespace fenestra::net;

namespace {

// data/*.json: "Content-Type: ...\r\n\r\n" then the body as Orthanc sent it.
QByteArray recordedBody(const QString& name)
{
    QFile file(QStringLiteral(FENESTRA_SOURCE_DIR "/tests/unit/net/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    return all.mid(all.indexOf("\r\n\r\n") + 4);
}

} // namespace

class TestQidoRecords : public QObject
{
    Q_OBJECT

private slots:
    void orthancStudies_allFieldsRead();
    void orthancSeries_allFieldsRead();
    void orthancInstances_allFieldsRead();
    void noResults_emptyBodyAndEmptyArray_data();
    void noResults_emptyBodyAndEmptyArray();
    void malformed_isMalformedResponse_data();
    void malformed_isMalformedResponse();
    void otherServers_stringNumbersBackslashListsAndIdeographicNames();
    void absentAttributes_stayEmptyOrMinusOne();
    void metadata_positionAndOrientation_numbersOrStrings_incompleteIsEmpty();
    void dicomDate_formats_data();
    void dicomDate_formats();
};

void TestQidoRecords::orthancStudies_allFieldsRead()
{
    const Result<std::vector<StudyRecord>> studies =
        parseStudies(recordedBody(QStringLiteral("orthanc_studies.json")));
    QVERIFY(studies.has_value());
    QCOMPARE(studies->size(), std::size_t(4));
    const auto ct = std::find_if(studies->begin(), studies->end(), [](const StudyRecord& s) {
        return s.patientId == QLatin1String("FEN-CT-001");
    });
    QVERIFY(ct != studies->end());
    QCOMPARE(ct->studyInstanceUid, QStringLiteral("2.25.24223022016453938048283449246119914034"));
    QCOMPARE(ct->patientName, QStringLiteral("Phantom^CT"));
    QCOMPARE(ct->patientBirthDate, QDate(1970, 1, 1));
    QCOMPARE(ct->patientSex, QStringLiteral("O"));
    QCOMPARE(ct->studyDate, QDate(2024, 1, 15));
    QCOMPARE(ct->studyDescription, QStringLiteral("CT phantom with spheres and markers"));
    QCOMPARE(ct->accessionNumber, QStringLiteral("FENA28C15"));
    QCOMPARE(ct->modalities, QStringList{QStringLiteral("CT")});
    QCOMPARE(ct->numberOfSeries, 1);
    QCOMPARE(ct->numberOfInstances, 40);
    const auto cd = std::find_if(studies->begin(), studies->end(), [](const StudyRecord& s) {
        return s.patientId == QLatin1String("FEN-CD-001");
    });
    QVERIFY(cd != studies->end());
    QCOMPARE(cd->modalities, (QStringList{QStringLiteral("CT"), QStringLiteral("MR")}));
    QCOMPARE(cd->numberOfSeries, 2);
    QCOMPARE(cd->numberOfInstances, 34);
}

void TestQidoRecords::orthancSeries_allFieldsRead()
{
    const auto series = parseSeries(recordedBody(QStringLiteral("orthanc_series.json")));
    QVERIFY(series.has_value());
    QCOMPARE(series->size(), std::size_t(2));
    const auto ct = std::find_if(series->begin(), series->end(),
                                 [](const SeriesRecord& s) { return s.modality == "CT"; });
    QVERIFY(ct != series->end());
    QCOMPARE(ct->seriesInstanceUid, QStringLiteral("2.25.45655371838180033819957680691322066440"));
    QCOMPARE(ct->studyInstanceUid, QStringLiteral("2.25.26181965145155396035693973363029749803"));
    QCOMPARE(ct->seriesNumber, 1);
    QCOMPARE(ct->seriesDescription, QStringLiteral("CT phantom for CD"));
    QCOMPARE(ct->numberOfInstances, 10);
}

void TestQidoRecords::orthancInstances_allFieldsRead()
{
    const auto instances = parseInstances(recordedBody(QStringLiteral("orthanc_instances.json")));
    QVERIFY(instances.has_value());
    QCOMPARE(instances->size(), std::size_t(10));
    QList<int> numbers;
    for (const InstanceRecord& i : *instances) {
        QCOMPARE(i.rows, 32);
        QCOMPARE(i.columns, 32);
        QCOMPARE(i.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
        QCOMPARE(i.seriesInstanceUid,
                 QStringLiteral("2.25.45655371838180033819957680691322066440"));
        QVERIFY(i.sopInstanceUid.startsWith(QLatin1String("2.25.")));
        QCOMPARE(i.numberOfFrames, -1); // single-frame CT: the attribute is absent
        numbers.append(i.instanceNumber);
    }
    std::sort(numbers.begin(), numbers.end());
    QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

void TestQidoRecords::noResults_emptyBodyAndEmptyArray_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("HTTP 204 body") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \r\n");
    QTest::newRow("empty array") << QByteArray("[]");
}

void TestQidoRecords::noResults_emptyBodyAndEmptyArray()
{
    QFETCH(QByteArray, body);
    QVERIFY(parseStudies(body).has_value());
    QCOMPARE(parseStudies(body)->size(), std::size_t(0));
    QCOMPARE(parseInstances(body)->size(), std::size_t(0));
}

void TestQidoRecords::malformed_isMalformedResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html>");
    QTest::newRow("object, not array") << QByteArray("{}");
    QTest::newRow("array of numbers") << QByteArray("[1]");
    QTest::newRow("record without UID") << QByteArray(R"([{"00100020":{"vr":"LO"}}])");
    QTest::newRow("cut short") << QByteArray(R"([{"0020000D":{"vr":"UI","Value":["1.2)");
}

void TestQidoRecords::malformed_isMalformedResponse()
{
    QFETCH(QByteArray, body);
    const auto studies = parseStudies(body);
    QVERIFY(!studies.has_value());
    QCOMPARE(studies.error().code, ErrorCode::MalformedResponse);
}

void TestQidoRecords::otherServers_stringNumbersBackslashListsAndIdeographicNames()
{
    const QByteArray body = R"([{
        "0020000D": {"vr": "UI", "Value": ["1.2.3"]},
        "00100010": {"vr": "PN", "Value": [{"Ideographic": "Yamada^Tarou"}]},
        "00080061": {"vr": "CS", "Value": ["CT\\MR", "PT"]},
        "00201206": {"vr": "IS", "Value": ["12"]},
        "00201208": {"vr": "IS", "Value": [" 7 "]},
        "00080020": {"vr": "DA", "Value": ["2023.12.31"]}
    }])";
    const auto studies = parseStudies(body);
    QVERIFY(studies.has_value());
    const StudyRecord& s = studies->front();
    QCOMPARE(s.patientName, QStringLiteral("Yamada^Tarou"));
    QCOMPARE(s.modalities, (QStringList{"CT", "MR", "PT"}));
    QCOMPARE(s.numberOfSeries, 12);
    QCOMPARE(s.numberOfInstances, 7);
    QCOMPARE(s.studyDate, QDate(2023, 12, 31));
}

void TestQidoRecords::absentAttributes_stayEmptyOrMinusOne()
{
    const auto series = parseSeries(R"([{"0020000E": {"vr": "UI", "Value": ["1.2"]},
                                         "0008103E": {"vr": "LO"}}])");
    QVERIFY(series.has_value());
    const SeriesRecord& s = series->front();
    QCOMPARE(s.seriesInstanceUid, QStringLiteral("1.2"));
    QVERIFY(s.seriesDescription.isEmpty());
    QVERIFY(s.modality.isEmpty());
    QCOMPARE(s.seriesNumber, -1);
    QCOMPARE(s.numberOfInstances, -1);
}

void TestQidoRecords::metadata_positionAndOrientation_numbersOrStrings_incompleteIsEmpty()
{
    const auto instances = parseInstances(R"([
        {"00080018": {"vr": "UI", "Value": ["1.1"]},
         "00200032": {"vr": "DS", "Value": [-160, -160.5, -150.0]},
         "00200037": {"vr": "DS", "Value": ["1", "0", "0", "0", "0.5", "-0.866"]}},
        {"00080018": {"vr": "UI", "Value": ["1.2"]},
         "00200032": {"vr": "DS", "Value": [1, 2]},
         "00200037": {"vr": "DS", "Value": ["1", "x", "0", "0", "1", "0"]}}])");
    QVERIFY(instances.has_value());
    QCOMPARE(instances->at(0).imagePosition, (QList<double>{-160, -160.5, -150}));
    QCOMPARE(instances->at(0).imageOrientation, (QList<double>{1, 0, 0, 0, 0.5, -0.866}));
    QVERIFY(instances->at(1).imagePosition.isEmpty());
    QVERIFY(instances->at(1).imageOrientation.isEmpty());
}

void TestQidoRecords::dicomDate_formats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::newRow("DA") << "20240115" << QDate(2024, 1, 15);
    QTest::newRow("old dotted") << "2024.01.15" << QDate(2024, 1, 15);
    QTest::newRow("invalid month") << "20241315" << QDate();
    QTest::newRow("too short") << "202401" << QDate();
    QTest::newRow("empty") << "" << QDate();
}

void TestQidoRecords::dicomDate_formats()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    QCOMPARE(parseDicomDate(text), date);
}

QTEST_GUILESS_MAIN(TestQidoRecords)
#include "tst_qidorecords.moc"
