#include "viewerapplication.h"

#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fenestra::app {

namespace {

// Our own translation (compiled into the resources) and Qt's for standard dialogs.
void installTranslations(QApplication& app)
{
    auto* ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("fenestra"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int runViewer(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fenestra"));
    QApplication::setOrganizationName(QStringLiteral("Fenestra"));
    installTranslations(app);
    MainWindow window;
    window.show();
    const QStringList paths = QApplication::arguments().mid(1);
    if (!paths.isEmpty())
        window.openPaths(paths);
    return QApplication::exec();
}

} // namespace fenestra::app
