#include "testbrowser.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace fenestra::integration {

struct TestBrowser::Response
{
    int status = 0; // 0: no HTTP answer
    QUrl location;  // resolved against the request URL
    QByteArray body;
    QString error;
};

// The first <form> of a page: its id, where it posts, and the fields it would submit.
struct TestBrowser::Form
{
    QString id;
    QUrl action;
    QList<QPair<QString, QString>> fields;  // hidden and pre-filled inputs
    QList<QPair<QString, QString>> buttons; // named submit buttons (name, value)
    bool isValid() const { return !id.isEmpty(); }
};

namespace {

QString decodeEntities(QString text)
{
    static const QRegularExpression numeric(QStringLiteral("&#(\\d+);"));
    QRegularExpressionMatch match;
    while ((match = numeric.match(text)).hasMatch())
        text.replace(match.capturedStart(), match.capturedLength(),
                     QChar(match.captured(1).toInt()));
    return text.replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

QMap<QString, QString> attributes(const QString& tag)
{
    static const QRegularExpression attribute(QStringLiteral("([\\w.-]+)\\s*=\\s*\"([^\"]*)\""));
    QMap<QString, QString> result;
    for (auto it = attribute.globalMatch(tag); it.hasNext();) {
        const auto match = it.next();
        result.insert(match.captured(1).toLower(), decodeEntities(match.captured(2)));
    }
    return result;
}

// The text of the element with this id (tags stripped), e.g. the provider's error.
QString elementText(const QByteArray& page, const QString& id)
{
    const QRegularExpression element(QStringLiteral("<(\\w+)[^>]*id=\"%1\"[^>]*>(.*?)</\\1>")
                                         .arg(QRegularExpression::escape(id)),
                                     QRegularExpression::DotMatchesEverythingOption);
    const auto match = element.match(QString::fromUtf8(page));
    if (!match.hasMatch())
        return {};
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    return decodeEntities(match.captured(2).remove(tags)).simplified();
}

QByteArray formBody(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

TestBrowser::TestBrowser() : TestBrowser(Options{}) {}

TestBrowser::TestBrowser(Options options)
    : m_options(options), m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

TestBrowser::~TestBrowser() = default;

void TestBrowser::clearCookies()
{
    m_network->setCookieJar(new QNetworkCookieJar); // the manager owns and replaces the jar
}

TestBrowser::Response TestBrowser::send(const QUrl& url, const QByteArray& method,
                                        const QByteArray& body)
{
    m_history.append(url);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_options.timeout.count()));
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::StrictMode);
    if (!location.isEmpty() && location.isValid())
        response.location = url.resolved(location);
    if (response.status == 0)
        response.error = reply->errorString();
    reply->deleteLater();
    return response;
}

bool TestBrowser::isLoopbackRedirectTarget(const QUrl& url, const QUrl& providerOrigin) const
{
    return url.scheme() == QLatin1String("http") && url.host() == QLatin1String("127.0.0.1") &&
           url.port(80) != providerOrigin.port(80);
}

QUrl TestBrowser::deliver(const QUrl& redirect)
{
    m_lastRedirect = redirect;
    m_lastRedirectStatus = 0;
    m_lastRedirectBody.clear();
    if (m_options.deliverRedirect) {
        const Response response = send(redirect);
        m_lastRedirectStatus = response.status;
        m_lastRedirectBody = response.body;
    }
    return redirect;
}

TestBrowser::Form TestBrowser::parseForm(const QByteArray& page)
{
    static const QRegularExpression formElement(QStringLiteral("<form\\b([^>]*)>(.*?)</form>"),
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression control(QStringLiteral("<(input|button)\\b([^>]*)>"));
    Form form;
    const auto match = formElement.match(QString::fromUtf8(page));
    if (!match.hasMatch())
        return form;
    const auto formAttributes = attributes(match.captured(1));
    form.id = formAttributes.value(QStringLiteral("id"));
    form.action = QUrl(formAttributes.value(QStringLiteral("action")));
    for (auto it = control.globalMatch(match.captured(2)); it.hasNext();) {
        const auto element = it.next();
        const auto a = attributes(element.captured(2));
        if (!a.contains(QStringLiteral("name")))
            continue;
        const QPair<QString, QString> field{a.value(QStringLiteral("name")),
                                            a.value(QStringLiteral("value"))};
        if (element.captured(1) == QLatin1String("button"))
            form.buttons.append(field);
        else
            form.fields.append(field);
    }
    return form;
}

QUrl TestBrowser::authorize(const QUrl& authorizationUrl, const QString& user,
                            const QString& password, QString* error)
{
    const auto failWith = [&](const QString& why) {
        if (error)
            *error = why;
        return QUrl();
    };
    m_history.clear();
    m_lastPage.clear();
    const QDeadlineTimer deadline(m_options.timeout);
    QUrl url = authorizationUrl;
    QByteArray method = "GET";
    QByteArray body;
    bool loginSubmitted = false;
    for (int step = 0; step < m_options.maxSteps && !deadline.hasExpired(); ++step) {
        if (isLoopbackRedirectTarget(url, authorizationUrl))
            return deliver(url);
        if (url.host() != QLatin1String("127.0.0.1"))
            return failWith(QStringLiteral("refusing to leave 127.0.0.1 for %1").arg(url.host()));
        const Response response = send(url, method, body);
        method = "GET";
        body.clear();
        if (response.status == 0)
            return failWith(QStringLiteral("no answer from %1: %2")
                                .arg(url.toString(QUrl::RemoveQuery), response.error));
        if (response.status >= 300 && response.status < 400 && response.location.isValid()) {
            url = response.location;
            continue;
        }
        m_lastPage = response.body;
        const Form form = parseForm(response.body);
        QList<QPair<QString, QString>> fields = form.fields;
        if (form.id == QLatin1String("login")) {
            if (loginSubmitted)
                return failWith(
                    QStringLiteral("login refused (HTTP %1): %2")
                        .arg(response.status)
                        .arg(elementText(response.body, QStringLiteral("login-error"))));
            loginSubmitted = true;
            for (auto& [name, value] : fields) {
                if (name == QLatin1String("login"))
                    value = user;
                else if (name == QLatin1String("password"))
                    value = password;
            }
        } else if (form.id == QLatin1String("consent")) {
            fields.append({QStringLiteral("decision"), m_options.grantConsent
                                                           ? QStringLiteral("grant")
                                                           : QStringLiteral("deny")});
        } else {
            return failWith(QStringLiteral("the provider showed a page without a login or consent "
                                           "form (HTTP %1): %2")
                                .arg(response.status)
                                .arg(elementText(response.body, QStringLiteral("error"))));
        }
        url = url.resolved(form.action);
        method = "POST";
        body = formBody(fields);
    }
    return failWith(
        QStringLiteral("no redirect to the client after %1 steps").arg(m_history.size()));
}

bool TestBrowser::endSession(const QUrl& logoutUrl, QString* error)
{
    const auto failWith = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    m_history.clear();
    m_lastPage.clear();
    const QDeadlineTimer deadline(m_options.timeout);
    QUrl url = logoutUrl;
    QByteArray method = "GET";
    QByteArray body;
    for (int step = 0; step < m_options.maxSteps && !deadline.hasExpired(); ++step) {
        if (isLoopbackRedirectTarget(url, logoutUrl)) {
            deliver(url);
            return true;
        }
        if (url.host() != QLatin1String("127.0.0.1"))
            return failWith(QStringLiteral("refusing to leave 127.0.0.1 for %1").arg(url.host()));
        const Response response = send(url, method, body);
        method = "GET";
        body.clear();
        if (response.status == 0)
            return failWith(QStringLiteral("no answer from %1: %2")
                                .arg(url.toString(QUrl::RemoveQuery), response.error));
        if (response.status >= 300 && response.status < 400 && response.location.isValid()) {
            url = response.location;
            continue;
        }
        m_lastPage = response.body;
        if (response.status == 200 && response.body.contains("id=\"signed-out\""))
            return true;
        const Form form = parseForm(response.body);
        if (form.id != QLatin1String("op.logoutForm"))
            return failWith(QStringLiteral("the provider showed no logout confirmation "
                                           "(HTTP %1): %2")
                                .arg(response.status)
                                .arg(elementText(response.body, QStringLiteral("error"))));
        QList<QPair<QString, QString>> fields = form.fields;
        fields.append({QStringLiteral("logout"), QStringLiteral("yes")});
        url = url.resolved(form.action);
        method = "POST";
        body = formBody(fields);
    }
    return failWith(QStringLiteral("logout did not finish after %1 steps").arg(m_history.size()));
}

} // namespace fenestra::integration
