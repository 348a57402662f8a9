#include "viewgrid.h"

#include "settings.h"

#include <QApplication>
#include <QEvent>
#include <QGridLayout>
#include <QPainter>

namespace fenestra::app {

namespace {
// Room around each view for the active frame.
constexpr int kFrameWidth = 3;
} // namespace

ViewGrid::ViewGrid(Factory factory, QWidget* parent)
    : QWidget(parent), m_factory(std::move(factory))
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(kFrameWidth, kFrameWidth, kFrameWidth, kFrameWidth);
    m_grid->setSpacing(2 * kFrameWidth);
    setAccessibleName(tr("Image views"));
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget*, QWidget* now) { focusChanged(now); });
    setLayout(1, 1);
}

bool ViewGrid::setLayout(int rows, int columns)
{
    if (!ViewLayout::isSupported(rows, columns))
        return false;
    if (rows == m_rows && columns == m_columns)
        return true;
    m_rows = rows;
    m_columns = columns;
    const int count = rows * columns;
    while (m_widgets.size() > count) {
        QPointer<QWidget> widget = m_widgets.takeLast();
        if (widget == nullptr)
            continue;
        m_grid->removeWidget(widget);
        widget->hide();
        widget->removeEventFilter(this);
        widget->deleteLater();
    }
    while (m_widgets.size() < count) {
        QWidget* widget = m_factory();
        widget->setParent(this);
        widget->installEventFilter(this);
        m_widgets.append(widget);
    }
    arrange();
    const int previous = m_active;
    m_active = std::clamp(m_active, 0, count - 1);
    update();
    emit layoutChanged(rows, columns);
    if (m_active != previous)
        emit activeIndexChanged(m_active);
    return true;
}

void ViewGrid::arrange()
{
    for (int i = 0; i < m_widgets.size(); ++i) {
        if (m_widgets[i] == nullptr)
            continue;
        m_grid->removeWidget(m_widgets[i]);
        m_grid->addWidget(m_widgets[i], i / m_columns, i % m_columns);
        m_widgets[i]->show();
    }
    // Equal shares: stretch only the rows and columns in use, clear those left from a larger grid.
    for (int r = 0; r < 3; ++r)
        m_grid->setRowStretch(r, r < m_rows ? 1 : 0);
    for (int c = 0; c < 3; ++c)
        m_grid->setColumnStretch(c, c < m_columns ? 1 : 0);
    m_grid->activate(); // geometries right away, for whoever sizes the views next
}

QList<QWidget*> ViewGrid::widgets() const
{
    QList<QWidget*> result;
    for (const QPointer<QWidget>& widget : m_widgets)
        if (widget != nullptr)
            result.append(widget);
    return result;
}

QWidget* ViewGrid::activeWidget() const
{
    return m_active < m_widgets.size() ? m_widgets[m_active].data() : nullptr;
}

void ViewGrid::setActiveIndex(int index)
{
    index = std::clamp(index, 0, static_cast<int>(m_widgets.size()) - 1);
    if (index == m_active)
        return;
    m_active = index;
    update();
    emit activeIndexChanged(m_active);
}

bool ViewGrid::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        const int index = m_widgets.indexOf(qobject_cast<QWidget*>(watched));
        if (index >= 0)
            setActiveIndex(index);
    }
    return QWidget::eventFilter(watched, event);
}

void ViewGrid::focusChanged(QWidget* now)
{
    if (now == nullptr)
        return;
    for (int i = 0; i < m_widgets.size(); ++i)
        if (m_widgets[i] != nullptr && (m_widgets[i] == now || m_widgets[i]->isAncestorOf(now))) {
            setActiveIndex(i);
            return;
        }
}

void ViewGrid::paintEvent(QPaintEvent*)
{
    QWidget* active = activeWidget();
    if (active == nullptr || m_widgets.size() < 2)
        return; // one view: nothing to tell apart
    // A ring around the view: the views themselves may not paint their background.
    const QRect inner = active->geometry();
    const QRect outer = inner.adjusted(-kFrameWidth, -kFrameWidth, kFrameWidth, kFrameWidth);
    QPainter painter(this);
    painter.setClipRegion(QRegion(outer).subtracted(QRegion(inner)));
    painter.fillRect(outer, palette().color(QPalette::Highlight));
}

} // namespace fenestra::app
