#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace fenestra::integration {

// A blocking HTTP/1.1 exchange with a local server (test set-up only, never in product code).
struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, timeout)
    QByteArray headers;
    QByteArray body;
    QString error; // why status is 0
};
HttpResult httpRequest(quint16 port, const QByteArray& method, const QByteArray& target,
                       const QByteArray& body = {},
                       const QList<QPair<QByteArray, QByteArray>>& headers = {},
                       std::chrono::milliseconds timeout = std::chrono::seconds(30),
                       const QHostAddress& host = QHostAddress(QHostAddress::LocalHost));

// The same over TLS (QSslSocket, TLS 1.2 minimum): the server must pass verification against
// `caCertificates`, or be exactly `acceptedServerCertificate` (a test's deliberately bad
// certificate, which the harness itself deployed); the client certificate is presented when
// set (mutual TLS).
struct HttpTls
{
    QList<QSslCertificate> caCertificates;
    QSslCertificate acceptedServerCertificate;
    QSslCertificate clientCertificate;
    QSslKey clientKey;
};
HttpResult httpsRequest(quint16 port, const HttpTls& tls, const QByteArray& method,
                        const QByteArray& target, const QByteArray& body = {},
                        const QList<QPair<QByteArray, QByteArray>>& headers = {},
                        std::chrono::milliseconds timeout = std::chrono::seconds(30));

// An ephemeral TCP port on 127.0.0.1 that was free a moment ago (bind port 0, read, close).
quint16 pickFreePort();

// Our own Orthanc for integration tests: /usr/sbin/Orthanc with the DICOMweb plugin, on
// 127.0.0.1 ports chosen at start (retried when taken), storage and index in a temporary
// directory, remote access and authentication off, the DICOM server off. Never touches another
// Orthanc on the machine: readiness is confirmed by the unique Name in GET /system.
//
// Thread contract: used from one thread (the test's); all calls block.
class OrthancServer
{
public:
    struct Options
    {
        QString executable = QStringLiteral("/usr/sbin/Orthanc");
        QString pluginDirectory = QStringLiteral("/usr/share/orthanc/plugins");
        bool python = false; // also load libOrthancPython.so
        // A Python plugin script (implies python): "PythonScript" in the configuration.
        QString pythonScript;
        // Merged over the generated configuration, key by key (top level): a test's own
        // settings, e.g. a policy section read by its Python script.
        QJsonObject extraConfiguration;
        // HTTPS instead of HTTP when serverCertificatePem is set (Orthanc's SslEnabled).
        struct Tls
        {
            // Certificate and private key in one PEM file (Orthanc's "SslCertificate").
            QString serverCertificatePem;
            // A PEM CA the harness's own requests trust; they also accept exactly the
            // certificate of serverCertificatePem (an expired or wrong-host one, say).
            QString caForHarness;
            // Mutual TLS: Orthanc demands a client certificate issued by one of the PEM
            // certificates in trustedClientCertificates ("SslVerifyPeers"); the harness then
            // presents harnessClientCertificate / harnessClientKey (PEM files).
            bool verifyPeers = false;
            QString trustedClientCertificates;
            QString harnessClientCertificate;
            QString harnessClientKey;
        } tls;
        std::chrono::milliseconds readyTimeout{30000};
        int startAttempts = 5; // new ports each time a port turns out to be taken
    };

    OrthancServer();
    explicit OrthancServer(Options options);
    ~OrthancServer(); // stop()
    OrthancServer(const OrthancServer&) = delete;
    OrthancServer& operator=(const OrthancServer&) = delete;

    // Starts on new ports with empty storage and waits until GET /system answers.
    bool start();
    // SIGTERM, wait, then SIGKILL; true when it stopped cleanly.
    bool stop();
    // SIGKILL now, as a crash would (for kill-in-the-middle tests).
    void kill();
    // Starts again on the same port and storage (after stop() or kill()); waits until ready.
    bool restart();

    bool isRunning() const;
    qint64 processId() const;
    quint16 httpPort() const { return m_httpPort; }
    // "http://127.0.0.1:<port>" ("https://..." with Options::tls)
    QString baseUrl() const;
    // "http://127.0.0.1:<port>/dicom-web" (or https)
    QString dicomWebUrl() const;
    QString storageDirectory() const;
    // A random secret per instance, in the configuration as "FenestraHarnessSecret" and sent
    // by the harness's own requests (readiness, upload, get) as the header named by
    // harnessHeader(): a policy script that refuses unauthenticated requests lets these
    // through. Product code never knows it.
    QByteArray harnessSecret() const { return m_harnessSecret; }
    static QByteArray harnessHeader() { return QByteArrayLiteral("X-Fenestra-Harness"); }
    // Why the last call failed, with the end of Orthanc's log.
    QString lastError() const { return m_lastError; }
    QByteArray log() const { return m_log; }

    // POST /instances of one file; false (lastError) when Orthanc refuses it.
    bool upload(const QString& file);
    // Uploads every file (DICOMDIR skipped, directories walked); returns the number stored or
    // -1 at the first failure.
    int uploadAll(const QStringList& paths);
    // GET on our instance (for checks).
    HttpResult get(const QByteArray& target,
                   const QList<QPair<QByteArray, QByteArray>>& headers = {});

private:
    bool launch();
    bool waitReady();
    QByteArray configuration() const;
    bool usesTls() const { return !m_options.tls.serverCertificatePem.isEmpty(); }
    // A request of the harness itself (with its secret header), over TLS when enabled.
    HttpResult harnessRequest(const QByteArray& method, const QByteArray& target,
                              const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers,
                              std::chrono::milliseconds timeout);
    HttpTls harnessTls() const;
    void collectLog();
    void fail(const QString& why);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_name;
    QByteArray m_harnessSecret;
    quint16 m_httpPort = 0;
    quint16 m_dicomPort = 0;
    QString m_lastError;
    QByteArray m_log;
};

} // namespace fenestra::integration
