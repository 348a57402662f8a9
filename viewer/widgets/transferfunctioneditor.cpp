#include "transferfunctioneditor.h"

#include <QColorDialog>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr double kMargin = 8.0;
constexpr double kStripHeight = 18.0;
constexpr double kStripGap = 6.0;
constexpr double kHandleRadius = 5.0;
constexpr double kHitRadius = 7.0;

} // namespace

TransferFunctionEditor::TransferFunctionEditor(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("Drag a point to move it, double-click to add one, right-click to delete it. "
                  "Double-click a colour point to change its colour."));
    setMouseTracking(false);
}

void TransferFunctionEditor::setTransferFunction(const TransferFunction& function)
{
    m_function = function;
    m_function.sortPoints();
    m_dragged.reset();
    update();
}

void TransferFunctionEditor::setValueRange(double low, double high)
{
    if (!(high > low))
        return;
    m_low = low;
    m_high = high;
    update();
}

void TransferFunctionEditor::setHistogram(std::vector<qint64> counts)
{
    m_histogram = std::move(counts);
    update();
}

QSize TransferFunctionEditor::sizeHint() const
{
    return {360, 160};
}

QSize TransferFunctionEditor::minimumSizeHint() const
{
    return {160, 90};
}

QRectF TransferFunctionEditor::curveArea() const
{
    return QRectF(kMargin, kMargin, width() - 2 * kMargin,
                  height() - 2 * kMargin - kStripHeight - kStripGap);
}

QRectF TransferFunctionEditor::colourStrip() const
{
    const QRectF area = curveArea();
    return QRectF(area.left(), area.bottom() + kStripGap, area.width(), kStripHeight);
}

double TransferFunctionEditor::xForValue(double value) const
{
    const QRectF area = curveArea();
    return area.left() + (value - m_low) / (m_high - m_low) * area.width();
}

double TransferFunctionEditor::valueForX(double x) const
{
    const QRectF area = curveArea();
    const double t = std::clamp((x - area.left()) / std::max(1.0, area.width()), 0.0, 1.0);
    return m_low + t * (m_high - m_low);
}

QPointF TransferFunctionEditor::opacityPointPosition(int index) const
{
    const OpacityPoint& p = m_function.opacity.at(static_cast<std::size_t>(index));
    const QRectF area = curveArea();
    return {xForValue(p.value), area.bottom() - p.opacity * area.height()};
}

QPointF TransferFunctionEditor::colourPointPosition(int index) const
{
    const ColourPoint& p = m_function.colour.at(static_cast<std::size_t>(index));
    return {xForValue(p.value), colourStrip().center().y()};
}

std::optional<TransferFunctionEditor::Hit> TransferFunctionEditor::hitTest(QPointF position) const
{
    const auto near = [&](QPointF p) {
        return std::hypot(p.x() - position.x(), p.y() - position.y()) <= kHitRadius;
    };
    for (int i = static_cast<int>(m_function.opacity.size()) - 1; i >= 0; --i)
        if (near(opacityPointPosition(i)))
            return Hit{Curve::Opacity, i};
    for (int i = static_cast<int>(m_function.colour.size()) - 1; i >= 0; --i)
        if (near(colourPointPosition(i)))
            return Hit{Curve::Colour, i};
    return std::nullopt;
}

void TransferFunctionEditor::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    paintHistogram(painter);
    paintOpacityCurve(painter);
    paintColourStrip(painter);
}

void TransferFunctionEditor::paintHistogram(QPainter& painter) const
{
    const QRectF area = curveArea();
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    if (m_histogram.empty())
        return;
    const qint64 highest = *std::max_element(m_histogram.begin(), m_histogram.end());
    if (highest <= 0)
        return;
    const double logHighest = std::log1p(static_cast<double>(highest));
    const double binWidth = area.width() / static_cast<double>(m_histogram.size());
    QColor fill = palette().color(QPalette::Text);
    fill.setAlpha(60);
    for (std::size_t i = 0; i < m_histogram.size(); ++i) {
        const double h = std::log1p(static_cast<double>(m_histogram[i])) / logHighest;
        painter.fillRect(QRectF(area.left() + i * binWidth, area.bottom() - h * area.height(),
                                binWidth, h * area.height()),
                         fill);
    }
}

void TransferFunctionEditor::paintOpacityCurve(QPainter& painter) const
{
    if (m_function.opacity.empty())
        return;
    const QRectF area = curveArea();
    QPainterPath path;
    const QPointF first = opacityPointPosition(0);
    path.moveTo(area.left(), first.y());
    for (int i = 0; i < static_cast<int>(m_function.opacity.size()); ++i)
        path.lineTo(opacityPointPosition(i));
    path.lineTo(area.right(),
                opacityPointPosition(static_cast<int>(m_function.opacity.size()) - 1).y());
    painter.save();
    painter.setClipRect(
        area.adjusted(-kHandleRadius, -kHandleRadius, kHandleRadius, kHandleRadius));
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(QPen(palette().color(QPalette::Text), 1.0));
    for (int i = 0; i < static_cast<int>(m_function.opacity.size()); ++i) {
        painter.setBrush(
            m_function.colourAt(m_function.opacity[static_cast<std::size_t>(i)].value));
        painter.drawEllipse(opacityPointPosition(i), kHandleRadius, kHandleRadius);
    }
    painter.restore();
}

void TransferFunctionEditor::paintColourStrip(QPainter& painter) const
{
    const QRectF strip = colourStrip();
    QLinearGradient gradient(strip.topLeft(), strip.topRight());
    for (const ColourPoint& p : m_function.colour)
        gradient.setColorAt(std::clamp((p.value - m_low) / (m_high - m_low), 0.0, 1.0), p.colour);
    if (m_function.colour.empty())
        gradient.setColorAt(0.0, Qt::black);
    painter.fillRect(strip, gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(strip);
    painter.setPen(QPen(palette().color(QPalette::Text), 1.0));
    for (int i = 0; i < static_cast<int>(m_function.colour.size()); ++i) {
        const QPointF c = colourPointPosition(i);
        painter.setBrush(m_function.colour[static_cast<std::size_t>(i)].colour);
        painter.drawRect(QRectF(c.x() - kHandleRadius, c.y() - kHandleRadius, 2 * kHandleRadius,
                                2 * kHandleRadius));
    }
}

void TransferFunctionEditor::mousePressEvent(QMouseEvent* event)
{
    const std::optional<Hit> hit = hitTest(event->position());
    if (!hit)
        return;
    if (event->button() == Qt::RightButton) {
        const auto index = static_cast<std::size_t>(hit->index);
        if (hit->curve == Curve::Opacity && m_function.opacity.size() > 1)
            m_function.opacity.erase(m_function.opacity.begin() + static_cast<qsizetype>(index));
        else if (hit->curve == Curve::Colour && m_function.colour.size() > 1)
            m_function.colour.erase(m_function.colour.begin() + static_cast<qsizetype>(index));
        else
            return;
        changed();
        emit editingFinished();
        return;
    }
    if (event->button() == Qt::LeftButton)
        m_dragged = hit;
}

void TransferFunctionEditor::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragged)
        moveDragged(event->position());
}

void TransferFunctionEditor::moveDragged(QPointF position)
{
    const double value = valueForX(position.x());
    const auto index = static_cast<std::size_t>(m_dragged->index);
    if (m_dragged->curve == Curve::Opacity) {
        const QRectF area = curveArea();
        OpacityPoint& p = m_function.opacity[index];
        p.value = value;
        p.opacity =
            std::clamp((area.bottom() - position.y()) / std::max(1.0, area.height()), 0.0, 1.0);
        const OpacityPoint moved = p;
        m_function.sortPoints();
        const auto it = std::find(m_function.opacity.begin(), m_function.opacity.end(), moved);
        m_dragged->index = static_cast<int>(it - m_function.opacity.begin());
    } else {
        ColourPoint& p = m_function.colour[index];
        p.value = value;
        const ColourPoint moved = p;
        m_function.sortPoints();
        const auto it = std::find(m_function.colour.begin(), m_function.colour.end(), moved);
        m_dragged->index = static_cast<int>(it - m_function.colour.begin());
    }
    changed();
}

void TransferFunctionEditor::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_dragged)
        return;
    m_dragged.reset();
    emit editingFinished();
}

void TransferFunctionEditor::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF position = event->position();
    if (const std::optional<Hit> hit = hitTest(position)) {
        if (hit->curve == Curve::Colour)
            pickColour(hit->index);
        return;
    }
    const double value = valueForX(position.x());
    if (colourStrip().adjusted(0, -kHitRadius, 0, kHitRadius).contains(position)) {
        m_function.colour.push_back({value, m_function.colourAt(value)});
    } else if (curveArea().contains(position)) {
        const QRectF area = curveArea();
        const double opacity = std::clamp((area.bottom() - position.y()) / area.height(), 0.0, 1.0);
        m_function.opacity.push_back({value, opacity});
    } else {
        return;
    }
    m_function.sortPoints();
    changed();
    emit editingFinished();
}

void TransferFunctionEditor::pickColour(int index)
{
    ColourPoint& point = m_function.colour.at(static_cast<std::size_t>(index));
    const QColor colour = QColorDialog::getColor(point.colour, this, tr("Colour of the point"));
    if (!colour.isValid())
        return;
    m_function.colour.at(static_cast<std::size_t>(index)).colour = colour;
    changed();
    emit editingFinished();
}

void TransferFunctionEditor::changed()
{
    m_function.id = QStringLiteral("custom");
    update();
    emit transferFunctionChanged(m_function);
}

} // namespace fenestra::viewer
