#pragma once

// Internal to viewer_render: VolumeScene's state, shared by its translation units.

#include "render/volumescene.h"
#include "render/volumevtk.h"

#include <vtkActor.h>
#include <vtkClipPolyData.h>
#include <vtkColorTransferFunction.h>
#include <vtkFlyingEdges3D.h>
#include <vtkNew.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlane.h>
#include <vtkPlanes.h>
#include <vtkPolyDataMapper.h>
#include <vtkSmartPointer.h>
#include <vtkVolume.h>
#include <vtkVolumeMapper.h>
#include <vtkVolumeProperty.h>

class vtkRenderer;

namespace fenestra::viewer {

struct VolumeScene::Private
{
    explicit Private(vtkRenderer* renderer);
    ~Private();
    Private(const Private&) = delete;
    Private& operator=(const Private&) = delete;

    void buildMapper();
    double fullSampleDistance() const;
    void applyQuality();
    void applyBlendMode();
    TransferFunction effectiveFunction();
    bool effectiveFunctionIsRelative() const;
    void applyTransferFunction();
    void applyIsosurface();
    void applyCrop();
    void applyClipPlane();
    void applyProps();
    void applyAll();
    // Radius of the sphere around the volume's voxel centres, and its centre (patient mm).
    double boundingRadius() const;
    Vec3 centre() const;

    vtkRenderer* renderer;
    std::shared_ptr<const Volume> volume;
    vtkSmartPointer<vtkImageData> image;
    std::optional<std::pair<double, double>> valueRange; // modality values, computed lazily

    VolumeRenderMode mode = VolumeRenderMode::Composite;
    TransferFunction function = *transferFunctionPreset(QStringLiteral("ct-bone"));
    double isoValue = 300.0;
    bool shading = true;
    bool interactive = false;
    std::optional<VoxelBox> crop;
    std::optional<ClipPlane> clip;
    VolumeMapperKind mapperKind = VolumeMapperKind::CpuRayCast;

    vtkNew<vtkVolume> volumeProp;
    vtkNew<vtkVolumeProperty> property;
    vtkNew<vtkColorTransferFunction> colour;
    vtkNew<vtkPiecewiseFunction> opacity;
    vtkSmartPointer<vtkVolumeMapper> mapper;
    vtkNew<vtkFlyingEdges3D> flyingEdges;
    vtkNew<vtkPlanes> cropPlanes;
    vtkNew<vtkClipPolyData> surfaceClip;
    vtkNew<vtkPolyDataMapper> surfaceMapper;
    vtkNew<vtkActor> surfaceActor;
    vtkNew<vtkPlane> clipPlane;
};

} // namespace fenestra::viewer
