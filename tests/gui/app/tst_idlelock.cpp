// The idle watcher fires after the configured time without input, input postpones it; the lock
// screen hides everything of the window (read back from the display), disables its commands and
// shortcuts, hides floating docks, and unlocking restores exactly what it changed.

#include "gui/idlelock.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

using fenestra::app::IdleWatcher;
using fenestra::app::LockScreen;
using namespace std::chrono_literals;

namespace {

// A widget painted in one colour that appears nowhere else (the "patient data").
class Swatch : public QWidget
{
public:
    explicit Swatch(QColor colour) : m_colour(colour)
    {
        setAutoFillBackground(true);
        QPalette p = palette();
        p.setColor(QPalette::Window, colour);
        setPalette(p);
    }

private:
    QColor m_colour;
};

int pixelsOf(const QImage& image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y).rgb() == colour.rgb();
    return count;
}

} // namespace

class TestIdleLock : public QObject
{
    Q_OBJECT
private slots:
    void idle_firesAfterTheTimeoutWithoutInput();
    void idle_isPostponedByInput();
    void idle_zeroTimeoutNeverFires();
    void lock_hidesEverythingOfTheWindowOnScreen();
    void lock_disablesCommandsAndShortcutsAndRestoresThem();
    void lock_hidesFloatingDocksAndShowsThemAgain();
    void lock_buttonsAskForSignInOrSignOut();
};

void TestIdleLock::idle_firesAfterTheTimeoutWithoutInput()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    QElapsedTimer clock;
    clock.start();
    watcher.setTimeout(200ms);
    QVERIFY(idle.wait(2000));
    QVERIFY2(clock.elapsed() >= 190, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(idle.count(), 1);
    QTest::qWait(400); // once per idle period
    QCOMPARE(idle.count(), 1);
}

void TestIdleLock::idle_isPostponedByInput()
{
    QWidget window;
    window.resize(200, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(300ms);
    QElapsedTimer sinceLastInput;
    for (int i = 0; i < 6; ++i) { // input every 150 ms for 900 ms: twice the timeout and more
        QTest::qWait(150);
        QTest::keyClick(&window, Qt::Key_A);
        sinceLastInput.start();
    }
    QCOMPARE(idle.count(), 0);
    QVERIFY(idle.wait(2000));
    // The count started again at the last key (Qt's coarse timers may fire up to 5% early).
    QVERIFY2(sinceLastInput.elapsed() >= 285,
             qPrintable(QString::number(sinceLastInput.elapsed())));
    watcher.pause();
    QTest::keyClick(&window, Qt::Key_A);
    QTest::qWait(500);
    QCOMPARE(idle.count(), 1); // paused: input does not restart the count
}

void TestIdleLock::idle_zeroTimeoutNeverFires()
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(0ms);
    QTest::qWait(300);
    QCOMPARE(idle.count(), 0);
}

void TestIdleLock::lock_hidesEverythingOfTheWindowOnScreen()
{
    const QColor secret(250, 10, 200);
    QMainWindow window;
    window.setCentralWidget(new Swatch(secret));
    auto* dock = new QDockWidget(&window);
    dock->setWidget(new Swatch(secret));
    window.addDockWidget(Qt::LeftDockWidgetArea, dock);
    window.menuBar()->addMenu(QStringLiteral("File"));
    window.resize(640, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto grab = [&window] {
        QTest::qWait(100);
        return window.screen()->grabWindow(window.winId()).toImage();
    };
    QVERIFY(pixelsOf(grab(), secret) > 10000); // the test sees the data before locking

    LockScreen lock(&window);
    lock.lock(QStringLiteral("idle"));
    QVERIFY(lock.isLocked());
    QCOMPARE(pixelsOf(grab(), secret), 0);
    window.resize(800, 600); // still covered after a resize
    QCOMPARE(pixelsOf(grab(), secret), 0);

    lock.unlock();
    QVERIFY(!lock.isVisible());
    QVERIFY(pixelsOf(grab(), secret) > 10000);
}

void TestIdleLock::lock_disablesCommandsAndShortcutsAndRestoresThem()
{
    QMainWindow window;
    window.setCentralWidget(new QWidget);
    auto* open = new QAction(QStringLiteral("Open"), &window);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    window.addAction(open);
    auto* alreadyOff = new QAction(QStringLiteral("Export"), &window);
    alreadyOff->setEnabled(false);
    window.addAction(alreadyOff);
    window.resize(300, 200);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy triggered(open, &QAction::triggered);

    LockScreen lock(&window);
    lock.lock(QStringLiteral("idle"));
    QVERIFY(!open->isEnabled());
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(triggered.count(), 0);

    lock.unlock();
    QVERIFY(open->isEnabled());
    QVERIFY(!alreadyOff->isEnabled()); // what was off before stays off
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QCOMPARE(triggered.count(), 1);
}

void TestIdleLock::lock_hidesFloatingDocksAndShowsThemAgain()
{
    QMainWindow window;
    window.setCentralWidget(new QWidget);
    auto* dock = new QDockWidget(&window);
    dock->setWidget(new QWidget);
    window.addDockWidget(Qt::LeftDockWidgetArea, dock);
    window.show();
    dock->setFloating(true);
    dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(dock));

    LockScreen lock(&window);
    lock.lock(QStringLiteral("idle"));
    QVERIFY(!dock->isVisible());
    lock.unlock();
    QVERIFY(dock->isVisible());
}

void TestIdleLock::lock_buttonsAskForSignInOrSignOut()
{
    QMainWindow window;
    window.setCentralWidget(new QWidget);
    window.show();
    LockScreen lock(&window);
    QSignalSpy signIn(&lock, &LockScreen::signInRequested);
    QSignalSpy signOut(&lock, &LockScreen::signOutRequested);
    lock.lock(QStringLiteral("idle"));
    auto* in = lock.findChild<QPushButton*>(QStringLiteral("lockSignIn"));
    auto* out = lock.findChild<QPushButton*>(QStringLiteral("lockSignOut"));
    QVERIFY(in != nullptr && out != nullptr);
    QVERIFY(in->isEnabled() && out->isEnabled());
    QTest::mouseClick(in, Qt::LeftButton);
    QTest::mouseClick(out, Qt::LeftButton);
    QCOMPARE(signIn.count(), 1);
    QCOMPARE(signOut.count(), 1);
}

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
