#pragma once

#include "core/dicommodel.h"
#include "core/vec3.h"

#include <QLineF>
#include <QPointF>

#include <array>

namespace fenestra::viewer {

class Volume;

// The three views of a multiplanar reconstruction.
enum class MprAxis
{
    Axial = 0,
    Coronal = 1,
    Sagittal = 2
};
inline constexpr int kMprAxisCount = 3;
inline constexpr std::array<MprAxis, 3> kMprAxes{MprAxis::Axial, MprAxis::Coronal,
                                                 MprAxis::Sagittal};

// The orientation of one MPR plane: unit, perpendicular row (screen right) and column (screen
// down) directions in patient coordinates (LPS), as in DICOM Image Orientation (Patient).
struct MprOrientation
{
    Vec3 rowDirection{1, 0, 0};
    Vec3 columnDirection{0, 1, 0};
    Vec3 normal() const { return rowDirection.cross(columnDirection); }
};

// One slice of a view's stack: a plane image of columns x rows pixels of pixelSpacing mm whose
// middle is `centre`; pixel (c, r) (indices) lies at
//   centre + (c - (columns - 1) / 2) * pixelSpacing * row + (r - (rows - 1) / 2) * ... * column
// (the layout of the reslicer's MprPlane, which MprView converts this to).
struct MprSlice
{
    Vec3 centre;
    MprOrientation orientation;
    double pixelSpacing = 1.0;
    int columns = 0;
    int rows = 0;
};

// The box of a volume's voxel centres in patient space and its sampling: all MprGeometry needs
// of a Volume, so it can also be built by hand in tests.
struct MprBounds
{
    std::array<Vec3, 8> corners{};   // patient positions of the 8 corner voxel centres
    Vec3 centre;                     // the middle of the voxel grid
    std::array<Vec3, 3> voxelAxes{}; // one voxel step along i, j and k, in mm (may be sheared)

    static MprBounds of(const Volume& volume);
};

// The state of a linked three-view MPR, in patient coordinates: three mutually perpendicular
// planes through a shared crosshair centre. Pure geometry over values; nothing here reads
// pixels.
//
// - Each view shows a stack of parallel slices along its normal, spaced one voxel step along
//   that normal (the slice spacing for an axial view of an axial series, also when gantry
//   tilted; never finer than the pixel spacing: see sliceSpacing), anchored at the
//   volume's outermost corner so an axis-aligned stack falls on the voxel centres; its images
//   cover the whole volume at the smallest voxel spacing. The view shows the slice nearest the
//   centre (sliceIndex).
// - Scrolling a view moves the centre along that view's normal; the other two views then show
//   different slices, their planes unchanged.
// - rotate(view, angle) turns the OTHER two planes about this view's normal through the centre:
//   on this view's screen the crosshair lines turn by `angle`, clockwise for a positive angle
//   (image y points down). Repeating it in another view gives double-oblique planes. The three
//   planes stay perpendicular and their orientations orthonormal.
// - The planes live in patient space: the acquisition's orientation (tilted, oblique) only
//   changes the bounds, never the axial/coronal/sagittal start orientations.
//
// Thread contract: a value type; reentrant.
class MprGeometry
{
public:
    MprGeometry() = default;
    explicit MprGeometry(const MprBounds& bounds);

    // Back to axial, coronal and sagittal planes through the volume centre.
    void reset();

    const MprBounds& bounds() const { return m_bounds; }
    Vec3 centre() const { return m_centre; }
    // Moves the crosshair centre, clamped into the volume's box (along each plane normal).
    void setCentre(Vec3 centre);
    const MprOrientation& orientation(MprAxis axis) const { return m_planes[index(axis)]; }
    Vec3 normal(MprAxis axis) const { return orientation(axis).normal(); }

    // Turns the two planes other than `axis` about normal(axis) through the centre, radians.
    void rotate(MprAxis axis, double radians);

    // The stack of `axis`: slice count and spacing, slice offsets along the normal.
    int sliceCount(MprAxis axis) const;
    double sliceSpacing(MprAxis axis) const; // mm along the normal
    double pixelSpacing() const;             // mm, every view, both directions
    int sliceIndex(MprAxis axis) const;      // the slice nearest the centre
    // Moves the centre along normal(axis) onto slice `index` (clamped).
    void setSliceIndex(MprAxis axis, int index);
    MprSlice slice(MprAxis axis, int index) const;

    // DICOM-like frame geometry of a slice (position of the first pixel centre, directions,
    // pixel spacing), so orientation markers, measurements in mm, the probe's patient position
    // and reference lines work on MPR images as on acquired ones.
    ImagePlane framePlane(MprAxis axis, int index) const;

    // Image coordinates (pixel (c, r) covers [c, c+1) x [r, r+1)) of the patient point p
    // projected on the slices of `axis`, and back (on slice `index`).
    QPointF imagePoint(MprAxis axis, Vec3 p) const;
    Vec3 patientPoint(MprAxis axis, int index, QPointF image) const;

    // The crosshair line of plane `other` on the images of `axis`: through the centre's image
    // point, along the two planes' intersection; p1 - p2 is a unit step in image pixels.
    // A null line for axis == other.
    QLineF crosshairLine(MprAxis axis, MprAxis other) const;

private:
    static std::size_t index(MprAxis axis) { return static_cast<std::size_t>(axis); }
    // Offsets along normal(axis) from the volume centre: of slice 0, and the stack's extent.
    double firstOffset(MprAxis axis) const;
    double halfExtent(Vec3 direction) const;
    Vec3 clamped(Vec3 centre) const;

    MprBounds m_bounds;
    std::array<MprOrientation, 3> m_planes{};
    Vec3 m_centre;
};

// The start orientation of each view: axial (rows to the patient's left, columns posterior),
// coronal (left, inferior), sagittal (posterior, inferior), as the reslicer's patient planes.
MprOrientation defaultMprOrientation(MprAxis axis);

} // namespace fenestra::viewer
