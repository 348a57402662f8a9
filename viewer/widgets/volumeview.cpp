#include "volumeview.h"

#include "render/volumeviewport.h"
#include "transferfunctioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace fenestra::viewer {

namespace {

constexpr int kUpdateIntervalMs = 300;
constexpr int kHistogramIntervalMs = 2000;
constexpr int kHistogramBins = 256;

// Entries of the rendering menu after the presets.
enum ExtraRendering
{
    MinIpEntry = 0,
    SurfaceEntry = 1
};

} // namespace

VolumeView::VolumeView(QWidget* parent) : QWidget(parent)
{
    m_viewport = new VolumeViewport(this);
    m_editor = new TransferFunctionEditor(this);
    m_editor->setVisible(false);
    buildControls();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(2, 2, 2, 0);
    row->addWidget(m_rendering);
    row->addWidget(m_camera);
    row->addWidget(m_shading);
    row->addStretch(1);
    row->addWidget(m_editButton);
    row->addWidget(m_resetButton);
    layout->addLayout(row);
    layout->addWidget(m_viewport, 1);
    layout->addWidget(m_editor);

    m_updateTimer.setInterval(kUpdateIntervalMs);
    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &VolumeView::renderUpdatedVolume);
    connect(m_editor, &TransferFunctionEditor::transferFunctionChanged, this,
            [this](const TransferFunction& function) {
                scene().setInteractive(true);
                scene().setTransferFunction(function);
                m_viewport->update();
                emit transferFunctionChanged(function);
            });
    connect(m_editor, &TransferFunctionEditor::editingFinished, this, [this] {
        scene().setInteractive(false);
        m_viewport->update();
    });
    syncControls();
}

VolumeView::~VolumeView() = default;

VolumeScene& VolumeView::scene() const
{
    return m_viewport->scene();
}

void VolumeView::buildControls()
{
    m_rendering = new QComboBox(this);
    for (const TransferFunctionPreset& preset : transferFunctionPresets())
        m_rendering->addItem(
            QCoreApplication::translate("fenestra::viewer::TransferFunction", preset.name),
            QString::fromLatin1(preset.id));
    m_rendering->addItem(tr("MinIP"));
    m_rendering->addItem(tr("Surface"));
    m_rendering->setToolTip(tr("Rendering"));
    connect(m_rendering, &QComboBox::activated, this, &VolumeView::applyRenderingChoice);

    m_camera = new QComboBox(this);
    for (const QString& name :
         {tr("Anterior"), tr("Posterior"), tr("Left"), tr("Right"), tr("Superior"), tr("Inferior")})
        m_camera->addItem(name);
    m_camera->setToolTip(tr("View from"));
    connect(m_camera, &QComboBox::activated, this, &VolumeView::applyCameraChoice);

    m_shading = new QCheckBox(tr("Shading"), this);
    connect(m_shading, &QCheckBox::toggled, this, &VolumeView::setShading);

    m_editButton = new QToolButton(this);
    m_editButton->setText(tr("Edit"));
    m_editButton->setToolTip(tr("Edit the opacity and colour points"));
    m_editButton->setCheckable(true);
    connect(m_editButton, &QToolButton::toggled, this, &VolumeView::setEditorVisible);

    m_resetButton = new QToolButton(this);
    m_resetButton->setText(tr("Reset"));
    m_resetButton->setToolTip(tr("Front view of the whole volume"));
    connect(m_resetButton, &QToolButton::clicked, this, &VolumeView::reset);
}

void VolumeView::applyRenderingChoice(int index)
{
    const int presets = static_cast<int>(transferFunctionPresets().size());
    if (index < presets) {
        setPreset(m_rendering->itemData(index).toString());
    } else if (index - presets == MinIpEntry) {
        setMode(VolumeRenderMode::MinIp);
    } else if (index - presets == SurfaceEntry) {
        setMode(VolumeRenderMode::Isosurface);
    }
}

void VolumeView::applyCameraChoice(int index)
{
    setCameraPreset(static_cast<CameraPreset>(index));
}

void VolumeView::syncControls()
{
    const QSignalBlocker blockRendering(m_rendering);
    const QSignalBlocker blockShading(m_shading);
    const int presets = static_cast<int>(transferFunctionPresets().size());
    switch (scene().mode()) {
    case VolumeRenderMode::Composite:
        m_rendering->setCurrentIndex(
            std::max(0, m_rendering->findData(scene().transferFunction().id)));
        break;
    case VolumeRenderMode::Mip:
        m_rendering->setCurrentIndex(m_rendering->findData(QStringLiteral("mip")));
        break;
    case VolumeRenderMode::MinIp:
        m_rendering->setCurrentIndex(presets + MinIpEntry);
        break;
    case VolumeRenderMode::Isosurface:
        m_rendering->setCurrentIndex(presets + SurfaceEntry);
        break;
    }
    m_shading->setChecked(scene().shading());
}

void VolumeView::setVolume(std::shared_ptr<const Volume> volume)
{
    m_updateTimer.stop();
    m_updatePending = false;
    scene().setVolume(std::move(volume));
    refreshEditor();
    m_viewport->update();
}

const std::shared_ptr<const Volume>& VolumeView::volume() const
{
    return scene().volume();
}

void VolumeView::volumeUpdated()
{
    // Renders at once when idle, then at most once per interval while slices keep coming.
    if (m_updateTimer.isActive()) {
        m_updatePending = true;
        return;
    }
    m_updatePending = false;
    scene().volumeUpdated();
    m_viewport->update();
    m_updateTimer.start();
    if (m_editor->isVisible() &&
        (!m_sinceHistogram.isValid() || m_sinceHistogram.elapsed() > kHistogramIntervalMs))
        refreshEditor();
}

void VolumeView::renderUpdatedVolume()
{
    if (!m_updatePending)
        return;
    m_updatePending = false;
    volumeUpdated();
}

void VolumeView::setMode(VolumeRenderMode mode)
{
    scene().setMode(mode);
    syncControls();
    m_viewport->update();
}

VolumeRenderMode VolumeView::mode() const
{
    return scene().mode();
}

void VolumeView::setPreset(const QString& id)
{
    const std::optional<TransferFunction> preset = transferFunctionPreset(id);
    if (!preset)
        return;
    if (id == QLatin1String("mip")) {
        setMode(VolumeRenderMode::Mip);
        return;
    }
    scene().setTransferFunction(*preset);
    scene().setMode(VolumeRenderMode::Composite);
    refreshEditor();
    syncControls();
    m_viewport->update();
}

void VolumeView::setTransferFunction(const TransferFunction& function)
{
    scene().setTransferFunction(function);
    refreshEditor();
    syncControls();
    m_viewport->update();
}

const TransferFunction& VolumeView::transferFunction() const
{
    return scene().transferFunction();
}

void VolumeView::setIsoValue(double modalityValue)
{
    scene().setIsoValue(modalityValue);
    m_viewport->update();
}

void VolumeView::setShading(bool on)
{
    scene().setShading(on);
    syncControls();
    m_viewport->update();
}

void VolumeView::setCropBox(std::optional<VoxelBox> box)
{
    scene().setCropBox(box);
    m_viewport->update();
}

void VolumeView::setClipPlane(std::optional<ClipPlane> plane)
{
    scene().setClipPlane(plane);
    m_viewport->update();
}

void VolumeView::setCameraPreset(CameraPreset preset)
{
    scene().setCameraPreset(preset);
    const QSignalBlocker block(m_camera);
    m_camera->setCurrentIndex(static_cast<int>(preset));
    m_viewport->update();
}

void VolumeView::reset()
{
    scene().setCropBox(std::nullopt);
    scene().setClipPlane(std::nullopt);
    setCameraPreset(CameraPreset::Anterior);
}

void VolumeView::setEditorVisible(bool visible)
{
    m_editor->setVisible(visible);
    const QSignalBlocker block(m_editButton);
    m_editButton->setChecked(visible);
    if (visible)
        refreshEditor();
}

void VolumeView::refreshEditor()
{
    const std::shared_ptr<const Volume>& v = scene().volume();
    if (!v || !m_editor->isVisible())
        return;
    auto [low, high] = volumeValueRange(*v);
    if (!(high > low))
        high = low + 1.0;
    m_editor->setValueRange(low, high);
    m_editor->setHistogram(volumeHistogram(*v, low, high, kHistogramBins));
    m_editor->setTransferFunction(scene().transferFunction().resolved(low, high));
    m_sinceHistogram.start();
}

} // namespace fenestra::viewer
