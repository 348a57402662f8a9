#pragma once

#include <QOpenGLWidget>
#include <QSurfaceFormat>

#include <memory>

class QColor;
class QPainter;
class vtkGenericOpenGLRenderWindow;
class vtkRenderer;

namespace fenestra::viewer {

// A QOpenGLWidget hosting a vtkGenericOpenGLRenderWindow (Debian's VTK Qt module is Qt 5
// only, so we host VTK ourselves). VTK renders into its own framebuffer inside paintGL; the
// result is blitted into the widget's framebuffer, then paintOverlay() draws on top with
// QPainter. Several viewports may live in one window, each with its own context.
//
// Any change to the VTK scene is shown by calling update(), like any widget. The render
// window is sized in device pixels; the renderer's world units are up to the subclass.
//
// Thread contract: GUI thread only (the widget, its renderer and render window).
class VtkViewport : public QOpenGLWidget
{
    Q_OBJECT
public:
    explicit VtkViewport(QWidget* parent = nullptr);
    ~VtkViewport() override;

    // OpenGL 3.2 core, no multisampling, depth 24/stencil 8; call QSurfaceFormat::setDefaultFormat
    // with it before QApplication is created (the app and GUI tests do).
    static QSurfaceFormat surfaceFormat();

    vtkRenderer* renderer() const; // the one renderer, viewport (0,0,1,1)
    vtkGenericOpenGLRenderWindow* renderWindow() const;
    void setBackground(const QColor& colour);

protected:
    // Called inside paintGL after VTK has drawn, with a QPainter on this widget (logical
    // coordinates). Subclasses draw overlays here. Default: nothing.
    virtual void paintOverlay(QPainter& painter);
    // Whether paintGL should open a QPainter and call paintOverlay() this frame; opening a
    // painter costs a little, so subclasses with nothing to draw may say no. Default: true.
    virtual bool hasOverlay() const;

    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

private:
    struct Private;
    void releaseGraphicsResources();
    void renderVtkFrame();
    void blitVtkFrame();

    std::unique_ptr<Private> d;
};

} // namespace fenestra::viewer
