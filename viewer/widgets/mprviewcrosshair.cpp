// MprView: drawing the crosshair and dragging it (move the centre, turn the planes).

#include "mprview.h"
#include "mprviewgroup.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>
#include <numbers>

namespace fenestra::viewer {

namespace {

constexpr double kCentreGap = 10.0;     // widget px left open around the centre
constexpr double kCentreGrab = 12.0;    // a press this close to the centre moves it
constexpr double kHandleRadius = 5.0;   // the round rotation handles
constexpr double kHandleGrab = 9.0;     // a press this close to a handle turns the planes
constexpr double kHandleFraction = 0.3; // handles at this fraction of the smaller view side

QPointF unit(QPointF v)
{
    const double length = std::hypot(v.x(), v.y());
    return length > 0.0 ? v / length : QPointF(1, 0);
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

double MprView::handleDistance() const
{
    return kHandleFraction * std::min(width(), height());
}

QPointF MprView::crosshairCentreOnScreen() const
{
    const MprGeometry& g = m_group->geometry();
    return transform().toWidget(g.imagePoint(m_axis, g.centre()));
}

std::pair<QPointF, QPointF> MprView::rotationHandles(MprAxis other) const
{
    const QLineF line = m_group->geometry().crosshairLine(m_axis, other);
    const QPointF centre = crosshairCentreOnScreen();
    const QPointF direction =
        unit(transform().toWidget(line.p2()) - transform().toWidget(line.p1()));
    return {centre + direction * handleDistance(), centre - direction * handleDistance()};
}

void MprView::paintViewOverlay(QPainter& painter)
{
    if (!m_group->hasVolume() || !hasDisplaySet())
        return;
    painter.setRenderHint(QPainter::Antialiasing, true);
    // A frame in this plane's colour says which view this is, as the lines in the others do.
    painter.setPen(QPen(planeColour(m_axis), 2.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(1, 1, width() - 2, height() - 2));
    if (!m_crosshairVisible)
        return;
    const QPointF centre = crosshairCentreOnScreen();
    const double reach = std::hypot(width(), height()) * 2;
    for (MprAxis other : kMprAxes) {
        if (other == m_axis)
            continue;
        const QLineF line = m_group->geometry().crosshairLine(m_axis, other);
        const QPointF direction =
            unit(transform().toWidget(line.p2()) - transform().toWidget(line.p1()));
        const QColor colour = planeColour(other);
        for (const double sign : {1.0, -1.0}) {
            const QLineF half(centre + direction * (sign * kCentreGap),
                              centre + direction * (sign * reach));
            painter.setPen(QPen(QColor(0, 0, 0, 140), 3.0));
            painter.drawLine(half);
            painter.setPen(QPen(colour, 1.4));
            painter.drawLine(half);
            painter.setBrush(colour);
            painter.drawEllipse(centre + direction * (sign * handleDistance()), kHandleRadius,
                                kHandleRadius);
            painter.setBrush(Qt::NoBrush);
        }
    }
}

MprView::CrosshairDrag MprView::crosshairHit(QPointF widget, Qt::KeyboardModifiers modifiers) const
{
    if (!m_crosshairVisible || !m_group->hasVolume() || !hasDisplaySet())
        return CrosshairDrag::None;
    if (modifiers & Qt::ShiftModifier)
        return CrosshairDrag::Rotate;
    if (distance(widget, crosshairCentreOnScreen()) <= kCentreGrab)
        return CrosshairDrag::Centre;
    for (MprAxis other : kMprAxes) {
        if (other == m_axis)
            continue;
        const auto [a, b] = rotationHandles(other);
        if (distance(widget, a) <= kHandleGrab || distance(widget, b) <= kHandleGrab)
            return CrosshairDrag::Rotate;
    }
    return CrosshairDrag::None;
}

void MprView::mousePressEvent(QMouseEvent* event)
{
    const CrosshairDrag hit = event->button() == Qt::LeftButton
                                  ? crosshairHit(event->position(), event->modifiers())
                                  : CrosshairDrag::None;
    if (hit == CrosshairDrag::None) {
        ImageView::mousePressEvent(event);
        return;
    }
    if (hasFocus())
        emit activated();
    setFocus(Qt::MouseFocusReason);
    m_crosshairDrag = hit;
    m_dragLast = event->position();
    setCursor(hit == CrosshairDrag::Centre ? Qt::SizeAllCursor : Qt::ClosedHandCursor);
    event->accept();
}

void MprView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_crosshairDrag == CrosshairDrag::None) {
        ImageView::mouseMoveEvent(event);
        return;
    }
    const QPointF position = event->position();
    const MprGeometry& g = m_group->geometry();
    if (m_crosshairDrag == CrosshairDrag::Centre) {
        m_group->setCentre(g.patientPoint(m_axis, currentIndex(), transform().toImage(position)));
    } else {
        // The turn seen about the centre, in image coordinates (square pixels: the angle in
        // the plane), whatever the view's own rotation or flips.
        const QPointF centre = g.imagePoint(m_axis, g.centre());
        const QPointF from = transform().toImage(m_dragLast) - centre;
        const QPointF to = transform().toImage(position) - centre;
        const double turn = std::remainder(
            std::atan2(to.y(), to.x()) - std::atan2(from.y(), from.x()), 2 * std::numbers::pi);
        if (std::hypot(from.x(), from.y()) > 0.0 && std::hypot(to.x(), to.y()) > 0.0)
            m_group->rotate(m_axis, turn);
    }
    m_dragLast = position;
    event->accept();
}

void MprView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_crosshairDrag == CrosshairDrag::None) {
        ImageView::mouseReleaseEvent(event);
        return;
    }
    m_crosshairDrag = CrosshairDrag::None;
    unsetCursor();
    event->accept();
}

} // namespace fenestra::viewer
