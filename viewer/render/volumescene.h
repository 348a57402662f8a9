#pragma once

#include "core/vec3.h"
#include "core/volume.h"
#include "render/volumerender.h"
#include "view/transferfunction.h"

#include <array>
#include <memory>
#include <optional>

class vtkRenderer;

namespace fenestra::viewer {

// A box of the voxel grid in continuous voxel indices: {iMin, iMax, jMin, jMax, kMin, kMax}.
using VoxelBox = std::array<double, 6>;

// A clipping plane in patient coordinates (LPS, mm): what lies on the side `normal` points to
// is kept, the rest is cut away.
struct ClipPlane
{
    Vec3 origin;
    Vec3 normal{0, 0, 1};
};

// Where the camera stands, looking at the volume centre: anterior = in front of the patient
// (patient's right on the left of the view, superior up), posterior = behind; left/right = at
// the patient's left/right side (superior up); superior = above the head, inferior = below
// the feet (anterior up in both).
enum class CameraPreset
{
    Anterior,
    Posterior,
    Left,
    Right,
    Superior,
    Inferior
};

// The VTK scene of a 3D view of one volume, in a renderer it is given: a volume prop (ray
// casting for Composite, MIP and MinIP) or a surface (flying edges for Isosurface), in patient
// coordinates (world = LPS mm) through the volume's direction matrix.
//
// The volume's native 8/16-bit buffer is rendered in place: the image data wraps it (no copy,
// no float conversion) and transfer functions, given in modality values, are mapped to stored
// values through the rescale. Slices that have not arrived hold the lowest stored value
// (Volume's contract) and show as nothing: in Composite mode that value is always transparent,
// whatever the function's opacity at its low end. volumeUpdated() shows slices that arrived.
//
// The mapper: software OpenGL (llvmpipe, softpipe, SWR, the Software Rasterizer) runs VTK's
// GPU ray caster about ten times slower than its CPU ray caster, so setOpenGlRenderer() picks
// vtkFixedPointVolumeRayCastMapper there and vtkGPUVolumeRayCastMapper on a real GPU.
//
// Thread contract: GUI thread only (like its renderer). The volume must outlive the scene's
// use of it (the scene holds a shared_ptr); slices may be written by other threads meanwhile.
class VolumeScene
{
public:
    explicit VolumeScene(vtkRenderer* renderer);
    ~VolumeScene();
    VolumeScene(const VolumeScene&) = delete;
    VolumeScene& operator=(const VolumeScene&) = delete;

    // Shows `volume` (nullptr: nothing) and resets the camera to the anterior view.
    void setVolume(std::shared_ptr<const Volume> volume);
    const std::shared_ptr<const Volume>& volume() const;
    // Slices arrived (or changed): the next render reads the buffer again. Callers throttle.
    void volumeUpdated();

    void setMode(VolumeRenderMode mode);
    VolumeRenderMode mode() const;
    // The Composite mode's transfer function; relative ones are resolved over the volume's
    // value range. Mip and MinIp always use the "mip" preset's grey ramp.
    void setTransferFunction(const TransferFunction& function);
    const TransferFunction& transferFunction() const;
    void setIsoValue(double modalityValue);
    double isoValue() const;
    void setShading(bool on);
    bool shading() const;

    // Shows only what lies inside `box` (voxel indices); nullopt: the whole volume.
    void setCropBox(std::optional<VoxelBox> box);
    std::optional<VoxelBox> cropBox() const;
    // The voxel box that holds a patient-space box (corners `low`, `high`, LPS mm).
    VoxelBox voxelBoxForPatientBox(Vec3 low, Vec3 high) const;
    void setClipPlane(std::optional<ClipPlane> plane);
    std::optional<ClipPlane> clipPlane() const;

    // Coarser sampling while the user drags (fewer rays, longer steps), full quality otherwise.
    void setInteractive(bool interactive);
    bool interactive() const;

    // Picks the mapper for the OpenGL implementation named by GL_RENDERER.
    void setOpenGlRenderer(const QString& rendererString);
    // Forces a mapper (benchmarks, tests).
    void setMapperKind(VolumeMapperKind kind);
    VolumeMapperKind mapperKind() const;

    // Orthographic camera at `preset`, looking at the volume centre, the volume's bounding
    // sphere filling the view. resetCamera() = the anterior preset.
    void setCameraPreset(CameraPreset preset);
    void resetCamera();
    // Rotates the camera about the view-up axis (azimuth) and the horizontal screen axis
    // (elevation), around the focal point.
    void rotateCamera(double azimuthDeg, double elevationDeg);
    // factor > 1 magnifies.
    void zoomCamera(double factor);
    // Moves the camera and its focal point by (dx, dy) in view-plane millimetres.
    void panCamera(double dxMm, double dyMm);
    // The visible height of the view in millimetres (orthographic).
    double viewHeightMm() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace fenestra::viewer
