#pragma once

#include "core/displayset.h"
#include "image/framerenderer.h"
#include "view/measurement.h"
#include "view/orientation.h"
#include "view/viewtransform.h"

#include <QCache>
#include <QImage>
#include <QLineF>
#include <QTimer>
#include <QUuid>
#include <QWidget>

#include <optional>
#include <vector>

namespace fenestra::viewer {

class FrameSource;
class ImageViewport;
struct OverlayContext;

enum class MouseTool
{
    Scroll,
    WindowLevel,
    Zoom,
    Pan,
    Length,
    Angle,
    Ellipse,
    Rectangle,
    Probe,
    Text,
    Arrow
};

// The 2D view of one display set: scrolling, window/level, zoom/pan/rotate/flip, cine,
// measurements, annotations. An ImageViewport child fills it and draws the image; this widget
// takes the input (the viewport is transparent to the mouse) and paints the overlay through
// the viewport's overlay callback.
//
// Mouse: left drag runs the active tool, middle drag pans, right drag sets window/level, the
// wheel scrolls, Ctrl+wheel zooms around the cursor. Keys (only when the view has focus and no
// application shortcut took them): arrows, PageUp/PageDown, Home/End scroll; 1..9 CT presets,
// 0 reset window; F fit; = + and - zoom; R / Shift+R rotate; H/V flip; I invert; Space cine;
// A annotations; Delete removes the selected measurement; Escape cancels one in progress.
//
// Thread contract: GUI thread only. Frames are decoded on a QThreadPool and delivered through
// a guard object; the destructor cancels and waits for the decodes of this view.
class ImageView : public QWidget
{
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);
    ~ImageView() override;

    // Opens on the middle frame (the first for non-spatial sets and cine), fitted, with the
    // default window. Measurements of the previous display set are dropped.
    void setDisplaySet(const DisplaySet& displaySet);
    // The same, with the frames supplied from outside (a streamed series) when
    // `externalSupply`: see FrameSource's external supply; frameSource() takes the frames.
    void setDisplaySet(const DisplaySet& displaySet, bool externalSupply);
    void clear();
    // The provider of this view's frames (owned by the view).
    FrameSource& frameSource() { return *m_source; }
    const DisplaySet& displaySet() const { return m_displaySet; }
    bool hasDisplaySet() const { return !m_displaySet.frames.empty(); }
    int frameCount() const { return static_cast<int>(m_displaySet.frames.size()); }
    int currentIndex() const { return m_index; }
    void setCurrentIndex(int index); // clamped

    // The window of the frame on screen: the one set, else the header's default.
    WindowLevel windowLevel() const;
    void setWindowLevel(const WindowLevel& window);
    void resetWindowLevel();     // back to the header's window (or VOI LUT) per frame
    void applyPreset(int index); // ctWindowPresets()[index]

    ViewTransform& transform() { return m_transform; }
    const ViewTransform& transform() const { return m_transform; }
    void setTransformState(const ViewTransform::State& state); // does not emit viewChanged
    void fit();
    void oneToOne();
    void zoomIn();
    void zoomOut();
    void rotate(bool clockwise);
    void flipHorizontal();
    void flipVertical();
    void setInverted(bool inverted);
    bool isInverted() const { return m_inverted; }
    void setInterpolation(bool linear);
    bool interpolation() const { return m_linear; }
    void setAnnotationsVisible(bool visible);
    bool annotationsVisible() const { return m_annotations; }
    void setTool(MouseTool tool);
    MouseTool tool() const { return m_tool; }

    void startCine();
    void stopCine();
    bool isCinePlaying() const { return m_cine.isActive(); }
    void setCineSpeed(double factor); // 1.0 = header rate
    double cineSpeed() const { return m_cineSpeed; }
    double cineIntervalMs() const; // effective interval

    void setReferenceLines(const std::vector<QLineF>& imageLines);
    // While the frame to show is not ready, keep the previous image on screen (no "Loading...")
    // instead of a blank view: for frames computed in milliseconds (MPR), so scrolling and
    // turning planes do not flash. displayedGrey() and the probe still wait for the frame.
    void setHoldWhileLoading(bool hold);

    // Measurements on this display set (all frames); the view draws those of the current frame.
    const std::vector<Measurement>& measurements() const { return m_measurements; }
    void setMeasurements(std::vector<Measurement> measurements);
    void removeMeasurement(const QUuid& id);
    void updateMeasurementText(const QUuid& id, const QString& text);
    QUuid selectedMeasurement() const { return m_selected; } // null when none
    void selectMeasurement(const QUuid& id);
    // "50.0 mm", "Mean 100.0 HU SD 0.0 HU ...": the numbers drawn next to a measurement.
    QString measurementSummary(const Measurement& measurement) const;

    QImage renderToImage(bool withAnnotations); // current view, device pixels
    // For exporting a whole display set: shows frame `index` synchronously (decoding on this
    // thread if needed), renders, and returns to the current frame without emitting signals.
    QImage renderFrameImage(int index, bool withAnnotations);
    bool isFrameReady(int index) const; // decoded and in the cache
    // Bound of this view's cache of decoded pixels (default 256 MiB; at least the most recently
    // used instance is kept, and the frame on screen stays on screen whatever is evicted).
    void setDecodedCacheLimit(qint64 bytes);

    // What the overlay shows, for tests and accessibility.
    OrientationMarkers currentMarkers() const;
    QString centreMessage() const; // "Loading...", an error, or empty when the frame is shown
    // The grey (0..255, after window/invert) the current frame shows at an image point, or -1
    // when the frame is not shown or the point lies outside; the green channel for colour.
    int displayedGrey(QPointF imagePoint) const;
    // The plane of the frame on screen (default plane without a display set).
    ImagePlane currentPlane() const;

signals:
    void currentIndexChanged(int index);
    void viewChanged(); // zoom/pan/rotate/flip changed by the user
    void windowLevelChanged(const fenestra::viewer::WindowLevel& window);
    void measurementsChanged();
    void frameShown(int index); // a decoded frame is on screen
    void activated();           // clicked/focused: the app makes it the active view
    void statusMessage(const QString& text);
    void errorOccurred(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    // Subclasses draw over the image here (widget coordinates), under the measurements and
    // annotations; updateOverlay() asks for it again.
    virtual void paintViewOverlay(QPainter& painter);
    void updateOverlay();

private:
    enum class DragAction
    {
        None,
        Scroll,
        WindowLevel,
        Zoom,
        Pan,
        Create,
        EditHandle
    };

    // imageview.cpp: frames and display
    const FrameRef* currentFrame() const;
    void showCurrent();
    void onFrameDecoded(int index);
    QImage renderedImage(int index);
    void invalidateRendered();
    void redraw();
    void applyTransform(bool userChange);
    void updateAccessibleText();
    // imageviewcine.cpp: cine and rendering to images
    void cineTick();
    // imageviewinput.cpp: mouse and keyboard
    DragAction actionFor(Qt::MouseButton button) const;
    void dragBy(DragAction action, QPointF from, QPointF to);
    void scrollBy(int delta);
    void adjustWindow(QPointF delta);
    bool handleScrollKey(int key);
    bool handleViewKey(const QKeyEvent& event);
    // imageviewpaint.cpp: the overlay
    void paintOverlay(QPainter& target);
    void paintOverlayContent(QPainter& painter);
    OverlayContext overlayContext() const;
    void drawMeasurements(QPainter& painter);
    QFont overlayFont() const;
    // imageviewmeasure.cpp: measurements
    bool beginMeasurementEdit(QPointF widget);
    void beginMeasurement(QPointF widget);
    void updateMeasurement(QPointF widget);
    void finishMeasurement(QPointF widget);
    void cancelMeasurement();
    void commitMeasurement(Measurement measurement);
    void probeAt(QPointF widget, bool addMeasurement);
    std::optional<int> indexOfMeasurementFrame(const Measurement& m) const;
    ImagePlane planeOf(const Measurement& m) const;
    // The summary as drawn next to the shape: ROI statistics on three lines.
    QString measurementLabel(const Measurement& m) const;
    QString roiText(const Measurement& m, bool multiLine) const;
    bool isOnCurrentFrame(const Measurement& m) const;

    ImageViewport* m_viewport = nullptr;
    FrameSource* m_source = nullptr;
    DisplaySet m_displaySet;
    int m_index = 0;
    int m_scrollDirection = 1;
    std::optional<WindowLevel> m_window; // nullopt: the header's, per frame
    bool m_inverted = false;
    bool m_linear = true;
    bool m_annotations = true;
    bool m_fitted = true; // refit on resize until the user zooms or pans
    bool m_exporting = false;
    bool m_holdWhileLoading = false;
    bool m_holding = false; // the viewport shows an earlier frame while this one is pending
    int m_shownIndex = -1;  // the frame whose image the viewport holds, -1 for none
    ViewTransform m_transform;
    MouseTool m_tool = MouseTool::Scroll;
    static constexpr int kRenderedCacheKiB = 64 * 1024;
    QCache<int, QImage> m_rendered{kRenderedCacheKiB}; // cost: KiB
    QImage m_overlayImage;                             // reused between paints
    QTimer m_cine;
    double m_cineSpeed = 1.0;
    std::vector<QLineF> m_referenceLines;

    std::vector<Measurement> m_measurements;
    QUuid m_selected;
    std::optional<Measurement> m_draft; // a measurement being drawn
    int m_draftClicks = 0;              // Angle: points fixed so far
    int m_draftPresses = 0;             // Angle: mouse presses so far
    int m_editHandle = -1;              // the handle of m_selected being dragged

    DragAction m_drag = DragAction::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    double m_scrollRemainder = 0.0;
    int m_wheelRemainder = 0;
};

} // namespace fenestra::viewer
