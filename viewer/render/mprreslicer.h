#pragma once

#include "core/errors.h"
#include "core/pixelbuffer.h"
#include "core/vec3.h"
#include "core/volume.h"

namespace fenestra::viewer {

// A plane of a multiplanar reconstruction, in patient coordinates (LPS, mm). Output pixel
// (c, r) lies at
//   centre + (c - (columns - 1) / 2) * pixelSpacing * rowDirection
//          + (r - (rows - 1) / 2) * pixelSpacing * columnDirection
// so the centre is the middle of the image; rowDirection points along a row (to the right),
// columnDirection down a column, as in DICOM Image Orientation (Patient). The slab normal is
// rowDirection x columnDirection. Directions are unit vectors and perpendicular.
struct MprPlane
{
    Vec3 centre;
    Vec3 rowDirection{1, 0, 0};
    Vec3 columnDirection{0, 1, 0};
    double pixelSpacing = 1.0;
    int columns = 0;
    int rows = 0;

    Vec3 normal() const { return rowDirection.cross(columnDirection); }
    Vec3 pixelPosition(double column, double row) const
    {
        return centre + rowDirection * ((column - (columns - 1) / 2.0) * pixelSpacing) +
               columnDirection * ((row - (rows - 1) / 2.0) * pixelSpacing);
    }
};

// How the samples across a thick slab combine into one pixel.
enum class SlabMode
{
    None, // a thin slice
    Max,  // maximum intensity projection
    Min,  // minimum intensity projection
    Mean  // average
};

enum class MprInterpolation
{
    Linear,
    Nearest
};

// Resamples `volume` on `plane`: one frame of plane.columns x plane.rows stored values in the
// volume's native type (format: mprPixelFormat), so the 2D pipeline (renderFrame with the
// volume's rescale) displays it. The volume's buffer is read in place, never copied or
// converted to float. Points outside the volume read as the lowest value of the type (as the
// volume's gaps do).
//
// Thick slab (slabThicknessMm > 0 and mode != None): samples along the normal, centred on the
// plane, spaced at most one voxel step apart (for an axis-aligned plane: exactly the voxel
// spacing along the normal), N = ceil(thickness / step) of them spanning the thickness, are
// combined by `mode`. Fails with GeometryMismatch for an empty or degenerate plane or volume.
//
// Thread contract: reentrant; any thread. Slices of the volume written meanwhile (streaming)
// may show partly written data until the next call.
Result<PixelBuffer> reslice(const Volume& volume, const MprPlane& plane,
                            double slabThicknessMm = 0.0, SlabMode mode = SlabMode::None,
                            MprInterpolation interpolation = MprInterpolation::Linear);

// The single-frame layout of a reslice of `volume`: MONOCHROME2, the volume's scalar type.
PixelFormat mprPixelFormat(const Volume& volume, int columns, int rows);

// The patient position of the middle of the volume's voxel grid.
Vec3 volumeCentre(const Volume& volume);

// Patient-axis planes through the volume centre moved offsetMm along the plane normal, large
// enough to hold the whole volume at the volume's smallest spacing, with the usual radiological
// layout: axial (rows run to the patient's left, columns to posterior; normal +z, superior),
// coronal (left, then inferior; normal +y, posterior), sagittal (posterior, then inferior;
// normal -x, right). Any acquisition orientation works: the planes follow the patient axes.
MprPlane axialPlane(const Volume& volume, double offsetMm = 0.0);
MprPlane coronalPlane(const Volume& volume, double offsetMm = 0.0);
MprPlane sagittalPlane(const Volume& volume, double offsetMm = 0.0);

// For tests: whether the image data reslice() builds over `volume` reads the volume's own
// buffer (no copy).
bool mprInputSharesVolumeBuffer(const Volume& volume);

} // namespace fenestra::viewer
