#include "streamsession.h"

#include "widgets/framesource.h"
#include "widgets/imageview.h"

namespace fenestra::app {

StreamSession::StreamSession(net::DicomWebClient* client, net::InstanceCache* cache,
                             QString studyUid, QString seriesUid, viewer::ImageView* view,
                             StreamOptions options, QObject* parent)
    : QObject(parent), m_streamer(new SeriesStreamer(client, cache, std::move(studyUid),
                                                     std::move(seriesUid), options, this)),
      m_view(view)
{
    connect(m_streamer, &SeriesStreamer::ready, this, &StreamSession::onReady);
    connect(m_streamer, &SeriesStreamer::frameArrived, this, &StreamSession::onFrameArrived);
    connect(m_streamer, &SeriesStreamer::frameFailed, this, &StreamSession::onFrameFailed);
    if (m_view != nullptr)
        connect(&m_view->frameSource(), &viewer::FrameSource::framesWanted, m_streamer,
                &SeriesStreamer::prioritize);
}

StreamSession::~StreamSession()
{
    // Abort the transfers before the view can ask for more.
    m_streamer->cancel();
}

void StreamSession::onReady(const viewer::DisplaySet& displaySet)
{
    if (m_view == nullptr)
        return;
    m_view->setDisplaySet(displaySet, true);
    // Frames that arrived before (none normally: ready comes first) go in now.
    for (int i = 0; i < static_cast<int>(displaySet.frames.size()); ++i) {
        if (m_streamer->pixels(i) != nullptr)
            onFrameArrived(i);
        else if (const auto error = m_streamer->frameError(i))
            onFrameFailed(i, *error);
    }
}

void StreamSession::onFrameArrived(int frameIndex)
{
    if (m_view == nullptr)
        return;
    m_view->frameSource().supply(frameIndex, m_streamer->pixels(frameIndex),
                                 m_streamer->frameInBuffer(frameIndex));
}

void StreamSession::onFrameFailed(int frameIndex, const viewer::Error& error)
{
    if (m_view != nullptr)
        m_view->frameSource().supplyError(frameIndex, error);
}

} // namespace fenestra::app
