// The composition root: command-line tools for scripts, otherwise the viewer window.

#include "cli/exportcommand.h"
#include "cli/infocommand.h"
#include "gui/viewerapplication.h"
#include "translations.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char* argv[])
{
    if (argc > 1 && (std::strcmp(argv[1], "info") == 0 || std::strcmp(argv[1], "export") == 0)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("fenestra"));
        fenestra::app::installTranslations(app);
        QStringList arguments = QCoreApplication::arguments();
        const QString command = arguments.takeAt(1);
        return command == QLatin1String("info") ? fenestra::app::runInfoCommand(arguments)
                                                : fenestra::app::runExportCommand(arguments);
    }
    return fenestra::app::runViewer(argc, argv);
}
