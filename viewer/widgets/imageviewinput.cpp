// ImageView: mouse, wheel and keyboard.

#include "imageview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr int kWheelStep = 120; // one notch (QWheelEvent::angleDelta, eighths of a degree)
constexpr double kZoomPerPixel = 1.01;
constexpr double kWheelZoom = 1.2;
// Window/level drag: one widget pixel changes width and level by this fraction of the width.
constexpr double kWindowPerPixel = 1.0 / 200.0;

bool isMeasurementTool(MouseTool tool)
{
    return tool != MouseTool::Scroll && tool != MouseTool::WindowLevel && tool != MouseTool::Zoom &&
           tool != MouseTool::Pan;
}

} // namespace

void ImageView::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    emit activated();
}

ImageView::DragAction ImageView::actionFor(Qt::MouseButton button) const
{
    if (button == Qt::MiddleButton)
        return DragAction::Pan;
    if (button == Qt::RightButton)
        return DragAction::WindowLevel;
    if (button != Qt::LeftButton)
        return DragAction::None;
    switch (m_tool) {
    case MouseTool::Scroll:
        return DragAction::Scroll;
    case MouseTool::WindowLevel:
        return DragAction::WindowLevel;
    case MouseTool::Zoom:
        return DragAction::Zoom;
    case MouseTool::Pan:
        return DragAction::Pan;
    default:
        return DragAction::None;
    }
}

void ImageView::mousePressEvent(QMouseEvent* event)
{
    // Taking the focus emits activated() through focusInEvent; a view that had it says so here.
    if (hasFocus())
        emit activated();
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_scrollRemainder = 0.0;
    event->accept();
    if (!hasDisplaySet())
        return;
    if (event->button() == Qt::LeftButton) {
        if (m_draft && m_draft->kind == MeasurementKind::Angle) {
            ++m_draftPresses;
            m_drag = DragAction::Create;
            return;
        }
        if (beginMeasurementEdit(event->position()))
            return;
        if (isMeasurementTool(m_tool)) {
            beginMeasurement(event->position());
            return;
        }
    }
    m_drag = actionFor(event->button());
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF position = event->position();
    if (m_drag == DragAction::Create || m_drag == DragAction::EditHandle || m_draft)
        updateMeasurement(position);
    else if (m_drag != DragAction::None)
        dragBy(m_drag, m_lastPos, position);
    else if (m_tool == MouseTool::Probe && hasDisplaySet())
        probeAt(position, false);
    m_lastPos = position;
    event->accept();
}

void ImageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == DragAction::Create || m_drag == DragAction::EditHandle)
        finishMeasurement(event->position());
    m_drag = DragAction::None;
    event->accept();
}

void ImageView::mouseDoubleClickEvent(QMouseEvent* event)
{
    // Qt turns the second press of a quick pair into a double click; the tools want the press
    // (an angle is three clicks).
    mousePressEvent(event);
}

void ImageView::dragBy(DragAction action, QPointF from, QPointF to)
{
    const QPointF delta = to - from;
    switch (action) {
    case DragAction::Scroll: {
        // The whole stack over the height of the view, at least 2 and at most 20 px a frame.
        const double perFrame =
            std::clamp(height() / std::max(1.0, static_cast<double>(frameCount())), 2.0, 20.0);
        m_scrollRemainder += delta.y() / perFrame;
        const int steps = static_cast<int>(std::trunc(m_scrollRemainder));
        m_scrollRemainder -= steps;
        scrollBy(steps);
        break;
    }
    case DragAction::WindowLevel:
        adjustWindow(delta);
        break;
    case DragAction::Zoom:
        m_transform.zoomBy(std::pow(kZoomPerPixel, -delta.y()), m_pressPos);
        m_fitted = false;
        applyTransform(true);
        break;
    case DragAction::Pan:
        m_transform.panBy(delta);
        m_fitted = false;
        applyTransform(true);
        break;
    default:
        break;
    }
}

void ImageView::adjustWindow(QPointF delta)
{
    const FrameRef* ref = currentFrame();
    if (ref == nullptr || !isMonochrome(ref->instance->format.photometric))
        return;
    const WindowLevel current = windowLevel();
    // Relative to the width: a narrow brain window and a wide bone window feel the same.
    const double step = std::max(current.width, 10.0) * kWindowPerPixel;
    setWindowLevel(WindowLevel{current.center + delta.y() * step,
                               std::max(1.0, current.width + delta.x() * step)});
}

void ImageView::scrollBy(int delta)
{
    if (delta != 0 && hasDisplaySet())
        setCurrentIndex(std::clamp(m_index + delta, 0, frameCount() - 1));
}

void ImageView::wheelEvent(QWheelEvent* event)
{
    event->accept();
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / kWheelStep;
    m_wheelRemainder -= steps * kWheelStep;
    if (steps == 0 || !hasDisplaySet())
        return;
    if (event->modifiers() & Qt::ControlModifier) {
        m_transform.zoomBy(std::pow(kWheelZoom, steps), event->position());
        m_fitted = false;
        applyTransform(true);
        return;
    }
    scrollBy(-steps); // wheel towards the user: the next image
}

bool ImageView::handleScrollKey(int key)
{
    switch (key) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        scrollBy(-1);
        return true;
    case Qt::Key_Down:
    case Qt::Key_Right:
        scrollBy(1);
        return true;
    case Qt::Key_PageUp:
        scrollBy(-10);
        return true;
    case Qt::Key_PageDown:
        scrollBy(10);
        return true;
    case Qt::Key_Home:
        setCurrentIndex(0);
        return true;
    case Qt::Key_End:
        setCurrentIndex(frameCount() - 1);
        return true;
    default:
        return false;
    }
}

bool ImageView::handleViewKey(const QKeyEvent& event)
{
    const int key = event.key();
    if (key >= Qt::Key_1 && key <= Qt::Key_9) {
        applyPreset(key - Qt::Key_1);
        return true;
    }
    switch (key) {
    case Qt::Key_0:
        resetWindowLevel();
        return true;
    case Qt::Key_F:
        fit();
        return true;
    case Qt::Key_Equal:
    case Qt::Key_Plus:
        zoomIn();
        return true;
    case Qt::Key_Minus:
        zoomOut();
        return true;
    case Qt::Key_R:
        rotate(!(event.modifiers() & Qt::ShiftModifier));
        return true;
    case Qt::Key_H:
        flipHorizontal();
        return true;
    case Qt::Key_V:
        flipVertical();
        return true;
    case Qt::Key_I:
        setInverted(!m_inverted);
        return true;
    case Qt::Key_Space:
        isCinePlaying() ? stopCine() : startCine();
        return true;
    case Qt::Key_A:
        setAnnotationsVisible(!m_annotations);
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!m_selected.isNull())
            removeMeasurement(m_selected);
        return true;
    case Qt::Key_Escape:
        cancelMeasurement();
        return true;
    default:
        return false;
    }
}

void ImageView::keyPressEvent(QKeyEvent* event)
{
    // Only plain keys (Shift allowed): Ctrl/Alt/Meta combinations belong to the application.
    // Application shortcuts with the same keys never reach here: Qt delivers them as
    // shortcuts first, so nothing is handled twice.
    const auto modifiers = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (modifiers == Qt::NoModifier && hasDisplaySet() &&
        (handleScrollKey(event->key()) || handleViewKey(*event))) {
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace fenestra::viewer
