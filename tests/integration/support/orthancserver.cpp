#include "orthancserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace fenestra::integration {

namespace {

// Orthanc's message when its HTTP port is taken (it then exits).
constexpr QByteArrayView kPortInUse = "privileged or already in use";

QByteArray dechunk(const QByteArray& body)
{
    QByteArray out;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qsizetype size = body.mid(pos, lineEnd - pos).split(';').first().toLongLong(&ok, 16);
        if (!ok || size == 0)
            break;
        out += body.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
    return out;
}

HttpResult parseResponse(const QByteArray& response)
{
    HttpResult result;
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        result.error = QStringLiteral("no complete HTTP answer");
        return result;
    }
    const QByteArray head = response.left(headEnd);
    result.status = head.left(head.indexOf("\r\n")).split(' ').value(1).toInt();
    result.headers = head.mid(head.indexOf("\r\n") + 2);
    result.body = response.mid(headEnd + 4);
    if (result.headers.toLower().contains("transfer-encoding: chunked"))
        result.body = dechunk(result.body);
    return result;
}

// One exchange on a connected (and, for TLS, encrypted) socket.
HttpResult exchange(QTcpSocket& socket, quint16 port, const QByteArray& method,
                    const QByteArray& target, const QByteArray& body,
                    const QList<QPair<QByteArray, QByteArray>>& headers,
                    const QDeadlineTimer& deadline)
{
    QByteArray request =
        method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n" + body);
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return HttpResult{0, {}, {}, socket.errorString()};
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(deadline.remainingTime())))
            response += socket.readAll();
    }
    response += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState)
        return HttpResult{0, {}, {}, QStringLiteral("timed out")};
    return parseResponse(response);
}

} // namespace

HttpResult httpRequest(quint16 port, const QByteArray& method, const QByteArray& target,
                       const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers,
                       std::chrono::milliseconds timeout, const QHostAddress& host)
{
    const QDeadlineTimer deadline(timeout);
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return HttpResult{0, {}, {}, socket.errorString()};
    return exchange(socket, port, method, target, body, headers, deadline);
}

HttpResult httpsRequest(quint16 port, const HttpTls& tls, const QByteArray& method,
                        const QByteArray& target, const QByteArray& body,
                        const QList<QPair<QByteArray, QByteArray>>& headers,
                        std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCaCertificates(tls.caCertificates);
    if (!tls.clientCertificate.isNull()) {
        config.setLocalCertificate(tls.clientCertificate);
        config.setPrivateKey(tls.clientKey);
    }
    socket.setSslConfiguration(config);
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&socket, &tls](const QList<QSslError>& errors) {
                         // Only the very certificate the harness deployed, never another.
                         if (!tls.acceptedServerCertificate.isNull() &&
                             socket.peerCertificate() == tls.acceptedServerCertificate)
                             socket.ignoreSslErrors(errors);
                     });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForEncrypted(int(deadline.remainingTime())))
        return HttpResult{0, {}, {}, socket.errorString()};
    return exchange(socket, port, method, target, body, headers, deadline);
}

quint16 pickFreePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

OrthancServer::OrthancServer() : OrthancServer(Options{}) {}

OrthancServer::OrthancServer(Options options) : m_options(std::move(options)) {}

OrthancServer::~OrthancServer()
{
    stop();
}

QString OrthancServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(usesTls() ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_httpPort);
}

QString OrthancServer::dicomWebUrl() const
{
    return baseUrl() + QStringLiteral("/dicom-web");
}

QString OrthancServer::storageDirectory() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("storage")) : QString();
}

bool OrthancServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 OrthancServer::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool OrthancServer::start()
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        fail(QStringLiteral("cannot create a temporary directory"));
        return false;
    }
    m_name = QStringLiteral("fenestra-test-%1")
                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()),
                                              secret.size() / 4);
        m_harnessSecret = secret.toHex();
    }
    for (int attempt = 0; attempt < m_options.startAttempts; ++attempt) {
        m_httpPort = pickFreePort();
        m_dicomPort = pickFreePort();
        if (launch())
            return true;
        if (!m_log.contains(kPortInUse.toByteArray()))
            return false; // not a port race: retrying would not help
    }
    return false;
}

bool OrthancServer::restart()
{
    if (!m_dir) {
        fail(QStringLiteral("restart() before start()"));
        return false;
    }
    stop();
    // Same port: a client that was talking to us must find us again. A port left in TIME_WAIT
    // does not stop Orthanc (it sets SO_REUSEADDR); a port someone else took does.
    for (int attempt = 0; attempt < m_options.startAttempts; ++attempt)
        if (launch())
            return true;
    return false;
}

bool OrthancServer::launch()
{
    const QString configPath = m_dir->filePath(QStringLiteral("orthanc.json"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly) || config.write(configuration()) < 0) {
        fail(QStringLiteral("cannot write %1").arg(configPath));
        return false;
    }
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.executable);
    m_process->setArguments({configPath});
    m_process->setWorkingDirectory(m_dir->path());
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("orthanc.log")),
                                     QIODevice::Append);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef FENESTRA_CIVETWEB_SSL_DIR
    if (usesTls()) { // see civetwebsslshim.c: Orthanc 1.10 crashes on HTTPS without it
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString paths = environment.value(QStringLiteral("LD_LIBRARY_PATH"));
        environment.insert(QStringLiteral("LD_LIBRARY_PATH"),
                           QStringLiteral(FENESTRA_CIVETWEB_SSL_DIR) +
                               (paths.isEmpty() ? QString() : QLatin1Char(':') + paths));
        m_process->setProcessEnvironment(environment);
    }
#endif
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        fail(QStringLiteral("cannot run %1: %2")
                 .arg(m_options.executable, m_process->errorString()));
        return false;
    }
    return waitReady();
}

bool OrthancServer::waitReady()
{
    const QDeadlineTimer deadline(m_options.readyTimeout);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            fail(QStringLiteral("Orthanc exited during start-up (code %1)")
                     .arg(m_process->exitCode()));
            return false;
        }
        const HttpResult system = harnessRequest("GET", "/system", {}, {}, std::chrono::seconds(2));
        if (system.status == 200 &&
            QJsonDocument::fromJson(system.body).object().value(QLatin1String("Name")) == m_name)
            return true;
        // Returns as soon as the process dies, else after a short poll interval.
        m_process->waitForFinished(50);
    }
    fail(QStringLiteral("Orthanc did not answer GET /system in time"));
    kill();
    return false;
}

QByteArray OrthancServer::configuration() const
{
    QJsonArray plugins{m_options.pluginDirectory + QStringLiteral("/libOrthancDicomWeb.so")};
    if (m_options.python || !m_options.pythonScript.isEmpty())
        plugins.append(m_options.pluginDirectory + QStringLiteral("/libOrthancPython.so"));
    const QString storage = storageDirectory();
    QJsonObject config{
        {QStringLiteral("Name"), m_name},
        {QStringLiteral("HttpPort"), m_httpPort},
        {QStringLiteral("DicomServerEnabled"), false},
        {QStringLiteral("DicomPort"), m_dicomPort},
        {QStringLiteral("StorageDirectory"), storage},
        {QStringLiteral("IndexDirectory"), storage},
        {QStringLiteral("Plugins"), plugins},
        // Orthanc 1.10 has no bind-address option: this keeps it to loopback clients.
        {QStringLiteral("RemoteAccessAllowed"), false},
        {QStringLiteral("AuthenticationEnabled"), false},
        {QStringLiteral("SaveJobs"), false},
        {QStringLiteral("DicomWeb"),
         QJsonObject{{QStringLiteral("Enable"), true},
                     {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}},
        {QStringLiteral("FenestraHarnessSecret"), QString::fromLatin1(m_harnessSecret)}};
    if (!m_options.pythonScript.isEmpty())
        config.insert(QStringLiteral("PythonScript"), m_options.pythonScript);
    if (usesTls()) {
        config.insert(QStringLiteral("SslEnabled"), true);
        config.insert(QStringLiteral("SslCertificate"), m_options.tls.serverCertificatePem);
        config.insert(QStringLiteral("SslMinimumProtocolVersion"), 4); // TLS 1.2
        config.insert(QStringLiteral("SslVerifyPeers"), m_options.tls.verifyPeers);
        if (m_options.tls.verifyPeers)
            config.insert(QStringLiteral("SslTrustedClientCertificates"),
                          m_options.tls.trustedClientCertificates);
    }
    for (auto it = m_options.extraConfiguration.begin(); it != m_options.extraConfiguration.end();
         ++it)
        config.insert(it.key(), it.value());
    return QJsonDocument(config).toJson();
}

bool OrthancServer::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate(); // SIGTERM: Orthanc closes its index cleanly
    bool clean = m_process->waitForFinished(15000);
    if (!clean) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    collectLog();
    return clean && m_process->exitStatus() == QProcess::NormalExit;
}

void OrthancServer::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    collectLog();
}

void OrthancServer::collectLog()
{
    QFile file(m_dir ? m_dir->filePath(QStringLiteral("orthanc.log")) : QString());
    if (file.open(QIODevice::ReadOnly))
        m_log = file.readAll();
}

void OrthancServer::fail(const QString& why)
{
    collectLog();
    m_lastError = why + QStringLiteral("\n--- end of Orthanc's log ---\n") +
                  QString::fromLocal8Bit(m_log.right(2000));
}

bool OrthancServer::upload(const QString& file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read %1").arg(file));
        return false;
    }
    const HttpResult result =
        harnessRequest("POST", "/instances", input.readAll(),
                       {{"Content-Type", "application/dicom"}}, std::chrono::seconds(30));
    if (result.status != 200) {
        fail(QStringLiteral("POST /instances of %1 gave HTTP %2 %3")
                 .arg(file)
                 .arg(result.status)
                 .arg(result.error));
        return false;
    }
    return true;
}

int OrthancServer::uploadAll(const QStringList& paths)
{
    int stored = 0;
    for (const QString& path : paths) {
        QStringList files;
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
            files.sort();
        } else {
            files.append(path);
        }
        for (const QString& file : files) {
            if (QFileInfo(file).fileName() == QLatin1String("DICOMDIR"))
                continue;
            if (!upload(file))
                return -1;
            ++stored;
        }
    }
    return stored;
}

HttpResult OrthancServer::get(const QByteArray& target,
                              const QList<QPair<QByteArray, QByteArray>>& headers)
{
    return harnessRequest("GET", target, {}, headers, std::chrono::seconds(30));
}

HttpResult OrthancServer::harnessRequest(const QByteArray& method, const QByteArray& target,
                                         const QByteArray& body,
                                         QList<QPair<QByteArray, QByteArray>> headers,
                                         std::chrono::milliseconds timeout)
{
    headers.append({harnessHeader(), m_harnessSecret});
    if (!usesTls())
        return httpRequest(m_httpPort, method, target, body, headers, timeout);
    return httpsRequest(m_httpPort, harnessTls(), method, target, body, headers, timeout);
}

HttpTls OrthancServer::harnessTls() const
{
    const auto first = [](const QString& file) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(file);
        return certificates.isEmpty() ? QSslCertificate() : certificates.first();
    };
    HttpTls tls;
    if (!m_options.tls.caForHarness.isEmpty())
        tls.caCertificates = QSslCertificate::fromPath(m_options.tls.caForHarness);
    tls.acceptedServerCertificate = first(m_options.tls.serverCertificatePem);
    if (m_options.tls.verifyPeers && !m_options.tls.harnessClientCertificate.isEmpty()) {
        tls.clientCertificate = first(m_options.tls.harnessClientCertificate);
        QFile key(m_options.tls.harnessClientKey);
        if (key.open(QIODevice::ReadOnly))
            tls.clientKey = QSslKey(key.readAll(), tls.clientCertificate.publicKey().algorithm());
    }
    return tls;
}

} // namespace fenestra::integration
