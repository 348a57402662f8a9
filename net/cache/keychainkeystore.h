#pragma once

#include "keystore.h"

#include <QString>

#include <chrono>

namespace fenestra::net {

// The cache key in the OS keyring through qtkeychain (Secret Service / KWallet on Linux,
// Keychain on macOS, Credential Store on Windows). The first call creates a random key and
// writes it to the keyring; later calls read it back. The key is never stored anywhere else.
//
// Thread contract: call from a thread that runs a Qt event dispatcher (the GUI thread at
// start-up). Each keyring job runs in a local event loop and is abandoned after the timeout,
// so a missing or hung keyring daemon cannot block the caller longer than that; an abandoned
// job deletes itself if it ever finishes. Not for concurrent use: one call at a time.
class KeychainKeyStore final : public KeyStore
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{30000};

    explicit KeychainKeyStore(QString service = QStringLiteral("Fenestra"),
                              QString keyName = QStringLiteral("cache-key"),
                              std::chrono::milliseconds timeout = kDefaultTimeout);

    // KeyStoreUnavailable (with qtkeychain's reason) when there is no usable keyring, Timeout
    // when it does not answer in time. A key of the wrong length is reported, never replaced.
    Result<QByteArray> loadOrCreateKey() override;
    bool isPersistent() const override { return true; }

private:
    QString m_service;
    QString m_keyName;
    std::chrono::milliseconds m_timeout;
};

} // namespace fenestra::net
