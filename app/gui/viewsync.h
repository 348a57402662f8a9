#pragma once

#include <QObject>
#include <QPointer>

#include <vector>

namespace fenestra::viewer {
class ImageView;
}

namespace fenestra::app {

// Keeps the views of one layout in step: scrolling one scrolls the others (by position when
// they share a frame of reference and are parallel, otherwise by index), pan and zoom follow,
// and each view shows where the others' current slices cut it (reference lines).
//
// Thread contract: GUI thread only.
class ViewSync : public QObject
{
    Q_OBJECT
public:
    explicit ViewSync(QObject* parent = nullptr);

    void setViews(const std::vector<viewer::ImageView*>& views);
    void setScrollSync(bool on);
    bool scrollSync() const { return m_scroll; }
    void setPanZoomSync(bool on);
    bool panZoomSync() const { return m_panZoom; }
    void setReferenceLines(bool on);
    bool referenceLines() const { return m_referenceLines; }

    // Recomputes the reference lines of every view (after a display set changed).
    void refresh();

private:
    void indexChanged(viewer::ImageView* source);
    void viewChanged(viewer::ImageView* source);
    void updateReferenceLines();

    std::vector<QPointer<viewer::ImageView>> m_views;
    std::vector<QMetaObject::Connection> m_connections;
    bool m_scroll = true;
    bool m_panZoom = false;
    bool m_referenceLines = true;
    bool m_propagating = false; // a change we made ourselves must not echo back
};

} // namespace fenestra::app
