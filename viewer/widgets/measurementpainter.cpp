#include "measurementpainter.h"

#include "overlay.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr double kHandleSize = 7.0;
constexpr double kArrowHead = 12.0;
constexpr double kProbeSize = 6.0;

QColor shapeColour(const MeasurementStyle& style)
{
    return style.selected || style.inProgress ? QColor(255, 200, 40) : QColor(90, 220, 255);
}

QPointF point(const Measurement& m, std::size_t i)
{
    return i < m.points.size() ? m.points[i] : QPointF();
}

// Arrow head at `head`, pointing away from `tail`, in widget coordinates.
QPainterPath arrowHead(QPointF tail, QPointF head)
{
    QPainterPath path;
    const QLineF line(head, tail);
    if (line.length() < 1e-6)
        return path;
    QLineF side1 = line;
    side1.setLength(kArrowHead);
    QLineF side2 = side1;
    side1.setAngle(line.angle() + 25.0);
    side2.setAngle(line.angle() - 25.0);
    path.moveTo(side1.p2());
    path.lineTo(head);
    path.lineTo(side2.p2());
    return path;
}

QSizeF labelSize(const QFont& font, const QString& label)
{
    const QFontMetricsF metrics(font);
    const QStringList lines = label.split(QLatin1Char('\n'));
    double width = 0.0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    return QSizeF(width, metrics.height() * static_cast<double>(lines.size()));
}

// Where the label of a measurement goes, in widget coordinates: right of its shape (of its
// point for Probe and Text, of its tail for Arrow), or left of it when it would not fit in
// `bounds`; kept within the bounds vertically.
QRectF labelRect(const Measurement& m, const QTransform& toWidget, const QFont& font,
                 const QString& label, const QRectF& bounds)
{
    if (m.points.empty())
        return {};
    const QSizeF size = labelSize(font, label);
    QRectF box = toWidget.map(measurementShape(m)).boundingRect();
    if (m.kind == MeasurementKind::Text)
        return QRectF(toWidget.map(m.points[0]), size);
    if (m.kind == MeasurementKind::Arrow)
        box = QRectF(toWidget.map(m.points[0]), QSizeF(0, 0));
    if (m.kind == MeasurementKind::Probe)
        box = QRectF(toWidget.map(m.points[0]), QSizeF(0, 0))
                  .adjusted(-kProbeSize, -kProbeSize, kProbeSize, kProbeSize);
    QPointF anchor(box.right() + 6.0, box.top());
    if (anchor.x() + size.width() > bounds.right() - 4.0)
        anchor.setX(std::max(bounds.left() + 4.0, box.left() - 6.0 - size.width()));
    anchor.setY(std::clamp(anchor.y(), bounds.top() + 4.0,
                           std::max(bounds.top() + 4.0, bounds.bottom() - 4.0 - size.height())));
    return QRectF(anchor, size);
}

void drawLabel(QPainter& painter, QPointF anchor, const QString& label, const QColor& colour)
{
    const double line = QFontMetricsF(painter.font()).height();
    const QStringList lines = label.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QRectF row(anchor.x(), anchor.y() + i * line, 2000.0, line);
        drawOutlinedText(painter, row, Qt::AlignLeft | Qt::AlignTop, lines[i], colour);
    }
}

void strokeOutlined(QPainter& painter, const QPainterPath& path, const QColor& colour)
{
    painter.strokePath(path,
                       QPen(QColor(0, 0, 0, 200), 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.strokePath(path, QPen(colour, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}

// The shape on screen: the image-space outline mapped, plus the fixed-size decorations.
QPainterPath widgetShape(const Measurement& m, const QTransform& toWidget)
{
    QPainterPath path = toWidget.map(measurementShape(m));
    if (m.kind == MeasurementKind::Arrow)
        path.addPath(arrowHead(toWidget.map(point(m, 0)), toWidget.map(point(m, 1))));
    if (m.kind == MeasurementKind::Probe && !m.points.empty()) {
        const QPointF c = toWidget.map(m.points[0]);
        path.moveTo(c - QPointF(kProbeSize, 0));
        path.lineTo(c + QPointF(kProbeSize, 0));
        path.moveTo(c - QPointF(0, kProbeSize));
        path.lineTo(c + QPointF(0, kProbeSize));
    }
    return path;
}

} // namespace

QPainterPath measurementShape(const Measurement& m)
{
    QPainterPath path;
    switch (m.kind) {
    case MeasurementKind::Length:
    case MeasurementKind::Arrow:
        path.moveTo(point(m, 0));
        path.lineTo(point(m, 1));
        break;
    case MeasurementKind::Angle:
        path.moveTo(point(m, 0));
        path.lineTo(point(m, 1));
        path.lineTo(point(m, 2));
        break;
    case MeasurementKind::Ellipse:
        path.addEllipse(QRectF(point(m, 0), point(m, 1)).normalized());
        break;
    case MeasurementKind::Rectangle:
        path.addRect(QRectF(point(m, 0), point(m, 1)).normalized());
        break;
    case MeasurementKind::Probe:
    case MeasurementKind::Text:
        break;
    }
    return path;
}

void drawMeasurement(QPainter& painter, const QTransform& imageToWidget,
                     const Measurement& measurement, const QString& label, const QRectF& bounds,
                     const MeasurementStyle& style)
{
    const QColor colour = shapeColour(style);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    strokeOutlined(painter, widgetShape(measurement, imageToWidget), colour);
    if (style.selected || style.inProgress) {
        for (const QPointF& p : measurement.points) {
            const QPointF c = imageToWidget.map(p);
            const QRectF handle(c - QPointF(kHandleSize / 2, kHandleSize / 2),
                                QSizeF(kHandleSize, kHandleSize));
            painter.fillRect(handle.adjusted(-1, -1, 1, 1), QColor(0, 0, 0, 200));
            painter.fillRect(handle, colour);
        }
    }
    if (!label.isEmpty())
        drawLabel(painter,
                  labelRect(measurement, imageToWidget, painter.font(), label, bounds).topLeft(),
                  label, colour);
    painter.restore();
}

int handleAt(const Measurement& measurement, const QTransform& imageToWidget, QPointF widget,
             double tolerance)
{
    int best = -1;
    double bestDistance = tolerance;
    for (std::size_t i = 0; i < measurement.points.size(); ++i) {
        const double distance = QLineF(imageToWidget.map(measurement.points[i]), widget).length();
        if (distance <= bestDistance) {
            best = static_cast<int>(i);
            bestDistance = distance;
        }
    }
    return best;
}

bool hitsMeasurement(const Measurement& measurement, const QTransform& imageToWidget,
                     const QFont& font, const QString& label, const QRectF& bounds, QPointF widget,
                     double tolerance)
{
    QPainterPathStroker stroker;
    stroker.setWidth(2.0 * tolerance);
    const QPainterPath shape = widgetShape(measurement, imageToWidget);
    if (!shape.isEmpty() && stroker.createStroke(shape).contains(widget))
        return true;
    if (label.isEmpty())
        return false;
    const QRectF box = labelRect(measurement, imageToWidget, font, label, bounds);
    return box.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(widget);
}

void drawReferenceLine(QPainter& painter, const QTransform& imageToWidget, const QLineF& line)
{
    const QLineF onScreen = imageToWidget.map(line);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
    painter.drawLine(onScreen);
    painter.setPen(QPen(QColor(255, 230, 60), 1.2, Qt::DashLine));
    painter.drawLine(onScreen);
    painter.restore();
}

} // namespace fenestra::viewer
