#include "translations.h"

#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fenestra::app {

namespace {

// Marks our translators among the application's children, so a language switch removes
// exactly those and no translator someone else installed.
const QString kTranslatorName = QStringLiteral("fenestra-language");

void installOne(QCoreApplication& app, const QLocale& locale, const QString& name,
                const QString& directory)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (translator->load(locale, name, QStringLiteral("_"), directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void installTranslations(QCoreApplication& app)
{
    setLanguage(app, Settings().language());
}

void setLanguage(QCoreApplication& app, const QString& code)
{
    const QList<QTranslator*> installed =
        app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    installOne(app, locale, QStringLiteral("fenestra"), QStringLiteral(":/i18n"));
    installOne(app, locale, QStringLiteral("qtbase"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace fenestra::app
