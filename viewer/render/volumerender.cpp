#include "render/volumerender.h"

#include "render/volumescene.h"

#include <QByteArray>

#include <vtkNew.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>

namespace fenestra::viewer {

namespace {

// VTK's X render window aborts the process when it cannot open the display, so try first, with
// Xlib loaded at run time (VTK already links it; we do not).
bool xDisplayReachable()
{
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0')
        return false;
    void* xlib = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
    if (xlib == nullptr)
        return false;
    using Open = void* (*)(const char*);
    using Close = int (*)(void*);
    const auto open = reinterpret_cast<Open>(dlsym(xlib, "XOpenDisplay"));
    const auto close = reinterpret_cast<Close>(dlsym(xlib, "XCloseDisplay"));
    bool reachable = false;
    if (open != nullptr && close != nullptr) {
        if (void* display = open(name)) {
            reachable = true;
            close(display);
        }
    }
    dlclose(xlib);
    return reachable;
}

// "OpenGL renderer string:  llvmpipe (LLVM ...)" in VTK's capability report.
QString rendererFromCapabilities(const char* report)
{
    const QString text = QString::fromUtf8(report != nullptr ? report : "");
    const QLatin1String key("OpenGL renderer string:");
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype end = text.indexOf(QLatin1Char('\n'), at);
    return text.mid(at + key.size(), end < 0 ? -1 : end - at - key.size()).trimmed();
}

void applyOptions(VolumeScene& scene, const VolumeRenderOptions& options,
                  const TransferFunction& function)
{
    scene.setMode(options.mode);
    scene.setTransferFunction(function);
    scene.setIsoValue(options.isoValueHu);
    scene.setShading(options.shading);
    scene.setInteractive(options.interactiveQuality);
    scene.resetCamera();
    scene.rotateCamera(options.azimuthDeg, options.elevationDeg);
    scene.zoomCamera(options.zoom);
}

} // namespace

struct OffscreenVolumeRenderer::Private
{
    std::shared_ptr<const Volume> volume;
    vtkSmartPointer<vtkRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    std::unique_ptr<VolumeScene> scene;
    QString openGlRenderer;
    VolumeMapperKind autoMapper = VolumeMapperKind::CpuRayCast;

    Result<void> ensureWindow();
    QImage readPixels() const;
};

Result<void> OffscreenVolumeRenderer::Private::ensureWindow()
{
    if (window)
        return {};
    if (!xDisplayReachable())
        return fail(ErrorCode::RenderFailed,
                    QStringLiteral("no X display for offscreen 3D rendering (VTK renders through "
                                   "GLX): set DISPLAY, e.g. run under xvfb-run"));
    window = vtkSmartPointer<vtkRenderWindow>::New();
    window->SetOffScreenRendering(1);
    window->SetShowWindow(false);
    window->SetMultiSamples(0);
    window->AddRenderer(renderer);
    renderer->SetBackground(0.0, 0.0, 0.0);
    auto* gl = vtkOpenGLRenderWindow::SafeDownCast(window);
    if (gl == nullptr)
        return fail(ErrorCode::RenderFailed, QStringLiteral("VTK has no OpenGL render window"));
    gl->Initialize();
    openGlRenderer = rendererFromCapabilities(gl->ReportCapabilities());
    autoMapper = isSoftwareOpenGlRenderer(openGlRenderer) || openGlRenderer.isEmpty()
                     ? VolumeMapperKind::CpuRayCast
                     : VolumeMapperKind::Gpu;
    scene = std::make_unique<VolumeScene>(renderer);
    scene->setMapperKind(autoMapper);
    scene->setVolume(volume);
    return {};
}

QImage OffscreenVolumeRenderer::Private::readPixels() const
{
    const int* size = window->GetSize();
    const int width = size[0];
    const int height = size[1];
    vtkNew<vtkUnsignedCharArray> pixels;
    window->GetRGBACharPixelData(0, 0, width - 1, height - 1, 0, pixels);
    QImage image(width, height, QImage::Format_RGB32);
    const unsigned char* source = pixels->GetPointer(0);
    for (int y = 0; y < height; ++y) {
        // VTK's rows run bottom-up.
        const unsigned char* row = source + static_cast<std::size_t>(height - 1 - y) * width * 4;
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            out[x] = qRgb(row[4 * x], row[4 * x + 1], row[4 * x + 2]);
    }
    return image;
}

OffscreenVolumeRenderer::OffscreenVolumeRenderer(std::shared_ptr<const Volume> volume)
    : d(std::make_unique<Private>())
{
    d->volume = std::move(volume);
}

OffscreenVolumeRenderer::~OffscreenVolumeRenderer()
{
    d->scene.reset();
    if (d->window)
        d->window->Finalize();
}

Result<QImage> OffscreenVolumeRenderer::render(const VolumeRenderOptions& options)
{
    if (!d->volume || d->volume->columns() < 1 || d->volume->rows() < 1 ||
        d->volume->slices() < 1 || d->volume->data() == nullptr)
        return fail(ErrorCode::GeometryMismatch, QStringLiteral("volume is empty"));
    if (options.size.width() < 1 || options.size.height() < 1)
        return fail(ErrorCode::GeometryMismatch, QStringLiteral("image size is empty"));
    const std::optional<TransferFunction> function = transferFunctionPreset(options.preset);
    if (!function)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown 3D preset \"%1\"").arg(options.preset));
    if (auto ready = d->ensureWindow(); !ready)
        return std::unexpected(ready.error());
    d->scene->setMapperKind(options.mapper.value_or(d->autoMapper));
    VolumeRenderOptions effective = options;
    // The "mip" preset is the MIP mode's grey ramp: choosing it means a MIP.
    if (options.preset == QLatin1String("mip") && options.mode == VolumeRenderMode::Composite)
        effective.mode = VolumeRenderMode::Mip;
    applyOptions(*d->scene, effective, *function);
    d->window->SetSize(options.size.width(), options.size.height());
    d->window->Render();
    return d->readPixels();
}

VolumeMapperKind OffscreenVolumeRenderer::mapperKind() const
{
    return d->scene ? d->scene->mapperKind() : VolumeMapperKind::CpuRayCast;
}

QString OffscreenVolumeRenderer::openGlRenderer() const
{
    return d->openGlRenderer;
}

Result<QImage> renderVolumeOffscreen(const std::shared_ptr<const Volume>& volume,
                                     const VolumeRenderOptions& options)
{
    OffscreenVolumeRenderer renderer(volume);
    return renderer.render(options);
}

} // namespace fenestra::viewer
