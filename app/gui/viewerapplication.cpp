#include "viewerapplication.h"

#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

namespace fenestra::app {

int runViewer(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fenestra"));
    QApplication::setOrganizationName(QStringLiteral("Fenestra"));
    installTranslations(app);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        MainWindow::tr("Files, folders, DICOMDIR or zip archives to open."));
    // For scripts and tests: save a picture of the window once the paths are open, then quit.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        MainWindow::tr("Save a screenshot of the window and quit."),
                                        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QObject::connect(&window, &MainWindow::opened, &window, [&window, file] {
            QTimer::singleShot(500, &window, [&window, file] {
                QApplication::exit(window.grab().save(file) ? 0 : 1);
            });
        });
    }
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    return QApplication::exec();
}

} // namespace fenestra::app
