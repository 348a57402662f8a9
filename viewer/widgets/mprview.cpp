#include "mprview.h"

#include "framesource.h"
#include "mprviewgroup.h"
#include "mprviewreslice.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>

#include <cmath>

namespace fenestra::viewer {

namespace {

// Slices resliced ahead in the scroll direction once the current one is on screen, and how
// many supplied slices around the current one are kept (each is one image of the plane).
constexpr int kPrefetch = 2;
constexpr int kKeepAround = 4;

} // namespace

// The reslice jobs' way back: cleared (under the mutex) when the view goes, so a job that
// finishes later posts nothing; what was posted before is dropped with the view's events.
struct MprView::Guard
{
    QMutex mutex;
    MprView* view = nullptr;
};

MprView::MprView(MprViewGroup* group, MprAxis axis, QWidget* parent)
    : ImageView(parent), m_group(group), m_axis(axis), m_guard(std::make_shared<Guard>())
{
    m_guard->view = this;
    setHoldWhileLoading(true);
    setAccessibleName(tr("%1 reformat").arg(planeName(axis)));
    connect(&frameSource(), &FrameSource::framesWanted, this, &MprView::onFramesWanted);
    connect(this, &ImageView::currentIndexChanged, this, [this](int index) {
        if (!m_following && m_group->hasVolume())
            m_group->setSliceIndex(m_axis, index);
    });
    connect(this, &ImageView::windowLevelChanged, this,
            [this](const WindowLevel& window) { m_userWindow = window; });
    connect(m_group, &MprViewGroup::volumeChanged, this, [this] {
        m_built = false;
        m_userWindow.reset();
        rebuild();
    });
    connect(m_group, &MprViewGroup::planesChanged, this, &MprView::followPlanes);
    connect(m_group, &MprViewGroup::centreChanged, this, &MprView::followCentre);
    connect(m_group, &MprViewGroup::volumeDataChanged, this, &MprView::onVolumeData);
    if (m_group->hasVolume())
        rebuild();
}

MprView::~MprView()
{
    QMutexLocker lock(&m_guard->mutex);
    m_guard->view = nullptr;
}

QColor MprView::planeColour(MprAxis axis)
{
    switch (axis) {
    case MprAxis::Coronal:
        return {110, 176, 80};
    case MprAxis::Sagittal:
        return {237, 213, 76};
    case MprAxis::Axial:
        break;
    }
    return {241, 96, 97};
}

QString MprView::planeName(MprAxis axis)
{
    switch (axis) {
    case MprAxis::Coronal:
        return tr("Coronal");
    case MprAxis::Sagittal:
        return tr("Sagittal");
    case MprAxis::Axial:
        break;
    }
    return tr("Axial");
}

void MprView::setSlab(double thicknessMm, SlabMode mode)
{
    thicknessMm = std::max(0.0, thicknessMm);
    if (thicknessMm == m_slabMm && mode == m_slabMode)
        return;
    m_slabMm = thicknessMm;
    m_slabMode = mode;
    rebuild(); // the slab is part of each frame's description
}

void MprView::setCrosshairVisible(bool visible)
{
    m_crosshairVisible = visible;
    updateOverlay();
}

QString MprView::seriesText() const
{
    const bool oblique = m_group->geometry().orientation(m_axis).rowDirection !=
                             defaultMprOrientation(m_axis).rowDirection ||
                         m_group->geometry().orientation(m_axis).columnDirection !=
                             defaultMprOrientation(m_axis).columnDirection;
    QString text = oblique ? tr("%1 (oblique)").arg(planeName(m_axis)) : planeName(m_axis);
    if (m_slabMode != SlabMode::None && m_slabMm > 0.0) {
        const QString mode = m_slabMode == SlabMode::Max   ? tr("MIP")
                             : m_slabMode == SlabMode::Min ? tr("MinIP")
                                                           : tr("Average");
        text = tr("%1, %2 %3 mm").arg(text, mode).arg(m_slabMm, 0, 'f', 1);
    }
    return text;
}

// The display set of this view's stack: one single-frame instance per slice, described like
// the series (patient, study, windows) with the slice's geometry and the volume's rescale.
DisplaySet MprView::stackDisplaySet() const
{
    const MprGeometry& g = m_group->geometry();
    const Volume& volume = *m_group->volume();
    const MprSlice first = g.slice(m_axis, 0);
    const InstanceInfo* model = m_group->source().frames.empty()
                                    ? nullptr
                                    : m_group->source().frames.front().instance.get();
    InstanceInfo base = model != nullptr ? *model : InstanceInfo{};
    base.source = tr("Reformat");
    base.localPath.clear();
    base.format = mprPixelFormat(volume, first.columns, first.rows);
    base.numberOfFrames = 1;
    base.palette.reset();
    base.series.description = seriesText();
    base.technique.sliceThickness =
        m_slabMode != SlabMode::None && m_slabMm > 0.0 ? m_slabMm : g.sliceSpacing(m_axis);
    FrameInfo frame;
    frame.rescale = volume.rescale();
    if (model != nullptr && !model->frames.empty())
        frame.windows = model->frames.front().windows;

    DisplaySet ds;
    ds.seriesInstanceUid = m_group->source().seriesInstanceUid;
    ds.format = base.format;
    ds.isSpatial = true;
    ds.normal = g.normal(m_axis);
    ds.sliceSpacing = g.sliceSpacing(m_axis);
    const int count = g.sliceCount(m_axis);
    ds.frames.reserve(static_cast<std::size_t>(count));
    // Unique per display set (a process-wide serial), so a measurement never lands on a slice
    // of another orientation. Not a DICOM UID: reformats are never stored.
    static quint64 serial = 0;
    const QString uidRoot = QStringLiteral("mpr.%1.").arg(++serial);
    for (int i = 0; i < count; ++i) {
        auto instance = std::make_shared<InstanceInfo>(base);
        instance->sopInstanceUid = uidRoot + QString::number(i + 1);
        instance->instanceNumber = i + 1;
        frame.plane = g.framePlane(m_axis, i);
        instance->technique.sliceLocation = g.slice(m_axis, i).centre.dot(ds.normal);
        instance->frames = {frame};
        ds.frames.push_back(FrameRef{std::move(instance), 0});
    }
    return ds;
}

void MprView::rebuild()
{
    ++m_generation;
    m_supplied.clear();
    if (!m_group->hasVolume()) {
        m_built = false;
        clear();
        return;
    }
    // A new display set resets the view: keep the user's zoom, pan and window across it.
    const ViewTransform::State state = transform().state();
    const bool keepView = m_built;
    const std::optional<WindowLevel> window = m_userWindow;
    m_shownOrientation = m_group->geometry().orientation(m_axis);
    m_following = true;
    setDisplaySet(stackDisplaySet(), true);
    setCurrentIndex(m_group->geometry().sliceIndex(m_axis));
    m_following = false;
    if (keepView)
        setTransformState(state);
    if (window)
        setWindowLevel(*window);
    m_built = true;
    schedule();
}

void MprView::followPlanes()
{
    const MprOrientation& now = m_group->geometry().orientation(m_axis);
    if (now.rowDirection != m_shownOrientation.rowDirection ||
        now.columnDirection != m_shownOrientation.columnDirection)
        rebuild();
}

void MprView::followCentre()
{
    if (!m_group->hasVolume() || !hasDisplaySet())
        return;
    m_following = true;
    setCurrentIndex(m_group->geometry().sliceIndex(m_axis));
    m_following = false;
    updateOverlay();
}

void MprView::onVolumeData()
{
    ++m_dataVersion;
    // Slices elsewhere are dropped and resliced when shown; the one on screen stays until its
    // new reslice replaces it.
    const QList<int> supplied = m_supplied.keys();
    for (int index : supplied) {
        if (index != currentIndex()) {
            frameSource().unsupply(index);
            m_supplied.remove(index);
        }
    }
    schedule();
}

void MprView::onFramesWanted(int /*index*/, int direction)
{
    if (direction != 0)
        m_direction = direction;
    schedule();
}

// Runs later, once: what is wanted is decided then, from the slice on screen at that time (a
// fast scroll asks for many slices; only the last one matters).
void MprView::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            if (m_jobRunning)
                return; // the running job schedules again when it delivers
            if (const auto next = nextSlice())
                startJob(*next);
        },
        Qt::QueuedConnection);
}

std::optional<int> MprView::nextSlice() const
{
    if (!m_group->hasVolume() || !hasDisplaySet())
        return std::nullopt;
    const int current = currentIndex();
    const auto fresh = m_supplied.constFind(current);
    if (fresh == m_supplied.cend() || *fresh < m_dataVersion)
        return current;
    for (int k = 1; k <= kPrefetch; ++k) {
        const int index = current + k * m_direction;
        if (index >= 0 && index < frameCount() && !m_supplied.contains(index))
            return index;
    }
    return std::nullopt;
}

void MprView::startJob(int index)
{
    m_jobRunning = true;
    const MprPlane plane = toMprPlane(m_group->geometry().slice(m_axis, index));
    QThreadPool::globalInstance()->start([guard = m_guard, volume = m_group->volume(),
                                          expected = m_group->expectedSlices(), plane,
                                          slab = m_slabMm, mode = m_slabMode, index,
                                          generation = m_generation, version = m_dataVersion] {
        auto image = std::make_shared<Result<PixelBuffer>>(
            resliceArrived(*volume, plane, slab, mode, expected ? *expected : std::vector<bool>{}));
        QMutexLocker lock(&guard->mutex);
        if (MprView* view = guard->view)
            QMetaObject::invokeMethod(
                view,
                [view, index, generation, version, image] {
                    view->deliver(index, generation, version, image);
                },
                Qt::QueuedConnection);
    });
}

void MprView::deliver(int index, quint64 generation, quint64 dataVersion,
                      const std::shared_ptr<Result<PixelBuffer>>& image)
{
    m_jobRunning = false;
    if (generation == m_generation && index < frameCount()) {
        m_supplied.insert(index, dataVersion);
        if (*image)
            frameSource().supply(index, std::make_shared<const PixelBuffer>(std::move(**image)));
        else
            frameSource().supplyError(index, image->error());
        if (index == currentIndex())
            emit resliced();
        pruneSupplied();
    }
    schedule();
}

// Bounds the memory lent to the frame source: slices far from the current one go.
void MprView::pruneSupplied()
{
    const QList<int> supplied = m_supplied.keys();
    for (int index : supplied) {
        if (std::abs(index - currentIndex()) > kKeepAround) {
            frameSource().unsupply(index);
            m_supplied.remove(index);
        }
    }
}

bool MprView::isSettled() const
{
    if (!m_group->hasVolume())
        return true;
    const auto fresh = m_supplied.constFind(currentIndex());
    return !m_jobRunning && !m_scheduled && fresh != m_supplied.cend() && *fresh >= m_dataVersion &&
           m_shownOrientation.rowDirection == m_group->geometry().orientation(m_axis).rowDirection;
}

} // namespace fenestra::viewer
