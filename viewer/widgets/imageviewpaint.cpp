// ImageView: the overlay (annotations, markers, ruler, measurements, messages).

#include "framesource.h"
#include "imageview.h"
#include "measurementpainter.h"
#include "overlay.h"
#include "render/imageviewport.h"

#include <QPainter>

#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr int kTextPixels = 13;
constexpr int kMarkerPixels = 16;

} // namespace

OverlayContext ImageView::overlayContext() const
{
    OverlayContext context;
    const FrameRef* ref = currentFrame();
    if (ref == nullptr)
        return context;
    context.instance = ref->instance.get();
    context.frame = ref->frame;
    context.index = m_index;
    context.frameCount = frameCount();
    const bool monochrome = isMonochrome(ref->instance->format.photometric);
    // Without an explicit window a header VOI LUT wins over header windows (as rendered).
    if (monochrome && (m_window || ref->instance->voiLut == nullptr))
        context.window = windowLevel();
    context.zoom = m_transform.zoom();
    context.inverted = m_inverted;
    return context;
}

OrientationMarkers ImageView::currentMarkers() const
{
    const ImagePlane plane = currentPlane();
    if (!hasDisplaySet() || !plane.hasOrientation)
        return {};
    return orientationMarkers(plane, m_transform);
}

QString ImageView::centreMessage() const
{
    if (!hasDisplaySet())
        return {};
    if (const auto error = m_source->error(m_index)) {
        QString text = frameErrorText(*error);
        if (!error->detail.isEmpty())
            text += QLatin1Char('\n') + error->detail;
        return text;
    }
    if (m_shownIndex != m_index)
        return m_holding ? QString() : tr("Loading...");
    return {};
}

int ImageView::displayedGrey(QPointF imagePoint) const
{
    if (m_shownIndex != m_index)
        return -1;
    const QImage* image = m_rendered.object(m_index);
    if (image == nullptr)
        return -1;
    const int column = static_cast<int>(std::floor(imagePoint.x()));
    const int row = static_cast<int>(std::floor(imagePoint.y()));
    if (!image->valid(column, row))
        return -1;
    return qGreen(image->pixel(column, row));
}

QFont ImageView::overlayFont() const
{
    QFont text = font();
    text.setPixelSize(kTextPixels);
    return text;
}

// The viewport's OpenGL surface has no multisampling, so a QPainter on it draws text and
// curves without antialiasing. The overlay is painted with the raster engine into an image
// (antialiased) and that image is drawn over the frame.
void ImageView::paintOverlay(QPainter& target)
{
    const qreal ratio = target.device() != nullptr ? target.device()->devicePixelRatioF() : 1.0;
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    if (m_overlayImage.size() != pixels)
        m_overlayImage = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_overlayImage.setDevicePixelRatio(ratio);
    m_overlayImage.fill(Qt::transparent);
    {
        QPainter painter(&m_overlayImage);
        paintOverlayContent(painter);
    }
    target.drawImage(QPointF(0, 0), m_overlayImage);
}

void ImageView::paintOverlayContent(QPainter& painter)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFont text = overlayFont();
    painter.setFont(text);
    const QRectF area(QPointF(0, 0), QSizeF(size()));
    const QTransform toWidget = m_transform.imageToWidget();
    for (const QLineF& line : m_referenceLines)
        drawReferenceLine(painter, toWidget, line);
    painter.save();
    paintViewOverlay(painter);
    painter.restore();
    drawMeasurements(painter);
    if (m_annotations && hasDisplaySet()) {
        drawCornerTexts(painter, area, cornerTexts(overlayContext()));
        const ImagePlane plane = currentPlane();
        if (plane.spacingSource != SpacingSource::None) {
            const auto ruler =
                chooseScaleRuler(m_transform.millimetresPerWidgetPixel(), area.width() * 0.3);
            if (ruler)
                drawScaleRuler(painter, area, *ruler);
        }
        QFont markerFont = text;
        markerFont.setPixelSize(kMarkerPixels);
        markerFont.setBold(true);
        painter.setFont(markerFont);
        drawOrientationMarkers(painter, area, currentMarkers());
        painter.setFont(text);
    }
    const QString message = centreMessage();
    if (!message.isEmpty())
        drawCentreMessage(painter, area, message);
}

void ImageView::drawMeasurements(QPainter& painter)
{
    const QTransform toWidget = m_transform.imageToWidget();
    const QRectF bounds(QPointF(0, 0), QSizeF(size()));
    for (const Measurement& m : m_measurements) {
        if (!isOnCurrentFrame(m))
            continue;
        MeasurementStyle style;
        style.selected = m.id == m_selected;
        drawMeasurement(painter, toWidget, m, measurementLabel(m), bounds, style);
    }
    if (m_draft) {
        MeasurementStyle style;
        style.inProgress = true;
        const bool hasSize = m_draft->points.size() < 2 ||
                             QLineF(m_draft->points.front(), m_draft->points[1]).length() > 0;
        drawMeasurement(painter, toWidget, *m_draft,
                        hasSize ? measurementLabel(*m_draft) : QString(), bounds, style);
    }
}

} // namespace fenestra::viewer
