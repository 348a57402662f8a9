#pragma once

#include <QPointF>
#include <QSize>
#include <QSizeF>
#include <QTransform>

namespace fenestra::viewer {

// Maps image coordinates to widget coordinates: aspect from pixel spacing, zoom, pan,
// rotation in quarter turns, flips in screen space.
//
// Image coordinates: pixel (c, r) covers [c, c+1) x [r, r+1). Widget coordinates: logical
// pixels, origin top-left, y down. The mapping is
//     widget = viewportCentre + O * S * (image - panImageCentre)
// with S = diag(zoom, zoom * rowSpacing / columnSpacing) (a pixel shows columnSpacing x
// rowSpacing mm, scaled uniformly) and O the screen orientation: the image turned by
// quarterTurns() clockwise, then mirrored left-right and/or top-bottom on screen. Rotations and
// flips act on what is on screen, about the viewport centre: after rotate90(true) what was at
// the top is at the right, whatever flips are set. Because a flip reverses the sense of a
// rotation, rotating a flipped view turns quarterTurns() the other way.
//
// Thread contract: a value type; reentrant.
class ViewTransform
{
public:
    // Spacing <= 0 (unknown) counts as 1. When the size or spacing changes the image centre is
    // put in the middle of the viewport; zoom, rotation and flips are kept.
    void setImage(QSize pixels, double columnSpacingMm, double rowSpacingMm);
    // The image point in the middle of the viewport stays there.
    void setViewport(QSizeF widgetSize);
    void fit();                                // whole image visible, centred, keeps rotation/flip
    void setOneToOne(double devicePixelRatio); // one image column = one device pixel, centred
    void zoomBy(double factor, QPointF widgetAnchor); // anchor stays fixed on screen
    void setZoom(double widgetPixelsPerImagePixel);   // along the column axis; centre kept
    double zoom() const { return m_zoom; }            // widget px per image pixel (column axis)
    void panBy(QPointF widgetDelta);
    void rotate90(bool clockwise);                      // about the viewport centre
    void flipHorizontal();                              // mirror what is on screen left-right
    void flipVertical();                                // mirror what is on screen top-bottom
    void resetOrientation();                            // no rotation, no flip
    int quarterTurns() const { return m_quarterTurns; } // 0..3 clockwise
    bool isFlippedHorizontally() const { return m_flipH; }
    bool isFlippedVertically() const { return m_flipV; }

    QTransform imageToWidget() const;
    QPointF toWidget(QPointF image) const;
    QPointF toImage(QPointF widget) const;    // the exact inverse of toWidget
    double millimetresPerWidgetPixel() const; // along screen x (for the scale ruler)
    QSizeF viewport() const { return m_viewport; }
    QSize imageSize() const { return m_image; }
    double columnSpacing() const { return m_columnSpacing; }
    double rowSpacing() const { return m_rowSpacing; }

    // The state to copy between synchronised views.
    struct State
    {
        double zoom = 1.0;
        QPointF panImageCentre; // the image point shown in the middle of the viewport
        int quarterTurns = 0;
        bool flipH = false;
        bool flipV = false;
    };
    State state() const;
    void setState(const State& state);

    // Zoom stays within these bounds so the mapping never degenerates.
    static constexpr double kMinimumZoom = 1e-4;
    static constexpr double kMaximumZoom = 1e4;

private:
    // The linear part O * S as (a b; c d): widget delta = (a*dx + b*dy, c*dx + d*dy).
    struct Linear
    {
        double a, b, c, d;
    };
    Linear linear() const;
    QPointF applyInverse(QPointF widgetDelta) const;
    QPointF viewportCentre() const;
    QPointF imageCentre() const;

    QSize m_image;
    double m_columnSpacing = 1.0;
    double m_rowSpacing = 1.0;
    QSizeF m_viewport;
    double m_zoom = 1.0;
    QPointF m_pan; // image point at the viewport centre
    int m_quarterTurns = 0;
    bool m_flipH = false;
    bool m_flipV = false;
};

} // namespace fenestra::viewer
