// Archives without a server: what the user may type as an archive, how the list is stored and
// edited, how saved and command-line archives combine, and the query and names the search
// panel makes from its fields.

#include "gui/archivesettings.h"
#include "gui/searchpanel.h"
#include "settings.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using fenestra::app::ArchiveSettings;
using fenestra::app::SearchPanel;
using fenestra::app::Settings;
using fenestra::net::ArchiveConfig;

class TestArchiveSettings : public QObject
{
    Q_OBJECT
private slots:
    void makeArchive_acceptsOnlyHttpUrlsWithAHost_data();
    void makeArchive_acceptsOnlyHttpUrlsWithAHost();
    void commandLineArchive_takesAnOptionalName();
    void mergeArchives_searchesAnArchiveGivenTwiceOnce();
    void settings_archivesRoundTripAndInvalidEntriesAreSkipped();
    void widget_addChangeAndRemove();
    void widget_refusesAnInvalidUrlAndADuplicateName();
    void formatPatientName_familyInCapitalsThenGivenNames_data();
    void formatPatientName_familyInCapitalsThenGivenNames();
    void panelQuery_readsEveryField();
    void panelQuery_untouchedFieldsFilterNothing();
};

void TestArchiveSettings::makeArchive_acceptsOnlyHttpUrlsWithAHost_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<QString>("expectedUrl");
    QTest::newRow("https, trailing slash dropped")
        << "Radiology"
        << "https://pacs.example.org/dicom-web/" << true << "Radiology"
        << "https://pacs.example.org/dicom-web";
    QTest::newRow("loopback, no name")
        << ""
        << " http://127.0.0.1:8042/dicom-web " << true << "127.0.0.1:8042"
        << "http://127.0.0.1:8042/dicom-web";
    QTest::newRow("name trimmed") << "  Cardio "
                                  << "http://cardio/qido" << true << "Cardio"
                                  << "http://cardio/qido";
    QTest::newRow("ftp") << "X"
                         << "ftp://pacs.example.org/" << false << ""
                         << "";
    QTest::newRow("no scheme") << "X"
                               << "pacs.example.org/dicom-web" << false << ""
                               << "";
    QTest::newRow("no host") << "X"
                             << "http:///dicom-web" << false << ""
                             << "";
    QTest::newRow("query") << "X"
                           << "http://pacs/dicom-web?x=1" << false << ""
                           << "";
    QTest::newRow("command-line form") << "X"
                                       << "A=http://pacs/dicom-web" << false << ""
                                       << "";
    QTest::newRow("empty") << "X"
                           << "" << false << ""
                           << "";
}

void TestArchiveSettings::makeArchive_acceptsOnlyHttpUrlsWithAHost()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const auto archive = fenestra::app::makeArchive(name, url);
    QCOMPARE(archive.has_value(), valid);
    if (!valid) {
        QCOMPARE(archive.error().code, fenestra::net::ErrorCode::InvalidUrl);
        QVERIFY(fenestra::app::describeArchiveError(archive.error())
                    .startsWith(QStringLiteral("The archive address is not valid.")));
        return;
    }
    QTEST(archive->name, "expectedName");
    QTEST(archive->baseUrl.toString(), "expectedUrl");
}

void TestArchiveSettings::commandLineArchive_takesAnOptionalName()
{
    const auto named =
        fenestra::app::archiveFromCommandLine(QStringLiteral("PACS=http://127.0.0.1:8042/dw"));
    QVERIFY(named.has_value());
    QCOMPARE(named->name, QStringLiteral("PACS"));
    QCOMPARE(named->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8042/dw")));
    const auto bare = fenestra::app::archiveFromCommandLine(QStringLiteral("http://h:1/dw"));
    QVERIFY(bare.has_value());
    QCOMPARE(bare->name, QStringLiteral("h:1"));
    QVERIFY(!fenestra::app::archiveFromCommandLine(QStringLiteral("nonsense")).has_value());
}

void TestArchiveSettings::mergeArchives_searchesAnArchiveGivenTwiceOnce()
{
    const ArchiveConfig saved{QStringLiteral("Saved"), QUrl(QStringLiteral("http://a/dw"))};
    const ArchiveConfig same{QStringLiteral("a"), QUrl(QStringLiteral("http://a/dw/"))};
    const ArchiveConfig other{QStringLiteral("b"), QUrl(QStringLiteral("http://b/dw"))};
    const QList<ArchiveConfig> merged = fenestra::app::mergeArchives({saved}, {same, other});
    QCOMPARE(merged.size(), 2);
    QCOMPARE(merged[0].name, QStringLiteral("Saved"));
    QCOMPARE(merged[1].name, QStringLiteral("b"));
}

void TestArchiveSettings::settings_archivesRoundTripAndInvalidEntriesAreSkipped()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        Settings settings(file);
        QVERIFY(settings.archives().isEmpty());
        settings.setArchives({{QStringLiteral("One"), QUrl(QStringLiteral("http://one/dw"))},
                              {QStringLiteral("Two"), QUrl(QStringLiteral("https://two:8443"))},
                              {QStringLiteral("Three"), QUrl(QStringLiteral("http://3/dw"))}});
        settings.setArchives({{QStringLiteral("One"), QUrl(QStringLiteral("http://one/dw"))},
                              {QStringLiteral("Two"), QUrl(QStringLiteral("https://two:8443"))}});
    }
    {
        Settings settings(file);
        const QList<ArchiveConfig> archives = settings.archives();
        QCOMPARE(archives.size(), 2); // the shorter list replaced the longer one
        QCOMPARE(archives[0].name, QStringLiteral("One"));
        QCOMPARE(archives[0].baseUrl, QUrl(QStringLiteral("http://one/dw")));
        QCOMPARE(archives[1].name, QStringLiteral("Two"));
        QCOMPARE(archives[1].baseUrl, QUrl(QStringLiteral("https://two:8443")));
    }
    {
        QSettings raw(file, QSettings::IniFormat); // a hand-edited file
        raw.setValue(QStringLiteral("archives/2/url"), QStringLiteral("ftp://two"));
        raw.setValue(QStringLiteral("archives/2/name"), QString());
        raw.setValue(QStringLiteral("archives/size"), 3);
        raw.setValue(QStringLiteral("archives/3/url"), QStringLiteral("http://h:99/dw"));
    }
    Settings settings(file);
    const QList<ArchiveConfig> archives = settings.archives();
    QCOMPARE(archives.size(), 2);
    QCOMPARE(archives[0].name, QStringLiteral("One"));
    QCOMPARE(archives[1].name, QStringLiteral("h:99")); // no name stored: host:port
}

void TestArchiveSettings::widget_addChangeAndRemove()
{
    ArchiveSettings widget;
    widget.setArchives({{QStringLiteral("One"), QUrl(QStringLiteral("http://one/dw"))}});
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy changed(&widget, &ArchiveSettings::archivesChanged);

    QTest::keyClicks(widget.nameField(), QStringLiteral("Two"));
    QTest::keyClicks(widget.urlField(), QStringLiteral("http://127.0.0.1:8042/dicom-web/"));
    QVERIFY(widget.addArchive());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(widget.table()->rowCount(), 2);
    QCOMPARE(widget.archives().at(1).baseUrl,
             QUrl(QStringLiteral("http://127.0.0.1:8042/dicom-web")));
    QCOMPARE(widget.table()->item(1, ArchiveSettings::UrlColumn)->text(),
             QStringLiteral("http://127.0.0.1:8042/dicom-web"));

    widget.table()->selectRow(0); // selecting fills the fields
    QCOMPARE(widget.nameField()->text(), QStringLiteral("One"));
    QCOMPARE(widget.urlField()->text(), QStringLiteral("http://one/dw"));
    widget.urlField()->setText(QStringLiteral("https://one.example/dw"));
    QVERIFY(widget.updateSelectedArchive());
    QCOMPARE(widget.archives().at(0).baseUrl, QUrl(QStringLiteral("https://one.example/dw")));
    QCOMPARE(widget.archives().at(0).name, QStringLiteral("One")); // its own name is no clash

    widget.table()->selectRow(1);
    widget.removeSelectedArchive();
    QCOMPARE(changed.count(), 3);
    QCOMPARE(widget.archives().size(), 1);
    QCOMPARE(widget.table()->rowCount(), 1);
    QCOMPARE(widget.archives().at(0).name, QStringLiteral("One"));
}

void TestArchiveSettings::widget_refusesAnInvalidUrlAndADuplicateName()
{
    ArchiveSettings widget;
    widget.setArchives({{QStringLiteral("One"), QUrl(QStringLiteral("http://one/dw"))}});
    QSignalSpy changed(&widget, &ArchiveSettings::archivesChanged);
    widget.nameField()->setText(QStringLiteral("Two"));
    widget.urlField()->setText(QStringLiteral("ftp://two/dw"));
    QVERIFY(!widget.addArchive());
    QVERIFY(widget.errorText().startsWith(QStringLiteral("The archive address is not valid.")));
    widget.nameField()->setText(QStringLiteral("one"));
    widget.urlField()->setText(QStringLiteral("http://two/dw"));
    QVERIFY(!widget.addArchive());
    QCOMPARE(widget.errorText(), QStringLiteral("An archive with this name already exists."));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(widget.archives().size(), 1);
    widget.nameField()->setText(QStringLiteral("Two"));
    QVERIFY(widget.addArchive());
    QCOMPARE(widget.errorText(), QString());
}

void TestArchiveSettings::formatPatientName_familyInCapitalsThenGivenNames_data()
{
    QTest::addColumn<QString>("dicom");
    QTest::addColumn<QString>("shown");
    QTest::newRow("family and given") << "Phantom^CT"
                                      << "PHANTOM, CT";
    QTest::newRow("with middle name") << "Doe^John^Paul"
                                      << "DOE, John Paul";
    QTest::newRow("prefix and suffix") << "Doe^Jane^^Dr^Jr"
                                       << "DOE, Dr Jane Jr";
    QTest::newRow("family only") << "Doe"
                                 << "DOE";
    QTest::newRow("given only") << "^Jane"
                                << "Jane";
    QTest::newRow("alphabetic group only") << "Yamada^Tarou=\u5c71\u7530^\u592a\u90ce"
                                           << "YAMADA, Tarou";
    QTest::newRow("empty") << ""
                           << "";
}

void TestArchiveSettings::formatPatientName_familyInCapitalsThenGivenNames()
{
    QFETCH(QString, dicom);
    QTEST(SearchPanel::formatPatientName(dicom), "shown");
}

void TestArchiveSettings::panelQuery_readsEveryField()
{
    QNetworkAccessManager manager;
    SearchPanel panel(&manager);
    panel.patientNameField()->setText(QStringLiteral(" Doe, J* "));
    panel.patientIdField()->setText(QStringLiteral("ID-1"));
    panel.birthDateField()->setDate(QDate(1970, 1, 1));
    panel.studyDateFromField()->setDate(QDate(2024, 1, 1));
    panel.studyDateToField()->setDate(QDate(2024, 2, 1));
    panel.modalityField()->setEditText(QStringLiteral("ct, mr\\US"));
    panel.accessionField()->setText(QStringLiteral("ACC1"));
    const fenestra::net::StudyQuery query = panel.query();
    QCOMPARE(query.patientName, QStringLiteral("Doe^J*"));
    QCOMPARE(query.patientId, QStringLiteral("ID-1"));
    QCOMPARE(query.patientBirthDate, QDate(1970, 1, 1));
    QCOMPARE(query.studyDate.from, QDate(2024, 1, 1));
    QCOMPARE(query.studyDate.to, QDate(2024, 2, 1));
    QCOMPARE(query.modalities, (QStringList{"CT", "MR", "US"}));
    QCOMPARE(query.accessionNumber, QStringLiteral("ACC1"));

    panel.clearFields();
    const fenestra::net::StudyQuery cleared = panel.query();
    QVERIFY(cleared.patientName.isEmpty());
    QVERIFY(!cleared.patientBirthDate.isValid());
    QVERIFY(!cleared.studyDate.from.isValid());
    QVERIFY(cleared.modalities.isEmpty());
}

void TestArchiveSettings::panelQuery_untouchedFieldsFilterNothing()
{
    QNetworkAccessManager manager;
    SearchPanel panel(&manager);
    const fenestra::net::StudyQuery query = panel.query();
    QVERIFY(query.patientName.isEmpty());
    QVERIFY(query.patientId.isEmpty());
    QVERIFY(!query.patientBirthDate.isValid());
    QVERIFY(!query.studyDate.from.isValid() && !query.studyDate.to.isValid());
    QVERIFY(query.modalities.isEmpty());
    QVERIFY(query.accessionNumber.isEmpty());
    QVERIFY(!panel.searchButton()->isEnabled()); // no archive configured
    QCOMPARE(panel.birthDateField()->text(), QStringLiteral("Any"));
}

QTEST_MAIN(TestArchiveSettings)
#include "tst_archivesettings.moc"
