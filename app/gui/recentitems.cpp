#include "recentitems.h"

#include "settings.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>

namespace fenestra::app {

RecentItems::RecentItems(Settings& settings, QObject* parent)
    : QObject(parent), m_settings(settings), m_menu(std::make_unique<QMenu>())
{
    m_menu->installEventFilter(this);
    connect(m_menu.get(), &QMenu::aboutToShow, this, &RecentItems::rebuildMenu);
    rebuildMenu();
}

RecentItems::~RecentItems() = default;

QStringList RecentItems::prunedPaths() const
{
    QStringList result;
    for (const QString& path : m_settings.recentPaths()) {
        if (result.size() == kMaximum)
            break;
        if (!path.isEmpty() && !result.contains(path) && QFileInfo::exists(path))
            result.append(path);
    }
    return result;
}

QStringList RecentItems::paths() const
{
    return prunedPaths();
}

void RecentItems::add(const QString& path)
{
    addAll({path});
}

void RecentItems::addAll(const QStringList& paths)
{
    QStringList list = prunedPaths();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        if (it->isEmpty())
            continue;
        const QString absolute = QDir::cleanPath(QFileInfo(*it).absoluteFilePath());
        list.removeAll(absolute);
        list.prepend(absolute);
    }
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentItems::clear()
{
    store({});
}

void RecentItems::store(const QStringList& paths)
{
    if (paths == m_settings.recentPaths())
        return;
    m_settings.setRecentPaths(paths);
    rebuildMenu();
    emit changed();
}

void RecentItems::rebuildMenu()
{
    // Later, not now: the action being triggered may be what asked for this rebuild.
    for (QAction* action : m_menu->actions()) {
        m_menu->removeAction(action);
        action->deleteLater();
    }
    m_menu->setTitle(tr("Open &recent"));
    const QStringList list = prunedPaths();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        // Numbered mnemonics for the first nine; '&' in a path must not become one.
        QString label = QDir::toNativeSeparators(path);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (i < 9)
            label = QStringLiteral("&%1 %2").arg(i + 1).arg(label);
        QAction* action = m_menu->addAction(label);
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (!list.isEmpty())
        m_menu->addSeparator();
    QAction* clearAction = m_menu->addAction(tr("&Clear recent"), this, &RecentItems::clear);
    clearAction->setEnabled(!list.isEmpty());
    m_menu->setEnabled(!list.isEmpty());
}

bool RecentItems::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_menu.get() && event->type() == QEvent::LanguageChange)
        rebuildMenu();
    return QObject::eventFilter(watched, event);
}

} // namespace fenestra::app
