#include "idlelock.h"

#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace fenestra::app {

namespace {

bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    qApp->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    qApp->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    restart();
}

void IdleWatcher::restart()
{
    m_paused = false;
    if (m_timeout.count() > 0)
        m_timer.start(m_timeout);
    else
        m_timer.stop();
}

void IdleWatcher::pause()
{
    m_paused = true;
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    // Restarting a running QTimer is cheap (it re-registers one timer): fine per mouse move.
    if (!m_paused && m_timeout.count() > 0 && isUserInput(event->type()))
        m_timer.start(m_timeout);
    return QObject::eventFilter(watched, event);
}

LockScreen::LockScreen(QWidget* window) : QWidget(window), m_window(window)
{
    setObjectName(QStringLiteral("lockScreen"));
    setAutoFillBackground(false);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    m_reason = new QLabel(this);
    m_reason->setWordWrap(true);
    m_reason->setAlignment(Qt::AlignCenter);
    m_signIn = new QPushButton(this);
    m_signIn->setObjectName(QStringLiteral("lockSignIn"));
    m_signOut = new QPushButton(this);
    m_signOut->setObjectName(QStringLiteral("lockSignOut"));
    for (QLabel* label : {m_title, m_reason}) {
        label->setAlignment(Qt::AlignCenter);
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, Qt::white);
        label->setPalette(palette);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_reason);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_signOut);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_signIn, &QPushButton::clicked, this, &LockScreen::signInRequested);
    connect(m_signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
    retranslate();
    hide();
    window->installEventFilter(this);
}

void LockScreen::retranslate()
{
    m_title->setText(tr("Fenestra is locked"));
    m_signIn->setText(tr("Sign in again"));
    m_signOut->setText(tr("Sign out"));
}

void LockScreen::lock(const QString& reason)
{
    m_reason->setText(reason);
    if (m_locked || m_window == nullptr)
        return;
    m_locked = true;
    // Commands and their shortcuts: window-wide shortcuts would otherwise still fire.
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (action->isEnabled() && !isAncestorOf(action->parentWidget())) {
            action->setEnabled(false);
            m_disabled.emplace_back(action);
        }
    }
    // Floating docks are windows of their own: the cover does not reach them.
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
        if (dock->isVisible() && dock->isFloating()) {
            dock->hide();
            m_hidden.emplace_back(dock);
        }
    }
    setGeometry(m_window->rect());
    show();
    raise();
    m_signIn->setFocus();
}

void LockScreen::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    hide();
    for (const QPointer<QAction>& action : m_disabled)
        if (action)
            action->setEnabled(true);
    for (const QPointer<QWidget>& widget : m_hidden)
        if (widget)
            widget->show();
    m_disabled.clear();
    m_hidden.clear();
}

bool LockScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && m_locked) {
        // Stay over the whole window, above widgets added later (a new view, say).
        if (event->type() == QEvent::Resize)
            setGeometry(m_window->rect());
        if (event->type() == QEvent::ChildAdded || event->type() == QEvent::LayoutRequest)
            raise();
    }
    return QWidget::eventFilter(watched, event);
}

void LockScreen::paintEvent(QPaintEvent*)
{
    // Opaque: nothing of the window below may show through.
    QPainter painter(this);
    painter.fillRect(rect(), QColor(24, 28, 36));
}

} // namespace fenestra::app
