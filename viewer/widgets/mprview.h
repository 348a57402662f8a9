#pragma once

#include "imageview.h"
#include "render/mprreslicer.h"
#include "view/mprgeometry.h"

#include <QColor>
#include <QHash>

#include <memory>
#include <optional>

namespace fenestra::viewer {

class MprViewGroup;

// One view of a multiplanar reconstruction: an ImageView whose display set is the stack of
// parallel slices of its plane (axial, coronal or sagittal at first, oblique once the crosshair
// is turned), each frame carrying its DICOM-like geometry, so every 2D tool works unchanged:
// window/level, zoom/pan, measurements in mm, the probe's patient position, orientation markers.
// The frames are supplied from outside (FrameSource's external supply): resliced from the
// group's volume on the global thread pool, the current slice first, then a few ahead.
//
// The crosshair shows the other two planes as lines in their colours (planeColour). Dragging
// the centre moves it (the other views scroll to it); dragging a round handle on a line, or
// Shift + left drag anywhere, turns the other two planes about this view's normal (oblique,
// then double oblique from another view). Scrolling this view moves the centre along its
// normal. A thick slab (MIP, MinIP, mean) is set per view.
//
// While the volume streams in, the group's volumeDataChanged() makes the view reslice the
// slice on screen again (the others are dropped and resliced when shown); slices not arrived
// yet read as the lowest value.
//
// Thread contract: GUI thread only. Reslice results come back through a guard; a job still
// running when the view is destroyed delivers nothing (it keeps the volume alive meanwhile).
class MprView : public ImageView
{
    Q_OBJECT
public:
    MprView(MprViewGroup* group, MprAxis axis, QWidget* parent = nullptr);
    ~MprView() override;

    MprAxis axis() const { return m_axis; }
    MprViewGroup* group() const { return m_group; }

    void setSlab(double thicknessMm, SlabMode mode);
    double slabThickness() const { return m_slabMm; }
    SlabMode slabMode() const { return m_slabMode; }

    void setCrosshairVisible(bool visible);
    bool isCrosshairVisible() const { return m_crosshairVisible; }

    // Red axial, green coronal, yellow sagittal (3D Slicer's colours).
    static QColor planeColour(MprAxis axis);
    static QString planeName(MprAxis axis); // translated: "Axial", "Coronal", "Sagittal"

    // The frame on screen is the reslice of the current geometry and volume data: nothing is
    // pending for it (for tests and the window's status).
    bool isSettled() const;
    // The crosshair centre in widget coordinates, and where the rotation handles of `other`'s
    // line are (for tests).
    QPointF crosshairCentreOnScreen() const;
    std::pair<QPointF, QPointF> rotationHandles(MprAxis other) const;

signals:
    // The frame on screen was resliced anew (after a scroll, a rotation, a slab or volume
    // change).
    void resliced();

protected:
    void paintViewOverlay(QPainter& painter) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    struct Guard;
    enum class CrosshairDrag
    {
        None,
        Centre,
        Rotate
    };

    // mprview.cpp: the stack and its frames
    DisplaySet stackDisplaySet() const;
    void rebuild();
    void followCentre();
    void followPlanes();
    void onVolumeData();
    void onFramesWanted(int index, int direction);
    void schedule();
    std::optional<int> nextSlice() const;
    void startJob(int index);
    void deliver(int index, quint64 generation, quint64 dataVersion,
                 const std::shared_ptr<Result<PixelBuffer>>& image);
    void pruneSupplied();
    QString seriesText() const;
    // mprviewcrosshair.cpp: drawing and dragging the crosshair
    CrosshairDrag crosshairHit(QPointF widget, Qt::KeyboardModifiers modifiers) const;
    double handleDistance() const;

    MprViewGroup* m_group;
    MprAxis m_axis;
    std::shared_ptr<Guard> m_guard;
    MprOrientation m_shownOrientation; // of the display set built last
    quint64 m_generation = 0;          // bumps with each display set
    double m_slabMm = 0.0;
    SlabMode m_slabMode = SlabMode::None;
    bool m_crosshairVisible = true;
    bool m_following = false; // setCurrentIndex from the group: do not echo it back
    bool m_built = false;     // a display set was built (keep the user's zoom on rebuilds)
    bool m_jobRunning = false;
    bool m_scheduled = false;
    int m_direction = 1;
    // Frames supplied for this display set, with the volume data version they show.
    QHash<int, quint64> m_supplied;
    quint64 m_dataVersion = 0; // bumps when slices arrive
    std::optional<WindowLevel> m_userWindow;
    CrosshairDrag m_crosshairDrag = CrosshairDrag::None;
    QPointF m_dragLast;
};

} // namespace fenestra::viewer
