#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace fenestra::integration {

// One message as the collector received it: the raw RFC 5424 message (after RFC 5425 framing
// was removed by the collector).
struct ReceivedSyslog
{
    QByteArray raw;
};

// A real syslog-over-TLS collector for integration tests: rsyslogd (Debian rsyslog +
// rsyslog-gnutls) run in the foreground by the test, with its own configuration, PID file and
// work directory in a temporary folder, listening with imtcp on 127.0.0.1 and an ephemeral port,
// TLS by the gtls stream driver (mode 1: TLS only; authentication mode anon: the collector does
// not ask for a client certificate). Every message received on that port is appended to a file
// as one JSON line {"rawmsg": ...}; rsyslog's own messages go to another file of the folder.
// It reads neither /etc/rsyslog.conf nor /dev/log, and writes nothing under /var/log.
//
// Thread contract: one thread (the test's); start/stop block.
class SyslogCollector
{
public:
    struct Options
    {
        QString rsyslogd = QStringLiteral("/usr/sbin/rsyslogd");
        QString caCertificate;     // PEM (gtls wants one even in anon mode)
        QString serverCertificate; // PEM certificate and key, e.g. TestPki::serverPem()
        std::chrono::milliseconds readyTimeout{15000};
    };

    explicit SyslogCollector(Options options);
    ~SyslogCollector(); // stop()
    SyslogCollector(const SyslogCollector&) = delete;
    SyslogCollector& operator=(const SyslogCollector&) = delete;

    // Starts on a new port and waits until it accepts connections. False (lastError) when
    // rsyslogd is missing or exits.
    bool start();
    // SIGTERM and wait: what it received is in the file. True when it stopped cleanly.
    bool stop();
    // Starts again on the same port; the file keeps what was received before.
    bool restart();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString lastError() const { return m_lastError; }
    QString receivedFile() const;
    QString internalLog() const; // rsyslog's own messages

    // Every message received so far, in arrival order.
    QList<ReceivedSyslog> received() const;
    // Processes events (the sender under test lives in this thread) until at least `count`
    // messages are in the file or the timeout expires; the messages then received.
    QList<ReceivedSyslog> waitForMessages(qsizetype count, std::chrono::milliseconds timeout) const;

private:
    bool writeConfiguration();
    bool launch();

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_lastError;
};

} // namespace fenestra::integration
