#pragma once

#include <QString>

namespace fenestra::net {
struct AuditCollectorConfig;
} // namespace fenestra::net

namespace fenestra::app {

class AuditTrail;
class MainWindow;

// Starts the viewer window: installs translations for the system locale, opens the paths
// given on the command line, runs the event loop. Returns the exit code.
int runViewer(int argc, char* argv[]);

// Sends `trail` to the federation's audit collector (syslog over TLS), trusting only the
// authorities of its CA bundle. Nothing to do when the federation names no collector (port 0).
// Returns a notice for the doctor when it cannot (no CA bundle named, the bundle unreadable or
// without a certificate, the trail's delivery state unusable), empty otherwise: the records
// then stay in the local log. Once set, the first failure to reach the collector after each
// delivery is said in `window`'s status bar.
QString connectAuditCollector(AuditTrail& trail, const net::AuditCollectorConfig& collector,
                              MainWindow& window);

} // namespace fenestra::app
