#include "render/volumevtk.h"

#include <vtkAOSDataArrayTemplate.h>
#include <vtkPointData.h>

#include <limits>

namespace fenestra::viewer::detail {

namespace {

template <class T> vtkSmartPointer<vtkDataArray> wrapScalars(const std::byte* data, vtkIdType count)
{
    auto array = vtkSmartPointer<vtkAOSDataArrayTemplate<T>>::New();
    array->SetNumberOfComponents(1);
    // VTK wants a mutable pointer, but mappers, filters and the MPR reslice only read their
    // input; save = 1: VTK never frees the volume's buffer.
    array->SetArray(reinterpret_cast<T*>(const_cast<std::byte*>(data)), count, 1);
    array->SetName("scalars");
    return array;
}

vtkSmartPointer<vtkDataArray> wrapVolumeScalars(const Volume& volume)
{
    const vtkIdType count = static_cast<vtkIdType>(volume.columns()) * volume.rows() *
                            static_cast<vtkIdType>(volume.slices());
    switch (volume.scalarType()) {
    case ScalarType::UInt8:
        return wrapScalars<unsigned char>(volume.data(), count);
    case ScalarType::Int8:
        return wrapScalars<signed char>(volume.data(), count);
    case ScalarType::UInt16:
        return wrapScalars<unsigned short>(volume.data(), count);
    case ScalarType::Int16:
        return wrapScalars<short>(volume.data(), count);
    }
    return nullptr;
}

} // namespace

vtkSmartPointer<vtkImageData> wrapVolumeImage(const Volume& volume)
{
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(volume.columns(), volume.rows(), volume.slices());
    image->GetPointData()->SetScalars(wrapVolumeScalars(volume));
    return image;
}

vtkSmartPointer<vtkImageData> wrapVolumeImageWithSpacing(const Volume& volume)
{
    vtkSmartPointer<vtkImageData> image = wrapVolumeImage(volume);
    image->SetSpacing(volume.columnSpacing(), volume.rowSpacing(), volume.sliceSpacing());
    return image;
}

vtkSmartPointer<vtkMatrix4x4> matrixFromColumns(const std::array<Vec3, 4>& columns)
{
    auto matrix = vtkSmartPointer<vtkMatrix4x4>::New();
    for (int c = 0; c < 4; ++c) {
        const Vec3& v = columns[static_cast<std::size_t>(c)];
        matrix->SetElement(0, c, v.x);
        matrix->SetElement(1, c, v.y);
        matrix->SetElement(2, c, v.z);
    }
    return matrix;
}

vtkSmartPointer<vtkMatrix4x4> dataToPatientMatrix(const Volume& volume)
{
    return matrixFromColumns({volume.rowDirection(), volume.columnDirection(),
                              volume.sliceDirection(), volume.origin()});
}

vtkSmartPointer<vtkMatrix4x4> indexToPatientMatrix(const Volume& volume)
{
    return matrixFromColumns({volume.rowDirection() * volume.columnSpacing(),
                              volume.columnDirection() * volume.rowSpacing(),
                              volume.sliceDirection() * volume.sliceSpacing(), volume.origin()});
}

double storedFromModality(const Volume& volume, double modalityValue)
{
    const Rescale& r = volume.rescale();
    const double slope = r.slope != 0.0 ? r.slope : 1.0;
    return (modalityValue - r.intercept) / slope;
}

double lowestStoredValue(const Volume& volume)
{
    switch (volume.scalarType()) {
    case ScalarType::UInt8:
    case ScalarType::UInt16:
        return 0.0;
    case ScalarType::Int8:
        return std::numeric_limits<qint8>::min();
    case ScalarType::Int16:
        return std::numeric_limits<qint16>::min();
    }
    return 0.0;
}

} // namespace fenestra::viewer::detail
