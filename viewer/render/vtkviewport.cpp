#include "render/vtkviewport.h"

#include <QColor>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QPainter>
#include <QScopedValueRollback>
#include <QtGui/qopenglcontext_platform.h>

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <cmath>
#include <utility>
#include <vector>

namespace fenestra::viewer {

struct VtkViewport::Private
{
    explicit Private(VtkViewport* owner);
    void onWindowEvent(vtkObject* caller, unsigned long event, void* callData);
    bool isCurrent() const;
    void removeObservers();

    VtkViewport* q;
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    std::vector<unsigned long> observers;
    bool initialised = false; // VTK knows the widget's current context
    bool inPaint = false;
    // VTK rendered outside paintGL (someone called renderWindow()->Render()): the next
    // paintGL shows that frame instead of rendering again.
    bool frameReady = false;
};

VtkViewport::Private::Private(VtkViewport* owner) : q(owner)
{
    // Not before initializeGL: VTK must not render without the widget's context.
    window->SetReadyForRendering(false);
    window->SetOwnContext(false);
    // We blit VTK's display framebuffer into the widget's framebuffer ourselves.
    window->SetFrameBlitModeToNoBlit();
    // Exact pixel values for images; multisampling would also cost a resolve per frame.
    window->SetMultiSamples(0);
    window->SetIsDirect(1);
    window->SetSupportsOpenGL(1);
    window->SetForceMaximumHardwareLineWidth(1);
    window->AddRenderer(renderer);
    renderer->SetViewport(0.0, 0.0, 1.0, 1.0);
    renderer->SetBackground(0.0, 0.0, 0.0);
    // Opaque: the widget's framebuffer is read back (grabFramebuffer) as premultiplied
    // colour; with an opaque background VTK's blending keeps alpha at 1 everywhere.
    renderer->SetBackgroundAlpha(1.0);
    for (const unsigned long event :
         {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent,
          vtkCommand::WindowFrameEvent})
        observers.push_back(window->AddObserver(event, this, &Private::onWindowEvent));
}

bool VtkViewport::Private::isCurrent() const
{
    const QOpenGLContext* context = q->context();
    return context != nullptr && QOpenGLContext::currentContext() == context;
}

void VtkViewport::Private::removeObservers()
{
    for (const unsigned long id : observers)
        window->RemoveObserver(id);
    observers.clear();
}

void VtkViewport::Private::onWindowEvent(vtkObject*, unsigned long event, void* callData)
{
    switch (event) {
    case vtkCommand::WindowMakeCurrentEvent:
        // VTK asks for this many times per frame. QOpenGLWidget::makeCurrent() also rebinds
        // the widget's framebuffer, which would undo VTK's own binding mid-frame (black
        // frames), so only switch when another context is current.
        if (!isCurrent())
            q->makeCurrent();
        break;
    case vtkCommand::WindowIsCurrentEvent:
        *static_cast<bool*>(callData) = isCurrent();
        break;
    case vtkCommand::WindowFrameEvent:
        if (!inPaint) {
            frameReady = true;
            q->update();
        }
        break;
    default:
        break;
    }
}

VtkViewport::VtkViewport(QWidget* parent)
    : QOpenGLWidget(parent), d(std::make_unique<Private>(this))
{
    setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);
}

VtkViewport::~VtkViewport()
{
    // Release VTK's textures, buffers and framebuffers while our context still exists; the
    // context goes away in QOpenGLWidget's destructor, after ours.
    d->removeObservers();
    if (context() != nullptr)
        disconnect(context(), nullptr, this, nullptr);
    const bool initialised = d->initialised;
    if (initialised) {
        makeCurrent();
        d->window->Finalize();
    }
    d.reset(); // VTK finalises again on destruction: keep the context current meanwhile
    if (initialised)
        doneCurrent();
}

QSurfaceFormat VtkViewport::surfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    format.setSamples(0);
    return format;
}

vtkRenderer* VtkViewport::renderer() const
{
    return d->renderer;
}

vtkGenericOpenGLRenderWindow* VtkViewport::renderWindow() const
{
    return d->window;
}

void VtkViewport::setBackground(const QColor& colour)
{
    d->renderer->SetBackground(colour.redF(), colour.greenF(), colour.blueF());
    update();
}

void VtkViewport::paintOverlay(QPainter&) {}

bool VtkViewport::hasOverlay() const
{
    return true;
}

void VtkViewport::initializeGL()
{
    // A QOpenGLWidget gets a new context when it moves to another top-level window; VTK's
    // resources must be released while the old one is still alive.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this,
            &VtkViewport::releaseGraphicsResources,
            static_cast<Qt::ConnectionType>(Qt::DirectConnection | Qt::UniqueConnection));
#if QT_CONFIG(egl)
    // Debian's VTK resolves OpenGL through GLEW built for GLX: on an EGL context glewInit
    // fails and every render errors out. Show the background only, and say why once.
    if (context()->nativeInterface<QNativeInterface::QEGLContext>() != nullptr) {
        static bool warned = false; // GUI thread only
        if (!std::exchange(warned, true))
            qWarning("VtkViewport: VTK needs a GLX context (QT_QPA_PLATFORM=xcb, "
                     "QT_XCB_GL_INTEGRATION=xcb_glx); nothing will be rendered");
        return;
    }
#endif
    d->window->InitializeFromCurrentContext();
    d->window->SetReadyForRendering(true);
    d->initialised = true;
    d->frameReady = false;
}

void VtkViewport::releaseGraphicsResources()
{
    if (!d->initialised)
        return;
    makeCurrent();
    d->window->Finalize();
    d->window->SetReadyForRendering(false);
    d->initialised = false;
    doneCurrent();
}

void VtkViewport::resizeGL(int, int)
{
    d->frameReady = false; // the size changed: render again
}

void VtkViewport::paintGL()
{
    if (!d->initialised) {
        const double* colour = d->renderer->GetBackground();
        QOpenGLFunctions* f = context()->functions();
        f->glClearColor(static_cast<float>(colour[0]), static_cast<float>(colour[1]),
                        static_cast<float>(colour[2]), 1.0F);
        f->glClear(GL_COLOR_BUFFER_BIT);
        return;
    }
    // VTK renders in device pixels; the ratio can change without a resize (other screen).
    const qreal ratio = devicePixelRatioF();
    const int deviceWidth = static_cast<int>(std::lround(width() * ratio));
    const int deviceHeight = static_cast<int>(std::lround(height() * ratio));
    if (deviceWidth <= 0 || deviceHeight <= 0)
        return;
    const int* size = d->window->GetSize();
    if (size[0] != deviceWidth || size[1] != deviceHeight) {
        d->window->SetSize(deviceWidth, deviceHeight);
        d->window->SetDPI(static_cast<int>(std::lround(72 * ratio)));
        d->frameReady = false;
    }

    vtkOpenGLState* state = d->window->GetState();
    // Qt (QOpenGLWidget, QPainter) changed GL state behind VTK's cache: resynchronise, and
    // give Qt its state back afterwards.
    state->Reset();
    state->Push();
    renderVtkFrame();
    state->Pop();
    blitVtkFrame();

    if (hasOverlay()) {
        QPainter painter(this);
        paintOverlay(painter);
    }
}

void VtkViewport::renderVtkFrame()
{
    if (d->frameReady) {
        d->frameReady = false;
        return;
    }
    QScopedValueRollback<bool> inPaint(d->inPaint, true);
    // Qt leaves GL_LESS; VTK expects GL_LEQUAL.
    d->window->GetState()->vtkglDepthFunc(GL_LEQUAL);
    d->window->Render();
}

void VtkViewport::blitVtkFrame()
{
    vtkOpenGLState* state = d->window->GetState();
    const int* size = d->window->GetSize();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    d->window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1],
                                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

} // namespace fenestra::viewer
