#include "render/volumescene.h"

#include "render/volumescene_p.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkClipPolyData.h>
#include <vtkColorTransferFunction.h>
#include <vtkFixedPointVolumeRayCastMapper.h>
#include <vtkFlyingEdges3D.h>
#include <vtkGPUVolumeRayCastMapper.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPlane.h>
#include <vtkPlanes.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <algorithm>
#include <cmath>

namespace fenestra::viewer {

namespace {

// Sample spacing along rays at full quality, in voxels of the finest spacing; interactive
// rendering doubles it and casts one ray per 2x2 pixels.
constexpr double kSampleStepVoxels = 0.5;
constexpr double kInteractiveImageSampleDistance = 2.0;
constexpr double kInteractiveSampleFactor = 2.0;

} // namespace

VolumeScene::Private::Private(vtkRenderer* r) : renderer(r)
{
    volumeProp->SetProperty(property);
    property->SetColor(colour);
    property->SetScalarOpacity(opacity);
    // Transfer-function opacities are per millimetre of ray (world units are mm).
    property->SetScalarOpacityUnitDistance(1.0);
    property->SetInterpolationTypeToLinear();
    surfaceActor->SetMapper(surfaceMapper);
    surfaceMapper->SetInputConnection(surfaceClip->GetOutputPort());
    surfaceMapper->ScalarVisibilityOff();
    surfaceClip->SetInputConnection(flyingEdges->GetOutputPort());
    surfaceClip->SetClipFunction(cropPlanes);
    surfaceClip->InsideOutOn(); // keep what is inside the box
    flyingEdges->ComputeNormalsOn();
    flyingEdges->ComputeGradientsOff();
    flyingEdges->ComputeScalarsOff();
    surfaceActor->GetProperty()->SetColor(0.95, 0.9, 0.8);
    surfaceActor->GetProperty()->SetSpecular(0.3);
    surfaceActor->GetProperty()->SetSpecularPower(20.0);
    renderer->GetActiveCamera()->ParallelProjectionOn();
}

VolumeScene::Private::~Private()
{
    renderer->RemoveVolume(volumeProp);
    renderer->RemoveActor(surfaceActor);
}

void VolumeScene::Private::buildMapper()
{
    if (mapperKind == VolumeMapperKind::CpuRayCast) {
        auto cpu = vtkSmartPointer<vtkFixedPointVolumeRayCastMapper>::New();
        cpu->AutoAdjustSampleDistancesOff();
        cpu->LockSampleDistanceToInputSpacingOff();
        mapper = cpu;
    } else {
        auto gpu = vtkSmartPointer<vtkGPUVolumeRayCastMapper>::New();
        gpu->AutoAdjustSampleDistancesOff();
        gpu->LockSampleDistanceToInputSpacingOff();
        mapper = gpu;
    }
    if (image)
        mapper->SetInputData(image);
    volumeProp->SetMapper(mapper);
}

double VolumeScene::Private::fullSampleDistance() const
{
    if (!volume)
        return 1.0;
    const double finest =
        std::min({volume->columnSpacing(), volume->rowSpacing(), volume->sliceSpacing()});
    return kSampleStepVoxels * finest;
}

void VolumeScene::Private::applyQuality()
{
    if (!mapper)
        return;
    const double sample = fullSampleDistance() * (interactive ? kInteractiveSampleFactor : 1.0);
    const double imageSample = interactive ? kInteractiveImageSampleDistance : 1.0;
    if (auto* cpu = vtkFixedPointVolumeRayCastMapper::SafeDownCast(mapper)) {
        cpu->SetSampleDistance(static_cast<float>(sample));
        cpu->SetImageSampleDistance(static_cast<float>(imageSample));
    } else if (auto* gpu = vtkGPUVolumeRayCastMapper::SafeDownCast(mapper)) {
        gpu->SetSampleDistance(static_cast<float>(sample));
        gpu->SetImageSampleDistance(static_cast<float>(imageSample));
    }
}

void VolumeScene::Private::applyBlendMode()
{
    switch (mode) {
    case VolumeRenderMode::Mip:
        mapper->SetBlendModeToMaximumIntensity();
        break;
    case VolumeRenderMode::MinIp:
        mapper->SetBlendModeToMinimumIntensity();
        break;
    case VolumeRenderMode::Composite:
    case VolumeRenderMode::Isosurface:
        mapper->SetBlendModeToComposite();
        break;
    }
}

TransferFunction VolumeScene::Private::effectiveFunction()
{
    const bool projection = mode == VolumeRenderMode::Mip || mode == VolumeRenderMode::MinIp;
    TransferFunction tf = projection ? *transferFunctionPreset(QStringLiteral("mip")) : function;
    if (!tf.relative || !volume)
        return tf;
    if (!valueRange)
        valueRange = volumeValueRange(*volume);
    return tf.resolved(valueRange->first, valueRange->second);
}

void VolumeScene::Private::applyTransferFunction()
{
    const TransferFunction tf = effectiveFunction();
    const bool projection = mode == VolumeRenderMode::Mip || mode == VolumeRenderMode::MinIp;
    colour->RemoveAllPoints();
    opacity->RemoveAllPoints();
    if (!volume)
        return;
    for (const ColourPoint& p : tf.colour)
        colour->AddRGBPoint(detail::storedFromModality(*volume, p.value), p.colour.redF(),
                            p.colour.greenF(), p.colour.blueF());
    for (const OpacityPoint& p : tf.opacity)
        opacity->AddPoint(detail::storedFromModality(*volume, p.value), p.opacity);
    // VTK extends the first point's opacity down to the lowest stored value, which is what
    // slices still to arrive (and gaps) hold: a function that is not transparent at its low
    // end would fill them with fog. Keep that value transparent; real data between it and the
    // curve's first point ramps up, so the loaded side of the boundary keeps its opacity.
    if (!projection && !tf.opacity.empty())
        opacity->AddPoint(detail::lowestStoredValue(*volume), 0.0);
    property->SetShade(shading && !projection);
    property->SetAmbient(tf.ambient);
    property->SetDiffuse(tf.diffuse);
    property->SetSpecular(tf.specular);
    property->SetSpecularPower(tf.specularPower);
}

void VolumeScene::Private::applyIsosurface()
{
    if (!volume)
        return;
    flyingEdges->SetValue(0, detail::storedFromModality(*volume, isoValue));
    surfaceActor->GetProperty()->SetInterpolationToGouraud();
    surfaceActor->GetProperty()->SetAmbient(shading ? 0.15 : 1.0);
    surfaceActor->GetProperty()->SetDiffuse(shading ? 0.85 : 0.0);
    surfaceActor->GetProperty()->SetSpecular(shading ? 0.3 : 0.0);
}

void VolumeScene::Private::applyCrop()
{
    if (!volume)
        return;
    const VoxelBox whole = {-0.5, volume->columns() - 0.5, -0.5, volume->rows() - 0.5,
                            -0.5, volume->slices() - 0.5};
    VoxelBox box = crop.value_or(whole);
    // The image's data coordinates are millimetres along the volume's axes.
    const double spacing[3] = {volume->columnSpacing(), volume->rowSpacing(),
                               volume->sliceSpacing()};
    for (std::size_t a = 0; a < 6; ++a)
        box[a] *= spacing[a / 2];
    if (mapper) {
        mapper->SetCropping(crop.has_value());
        mapper->SetCroppingRegionPlanes(box.data());
        mapper->SetCroppingRegionFlagsToSubVolume();
    }
    double bounds[6];
    std::copy(box.begin(), box.end(), bounds);
    cropPlanes->SetBounds(bounds);
}

void VolumeScene::Private::applyClipPlane()
{
    for (vtkAbstractMapper* m : {static_cast<vtkAbstractMapper*>(mapper.Get()),
                                 static_cast<vtkAbstractMapper*>(surfaceMapper.Get())}) {
        if (m == nullptr)
            continue;
        m->RemoveAllClippingPlanes();
        if (clip) {
            // vtkPlane keeps the side its normal points to.
            const Vec3 n = clip->normal.normalized();
            clipPlane->SetOrigin(clip->origin.x, clip->origin.y, clip->origin.z);
            clipPlane->SetNormal(n.x, n.y, n.z);
            m->AddClippingPlane(clipPlane);
        }
    }
}

void VolumeScene::Private::applyProps()
{
    renderer->RemoveVolume(volumeProp);
    renderer->RemoveActor(surfaceActor);
    if (!volume)
        return;
    if (mode == VolumeRenderMode::Isosurface) {
        renderer->AddActor(surfaceActor);
    } else {
        applyBlendMode();
        renderer->AddVolume(volumeProp);
    }
}

void VolumeScene::Private::applyAll()
{
    applyTransferFunction();
    applyIsosurface();
    applyQuality();
    applyCrop();
    applyClipPlane();
    applyProps();
}

VolumeScene::VolumeScene(vtkRenderer* renderer) : d(std::make_unique<Private>(renderer))
{
    d->buildMapper();
}

VolumeScene::~VolumeScene() = default;

void VolumeScene::setVolume(std::shared_ptr<const Volume> volume)
{
    d->volume = std::move(volume);
    d->valueRange.reset();
    d->crop.reset();
    d->image = d->volume ? detail::wrapVolumeImageWithSpacing(*d->volume) : nullptr;
    if (d->image) {
        const vtkSmartPointer<vtkMatrix4x4> matrix = detail::dataToPatientMatrix(*d->volume);
        d->volumeProp->SetUserMatrix(matrix);
        d->surfaceActor->SetUserMatrix(matrix);
        d->mapper->SetInputData(d->image);
        d->flyingEdges->SetInputData(d->image);
    } else {
        d->mapper->RemoveAllInputs();
        d->flyingEdges->RemoveAllInputs();
    }
    d->applyAll();
    resetCamera();
}

const std::shared_ptr<const Volume>& VolumeScene::volume() const
{
    return d->volume;
}

void VolumeScene::volumeUpdated()
{
    if (!d->image)
        return;
    d->image->GetPointData()->GetScalars()->Modified();
    d->image->Modified();
    if (d->valueRange && d->effectiveFunctionIsRelative()) {
        d->valueRange.reset();
        d->applyTransferFunction();
    }
}

bool VolumeScene::Private::effectiveFunctionIsRelative() const
{
    return mode == VolumeRenderMode::Mip || mode == VolumeRenderMode::MinIp || function.relative;
}

void VolumeScene::setMode(VolumeRenderMode mode)
{
    d->mode = mode;
    d->applyTransferFunction();
    d->applyProps();
}

VolumeRenderMode VolumeScene::mode() const
{
    return d->mode;
}

void VolumeScene::setTransferFunction(const TransferFunction& function)
{
    d->function = function;
    d->applyTransferFunction();
}

const TransferFunction& VolumeScene::transferFunction() const
{
    return d->function;
}

void VolumeScene::setIsoValue(double modalityValue)
{
    d->isoValue = modalityValue;
    d->applyIsosurface();
}

double VolumeScene::isoValue() const
{
    return d->isoValue;
}

void VolumeScene::setShading(bool on)
{
    d->shading = on;
    d->applyTransferFunction();
    d->applyIsosurface();
}

bool VolumeScene::shading() const
{
    return d->shading;
}

void VolumeScene::setCropBox(std::optional<VoxelBox> box)
{
    d->crop = box;
    d->applyCrop();
}

std::optional<VoxelBox> VolumeScene::cropBox() const
{
    return d->crop;
}

void VolumeScene::setClipPlane(std::optional<ClipPlane> plane)
{
    d->clip = plane;
    d->applyClipPlane();
}

std::optional<ClipPlane> VolumeScene::clipPlane() const
{
    return d->clip;
}

void VolumeScene::setInteractive(bool interactive)
{
    d->interactive = interactive;
    d->applyQuality();
}

bool VolumeScene::interactive() const
{
    return d->interactive;
}

void VolumeScene::setOpenGlRenderer(const QString& rendererString)
{
    setMapperKind(isSoftwareOpenGlRenderer(rendererString) ? VolumeMapperKind::CpuRayCast
                                                           : VolumeMapperKind::Gpu);
}

void VolumeScene::setMapperKind(VolumeMapperKind kind)
{
    if (kind == d->mapperKind && d->mapper)
        return;
    d->mapperKind = kind;
    d->buildMapper();
    d->applyAll();
}

VolumeMapperKind VolumeScene::mapperKind() const
{
    return d->mapperKind;
}

bool isSoftwareOpenGlRenderer(const QString& rendererString)
{
    for (const char* name : {"llvmpipe", "softpipe", "SWR", "Software Rasterizer"})
        if (rendererString.contains(QLatin1String(name), Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace fenestra::viewer
