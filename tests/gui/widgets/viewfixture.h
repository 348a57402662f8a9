#pragma once

// Shared by the ImageView GUI tests: the synthetic studies and their ground truth, a shown
// view, exact mouse input, and the PS3.3 window formula computed independently.

#include "core/displayset.h"
#include "media/importer.h"
#include "render/vtkviewport.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace fixture {

using namespace fenestra::viewer;

inline QString dataPath(const QString& relative)
{
    return QStringLiteral(FENESTRA_TEST_DATA "/") + relative;
}

inline QJsonObject manifest()
{
    QFile file(dataPath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QJsonObject ctSeries()
{
    return manifest()["studies"_L1]["ct"_L1]["series"_L1].toArray().at(0).toObject();
}

// [column, row, slice] of a named sphere, region centre or marker of the CT phantom.
struct Voxel
{
    int column = 0, row = 0, slice = 0;
};

inline Voxel voxelOf(const QJsonArray& v)
{
    return {v.at(0).toInt(), v.at(1).toInt(), v.at(2).toInt()};
}

// HU of a phantom voxel from the manifest, by name ("sphere_soft", "bone", "water", "air").
struct NamedVoxel
{
    Voxel voxel;
    double hu = 0;
};

inline NamedVoxel phantomVoxel(const QJsonObject& phantom, const QString& name)
{
    for (const QJsonValue& sphere : phantom["spheres"_L1].toArray())
        if (sphere["name"_L1].toString() == name)
            return {voxelOf(sphere["voxel"_L1].toArray()), sphere["hu"_L1].toDouble()};
    // Regions are cylinders given by their centre in mm: the voxel at their centre on the
    // slice of sphere_soft (inside every region's z range). Origin and spacing from the geometry.
    const QJsonObject geometry = ctSeries()["geometry"_L1].toObject();
    const double x0 = geometry["origin"_L1][0].toDouble(), y0 = geometry["origin"_L1][1].toDouble();
    const double spacing = geometry["pixel_spacing"_L1][0].toDouble();
    const Voxel soft = phantomVoxel(phantom, QStringLiteral("sphere_soft")).voxel;
    if (name == QLatin1String("air"))
        return {{10, 32, soft.slice}, phantom["background_hu"_L1].toDouble()}; // x -110 mm
    for (const QJsonValue& region : phantom["regions"_L1].toArray()) {
        if (region["name"_L1].toString() != name)
            continue;
        const double x = region["centre_xy"_L1][0].toDouble(),
                     y = region["centre_xy"_L1][1].toDouble();
        return {{static_cast<int>(std::lround((x - x0) / spacing)),
                 static_cast<int>(std::lround((y - y0) / spacing)), soft.slice},
                region["hu"_L1].toDouble()};
    }
    return {};
}

inline QPointF centreOf(const Voxel& v)
{
    return QPointF(v.column + 0.5, v.row + 0.5);
}

// The first display set of the first series found under `folder`, with the import kept alive.
inline DisplaySet loadDisplaySet(const QStringList& paths)
{
    const ImportResult result = importPaths(paths);
    const auto tree = result.library.tree();
    if (tree.empty() || tree[0].studies.empty() || tree[0].studies[0].series.empty() ||
        tree[0].studies[0].series[0].displaySets.empty())
        return {};
    return tree[0].studies[0].series[0].displaySets[0];
}

inline DisplaySet loadDisplaySet(const QString& folder)
{
    return loadDisplaySet(QStringList{dataPath(folder)});
}

// PS3.3 C.11.2.1.2.1, written out here rather than taken from the library.
inline int expectedGrey(double value, double center, double width)
{
    const double w = std::max(width, 1.0);
    if (value <= center - 0.5 - (w - 1.0) / 2.0)
        return 0;
    if (value > center - 0.5 + (w - 1.0) / 2.0)
        return 255;
    return static_cast<int>(std::lround(((value - (center - 0.5)) / (w - 1.0) + 0.5) * 255.0));
}

// A top-level window holding one view, shown and exposed.
struct ShownView
{
    std::unique_ptr<ImageView> view;

    explicit ShownView(QSize size = QSize(640, 640))
    {
        view = std::make_unique<ImageView>();
        view->resize(size);
        view->show();
    }
    bool exposed() { return QTest::qWaitForWindowExposed(view.get()); }
    // Opens a display set and waits until its current frame is on screen.
    bool open(const DisplaySet& displaySet)
    {
        QSignalSpy shown(view.get(), &ImageView::frameShown);
        view->setDisplaySet(displaySet);
        return waitShown(shown);
    }
    bool goTo(int index)
    {
        if (view->currentIndex() == index && view->isFrameReady(index))
            return true;
        QSignalSpy shown(view.get(), &ImageView::frameShown);
        view->setCurrentIndex(index);
        return waitShown(shown);
    }
    bool waitShown(QSignalSpy& shown)
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            if (view->centreMessage().isEmpty() && view->displayedGrey(QPointF(0.5, 0.5)) >= 0)
                return true;
            if (shown.isEmpty())
                shown.wait(100);
            else
                QCoreApplication::processEvents();
        }
        return false;
    }
    // The device pixel of the rendered image where an image point is shown.
    QPoint devicePixel(QPointF image) const
    {
        const QPointF widget = view->transform().toWidget(image) * view->devicePixelRatioF();
        return QPoint(static_cast<int>(std::floor(widget.x())),
                      static_cast<int>(std::floor(widget.y())));
    }
    QPointF widgetAt(QPointF image) const { return view->transform().toWidget(image); }
};

// Mouse events at exact (fractional) widget positions, as a pointing device delivers them.
inline void sendMouse(QWidget* widget, QEvent::Type type, QPointF position, Qt::MouseButton button,
                      Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, modifiers);
    QApplication::sendEvent(widget, &event);
}

inline void drag(QWidget* widget, QPointF from, QPointF to, Qt::MouseButton button = Qt::LeftButton)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, button, button);
    for (int i = 1; i <= 4; ++i)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * (i / 4.0), Qt::NoButton, button);
    sendMouse(widget, QEvent::MouseButtonRelease, to, button, Qt::NoButton);
}

inline void click(QWidget* widget, QPointF at)
{
    sendMouse(widget, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
}

inline void wheel(QWidget* widget, QPointF at, int notches, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

// The first number in a text ("Mean 100.0 HU ..." -> 100.0), NaN when there is none.
inline double firstNumber(const QString& text, int skip = 0)
{
    static const QRegularExpression number(QStringLiteral("-?\\d+(\\.\\d+)?"));
    auto it = number.globalMatch(text);
    for (int i = 0; it.hasNext(); ++i) {
        const auto match = it.next();
        if (i == skip)
            return match.captured().toDouble();
    }
    return std::nan("");
}

// Debian's VTK resolves OpenGL through GLEW built for GLX: keep Qt on GLX, not EGL.
inline void prepareApplication()
{
    if (!qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION"))
        qputenv("QT_XCB_GL_INTEGRATION", "xcb_glx");
    QSurfaceFormat::setDefaultFormat(VtkViewport::surfaceFormat());
}

// Saves a screenshot when FENESTRA_SCREENSHOT_DIR is set (for looking at by hand).
inline void saveScreenshot(const QImage& image, const QString& name)
{
    const QString dir = qEnvironmentVariable("FENESTRA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

} // namespace fixture

#define FENESTRA_GUI_TEST_MAIN(TestClass)                                                          \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        fixture::prepareApplication();                                                             \
        QApplication app(argc, argv);                                                              \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
