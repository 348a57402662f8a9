#include "viewerapplication.h"

#include "mainwindow.h"
#include "render/vtkviewport.h"
#include "settings.h"
#include "translations.h"
#include "widgets/imageview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTimer>

namespace fenestra::app {

namespace {

// For scripts and tests: once the paths are open and the first image is on screen, save a
// picture of the window and quit.
void screenshotWhenShown(MainWindow& window, const QString& file)
{
    auto save = [&window, file] {
        QTimer::singleShot(300, &window, [&window, file] {
            // What the display shows (read back from the window system), not a re-render.
            const QPixmap shot = window.screen()->grabWindow(window.winId());
            QApplication::exit(shot.save(file) ? 0 : 1);
        });
    };
    QObject::connect(&window, &MainWindow::opened, &window, [&window, save] {
        viewer::ImageView* view = window.activeView();
        if (view == nullptr || !view->hasDisplaySet() || view->isFrameReady(view->currentIndex())) {
            save();
            return;
        }
        QObject::connect(view, &viewer::ImageView::frameShown, &window, save,
                         Qt::SingleShotConnection);
    });
}

} // namespace

int runViewer(int argc, char* argv[])
{
    // VTK renders into an OpenGL 3.2 core context: every widget context must be created so.
    QSurfaceFormat::setDefaultFormat(viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fenestra"));
    QApplication::setOrganizationName(QStringLiteral("Fenestra"));
    QApplication::setApplicationVersion(QStringLiteral(FENESTRA_VERSION));
    installTranslations(app);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        MainWindow::tr("Files, folders, DICOMDIR or zip archives to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        MainWindow::tr("Save a screenshot of the window and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    MainWindow::tr("View layout: 1x1, 1x2, 2x1, 2x2 or 3x3."),
                                    QStringLiteral("rows x columns"));
    parser.addOption(screenshot);
    parser.addOption(layout);
    parser.process(app);

    Settings settings;
    MainWindow window(settings);
    if (parser.isSet(layout)) {
        const ViewLayout chosen = ViewLayout::parse(parser.value(layout));
        window.setViewLayout(chosen.rows, chosen.columns);
    }
    window.show();
    if (parser.isSet(screenshot))
        screenshotWhenShown(window, parser.value(screenshot));
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    return QApplication::exec();
}

} // namespace fenestra::app
