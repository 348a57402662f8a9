// The help sheet lists the window's actions with their shortcuts by category, covers its parent
// and closes on Escape, F1 or a click.

#include "gui/helpoverlay.h"

#include <QAction>
#include <QMenu>
#include <QTest>

using fenestra::app::HelpOverlay;

class TestHelpOverlay : public QObject
{
    Q_OBJECT
private slots:
    void entries_listTextAndShortcutByCategory();
    void entries_followAMenuAndDeletedActions();
    void open_coversTheParentAndDrawsOverIt();
    void closingKeysAndClick_hideIt_data();
    void closingKeysAndClick_hideIt();
};

void TestHelpOverlay::entries_listTextAndShortcutByCategory()
{
    QWidget window;
    QAction open(QStringLiteral("&Open files..."));
    open.setShortcut(QKeySequence(QStringLiteral("Ctrl+O")));
    QAction zoom(QStringLiteral("Zoom &in"));
    zoom.setShortcuts({QKeySequence(QStringLiteral("Ctrl++")), QKeySequence(Qt::Key_Plus)});
    QAction separator;
    separator.setSeparator(true);
    QAction hidden(QStringLiteral("Hidden"));
    hidden.setVisible(false);
    QAction plain(QStringLiteral("R&&D notes"));
    HelpOverlay overlay(&window);
    overlay.addGroup(QStringLiteral("File"), {&open, &separator, &hidden});
    overlay.addGroup(QStringLiteral("View"), {&zoom, &plain});

    const auto entries = overlay.entries();
    QCOMPARE(entries.size(), std::size_t{3});
    QCOMPARE(entries[0].category, QStringLiteral("File"));
    QCOMPARE(entries[0].text, QStringLiteral("Open files"));
    QCOMPARE(entries[0].shortcut,
             QKeySequence(QStringLiteral("Ctrl+O")).toString(QKeySequence::PortableText));
    QCOMPARE(entries[0].shortcut, QStringLiteral("Ctrl+O"));
    QCOMPARE(entries[1].category, QStringLiteral("View"));
    QCOMPARE(entries[1].text, QStringLiteral("Zoom in"));
    QCOMPARE(entries[1].shortcut, QStringLiteral("Ctrl++, +"));
    QCOMPARE(entries[2].text, QStringLiteral("R&D notes"));
    QCOMPARE(entries[2].shortcut, QString());
    QVERIFY(overlay.accessibleDescription().contains(QStringLiteral("Open files, Ctrl+O")));
}

void TestHelpOverlay::entries_followAMenuAndDeletedActions()
{
    QWidget window;
    QMenu menu(QStringLiteral("&Tools"));
    menu.addAction(QStringLiteral("&Length"), QKeySequence(QStringLiteral("L")));
    menu.addMenu(QStringLiteral("Sub")); // opens a submenu: not a command
    auto* doomed = new QAction(QStringLiteral("Temporary"));
    HelpOverlay overlay(&window);
    overlay.addMenu(&menu);
    overlay.addGroup(QStringLiteral("Other"), {doomed});
    QCOMPARE(overlay.entries().size(), std::size_t{2});
    delete doomed;
    auto entries = overlay.entries();
    QCOMPARE(entries.size(), std::size_t{1});
    QCOMPARE(entries[0].category, QStringLiteral("Tools"));
    QCOMPARE(entries[0].text, QStringLiteral("Length"));
    QCOMPARE(entries[0].shortcut, QStringLiteral("L"));
    menu.setTitle(QStringLiteral("&Outils")); // as after a language switch
    QCOMPARE(overlay.entries()[0].category, QStringLiteral("Outils"));
}

void TestHelpOverlay::open_coversTheParentAndDrawsOverIt()
{
    QWidget window;
    window.resize(800, 500);
    QPalette palette = window.palette();
    palette.setColor(QPalette::Window, Qt::white);
    window.setPalette(palette);
    window.setAutoFillBackground(true);
    QAction open(QStringLiteral("Open"));
    HelpOverlay overlay(&window);
    overlay.addGroup(QStringLiteral("File"), {&open});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!overlay.isVisible());
    overlay.open();
    QVERIFY(overlay.isVisible());
    QCOMPARE(overlay.geometry(), window.rect());
    window.resize(900, 600);
    QTRY_COMPARE(overlay.geometry(), window.rect());
    // Semi-transparent dark sheet: the white window shows through as grey, not black or white.
    const QImage shot = window.grab().toImage();
    const int grey = qGray(shot.pixel(5, shot.height() / 2));
    QVERIFY2(grey > 20 && grey < 128, qPrintable(QString::number(grey)));
}

void TestHelpOverlay::closingKeysAndClick_hideIt_data()
{
    QTest::addColumn<int>("key"); // 0: a mouse click
    QTest::newRow("Escape") << int(Qt::Key_Escape);
    QTest::newRow("F1") << int(Qt::Key_F1);
    QTest::newRow("click") << 0;
}

void TestHelpOverlay::closingKeysAndClick_hideIt()
{
    QFETCH(int, key);
    QWidget window;
    window.resize(600, 400);
    auto* field = new QWidget(&window);
    field->setFocusPolicy(Qt::StrongFocus);
    // The window's own F1 action toggles the sheet; it must not fire while the sheet has focus.
    HelpOverlay overlay(&window);
    int toggles = 0;
    auto* help = new QAction(&window);
    help->setShortcut(Qt::Key_F1);
    window.addAction(help);
    connect(help, &QAction::triggered, &overlay, [&] {
        ++toggles;
        overlay.toggle();
    });
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    field->setFocus();
    overlay.open();
    QTRY_VERIFY(overlay.hasFocus());
    if (key != 0)
        QTest::keyClick(&overlay, Qt::Key(key));
    else
        QTest::mouseClick(&overlay, Qt::LeftButton, {}, QPoint(100, 100));
    QVERIFY(!overlay.isVisible());
    QCOMPARE(toggles, 0);
    QTRY_VERIFY(field->hasFocus()); // the focus goes back where it was
}

QTEST_MAIN(TestHelpOverlay)
#include "tst_helpoverlay.moc"
