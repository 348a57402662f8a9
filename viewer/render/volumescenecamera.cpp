// VolumeScene's camera and geometry helpers.

#include "render/volumescene.h"

#include "render/volumescene_p.h"

#include <vtkCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fenestra::viewer {

namespace {

struct CameraPose
{
    Vec3 towardsCamera; // from the focal point to the camera
    Vec3 viewUp;
};

CameraPose pose(CameraPreset preset)
{
    // LPS: +x patient left, +y posterior, +z superior.
    switch (preset) {
    case CameraPreset::Anterior:
        return {{0, -1, 0}, {0, 0, 1}};
    case CameraPreset::Posterior:
        return {{0, 1, 0}, {0, 0, 1}};
    case CameraPreset::Left:
        return {{1, 0, 0}, {0, 0, 1}};
    case CameraPreset::Right:
        return {{-1, 0, 0}, {0, 0, 1}};
    case CameraPreset::Superior:
        return {{0, 0, 1}, {0, -1, 0}};
    case CameraPreset::Inferior:
        return {{0, 0, -1}, {0, -1, 0}};
    }
    return {{0, -1, 0}, {0, 0, 1}};
}

} // namespace

Vec3 VolumeScene::Private::centre() const
{
    if (!volume)
        return {};
    return volume->patientPosition((volume->columns() - 1) / 2.0, (volume->rows() - 1) / 2.0,
                                   (volume->slices() - 1) / 2.0);
}

double VolumeScene::Private::boundingRadius() const
{
    if (!volume)
        return 1.0;
    const Vec3 c = centre();
    double radius = 0.0;
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 p = volume->patientPosition((corner & 1) ? volume->columns() - 1 : 0,
                                               (corner & 2) ? volume->rows() - 1 : 0,
                                               (corner & 4) ? volume->slices() - 1 : 0);
        radius = std::max(radius, (p - c).length());
    }
    return radius > 0.0 ? radius : 1.0;
}

void VolumeScene::setCameraPreset(CameraPreset preset)
{
    vtkCamera* camera = d->renderer->GetActiveCamera();
    const CameraPose p = pose(preset);
    const Vec3 focal = d->centre();
    const double radius = d->boundingRadius();
    // Far enough for the whole bounding sphere to lie in front of the camera.
    const Vec3 position = focal + p.towardsCamera * (4.0 * radius);
    camera->ParallelProjectionOn();
    camera->SetFocalPoint(focal.x, focal.y, focal.z);
    camera->SetPosition(position.x, position.y, position.z);
    camera->SetViewUp(p.viewUp.x, p.viewUp.y, p.viewUp.z);
    camera->SetParallelScale(radius);
    camera->SetClippingRange(2.0 * radius, 6.0 * radius);
}

void VolumeScene::resetCamera()
{
    setCameraPreset(CameraPreset::Anterior);
}

void VolumeScene::rotateCamera(double azimuthDeg, double elevationDeg)
{
    vtkCamera* camera = d->renderer->GetActiveCamera();
    camera->Azimuth(azimuthDeg);
    camera->Elevation(elevationDeg);
    camera->OrthogonalizeViewUp();
    const double distance = camera->GetDistance();
    const double radius = d->boundingRadius();
    camera->SetClippingRange(std::max(1e-3, distance - 2.0 * radius), distance + 2.0 * radius);
}

void VolumeScene::zoomCamera(double factor)
{
    if (factor > 0.0)
        d->renderer->GetActiveCamera()->Zoom(factor);
}

void VolumeScene::panCamera(double dxMm, double dyMm)
{
    vtkCamera* camera = d->renderer->GetActiveCamera();
    double up[3];
    double direction[3];
    camera->GetViewUp(up);
    camera->GetDirectionOfProjection(direction);
    const Vec3 u{up[0], up[1], up[2]};
    const Vec3 right = Vec3{direction[0], direction[1], direction[2]}.cross(u).normalized();
    const Vec3 shift = right * dxMm + u * dyMm;
    double focal[3];
    double position[3];
    camera->GetFocalPoint(focal);
    camera->GetPosition(position);
    camera->SetFocalPoint(focal[0] + shift.x, focal[1] + shift.y, focal[2] + shift.z);
    camera->SetPosition(position[0] + shift.x, position[1] + shift.y, position[2] + shift.z);
}

double VolumeScene::viewHeightMm() const
{
    return 2.0 * d->renderer->GetActiveCamera()->GetParallelScale();
}

VoxelBox VolumeScene::voxelBoxForPatientBox(Vec3 low, Vec3 high) const
{
    if (!d->volume)
        return {0, 0, 0, 0, 0, 0};
    vtkNew<vtkMatrix4x4> toIndex;
    vtkMatrix4x4::Invert(detail::indexToPatientMatrix(*d->volume), toIndex);
    VoxelBox box = {std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                    std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                    std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
    for (int corner = 0; corner < 8; ++corner) {
        const double p[4] = {(corner & 1) ? high.x : low.x, (corner & 2) ? high.y : low.y,
                             (corner & 4) ? high.z : low.z, 1.0};
        double index[4];
        toIndex->MultiplyPoint(p, index);
        for (std::size_t a = 0; a < 3; ++a) {
            box[2 * a] = std::min(box[2 * a], index[a]);
            box[2 * a + 1] = std::max(box[2 * a + 1], index[a]);
        }
    }
    return box;
}

} // namespace fenestra::viewer
