#include "oidchttp.h"

#include "core/replywatch.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <openssl/crypto.h>

#include <memory>

namespace fenestra::net::oidchttp {

namespace {

// A token answer is a few kilobytes; a provider's key set a few more.
constexpr qint64 kMaxAnswer = 1024 * 1024;

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

Error unreachable(const QUrl& url, const QString& why)
{
    return Error{
        ErrorCode::IdentityProviderUnreachable,
        QCoreApplication::translate("OidcSession", "cannot reach the identity provider at %1: %2")
            .arg(originOf(url), why)};
}

Error httpError(const QUrl& url, int status, const QJsonObject& body)
{
    const QString error = body.value(QLatin1String("error")).toString().left(100);
    const QString description = body.value(QLatin1String("error_description")).toString().left(300);
    if (error.isEmpty())
        return Error{ErrorCode::IdentityProviderError,
                     QCoreApplication::translate("OidcSession",
                                                 "the identity provider at %1 answered HTTP %2")
                         .arg(originOf(url))
                         .arg(status)};
    QString detail =
        QCoreApplication::translate("OidcSession", "the identity provider refused the request: %1")
            .arg(error);
    if (!description.isEmpty())
        detail += QStringLiteral(" (%1)").arg(description);
    return Error{ErrorCode::IdentityProviderError, detail};
}

Result<QJsonObject> readAnswer(QNetworkReply* reply, const QUrl& url, bool timedOut,
                               std::chrono::milliseconds timeout)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    QByteArray body = reply->read(kMaxAnswer);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool empty = body.trimmed().isEmpty();
    wipe(body); // a token answer: the parsed copy is all the caller gets
    if (!status.isValid()) {
        if (timedOut)
            return std::unexpected(
                unreachable(url, QCoreApplication::translate("OidcSession", "no answer within %1 s")
                                     .arg(timeout.count() / 1000.0)));
        if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            return fail(ErrorCode::TlsFailure,
                        QCoreApplication::translate("OidcSession",
                                                    "the identity provider's certificate at %1 is "
                                                    "refused: %2")
                            .arg(originOf(url), reply->errorString()));
        return std::unexpected(unreachable(url, reply->errorString()));
    }
    const int code = status.toInt();
    if (code < 200 || code >= 300)
        return std::unexpected(httpError(url, code, document.object()));
    if (empty)
        return QJsonObject();
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::IdentityProviderError,
                    QCoreApplication::translate("OidcSession",
                                                "the identity provider at %1 answered "
                                                "something that is not a JSON object")
                        .arg(originOf(url)));
    return document.object();
}

void send(QNetworkReply* reply, const QUrl& url, std::chrono::milliseconds timeout,
          QObject* context, Callback callback)
{
    watchReply(reply, context, timeout,
               [url, timeout, callback = std::move(callback)](QNetworkReply* done, bool timedOut) {
                   callback(readAnswer(done, url, timedOut, timeout));
               });
}

QNetworkRequest jsonRequest(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

} // namespace

QByteArray encodeForm(const FormFields& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromUtf8(name)) + '=' +
                QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    return body;
}

QString originOf(const QUrl& url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toString();
}

bool isAllowedProviderUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    const QHostAddress address(url.host());
    return url.scheme() == QLatin1String("http") &&
           (address.isLoopback() || url.host() == QLatin1String("localhost"));
}

void getJson(QNetworkAccessManager* manager, const QUrl& url, std::chrono::milliseconds timeout,
             QObject* context, Callback callback)
{
    send(manager->get(jsonRequest(url)), url, timeout, context, std::move(callback));
}

void postForm(QNetworkAccessManager* manager, const QUrl& url, const FormFields& form,
              std::chrono::milliseconds timeout, QObject* context, Callback callback)
{
    QNetworkRequest request = jsonRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QByteArray body = encodeForm(form);
    QNetworkReply* reply = manager->post(request, body);
    wipe(body); // Qt keeps its own copy for sending; ours holds the code or a refresh token
    send(reply, url, timeout, context, std::move(callback));
}

} // namespace fenestra::net::oidchttp
