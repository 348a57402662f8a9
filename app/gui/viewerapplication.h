#pragma once

namespace fenestra::app {

// Starts the viewer window: installs translations for the system locale, opens the paths
// given on the command line, runs the event loop. Returns the exit code.
int runViewer(int argc, char* argv[]);

} // namespace fenestra::app
