#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QGridLayout;

namespace fenestra::app {

// Lays out rows x columns views made by a factory, in reading order (row by row). Changing the
// layout keeps the first views (and whatever they show) and only creates or deletes the
// difference. The active view, the one the tools act on, is framed in the highlight colour; a
// click in a view or the keyboard focus entering it makes it active.
//
// Thread contract: GUI thread only. The factory is called on the GUI thread; the grid owns the
// widgets it returns.
class ViewGrid : public QWidget
{
    Q_OBJECT
public:
    using Factory = std::function<QWidget*()>;

    explicit ViewGrid(Factory factory, QWidget* parent = nullptr);

    // 1x1, 1x2, 2x1, 2x2 or 3x3 (rows x columns); returns false and changes nothing otherwise.
    // Views past the new count are deleted (deleteLater, so a view may ask for this itself).
    bool setLayout(int rows, int columns);
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

    QList<QWidget*> widgets() const; // reading order
    QWidget* activeWidget() const;
    int activeIndex() const { return m_active; }
    void setActiveIndex(int index); // clamped to the views present

signals:
    void layoutChanged(int rows, int columns);
    void activeIndexChanged(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void arrange();
    void focusChanged(QWidget* now);

    Factory m_factory;
    QGridLayout* m_grid = nullptr;
    QList<QPointer<QWidget>> m_widgets;
    int m_rows = 0;
    int m_columns = 0;
    int m_active = 0;
};

} // namespace fenestra::app
