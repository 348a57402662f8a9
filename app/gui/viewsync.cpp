#include "viewsync.h"

#include "view/synchronization.h"
#include "widgets/imageview.h"

namespace fenestra::app {

using viewer::ImageView;

namespace {

bool showsFrame(const ImageView* view)
{
    return view != nullptr && view->hasDisplaySet() && view->frameCount() > 0;
}

const viewer::FrameRef& currentFrame(const ImageView* view)
{
    return view->displaySet().frames.at(static_cast<std::size_t>(view->currentIndex()));
}

QSize frameSize(const viewer::FrameRef& frame)
{
    return {frame.instance->format.columns, frame.instance->format.rows};
}

} // namespace

ViewSync::ViewSync(QObject* parent) : QObject(parent) {}

void ViewSync::setViews(const std::vector<ImageView*>& views)
{
    for (const QMetaObject::Connection& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_views.assign(views.begin(), views.end());
    for (ImageView* view : views) {
        m_connections.push_back(connect(view, &ImageView::currentIndexChanged, this,
                                        [this, view] { indexChanged(view); }));
        m_connections.push_back(
            connect(view, &ImageView::viewChanged, this, [this, view] { viewChanged(view); }));
    }
    updateReferenceLines();
}

void ViewSync::setScrollSync(bool on)
{
    m_scroll = on;
}

void ViewSync::setPanZoomSync(bool on)
{
    m_panZoom = on;
}

void ViewSync::setReferenceLines(bool on)
{
    m_referenceLines = on;
    updateReferenceLines();
}

void ViewSync::refresh()
{
    updateReferenceLines();
}

void ViewSync::indexChanged(ImageView* source)
{
    if (m_propagating)
        return;
    if (m_scroll && showsFrame(source)) {
        m_propagating = true;
        for (const QPointer<ImageView>& view : m_views) {
            if (view == source || !showsFrame(view))
                continue;
            const viewer::FrameMatch match = viewer::matchFrame(
                source->displaySet(), source->currentIndex(), view->displaySet());
            view->setCurrentIndex(match.index);
        }
        m_propagating = false;
    }
    updateReferenceLines();
}

void ViewSync::viewChanged(ImageView* source)
{
    if (m_propagating || !m_panZoom)
        return;
    m_propagating = true;
    const auto state = source->transform().state();
    for (const QPointer<ImageView>& view : m_views)
        if (view != source && showsFrame(view))
            view->setTransformState(state);
    m_propagating = false;
}

void ViewSync::updateReferenceLines()
{
    for (const QPointer<ImageView>& view : m_views) {
        if (view.isNull())
            continue;
        std::vector<QLineF> lines;
        if (m_referenceLines && showsFrame(view)) {
            const viewer::FrameRef& shown = currentFrame(view);
            const QString frameOfReference = shown.instance->series.frameOfReferenceUid;
            for (const QPointer<ImageView>& other : m_views) {
                if (other == view || !showsFrame(other))
                    continue;
                const viewer::FrameRef& cut = currentFrame(other);
                if (frameOfReference.isEmpty() ||
                    cut.instance->series.frameOfReferenceUid != frameOfReference)
                    continue;
                if (auto line = viewer::referenceLine(shown.info().plane, frameSize(shown),
                                                      cut.info().plane, frameSize(cut)))
                    lines.push_back(*line);
            }
        }
        view->setReferenceLines(lines);
    }
}

} // namespace fenestra::app
