#include "exportcommand.h"

#include "export3d.h"

#include "dicom/dicomreader.h"
#include "image/framerenderer.h"
#include "media/importer.h"
#include "media/volumeloader.h"
#include "render/mprreslicer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QImage>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

const DisplaySet* findDisplaySet(const std::vector<PatientNode>& tree, const QString& seriesUid)
{
    for (const PatientNode& p : tree)
        for (const StudyNode& st : p.studies)
            for (const SeriesNode& s : st.series)
                if (s.info.instanceUid == seriesUid && !s.displaySets.empty())
                    return &s.displaySets.front();
    return nullptr;
}

std::optional<WindowLevel> parseWindow(const QString& text, bool& ok)
{
    ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const QStringList parts = text.split(QLatin1Char(','));
    bool okCenter = false;
    bool okWidth = false;
    const double center = parts.value(0).toDouble(&okCenter);
    const double width = parts.value(1).toDouble(&okWidth);
    ok = parts.size() == 2 && okCenter && okWidth && width > 0;
    return WindowLevel{center, width};
}

enum class PlaneKind
{
    None, // the series' own images (--frame)
    Axial,
    Coronal,
    Sagittal,
    Oblique // any normal (--normal), optional up direction (--up)
};

struct ExportRequest
{
    QStringList paths;
    QString seriesUid;
    int frame = 1;
    std::optional<WindowLevel> window;
    QString out;
    PlaneKind plane = PlaneKind::None;
    Vec3 normal;            // --plane oblique: the plane normal (unit), patient LPS
    std::optional<Vec3> up; // --plane oblique: towards the image top, when given (unit)
    double offsetMm = 0.0;
    double slabMm = 0.0;
    SlabMode slabMode = SlabMode::None;
    Export3dRequest view3d; // --3d or --stl
};

int writeImage(const QImage& image, const QString& out, QTextStream& err)
{
    if (image.isNull() || !image.save(out)) {
        err << ExportText::tr("fenestra export: cannot write %1").arg(out) << '\n';
        return 1;
    }
    return 0;
}

int renderImage(const ExportRequest& request, const DisplaySet& ds, QTextStream& err)
{
    if (request.frame < 1 || request.frame > static_cast<int>(ds.frames.size())) {
        err << ExportText::tr("fenestra export: image %1 out of range 1..%2")
                   .arg(request.frame)
                   .arg(ds.frames.size())
            << '\n';
        return 1;
    }
    const FrameRef& ref = ds.frames[static_cast<std::size_t>(request.frame - 1)];
    auto pixels = decodeDicomPixels(DicomSource{ref.instance->source, ref.instance->localPath, {}});
    if (!pixels) {
        err << ExportText::tr("fenestra export: %1: %2")
                   .arg(ref.instance->source, pixels.error().toString())
            << '\n';
        return 1;
    }
    RenderOptions options;
    options.window = request.window;
    return writeImage(renderFrame(*ref.instance, *pixels, ref.frame, options), request.out, err);
}

// The default up direction of an oblique plane: superior, as in coronal and sagittal views,
// unless the normal is closer to the patient's long axis than to the others; then anterior,
// as in axial views. With it, the normals of the three patient planes give exactly their
// radiological layouts.
Vec3 defaultUp(Vec3 normal)
{
    const bool axialLike = std::abs(normal.z) >= std::max(std::abs(normal.x), std::abs(normal.y));
    return axialLike ? Vec3{0, -1, 0} : Vec3{0, 0, 1};
}

// The oblique plane with unit normal `normal` through the volume centre moved offsetMm along
// it, seen looking along the normal, with `up` (not parallel to the normal) towards the top of
// the image: columnDirection = -(up without its normal part), rowDirection = columnDirection x
// normal. Like the patient planes, it holds the whole volume at its smallest spacing.
MprPlane obliquePlane(const Volume& volume, Vec3 normal, Vec3 up, double offsetMm)
{
    MprPlane plane;
    plane.columnDirection = (normal * up.dot(normal) - up).normalized();
    plane.rowDirection = plane.columnDirection.cross(normal).normalized();
    const Vec3 centre = volumeCentre(volume);
    plane.centre = centre + normal * offsetMm;
    plane.pixelSpacing =
        std::min({volume.columnSpacing(), volume.rowSpacing(), volume.sliceSpacing()});
    double halfWidth = 0.0;
    double halfHeight = 0.0;
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 p = volume.patientPosition((corner & 1) ? volume.columns() - 1 : 0,
                                              (corner & 2) ? volume.rows() - 1 : 0,
                                              (corner & 4) ? volume.slices() - 1 : 0);
        halfWidth = std::max(halfWidth, std::abs((p - centre).dot(plane.rowDirection)));
        halfHeight = std::max(halfHeight, std::abs((p - centre).dot(plane.columnDirection)));
    }
    plane.columns = static_cast<int>(std::ceil(2 * halfWidth / plane.pixelSpacing - 1e-9)) + 1;
    plane.rows = static_cast<int>(std::ceil(2 * halfHeight / plane.pixelSpacing - 1e-9)) + 1;
    return plane;
}

MprPlane planeOf(const Volume& volume, const ExportRequest& request)
{
    switch (request.plane) {
    case PlaneKind::Coronal:
        return coronalPlane(volume, request.offsetMm);
    case PlaneKind::Sagittal:
        return sagittalPlane(volume, request.offsetMm);
    case PlaneKind::Oblique:
        return obliquePlane(volume, request.normal, request.up.value_or(defaultUp(request.normal)),
                            request.offsetMm);
    case PlaneKind::None:
    case PlaneKind::Axial:
        break;
    }
    return axialPlane(volume, request.offsetMm);
}

// How far the volume's voxel centres reach from its centre along `normal`, in mm: offsets
// beyond it would cut nothing but air.
double halfExtentAlong(const Volume& volume, Vec3 normal)
{
    const Vec3 centre = volumeCentre(volume);
    double extent = 0.0;
    for (int corner = 0; corner < 8; ++corner) {
        const Vec3 p = volume.patientPosition((corner & 1) ? volume.columns() - 1 : 0,
                                              (corner & 2) ? volume.rows() - 1 : 0,
                                              (corner & 4) ? volume.slices() - 1 : 0);
        extent = std::max(extent, std::abs((p - centre).dot(normal)));
    }
    return extent;
}

// The reformat as one frame of the series: the first instance's description (windows, VOI
// LUT, padding, modality) with the reformat's layout, geometry and the volume's rescale, which
// loadVolume() converted every slice to.
InstanceInfo reformatInstance(const DisplaySet& ds, const Volume& volume, const MprPlane& plane)
{
    InstanceInfo info = *ds.frames.front().instance;
    const FrameInfo first = ds.frames.front().info();
    info.format = mprPixelFormat(volume, plane.columns, plane.rows);
    info.numberOfFrames = 1;
    info.palette.reset();
    FrameInfo frame;
    frame.plane.position = plane.pixelPosition(0, 0);
    frame.plane.rowDirection = plane.rowDirection;
    frame.plane.columnDirection = plane.columnDirection;
    frame.plane.rowSpacing = plane.pixelSpacing;
    frame.plane.columnSpacing = plane.pixelSpacing;
    frame.plane.hasPosition = true;
    frame.plane.hasOrientation = true;
    frame.plane.spacingSource = SpacingSource::PixelSpacing;
    frame.rescale = volume.rescale();
    frame.windows = first.windows;
    info.frames = {frame};
    return info;
}

// The series' volume for --plane, --3d and --stl, or nothing (the reason on `err`). Slices that
// failed to decode are listed on `err` and read as air.
std::optional<VolumeLoadResult> loadExportVolume(const ExportRequest& request, const DisplaySet& ds,
                                                 QTextStream& err)
{
    if (!ds.isVolume()) {
        err << (request.view3d.isSet()
                    ? ExportText::tr("fenestra export: series %1 is not a volume (it needs "
                                     "parallel, evenly spaced slices); it has no 3D view")
                    : ExportText::tr("fenestra export: series %1 is not a volume (it needs "
                                     "parallel, evenly spaced slices); --plane cannot reformat "
                                     "it"))
                   .arg(request.seriesUid)
            << '\n';
        return std::nullopt;
    }
    auto loaded = loadVolume(ds);
    if (!loaded) {
        err << ExportText::tr("fenestra export: %1").arg(loaded.error().toString()) << '\n';
        return std::nullopt;
    }
    for (const FileError& e : loaded->errors)
        err << ExportText::tr("fenestra export: %1: %2").arg(e.source, e.error.toString()) << '\n';
    return std::move(*loaded);
}

int renderReformat(const ExportRequest& request, const DisplaySet& ds, const Volume& volume,
                   QTextStream& err)
{
    const MprPlane plane = planeOf(volume, request);
    const double reach = halfExtentAlong(volume, plane.normal());
    if (std::abs(request.offsetMm) > reach + 1e-6) {
        err << ExportText::tr("fenestra export: offset %1 mm is outside the volume (-%2..%2 mm)")
                   .arg(request.offsetMm)
                   .arg(reach)
            << '\n';
        return 1;
    }
    auto pixels = reslice(volume, plane, request.slabMm, request.slabMode);
    if (!pixels) {
        err << ExportText::tr("fenestra export: %1").arg(pixels.error().toString()) << '\n';
        return 1;
    }
    RenderOptions options;
    options.window = request.window;
    const QImage image = renderFrame(reformatInstance(ds, volume, plane), *pixels, 0, options);
    return writeImage(image, request.out, err);
}

int renderFromVolume(const ExportRequest& request, const DisplaySet& ds, QTextStream& out,
                     QTextStream& err)
{
    const std::optional<VolumeLoadResult> loaded = loadExportVolume(request, ds, err);
    if (!loaded)
        return 1;
    const int written = request.view3d.isSet()
                            ? runExport3d(request.view3d, loaded->volume, request.out, out, err)
                            : renderReformat(request, ds, *loaded->volume, err);
    // Slices that failed to decode read as air: the output is written but incomplete.
    return written != 0 ? written : (loaded->errors.empty() ? 0 : 2);
}

int render(const ExportRequest& request, QTextStream& out, QTextStream& err)
{
    const ImportResult imported = importPaths(request.paths);
    const std::vector<PatientNode> tree = imported.library.tree();
    const DisplaySet* ds = findDisplaySet(tree, request.seriesUid);
    if (ds == nullptr) {
        err << ExportText::tr("fenestra export: no images of series %1").arg(request.seriesUid)
            << '\n';
        return 1;
    }
    if (request.plane == PlaneKind::None && !request.view3d.isSet())
        return renderImage(request, *ds, err);
    return renderFromVolume(request, *ds, out, err);
}

struct ExportOptions
{
    QCommandLineOption series{QStringLiteral("series"), ExportText::tr("Series Instance UID."),
                              QStringLiteral("uid")};
    QCommandLineOption frame{QStringLiteral("frame"),
                             ExportText::tr("Image number in display order, from 1."),
                             QStringLiteral("n"), QStringLiteral("1")};
    QCommandLineOption window{QStringLiteral("window"), ExportText::tr("Window center and width."),
                              QStringLiteral("center,width")};
    QCommandLineOption out{QStringLiteral("out"), ExportText::tr("Output image file."),
                           QStringLiteral("file")};
    QCommandLineOption plane{QStringLiteral("plane"),
                             ExportText::tr("Reformat the series' volume on a plane: "
                                            "axial, coronal, sagittal or oblique (with --normal)."),
                             QStringLiteral("plane")};
    QCommandLineOption offset{QStringLiteral("offset"),
                              ExportText::tr("Move the plane this far along its normal from the "
                                             "volume centre, in mm."),
                              QStringLiteral("mm"), QStringLiteral("0")};
    QCommandLineOption slab{QStringLiteral("slab"),
                            ExportText::tr("Thick slab of this thickness, in mm (needs "
                                           "--slab-mode)."),
                            QStringLiteral("mm")};
    QCommandLineOption slabMode{QStringLiteral("slab-mode"),
                                ExportText::tr("How the slab combines: max, min or mean."),
                                QStringLiteral("mode")};
    QCommandLineOption normal{QStringLiteral("normal"),
                              ExportText::tr("--plane oblique: the plane normal in patient "
                                             "coordinates (LPS), looked along."),
                              QStringLiteral("x,y,z")};
    QCommandLineOption up{QStringLiteral("up"),
                          ExportText::tr("--plane oblique: the direction towards the top of the "
                                         "image (default superior, or anterior for planes "
                                         "closer to axial)."),
                          QStringLiteral("x,y,z")};
    Export3dOptions view3d;
};

// "x,y,z" as a unit vector, or nothing for text that is not three finite numbers or a zero
// vector.
std::optional<Vec3> parseDirection(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 3)
        return std::nullopt;
    double values[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        values[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(values[i]))
            return std::nullopt;
    }
    const Vec3 v{values[0], values[1], values[2]};
    return v.length() > 1e-9 ? std::optional<Vec3>(v.normalized()) : std::nullopt;
}

// --normal and --up: the complaint, or an empty string.
QString parseOblique(const QCommandLineParser& parser, const ExportOptions& o,
                     ExportRequest& request)
{
    if (request.plane != PlaneKind::Oblique)
        return parser.isSet(o.normal) || parser.isSet(o.up)
                   ? ExportText::tr("fenestra export: --normal and --up need --plane oblique")
                   : QString();
    if (!parser.isSet(o.normal))
        return ExportText::tr("fenestra export: --plane oblique needs --normal x,y,z");
    const auto normal = parseDirection(parser.value(o.normal));
    if (!normal)
        return ExportText::tr("fenestra export: --normal needs a non-zero direction x,y,z, not "
                              "'%1'")
            .arg(parser.value(o.normal));
    request.normal = *normal;
    if (!parser.isSet(o.up))
        return {};
    const auto up = parseDirection(parser.value(o.up));
    if (!up)
        return ExportText::tr("fenestra export: --up needs a non-zero direction x,y,z, not '%1'")
            .arg(parser.value(o.up));
    // Within about 0.06 degrees of the normal, the image's vertical is undefined.
    if (up->cross(*normal).length() < 1e-3)
        return ExportText::tr("fenestra export: --up must not be parallel to --normal");
    request.up = *up;
    return {};
}

// The slab options' own complaint, or an empty string when they are valid. A thickness without
// a mode (or a mode without a thickness) is refused rather than silently ignored.
QString parseSlab(const QCommandLineParser& parser, const ExportOptions& o, ExportRequest& request)
{
    if (parser.isSet(o.slab) != parser.isSet(o.slabMode))
        return ExportText::tr("fenestra export: --slab and --slab-mode go together");
    if (!parser.isSet(o.slab))
        return {};
    bool ok = false;
    request.slabMm = parser.value(o.slab).toDouble(&ok);
    if (!ok || !std::isfinite(request.slabMm) || request.slabMm <= 0)
        return ExportText::tr("fenestra export: --slab needs a positive thickness in mm, not '%1'")
            .arg(parser.value(o.slab));
    const QString mode = parser.value(o.slabMode);
    static const std::pair<const char*, SlabMode> modes[] = {
        {"max", SlabMode::Max}, {"min", SlabMode::Min}, {"mean", SlabMode::Mean}};
    for (const auto& [name, value] : modes)
        if (mode == QLatin1String(name))
            request.slabMode = value;
    if (request.slabMode == SlabMode::None)
        return ExportText::tr("fenestra export: unknown slab mode '%1' (max, min or mean)")
            .arg(mode);
    return {};
}

// The reformat options' own complaint, or an empty string when they are valid.
QString parseReformat(const QCommandLineParser& parser, const ExportOptions& o,
                      ExportRequest& request)
{
    const bool reformatOnly =
        parser.isSet(o.offset) || parser.isSet(o.slab) || parser.isSet(o.slabMode);
    if (!parser.isSet(o.plane)) {
        if (reformatOnly)
            return ExportText::tr("fenestra export: --offset, --slab and --slab-mode need --plane");
        return parseOblique(parser, o, request);
    }
    const QString plane = parser.value(o.plane);
    static const std::pair<const char*, PlaneKind> planes[] = {{"axial", PlaneKind::Axial},
                                                               {"coronal", PlaneKind::Coronal},
                                                               {"sagittal", PlaneKind::Sagittal},
                                                               {"oblique", PlaneKind::Oblique}};
    for (const auto& [name, kind] : planes)
        if (plane == QLatin1String(name))
            request.plane = kind;
    if (request.plane == PlaneKind::None)
        return ExportText::tr("fenestra export: unknown plane '%1' (axial, coronal, sagittal or "
                              "oblique)")
            .arg(plane);
    if (parser.isSet(o.frame))
        return ExportText::tr("fenestra export: --frame and --plane exclude each other");
    bool ok = false;
    request.offsetMm = parser.value(o.offset).toDouble(&ok);
    if (!ok || !std::isfinite(request.offsetMm))
        return ExportText::tr("fenestra export: --offset needs a number of mm, not '%1'")
            .arg(parser.value(o.offset));
    if (const QString complaint = parseOblique(parser, o, request); !complaint.isEmpty())
        return complaint;
    return parseSlab(parser, o, request);
}

// The 3D options' own complaint (and their conflicts with the 2D ones), or an empty string.
QString parse3d(const QCommandLineParser& parser, const ExportOptions& o, ExportRequest& request)
{
    if (const QString complaint = parseExport3d(parser, o.view3d, request.view3d);
        !complaint.isEmpty())
        return complaint;
    if (!request.view3d.isSet())
        return {};
    const std::pair<const QCommandLineOption*, const char*> conflicts[] = {
        {&o.plane, "plane"}, {&o.frame, "frame"}, {&o.window, "window"}};
    for (const auto& [option, name] : conflicts)
        if (parser.isSet(*option))
            return ExportText::tr("fenestra export: --%1 does not go with --3d or --stl")
                .arg(QLatin1String(name));
    if (!request.view3d.stlPath.isEmpty() && parser.isSet(o.out))
        return ExportText::tr("fenestra export: --stl writes the mesh to its own file; leave out "
                              "--out");
    return export3dEnvironmentProblem(request.view3d);
}

int usageError(const QString& complaint, QTextStream& err)
{
    if (!complaint.isEmpty())
        err << complaint << '\n';
    err << ExportText::tr("usage: fenestra export PATH... --series UID [--frame N] "
                          "[--window CENTER,WIDTH] --out FILE.png")
        << '\n'
        << ExportText::tr("       fenestra export PATH... --series UID --plane "
                          "axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode "
                          "max|min|mean] [--window CENTER,WIDTH] --out FILE.png")
        << '\n'
        << ExportText::tr("       fenestra export PATH... --series UID --plane oblique --normal "
                          "X,Y,Z [--up X,Y,Z] [--offset MM] [...] --out FILE.png")
        << '\n'
        << ExportText::tr("       fenestra export PATH... --series UID --3d vr|mip|minip|surface "
                          "[--preset NAME] [--azimuth DEG] [--elevation DEG] [--zoom F] "
                          "[--size WxH] [--iso HU] --out FILE.png")
        << '\n'
        << ExportText::tr("       fenestra export PATH... --series UID --stl FILE.stl [--iso HU]")
        << '\n';
    return 1;
}

} // namespace

int runExportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExportText::tr("Render one image of a series, a reformat or a 3D view of its volume to "
                       "PNG or JPEG, or its isosurface to STL."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 ExportText::tr("Files, folders, DICOMDIR or zip archives."));
    const ExportOptions o;
    parser.addOptions({o.series, o.frame, o.window, o.out, o.plane, o.offset, o.slab, o.slabMode,
                       o.normal, o.up});
    parser.addOptions(o.view3d.all());
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);

    ExportRequest request;
    request.paths = parser.positionalArguments();
    request.seriesUid = parser.value(o.series);
    request.out = parser.value(o.out);
    bool frameOk = false;
    request.frame = parser.value(o.frame).toInt(&frameOk);
    bool windowOk = false;
    request.window = parseWindow(parser.value(o.window), windowOk);
    if (request.paths.isEmpty() || request.seriesUid.isEmpty() || !frameOk || !windowOk)
        return usageError({}, err);
    if (const QString complaint = parseReformat(parser, o, request); !complaint.isEmpty())
        return usageError(complaint, err);
    if (const QString complaint = parse3d(parser, o, request); !complaint.isEmpty())
        return usageError(complaint, err);
    // Every export but --stl writes an image.
    if (request.out.isEmpty() && request.view3d.stlPath.isEmpty())
        return usageError({}, err);
    return render(request, out, err);
}

} // namespace fenestra::app
