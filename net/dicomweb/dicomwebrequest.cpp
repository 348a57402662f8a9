#include "dicomwebrequest.h"

#include "tls/archivetls.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace fenestra::net {

namespace {

// Enough of an error answer to quote the server's message, never more.
constexpr qsizetype kMaxErrorBody = 4096;

// The server's own message from an error body (Orthanc: {"Message": ...}), without the rest
// (which may name the resource, hence UIDs).
QString serverMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.value(QLatin1String("Message")).toString().left(200);
}

Error httpStatusError(int status, const QByteArray& body)
{
    ErrorCode code = ErrorCode::HttpError;
    if (status == 401)
        code = ErrorCode::Unauthorized;
    else if (status == 403)
        code = ErrorCode::Forbidden;
    QString detail = QStringLiteral("HTTP %1").arg(status);
    const QString message = serverMessage(body);
    if (!message.isEmpty())
        detail += QStringLiteral(" (%1)").arg(message);
    return Error{code, detail};
}

ErrorCode networkErrorCode(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
        return ErrorCode::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return ErrorCode::TlsFailure;
    case QNetworkReply::ProtocolFailure:
        return ErrorCode::MalformedResponse;
    case QNetworkReply::AuthenticationRequiredError:
        return ErrorCode::Unauthorized;
    default:
        return ErrorCode::ConnectionFailed;
    }
}

} // namespace

const char* requestStatusName(RequestStatus status)
{
    switch (status) {
    case RequestStatus::Running:
        return "Running";
    case RequestStatus::Clean:
        return "Clean";
    case RequestStatus::Warnings:
        return "Warnings";
    case RequestStatus::Errored:
        return "Errored";
    case RequestStatus::Cancelled:
        return "Cancelled";
    }
    return "Unknown";
}

DicomWebRequest::DicomWebRequest(QNetworkAccessManager* manager, QNetworkRequest request,
                                 RequestOptions options, QObject* parent)
    : QObject(parent), m_manager(manager), m_request(std::move(request)),
      m_options(std::move(options))
{
    for (const auto& [name, value] : m_options.headers)
        m_request.setRawHeader(name, value);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_options.idleTimeout);
    connect(&m_idle, &QTimer::timeout, this, &DicomWebRequest::onIdleTimeout);
    m_clock.start();
}

DicomWebRequest::~DicomWebRequest()
{
    detachReply();
}

qint64 DicomWebRequest::elapsedMs() const
{
    return isFinished() ? m_elapsedAtFinish : m_clock.elapsed();
}

void DicomWebRequest::start()
{
    restart(m_request.url());
}

void DicomWebRequest::restart(const QUrl& url)
{
    detachReply();
    m_request.setUrl(url);
    m_headersSeen = false;
    m_success = false;
    m_errorBody.clear();
    m_sslErrors.clear();
    if (m_options.authorization) {
        m_request.setRawHeader("Authorization", m_options.authorization());
        m_request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                               QNetworkRequest::SameOriginRedirectPolicy);
    }
    m_reply = m_manager->get(m_request);
    m_reply->setParent(this);
    m_reply->setReadBufferSize(m_options.readBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &DicomWebRequest::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &DicomWebRequest::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DicomWebRequest::onReplyFinished);
    connect(m_reply, &QNetworkReply::encrypted, this, &DicomWebRequest::onEncrypted);
    // Kept to describe them; never ignored, so Qt aborts the handshake.
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors = errors; });
    m_idle.start();
}

void DicomWebRequest::failSoon(Error error)
{
    QTimer::singleShot(0, this, [this, error = std::move(error)] {
        if (!isFinished())
            finishWith(RequestStatus::Errored, error);
    });
}

void DicomWebRequest::cancel()
{
    if (isFinished())
        return;
    detachReply(); // aborts: the connection closes now
    finishWith(RequestStatus::Cancelled,
               Error{ErrorCode::Cancelled, QStringLiteral("cancelled by the caller")});
}

std::optional<Error> DicomWebRequest::acceptResponse(const QNetworkReply& /*reply*/)
{
    return std::nullopt;
}

void DicomWebRequest::finishWith(RequestStatus status, std::optional<Error> error)
{
    if (isFinished())
        return;
    m_idle.stop();
    detachReply(); // a request that ends early frees its connection at once
    m_elapsedAtFinish = m_clock.elapsed();
    m_outcome.status = status;
    m_outcome.error = std::move(error);
    emit finished();
}

void DicomWebRequest::onMetaDataChanged()
{
    if (m_headersSeen || !m_reply)
        return;
    // Also here: a reused connection does not always announce its handshake again.
    if (refuseUnpinnedPeer())
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // A redirect Qt follows is not the answer: the next one is.
    if (!status.isValid() || (status.toInt() >= 300 && status.toInt() < 400))
        return;
    m_headersSeen = true;
    m_idle.start();
    m_outcome.httpStatus = status.toInt();
    m_success = m_outcome.httpStatus >= 200 && m_outcome.httpStatus < 300;
    if (!m_success)
        return;
    m_refusal = acceptResponse(*m_reply);
    if (m_refusal) {
        m_abort = Abort::Refused;
        m_reply->abort(); // onReplyFinished reports the refusal
    }
}

void DicomWebRequest::onReadyRead()
{
    if (!m_reply || isFinished())
        return;
    onMetaDataChanged();
    if (!m_reply || isFinished() || m_abort != Abort::None)
        return; // the answer was refused while reading its headers
    m_idle.start();
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    m_outcome.bytesReceived += chunk.size();
    if (m_success) {
        consume(chunk);
    } else if (m_errorBody.size() < kMaxErrorBody) {
        m_errorBody += chunk.left(kMaxErrorBody - m_errorBody.size());
    }
    if (!isFinished())
        emit progress(m_outcome.bytesReceived);
}

void DicomWebRequest::onReplyFinished()
{
    if (!m_reply || isFinished())
        return;
    if (m_abort == Abort::None)
        onReadyRead(); // anything still buffered
    if (isFinished())
        return;
    m_idle.stop();
    const Abort abort = m_abort;
    m_abort = Abort::None;
    if (abort == Abort::Refused) {
        finishWith(RequestStatus::Errored, m_refusal);
        return;
    }
    const bool failed = abort == Abort::Timeout || m_reply->error() != QNetworkReply::NoError;
    if (!failed && m_success) {
        complete();
        return;
    }
    const Error error =
        abort == Abort::Timeout
            ? Error{ErrorCode::Timeout,
                    QStringLiteral("nothing received for %1 ms").arg(m_options.idleTimeout.count())}
            : replyError();
    if (m_success)
        abandon();
    finishWith(RequestStatus::Errored, error);
}

void DicomWebRequest::onIdleTimeout()
{
    if (!m_reply || isFinished())
        return;
    m_abort = Abort::Timeout;
    m_reply->abort(); // emits finished: onReplyFinished reports the timeout
}

Error DicomWebRequest::replyError()
{
    if (!m_headersSeen) { // a final answer whose headers were not taken (an unfollowed redirect)
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        m_headersSeen = status.isValid();
        m_outcome.httpStatus = status.toInt();
    }
    if (m_headersSeen && !m_success)
        return httpStatusError(m_outcome.httpStatus, m_errorBody);
    if (std::optional<Error> tls = tlsError())
        return *tls;
    const QNetworkReply::NetworkError error = m_reply->error();
    if (error == QNetworkReply::RemoteHostClosedError && m_headersSeen)
        return Error{ErrorCode::TruncatedResponse,
                     QStringLiteral("the server closed the connection after %1 bytes")
                         .arg(m_outcome.bytesReceived)};
    if (error == QNetworkReply::NoError) // an answer without an HTTP status
        return Error{ErrorCode::MalformedResponse, QStringLiteral("no HTTP status")};
    return Error{networkErrorCode(error), m_reply->errorString()};
}

void DicomWebRequest::onEncrypted()
{
    refuseUnpinnedPeer();
}

bool DicomWebRequest::refuseUnpinnedPeer()
{
    if (!m_tls || !m_reply || m_abort != Abort::None)
        return m_abort == Abort::Refused;
    std::optional<Error> error =
        m_tls->checkPin(m_reply->sslConfiguration().peerCertificate(), m_request.url().host());
    if (!error)
        return false;
    m_refusal = std::move(error);
    m_abort = Abort::Refused;
    m_reply->abort(); // before the request is sent: onReplyFinished reports the refusal
    return true;
}

std::optional<Error> DicomWebRequest::tlsError() const
{
    if (m_request.url().scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QString host = m_request.url().host();
    if (!m_sslErrors.isEmpty())
        return describeSslErrors(m_sslErrors, host);
    // A refusal by the server (its TLS alert) comes as a handshake failure or, with TLS 1.3
    // client certificates, as a read error after the handshake: OpenSSL's text names it.
    const QString text = m_reply->errorString();
    if (m_reply->error() == QNetworkReply::SslHandshakeFailedError ||
        text.contains(QLatin1String(" alert "), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("SSL routines"), Qt::CaseInsensitive))
        return describeHandshakeFailure(text, host, m_tls && m_tls->hasClientCertificate());
    return std::nullopt;
}

void DicomWebRequest::detachReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace fenestra::net
