#pragma once

class QCoreApplication;
class QString;

namespace fenestra::app {

// Installs Fenestra's translation and Qt's own for the language chosen in the settings, or the
// system locale when none is chosen, so that command-line tools and windows speak the user's
// language.
void installTranslations(QCoreApplication& app);

// Replaces the translators installed by installTranslations() or an earlier call with those of
// `code` ("en", "fr", "de"; "" follows the system locale): Fenestra's from
// :/i18n/fenestra_<code>.qm and Qt's qtbase_<code> from Qt's translations folder. Installing and
// removing translators posts a LanguageChange event that reaches every widget, so windows
// retranslate at once. The translators are children of `app`; nothing global is kept.
//
// Thread contract (both functions): GUI (main) thread only.
void setLanguage(QCoreApplication& app, const QString& code);

} // namespace fenestra::app
