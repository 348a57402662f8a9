#pragma once

#include <QAction>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QMenu;

#include <vector>

namespace fenestra::app {

// A semi-transparent sheet over its parent listing what the window can do and the keys that do
// it, grouped by category ("File", "View", "Tools"...). It reads the actions' texts and shortcuts
// when it paints, so it follows language and shortcut changes. Escape, F1 or a click closes it.
// The same list is given to assistive technology as the accessible description.
//
// Thread contract: GUI thread only. The actions may be deleted at any time (held weakly).
class HelpOverlay : public QWidget
{
    Q_OBJECT
public:
    // One line of the sheet.
    struct Entry
    {
        QString category;
        QString text;     // the action's text without mnemonics or a trailing "..."
        QString shortcut; // all of its shortcuts, native text, ", "-separated; may be empty
    };

    explicit HelpOverlay(QWidget* parent);

    // `category` is shown as given (translated by the caller); addMenu() instead reads the menu's
    // title and actions each time, so it follows a language switch by itself. Actions that open
    // a submenu are left out.
    void addGroup(const QString& category, const QList<QAction*>& actions);
    void addMenu(QMenu* menu);
    void clearGroups();
    // What the sheet lists now: visible actions with a text, in the order given; separators
    // are left out.
    std::vector<Entry> entries() const;

    // Shows the sheet over the whole parent and takes the keyboard focus, or hides it.
    void toggle();
    void open();
    void dismiss(); // hides it and gives the focus back to where it was

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Group
    {
        QString category;
        QList<QPointer<QAction>> actions;
        QPointer<QMenu> menu; // when set, category and actions come from it
    };
    void retranslate();
    int paintColumnEntries(QPainter& painter, const std::vector<Entry>& list, QRect area) const;

    std::vector<Group> m_groups;
    QPointer<QWidget> m_previousFocus;
};

} // namespace fenestra::app
