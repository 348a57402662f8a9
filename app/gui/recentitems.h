#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QMenu;

namespace fenestra::app {

class Settings;

// The files and folders the user opened last, kept in the settings: most recent first, each once,
// at most kMaximum; paths that no longer exist are dropped whenever the list is read. menu() is
// an "Open recent" menu rebuilt whenever the list changes (and each time it is about to show, so
// it never offers a path deleted meanwhile); choosing an entry emits openRequested().
//
// Thread contract: GUI thread only. `settings` must outlive this object.
class RecentItems : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 10;

    explicit RecentItems(Settings& settings, QObject* parent = nullptr);
    ~RecentItems() override;

    // Puts `path` (made absolute) first; ignores empty paths.
    void add(const QString& path);
    void addAll(const QStringList& paths); // the first of `paths` ends up most recent
    void clear();
    QStringList paths() const;

    // Owned by this object; add it to a menu bar or menu with QMenu::addMenu().
    QMenu* menu() const { return m_menu.get(); }

signals:
    void openRequested(const QString& path);
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QStringList prunedPaths() const;
    void store(const QStringList& paths);
    void rebuildMenu();

    Settings& m_settings;
    std::unique_ptr<QMenu> m_menu;
};

} // namespace fenestra::app
