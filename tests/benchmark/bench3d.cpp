// fenestra_bench_3d [CT_FOLDER] [--runs N]     (needs a display: run under xvfb-run)
// The 3D figures of issue 7 at a 512x512 view, each next to a reference measured in the same
// run, on whatever OpenGL the display offers (Xvfb: llvmpipe, software):
//   MPR scroll    frames per second stepping through every coronal and sagittal position and
//                 as many positions of an oblique plane (normal tilted 30 degrees from coronal
//                 towards superior, then 20 degrees towards left): reslice of the native 16-bit
//                 volume, windowed by the 2D pipeline (renderFrame), drawn by ImageViewport and
//                 swapped. Reference: vtkImageReslice + vtkImageActor (window/level on the
//                 GPU) in a 512x512 VTK window over the same volume, same positions.
//   VR rotate     frames per second turning the camera 5 degrees per frame (72 frames, ct-bone,
//                 shading on) with our CPU ray caster (vtkFixedPointVolumeRayCastMapper, what
//                 Fenestra picks on software OpenGL), interactive and full quality. Reference:
//                 vtkSmartVolumeMapper in its default mode (it picks the GPU ray caster, here on
//                 llvmpipe) with the same transfer function and camera.
//   first frame   time to the first full-quality 3D frame from a volume in memory, and from
//                 the files (import + load + render).
//   peak memory   VmHWM of a child process that loads a 512x512x600 volume (the demo CT's 300
//                 files listed twice, the copies moved 300 slices up: a real 600-slice load
//                 through loadVolume), reslices a coronal plane and renders one CPU ray cast
//                 frame unshaded, then one shaded; printed with the ratio to the volume's byte
//                 size and the high-water mark after each step.
// Without a folder, the demo CT (512x512x300) is generated into a temporary folder first.

#include "benchcommon.h"
#include "image/framerenderer.h"
#include "media/importer.h"
#include "media/volumeloader.h"
#include "render/imageviewport.h"
#include "render/mprreslicer.h"
#include "render/volumerender.h"
#include "render/vtkviewport.h"
#include "view/transferfunction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSurfaceFormat>
#include <QTextStream>

#include <vtkCamera.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkImageProperty.h>
#include <vtkImageReslice.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPiecewiseFunction.h>
#include <vtkPointData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkShortArray.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkUnsignedShortArray.h>
#include <vtkVolume.h>
#include <vtkVolumeProperty.h>

#include <cmath>
#include <functional>

using namespace fenestra;
using namespace fenestra::viewer;

namespace {

constexpr int kView = 512;

bool waitFor(const std::function<bool()>& done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

double seconds(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

// The first display set of the first series of an import.
const DisplaySet* firstDisplaySet(const std::vector<PatientNode>& tree)
{
    for (const PatientNode& p : tree)
        for (const StudyNode& st : p.studies)
            for (const SeriesNode& s : st.series)
                if (!s.displaySets.empty())
                    return &s.displaySets.front();
    return nullptr;
}

// The oblique normal of the benchmark: coronal tilted 30 degrees towards superior, then 20
// degrees towards the patient's left.
Vec3 obliqueNormal()
{
    const double a = 30 * M_PI / 180;
    const double b = 20 * M_PI / 180;
    return Vec3{std::sin(b), std::cos(b) * std::cos(a), std::cos(b) * std::sin(a)}.normalized();
}

MprPlane obliqueAt(const Volume& volume, double offset)
{
    // Coronal layout turned onto the oblique normal (up: superior).
    const Vec3 n = obliqueNormal();
    MprPlane plane = coronalPlane(volume, 0);
    plane.columnDirection = (n * n.z - Vec3{0, 0, 1}).normalized();
    plane.rowDirection = plane.columnDirection.cross(n).normalized();
    plane.centre = volumeCentre(volume) + n * offset;
    return plane;
}

// Every plane position of the scroll: coronal and sagittal at every voxel, oblique as many.
std::vector<MprPlane> scrollPlanes(const Volume& volume)
{
    std::vector<MprPlane> planes;
    const double halfRows = (volume.rows() - 1) / 2.0 * volume.rowSpacing();
    const double halfColumns = (volume.columns() - 1) / 2.0 * volume.columnSpacing();
    for (int j = 0; j < volume.rows(); ++j)
        planes.push_back(coronalPlane(volume, j * volume.rowSpacing() - halfRows));
    for (int i = 0; i < volume.columns(); ++i)
        planes.push_back(sagittalPlane(volume, halfColumns - i * volume.columnSpacing()));
    for (int i = 0; i < volume.rows(); ++i)
        planes.push_back(obliqueAt(volume, i * volume.rowSpacing() - halfRows));
    return planes;
}

InstanceInfo reformatInstance(const DisplaySet& ds, const Volume& volume, const MprPlane& plane)
{
    InstanceInfo info = *ds.frames.front().instance;
    info.format = mprPixelFormat(volume, plane.columns, plane.rows);
    info.numberOfFrames = 1;
    info.palette.reset();
    FrameInfo frame = ds.frames.front().info();
    frame.rescale = volume.rescale();
    info.frames = {frame};
    return info;
}

// Ours: reslice, window through the 2D pipeline, draw and swap, for every plane.
double mprScrollFps(const DisplaySet& ds, const Volume& volume, const std::vector<MprPlane>& planes)
{
    ImageViewport viewport;
    viewport.resize(kView, kView);
    viewport.show();
    waitFor([&] { return viewport.isVisible(); });
    int swaps = 0;
    QObject::connect(&viewport, &QOpenGLWidget::frameSwapped, &viewport, [&swaps] { ++swaps; });
    RenderOptions options;
    options.window = WindowLevel{40, 400};
    QElapsedTimer t;
    t.start();
    for (const MprPlane& plane : planes) {
        auto pixels = reslice(volume, plane);
        if (!pixels)
            return -1;
        const QImage image = renderFrame(reformatInstance(ds, volume, plane), *pixels, 0, options);
        const double scale =
            std::min(double(kView) / image.width(), double(kView) / image.height());
        viewport.setImage(image);
        viewport.setImageTransform(QTransform::fromScale(scale, scale));
        swaps = 0;
        viewport.update();
        if (!waitFor([&] { return swaps > 0; }))
            return -1;
    }
    return planes.size() / seconds(t);
}

// VTK's own image data over the volume's buffer (no copy), origin 0, the volume's spacing.
vtkSmartPointer<vtkImageData> wrapVolume(const Volume& volume)
{
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(volume.columns(), volume.rows(), volume.slices());
    image->SetSpacing(volume.columnSpacing(), volume.rowSpacing(), volume.sliceSpacing());
    const auto count = static_cast<vtkIdType>(volume.byteCount() / 2);
    auto* data = const_cast<std::byte*>(volume.data());
    if (volume.scalarType() == ScalarType::Int16) {
        vtkNew<vtkShortArray> array;
        array->SetArray(reinterpret_cast<short*>(data), count, 1);
        image->GetPointData()->SetScalars(array);
    } else {
        vtkNew<vtkUnsignedShortArray> array;
        array->SetArray(reinterpret_cast<unsigned short*>(data), count, 1);
        image->GetPointData()->SetScalars(array);
    }
    return image;
}

// Reference: vtkImageReslice + vtkImageActor, window/level in the actor's property. The demo
// volume is axial, so the plane axes in index space are the patient directions (scaled).
double vtkMprScrollFps(const Volume& volume, const std::vector<MprPlane>& planes)
{
    const vtkSmartPointer<vtkImageData> image = wrapVolume(volume);
    vtkNew<vtkImageReslice> reslice;
    reslice->SetInputData(image);
    reslice->SetOutputDimensionality(2);
    reslice->SetInterpolationModeToLinear();
    vtkNew<vtkImageActor> actor;
    actor->GetMapper()->SetInputConnection(reslice->GetOutputPort());
    const double offset = -volume.rescale().intercept / volume.rescale().slope;
    actor->GetProperty()->SetColorWindow(400 / volume.rescale().slope);
    actor->GetProperty()->SetColorLevel(40 / volume.rescale().slope + offset);
    vtkNew<vtkRenderer> renderer;
    renderer->AddActor(actor);
    vtkNew<vtkRenderWindow> window;
    window->SetSize(kView, kView);
    window->AddRenderer(renderer);
    const Vec3 origin = volume.origin();
    QElapsedTimer t;
    bool first = true;
    for (const MprPlane& plane : planes) {
        const Vec3 n = plane.normal();
        const Vec3 c = plane.centre - origin;
        vtkNew<vtkMatrix4x4> axes;
        for (int r = 0; r < 3; ++r) {
            const double row[3] = {plane.rowDirection.x, plane.rowDirection.y,
                                   plane.rowDirection.z};
            const double column[3] = {plane.columnDirection.x, plane.columnDirection.y,
                                      plane.columnDirection.z};
            const double normal[3] = {n.x, n.y, n.z};
            axes->SetElement(r, 0, row[r]);
            axes->SetElement(r, 1, column[r]);
            axes->SetElement(r, 2, normal[r]);
        }
        axes->SetElement(0, 3, c.x);
        axes->SetElement(1, 3, c.y);
        axes->SetElement(2, 3, c.z);
        reslice->SetResliceAxes(axes);
        reslice->SetOutputSpacing(plane.pixelSpacing, plane.pixelSpacing, 1);
        reslice->SetOutputExtent(0, plane.columns - 1, 0, plane.rows - 1, 0, 0);
        reslice->SetOutputOrigin(-(plane.columns - 1) / 2.0 * plane.pixelSpacing,
                                 -(plane.rows - 1) / 2.0 * plane.pixelSpacing, 0);
        if (first) {
            renderer->ResetCamera();
            window->Render();
            t.start();
            first = false;
        }
        window->Render();
    }
    window->WaitForCompletion();
    const double elapsed = seconds(t);
    window->Finalize();
    return (planes.size() - 1) / elapsed;
}

VolumeRenderOptions vrOptions(bool interactive, VolumeMapperKind mapper)
{
    VolumeRenderOptions options;
    options.mode = VolumeRenderMode::Composite;
    options.preset = QStringLiteral("ct-bone");
    options.size = QSize(kView, kView);
    options.interactiveQuality = interactive;
    options.mapper = mapper;
    return options;
}

constexpr int kRotationFrames = 72;

// Ours: 72 frames, 5 degrees apart, through one OffscreenVolumeRenderer (the scene built once).
double vrRotateFps(const std::shared_ptr<const Volume>& volume, bool interactive, QTextStream& err)
{
    OffscreenVolumeRenderer renderer(volume);
    VolumeRenderOptions options = vrOptions(interactive, VolumeMapperKind::CpuRayCast);
    if (!renderer.render(options)) // the scene and the window, not timed
        return -1;
    QElapsedTimer t;
    t.start();
    for (int f = 1; f <= kRotationFrames; ++f) {
        options.azimuthDeg = 5.0 * f;
        auto image = renderer.render(options);
        if (!image) {
            err << image.error().toString() << '\n';
            return -1;
        }
        if (f == kRotationFrames / 2)
            image->save(interactive ? QStringLiteral("/tmp/fen/shots/bench3d-vr-interactive.png")
                                    : QStringLiteral("/tmp/fen/shots/bench3d-vr-full.png"));
    }
    return kRotationFrames / seconds(t);
}

// Reference: vtkSmartVolumeMapper in its default mode, the same ct-bone function and camera.
double smartMapperRotateFps(const Volume& volume, bool interactive)
{
    const TransferFunction tf = *transferFunctionPreset(QStringLiteral("ct-bone"));
    const auto stored = [&](double hu) {
        return (hu - volume.rescale().intercept) / volume.rescale().slope;
    };
    vtkNew<vtkColorTransferFunction> colour;
    for (const ColourPoint& p : tf.colour)
        colour->AddRGBPoint(stored(p.value), p.colour.redF(), p.colour.greenF(), p.colour.blueF());
    vtkNew<vtkPiecewiseFunction> opacity;
    for (const OpacityPoint& p : tf.opacity)
        opacity->AddPoint(stored(p.value), p.opacity);
    vtkNew<vtkVolumeProperty> property;
    property->SetColor(colour);
    property->SetScalarOpacity(opacity);
    property->SetInterpolationTypeToLinear();
    property->ShadeOn();
    vtkNew<vtkSmartVolumeMapper> mapper;
    mapper->SetInputData(wrapVolume(volume));
    vtkNew<vtkVolume> actor;
    actor->SetMapper(mapper);
    actor->SetProperty(property);
    vtkNew<vtkRenderer> renderer;
    renderer->AddVolume(actor);
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(kView, kView);
    window->AddRenderer(renderer);
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->ParallelProjectionOn();
    // The axial demo volume: VTK's axes are the patient's. Anterior view, superior up.
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0, -1, 0);
    camera->SetViewUp(0, 0, 1);
    renderer->ResetCamera();
    // At or above the mapper's interactive update rate (1 by default) it samples coarser, as
    // while the user drags (the interactor's rate then is 15).
    window->SetDesiredUpdateRate(interactive ? 15.0 : 0.0001);
    window->Render();
    QElapsedTimer t;
    t.start();
    for (int f = 1; f <= kRotationFrames; ++f) {
        camera->Azimuth(5.0);
        window->Render();
    }
    window->WaitForCompletion();
    const double fps = kRotationFrames / seconds(t);
    window->Finalize();
    return fps;
}

double firstFrameMs(const std::shared_ptr<const Volume>& volume)
{
    QElapsedTimer t;
    t.start();
    OffscreenVolumeRenderer renderer(volume);
    VolumeRenderOptions options;
    options.size = QSize(kView, kView);
    return renderer.render(options) ? static_cast<double>(t.nsecsElapsed()) / 1e6 : -1;
}

double firstFrameFromFilesMs(const QString& folder)
{
    QElapsedTimer t;
    t.start();
    const ImportResult imported = importPaths({folder});
    const auto tree = imported.library.tree();
    const DisplaySet* ds = firstDisplaySet(tree);
    if (ds == nullptr)
        return -1;
    auto loaded = loadVolume(*ds);
    if (!loaded)
        return -1;
    OffscreenVolumeRenderer renderer(loaded->volume);
    VolumeRenderOptions options;
    options.size = QSize(kView, kView);
    return renderer.render(options) ? static_cast<double>(t.nsecsElapsed()) / 1e6 : -1;
}

// kB of a /proc/self/status field ("VmHWM"), or -1.
double statusKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').front().toDouble();
    return -1;
}

// The child of the peak-memory figure: the demo CT twice over, 600 slices.
int peakMemoryChild(const QString& folder, QTextStream& out)
{
    const double baseline = statusKb("VmHWM");
    const ImportResult imported = importPaths({folder});
    const auto tree = imported.library.tree();
    const DisplaySet* ds = firstDisplaySet(tree);
    if (ds == nullptr || !ds->isVolume())
        return 1;
    std::vector<std::shared_ptr<const InstanceInfo>> doubled;
    const double height = ds->sliceSpacing * static_cast<double>(ds->frames.size());
    for (const FrameRef& ref : ds->frames) {
        doubled.push_back(ref.instance);
        auto copy = std::make_shared<InstanceInfo>(*ref.instance);
        copy->sopInstanceUid += QStringLiteral(".2");
        for (FrameInfo& f : copy->frames)
            f.plane.position = f.plane.position + ds->normal * height;
        doubled.push_back(copy);
    }
    const std::vector<DisplaySet> sets = buildDisplaySets(doubled);
    if (sets.empty() || !sets.front().isVolume())
        return 1;
    auto loaded = loadVolume(sets.front());
    if (!loaded)
        return 1;
    const std::shared_ptr<const Volume> volume = loaded->volume;
    const double afterLoad = statusKb("VmHWM");
    const bool resliced = reslice(*volume, coronalPlane(*volume)).has_value();
    const double afterReslice = statusKb("VmHWM");
    // Unshaded first: shading makes the CPU ray caster keep gradient tables (3 bytes a voxel).
    OffscreenVolumeRenderer renderer(volume);
    VolumeRenderOptions unshaded = vrOptions(false, VolumeMapperKind::CpuRayCast);
    unshaded.shading = false;
    bool rendered = renderer.render(unshaded).has_value();
    const double afterUnshaded = statusKb("VmHWM");
    rendered = rendered && renderer.render(vrOptions(false, VolumeMapperKind::CpuRayCast));
    const double peak = statusKb("VmHWM");
    const double volumeMb = static_cast<double>(volume->byteCount()) / 1048576.0;
    out << QStringLiteral("peak memory, %1x%2x%3 volume (%4 MB of 16-bit voxels): VmHWM %5 MB "
                          "(%6 x the volume); before loading %7 MB, after loading %8 MB; "
                          "reslice %9, CPU ray cast frame %10\n")
               .arg(volume->columns())
               .arg(volume->rows())
               .arg(volume->slices())
               .arg(volumeMb, 0, 'f', 1)
               .arg(peak / 1024, 0, 'f', 1)
               .arg(peak / 1024 / volumeMb, 0, 'f', 2)
               .arg(baseline / 1024, 0, 'f', 1)
               .arg(afterLoad / 1024, 0, 'f', 1)
               .arg(resliced ? QStringLiteral("ok") : QStringLiteral("FAILED"))
               .arg(rendered ? QStringLiteral("ok") : QStringLiteral("FAILED"));
    out << QStringLiteral("  above the baseline: %1 x the volume; VmHWM after the reslice %2 MB, "
                          "after an unshaded frame %3 MB, after a shaded frame %4 MB\n")
               .arg((peak - baseline) / 1024 / volumeMb, 0, 'f', 2)
               .arg(afterReslice / 1024, 0, 'f', 1)
               .arg(afterUnshaded / 1024, 0, 'f', 1)
               .arg(peak / 1024, 0, 'f', 1);
    return resliced && rendered ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QSurfaceFormat::setDefaultFormat(VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.value(0) == QLatin1String("--peak-memory-child"))
        return peakMemoryChild(args.value(1), out);
    const auto arguments = bench::parseBenchArguments(args, "fenestra_bench_3d", err);
    if (!arguments)
        return 1;
    const QString folder = arguments->folder;
    out << "series folder: " << folder << '\n';

    const ImportResult imported = importPaths({folder});
    const auto tree = imported.library.tree();
    const DisplaySet* ds = firstDisplaySet(tree);
    if (ds == nullptr) {
        err << "no series in " << folder << '\n';
        return 1;
    }
    auto loaded = loadVolume(*ds);
    if (!loaded) {
        err << "cannot load the volume\n";
        return 1;
    }
    const std::shared_ptr<const Volume> volume = loaded->volume;
    out << QStringLiteral("volume %1x%2x%3\n")
               .arg(volume->columns())
               .arg(volume->rows())
               .arg(volume->slices());
    out.flush();

    const std::vector<MprPlane> planes = scrollPlanes(*volume);
    std::vector<double> ours, reference;
    for (int r = 0; r < arguments->runs; ++r) {
        ours.push_back(mprScrollFps(*ds, *volume, planes));
        reference.push_back(vtkMprScrollFps(*volume, planes));
        out << QStringLiteral("run %1: MPR scroll %2 fps, vtkImageReslice+vtkImageActor %3 fps\n")
                   .arg(r + 1)
                   .arg(ours.back(), 0, 'f', 1)
                   .arg(reference.back(), 0, 'f', 1);
        out.flush();
    }
    out << QStringLiteral("MPR scroll, %1 positions (coronal, sagittal, oblique) at %2x%2: %3 "
                          "fps; vtkImageReslice + vtkImageActor %4 fps; ratio %5\n")
               .arg(planes.size())
               .arg(kView)
               .arg(bench::median(ours), 0, 'f', 1)
               .arg(bench::median(reference), 0, 'f', 1)
               .arg(bench::median(ours) / bench::median(reference), 0, 'f', 2);
    out.flush();

    for (const bool interactive : {true, false}) {
        const double cpu = vrRotateFps(volume, interactive, err);
        const double smart = smartMapperRotateFps(*volume, interactive);
        out << QStringLiteral("VR rotate (%1 quality, %2 frames at %3x%3): CPU ray cast %4 fps; "
                              "vtkSmartVolumeMapper default %5 fps; ratio %6\n")
                   .arg(interactive ? QStringLiteral("interactive") : QStringLiteral("full"))
                   .arg(kRotationFrames)
                   .arg(kView)
                   .arg(cpu, 0, 'f', 2)
                   .arg(smart, 0, 'f', 2)
                   .arg(cpu / smart, 0, 'f', 2);
        out.flush();
    }
    {
        OffscreenVolumeRenderer probe(volume);
        probe.render(vrOptions(true, VolumeMapperKind::CpuRayCast));
        out << "OpenGL renderer: " << probe.openGlRenderer() << '\n';
    }

    std::vector<double> fromMemory, fromFiles;
    for (int r = 0; r < arguments->runs; ++r) {
        fromMemory.push_back(firstFrameMs(volume));
        fromFiles.push_back(firstFrameFromFilesMs(folder));
    }
    out << QStringLiteral("first 3D frame (median of %1): from the volume in memory %2 ms; from "
                          "the files %3 ms\n")
               .arg(arguments->runs)
               .arg(bench::median(fromMemory), 0, 'f', 1)
               .arg(bench::median(fromFiles), 0, 'f', 1);
    out.flush();

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--peak-memory-child"), folder});
    child.waitForFinished(-1);
    return child.exitCode();
}
