#include "viewtransform.h"

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

namespace {

double validSpacing(double spacing)
{
    return std::isfinite(spacing) && spacing > 0.0 ? spacing : 1.0;
}

double clampZoom(double zoom)
{
    if (!std::isfinite(zoom))
        return 1.0;
    return std::clamp(zoom, ViewTransform::kMinimumZoom, ViewTransform::kMaximumZoom);
}

// Entries of R^k, R the clockwise quarter turn on a y-down screen: (x, y) -> (-y, x).
struct Orientation
{
    int m00, m01, m10, m11;
};

Orientation orientation(int quarterTurns, bool flipH, bool flipV)
{
    static constexpr Orientation kTurns[4] = {
        {1, 0, 0, 1}, {0, -1, 1, 0}, {-1, 0, 0, -1}, {0, 1, -1, 0}};
    Orientation o = kTurns[quarterTurns & 3];
    if (flipH) { // on screen: negate the x output
        o.m00 = -o.m00;
        o.m01 = -o.m01;
    }
    if (flipV) {
        o.m10 = -o.m10;
        o.m11 = -o.m11;
    }
    return o;
}

} // namespace

void ViewTransform::setImage(QSize pixels, double columnSpacingMm, double rowSpacingMm)
{
    const double columnSpacing = validSpacing(columnSpacingMm);
    const double rowSpacing = validSpacing(rowSpacingMm);
    const bool changed =
        pixels != m_image || columnSpacing != m_columnSpacing || rowSpacing != m_rowSpacing;
    m_image = pixels;
    m_columnSpacing = columnSpacing;
    m_rowSpacing = rowSpacing;
    if (changed)
        m_pan = imageCentre();
}

void ViewTransform::setViewport(QSizeF widgetSize)
{
    m_viewport = widgetSize;
}

void ViewTransform::fit()
{
    m_pan = imageCentre();
    // Extents on screen per unit of zoom, before and after the quarter turns.
    double extentX = m_image.width();
    double extentY = m_image.height() * m_rowSpacing / m_columnSpacing;
    if (m_quarterTurns % 2 == 1)
        std::swap(extentX, extentY);
    if (extentX <= 0.0 || extentY <= 0.0 || m_viewport.width() <= 0.0 || m_viewport.height() <= 0.0)
        return;
    m_zoom = clampZoom(std::min(m_viewport.width() / extentX, m_viewport.height() / extentY));
}

void ViewTransform::setOneToOne(double devicePixelRatio)
{
    m_zoom = clampZoom(1.0 / (devicePixelRatio > 0.0 ? devicePixelRatio : 1.0));
    m_pan = imageCentre();
}

void ViewTransform::zoomBy(double factor, QPointF widgetAnchor)
{
    if (!(factor > 0.0) || !std::isfinite(factor))
        return;
    const QPointF anchorImage = toImage(widgetAnchor);
    m_zoom = clampZoom(m_zoom * factor);
    // Solve widgetAnchor = centre + L * (anchorImage - pan) for the new pan.
    m_pan = anchorImage - applyInverse(widgetAnchor - viewportCentre());
}

void ViewTransform::setZoom(double widgetPixelsPerImagePixel)
{
    if (widgetPixelsPerImagePixel > 0.0)
        m_zoom = clampZoom(widgetPixelsPerImagePixel);
}

void ViewTransform::panBy(QPointF widgetDelta)
{
    m_pan -= applyInverse(widgetDelta);
}

void ViewTransform::rotate90(bool clockwise)
{
    // O' = R^(+-1) * Fx^h * Fy^v * R^k = Fx^h * Fy^v * R^(k +- 1), with the sign reversed
    // when exactly one flip is set (R F = F R^-1 for a single mirror).
    const bool reversed = m_flipH != m_flipV;
    const int step = (clockwise != reversed) ? 1 : 3;
    m_quarterTurns = (m_quarterTurns + step) % 4;
}

void ViewTransform::flipHorizontal()
{
    m_flipH = !m_flipH;
}

void ViewTransform::flipVertical()
{
    m_flipV = !m_flipV;
}

void ViewTransform::resetOrientation()
{
    m_quarterTurns = 0;
    m_flipH = false;
    m_flipV = false;
}

ViewTransform::Linear ViewTransform::linear() const
{
    const Orientation o = orientation(m_quarterTurns, m_flipH, m_flipV);
    const double sx = m_zoom;
    const double sy = m_zoom * m_rowSpacing / m_columnSpacing;
    return {o.m00 * sx, o.m01 * sy, o.m10 * sx, o.m11 * sy};
}

QPointF ViewTransform::applyInverse(QPointF widgetDelta) const
{
    // (O S)^-1 = S^-1 O^T: O is a signed permutation, so this is exact up to the divisions.
    const Orientation o = orientation(m_quarterTurns, m_flipH, m_flipV);
    const double u = o.m00 * widgetDelta.x() + o.m10 * widgetDelta.y();
    const double v = o.m01 * widgetDelta.x() + o.m11 * widgetDelta.y();
    return {u / m_zoom, v / (m_zoom * m_rowSpacing / m_columnSpacing)};
}

QPointF ViewTransform::viewportCentre() const
{
    return {m_viewport.width() / 2.0, m_viewport.height() / 2.0};
}

QPointF ViewTransform::imageCentre() const
{
    return {m_image.width() / 2.0, m_image.height() / 2.0};
}

QTransform ViewTransform::imageToWidget() const
{
    const Linear l = linear();
    const QPointF centre = viewportCentre();
    const double tx = centre.x() - (l.a * m_pan.x() + l.b * m_pan.y());
    const double ty = centre.y() - (l.c * m_pan.x() + l.d * m_pan.y());
    // QTransform maps x' = m11 x + m21 y + dx, y' = m12 x + m22 y + dy.
    return QTransform(l.a, l.c, l.b, l.d, tx, ty);
}

QPointF ViewTransform::toWidget(QPointF image) const
{
    const Linear l = linear();
    const QPointF d = image - m_pan;
    return viewportCentre() + QPointF(l.a * d.x() + l.b * d.y(), l.c * d.x() + l.d * d.y());
}

QPointF ViewTransform::toImage(QPointF widget) const
{
    return m_pan + applyInverse(widget - viewportCentre());
}

double ViewTransform::millimetresPerWidgetPixel() const
{
    // The scale is uniform in millimetres, so screen x and y agree whatever the rotation.
    return m_columnSpacing / m_zoom;
}

ViewTransform::State ViewTransform::state() const
{
    return {m_zoom, m_pan, m_quarterTurns, m_flipH, m_flipV};
}

void ViewTransform::setState(const State& state)
{
    m_zoom = clampZoom(state.zoom);
    m_pan = state.panImageCentre;
    m_quarterTurns = ((state.quarterTurns % 4) + 4) % 4;
    m_flipH = state.flipH;
    m_flipV = state.flipV;
}

} // namespace fenestra::viewer
