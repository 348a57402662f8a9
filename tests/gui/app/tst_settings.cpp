// The settings read back what was written, fall back to defaults for anything invalid, and the
// preferences dialog writes them on OK only.

#include "gui/settingsdialog.h"
#include "settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using fenestra::app::Settings;
using fenestra::app::SettingsDialog;
using fenestra::app::ViewLayout;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void freshFile_givesTheDefaults();
    void values_roundTripThroughTheFile();
    void invalidValues_fallBackToTheDefaults();
    void archiveConnections_defaultToFourAndStayWithinQtsLimit();
    void identity_defaultsRoundTripAndRefuseWhatIsNotAnIssuer();
    void viewLayout_parse_data();
    void viewLayout_parse();
    void dialog_languagesAreNamedInThemselves();
    void dialogOk_writesTheValuesAndReportsTheLanguage();
    void dialogCancel_leavesTheSettingsUntouched();
    void dialog_listsTheHospitalsOfTheFederationFile();

private:
    QString iniFile() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::freshFile_givesTheDefaults()
{
    Settings settings(iniFile());
    QCOMPARE(settings.language(), QString());
    QVERIFY(settings.recentPaths().isEmpty());
    QCOMPARE(settings.viewLayout(), (ViewLayout{1, 1}));
    QVERIFY(settings.annotationsVisible());
    QVERIFY(settings.linearInterpolation());
    QCOMPARE(settings.cineFps(), 10.0);
    QCOMPARE(settings.cacheSizeMb(), 1024);
}

void TestSettings::values_roundTripThroughTheFile()
{
    {
        Settings settings(iniFile());
        settings.setLanguage(QStringLiteral("de"));
        settings.setRecentPaths({QStringLiteral("/a"), QStringLiteral("/b")});
        settings.setViewLayout({2, 2});
        settings.setAnnotationsVisible(false);
        settings.setLinearInterpolation(false);
        settings.setCineFps(25);
        settings.setCacheSizeMb(2048);
        settings.setWindowGeometry(QByteArray("geometry"));
    }
    QVERIFY(QFile::exists(iniFile()));
    Settings settings(iniFile());
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QCOMPARE(settings.recentPaths(), (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
    QCOMPARE(settings.viewLayout(), (ViewLayout{2, 2}));
    QVERIFY(!settings.annotationsVisible());
    QVERIFY(!settings.linearInterpolation());
    QCOMPARE(settings.cineFps(), 25.0);
    QCOMPARE(settings.cacheSizeMb(), 2048);
    QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
}

void TestSettings::archiveConnections_defaultToFourAndStayWithinQtsLimit()
{
    Settings settings(iniFile());
    QCOMPARE(settings.archiveConnections(), 4);
    settings.setArchiveConnections(2);
    QCOMPARE(settings.archiveConnections(), 2);
    settings.setArchiveConnections(40);
    QCOMPARE(settings.archiveConnections(), 6);
    settings.setArchiveConnections(0);
    QCOMPARE(settings.archiveConnections(), 1);
    // The disk cache: 2 GiB unless chosen, never below 256 MB.
    QCOMPARE(settings.diskCacheMb(), 2048);
    settings.setDiskCacheMb(10);
    QCOMPARE(settings.diskCacheMb(), 256);
    settings.setDiskCacheMb(8192);
    QCOMPARE(Settings(iniFile()).diskCacheMb(), 8192);
}

void TestSettings::identity_defaultsRoundTripAndRefuseWhatIsNotAnIssuer()
{
    {
        Settings settings(iniFile());
        QVERIFY(settings.identityIssuer().isEmpty()); // no provider: archives asked as they are
        QCOMPARE(settings.identityClientId(), QStringLiteral("fenestra"));
        QCOMPARE(settings.identityResource(), QString());
        QCOMPARE(settings.idleLockMinutes(), 10);
        settings.setIdentityIssuer(QUrl(QStringLiteral("https://login.hospital.example/realms/x")));
        settings.setIdentityClientId(QStringLiteral("  viewer  "));
        settings.setIdentityResource(QStringLiteral("urn:fenestra:archive"));
        settings.setIdleLockMinutes(0); // never
    }
    {
        Settings settings(iniFile());
        QCOMPARE(settings.identityIssuer(),
                 QUrl(QStringLiteral("https://login.hospital.example/realms/x")));
        QCOMPARE(settings.identityClientId(), QStringLiteral("viewer"));
        QCOMPARE(settings.identityResource(), QStringLiteral("urn:fenestra:archive"));
        QCOMPARE(settings.idleLockMinutes(), 0);
        settings.setIdleLockMinutes(100000);
        QCOMPARE(settings.idleLockMinutes(), Settings::kMaximumIdleLockMinutes);
        settings.setIdentityIssuer(QUrl());
        QVERIFY(settings.identityIssuer().isEmpty());
    }
    {
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("identity/issuer"), QStringLiteral("ftp://nowhere"));
        raw.setValue(QStringLiteral("identity/idleLockMinutes"), QStringLiteral("-3"));
    }
    Settings settings(iniFile());
    QVERIFY(settings.identityIssuer().isEmpty());
    QCOMPARE(settings.idleLockMinutes(), 10);
}

void TestSettings::invalidValues_fallBackToTheDefaults()
{
    {
        // As a hand-edited or newer file might hold.
        QSettings raw(iniFile(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        raw.setValue(QStringLiteral("view/layout"), QStringLiteral("4x4"));
        raw.setValue(QStringLiteral("cine/defaultFps"), QStringLiteral("fast"));
        raw.setValue(QStringLiteral("cache/sizeMb"), 1);
    }
    Settings settings(iniFile());
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.viewLayout(), (ViewLayout{1, 1}));
    QCOMPARE(settings.cineFps(), 10.0);
    QCOMPARE(settings.cacheSizeMb(), 1024);
    settings.setCineFps(1000);
    QCOMPARE(settings.cineFps(), Settings::kMaximumCineFps);
    settings.setViewLayout({2, 3}); // not offered: ignored
    QCOMPARE(settings.viewLayout(), (ViewLayout{1, 1}));
}

void TestSettings::viewLayout_parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("1x1") << "1x1" << 1 << 1;
    QTest::newRow("1x2") << "1x2" << 1 << 2;
    QTest::newRow("2x1") << "2x1" << 2 << 1;
    QTest::newRow("2x2") << "2x2" << 2 << 2;
    QTest::newRow("3x3") << "3x3" << 3 << 3;
    QTest::newRow("2x3 unsupported") << "2x3" << 0 << 0;
    QTest::newRow("garbage") << "axb" << 0 << 0;
    QTest::newRow("empty") << "" << 0 << 0;
}

void TestSettings::viewLayout_parse()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(int, columns);
    const ViewLayout layout = ViewLayout::parse(text);
    QCOMPARE(layout.rows, rows);
    QCOMPARE(layout.columns, columns);
    if (rows > 0)
        QCOMPARE(layout.toString(), text);
}

void TestSettings::dialog_languagesAreNamedInThemselves()
{
    Settings settings(iniFile());
    SettingsDialog dialog(settings);
    auto* combo = dialog.findChild<QComboBox*>();
    QVERIFY(combo != nullptr);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->itemData(0).toString(), QString());
    QCOMPARE(combo->itemText(1), QStringLiteral("English"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Fran\u00e7ais"));
    QCOMPARE(combo->itemText(3), QStringLiteral("Deutsch"));
    QCOMPARE(combo->accessibleName(), QStringLiteral("Language"));
}

void TestSettings::dialogOk_writesTheValuesAndReportsTheLanguage()
{
    Settings settings(iniFile());
    SettingsDialog dialog(settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* combo = dialog.findChild<QComboBox*>();
    combo->setCurrentIndex(combo->findData(QStringLiteral("fr")));
    const QList<QCheckBox*> boxes = dialog.findChildren<QCheckBox*>();
    QCOMPARE(boxes.size(), 2);
    for (QCheckBox* box : boxes)
        box->setChecked(false);
    dialog.findChild<QDoubleSpinBox*>()->setValue(15);
    dialog.findChild<QSpinBox*>()->setValue(512);
    QSignalSpy language(&dialog, &SettingsDialog::languageChosen);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(language.count(), 1);
    QCOMPARE(language.at(0).at(0).toString(), QStringLiteral("fr"));
    Settings reread(iniFile());
    QCOMPARE(reread.language(), QStringLiteral("fr"));
    QVERIFY(!reread.annotationsVisible());
    QVERIFY(!reread.linearInterpolation());
    QCOMPARE(reread.cineFps(), 15.0);
    QCOMPARE(reread.cacheSizeMb(), 512);
}

void TestSettings::dialog_listsTheHospitalsOfTheFederationFile()
{
    const QString file = m_dir->filePath(QStringLiteral("federation.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"federation": "Test federation",
                      "tenants": [{"id": "north", "name": "Hospital North",
                                   "dicomweb": "https://north.example/dicom-web"},
                                  {"id": "south", "name": "Hospital South",
                                   "dicomweb": "https://south.example/dicom-web"}]})");
    }
    Settings settings(iniFile());
    settings.setFederationFile(file);
    SettingsDialog dialog(settings);
    auto* tenants = dialog.findChild<QTableWidget*>(QStringLiteral("federationTenants"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("federationError"));
    QVERIFY(tenants != nullptr && error != nullptr);
    QCOMPARE(tenants->rowCount(), 2);
    QCOMPARE(tenants->item(0, 0)->text(), QStringLiteral("Hospital North"));
    QCOMPARE(tenants->item(1, 1)->text(), QStringLiteral("south"));
    QCOMPARE(tenants->item(1, 2)->text(), QStringLiteral("https://south.example/dicom-web"));
    QCOMPARE(error->text(), QStringLiteral("Test federation: 2 hospitals"));

    // A file that is not a federation: why, and no hospital listed.
    auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("federationFile"));
    field->setText(m_dir->filePath(QStringLiteral("missing.json")));
    QCOMPARE(tenants->rowCount(), 0);
    QVERIFY2(
        error->text().startsWith(QStringLiteral("The federation configuration cannot be read: ")),
        qPrintable(error->text()));
    field->setText(file);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(Settings(iniFile()).federationFile(), file);
}

void TestSettings::dialogCancel_leavesTheSettingsUntouched()
{
    Settings settings(iniFile());
    settings.setLanguage(QStringLiteral("de"));
    SettingsDialog dialog(settings);
    auto* combo = dialog.findChild<QComboBox*>();
    QCOMPARE(combo->currentData().toString(), QStringLiteral("de"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
    dialog.findChild<QCheckBox*>()->setChecked(false);
    QSignalSpy language(&dialog, &SettingsDialog::languageChosen);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(language.count(), 0);
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QVERIFY(settings.annotationsVisible());
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
