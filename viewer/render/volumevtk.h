#pragma once

// Internal to viewer_render: the VTK view of a Volume shared by the 3D scene, the isosurface
// export and the MPR reslice. Not a public header (it names VTK types).

#include "core/volume.h"

#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkSmartPointer.h>

#include <array>

namespace fenestra::viewer::detail {

// The volume as image data in index space (origin 0, spacing 1, no direction) over the
// volume's own buffer: no copy, native scalar type. VTK never frees or writes the buffer.
vtkSmartPointer<vtkImageData> wrapVolumeImage(const Volume& volume);

// The same image with the volume's spacing (origin still 0): data coordinates in mm along the
// volume's axes. Volume mappers shade correctly only under a rigid prop matrix.
vtkSmartPointer<vtkImageData> wrapVolumeImageWithSpacing(const Volume& volume);

// The affine matrix whose first three columns are `columns[0..2]` and whose translation is
// `columns[3]`: maps (a, b, c, 1) to a * columns[0] + b * columns[1] + c * columns[2] + columns[3].
vtkSmartPointer<vtkMatrix4x4> matrixFromColumns(const std::array<Vec3, 4>& columns);

// Maps data coordinates of wrapVolumeImageWithSpacing (mm along the volume's axes) to patient
// coordinates: a rotation and a translation.
vtkSmartPointer<vtkMatrix4x4> dataToPatientMatrix(const Volume& volume);

// Maps voxel indices (i, j, k, 1) to patient coordinates (LPS, mm).
vtkSmartPointer<vtkMatrix4x4> indexToPatientMatrix(const Volume& volume);

// Stored value of a modality value through the volume's rescale.
double storedFromModality(const Volume& volume, double modalityValue);

// The lowest value of the volume's stored type (0, -128 or -32768): what a slice reads until
// it arrives (Volume's contract), rendered as nothing.
double lowestStoredValue(const Volume& volume);

} // namespace fenestra::viewer::detail
