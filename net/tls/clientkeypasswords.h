#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>

namespace fenestra::net {

// The passwords of archives' client certificates (PKCS#12 files, encrypted PEM keys) in the OS
// keyring through qtkeychain, one entry per archive URL ("tls-client-key <url>" under the
// service). Never anywhere else on disk: the settings hold only the file names.
//
// Thread contract: like KeychainKeyStore, call from a thread running a Qt event dispatcher (the
// GUI thread); each call waits for its keyring job in a local event loop, at most the timeout.
// One call at a time.
class ClientKeyPasswords
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{30000};

    explicit ClientKeyPasswords(QString service = QStringLiteral("Fenestra"),
                                std::chrono::milliseconds timeout = kDefaultTimeout);

    // The stored password, empty when the keyring has none for this archive.
    // KeyStoreUnavailable when there is no usable keyring, Timeout when it does not answer.
    Result<QByteArray> read(const QUrl& archive) const;
    Result<void> write(const QUrl& archive, const QByteArray& password) const;
    // Removing an entry that does not exist succeeds.
    Result<void> remove(const QUrl& archive) const;

private:
    QString entryName(const QUrl& archive) const;

    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace fenestra::net
