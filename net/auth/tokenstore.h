#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <optional>

namespace fenestra::net {

// Where a login's long-lived secrets (the refresh token, the ID token for logout) are kept
// between uses. Tokens never go to a file: a store keeps them in the OS keyring or only in this
// process's memory.
// Thread contract: one thread, one call at a time (KeychainTokenStore: a thread with an event
// dispatcher, normally the GUI thread).
class TokenStore
{
public:
    virtual ~TokenStore() = default;

    // Replaces the secret held for `account`.
    virtual Result<void> save(const QString& account, const QByteArray& secret) = 0;
    // The secret of `account`; an empty array when none is held.
    virtual Result<QByteArray> load(const QString& account) = 0;
    // Forgets `account` (succeeds when nothing was held).
    virtual Result<void> remove(const QString& account) = 0;
    // True when saved secrets outlive the process.
    virtual bool isPersistent() const = 0;
};

// Secrets in this process's memory only, overwritten when replaced, removed or destroyed.
class MemoryTokenStore final : public TokenStore
{
public:
    MemoryTokenStore() = default;
    ~MemoryTokenStore() override;
    MemoryTokenStore(const MemoryTokenStore&) = delete;
    MemoryTokenStore& operator=(const MemoryTokenStore&) = delete;

    Result<void> save(const QString& account, const QByteArray& secret) override;
    Result<QByteArray> load(const QString& account) override;
    Result<void> remove(const QString& account) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QByteArray> m_secrets;
};

// Secrets in the OS keyring through qtkeychain (Secret Service / KWallet, macOS Keychain,
// Windows Credential Store), one entry per account under `service`. When the keyring is
// unavailable (no daemon, headless machine) or does not answer within the timeout, the store
// falls back to memory for the rest of the session and says why in fallbackReason(): the
// login then lasts only as long as the process, and nothing is ever written to a file.
// Each keyring job runs in a local event loop, abandoned after the timeout (as
// KeychainKeyStore does), so a hung daemon cannot block the caller longer.
class KeychainTokenStore final : public TokenStore
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

    explicit KeychainTokenStore(QString service = QStringLiteral("Fenestra login"),
                                std::chrono::milliseconds timeout = kDefaultTimeout);

    Result<void> save(const QString& account, const QByteArray& secret) override;
    Result<QByteArray> load(const QString& account) override;
    Result<void> remove(const QString& account) override;
    // False once the store has fallen back to memory.
    bool isPersistent() const override { return !m_fallbackReason; }
    // Why the keyring could not be used (absent while it works).
    const std::optional<Error>& fallbackReason() const { return m_fallbackReason; }

private:
    // Switches to memory when `error` says the keyring is unusable; true when it did.
    bool fallBack(const Error& error);

    QString m_service;
    std::chrono::milliseconds m_timeout;
    std::optional<Error> m_fallbackReason;
    MemoryTokenStore m_memory;
};

} // namespace fenestra::net
