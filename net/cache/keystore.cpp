#include "keystore.h"

#include "cachecrypto.h"
#include "cachelog.h"

namespace fenestra::net {

Q_LOGGING_CATEGORY(lcCache, "fenestra.net.cache")

MemoryKeyStore::MemoryKeyStore() : m_key(cachecrypto::randomBytes(cachecrypto::kKeySize)) {}

MemoryKeyStore::MemoryKeyStore(QByteArray key) : m_key(std::move(key)) {}

MemoryKeyStore::~MemoryKeyStore()
{
    cachecrypto::wipe(m_key);
}

Result<QByteArray> MemoryKeyStore::loadOrCreateKey()
{
    if (m_key.size() != cachecrypto::kKeySize)
        return fail(ErrorCode::CryptoFailure,
                    QStringLiteral("in-memory cache key has %1 bytes, expected %2")
                        .arg(m_key.size())
                        .arg(cachecrypto::kKeySize));
    return m_key;
}

Result<CacheKeyChoice> chooseCacheKey(KeyStore& preferred, KeyStore& fallback)
{
    Result<QByteArray> key = preferred.loadOrCreateKey();
    if (key)
        return CacheKeyChoice{*key, preferred.isPersistent(), std::nullopt};
    qCWarning(lcCache).noquote() << "OS keyring unavailable for the cache key ("
                                 << key.error().toString()
                                 << "); the local cache lasts only for this session";
    Result<QByteArray> fallbackKey = fallback.loadOrCreateKey();
    if (!fallbackKey)
        return std::unexpected(fallbackKey.error());
    return CacheKeyChoice{*fallbackKey, fallback.isPersistent(), key.error()};
}

} // namespace fenestra::net
