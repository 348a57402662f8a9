#include "replywatch.h"

#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace fenestra::net {

void watchReply(QNetworkReply* reply, QObject* context, std::chrono::milliseconds timeout,
                std::function<void(QNetworkReply* reply, bool timedOut)> finished)
{
    reply->setParent(context);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(timeout);
    QObject::connect(reply, &QNetworkReply::finished, context,
                     [reply, timedOut, finished = std::move(finished)] {
                         finished(reply, *timedOut);
                         reply->deleteLater();
                     });
}

} // namespace fenestra::net
