#pragma once

#include "core/volume.h"
#include "render/volumerender.h"
#include "render/volumescene.h"
#include "view/transferfunction.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QToolButton;

namespace fenestra::viewer {

class TransferFunctionEditor;
class VolumeViewport;

// The 3D view of one volume: a VolumeViewport under a compact tool row (rendering: the
// presets, MIP, MinIP and surface; view direction; shading; reset; the transfer-function
// editor, shown on demand below the view).
//
// Streaming: volumeUpdated() may be called for every slice that arrives; the view re-renders
// at most every updateIntervalMs() (the last call always leads to one render).
//
// Thread contract: GUI thread only.
class VolumeView : public QWidget
{
    Q_OBJECT
public:
    explicit VolumeView(QWidget* parent = nullptr);
    ~VolumeView() override;

    void setVolume(std::shared_ptr<const Volume> volume);
    const std::shared_ptr<const Volume>& volume() const;
    void volumeUpdated();
    int updateIntervalMs() const { return m_updateTimer.interval(); }

    void setMode(VolumeRenderMode mode);
    VolumeRenderMode mode() const;
    // A preset of transferFunctionPresets(); "mip" selects the MIP mode. Unknown ids: ignored.
    void setPreset(const QString& id);
    void setTransferFunction(const TransferFunction& function);
    const TransferFunction& transferFunction() const;
    void setIsoValue(double modalityValue);
    void setShading(bool on);
    void setCropBox(std::optional<VoxelBox> box);
    void setClipPlane(std::optional<ClipPlane> plane);
    void setCameraPreset(CameraPreset preset);
    // Anterior view, whole volume (no crop, no clip plane), the rendering kept.
    void reset();
    void setEditorVisible(bool visible);

    VolumeViewport* viewport() const { return m_viewport; }
    TransferFunctionEditor* editor() const { return m_editor; }

signals:
    void transferFunctionChanged(const fenestra::viewer::TransferFunction& function);

private:
    void buildControls();
    void applyRenderingChoice(int index);
    void applyCameraChoice(int index);
    void syncControls();
    void refreshEditor();
    void renderUpdatedVolume();
    VolumeScene& scene() const;

    VolumeViewport* m_viewport = nullptr;
    TransferFunctionEditor* m_editor = nullptr;
    QComboBox* m_rendering = nullptr;
    QComboBox* m_camera = nullptr;
    QCheckBox* m_shading = nullptr;
    QToolButton* m_editButton = nullptr;
    QToolButton* m_resetButton = nullptr;
    QTimer m_updateTimer;
    QElapsedTimer m_sinceHistogram;
    bool m_updatePending = false;
};

} // namespace fenestra::viewer
