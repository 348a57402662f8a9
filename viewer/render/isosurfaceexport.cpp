// exportIsosurfaceStl: flying edges over the volume's native buffer, written as STL in patient
// coordinates.

#include "render/volumerender.h"
#include "render/volumevtk.h"

#include <QFile>
#include <QFileInfo>

#include <vtkCellArray.h>
#include <vtkFlyingEdges3D.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSTLWriter.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>
#include <vtkTriangleFilter.h>

#include <cmath>

namespace fenestra::viewer {

namespace {

IsosurfaceStats measure(vtkPolyData& surface)
{
    IsosurfaceStats stats{0, 0.0, 0.0};
    vtkPoints* points = surface.GetPoints();
    vtkCellArray* polys = surface.GetPolys();
    if (points == nullptr || polys == nullptr)
        return stats;
    // Signed volume by the divergence theorem: the sum of the tetrahedra from the origin to
    // each triangle. Its sign follows the winding; the magnitude is the enclosed volume.
    double signedVolume = 0.0;
    vtkIdType count = 0;
    const vtkIdType* ids = nullptr;
    polys->InitTraversal();
    while (polys->GetNextCell(count, ids)) {
        if (count != 3)
            continue;
        double a[3];
        double b[3];
        double c[3];
        points->GetPoint(ids[0], a);
        points->GetPoint(ids[1], b);
        points->GetPoint(ids[2], c);
        const Vec3 pa{a[0], a[1], a[2]};
        const Vec3 pb{b[0], b[1], b[2]};
        const Vec3 pc{c[0], c[1], c[2]};
        stats.areaMm2 += 0.5 * (pb - pa).cross(pc - pa).length();
        signedVolume += pa.dot(pb.cross(pc)) / 6.0;
        ++stats.triangles;
    }
    stats.enclosedVolumeMm3 = std::abs(signedVolume);
    return stats;
}

} // namespace

Result<IsosurfaceStats> exportIsosurfaceStl(const Volume& volume, double isoValueHu,
                                            const QString& path, bool binary)
{
    if (volume.columns() < 2 || volume.rows() < 2 || volume.slices() < 2 ||
        volume.data() == nullptr)
        return fail(ErrorCode::GeometryMismatch,
                    QStringLiteral("volume is too small for a surface (needs 2 voxels per axis)"));
    vtkNew<vtkFlyingEdges3D> flyingEdges;
    flyingEdges->SetInputData(detail::wrapVolumeImage(volume));
    flyingEdges->SetValue(0, detail::storedFromModality(volume, isoValueHu));
    flyingEdges->ComputeNormalsOff();
    flyingEdges->ComputeGradientsOff();
    flyingEdges->ComputeScalarsOff();

    vtkNew<vtkTransform> toPatient;
    toPatient->SetMatrix(detail::indexToPatientMatrix(volume));
    vtkNew<vtkTransformPolyDataFilter> transform;
    transform->SetInputConnection(flyingEdges->GetOutputPort());
    transform->SetTransform(toPatient);
    vtkNew<vtkTriangleFilter> triangles; // flying edges makes triangles; STL needs only them
    triangles->SetInputConnection(transform->GetOutputPort());
    triangles->PassVertsOff();
    triangles->PassLinesOff();
    triangles->Update();

    vtkPolyData* surface = triangles->GetOutput();
    const IsosurfaceStats stats = measure(*surface);
    if (stats.triangles == 0)
        return fail(ErrorCode::GeometryMismatch,
                    QStringLiteral("no surface at %1 in the volume").arg(isoValueHu));

    // vtkSTLWriter reports failures through VTK's error output only: check the file ourselves.
    QFile::remove(path);
    vtkNew<vtkSTLWriter> writer;
    writer->SetInputData(surface);
    writer->SetFileName(QFile::encodeName(path).constData());
    if (binary)
        writer->SetFileTypeToBinary();
    else
        writer->SetFileTypeToASCII();
    writer->SetHeader("Fenestra isosurface, patient coordinates (LPS, mm)");
    const int ok = writer->Write();
    const qint64 expected = 84 + 50 * stats.triangles;
    const QFileInfo written(path);
    if (ok != 1 || !written.exists() || (binary && written.size() != expected))
        return fail(ErrorCode::WriteFailed, QStringLiteral("cannot write STL file %1").arg(path));
    return stats;
}

} // namespace fenestra::viewer
