#pragma once

#include <QStringList>

namespace fenestra::app {

// `fenestra export PATH... --series UID [--frame N] [--window CENTER,WIDTH] --out FILE.png`:
// renders image N (1-based, in display order; default 1) of the series' first display set
// through the viewer's 2D pipeline and writes it. Returns the process exit code.
int runExportCommand(const QStringList& arguments);

} // namespace fenestra::app
