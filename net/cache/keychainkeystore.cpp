#include "keychainkeystore.h"

#include "cachecrypto.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

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

// Starts the job and waits for it in a local event loop, at most timeout. Returns false on
// timeout; the job then deletes itself whenever it finishes, so nothing dangles.
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

std::unexpected<Error> jobFailure(const QKeychain::Job& job)
{
    return fail(ErrorCode::KeyStoreUnavailable,
                QStringLiteral("OS keyring: %1 (%2)")
                    .arg(QLatin1String(keychainErrorName(job.error())), job.errorString()));
}

std::unexpected<Error> timedOut(std::chrono::milliseconds timeout)
{
    return fail(ErrorCode::Timeout,
                QStringLiteral("OS keyring did not answer within %1 ms").arg(timeout.count()));
}

} // namespace

KeychainKeyStore::KeychainKeyStore(QString service, QString keyName,
                                   std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_keyName(std::move(keyName)), m_timeout(timeout)
{}

Result<QByteArray> KeychainKeyStore::loadOrCreateKey()
{
    Result<QByteArray> stored = readKey();
    if (!stored)
        return stored;
    if (!stored->isEmpty()) {
        if (stored->size() == cachecrypto::kKeySize)
            return stored;
        return fail(ErrorCode::KeyStoreUnavailable,
                    QStringLiteral("OS keyring holds a cache key of %1 bytes, expected %2")
                        .arg(stored->size())
                        .arg(cachecrypto::kKeySize));
    }
    QByteArray key = cachecrypto::randomBytes(cachecrypto::kKeySize);
    if (key.isEmpty())
        return fail(ErrorCode::CryptoFailure, QStringLiteral("no random bytes for a new key"));
    if (Result<void> written = writeKey(key); !written) {
        cachecrypto::wipe(key);
        return std::unexpected(written.error());
    }
    return key;
}

Result<QByteArray> KeychainKeyStore::readKey()
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(m_keyName);
    if (!runJob(job, m_timeout))
        return timedOut(m_timeout);
    Result<QByteArray> result;
    if (job->error() == QKeychain::EntryNotFound)
        result = QByteArray();
    else if (job->error() != QKeychain::NoError)
        result = jobFailure(*job);
    else
        result = job->binaryData();
    delete job; // finished() has returned: qtkeychain no longer touches the job
    return result;
}

Result<void> KeychainKeyStore::writeKey(const QByteArray& key)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(m_keyName);
    job->setBinaryData(key);
    if (!runJob(job, m_timeout))
        return timedOut(m_timeout);
    Result<void> result;
    if (job->error() != QKeychain::NoError)
        result = jobFailure(*job);
    delete job; // finished() has returned: qtkeychain no longer touches the job
    return result;
}

} // namespace fenestra::net
