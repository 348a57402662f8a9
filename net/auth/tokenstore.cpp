#include "tokenstore.h"

#include "core/keyring.h"

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

// Errors that mean "no usable keyring here", as opposed to a failure of one entry.
bool isUnavailable(const Error& error)
{
    return error.code == ErrorCode::Timeout || error.code == ErrorCode::KeyStoreUnavailable;
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
    Result<void> written = writeKeyring(m_service, account, secret, m_timeout);
    if (!written && fallBack(written.error()))
        return m_memory.save(account, secret);
    return written;
}

Result<QByteArray> KeychainTokenStore::load(const QString& account)
{
    if (m_fallbackReason)
        return m_memory.load(account);
    Result<QByteArray> secret = readKeyring(m_service, account, m_timeout);
    if (!secret && fallBack(secret.error()))
        return m_memory.load(account);
    return secret;
}

Result<void> KeychainTokenStore::remove(const QString& account)
{
    m_memory.remove(account);
    if (m_fallbackReason)
        return {};
    Result<void> removed = removeKeyring(m_service, account, m_timeout);
    if (!removed && !fallBack(removed.error()))
        return removed;
    return {};
}

} // namespace fenestra::net
