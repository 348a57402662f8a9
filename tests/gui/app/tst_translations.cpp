// Switching the language at run time swaps Fenestra's and Qt's translations and tells every
// widget to retranslate.

#include "translations.h"

#include <QEvent>
#include <QFile>
#include <QLibraryInfo>
#include <QTest>
#include <QWidget>

using fenestra::app::setLanguage;

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void setLanguage_switchesTheApplicationStrings_data();
    void setLanguage_switchesTheApplicationStrings();
    void setLanguage_switchesQtsOwnStrings();
    void setLanguage_sendsLanguageChangeToEveryWidget();
    void cleanupTestCase();
};

namespace {

// Counts the LanguageChange events a widget receives.
class Listener : public QWidget
{
public:
    using QWidget::QWidget;
    int changes = 0;

protected:
    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange)
            ++changes;
        QWidget::changeEvent(event);
    }
};

} // namespace

void TestTranslations::setLanguage_switchesTheApplicationStrings_data()
{
    // Expected texts as in translations/fenestra_<lang>.ts.
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("quit");
    QTest::newRow("fr") << "fr"
                        << "&Fichier"
                        << "&Quitter";
    QTest::newRow("de") << "de"
                        << "&Datei"
                        << "&Beenden";
    QTest::newRow("en") << "en"
                        << "&File"
                        << "&Quit";
    QTest::newRow("fr again") << "fr"
                              << "&Fichier"
                              << "&Quitter";
}

void TestTranslations::setLanguage_switchesTheApplicationStrings()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, quit);
    setLanguage(*QCoreApplication::instance(), language);
    QCOMPARE(QCoreApplication::translate("fenestra::app::MainWindow", "&File"), file);
    QCOMPARE(QCoreApplication::translate("fenestra::app::MainWindow", "&Quit"), quit);
}

void TestTranslations::setLanguage_switchesQtsOwnStrings()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(dir + QStringLiteral("/qtbase_fr.qm")))
        QSKIP("Qt's French translation is not installed");
    setLanguage(*QCoreApplication::instance(), QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    setLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestTranslations::setLanguage_sendsLanguageChangeToEveryWidget()
{
    Listener window;
    auto* child = new Listener(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    window.changes = 0;
    child->changes = 0;
    setLanguage(*QCoreApplication::instance(), QStringLiteral("de"));
    QTRY_VERIFY(window.changes > 0);
    QTRY_VERIFY(child->changes > 0);
}

void TestTranslations::cleanupTestCase()
{
    setLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
