// The search panel against a real Orthanc holding the CT, MR and US studies of the test data
// (manifest.json gives the expected UIDs): typed filters show exactly the expected studies, a
// dead archive next to a live one shows its own error while the live one shows its results,
// double-click and Enter open the right study, columns sort, and "More results" pages through.

#include "gui/archivesettings.h"
#include "gui/searchpanel.h"

#include "support/orthancserver.h"
#include "support/testdata.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace fenestra::integration;
using fenestra::app::SearchPanel;
using fenestra::net::ArchiveConfig;

class TestSearchPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void typedPatientName_enterShowsExactlyTheMatchingStudies_data();
    void typedPatientName_enterShowsExactlyTheMatchingStudies();
    void modality_showsOnlyStudiesHoldingIt_data();
    void modality_showsOnlyStudiesHoldingIt();
    void studyDateRange_showsOnlyStudiesInTheRange_data();
    void studyDateRange_showsOnlyStudiesInTheRange();
    void resultRow_showsTheStudyFormatted();
    void deadAndLiveArchive_eachShowsItsOwnOutcome();
    void doubleClickAndEnter_requestTheRowsStudy();
    void keepButton_requestsTheSelectedStudy();
    void headerClick_sortsByThatColumn();
    void moreResults_pagesThroughEveryStudyOnce();
    void searchingAgain_cancelsThePreviousSearch();

private:
    ArchiveConfig liveArchive() const;
    bool runSearch();
    QSet<QString> shownUids() const;
    QSet<QString> uidsOf(const QStringList& keys) const;
    int rowOf(const QString& uid) const;

    std::unique_ptr<OrthancServer> m_orthanc;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    std::unique_ptr<SearchPanel> m_panel;
    QMap<QString, ManifestStudy> m_studies;
};

void TestSearchPanel::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_studies = readManifest(QStringLiteral(FENESTRA_TEST_DATA));
    QVERIFY(m_studies.contains(QStringLiteral("ct")));
    m_orthanc = std::make_unique<OrthancServer>();
    QVERIFY2(m_orthanc->start(), qPrintable(m_orthanc->lastError()));
    QStringList files;
    for (const char* key : {"ct", "mr", "us"})
        files += m_studies.value(QString::fromLatin1(key)).files();
    QVERIFY2(m_orthanc->uploadAll(files) == files.size(), qPrintable(m_orthanc->lastError()));
    m_manager = std::make_unique<QNetworkAccessManager>();
}

void TestSearchPanel::init()
{
    m_panel = std::make_unique<SearchPanel>(m_manager.get());
    m_panel->setArchives({liveArchive()});
    m_panel->resize(1200, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestSearchPanel::cleanup()
{
    m_panel.reset();
}

void TestSearchPanel::cleanupTestCase()
{
    m_panel.reset();
    m_manager.reset();
    m_orthanc.reset();
}

ArchiveConfig TestSearchPanel::liveArchive() const
{
    return {QStringLiteral("Live"), QUrl(m_orthanc->dicomWebUrl())};
}

// Searches with the fields' values and waits until every archive has answered.
bool TestSearchPanel::runSearch()
{
    QSignalSpy finished(m_panel.get(), &SearchPanel::searchFinished);
    m_panel->search();
    return finished.wait(20000) && !m_panel->isSearching();
}

QSet<QString> TestSearchPanel::shownUids() const
{
    QSet<QString> uids;
    for (int row = 0; row < m_panel->resultCount(); ++row)
        uids.insert(m_panel->studyUidAt(row));
    return uids;
}

QSet<QString> TestSearchPanel::uidsOf(const QStringList& keys) const
{
    QSet<QString> uids;
    for (const QString& key : keys)
        uids.insert(m_studies.value(key).studyUid);
    return uids;
}

int TestSearchPanel::rowOf(const QString& uid) const
{
    for (int row = 0; row < m_panel->resultCount(); ++row) {
        if (m_panel->studyUidAt(row) == uid)
            return row;
    }
    return -1;
}

void TestSearchPanel::typedPatientName_enterShowsExactlyTheMatchingStudies_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("prefix wildcard") << "Phantom*" << QStringList{"ct", "mr", "us"};
    QTest::newRow("lower case, single-character wildcard") << "phantom^m?" << QStringList{"mr"};
    QTest::newRow("leading wildcard") << "*^US" << QStringList{"us"};
    QTest::newRow("comma form") << "PHANTOM, CT" << QStringList{"ct"};
    QTest::newRow("nobody") << "Nobody*" << QStringList{};
}

void TestSearchPanel::typedPatientName_enterShowsExactlyTheMatchingStudies()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    QSignalSpy finished(m_panel.get(), &SearchPanel::searchFinished);
    QTest::keyClicks(m_panel->patientNameField(), typed);
    QTest::keyClick(m_panel->patientNameField(), Qt::Key_Return);
    QVERIFY(m_panel->isSearching());
    QVERIFY(finished.wait(20000));
    QCOMPARE(shownUids(), uidsOf(expected));
    QCOMPARE(m_panel->resultCount(), int(expected.size()));
    QCOMPARE(m_panel->archiveState(0), SearchPanel::ArchiveState::Done);
}

void TestSearchPanel::modality_showsOnlyStudiesHoldingIt_data()
{
    QTest::addColumn<QString>("modality");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("MR") << "MR" << QStringList{"mr"};
    QTest::newRow("us, lower case") << "us" << QStringList{"us"};
    QTest::newRow("CT or US") << "CT, US" << QStringList{"ct", "us"};
    QTest::newRow("none held") << "MG" << QStringList{};
}

void TestSearchPanel::modality_showsOnlyStudiesHoldingIt()
{
    QFETCH(QString, modality);
    QFETCH(QStringList, expected);
    m_panel->modalityField()->setEditText(modality);
    QVERIFY(runSearch());
    QCOMPARE(shownUids(), uidsOf(expected));
    QCOMPARE(m_panel->resultCount(), int(expected.size()));
}

void TestSearchPanel::studyDateRange_showsOnlyStudiesInTheRange_data()
{
    // Every study of the test data is of 2024-01-15; an invalid date leaves the field at "any".
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QStringList>("expected");
    const QStringList all{"ct", "mr", "us"};
    QTest::newRow("January") << QDate(2024, 1, 1) << QDate(2024, 1, 31) << all;
    QTest::newRow("that day") << QDate(2024, 1, 15) << QDate(2024, 1, 15) << all;
    QTest::newRow("from the day after") << QDate(2024, 1, 16) << QDate() << QStringList{};
    QTest::newRow("until the day before") << QDate() << QDate(2024, 1, 14) << QStringList{};
    QTest::newRow("until that day") << QDate() << QDate(2024, 1, 15) << all;
}

void TestSearchPanel::studyDateRange_showsOnlyStudiesInTheRange()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QStringList, expected);
    if (from.isValid())
        m_panel->studyDateFromField()->setDate(from);
    if (to.isValid())
        m_panel->studyDateToField()->setDate(to);
    QCOMPARE(m_panel->query().studyDate.from, from);
    QCOMPARE(m_panel->query().studyDate.to, to);
    // Enter in a date field searches too.
    QSignalSpy finished(m_panel.get(), &SearchPanel::searchFinished);
    QTest::keyClick(m_panel->studyDateToField(), Qt::Key_Return);
    QVERIFY(finished.wait(20000));
    QCOMPARE(shownUids(), uidsOf(expected));
}

void TestSearchPanel::resultRow_showsTheStudyFormatted()
{
    m_panel->patientIdField()->setText(QStringLiteral("FEN-CT-001"));
    QVERIFY(runSearch());
    QCOMPARE(m_panel->resultCount(), 1);
    QAbstractItemModel* model = m_panel->resultView()->model();
    auto text = [&](int column) { return model->index(0, column).data().toString(); };
    QCOMPARE(text(SearchPanel::PatientNameColumn), QStringLiteral("PHANTOM, CT"));
    QCOMPARE(text(SearchPanel::PatientIdColumn), QStringLiteral("FEN-CT-001"));
    QCOMPARE(text(SearchPanel::BirthDateColumn), QStringLiteral("1970-01-01"));
    QCOMPARE(text(SearchPanel::StudyDateColumn), QStringLiteral("2024-01-15"));
    QCOMPARE(text(SearchPanel::DescriptionColumn),
             QStringLiteral("CT phantom with spheres and markers"));
    QCOMPARE(text(SearchPanel::ModalitiesColumn), QStringLiteral("CT"));
    QCOMPARE(text(SearchPanel::AccessionColumn), QStringLiteral("FENA28C15"));
    QCOMPARE(text(SearchPanel::SeriesCountColumn), QStringLiteral("1"));
    QCOMPARE(text(SearchPanel::InstanceCountColumn),
             QString::number(m_studies.value(QStringLiteral("ct")).files().size()));
    QCOMPARE(text(SearchPanel::ArchiveColumn), QStringLiteral("Live"));
    QCOMPARE(m_panel->archiveStatusText(0), QStringLiteral("Live: studies found: 1"));
}

void TestSearchPanel::deadAndLiveArchive_eachShowsItsOwnOutcome()
{
    // Nothing listens on a port that was just free: the connection is refused at once.
    const quint16 deadPort = pickFreePort();
    QVERIFY(deadPort != 0);
    const ArchiveConfig dead{QStringLiteral("Dead"),
                             QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(deadPort))};
    m_panel->setArchives({dead, liveArchive()});
    m_panel->patientNameField()->setText(QStringLiteral("Phantom*"));
    QVERIFY(runSearch());

    QCOMPARE(m_panel->archiveState(0), SearchPanel::ArchiveState::Failed);
    const QString expectedError = QStringLiteral("Dead: error: %1")
                                      .arg(fenestra::app::describeArchiveError(
                                          {fenestra::net::ErrorCode::ConnectionFailed, {}}));
    QVERIFY2(m_panel->archiveStatusText(0).startsWith(expectedError),
             qPrintable(m_panel->archiveStatusText(0)));
    QCOMPARE(m_panel->archiveState(1), SearchPanel::ArchiveState::Done);
    QCOMPARE(m_panel->archiveStatusText(1), QStringLiteral("Live: studies found: 3"));
    QCOMPARE(shownUids(), uidsOf({"ct", "mr", "us"}));
    for (int row = 0; row < m_panel->resultCount(); ++row)
        QCOMPARE(m_panel->archiveAt(row).name, QStringLiteral("Live"));
}

void TestSearchPanel::doubleClickAndEnter_requestTheRowsStudy()
{
    QVERIFY(runSearch());
    QSignalSpy open(m_panel.get(), &SearchPanel::openStudyRequested);
    QTreeView* view = m_panel->resultView();
    const QString mrUid = m_studies.value(QStringLiteral("mr")).studyUid;
    const int mrRow = rowOf(mrUid);
    QVERIFY(mrRow >= 0);
    const QModelIndex index = view->model()->index(mrRow, SearchPanel::DescriptionColumn);
    const QPoint centre = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open[0][0].value<ArchiveConfig>().baseUrl, liveArchive().baseUrl);
    QCOMPARE(open[0][1].toString(), mrUid);

    const QString usUid = m_studies.value(QStringLiteral("us")).studyUid;
    view->setCurrentIndex(view->model()->index(rowOf(usUid), 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(open.count(), 2);
    QCOMPARE(open[1][1].toString(), usUid);
}

void TestSearchPanel::keepButton_requestsTheSelectedStudy()
{
    QVERIFY(runSearch());
    QSignalSpy keep(m_panel.get(), &SearchPanel::keepStudyRequested);
    QSignalSpy open(m_panel.get(), &SearchPanel::openStudyRequested);
    QPushButton* keepButton = m_panel->keepButton();
    QVERIFY(keepButton != nullptr);
    QVERIFY(!keepButton->isEnabled()); // nothing selected yet
    const QString ctUid = m_studies.value(QStringLiteral("ct")).studyUid;
    m_panel->resultView()->setCurrentIndex(m_panel->resultView()->model()->index(rowOf(ctUid), 0));
    QVERIFY(keepButton->isEnabled());
    QTest::mouseClick(keepButton, Qt::LeftButton);
    QCOMPARE(keep.count(), 1);
    QCOMPARE(keep[0][0].value<ArchiveConfig>().name, QStringLiteral("Live"));
    QCOMPARE(keep[0][1].toString(), ctUid);
    QCOMPARE(open.count(), 0);
}

void TestSearchPanel::headerClick_sortsByThatColumn()
{
    QVERIFY(runSearch());
    QCOMPARE(m_panel->resultCount(), 3);
    QHeaderView* header = m_panel->resultView()->header();
    const int x = header->sectionViewportPosition(SearchPanel::PatientIdColumn) +
                  header->sectionSize(SearchPanel::PatientIdColumn) / 2;
    auto ids = [&] {
        QStringList values;
        QAbstractItemModel* model = m_panel->resultView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            values.append(model->index(row, SearchPanel::PatientIdColumn).data().toString());
        return values;
    };
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(SearchPanel::PatientIdColumn));
    const QStringList ascending{"FEN-CT-001", "FEN-MR-001", "FEN-US-001"};
    const QStringList descending{"FEN-US-001", "FEN-MR-001", "FEN-CT-001"};
    const QStringList first = ids();
    QVERIFY2(first == ascending || first == descending, qPrintable(first.join(',')));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(ids(), first == ascending ? descending : ascending);
    // The UID follows its row through the sort.
    QCOMPARE(m_panel->studyUidAt(0), m_studies.value(first == ascending ? "us" : "ct").studyUid);
}

void TestSearchPanel::moreResults_pagesThroughEveryStudyOnce()
{
    m_panel->setPageSize(2);
    QVERIFY(runSearch());
    QCOMPARE(m_panel->resultCount(), 2);
    QVERIFY(m_panel->hasMoreResults());
    QVERIFY(m_panel->moreButton()->isEnabled());
    QCOMPARE(m_panel->archiveStatusText(0),
             QStringLiteral("Live: studies so far: 2, more available"));

    QSignalSpy finished(m_panel.get(), &SearchPanel::searchFinished);
    QTest::mouseClick(m_panel->moreButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_panel->resultCount(), 3);
    QCOMPARE(shownUids(), uidsOf({"ct", "mr", "us"})); // no study twice, none missing
    QVERIFY(!m_panel->hasMoreResults());
    QVERIFY(!m_panel->moreButton()->isEnabled());
    QCOMPARE(m_panel->archiveStatusText(0), QStringLiteral("Live: studies found: 3"));
}

void TestSearchPanel::searchingAgain_cancelsThePreviousSearch()
{
    QSignalSpy finished(m_panel.get(), &SearchPanel::searchFinished);
    m_panel->patientNameField()->setText(QStringLiteral("Phantom*"));
    m_panel->search();
    QVERIFY(m_panel->isSearching());
    m_panel->patientNameField()->setText(QStringLiteral("*^US"));
    m_panel->search();
    QVERIFY(finished.wait(20000));
    // Only the second search's answer: the first one's would have added CT and MR.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(shownUids(), uidsOf({"us"}));
    QCOMPARE(m_panel->archiveStatusText(0), QStringLiteral("Live: studies found: 1"));
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
