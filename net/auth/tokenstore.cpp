#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

#include <openssl/crypto.h>

namespace fenestra::net {

namespace {

void wipe(QByteArray& secret)
{
    // Only bytes we own alone are overwritten: a shared buffer belongs to another holder too.
    if (!secret.isEmpty() && secret.isDetached())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret = QByteArray();
}

// Runs the job in a local event loop for at most `timeout`; false on timeout (the job then
// deletes itself whenever it finishes).
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

// Errors that mean "no usable keyring here", as opposed to a failure of one entry.
bool isUnavailable(const Error& error)
{
    return error.code == ErrorCode::Timeout || error.code == ErrorCode::KeyStoreUnavailable;
}

// The job's outcome: nullopt on success, else the error. Deletes a finished job.
template <class Job> std::optional<Error> run(Job* job, std::chrono::milliseconds timeout)
{
    if (!runJob(job, timeout))
        return timedOut(timeout);
    std::optional<Error> error;
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        error = jobError(*job);
    return error;
}

} // namespace

MemoryTokenStore::~MemoryTokenStore()
{
    for (QByteArray& secret : m_secrets)
        wipe(secret);
}

Result<void> MemoryTokenStore::save(const QString& account, const QByteArray& secret)
{
    remove(account);
    m_secrets.insert(account, QByteArray(secret.constData(), secret.size())); // our own copy
    return {};
}

Result<QByteArray> MemoryTokenStore::load(const QString& account)
{
    const QByteArray& secret = m_secrets[account];
    return QByteArray(secret.constData(), secret.size());
}

Result<void> MemoryTokenStore::remove(const QString& account)
{
    auto it = m_secrets.find(account);
    if (it != m_secrets.end()) {
        wipe(*it);
        m_secrets.erase(it);
    }
    return {};
}

KeychainTokenStore::KeychainTokenStore(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout)
{}

bool KeychainTokenStore::fallBack(const Error& error)
{
    if (!isUnavailable(error))
        return false;
    m_fallbackReason = error;
    return true;
}

Result<void> KeychainTokenStore::save(const QString& account, const QByteArray& secret)
{
    if (m_fallbackReason)
        return m_memory.save(account, secret);
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account);
    job->setBinaryData(secret);
    const std::optional<Error> error = run(job, m_timeout);
    if (!error || error->code != ErrorCode::Timeout)
        delete job; // finished: qtkeychain no longer touches it
    if (!error)
        return {};
    if (fallBack(*error))
        return m_memory.save(account, secret);
    return std::unexpected(*error);
}

Result<QByteArray> KeychainTokenStore::load(const QString& account)
{
    if (m_fallbackReason)
        return m_memory.load(account);
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account);
    const std::optional<Error> error = run(job, m_timeout);
    if (error && error->code == ErrorCode::Timeout) { // the job deletes itself later
        fallBack(*error);
        return m_memory.load(account);
    }
    QByteArray secret = error ? QByteArray() : job->binaryData();
    delete job;
    if (error && fallBack(*error))
        return m_memory.load(account);
    if (error)
        return std::unexpected(*error);
    return secret;
}

Result<void> KeychainTokenStore::remove(const QString& account)
{
    m_memory.remove(account);
    if (m_fallbackReason)
        return {};
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account);
    const std::optional<Error> error = run(job, m_timeout);
    if (!error || error->code != ErrorCode::Timeout)
        delete job;
    if (error && !fallBack(*error))
        return std::unexpected(*error);
    return {};
}

} // namespace fenestra::net
