#pragma once

#include <QAction>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <vector>

class QLabel;
class QPushButton;

namespace fenestra::app {

// Watches the user's input to the whole application (keys, mouse buttons and moves, wheel,
// touch) and emits idle() once `timeout` passes without any. Input restarts the count; idle()
// fires once per idle period. A timeout of zero disables the watch.
//
// Thread contract: GUI thread only; installs an event filter on the application.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Counts from now (after a sign-in, say).
    void restart();
    // Stops counting until restart() (while locked, say).
    void pause();

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::chrono::milliseconds m_timeout{0};
    QTimer m_timer;
    bool m_paused = false;
};

// Covers a window while the session is locked: nothing of the window shows through (patient
// names, images, search results), its commands and shortcuts are disabled, its floating docks
// hidden, and input goes nowhere but to the lock's own buttons ("Sign in again", "Sign out").
// unlock() restores exactly what lock() disabled or hid.
//
// Thread contract: GUI thread only.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(QWidget* window);

    // `reason`: translated text under the title (why the window is locked).
    void lock(const QString& reason);
    void unlock();
    bool isLocked() const { return m_locked; }
    void retranslate();

signals:
    void signInRequested();
    void signOutRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QPointer<QWidget> m_window;
    QLabel* m_title = nullptr;
    QLabel* m_reason = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_signOut = nullptr;
    bool m_locked = false;
    std::vector<QPointer<QAction>> m_disabled;
    std::vector<QPointer<QWidget>> m_hidden;
};

} // namespace fenestra::app
