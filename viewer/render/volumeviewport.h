#pragma once

#include "render/volumerender.h"
#include "render/vtkviewport.h"

#include <QPoint>

#include <memory>

namespace fenestra::viewer {

class VolumeScene;

// A VtkViewport showing a VolumeScene. Mouse: left-drag rotates, right-drag (up = closer) and
// the wheel zoom, middle-drag pans. While a button is held the scene renders at interactive
// quality; releasing it renders once more at full quality.
//
// The mapper is chosen from the widget's OpenGL implementation when its context is created
// (CPU ray casting on software OpenGL, the GPU ray caster otherwise); openGlRenderer() tells
// which implementation it is.
//
// Thread contract: GUI thread only.
class VolumeViewport : public VtkViewport
{
    Q_OBJECT
public:
    explicit VolumeViewport(QWidget* parent = nullptr);
    ~VolumeViewport() override;

    VolumeScene& scene();
    const VolumeScene& scene() const;
    // GL_RENDERER of the widget's context; empty until it is shown.
    QString openGlRenderer() const;

signals:
    // The user rotated, zoomed or panned.
    void cameraChanged();

protected:
    void initializeGL() override;
    bool hasOverlay() const override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    std::unique_ptr<VolumeScene> m_scene;
    QString m_openGlRenderer;
    Qt::MouseButton m_dragButton = Qt::NoButton;
    QPoint m_lastPosition;
};

} // namespace fenestra::viewer
