#pragma once

#include "core/neterrors.h"

#include <QByteArray>

#include <optional>

namespace fenestra::net {

// Where the local cache's 256-bit master key lives. The key is never written to disk in clear:
// a store either keeps it in the OS keyring or only in this process's memory.
// Thread contract: set by each implementation (MemoryKeyStore: any thread; KeychainKeyStore: a
// thread with an event dispatcher, one call at a time).
class KeyStore
{
public:
    virtual ~KeyStore() = default;

    // The 32-byte key; the first call on a fresh store creates a random one and keeps it.
    virtual Result<QByteArray> loadOrCreateKey() = 0;
    // True when the key outlives the process, so the cache can be reopened next session.
    virtual bool isPersistent() const = 0;
};

// A key that lives only in this process: the fallback when no keyring is available (headless
// machines, CI). Files written under it cannot be read by a later session, which wipes them;
// the cache is then effectively a session cache.
// Thread contract: immutable after construction; loadOrCreateKey() may be called from any thread.
class MemoryKeyStore final : public KeyStore
{
public:
    // A fresh random key.
    MemoryKeyStore();
    // A given key (tests use a fixed one). loadOrCreateKey() fails unless it is 32 bytes.
    explicit MemoryKeyStore(QByteArray key);
    ~MemoryKeyStore() override;
    MemoryKeyStore(const MemoryKeyStore&) = delete;
    MemoryKeyStore& operator=(const MemoryKeyStore&) = delete;

    Result<QByteArray> loadOrCreateKey() override;
    bool isPersistent() const override { return false; }

private:
    QByteArray m_key;
};

// The outcome of choosing the cache key at start-up.
struct CacheKeyChoice
{
    QByteArray key;
    // False when the fallback was used: the cache only lasts for this session.
    bool persistent = false;
    // Why the preferred store could not be used (absent when it could).
    std::optional<Error> preferredError;
};

// Asks the preferred store (the OS keyring) for the key; when it fails, logs a warning without
// any patient data and takes the fallback's key instead. Fails only when both fail. Runs on the
// calling thread, under the stores' own thread contracts.
Result<CacheKeyChoice> chooseCacheKey(KeyStore& preferred, KeyStore& fallback);

} // namespace fenestra::net
