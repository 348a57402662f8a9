#pragma once

#include "stream/seriesstreamer.h"
#include "widgets/imageview.h"

#include <QObject>
#include <QPointer>

namespace fenestra::app {

// One streamed series shown in one view: opens the display set in the view as soon as the
// metadata is in ("Loading..." until its frames arrive), hands each arrived frame to the view's
// frame source (volume slices without a copy), reports failed frames to it, and moves the
// frames the view wants (scrolling) to the front of the transfers. Destroying the session
// cancels the transfers at once; the view stays (it shows what arrived).
//
// Thread contract: GUI thread only. The view may be destroyed first.
class StreamSession : public QObject
{
    Q_OBJECT
public:
    StreamSession(net::DicomWebClient* client, net::InstanceCache* cache, QString studyUid,
                  QString seriesUid, viewer::ImageView* view, StreamOptions options = {},
                  QObject* parent = nullptr);
    ~StreamSession() override;

    void start() { m_streamer->start(); }
    SeriesStreamer& streamer() { return *m_streamer; }
    viewer::ImageView* view() const { return m_view; }

private:
    void onReady(const viewer::DisplaySet& displaySet);
    void onFrameArrived(int frameIndex);
    void onFrameFailed(int frameIndex, const viewer::Error& error);

    SeriesStreamer* m_streamer;
    QPointer<viewer::ImageView> m_view;
};

} // namespace fenestra::app
