// The recent items keep the last opened paths in the settings, most recent first, each once, at
// most ten, drop paths that disappeared, and offer them in a menu that opens them.

#include "gui/recentitems.h"
#include "settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fenestra::app::RecentItems;
using fenestra::app::Settings;

class TestRecentItems : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void add_putsTheNewestFirstWithoutDuplicates();
    void add_keepsAtMostTenPaths();
    void paths_dropsPathsThatNoLongerExist();
    void paths_surviveInTheSettingsFile();
    void menu_listsThePathsAndOpensTheChosenOne();
    void clearRecent_emptiesTheListAndTheMenu();

private:
    QString makeFile(const QString& name);
    std::unique_ptr<QTemporaryDir> m_dir;
};

QString TestRecentItems::makeFile(const QString& name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot create a test file");
    return QDir::cleanPath(path);
}

void TestRecentItems::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRecentItems::add_putsTheNewestFirstWithoutDuplicates()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    RecentItems recent(settings);
    const QString a = makeFile(QStringLiteral("a.dcm"));
    const QString b = makeFile(QStringLiteral("b.dcm"));
    const QString c = makeFile(QStringLiteral("c.dcm"));
    QSignalSpy changed(&recent, &RecentItems::changed);
    recent.add(a);
    recent.add(b);
    recent.add(c);
    recent.add(a);
    QCOMPARE(recent.paths(), (QStringList{a, c, b}));
    QCOMPARE(changed.count(), 4);
    recent.add(a); // already first: nothing changes
    QCOMPARE(changed.count(), 4);
    recent.addAll({b, c});
    QCOMPARE(recent.paths(), (QStringList{b, c, a}));
}

void TestRecentItems::add_keepsAtMostTenPaths()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    RecentItems recent(settings);
    QStringList added;
    for (int i = 0; i < 14; ++i) {
        added.prepend(makeFile(QStringLiteral("f%1.dcm").arg(i)));
        recent.add(added.front());
    }
    QCOMPARE(recent.paths().size(), RecentItems::kMaximum);
    QCOMPARE(recent.paths(), added.mid(0, 10));
}

void TestRecentItems::paths_dropsPathsThatNoLongerExist()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    RecentItems recent(settings);
    const QString a = makeFile(QStringLiteral("a.dcm"));
    const QString b = makeFile(QStringLiteral("b.dcm"));
    recent.add(a);
    recent.add(b);
    QVERIFY(QFile::remove(b));
    QCOMPARE(recent.paths(), QStringList{a});
    recent.menu()->popup(QPoint(0, 0)); // rebuilt as it shows
    QTRY_VERIFY(recent.menu()->isVisible());
    QStringList offered;
    for (QAction* action : recent.menu()->actions())
        if (action->data().isValid())
            offered.append(action->data().toString());
    recent.menu()->hide();
    QCOMPARE(offered, QStringList{a});
}

void TestRecentItems::paths_surviveInTheSettingsFile()
{
    const QString file = m_dir->filePath(QStringLiteral("settings.ini"));
    const QString a = makeFile(QStringLiteral("a.dcm"));
    const QString folder = m_dir->path();
    {
        Settings settings(file);
        RecentItems recent(settings);
        recent.add(a);
        recent.add(folder);
    }
    Settings settings(file);
    RecentItems recent(settings);
    QCOMPARE(recent.paths(), (QStringList{QDir::cleanPath(folder), a}));
}

void TestRecentItems::menu_listsThePathsAndOpensTheChosenOne()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    RecentItems recent(settings);
    const QString a = makeFile(QStringLiteral("R&D.dcm"));
    const QString b = makeFile(QStringLiteral("b.dcm"));
    recent.add(a);
    recent.add(b);
    const QList<QAction*> actions = recent.menu()->actions();
    // b, a, a separator, "Clear recent"
    QCOMPARE(actions.size(), 4);
    QCOMPARE(actions[0]->data().toString(), b);
    QCOMPARE(actions[1]->data().toString(), a);
    QVERIFY(actions[1]->text().contains(QStringLiteral("R&&D"))); // shown as "R&D"
    QVERIFY(actions[2]->isSeparator());
    QVERIFY(recent.menu()->isEnabled());
    QSignalSpy open(&recent, &RecentItems::openRequested);
    actions[1]->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), a);
}

void TestRecentItems::clearRecent_emptiesTheListAndTheMenu()
{
    Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    RecentItems recent(settings);
    recent.add(makeFile(QStringLiteral("a.dcm")));
    QAction* clear = recent.menu()->actions().constLast();
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(recent.paths().isEmpty());
    QVERIFY(settings.recentPaths().isEmpty());
    QCOMPARE(recent.menu()->actions().size(), 1); // only "Clear recent", disabled
    QVERIFY(!recent.menu()->actions().constFirst()->isEnabled());
    QVERIFY(!recent.menu()->isEnabled());
}

QTEST_MAIN(TestRecentItems)
#include "tst_recentitems.moc"
