#pragma once

#include "view/measurement.h"

#include <QFont>
#include <QLineF>
#include <QPainterPath>
#include <QTransform>

class QPainter;

namespace fenestra::viewer {

// Drawing and picking of measurements on a 2D view. Shapes are defined in image coordinates
// and mapped to the widget, so they follow zoom, pan, rotation and flips; arrow heads, handles
// and labels keep a fixed size on screen.
//
// Thread contract: reentrant functions; painting on the thread that owns the painter.

struct MeasurementStyle
{
    bool selected = false;
    bool inProgress = false;
};

// The outline of an area or the lines of a length, angle or arrow, in image coordinates.
// Empty for Probe and Text (drawn as a marker and a label).
QPainterPath measurementShape(const Measurement& measurement);

// Draws the shape, its label (lines separated by '\n') and, when selected, its handles. The
// label goes right of the shape, or left of it when it would leave `bounds` (the widget).
void drawMeasurement(QPainter& painter, const QTransform& imageToWidget,
                     const Measurement& measurement, const QString& label, const QRectF& bounds,
                     const MeasurementStyle& style);

// The point (index into measurement.points) whose handle lies within `tolerance` widget pixels
// of `widget`, or -1.
int handleAt(const Measurement& measurement, const QTransform& imageToWidget, QPointF widget,
             double tolerance);

// Whether `widget` lies within `tolerance` widget pixels of the drawn measurement (its lines,
// outline, marker or label).
bool hitsMeasurement(const Measurement& measurement, const QTransform& imageToWidget,
                     const QFont& font, const QString& label, const QRectF& bounds, QPointF widget,
                     double tolerance);

// A line where another view's plane cuts this image, given in image coordinates.
void drawReferenceLine(QPainter& painter, const QTransform& imageToWidget, const QLineF& line);

} // namespace fenestra::viewer
