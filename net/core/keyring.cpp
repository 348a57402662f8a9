#include "core/keyring.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace fenestra::net {

namespace {

const char* keychainErrorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return "no error";
    case QKeychain::EntryNotFound:
        return "entry not found";
    case QKeychain::CouldNotDeleteEntry:
        return "could not delete entry";
    case QKeychain::AccessDeniedByUser:
        return "access denied by the user";
    case QKeychain::AccessDenied:
        return "access denied";
    case QKeychain::NoBackendAvailable:
        return "no keyring service available";
    case QKeychain::NotImplemented:
        return "not implemented on this platform";
    case QKeychain::OtherError:
        break;
    }
    return "the keyring service failed or is not running";
}

// Starts the job and waits for it, at most `timeout`. Returns false on timeout: the job then
// deletes itself whenever it finishes, so the caller must release it, not delete it.
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

std::unexpected<Error> jobFailure(const QKeychain::Job& job, KeyringDetail detail)
{
    if (detail == KeyringDetail::Text)
        return fail(ErrorCode::KeyStoreUnavailable,
                    QStringLiteral("OS keyring: %1").arg(job.errorString()));
    return fail(ErrorCode::KeyStoreUnavailable,
                QStringLiteral("OS keyring: %1 (%2)")
                    .arg(QLatin1String(keychainErrorName(job.error())), job.errorString()));
}

std::unexpected<Error> timedOut(std::chrono::milliseconds timeout)
{
    return fail(ErrorCode::Timeout,
                QStringLiteral("OS keyring did not answer within %1 ms").arg(timeout.count()));
}

// Runs the job, which it owns: a finished job is handed back for its data and deleted with it
// (finished() has returned: qtkeychain no longer touches it); an abandoned one deletes itself. A
// missing entry is a failure only when `missingFails`.
template <class Job>
Result<std::unique_ptr<Job>> run(std::unique_ptr<Job> job, std::chrono::milliseconds timeout,
                                 KeyringDetail detail, bool missingFails)
{
    if (!runJob(job.get(), timeout)) {
        job.release(); // abandoned: it deletes itself
        return timedOut(timeout);
    }
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError || (error == QKeychain::EntryNotFound && !missingFails))
        return job;
    return jobFailure(*job, detail);
}

} // namespace

Result<QByteArray> readKeyring(const QString& service, const QString& key,
                               std::chrono::milliseconds timeout, KeyringDetail detail)
{
    auto job = std::make_unique<QKeychain::ReadPasswordJob>(service);
    job->setKey(key);
    auto finished = run(std::move(job), timeout, detail, false);
    if (!finished)
        return std::unexpected(finished.error());
    if ((*finished)->error() == QKeychain::EntryNotFound)
        return QByteArray();
    return (*finished)->binaryData();
}

Result<void> writeKeyring(const QString& service, const QString& key, const QByteArray& secret,
                          std::chrono::milliseconds timeout, KeyringDetail detail)
{
    auto job = std::make_unique<QKeychain::WritePasswordJob>(service);
    job->setKey(key);
    job->setBinaryData(secret);
    auto finished = run(std::move(job), timeout, detail, true);
    if (!finished)
        return std::unexpected(finished.error());
    return {};
}

Result<void> removeKeyring(const QString& service, const QString& key,
                           std::chrono::milliseconds timeout, KeyringDetail detail)
{
    auto job = std::make_unique<QKeychain::DeletePasswordJob>(service);
    job->setKey(key);
    auto finished = run(std::move(job), timeout, detail, false);
    if (!finished)
        return std::unexpected(finished.error());
    return {};
}

} // namespace fenestra::net
