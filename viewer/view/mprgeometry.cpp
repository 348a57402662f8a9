#include "mprgeometry.h"

#include "core/volume.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fenestra::viewer {

namespace {

// Rodrigues: v turned by `radians` about the unit axis k (right-handed).
Vec3 rotated(Vec3 v, Vec3 k, double radians)
{
    const double c = std::cos(radians);
    const double s = std::sin(radians);
    return v * c + k.cross(v) * s + k * (k.dot(v) * (1.0 - c));
}

// Row and column made exactly unit and perpendicular again (rotations accumulate rounding).
MprOrientation orthonormalised(MprOrientation o)
{
    o.rowDirection = o.rowDirection.normalized();
    o.columnDirection =
        (o.columnDirection - o.rowDirection * o.rowDirection.dot(o.columnDirection)).normalized();
    return o;
}

} // namespace

MprBounds MprBounds::of(const Volume& volume)
{
    MprBounds bounds;
    for (int corner = 0; corner < 8; ++corner)
        bounds.corners[static_cast<std::size_t>(corner)] = volume.patientPosition(
            (corner & 1) ? volume.columns() - 1 : 0, (corner & 2) ? volume.rows() - 1 : 0,
            (corner & 4) ? volume.slices() - 1 : 0);
    bounds.centre = volume.patientPosition((volume.columns() - 1) / 2.0, (volume.rows() - 1) / 2.0,
                                           (volume.slices() - 1) / 2.0);
    bounds.voxelAxes = {volume.rowDirection() * volume.columnSpacing(),
                        volume.columnDirection() * volume.rowSpacing(),
                        volume.sliceDirection() * volume.sliceSpacing()};
    return bounds;
}

MprOrientation defaultMprOrientation(MprAxis axis)
{
    switch (axis) {
    case MprAxis::Coronal:
        return {{1, 0, 0}, {0, 0, -1}};
    case MprAxis::Sagittal:
        return {{0, 1, 0}, {0, 0, -1}};
    case MprAxis::Axial:
        break;
    }
    return {{1, 0, 0}, {0, 1, 0}};
}

MprGeometry::MprGeometry(const MprBounds& bounds) : m_bounds(bounds)
{
    reset();
}

void MprGeometry::reset()
{
    for (MprAxis axis : kMprAxes)
        m_planes[index(axis)] = defaultMprOrientation(axis);
    m_centre = m_bounds.centre;
}

void MprGeometry::setCentre(Vec3 centre)
{
    m_centre = clamped(centre);
}

Vec3 MprGeometry::clamped(Vec3 centre) const
{
    // The normals are orthonormal: the centre is the volume centre plus one offset along each.
    Vec3 result = m_bounds.centre;
    for (MprAxis axis : kMprAxes) {
        const Vec3 n = normal(axis);
        const double first = firstOffset(axis);
        const double last = first + (sliceCount(axis) - 1) * sliceSpacing(axis);
        result = result + n * std::clamp((centre - m_bounds.centre).dot(n), first, last);
    }
    return result;
}

void MprGeometry::rotate(MprAxis axis, double radians)
{
    const Vec3 k = normal(axis).normalized();
    for (MprAxis other : kMprAxes) {
        if (other == axis)
            continue;
        MprOrientation& o = m_planes[index(other)];
        o = orthonormalised(
            {rotated(o.rowDirection, k, radians), rotated(o.columnDirection, k, radians)});
    }
    m_centre = clamped(m_centre);
}

double MprGeometry::pixelSpacing() const
{
    double spacing = m_bounds.voxelAxes[0].length();
    for (const Vec3& a : m_bounds.voxelAxes)
        spacing = std::min(spacing, a.length());
    return spacing > 0.0 ? spacing : 1.0;
}

double MprGeometry::sliceSpacing(MprAxis axis) const
{
    // The shortest voxel step along the normal among the voxel axes that cross it at more than
    // 10 degrees (an axis nearly in the plane only shifts samples within it: a gantry-tilted
    // axial series keeps its slice spacing), never finer than the pixel spacing (an oblique
    // acquisition's in-plane axes would give tiny steps).
    const Vec3 n = normal(axis);
    const double crossing = std::sin(10.0 * std::numbers::pi / 180.0);
    double step = 0.0;
    for (const Vec3& a : m_bounds.voxelAxes) {
        const double along = std::abs(a.dot(n));
        if (a.length() > 0.0 && along >= crossing * a.length())
            step = step > 0.0 ? std::min(step, along) : along;
    }
    return std::max(step, pixelSpacing());
}

double MprGeometry::halfExtent(Vec3 direction) const
{
    double extent = 0.0;
    for (const Vec3& corner : m_bounds.corners)
        extent = std::max(extent, std::abs((corner - m_bounds.centre).dot(direction)));
    return extent;
}

double MprGeometry::firstOffset(MprAxis axis) const
{
    return -halfExtent(normal(axis));
}

int MprGeometry::sliceCount(MprAxis axis) const
{
    const double extent = 2.0 * halfExtent(normal(axis));
    return static_cast<int>(std::floor(extent / sliceSpacing(axis) + 1e-6)) + 1;
}

int MprGeometry::sliceIndex(MprAxis axis) const
{
    const double along = (m_centre - m_bounds.centre).dot(normal(axis)) - firstOffset(axis);
    const int nearest = static_cast<int>(std::lround(along / sliceSpacing(axis)));
    return std::clamp(nearest, 0, sliceCount(axis) - 1);
}

void MprGeometry::setSliceIndex(MprAxis axis, int sliceIndex)
{
    const int i = std::clamp(sliceIndex, 0, sliceCount(axis) - 1);
    const Vec3 n = normal(axis);
    const double target = firstOffset(axis) + i * sliceSpacing(axis);
    m_centre = m_centre + n * (target - (m_centre - m_bounds.centre).dot(n));
}

MprSlice MprGeometry::slice(MprAxis axis, int sliceIndex) const
{
    MprSlice s;
    s.orientation = orientation(axis);
    s.pixelSpacing = pixelSpacing();
    s.centre =
        m_bounds.centre + normal(axis) * (firstOffset(axis) + sliceIndex * sliceSpacing(axis));
    // Pixel centres span the volume: where the plane runs along the voxel grid at the voxel
    // spacing, pixels fall on voxel centres.
    s.columns = static_cast<int>(
                    std::ceil(2 * halfExtent(s.orientation.rowDirection) / s.pixelSpacing - 1e-9)) +
                1;
    s.rows = static_cast<int>(
                 std::ceil(2 * halfExtent(s.orientation.columnDirection) / s.pixelSpacing - 1e-9)) +
             1;
    return s;
}

ImagePlane MprGeometry::framePlane(MprAxis axis, int sliceIndex) const
{
    const MprSlice s = slice(axis, sliceIndex);
    ImagePlane plane;
    plane.position = s.centre -
                     s.orientation.rowDirection * ((s.columns - 1) / 2.0 * s.pixelSpacing) -
                     s.orientation.columnDirection * ((s.rows - 1) / 2.0 * s.pixelSpacing);
    plane.rowDirection = s.orientation.rowDirection;
    plane.columnDirection = s.orientation.columnDirection;
    plane.rowSpacing = s.pixelSpacing;
    plane.columnSpacing = s.pixelSpacing;
    plane.hasPosition = true;
    plane.hasOrientation = true;
    plane.spacingSource = SpacingSource::PixelSpacing;
    return plane;
}

QPointF MprGeometry::imagePoint(MprAxis axis, Vec3 p) const
{
    const MprSlice s = slice(axis, 0);
    const Vec3 d = p - s.centre;
    return {d.dot(s.orientation.rowDirection) / s.pixelSpacing + (s.columns - 1) / 2.0 + 0.5,
            d.dot(s.orientation.columnDirection) / s.pixelSpacing + (s.rows - 1) / 2.0 + 0.5};
}

Vec3 MprGeometry::patientPoint(MprAxis axis, int sliceIndex, QPointF image) const
{
    const MprSlice s = slice(axis, sliceIndex);
    return s.centre +
           s.orientation.rowDirection *
               ((image.x() - 0.5 - (s.columns - 1) / 2.0) * s.pixelSpacing) +
           s.orientation.columnDirection *
               ((image.y() - 0.5 - (s.rows - 1) / 2.0) * s.pixelSpacing);
}

QLineF MprGeometry::crosshairLine(MprAxis axis, MprAxis other) const
{
    if (axis == other)
        return {};
    const MprOrientation& o = orientation(axis);
    const Vec3 along = normal(axis).cross(normal(other));
    const QPointF direction(along.dot(o.rowDirection), along.dot(o.columnDirection));
    const double length = std::hypot(direction.x(), direction.y());
    const QPointF p = imagePoint(axis, m_centre);
    return {p, length > 0.0 ? p + direction / length : p};
}

} // namespace fenestra::viewer
