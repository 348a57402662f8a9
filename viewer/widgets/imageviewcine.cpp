// ImageView: cine playback and rendering frames to images (screenshots, export).

#include "framesource.h"
#include "imageview.h"
#include "render/imageviewport.h"
#include "view/cine.h"

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

void ImageView::startCine()
{
    if (frameCount() < 2)
        return;
    m_cine.start(static_cast<int>(std::lround(cineIntervalMs())));
}

void ImageView::stopCine()
{
    m_cine.stop();
}

void ImageView::setCineSpeed(double factor)
{
    m_cineSpeed = std::clamp(factor, 0.05, 20.0);
    if (m_cine.isActive())
        m_cine.setInterval(static_cast<int>(std::lround(cineIntervalMs())));
}

double ImageView::cineIntervalMs() const
{
    const FrameRef* ref = currentFrame();
    const double header = ref != nullptr ? fenestra::viewer::cineIntervalMs(*ref->instance) : 100.0;
    return header / m_cineSpeed;
}

void ImageView::cineTick()
{
    if (frameCount() < 2) {
        stopCine();
        return;
    }
    const int next = (m_index + 1) % frameCount();
    // Never stall on a frame still decoding: stay on this one until the next is there.
    if (!m_source->isReady(next) && !m_source->error(next)) {
        m_source->request(next);
        return;
    }
    m_scrollDirection = 1;
    m_index = next;
    showCurrent();
    emit currentIndexChanged(m_index);
}

QImage ImageView::renderToImage(bool withAnnotations)
{
    return m_viewport->renderToImage(withAnnotations);
}

QImage ImageView::renderFrameImage(int index, bool withAnnotations)
{
    if (!hasDisplaySet())
        return {};
    index = std::clamp(index, 0, frameCount() - 1);
    const int previous = m_index;
    m_exporting = true;
    m_index = index;
    (void)m_source->decodeNow(index); // a failure shows its message in the image
    showCurrent();
    const QImage image = m_viewport->renderToImage(withAnnotations);
    m_index = previous;
    showCurrent();
    m_exporting = false;
    return image;
}

} // namespace fenestra::viewer
