#pragma once

class QCoreApplication;

namespace fenestra::app {

// Installs Fenestra's translation for the system locale (compiled into the resources) and Qt's
// own, so that command-line tools and windows speak the user's language.
void installTranslations(QCoreApplication& app);

} // namespace fenestra::app
