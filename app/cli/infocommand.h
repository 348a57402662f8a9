#pragma once

#include <QStringList>

namespace fenestra::app {

// `fenestra info PATH... [--json]`: the patient/study/series tree, each display set's geometry
// and per-file errors; with --json, also a SHA-256 of each frame's decoded pixel values (stored
// type, after decompression, before any LUT). Returns the process exit code: 0 when every file
// opened, 2 when some failed, 1 on a usage error or when nothing opened.
int runInfoCommand(const QStringList& arguments);

} // namespace fenestra::app
