#include "render/volumeviewport.h"

#include "render/volumescene.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QWheelEvent>

#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr double kDegreesPerPixel = 0.5;
// Zoom factor per pixel of right-drag and per wheel notch (120 units).
constexpr double kZoomPerPixel = 1.01;
constexpr double kZoomPerNotch = 1.1;

} // namespace

VolumeViewport::VolumeViewport(QWidget* parent)
    : VtkViewport(parent), m_scene(std::make_unique<VolumeScene>(renderer()))
{
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
}

VolumeViewport::~VolumeViewport() = default;

VolumeScene& VolumeViewport::scene()
{
    return *m_scene;
}

const VolumeScene& VolumeViewport::scene() const
{
    return *m_scene;
}

QString VolumeViewport::openGlRenderer() const
{
    return m_openGlRenderer;
}

void VolumeViewport::initializeGL()
{
    VtkViewport::initializeGL();
    const auto* name =
        reinterpret_cast<const char*>(context()->functions()->glGetString(GL_RENDERER));
    m_openGlRenderer = QString::fromLatin1(name != nullptr ? name : "");
    m_scene->setOpenGlRenderer(m_openGlRenderer);
}

bool VolumeViewport::hasOverlay() const
{
    return false;
}

void VolumeViewport::mousePressEvent(QMouseEvent* event)
{
    if (m_dragButton != Qt::NoButton)
        return;
    m_dragButton = event->button();
    m_lastPosition = event->position().toPoint();
    m_scene->setInteractive(true);
    event->accept();
}

void VolumeViewport::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragButton == Qt::NoButton)
        return;
    const QPoint position = event->position().toPoint();
    const QPoint delta = position - m_lastPosition;
    m_lastPosition = position;
    switch (m_dragButton) {
    case Qt::LeftButton:
        m_scene->rotateCamera(-delta.x() * kDegreesPerPixel, delta.y() * kDegreesPerPixel);
        break;
    case Qt::RightButton:
        m_scene->zoomCamera(std::pow(kZoomPerPixel, -delta.y()));
        break;
    case Qt::MiddleButton: {
        const double mmPerPixel = m_scene->viewHeightMm() / std::max(1, height());
        m_scene->panCamera(-delta.x() * mmPerPixel, delta.y() * mmPerPixel);
        break;
    }
    default:
        return;
    }
    emit cameraChanged();
    update();
}

void VolumeViewport::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != m_dragButton)
        return;
    m_dragButton = Qt::NoButton;
    m_scene->setInteractive(false);
    update();
}

void VolumeViewport::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0)
        return;
    m_scene->zoomCamera(std::pow(kZoomPerNotch, notches));
    emit cameraChanged();
    update();
    event->accept();
}

} // namespace fenestra::viewer
