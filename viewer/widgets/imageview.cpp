#include "imageview.h"

#include "framesource.h"
#include "overlay.h"
#include "render/imageviewport.h"
#include "view/windowpresets.h"

#include <QCoreApplication>
#include <QPainter>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

ImageView::ImageView(QWidget* parent)
    : QWidget(parent), m_viewport(new ImageViewport(this)), m_source(new FrameSource(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_viewport);
    // The view takes the input; the viewport only draws.
    m_viewport->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_viewport->setFocusPolicy(Qt::NoFocus);
    m_viewport->setBackground(Qt::black);
    m_viewport->setOverlayPainter([this](QPainter& painter) { paintOverlay(painter); });
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(64, 64);
    m_cine.setTimerType(Qt::PreciseTimer);
    connect(&m_cine, &QTimer::timeout, this, &ImageView::cineTick);
    connect(m_source, &FrameSource::frameDecoded, this, &ImageView::onFrameDecoded);
    setAccessibleName(tr("Image view"));
    updateAccessibleText();
}

ImageView::~ImageView()
{
    m_cine.stop();
    // Cancel and wait for this view's decodes before any member they could reach goes away.
    delete m_source;
    m_source = nullptr;
}

void ImageView::setDisplaySet(const DisplaySet& displaySet)
{
    setDisplaySet(displaySet, false);
}

void ImageView::setDisplaySet(const DisplaySet& displaySet, bool externalSupply)
{
    m_source->setExternalSupply(externalSupply);
    stopCine();
    cancelMeasurement();
    m_displaySet = displaySet;
    m_source->setDisplaySet(displaySet);
    m_measurements.clear();
    m_selected = QUuid();
    m_referenceLines.clear();
    m_window.reset();
    invalidateRendered();
    m_shownIndex = -1;
    m_index = displaySet.isSpatial ? frameCount() / 2 : 0;
    m_scrollDirection = 1;
    const ImagePlane plane = currentPlane();
    m_transform.resetOrientation();
    m_transform.setImage(QSize(displaySet.format.columns, displaySet.format.rows),
                         plane.columnSpacing, plane.rowSpacing);
    m_transform.setViewport(QSizeF(size()));
    m_transform.fit();
    m_fitted = true;
    applyTransform(false);
    showCurrent();
    emit currentIndexChanged(m_index);
    emit measurementsChanged();
    updateAccessibleText();
}

void ImageView::clear()
{
    setDisplaySet(DisplaySet{});
    m_source->clear();
}

const FrameRef* ImageView::currentFrame() const
{
    if (m_index < 0 || m_index >= frameCount())
        return nullptr;
    return &m_displaySet.frames[static_cast<std::size_t>(m_index)];
}

ImagePlane ImageView::currentPlane() const
{
    const FrameRef* ref = currentFrame();
    if (ref == nullptr || ref->instance == nullptr || ref->instance->frames.empty())
        return {};
    const auto& frames = ref->instance->frames;
    return frames[std::min<std::size_t>(static_cast<std::size_t>(ref->frame), frames.size() - 1)]
        .plane;
}

void ImageView::setCurrentIndex(int index)
{
    if (!hasDisplaySet())
        return;
    index = std::clamp(index, 0, frameCount() - 1);
    if (index == m_index)
        return;
    m_scrollDirection = index > m_index ? 1 : -1;
    m_index = index;
    showCurrent();
    emit currentIndexChanged(m_index);
    updateAccessibleText();
}

bool ImageView::isFrameReady(int index) const
{
    return m_source->isReady(index);
}

void ImageView::setDecodedCacheLimit(qint64 bytes)
{
    m_source->setCacheLimit(bytes);
}

void ImageView::showCurrent()
{
    const FrameRef* ref = currentFrame();
    if (ref == nullptr) {
        m_viewport->setImage(QImage());
        m_shownIndex = -1;
        m_holding = false;
        return;
    }
    if (const auto error = m_source->error(m_index)) {
        m_viewport->setImage(QImage());
        m_shownIndex = -1;
        m_holding = false;
        if (!m_exporting)
            emit errorOccurred(frameErrorText(*error));
        return;
    }
    if (!m_source->isReady(m_index)) {
        m_source->request(m_index);
        m_source->prefetch(m_index, m_scrollDirection);
        if (m_holdWhileLoading)
            m_holding = true; // the previous image stays until this frame arrives
        else
            m_viewport->setImage(QImage());
        m_shownIndex = -1;
        return;
    }
    m_viewport->setImage(renderedImage(m_index));
    m_shownIndex = m_index;
    m_holding = false;
    m_source->prefetch(m_index, m_scrollDirection);
    if (!m_exporting)
        emit frameShown(m_index);
}

void ImageView::onFrameDecoded(int index)
{
    // External supply: a frame supplied again (a reformat recomputed while its volume streams
    // in) replaces what was rendered of it, also on screen.
    if (m_source->isExternalSupply()) {
        m_rendered.remove(index);
        if (index == m_index && m_shownIndex == m_index) {
            m_shownIndex = -1;
            showCurrent();
            return;
        }
    }
    // One decode may serve many frames (a clip): whatever arrived, look at the current one.
    if (m_shownIndex == m_index)
        return;
    if (m_source->isReady(m_index) || m_source->error(m_index))
        showCurrent();
}

QImage ImageView::renderedImage(int index)
{
    if (const QImage* cached = m_rendered.object(index))
        return *cached;
    const auto pixels = m_source->pixels(index);
    const FrameRef& ref = m_displaySet.frames[static_cast<std::size_t>(index)];
    if (pixels == nullptr || ref.instance == nullptr)
        return {};
    const RenderOptions options{m_window, true, m_inverted};
    const QImage image =
        renderFrame(*ref.instance, *pixels, m_source->frameInBuffer(index), options);
    m_rendered.insert(index, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    return image;
}

void ImageView::invalidateRendered()
{
    m_rendered.clear();
}

// Re-renders the frame on screen after a change of window or inversion.
void ImageView::redraw()
{
    invalidateRendered();
    if (m_shownIndex == m_index && m_index >= 0)
        m_viewport->setImage(renderedImage(m_index));
    m_viewport->update();
}

WindowLevel ImageView::windowLevel() const
{
    if (m_window)
        return *m_window;
    const FrameRef* ref = currentFrame();
    if (ref == nullptr)
        return {};
    if (const auto pixels = m_source->pixels(m_index))
        return defaultWindow(*ref->instance, m_source->frameInBuffer(m_index), *pixels);
    for (const VoiWindow& window : ref->info().windows)
        if (window.width > 0)
            return WindowLevel{window.center, window.width};
    return {};
}

void ImageView::setWindowLevel(const WindowLevel& window)
{
    const WindowLevel clamped{window.center, std::max(1.0, window.width)};
    if (m_window == clamped)
        return;
    m_window = clamped;
    redraw();
    emit windowLevelChanged(clamped);
}

void ImageView::resetWindowLevel()
{
    m_window.reset();
    redraw();
    emit windowLevelChanged(windowLevel());
}

void ImageView::applyPreset(int index)
{
    const auto presets = ctWindowPresets();
    if (index < 0 || static_cast<std::size_t>(index) >= presets.size())
        return;
    const WindowPreset& preset = presets[static_cast<std::size_t>(index)];
    setWindowLevel(WindowLevel{preset.center, preset.width});
    emit statusMessage(
        tr("Window preset: %1")
            .arg(QCoreApplication::translate("fenestra::viewer::WindowPreset", preset.name)));
}

void ImageView::setInverted(bool inverted)
{
    if (m_inverted == inverted)
        return;
    m_inverted = inverted;
    redraw();
}

void ImageView::setInterpolation(bool linear)
{
    m_linear = linear;
    m_viewport->setInterpolation(linear);
}

void ImageView::setAnnotationsVisible(bool visible)
{
    m_annotations = visible;
    m_viewport->update();
}

void ImageView::setTool(MouseTool tool)
{
    cancelMeasurement();
    m_tool = tool;
    setMouseTracking(tool == MouseTool::Probe || tool == MouseTool::Angle);
}

void ImageView::setHoldWhileLoading(bool hold)
{
    m_holdWhileLoading = hold;
}

void ImageView::setReferenceLines(const std::vector<QLineF>& imageLines)
{
    m_referenceLines = imageLines;
    m_viewport->update();
}

void ImageView::paintViewOverlay(QPainter& /*painter*/) {}

void ImageView::updateOverlay()
{
    m_viewport->update();
}

void ImageView::applyTransform(bool userChange)
{
    m_viewport->setImageTransform(m_transform.imageToWidget());
    m_viewport->update();
    if (userChange)
        emit viewChanged();
}

void ImageView::setTransformState(const ViewTransform::State& state)
{
    m_transform.setState(state);
    m_fitted = false;
    applyTransform(false);
}

void ImageView::fit()
{
    m_transform.fit();
    m_fitted = true;
    applyTransform(true);
}

void ImageView::oneToOne()
{
    m_transform.setOneToOne(devicePixelRatioF());
    m_fitted = false;
    applyTransform(true);
}

void ImageView::zoomIn()
{
    m_transform.zoomBy(1.25, QRectF(rect()).center());
    m_fitted = false;
    applyTransform(true);
}

void ImageView::zoomOut()
{
    m_transform.zoomBy(1.0 / 1.25, QRectF(rect()).center());
    m_fitted = false;
    applyTransform(true);
}

void ImageView::rotate(bool clockwise)
{
    m_transform.rotate90(clockwise);
    if (m_fitted)
        m_transform.fit(); // a non-square image turned on its side still fits
    applyTransform(true);
}

void ImageView::flipHorizontal()
{
    m_transform.flipHorizontal();
    applyTransform(true);
}

void ImageView::flipVertical()
{
    m_transform.flipVertical();
    applyTransform(true);
}

void ImageView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_transform.setViewport(QSizeF(event->size()));
    if (m_fitted)
        m_transform.fit();
    applyTransform(false);
}

void ImageView::updateAccessibleText()
{
    if (!hasDisplaySet()) {
        setAccessibleDescription(tr("No images"));
        return;
    }
    setAccessibleDescription(tr("Image %1 of %2").arg(m_index + 1).arg(frameCount()));
}

} // namespace fenestra::viewer
