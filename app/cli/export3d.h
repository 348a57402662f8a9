#pragma once

#include "core/volume.h"
#include "render/volumerender.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace fenestra::app {

// The 3D half of `fenestra export`:
//   --3d vr|mip|minip|surface [--preset NAME] [--azimuth DEG] [--elevation DEG] [--zoom F]
//        [--size WxH] [--iso HU] --out FILE.png   a rendering of the series' volume
//   --stl FILE [--iso HU]                         the isosurface at HU as binary STL (LPS, mm)
// The camera is the renderer's (viewer/render/volumerender.h): anterior view at azimuth and
// elevation 0, rotated about the patient's superior axis, then towards superior. --preset
// applies to vr (default ct-bone), --iso to surface and --stl (default 300 HU).

struct Export3dOptions
{
    QCommandLineOption view3d;
    QCommandLineOption preset;
    QCommandLineOption azimuth;
    QCommandLineOption elevation;
    QCommandLineOption zoom;
    QCommandLineOption size;
    QCommandLineOption iso;
    QCommandLineOption stl;

    Export3dOptions();
    QList<QCommandLineOption> all() const
    {
        return {view3d, preset, azimuth, elevation, zoom, size, iso, stl};
    }
};

struct Export3dRequest
{
    // A rendering to PNG (--3d) or a mesh (--stl); neither when the export is 2D.
    std::optional<viewer::VolumeRenderOptions> render;
    QString stlPath;
    double isoValueHu = 300.0;

    bool isSet() const { return render.has_value() || !stlPath.isEmpty(); }
};

// Reads the 3D options into `request`: the complaint (translated, "fenestra export: ..."), or
// an empty string when they are valid or absent. Options that need --3d (or --stl) without it
// are refused rather than ignored.
QString parseExport3d(const QCommandLineParser& parser, const Export3dOptions& options,
                      Export3dRequest& request);

// The complaint when this process cannot render 3D (no X display), else an empty string.
// Checked before the volume is loaded, so that a headless run fails at once.
QString export3dEnvironmentProblem(const Export3dRequest& request);

// Renders or meshes the loaded volume: writes `out` (PNG, --3d) or request.stlPath (--stl).
// Returns 0 written, 1 failed (the reason on `err`). Prints the mesh figures on `out` streams.
// Thread contract: main thread (VTK's X render windows).
int runExport3d(const Export3dRequest& request, const std::shared_ptr<const viewer::Volume>& volume,
                const QString& out, QTextStream& stdOut, QTextStream& err);

} // namespace fenestra::app
