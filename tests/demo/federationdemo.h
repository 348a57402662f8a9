#pragma once

#include "support/federation.h"
#include "support/testbrowser.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace fenestra::net {
class InstanceCache;
class OidcSession;
struct FederationConfig;
} // namespace fenestra::net

namespace fenestra::app {
class MainWindow;
class Settings;
} // namespace fenestra::app

namespace fenestra::demo {

// README command 1: the federation of issue 6 running on this machine, and the window using it.
// Starts the test federation in-process (identity provider, consent registry, three
// policy-enforcing Orthancs holding the demo patients at several hospitals), records one active
// consent (the demo patient shares between hospitals A and B; C stays without consent), writes
// the federation configuration file, opens the main window on it, signs the demo doctor of
// hospital A in through the test browser (the harness's user agent: this is a demo, not a
// deployment), searches the demo patient across hospitals and opens the first study found.
//
// Everything it writes (settings, cache, federation file, generated studies) lives in a
// temporary folder removed on exit; the servers stop with the object.
//
// Thread contract: GUI thread only; the test browser's calls block in a local event loop.
class FederationDemo : public QObject
{
    Q_OBJECT
public:
    explicit FederationDemo(QObject* parent = nullptr);
    ~FederationDemo() override; // the window first, then the session, cache and servers

    // Starts the servers and shows the window; sign-in and search follow on the event loop.
    // False with lastError() when a server cannot start.
    bool start();
    QString lastError() const { return m_lastError; }
    app::MainWindow* window() const { return m_window.get(); }

signals:
    // The first study found is on screen (its first frame decoded and shown).
    void imageShown();
    // A step failed (sign-in, search, opening): a translated sentence.
    void failed(const QString& why);

private:
    bool startFederation();
    bool writeFederationFile(const QString& path);
    bool createWindow(const net::FederationConfig& federation);
    void signIn(const QUrl& authorizationUrl);
    void searchDemoPatient();
    void openFirstResult();
    void waitForFirstImage();

    QTemporaryDir m_dir;
    QString m_lastError;
    std::unique_ptr<integration::TestFederation> m_federation;
    integration::TestBrowser m_browser;
    QNetworkAccessManager m_network;
    std::unique_ptr<app::Settings> m_settings;
    std::unique_ptr<net::InstanceCache> m_cache;
    std::unique_ptr<net::OidcSession> m_session;
    std::unique_ptr<app::MainWindow> m_window;
};

} // namespace fenestra::demo
