#include "consent/consentregistry.h"

#include "core/replywatch.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace fenestra::net {

namespace {

using namespace Qt::Literals::StringLiterals;

QString originOf(const QUrl& url)
{
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toString();
}

// Error details may reach the user: translated (context "ConsentRegistry").
Error unavailable(const QUrl& url, const QString& why)
{
    return Error{ErrorCode::ConsentRegistryUnavailable,
                 QCoreApplication::translate("ConsentRegistry", "consent registry at %1: %2")
                     .arg(originOf(url), why)};
}

Result<ConsentBundle> readAnswer(QNetworkReply* reply, const QUrl& url, bool timedOut,
                                 std::chrono::milliseconds timeout)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = reply->readAll();
    if (!status.isValid()) {
        if (timedOut)
            return std::unexpected(unavailable(
                url, QCoreApplication::translate("ConsentRegistry", "no answer within %1 s")
                         .arg(timeout.count() / 1000.0)));
        if (reply->error() == QNetworkReply::SslHandshakeFailedError)
            return fail(ErrorCode::TlsFailure,
                        QCoreApplication::translate(
                            "ConsentRegistry", "consent registry at %1: certificate refused: %2")
                            .arg(originOf(url), reply->errorString()));
        return std::unexpected(unavailable(url, reply->errorString()));
    }
    const int code = status.toInt();
    if (code == 401)
        return fail(ErrorCode::Unauthorized,
                    QCoreApplication::translate(
                        "ConsentRegistry", "consent registry at %1 asks for a login (HTTP 401)")
                        .arg(originOf(url)));
    if (code == 403)
        return fail(ErrorCode::Forbidden,
                    QCoreApplication::translate("ConsentRegistry",
                                                "consent registry at %1 refused access (HTTP 403)")
                        .arg(originOf(url)));
    if (code < 200 || code >= 300)
        return std::unexpected(
            unavailable(url, QCoreApplication::translate("ConsentRegistry", "HTTP %1").arg(code)));
    Result<ConsentBundle> bundle = parseConsentBundle(body);
    if (!bundle)
        return fail(
            ErrorCode::MalformedConsent,
            QCoreApplication::translate("ConsentRegistry", "consent registry at %1 answered %2")
                .arg(originOf(url), bundle.error().detail));
    return bundle;
}

} // namespace

ConsentRegistryClient::ConsentRegistryClient(ConsentRegistryConfig config,
                                             QNetworkAccessManager* manager)
    : m_config(std::move(config)), m_manager(manager)
{}

QUrl ConsentRegistryClient::searchUrl(const ConsentPatient& patient) const
{
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + "Consent"_L1);
    QString query;
    if (!patient.value.isEmpty()) {
        const QString token =
            patient.system.isEmpty() ? patient.value : patient.system + u'|' + patient.value;
        query = "patient:identifier="_L1 + QString::fromLatin1(QUrl::toPercentEncoding(token));
    } else {
        query = "patient="_L1 + QString::fromLatin1(QUrl::toPercentEncoding(patient.reference));
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

void ConsentRegistryClient::search(const ConsentPatient& patient, QObject* context,
                                   Callback callback) const
{
    const QString scheme = m_config.baseUrl.scheme();
    if (!m_config.baseUrl.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) ||
        (patient.value.isEmpty() && patient.reference.isEmpty())) {
        QTimer::singleShot(0, context, [callback] {
            callback(fail(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate(
                    "ConsentRegistry", "consent search needs an http(s) registry and a patient")));
        });
        return;
    }
    const QUrl url = searchUrl(patient);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/fhir+json");
    if (m_config.authorization) {
        const QByteArray value = m_config.authorization();
        if (!value.isEmpty())
            request.setRawHeader("Authorization", value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply* reply = m_manager->get(request);
    watchReply(reply, context, m_config.timeout,
               [url, timeout = m_config.timeout,
                callback = std::move(callback)](QNetworkReply* done, bool timedOut) {
                   callback(readAnswer(done, url, timedOut, timeout));
               });
}

} // namespace fenestra::net
