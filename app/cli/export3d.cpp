#include "export3d.h"

#include "view/transferfunction.h"

#include <QCoreApplication>
#include <QImage>
#include <QRegularExpression>

#include <cmath>
#include <utility>

namespace fenestra::app {

using namespace fenestra::viewer;

namespace {

// The same translation context as exportcommand.cpp: one `fenestra export` for translators.
struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

// Largest accepted --size side: far above any screen, small enough that a typo (--size
// 51200x512) fails at once instead of asking the GPU for gigabytes.
constexpr int maxSide = 8192;

std::optional<VolumeRenderMode> parseMode(const QString& text)
{
    static const std::pair<const char*, VolumeRenderMode> modes[] = {
        {"vr", VolumeRenderMode::Composite},
        {"mip", VolumeRenderMode::Mip},
        {"minip", VolumeRenderMode::MinIp},
        {"surface", VolumeRenderMode::Isosurface}};
    for (const auto& [name, mode] : modes)
        if (text == QLatin1String(name))
            return mode;
    return std::nullopt;
}

std::optional<QSize> parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QSize size(m.captured(1).toInt(), m.captured(2).toInt());
    if (size.width() < 1 || size.height() < 1 || size.width() > maxSide || size.height() > maxSide)
        return std::nullopt;
    return size;
}

// A finite number, or nothing.
std::optional<double> parseNumber(const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// The camera and image options of --3d: the complaint, or an empty string.
QString parseView(const QCommandLineParser& parser, const Export3dOptions& o,
                  VolumeRenderOptions& render)
{
    const std::pair<const QCommandLineOption*, double*> angles[] = {
        {&o.azimuth, &render.azimuthDeg}, {&o.elevation, &render.elevationDeg}};
    for (const auto& [option, target] : angles) {
        const auto value = parseNumber(parser.value(*option));
        if (!value)
            return ExportText::tr("fenestra export: --%1 needs an angle in degrees, not '%2'")
                .arg(option->names().constFirst(), parser.value(*option));
        *target = *value;
    }
    const auto zoom = parseNumber(parser.value(o.zoom));
    if (!zoom || *zoom <= 0)
        return ExportText::tr("fenestra export: --zoom needs a positive factor, not '%1'")
            .arg(parser.value(o.zoom));
    render.zoom = *zoom;
    const auto size = parseSize(parser.value(o.size));
    if (!size)
        return ExportText::tr("fenestra export: --size needs WIDTHxHEIGHT in pixels (1..%1), "
                              "not '%2'")
            .arg(maxSide)
            .arg(parser.value(o.size));
    render.size = *size;
    return {};
}

// Options that only mean something with --3d: the first one given without it.
QString optionNeeding3d(const QCommandLineParser& parser, const Export3dOptions& o)
{
    for (const QCommandLineOption* option : {&o.preset, &o.azimuth, &o.elevation, &o.zoom, &o.size})
        if (parser.isSet(*option))
            return option->names().constFirst();
    return {};
}

} // namespace

Export3dOptions::Export3dOptions()
    : view3d(QStringLiteral("3d"),
             ExportText::tr("Render the series' volume in 3D: vr (volume rendering), mip, "
                            "minip or surface."),
             QStringLiteral("mode")),
      preset(QStringLiteral("preset"),
             ExportText::tr("Volume rendering preset: ct-bone, ct-soft-tissue, ct-vessels, "
                            "mr-default or mip."),
             QStringLiteral("name"), QStringLiteral("ct-bone")),
      azimuth(QStringLiteral("azimuth"),
              ExportText::tr("3D camera: degrees about the patient's superior axis from the "
                             "anterior view."),
              QStringLiteral("deg"), QStringLiteral("0")),
      elevation(QStringLiteral("elevation"), ExportText::tr("3D camera: degrees towards superior."),
                QStringLiteral("deg"), QStringLiteral("0")),
      zoom(QStringLiteral("zoom"),
           ExportText::tr("3D camera: magnification (1 shows the whole volume)."),
           QStringLiteral("factor"), QStringLiteral("1")),
      size(QStringLiteral("size"), ExportText::tr("3D image size in pixels."),
           QStringLiteral("WxH"), QStringLiteral("512x512")),
      iso(QStringLiteral("iso"),
          ExportText::tr("Isosurface value in HU (modality units), for --3d surface and --stl."),
          QStringLiteral("hu"), QStringLiteral("300")),
      stl(QStringLiteral("stl"),
          ExportText::tr("Write the isosurface at --iso as a binary STL mesh (patient "
                         "coordinates, mm) instead of an image."),
          QStringLiteral("file"))
{}

QString parseExport3d(const QCommandLineParser& parser, const Export3dOptions& o,
                      Export3dRequest& request)
{
    const bool view = parser.isSet(o.view3d);
    request.stlPath = parser.value(o.stl);
    if (view && parser.isSet(o.stl))
        return ExportText::tr("fenestra export: --3d and --stl exclude each other");
    if (!view) {
        if (const QString option = optionNeeding3d(parser, o); !option.isEmpty())
            return ExportText::tr("fenestra export: --%1 needs --3d").arg(option);
    }
    if (parser.isSet(o.iso)) {
        const auto iso = parseNumber(parser.value(o.iso));
        if (!iso)
            return ExportText::tr("fenestra export: --iso needs a value in HU, not '%1'")
                .arg(parser.value(o.iso));
        request.isoValueHu = *iso;
    }
    if (!view) {
        if (parser.isSet(o.iso) && request.stlPath.isEmpty())
            return ExportText::tr("fenestra export: --iso needs --3d surface or --stl");
        return {};
    }
    const auto mode = parseMode(parser.value(o.view3d));
    if (!mode)
        return ExportText::tr("fenestra export: unknown 3D mode '%1' (vr, mip, minip or surface)")
            .arg(parser.value(o.view3d));
    if (parser.isSet(o.preset) && *mode != VolumeRenderMode::Composite)
        return ExportText::tr("fenestra export: --preset needs --3d vr");
    if (parser.isSet(o.iso) && *mode != VolumeRenderMode::Isosurface)
        return ExportText::tr("fenestra export: --iso needs --3d surface or --stl");
    VolumeRenderOptions render;
    render.mode = *mode;
    render.preset = parser.value(o.preset);
    if (!transferFunctionPreset(render.preset)) {
        QStringList names;
        for (const TransferFunctionPreset& preset : transferFunctionPresets())
            names << QString::fromLatin1(preset.id);
        return ExportText::tr("fenestra export: unknown preset '%1' (%2)")
            .arg(render.preset, names.join(QStringLiteral(", ")));
    }
    render.isoValueHu = request.isoValueHu;
    if (const QString complaint = parseView(parser, o, render); !complaint.isEmpty())
        return complaint;
    request.render = render;
    return {};
}

QString export3dEnvironmentProblem(const Export3dRequest& request)
{
    // Debian's VTK draws through GLX only: without an X server there is no OpenGL context.
    if (request.render && qEnvironmentVariableIsEmpty("DISPLAY"))
        return ExportText::tr("fenestra export: --3d needs an X display (DISPLAY is not set); "
                              "run it under xvfb-run on a machine without one");
    return {};
}

int runExport3d(const Export3dRequest& request, const std::shared_ptr<const Volume>& volume,
                const QString& out, QTextStream& stdOut, QTextStream& err)
{
    if (request.render) {
        const Result<QImage> image = renderVolumeOffscreen(volume, *request.render);
        if (!image) {
            err << ExportText::tr("fenestra export: %1").arg(image.error().toString()) << '\n';
            return 1;
        }
        if (image->isNull() || !image->save(out)) {
            err << ExportText::tr("fenestra export: cannot write %1").arg(out) << '\n';
            return 1;
        }
        return 0;
    }
    const Result<IsosurfaceStats> mesh =
        exportIsosurfaceStl(*volume, request.isoValueHu, request.stlPath);
    if (!mesh) {
        err << ExportText::tr("fenestra export: %1").arg(mesh.error().toString()) << '\n';
        return 1;
    }
    stdOut << ExportText::tr("%1: %2 triangles, area %3 mm^2, enclosed volume %4 mm^3")
                  .arg(request.stlPath)
                  .arg(mesh->triangles)
                  .arg(mesh->areaMm2, 0, 'f', 1)
                  .arg(mesh->enclosedVolumeMm3, 0, 'f', 1)
           << '\n';
    return 0;
}

} // namespace fenestra::app
