#pragma once

#include "core/errors.h"
#include "core/volume.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace fenestra::viewer {

// How a volume becomes a picture.
enum class VolumeRenderMode
{
    Composite,  // ray casting with a transfer function (preset or edited)
    Mip,        // maximum intensity projection, grey
    MinIp,      // minimum intensity projection, grey
    Isosurface, // the surface at isoValueHu (flying edges), shaded
};

// The mapper a volume scene chose for the current OpenGL implementation.
enum class VolumeMapperKind
{
    CpuRayCast, // vtkFixedPointVolumeRayCastMapper: software OpenGL (llvmpipe, softpipe, ...)
    Gpu,        // vtkGPUVolumeRayCastMapper: a real GPU
};

// One offscreen rendering of a volume. The camera looks at the patient from the front
// (anterior view: patient's right on the left of the image, superior at the top), rotated by
// azimuthDeg about the patient's superior axis, then elevationDeg towards superior. zoom > 1
// magnifies. The projection is orthographic, scaled so that the volume's bounding sphere fills
// the view at zoom 1.
struct VolumeRenderOptions
{
    VolumeRenderMode mode = VolumeRenderMode::Composite;
    QString preset = "ct-bone"; // a TransferFunction preset id (Composite mode)
    double isoValueHu = 300;
    double azimuthDeg = 0, elevationDeg = 0;
    double zoom = 1.0;
    bool shading = true;
    QSize size{512, 512};
    bool interactiveQuality = false; // the coarser sampling used while the user drags
    // Forces a mapper (benchmarks); by default the one chosen for the OpenGL implementation.
    std::optional<VolumeMapperKind> mapper;
};

// Renders `volume` offscreen into an image of options.size (RGB32, opaque, black background).
// Debian's VTK renders through GLX only (no OSMesa, no EGL): this needs an X display
// ($DISPLAY, e.g. Xvfb) and fails with RenderFailed ("no X display ...") without one; unknown
// preset names fail with InvalidArgument, an empty volume with GeometryMismatch. The volume's
// buffer is rendered in place (no float copy); slices that have not arrived (they read as the
// lowest stored value) show as nothing.
//
// Thread contract: GUI thread (VTK's X render windows are not thread safe).
Result<QImage> renderVolumeOffscreen(const std::shared_ptr<const Volume>& volume,
                                     const VolumeRenderOptions& options);

// An offscreen render window kept for several renderings of one volume (benchmarks, several
// views in one export): the scene is built once, so each render() costs one frame only.
//
// Thread contract: GUI thread, like renderVolumeOffscreen.
class OffscreenVolumeRenderer
{
public:
    explicit OffscreenVolumeRenderer(std::shared_ptr<const Volume> volume);
    ~OffscreenVolumeRenderer();
    OffscreenVolumeRenderer(const OffscreenVolumeRenderer&) = delete;
    OffscreenVolumeRenderer& operator=(const OffscreenVolumeRenderer&) = delete;

    Result<QImage> render(const VolumeRenderOptions& options);
    // The mapper of the last render(); CpuRayCast before the first.
    VolumeMapperKind mapperKind() const;
    // GL_RENDERER of the offscreen context ("llvmpipe (LLVM 15.0.6, 256 bits)"); empty before
    // the first render().
    QString openGlRenderer() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The isosurface that exportIsosurfaceStl wrote.
struct IsosurfaceStats
{
    qint64 triangles;
    double areaMm2;
    double enclosedVolumeMm3;
};

// Extracts the surface at isoValueHu (modality value; mapped through the volume's rescale to
// stored values) with flying edges and writes it as STL in patient coordinates (LPS, mm):
// binary (80-byte header, triangle count, 50 bytes per triangle) or ASCII. The enclosed volume
// is that of the closed surface (divergence theorem); open surfaces (cut by the volume's edge)
// give an approximate figure. Fails with WriteFailed when the file cannot be written and
// GeometryMismatch when the volume is degenerate or the surface is empty.
//
// Thread contract: reentrant; any thread.
Result<IsosurfaceStats> exportIsosurfaceStl(const Volume& volume, double isoValueHu,
                                            const QString& path, bool binary = true);

// Whether an OpenGL renderer string (GL_RENDERER) names a software rasteriser.
bool isSoftwareOpenGlRenderer(const QString& rendererString);

} // namespace fenestra::viewer
