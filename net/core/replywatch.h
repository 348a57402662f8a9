#pragma once

#include <QObject>

#include <chrono>
#include <functional>

class QNetworkReply;

namespace fenestra::net {

// Watches one reply for the small JSON exchanges of the library (identity provider, consent
// registry): the reply becomes a child of `context` (destroying the context aborts it), is
// aborted after `timeout`, and when it finishes `finished(reply, timedOut)` runs on the
// context's thread; the reply is deleted afterwards (deleteLater).
//
// Thread contract: the thread of the reply's QNetworkAccessManager.
void watchReply(QNetworkReply* reply, QObject* context, std::chrono::milliseconds timeout,
                std::function<void(QNetworkReply* reply, bool timedOut)> finished);

} // namespace fenestra::net
