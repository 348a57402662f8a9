#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QObject;

// The HTTP exchanges with an identity provider (discovery, keys, token, revocation): JSON
// answers, form-encoded requests, one error vocabulary. Internal to net/auth.
//
// Errors: IdentityProviderUnreachable "cannot reach the identity provider at <origin>: <why>"
// (no HTTP answer, or none in time); TlsFailure for a refused certificate;
// IdentityProviderError with the OAuth "error" and "error_description" of an error answer, or
// the HTTP status. Details name the provider's origin, never a token or a query string.
// Thread contract: call on the thread of the manager; the callback runs there.
namespace fenestra::net::oidchttp {

using FormFields = QList<QPair<QByteArray, QByteArray>>;
// The answer: the JSON object of a 2xx answer (an empty object for an empty body).
using Callback = std::function<void(Result<QJsonObject>)>;

// application/x-www-form-urlencoded, each name and value percent-encoded exactly once
// (RFC 3986 unreserved characters kept as they are).
QByteArray encodeForm(const FormFields& fields);

// "http://127.0.0.1:8080" of a URL: what error messages may name.
QString originOf(const QUrl& url);

// True for https URLs, and for http on a loopback address (a provider on this machine).
bool isAllowedProviderUrl(const QUrl& url);

// GET `url` (Accept: application/json) / POST `form` to `url`. `callback` is called once,
// unless `context` is destroyed first (that aborts the request). No redirects are followed
// to another origin; no cookies are kept.
void getJson(QNetworkAccessManager* manager, const QUrl& url, std::chrono::milliseconds timeout,
             QObject* context, Callback callback);
void postForm(QNetworkAccessManager* manager, const QUrl& url, const FormFields& form,
              std::chrono::milliseconds timeout, QObject* context, Callback callback);

} // namespace fenestra::net::oidchttp
