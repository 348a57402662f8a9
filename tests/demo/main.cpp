// fenestra_demo: README command 1's main job. The test federation of issue 6 on 127.0.0.1
// (identity provider, consent registry, three policy-enforcing hospital archives), the window
// searching it with a signed-in demo doctor, and the first study found on screen. With
// --screenshot FILE: saves the window once the first image is shown and quits; otherwise runs
// until the window is closed (or SIGINT/SIGTERM). Every server stops on exit.

#include "federationdemo.h"
#include "gui/mainwindow.h"
#include "render/vtkviewport.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QScreen>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<bool> g_stopRequested{false};

extern "C" void requestStop(int)
{
    g_stopRequested = true;
}

// SIGINT/SIGTERM end the event loop normally, so that the servers are stopped, not orphaned.
void quitOnSignals(QObject* context)
{
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    auto* poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [] {
        if (g_stopRequested)
            QApplication::exit(130);
    });
    poll->start(200);
}

// What the display shows (read back from the window system), as the viewer's --screenshot.
void saveScreenshot(QWidget& window, const QString& file)
{
    QTimer::singleShot(
        300, &window, [&window, file] {
            const QPixmap shot = window.screen()->grabWindow(window.winId());
            if (!shot.save(file)) {
                QTextStream(stderr)
                    << QApplication::translate("FederationDemo", "demo: cannot save %1").arg(file)
                    << '\n';
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
}

} // namespace

int main(int argc, char* argv[])
{
    // The demo's own settings, cache and keyring lookups stay out of the user's profile.
    QTemporaryDir home;
    for (const char* variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        qputenv(variable, home.path().toLocal8Bit());
    // VTK renders into an OpenGL 3.2 core context: every widget context must be created so.
    QSurfaceFormat::setDefaultFormat(fenestra::viewer::VtkViewport::surfaceFormat());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fenestra demo"));
    fenestra::app::installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "FederationDemo", "Searches a demo patient across the test federation's hospitals."));
    parser.addHelpOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("FederationDemo",
                                "Save a screenshot once the first image is shown, and quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    fenestra::demo::FederationDemo demo;
    QObject::connect(&demo, &fenestra::demo::FederationDemo::failed, &app, [](const QString& why) {
        QTextStream(stderr) << "demo: " << why << '\n';
        QApplication::exit(1);
    });
    if (!demo.start()) {
        QTextStream(stderr) << "demo: " << demo.lastError() << '\n';
        return 1;
    }
    if (parser.isSet(screenshot))
        QObject::connect(
            &demo, &fenestra::demo::FederationDemo::imageShown, &app,
            [&demo, file = parser.value(screenshot)] { saveScreenshot(*demo.window(), file); });
    quitOnSignals(&app);
    const int result = QApplication::exec();
    QThreadPool::globalInstance()->waitForDone(); // no cache write outlives the cache
    return result;
}
