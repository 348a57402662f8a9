#pragma once

#include "core/dicommodel.h"
#include "core/errors.h"
#include "image/framerenderer.h"
#include "view/orientation.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace fenestra::viewer {

// The text a 2D view draws over the image: corner annotations, orientation markers, a scale
// ruler and messages. Building the content is separate from painting it so both can be tested.
//
// Thread contract: reentrant functions; painting on the thread that owns the painter.

// "Family^Given^Middle^Prefix^Suffix" (first component group only) -> "FAMILY, Given Middle".
QString formatPersonName(const QString& personName);
// "YYYYMMDD" -> "YYYY-MM-DD" (ISO, the same in every language); anything else unchanged.
QString formatDicomDate(const QString& date);

// What the corners describe for the frame on screen.
struct OverlayContext
{
    const InstanceInfo* instance = nullptr;
    int frame = 0; // in the instance
    int index = 0; // in the display set
    int frameCount = 0;
    std::optional<WindowLevel> window; // nullopt: colour, or the header's VOI LUT in use
    double zoom = 1.0;                 // widget pixels per image pixel
    bool inverted = false;
};

struct CornerTexts
{
    QStringList topLeft, topRight, bottomLeft, bottomRight;
};

// Top left: patient; top right: study, series, laterality; bottom left: image number, slice
// location and thickness, technique; bottom right: window and zoom. Lines with nothing to say
// are left out.
CornerTexts cornerTexts(const OverlayContext& context);

// A bar of a round length in millimetres (1, 2, 5 x 10^k) that fits in `maximumWidth` widget
// pixels, e.g. "5 cm" or "1 cm". nullopt when the scale is unknown or nothing fits.
struct ScaleRuler
{
    double millimetres = 0;
    double widgetLength = 0;
    QString label;
};
std::optional<ScaleRuler> chooseScaleRuler(double millimetresPerWidgetPixel, double maximumWidth);

// One sentence for a frame that cannot be shown, from an error code.
QString frameErrorText(const Error& error);

// Painting. All coordinates are widget (logical) pixels. Text is white with a dark outline so
// it stays legible on any grey.
void drawOutlinedText(QPainter& painter, const QRectF& area, int alignment, const QString& text,
                      const QColor& colour);
void drawCornerTexts(QPainter& painter, const QRectF& area, const CornerTexts& texts);
void drawOrientationMarkers(QPainter& painter, const QRectF& area,
                            const OrientationMarkers& markers);
// A horizontal bar centred near the bottom edge, above the bottom marker.
void drawScaleRuler(QPainter& painter, const QRectF& area, const ScaleRuler& ruler);
// A message in the middle ("Loading...", an error).
void drawCentreMessage(QPainter& painter, const QRectF& area, const QString& message);

} // namespace fenestra::viewer
