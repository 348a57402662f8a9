#include "keychainkeystore.h"

#include "cachecrypto.h"

#include "core/keyring.h"

namespace fenestra::net {

KeychainKeyStore::KeychainKeyStore(QString service, QString keyName,
                                   std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_keyName(std::move(keyName)), m_timeout(timeout)
{}

Result<QByteArray> KeychainKeyStore::loadOrCreateKey()
{
    Result<QByteArray> stored =
        readKeyring(m_service, m_keyName, m_timeout, KeyringDetail::CodeAndText);
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
    const Result<void> written =
        writeKeyring(m_service, m_keyName, key, m_timeout, KeyringDetail::CodeAndText);
    if (!written) {
        cachecrypto::wipe(key);
        return std::unexpected(written.error());
    }
    return key;
}

} // namespace fenestra::net
