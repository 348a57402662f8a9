#pragma once

// Internal to fenestra_net: the one place that talks to qtkeychain, for the stores that keep a
// secret in the OS keyring (the cache key, login tokens, client key passwords).

#include "core/neterrors.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace fenestra::net {

// How a failed job's detail reads: "OS keyring: <qtkeychain's text>", or with the name of its
// error code first, "OS keyring: access denied (<qtkeychain's text>)".
enum class KeyringDetail
{
    Text,
    CodeAndText
};

// Each call runs one qtkeychain job on entry `key` of `service` in a local event loop (user
// input excluded) and gives up after `timeout`: Timeout, "OS keyring did not answer within N
// ms"; an abandoned job deletes itself whenever it finishes, so nothing dangles. A job that
// fails is KeyStoreUnavailable with the keyring's reason.
//
// Thread contract: call from a thread that runs a Qt event dispatcher (normally the GUI
// thread); one call at a time per caller.

// The entry's bytes; an empty array when the keyring has no such entry.
Result<QByteArray> readKeyring(const QString& service, const QString& key,
                               std::chrono::milliseconds timeout,
                               KeyringDetail detail = KeyringDetail::Text);
// Creates or replaces the entry.
Result<void> writeKeyring(const QString& service, const QString& key, const QByteArray& secret,
                          std::chrono::milliseconds timeout,
                          KeyringDetail detail = KeyringDetail::Text);
// Removes the entry; removing one that does not exist succeeds.
Result<void> removeKeyring(const QString& service, const QString& key,
                           std::chrono::milliseconds timeout,
                           KeyringDetail detail = KeyringDetail::Text);

} // namespace fenestra::net
