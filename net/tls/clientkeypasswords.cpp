#include "clientkeypasswords.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace fenestra::net {

namespace {

// Starts the job and waits for it, at most `timeout`; an abandoned job deletes itself when it
// finishes (the same pattern as the cache key's store).
bool runJob(QKeychain::Job* job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    timer.start(timeout);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
    }
    return finished;
}

Error jobError(const QKeychain::Job& job)
{
    return Error{ErrorCode::KeyStoreUnavailable,
                 QStringLiteral("OS keyring: %1").arg(job.errorString())};
}

Error timedOut(std::chrono::milliseconds timeout)
{
    return Error{ErrorCode::Timeout,
                 QStringLiteral("OS keyring did not answer within %1 ms").arg(timeout.count())};
}

} // namespace

ClientKeyPasswords::ClientKeyPasswords(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout)
{}

QString ClientKeyPasswords::entryName(const QUrl& archive) const
{
    return QStringLiteral("tls-client-key ") + archive.toString(QUrl::StripTrailingSlash);
}

Result<QByteArray> ClientKeyPasswords::read(const QUrl& archive) const
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryName(archive));
    if (!runJob(job, m_timeout))
        return std::unexpected(timedOut(m_timeout));
    Result<QByteArray> result = QByteArray();
    if (job->error() == QKeychain::NoError)
        result = job->binaryData();
    else if (job->error() != QKeychain::EntryNotFound)
        result = std::unexpected(jobError(*job));
    delete job;
    return result;
}

Result<void> ClientKeyPasswords::write(const QUrl& archive, const QByteArray& password) const
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entryName(archive));
    job->setBinaryData(password);
    if (!runJob(job, m_timeout))
        return std::unexpected(timedOut(m_timeout));
    Result<void> result;
    if (job->error() != QKeychain::NoError)
        result = std::unexpected(jobError(*job));
    delete job;
    return result;
}

Result<void> ClientKeyPasswords::remove(const QUrl& archive) const
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entryName(archive));
    if (!runJob(job, m_timeout))
        return std::unexpected(timedOut(m_timeout));
    Result<void> result;
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        result = std::unexpected(jobError(*job));
    delete job;
    return result;
}

} // namespace fenestra::net
