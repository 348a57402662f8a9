// fenestra_bench_view [CT_FOLDER] [--runs N]      (needs a display: run under xvfb-run)
// The 2D workstation's two figures, each next to a reference measured in the same run:
//   first image   time from MainWindow::openPaths() on the study folder to the first image on
//                 screen; reference: importPaths() alone (reading the headers, the floor of
//                 listing the study at all).
//   scroll        frames per second stepping through all slices of the series in a 512x512
//                 view, each frame decoded (cold pass) or cached (warm pass), windowed and drawn;
//                 reference: VTK's own vtkImageViewer2 stepping through the same slices of a
//                 volume already in memory (SetSlice + Render in a 512x512 render window).
// Without a folder, the demo CT (512x512x300) is generated into a temporary folder first.

#include "benchcommon.h"
#include "gui/mainwindow.h"
#include "media/importer.h"
#include "media/volumeloader.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QOpenGLWidget>
#include <QProcess>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTextStream>

#include <vtkImageData.h>
#include <vtkImageViewer2.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace fenestra;

namespace {

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

// Milliseconds from openPaths() to the first frameShown of the active view.
double firstImageMs(const QString& folder, const QString& settingsFile)
{
    app::Settings settings(settingsFile);
    QTemporaryDir annotations;
    app::MainWindow window(settings, annotations.path());
    window.resize(1280, 800);
    window.show();
    waitFor([&] { return window.isVisible(); });
    QCoreApplication::processEvents();
    bool shown = false;
    bool swapped = false;
    viewer::ImageView* view = window.activeView();
    QObject::connect(view, &viewer::ImageView::frameShown, &window, [&] {
        shown = true;
        swapped = false;
    });
    // On screen means composed and swapped, not just handed to the widget.
    QObject::connect(view->findChild<QOpenGLWidget*>(), &QOpenGLWidget::frameSwapped, &window,
                     [&swapped] { swapped = true; });
    QElapsedTimer t;
    t.start();
    window.openPaths({folder});
    if (!waitFor([&] { return shown && swapped; }))
        return -1;
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double importMs(const QString& folder)
{
    QElapsedTimer t;
    t.start();
    const viewer::ImportResult r = viewer::importPaths({folder});
    return r.library.instances().empty() ? -1 : static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// Frames per second stepping through every frame of the display set: each frame is decoded (or
// taken from the cache), windowed, drawn and swapped onto the screen before the next is asked.
double scrollFps(viewer::ImageView& view)
{
    auto* surface = view.findChild<QOpenGLWidget*>();
    if (surface == nullptr)
        return -1;
    const int count = view.frameCount();
    int shownIndex = -1;
    int swaps = 0;
    const auto shown = QObject::connect(&view, &viewer::ImageView::frameShown, &view, [&](int i) {
        shownIndex = i;
        swaps = 0;
    });
    const auto swapped =
        QObject::connect(surface, &QOpenGLWidget::frameSwapped, &view, [&swaps] { ++swaps; });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i) {
        view.setCurrentIndex(i);
        if (!waitFor([&] { return shownIndex == i && swaps > 0; }))
            return -1;
    }
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    QObject::disconnect(shown);
    QObject::disconnect(swapped);
    return count / seconds;
}

// vtkImageViewer2 over the same slices, already in memory as one vtkImageData.
double vtkScrollFps(const viewer::Volume& volume)
{
    vtkNew<vtkImageData> image;
    image->SetDimensions(volume.columns(), volume.rows(), volume.slices());
    image->AllocateScalars(
        volume.scalarType() == viewer::ScalarType::Int16 ? VTK_SHORT : VTK_UNSIGNED_SHORT, 1);
    std::memcpy(image->GetScalarPointer(), volume.data(), volume.byteCount());
    vtkNew<vtkImageViewer2> viewer;
    viewer->SetInputData(image);
    viewer->SetSize(512, 512);
    viewer->SetColorWindow(400);
    viewer->SetColorLevel(1024 + 40);
    viewer->SetSliceOrientationToXY();
    viewer->Render();
    QElapsedTimer t;
    t.start();
    for (int k = 0; k < volume.slices(); ++k) {
        viewer->SetSlice(k);
        viewer->Render();
    }
    viewer->GetRenderWindow()->WaitForCompletion();
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    viewer->GetRenderWindow()->Finalize();
    return volume.slices() / seconds;
}

} // namespace

int main(int argc, char* argv[])
{
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    const auto arguments = fenestra::bench::parseBenchArguments(args, "fenestra_bench_view", err);
    if (!arguments)
        return 1;
    const int runs = arguments->runs;
    const QString folder = arguments->folder;
    QTemporaryDir scratch;
    const QString settingsFile = scratch.filePath(QStringLiteral("settings.ini"));
    out << "series folder: " << QDir(folder).absolutePath() << '\n';

    std::vector<double> first, imports;
    for (int r = 0; r < runs; ++r) {
        imports.push_back(importMs(folder));
        first.push_back(firstImageMs(folder, settingsFile));
        out << QStringLiteral("run %1: import %2 ms, first image %3 ms\n")
                   .arg(r + 1)
                   .arg(imports.back(), 0, 'f', 1)
                   .arg(first.back(), 0, 'f', 1);
        out.flush();
    }

    const viewer::ImportResult imported = viewer::importPaths({folder});
    const auto tree = imported.library.tree();
    const viewer::DisplaySet& ds = tree.at(0).studies.at(0).series.at(0).displaySets.at(0);
    viewer::ImageView view;
    view.resize(512, 512);
    view.show();
    waitFor([&] { return view.isVisible(); });
    view.setDisplaySet(ds);
    const double cold = scrollFps(view);
    const double warm = scrollFps(view);
    auto volume = viewer::loadVolume(ds);
    if (!volume) {
        err << "cannot load the volume for the VTK reference\n";
        return 1;
    }
    const double reference = vtkScrollFps(*volume->volume);

    out << QStringLiteral("\nfirst image on screen (median of %1): %2 ms; import alone %3 ms; "
                          "ratio %4\n")
               .arg(runs)
               .arg(fenestra::bench::median(first), 0, 'f', 1)
               .arg(fenestra::bench::median(imports), 0, 'f', 1)
               .arg(fenestra::bench::median(first) / fenestra::bench::median(imports), 0, 'f', 2);
    out << QStringLiteral("scroll %1 frames at 512x512: cold (decode on demand) %2 fps, warm "
                          "(cached) %3 fps; vtkImageViewer2 (volume in memory) %4 fps; "
                          "warm/VTK %5, cold/VTK %6\n")
               .arg(ds.frames.size())
               .arg(cold, 0, 'f', 1)
               .arg(warm, 0, 'f', 1)
               .arg(reference, 0, 'f', 1)
               .arg(warm / reference, 0, 'f', 2)
               .arg(cold / reference, 0, 'f', 2);
    return 0;
}
