#include "syslogcollector.h"

#include "orthancserver.h" // pickFreePort

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <signal.h>
#include <sys/prctl.h>

namespace fenestra::integration {

SyslogCollector::SyslogCollector(Options options) : m_options(std::move(options)) {}

SyslogCollector::~SyslogCollector()
{
    stop();
}

QString SyslogCollector::receivedFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("received.jsonl")) : QString();
}

QString SyslogCollector::internalLog() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("rsyslogd.log")) : QString();
}

bool SyslogCollector::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool SyslogCollector::writeConfiguration()
{
    const QString dir = m_dir->path();
    // Internal messages are processed by this configuration (not sent to the system's log);
    // control characters are kept as they are (the JSON escapes them).
    const QString config =
        QStringLiteral(
            "global(workDirectory=\"%1/work\"\n"
            "       processInternalMessages=\"on\"\n"
            "       maxMessageSize=\"64k\"\n"
            "       parser.escapeControlCharactersOnReceive=\"off\"\n"
            "       defaultNetstreamDriver=\"gtls\"\n"
            "       defaultNetstreamDriverCAFile=\"%2\"\n"
            "       defaultNetstreamDriverCertFile=\"%3\"\n"
            "       defaultNetstreamDriverKeyFile=\"%3\")\n"
            "module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\"\n"
            "       streamDriver.authMode=\"anon\")\n"
            "template(name=\"rawjson\" type=\"list\") {\n"
            "  constant(value=\"{\")\n"
            "  property(name=\"rawmsg\" format=\"jsonf\")\n"
            "  constant(value=\"}\\n\")\n"
            "}\n"
            "ruleset(name=\"audit\") {\n"
            "  action(type=\"omfile\" file=\"%4\" template=\"rawjson\" flushOnTXEnd=\"on\")\n"
            "}\n"
            "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"%5\" ruleset=\"audit\")\n"
            "action(type=\"omfile\" file=\"%6\")\n")
            .arg(dir, m_options.caCertificate, m_options.serverCertificate, receivedFile())
            .arg(m_port)
            .arg(internalLog());
    QFile file(m_dir->filePath(QStringLiteral("rsyslog.conf")));
    QDir(dir).mkpath(QStringLiteral("work"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        m_lastError = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    return true;
}

bool SyslogCollector::start()
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    m_port = pickFreePort();
    if (!m_dir->isValid() || m_port == 0) {
        m_lastError = QStringLiteral("no temporary folder or no free port");
        return false;
    }
    return writeConfiguration() && launch();
}

bool SyslogCollector::restart()
{
    if (!m_dir) {
        m_lastError = QStringLiteral("restart() before start()");
        return false;
    }
    stop();
    return launch();
}

bool SyslogCollector::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.rsyslogd);
    // -n: foreground; -f: our configuration only; -i: our PID file.
    m_process->setArguments({QStringLiteral("-n"), QStringLiteral("-f"),
                             m_dir->filePath(QStringLiteral("rsyslog.conf")), QStringLiteral("-i"),
                             m_dir->filePath(QStringLiteral("rsyslogd.pid"))});
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes must not leave a collector behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("rsyslogd.out")),
                                     QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_lastError =
            QStringLiteral("cannot run %1: %2").arg(m_options.rsyslogd, m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(m_options.readyTimeout);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            QFile out(m_dir->filePath(QStringLiteral("rsyslogd.out")));
            out.open(QIODevice::ReadOnly);
            m_lastError = QStringLiteral("rsyslogd exited during start-up: ") +
                          QString::fromUtf8(out.readAll().right(2000));
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200)) {
            probe.abort();
            return true;
        }
        m_process->waitForFinished(50);
    }
    m_lastError = QStringLiteral("rsyslogd did not listen on port %1 in time").arg(m_port);
    m_process->kill();
    m_process->waitForFinished(5000);
    return false;
}

bool SyslogCollector::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    const bool clean = m_process->waitForFinished(10000);
    if (!clean) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    return clean && m_process->exitStatus() == QProcess::NormalExit;
}

QList<ReceivedSyslog> SyslogCollector::received() const
{
    QList<ReceivedSyslog> out;
    QFile file(receivedFile());
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out.append({o.value(QLatin1String("rawmsg")).toString().toUtf8()});
    }
    return out;
}

QList<ReceivedSyslog> SyslogCollector::waitForMessages(qsizetype count,
                                                       std::chrono::milliseconds timeout) const
{
    const QDeadlineTimer deadline(timeout);
    QList<ReceivedSyslog> messages = received();
    while (messages.size() < count && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QDeadlineTimer pause(20);
        while (!pause.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        messages = received();
    }
    return messages;
}

} // namespace fenestra::integration
