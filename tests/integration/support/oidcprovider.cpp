#include "oidcprovider.h"

#include "testbrowser.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUrlQuery>

namespace fenestra::integration {

namespace {

// provider.mjs exits with this when its port is taken (a race with another process).
constexpr int kExitPortInUse = 98;

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& byte : raw)
        byte = char(QRandomGenerator::system()->bounded(256));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QJsonObject jwtPart(const QByteArray& jwt, int index)
{
    const QByteArray part = jwt.split('.').value(index);
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
        .object();
}

QByteArray formBody(const QList<QPair<QByteArray, QByteArray>>& form)
{
    QByteArray body;
    for (const auto& [name, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromUtf8(name)) + '=' +
                QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    return body;
}

TokenSet parseTokenResponse(const HttpResult& result)
{
    TokenSet tokens;
    if (result.status == 0) {
        tokens.error = QStringLiteral("no answer from the token endpoint: %1").arg(result.error);
        return tokens;
    }
    const QJsonObject json = QJsonDocument::fromJson(result.body).object();
    if (result.status != 200 || json.contains(QLatin1String("error"))) {
        tokens.error = QStringLiteral("HTTP %1 %2: %3")
                           .arg(result.status)
                           .arg(json.value(QLatin1String("error")).toString(),
                                json.value(QLatin1String("error_description")).toString());
        return tokens;
    }
    tokens.accessToken = json.value(QLatin1String("access_token")).toString().toLatin1();
    tokens.idToken = json.value(QLatin1String("id_token")).toString().toLatin1();
    tokens.refreshToken = json.value(QLatin1String("refresh_token")).toString().toLatin1();
    tokens.tokenType = json.value(QLatin1String("token_type")).toString();
    tokens.scope = json.value(QLatin1String("scope")).toString();
    tokens.expiresIn = json.value(QLatin1String("expires_in")).toInt();
    if (tokens.accessToken.isEmpty())
        tokens.error = QStringLiteral("the token endpoint returned no access token");
    return tokens;
}

QJsonArray usersJson(const QList<OidcProvider::User>& users)
{
    QJsonArray array;
    for (const OidcProvider::User& user : users)
        array.append(QJsonObject{{QStringLiteral("username"), user.username},
                                 {QStringLiteral("password"), user.password},
                                 {QStringLiteral("name"), user.name},
                                 {QStringLiteral("organisation"), user.organisation},
                                 {QStringLiteral("organisationName"), user.organisationName},
                                 {QStringLiteral("role"), user.role}});
    return array;
}

} // namespace

QJsonObject jwtHeader(const QByteArray& jwt)
{
    return jwtPart(jwt, 0);
}

QJsonObject jwtClaims(const QByteArray& jwt)
{
    return jwtPart(jwt, 1);
}

QList<OidcProvider::User> OidcProvider::defaultUsers()
{
    return {
        User{QStringLiteral("alice"), QStringLiteral("alice-secret-1"),
             QStringLiteral("Dr. Alice Martin"), QStringLiteral("hospital-a"),
             QStringLiteral("Hospital A"), QStringLiteral("physician")},
        User{QStringLiteral("bob"), QStringLiteral("bob-secret-2"),
             QStringLiteral("Dr. Bob Keller"), QStringLiteral("hospital-b"),
             QStringLiteral("Hospital B"), QStringLiteral("gp")},
    };
}

OidcProvider::OidcProvider() : OidcProvider(Options{}) {}

OidcProvider::OidcProvider(Options options) : m_options(std::move(options))
{
    if (m_options.providerDirectory.isEmpty())
        m_options.providerDirectory = QStringLiteral(FENESTRA_OIDC_PROVIDER_DIR);
}

OidcProvider::~OidcProvider()
{
    stop();
}

QString OidcProvider::orthancFilterScript()
{
    return QStringLiteral(FENESTRA_ORTHANC_JWT_FILTER);
}

QString OidcProvider::issuer() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString OidcProvider::discoveryUrl() const
{
    return issuer() + QStringLiteral("/.well-known/openid-configuration");
}

QString OidcProvider::jwksUrl() const
{
    return issuer() + QStringLiteral("/jwks");
}

QString OidcProvider::jwksFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("jwks.json")) : QString();
}

bool OidcProvider::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QJsonObject OidcProvider::orthancConfiguration(const QString& audience) const
{
    return {{QStringLiteral("FenestraAuth"),
             QJsonObject{
                 {QStringLiteral("Issuer"), issuer()},
                 {QStringLiteral("Audience"), audience.isEmpty() ? m_options.audience : audience},
                 {QStringLiteral("JwksFile"), jwksFile()}}}};
}

bool OidcProvider::start()
{
    stop();
    const QString script = m_options.providerDirectory + QStringLiteral("/provider.mjs");
    const QString module =
        m_options.providerDirectory + QStringLiteral("/node_modules/oidc-provider");
    if (QStandardPaths::findExecutable(m_options.node).isEmpty() &&
        !QFileInfo(m_options.node).isExecutable()) {
        fail(QStringLiteral("Node.js (%1) not found: run installer/setup.sh").arg(m_options.node));
        return false;
    }
    if (!QFileInfo::exists(script) || !QFileInfo::exists(module)) {
        fail(QStringLiteral("%1 or its node_modules missing: run installer/setup.sh (npm ci there)")
                 .arg(m_options.providerDirectory));
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        fail(QStringLiteral("cannot create a temporary directory"));
        return false;
    }
    for (int attempt = 0; attempt < m_options.startAttempts; ++attempt) {
        m_port = pickFreePort();
        if (launch())
            return true;
        if (m_process->exitCode() != kExitPortInUse)
            return false; // not a port race: retrying would not help
    }
    return false;
}

bool OidcProvider::restart()
{
    if (!m_dir) {
        fail(QStringLiteral("restart() before start()"));
        return false;
    }
    stop();
    for (int attempt = 0; attempt < m_options.startAttempts; ++attempt)
        if (launch())
            return true;
    return false;
}

bool OidcProvider::writeConfiguration()
{
    const QJsonObject config{
        {QStringLiteral("port"), m_port},
        {QStringLiteral("stateDirectory"), m_dir->path()},
        {QStringLiteral("clientId"), m_options.clientId},
        {QStringLiteral("redirectUris"), QJsonArray::fromStringList(m_options.redirectUris)},
        {QStringLiteral("postLogoutRedirectUris"),
         QJsonArray::fromStringList(m_options.postLogoutRedirectUris)},
        {QStringLiteral("audience"), m_options.audience},
        {QStringLiteral("otherAudience"), m_options.otherAudience},
        {QStringLiteral("purposeOfUse"), m_options.purposeOfUse},
        {QStringLiteral("accessTokenTtl"), m_options.accessTokenTtlSeconds},
        {QStringLiteral("breakGlassTtl"), m_options.breakGlassTtlSeconds},
        {QStringLiteral("idTokenTtl"), m_options.idTokenTtlSeconds},
        {QStringLiteral("refreshTokenTtl"), m_options.refreshTokenTtlSeconds},
        {QStringLiteral("sessionTtl"), m_options.sessionTtlSeconds},
        {QStringLiteral("consentForm"), m_options.consentForm},
        {QStringLiteral("users"), usersJson(m_options.users)}};
    QFile file(m_dir->filePath(QStringLiteral("provider.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0) {
        fail(QStringLiteral("cannot write %1").arg(file.fileName()));
        return false;
    }
    return true;
}

bool OidcProvider::launch()
{
    if (!writeConfiguration())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_options.node);
    m_process->setArguments(
        {QStringLiteral("provider.mjs"), m_dir->filePath(QStringLiteral("provider.json"))});
    m_process->setWorkingDirectory(m_options.providerDirectory);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("provider.log")),
                                     QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        fail(QStringLiteral("cannot run %1: %2").arg(m_options.node, m_process->errorString()));
        return false;
    }
    return waitReady();
}

bool OidcProvider::waitReady()
{
    const QDeadlineTimer deadline(m_options.readyTimeout);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            fail(QStringLiteral("the provider exited during start-up (code %1)")
                     .arg(m_process->exitCode()));
            return false;
        }
        const HttpResult discovery = get("/.well-known/openid-configuration");
        if (discovery.status == 200 &&
            QJsonDocument::fromJson(discovery.body).object().value(QLatin1String("issuer")) ==
                issuer())
            return true;
        m_process->waitForFinished(50); // returns at once if it dies
    }
    fail(QStringLiteral("the provider did not answer its discovery document in time"));
    kill();
    return false;
}

bool OidcProvider::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    const bool clean = m_process->waitForFinished(10000);
    if (!clean) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    collectLog();
    return clean && m_process->exitStatus() == QProcess::NormalExit;
}

void OidcProvider::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    collectLog();
}

QByteArray OidcProvider::log() const
{
    QFile file(m_dir ? m_dir->filePath(QStringLiteral("provider.log")) : QString());
    if (file.open(QIODevice::ReadOnly))
        m_log = file.readAll();
    return m_log;
}

void OidcProvider::collectLog()
{
    log();
}

void OidcProvider::fail(const QString& why)
{
    collectLog();
    m_lastError = why + QStringLiteral("\n--- end of the provider's log ---\n") +
                  QString::fromLocal8Bit(m_log.right(2000));
}

HttpResult OidcProvider::get(const QByteArray& target)
{
    return httpRequest(m_port, "GET", target, {}, {}, std::chrono::seconds(5));
}

HttpResult OidcProvider::tokenRequest(const QList<QPair<QByteArray, QByteArray>>& form)
{
    auto all = form;
    all.append({"client_id", m_options.clientId.toUtf8()});
    return httpRequest(m_port, "POST", "/token", formBody(all),
                       {{"Content-Type", "application/x-www-form-urlencoded"}},
                       std::chrono::seconds(10));
}

QUrl OidcProvider::authorizationUrl(const QString& redirectUri, const QString& state,
                                    const QString& nonce, const QString& codeChallenge,
                                    const QString& resource) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_options.clientId);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid profile offline_access"));
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("nonce"), nonce);
    query.addQueryItem(QStringLiteral("code_challenge"), codeChallenge);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!resource.isEmpty())
        query.addQueryItem(QStringLiteral("resource"), resource);
    QUrl url(issuer() + QStringLiteral("/auth"));
    // Encode every reserved character: the values hold ':' and '/' (redirect URI, resource).
    QString encoded;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded))
        encoded += (encoded.isEmpty() ? QString() : QStringLiteral("&")) + name + QLatin1Char('=') +
                   QString::fromLatin1(QUrl::toPercentEncoding(value));
    url.setQuery(encoded, QUrl::StrictMode);
    return url;
}

QUrl OidcProvider::endSessionUrl(const QByteArray& idTokenHint,
                                 const QString& postLogoutRedirectUri, const QString& state) const
{
    QString query = QStringLiteral("id_token_hint=") + QString::fromLatin1(idTokenHint);
    if (!postLogoutRedirectUri.isEmpty())
        query += QStringLiteral("&post_logout_redirect_uri=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(postLogoutRedirectUri));
    if (!state.isEmpty())
        query += QStringLiteral("&state=") + QString::fromLatin1(QUrl::toPercentEncoding(state));
    QUrl url(issuer() + QStringLiteral("/session/end"));
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

TokenSet OidcProvider::obtainTokens(const QString& user, const QString& password,
                                    const QString& audience)
{
    const QByteArray verifier = randomUrlSafe(32);
    const QByteArray challenge =
        QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString state = QString::fromLatin1(randomUrlSafe(16));
    // Nobody listens there: the browser stops at the redirect and we take the code from it.
    const QString redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(pickFreePort());
    TestBrowser::Options browserOptions;
    browserOptions.deliverRedirect = false;
    TestBrowser browser(browserOptions);
    QString error;
    const QUrl redirect = browser.authorize(
        authorizationUrl(redirectUri, state, QString::fromLatin1(randomUrlSafe(16)),
                         QString::fromLatin1(challenge), audience),
        user, password, &error);
    TokenSet tokens;
    const QUrlQuery answer(redirect);
    if (redirect.isEmpty()) {
        tokens.error = error;
    } else if (answer.queryItemValue(QStringLiteral("state")) != state) {
        tokens.error = QStringLiteral("the redirect carries the wrong state");
    } else if (!answer.hasQueryItem(QStringLiteral("code"))) {
        tokens.error = QStringLiteral("authorization refused: %1 %2")
                           .arg(answer.queryItemValue(QStringLiteral("error")),
                                answer.queryItemValue(QStringLiteral("error_description"),
                                                      QUrl::FullyDecoded));
    }
    if (!tokens.error.isEmpty())
        return tokens;
    QList<QPair<QByteArray, QByteArray>> form{
        {"grant_type", "authorization_code"},
        {"code", answer.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).toUtf8()},
        {"redirect_uri", redirectUri.toUtf8()},
        {"code_verifier", verifier}};
    if (!audience.isEmpty())
        form.append({"resource", audience.toUtf8()});
    return parseTokenResponse(tokenRequest(form));
}

TokenSet OidcProvider::refreshTokens(const QByteArray& refreshToken, const QString& audience)
{
    QList<QPair<QByteArray, QByteArray>> form{{"grant_type", "refresh_token"},
                                              {"refresh_token", refreshToken}};
    if (!audience.isEmpty())
        form.append({"resource", audience.toUtf8()});
    return parseTokenResponse(tokenRequest(form));
}

TokenSet OidcProvider::breakGlassTokens(const QByteArray& refreshToken, const QString& reason,
                                        const QString& purpose, const QString& audience)
{
    QList<QPair<QByteArray, QByteArray>> form{{"grant_type", "refresh_token"},
                                              {"refresh_token", refreshToken},
                                              {"purpose_of_use", purpose.toUtf8()},
                                              {"break_glass_reason", reason.toUtf8()}};
    if (!audience.isEmpty())
        form.append({"resource", audience.toUtf8()});
    return parseTokenResponse(tokenRequest(form));
}

} // namespace fenestra::integration
