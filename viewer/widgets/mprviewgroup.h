#pragma once

#include "core/displayset.h"
#include "core/volume.h"
#include "view/mprgeometry.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace fenestra::viewer {

// What the linked views of one MPR share: the volume (possibly still streaming in), the
// description of the series it came from, and the geometry (three planes, one crosshair
// centre). Views change the geometry through it and follow its signals.
//
// Thread contract: GUI thread only. The volume is read by the views' reslice jobs on a pool.
class MprViewGroup : public QObject
{
    Q_OBJECT
public:
    explicit MprViewGroup(QObject* parent = nullptr);

    // A new volume: the planes start axial/coronal/sagittal through its centre. `source` is
    // the display set it was built from (its first instance describes patient, study and
    // windows; its frames tell gaps from slices still to arrive).
    void setVolume(std::shared_ptr<const Volume> volume, const DisplaySet& source);
    void clear();
    bool hasVolume() const { return m_volume != nullptr; }
    const std::shared_ptr<const Volume>& volume() const { return m_volume; }
    const DisplaySet& source() const { return m_source; }
    // Shared with the reslice jobs: which slices the series fills (the rest are gaps).
    std::shared_ptr<const std::vector<bool>> expectedSlices() const { return m_expected; }

    const MprGeometry& geometry() const { return m_geometry; }
    void setCentre(Vec3 centre);
    void setSliceIndex(MprAxis axis, int index);
    void rotate(MprAxis axis, double radians);
    void reset();

    // Slices of the volume arrived: the views reslice again, at most every
    // kUpdateIntervalMs (the first arrival at once, then throttled).
    void volumeUpdated();
    static constexpr int kUpdateIntervalMs = 100;

signals:
    void volumeChanged();
    void centreChanged();
    void planesChanged(); // a rotation or reset: views whose plane turned rebuild
    void volumeDataChanged();

private:
    std::shared_ptr<const Volume> m_volume;
    DisplaySet m_source;
    std::shared_ptr<const std::vector<bool>> m_expected;
    MprGeometry m_geometry;
    QTimer m_throttle;
    bool m_updatePending = false;
};

} // namespace fenestra::viewer
