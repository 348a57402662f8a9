// QIDO-RS searches against a real Orthanc 1.10 holding the CT, MR, US and CD studies of the
// test data: every filter and every page returns exactly the studies the manifest says, and
// DICOM names with `^` are found although Orthanc does not percent-decode query values.

#include "archivetest.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace fenestra::integration;
using namespace fenestra::net;

Q_DECLARE_METATYPE(fenestra::net::StudyQuery)

class TestQidoOrthanc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void searchStudies_filter_returnsExactlyTheExpectedStudies_data();
    void searchStudies_filter_returnsExactlyTheExpectedStudies();
    void searchStudies_ctByPatientId_recordHoldsTheManifestValues();
    void searchStudies_pages_partitionAllStudiesInAStableOrder_data();
    void searchStudies_pages_partitionAllStudiesInAStableOrder();
    void searchStudies_caretName_standardEncodingFindsNothingOnOrthanc110();
    void searchStudies_caretName_literalDialectFindsItInOneRequest();
    void searchStudies_noMatch_isCleanAndEmpty();
    void searchSeries_cdStudy_twoSeriesWithCountsAndModalityFilter();
    void searchSeries_unknownStudy_isCleanAndEmpty();
    void searchInstances_ctSeries_everyInstanceOfTheManifest();
    void searchInstances_paging_coversTheSeriesOnce();

private:
    QidoSearch* runStudies(const StudyQuery& query, QueryDialect dialect = QueryDialect::Auto);
    QSet<QString> uidsOf(const QStringList& keys) const;

    std::unique_ptr<OrthancServer> m_orthanc;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::unique_ptr<DicomWebClient> m_client;
    QMap<QString, ManifestStudy> m_studies;
};

void TestQidoOrthanc::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    m_orthanc = std::make_unique<OrthancServer>();
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    const int uploaded = uploadStudies(*m_orthanc, m_studies, {"ct", "mr", "us", "cd"});
    QVERIFY2(uploaded == 40 + 24 + 1 + 34, qPrintable(m_orthanc->lastError()));
    m_manager = std::make_unique<QNetworkAccessManager>();
    m_client =
        std::make_unique<DicomWebClient>(archiveOf(m_orthanc->dicomWebUrl()), m_manager.get());
}

void TestQidoOrthanc::cleanupTestCase()
{
    m_client.reset();
    m_manager.reset();
    m_orthanc.reset();
}

QidoSearch* TestQidoOrthanc::runStudies(const StudyQuery& query, QueryDialect dialect)
{
    m_client->setQueryDialect(dialect);
    QidoSearch* search = m_client->searchStudies(query);
    search->setParent(this); // deleted with the test object at the latest
    waitFinished(search);
    return search;
}

QSet<QString> TestQidoOrthanc::uidsOf(const QStringList& keys) const
{
    QSet<QString> uids;
    for (const QString& key : keys)
        uids.insert(m_studies.value(key).studyUid);
    return uids;
}

void TestQidoOrthanc::searchStudies_filter_returnsExactlyTheExpectedStudies_data()
{
    QTest::addColumn<StudyQuery>("query");
    QTest::addColumn<QStringList>("expected");
    const QStringList all{"ct", "mr", "us", "cd"};
    auto name = [](const char* value) {
        StudyQuery q;
        q.patientName = QString::fromLatin1(value);
        return q;
    };
    auto id = [](const char* value) {
        StudyQuery q;
        q.patientId = QString::fromLatin1(value);
        return q;
    };
    auto modalities = [](QStringList values) {
        StudyQuery q;
        q.modalities = std::move(values);
        return q;
    };
    auto dates = [](QDate from, QDate to) {
        StudyQuery q;
        q.studyDate = {from, to};
        return q;
    };
    QTest::newRow("name with caret") << name("Phantom^CT") << QStringList{"ct"};
    QTest::newRow("name prefix, upper case") << name("PHANTOM*") << all;
    // Orthanc matches person names case-insensitively (CaseSensitivePN is false by default).
    QTest::newRow("name, lower case") << name("phantom^ct") << QStringList{"ct"};
    QTest::newRow("name, single-character wildcard")
        << name("Phantom^C?") << QStringList{"ct", "cd"};
    QTest::newRow("name, leading wildcard") << name("*^MR") << QStringList{"mr"};
    QTest::newRow("nobody") << name("Nobody^Here") << QStringList{};
    QTest::newRow("patient ID") << id("FEN-MR-001") << QStringList{"mr"};
    // Orthanc 1.10 also matches patient IDs without regard to case.
    QTest::newRow("patient ID, lower case") << id("fen-mr-001") << QStringList{"mr"};
    QTest::newRow("patient ID prefix") << id("FEN-*") << all;
    StudyQuery birth;
    birth.patientBirthDate = QDate(1970, 1, 1); // the generator's CT phantom
    QTest::newRow("birth date") << birth << QStringList{"ct"};
    QTest::newRow("date range, closed") << dates({2024, 1, 1}, {2024, 1, 31}) << all;
    QTest::newRow("date range, open end after") << dates({2024, 1, 16}, {}) << QStringList{};
    QTest::newRow("date range, open start") << dates({}, {2024, 1, 15}) << all;
    QTest::newRow("one day") << dates({2024, 1, 15}, {2024, 1, 15}) << all;
    QTest::newRow("modality MR") << modalities({"MR"}) << QStringList{"mr", "cd"};
    QTest::newRow("modality US") << modalities({"US"}) << QStringList{"us"};
    QTest::newRow("modalities CT or MR")
        << modalities({"CT", "MR"}) << QStringList{"ct", "mr", "cd"};
    StudyQuery accession;
    accession.accessionNumber = QStringLiteral("FENA28C15"); // the generator's CT accession
    QTest::newRow("accession number") << accession << QStringList{"ct"};
    StudyQuery combined = name("PHANTOM*");
    combined.modalities = {QStringLiteral("MR")};
    QTest::newRow("name and modality") << combined << QStringList{"mr", "cd"};
}

void TestQidoOrthanc::searchStudies_filter_returnsExactlyTheExpectedStudies()
{
    QFETCH(StudyQuery, query);
    QFETCH(QStringList, expected);
    QidoSearch* search = runStudies(query);
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(studyUidSet(search->studies()), uidsOf(expected));
    QCOMPARE(search->resultCount(), int(expected.size()));
}

void TestQidoOrthanc::searchStudies_ctByPatientId_recordHoldsTheManifestValues()
{
    StudyQuery query;
    query.patientId = QStringLiteral("FEN-CT-001");
    QidoSearch* search = runStudies(query);
    QCOMPARE(search->resultCount(), 1);
    const StudyRecord& study = search->studies().front();
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    QCOMPARE(study.studyInstanceUid, ct.studyUid);
    QCOMPARE(study.patientName, ct.patientName);
    QCOMPARE(study.patientId, ct.patientId);
    QCOMPARE(study.studyDate, ct.studyDate);
    QCOMPARE(study.studyDescription, QStringLiteral("CT phantom with spheres and markers"));
    QCOMPARE(study.patientBirthDate, QDate(1970, 1, 1));
    QCOMPARE(study.patientSex, QStringLiteral("O"));
    QCOMPARE(study.accessionNumber, QStringLiteral("FENA28C15"));
    QCOMPARE(study.modalities, QStringList{QStringLiteral("CT")});
    QCOMPARE(study.numberOfSeries, 1);
    QCOMPARE(study.numberOfInstances, int(ct.files().size()));
}

void TestQidoOrthanc::searchStudies_pages_partitionAllStudiesInAStableOrder_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("pages of 1") << 1;
    QTest::newRow("pages of 2") << 2;
    QTest::newRow("pages of 3") << 3;
}

void TestQidoOrthanc::searchStudies_pages_partitionAllStudiesInAStableOrder()
{
    QFETCH(int, limit);
    QStringList seen;
    for (int offset = 0;; offset += limit) {
        StudyQuery query;
        query.paging = {limit, offset};
        QidoSearch* search = runStudies(query);
        QCOMPARE(search->outcome().status, RequestStatus::Clean);
        QVERIFY(search->resultCount() <= limit);
        for (const StudyRecord& study : search->studies())
            seen.append(study.studyInstanceUid);
        if (search->resultCount() < limit)
            break;
        QVERIFY(offset < 10);
    }
    QCOMPARE(seen.size(), 4); // no study twice, none missing
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()), uidsOf({"ct", "mr", "us", "cd"}));
}

void TestQidoOrthanc::searchStudies_caretName_standardEncodingFindsNothingOnOrthanc110()
{
    // Orthanc 1.10 compares "Phantom%5ECT" as it is: why QueryDialect::Auto retries. If this
    // starts finding the study, Orthanc decodes query values and the retry is no longer needed.
    StudyQuery query;
    query.patientName = QStringLiteral("Phantom^CT");
    QidoSearch* search = runStudies(query, QueryDialect::Standard);
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->resultCount(), 0);
    QidoSearch* automatic = runStudies(query, QueryDialect::Auto);
    QCOMPARE(automatic->resultCount(), 1);
    QVERIFY(automatic->usedLiteralValues());
}

void TestQidoOrthanc::searchStudies_caretName_literalDialectFindsItInOneRequest()
{
    StudyQuery query;
    query.patientName = QStringLiteral("Phantom^CT");
    QidoSearch* search = runStudies(query, QueryDialect::LiteralValues);
    QCOMPARE(search->resultCount(), 1);
    QCOMPARE(search->studies().front().studyInstanceUid, m_studies[QStringLiteral("ct")].studyUid);
    QVERIFY(!search->usedLiteralValues()); // literal from the start: no retry was needed
}

void TestQidoOrthanc::searchStudies_noMatch_isCleanAndEmpty()
{
    StudyQuery query;
    query.accessionNumber = QStringLiteral("NO-SUCH-ACCESSION");
    QidoSearch* search = runStudies(query);
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->outcome().httpStatus, 200); // Orthanc answers [] (a 204 is a unit test)
    QCOMPARE(search->resultCount(), 0);
}

void TestQidoOrthanc::searchSeries_cdStudy_twoSeriesWithCountsAndModalityFilter()
{
    const ManifestStudy& cd = m_studies[QStringLiteral("cd")];
    QidoSearch* search = m_client->searchSeries(cd.studyUid);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->resultCount(), 2);
    for (const ManifestSeries& expected : cd.series) {
        const auto found = std::find_if(
            search->series().begin(), search->series().end(),
            [&](const SeriesRecord& s) { return s.seriesInstanceUid == expected.seriesUid; });
        QVERIFY(found != search->series().end());
        QCOMPARE(found->modality, expected.modality);
        QCOMPARE(found->numberOfInstances, int(expected.files.size()));
        QCOMPARE(found->studyInstanceUid, cd.studyUid);
    }
    SeriesQuery mrOnly;
    mrOnly.modality = QStringLiteral("MR");
    QidoSearch* filtered = m_client->searchSeries(cd.studyUid, mrOnly);
    QVERIFY(waitFinished(filtered));
    QCOMPARE(filtered->resultCount(), 1);
    QCOMPARE(filtered->series().front().modality, QStringLiteral("MR"));
    delete search;
    delete filtered;
}

void TestQidoOrthanc::searchSeries_unknownStudy_isCleanAndEmpty()
{
    QidoSearch* search = m_client->searchSeries(QStringLiteral("1.2.3.4.5.6.7"));
    QVERIFY(waitFinished(search));
    QCOMPARE(search->outcome().status, RequestStatus::Clean);
    QCOMPARE(search->resultCount(), 0);
    delete search;
}

void TestQidoOrthanc::searchInstances_ctSeries_everyInstanceOfTheManifest()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    const ManifestSeries& series = ct.series.front();
    QidoSearch* search = m_client->searchInstances(ct.studyUid, series.seriesUid);
    QVERIFY(waitFinished(search));
    QCOMPARE(search->resultCount(), 40);
    QSet<QString> uids;
    QSet<int> numbers;
    for (const InstanceRecord& instance : search->instances()) {
        uids.insert(instance.sopInstanceUid);
        numbers.insert(instance.instanceNumber);
        QCOMPARE(instance.rows, 64);
        QCOMPARE(instance.columns, 64);
        QCOMPARE(instance.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
    }
    QCOMPARE(uids, QSet<QString>(series.sopInstanceUids.begin(), series.sopInstanceUids.end()));
    QCOMPARE(numbers.size(), 40);
    QCOMPARE(*std::min_element(numbers.begin(), numbers.end()), 1);
    QCOMPARE(*std::max_element(numbers.begin(), numbers.end()), 40);
    delete search;
}

void TestQidoOrthanc::searchInstances_paging_coversTheSeriesOnce()
{
    const ManifestStudy& ct = m_studies[QStringLiteral("ct")];
    QStringList seen;
    for (int offset = 0; offset < 60; offset += 16) {
        InstanceQuery query;
        query.paging = {16, offset};
        QidoSearch* search =
            m_client->searchInstances(ct.studyUid, ct.series.front().seriesUid, query);
        QVERIFY(waitFinished(search));
        QCOMPARE(search->resultCount(), std::clamp(40 - offset, 0, 16));
        for (const InstanceRecord& instance : search->instances())
            seen.append(instance.sopInstanceUid);
        delete search;
    }
    QCOMPARE(seen.size(), 40);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 40);
}

QTEST_GUILESS_MAIN(TestQidoOrthanc)
#include "tst_qidoorthanc.moc"
