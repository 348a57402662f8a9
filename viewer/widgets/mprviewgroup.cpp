#include "mprviewgroup.h"

#include "mprviewreslice.h"

namespace fenestra::viewer {

MprViewGroup::MprViewGroup(QObject* parent) : QObject(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kUpdateIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (!m_updatePending)
            return;
        m_updatePending = false;
        m_throttle.start(); // the next arrival waits for the interval
        emit volumeDataChanged();
    });
}

void MprViewGroup::setVolume(std::shared_ptr<const Volume> volume, const DisplaySet& source)
{
    m_volume = std::move(volume);
    m_source = source;
    m_expected =
        m_volume
            ? std::make_shared<const std::vector<bool>>(viewer::expectedSlices(*m_volume, source))
            : nullptr;
    m_geometry = m_volume ? MprGeometry(MprBounds::of(*m_volume)) : MprGeometry();
    m_updatePending = false;
    m_throttle.stop();
    emit volumeChanged();
}

void MprViewGroup::clear()
{
    setVolume(nullptr, DisplaySet{});
}

void MprViewGroup::setCentre(Vec3 centre)
{
    if (!m_volume)
        return;
    m_geometry.setCentre(centre);
    emit centreChanged();
}

void MprViewGroup::setSliceIndex(MprAxis axis, int index)
{
    if (!m_volume)
        return;
    m_geometry.setSliceIndex(axis, index);
    emit centreChanged();
}

void MprViewGroup::rotate(MprAxis axis, double radians)
{
    if (!m_volume || radians == 0.0)
        return;
    m_geometry.rotate(axis, radians);
    emit planesChanged();
    emit centreChanged();
}

void MprViewGroup::reset()
{
    if (!m_volume)
        return;
    m_geometry.reset();
    emit planesChanged();
    emit centreChanged();
}

void MprViewGroup::volumeUpdated()
{
    if (!m_volume)
        return;
    m_updatePending = true;
    if (!m_throttle.isActive()) {
        m_updatePending = false;
        m_throttle.start();
        emit volumeDataChanged();
    }
}

} // namespace fenestra::viewer
