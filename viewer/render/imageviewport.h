#pragma once

#include "render/vtkviewport.h"

#include <QImage>
#include <QTransform>

#include <functional>
#include <memory>

namespace fenestra::viewer {

// Shows one 8-bit image (QImage Format_Grayscale8, RGB888 or RGB32/ARGB32) through VTK with a
// transform from image to widget coordinates, nearest or linear interpolation, and an overlay
// callback. Only image data and a transform go in: no VTK type in this header.
//
// Image coordinates: pixel (c, r) covers [c, c+1) x [r, r+1). Widget coordinates: logical
// pixels, origin top-left, y down. Grey and colour values reach the framebuffer unchanged
// (no lighting, no colour management, opacity 1). Other QImage formats are converted (grey
// if the image is all grey, else RGB888, or ARGB32 when it has an alpha channel).
//
// Thread contract: GUI thread only.
class ImageViewport : public VtkViewport
{
    Q_OBJECT
public:
    explicit ImageViewport(QWidget* parent = nullptr);
    ~ImageViewport() override;

    // Null image: nothing shown (background only). Cheap when called again with an image of
    // the same size and format (the buffers are reused). Schedules a repaint.
    void setImage(const QImage& image);
    // Affine part only (a projective QTransform is not supported). Schedules a repaint.
    void setImageTransform(const QTransform& imageToWidget);
    QTransform imageTransform() const;
    void setInterpolation(bool linear); // false: nearest (default true)
    bool interpolation() const;
    void setOverlayPainter(std::function<void(QPainter&)> painter); // logical coordinates
    // The rendered view (device pixels; size = widget size * devicePixelRatio) with or without
    // the overlay. Format_RGB32, devicePixelRatio set. Null until the widget's OpenGL is
    // initialised (shown once).
    QImage renderToImage(bool withOverlay);

protected:
    void paintGL() override;
    void paintOverlay(QPainter& painter) override;
    bool hasOverlay() const override;

private:
    struct Private;
    void updateCamera();

    std::unique_ptr<Private> d;
};

} // namespace fenestra::viewer
