#include "exportcommand.h"

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
    Sagittal
};

struct ExportRequest
{
    QStringList paths;
    QString seriesUid;
    int frame = 1;
    std::optional<WindowLevel> window;
    QString out;
    PlaneKind plane = PlaneKind::None;
    double offsetMm = 0.0;
    double slabMm = 0.0;
    SlabMode slabMode = SlabMode::None;
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

MprPlane planeOf(const Volume& volume, PlaneKind kind, double offsetMm)
{
    switch (kind) {
    case PlaneKind::Coronal:
        return coronalPlane(volume, offsetMm);
    case PlaneKind::Sagittal:
        return sagittalPlane(volume, offsetMm);
    case PlaneKind::None:
    case PlaneKind::Axial:
        break;
    }
    return axialPlane(volume, offsetMm);
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

int renderReformat(const ExportRequest& request, const DisplaySet& ds, QTextStream& err)
{
    if (!ds.isVolume()) {
        err << ExportText::tr("fenestra export: series %1 is not a volume (it needs parallel, "
                              "evenly spaced slices); --plane cannot reformat it")
                   .arg(request.seriesUid)
            << '\n';
        return 1;
    }
    auto loaded = loadVolume(ds);
    if (!loaded) {
        err << ExportText::tr("fenestra export: %1").arg(loaded.error().toString()) << '\n';
        return 1;
    }
    for (const FileError& e : loaded->errors)
        err << ExportText::tr("fenestra export: %1: %2").arg(e.source, e.error.toString()) << '\n';
    const Volume& volume = *loaded->volume;
    const MprPlane plane = planeOf(volume, request.plane, request.offsetMm);
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
    const int written = writeImage(image, request.out, err);
    // Slices that failed to decode read as air: the image is written but incomplete.
    return written != 0 ? written : (loaded->errors.empty() ? 0 : 2);
}

int render(const ExportRequest& request, QTextStream& err)
{
    const ImportResult imported = importPaths(request.paths);
    const std::vector<PatientNode> tree = imported.library.tree();
    const DisplaySet* ds = findDisplaySet(tree, request.seriesUid);
    if (ds == nullptr) {
        err << ExportText::tr("fenestra export: no images of series %1").arg(request.seriesUid)
            << '\n';
        return 1;
    }
    return request.plane == PlaneKind::None ? renderImage(request, *ds, err)
                                            : renderReformat(request, *ds, err);
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
                             ExportText::tr("Reformat the series' volume on a patient plane: "
                                            "axial, coronal or sagittal."),
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
};

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
    if (!parser.isSet(o.plane))
        return reformatOnly ? ExportText::tr("fenestra export: --offset, --slab and --slab-mode "
                                             "need --plane")
                            : QString();
    const QString plane = parser.value(o.plane);
    static const std::pair<const char*, PlaneKind> planes[] = {{"axial", PlaneKind::Axial},
                                                               {"coronal", PlaneKind::Coronal},
                                                               {"sagittal", PlaneKind::Sagittal}};
    for (const auto& [name, kind] : planes)
        if (plane == QLatin1String(name))
            request.plane = kind;
    if (request.plane == PlaneKind::None)
        return ExportText::tr("fenestra export: unknown plane '%1' (axial, coronal or sagittal)")
            .arg(plane);
    if (parser.isSet(o.frame))
        return ExportText::tr("fenestra export: --frame and --plane exclude each other");
    bool ok = false;
    request.offsetMm = parser.value(o.offset).toDouble(&ok);
    if (!ok || !std::isfinite(request.offsetMm))
        return ExportText::tr("fenestra export: --offset needs a number of mm, not '%1'")
            .arg(parser.value(o.offset));
    return parseSlab(parser, o, request);
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
        << '\n';
    return 1;
}

} // namespace

int runExportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExportText::tr("Render one image of a series, or a reformat of its volume, to PNG or "
                       "JPEG."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 ExportText::tr("Files, folders, DICOMDIR or zip archives."));
    const ExportOptions o;
    parser.addOptions({o.series, o.frame, o.window, o.out, o.plane, o.offset, o.slab, o.slabMode});
    parser.process(arguments);
    QTextStream err(stderr);

    ExportRequest request;
    request.paths = parser.positionalArguments();
    request.seriesUid = parser.value(o.series);
    request.out = parser.value(o.out);
    bool frameOk = false;
    request.frame = parser.value(o.frame).toInt(&frameOk);
    bool windowOk = false;
    request.window = parseWindow(parser.value(o.window), windowOk);
    if (request.paths.isEmpty() || request.seriesUid.isEmpty() || request.out.isEmpty() ||
        !frameOk || !windowOk)
        return usageError({}, err);
    if (const QString complaint = parseReformat(parser, o, request); !complaint.isEmpty())
        return usageError(complaint, err);
    return render(request, err);
}

} // namespace fenestra::app
