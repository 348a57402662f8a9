#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace fenestra::net {

class ArchiveTls;

// How one request ended (Starviewer's per-request status).
enum class RequestStatus
{
    Running,   // not finished yet
    Clean,     // complete, every part usable
    Warnings,  // complete, but some parts failed (see partsFailed and partFailed signals)
    Errored,   // failed as a whole or cut short: `error` says why; parts delivered before stay
    Cancelled, // cancel() was called
};
// Stable name of a status ("Clean"), for logs and tests.
const char* requestStatusName(RequestStatus status);

struct RequestOutcome
{
    RequestStatus status = RequestStatus::Running;
    // Errored and Cancelled: why. Warnings: the first part error. Clean: empty.
    std::optional<Error> error;
    int httpStatus = 0; // 0 when no HTTP answer came (connection failure, cancel before)
    int partsDelivered = 0;
    int partsFailed = 0;
    qint64 bytesReceived = 0; // body bytes, after any decompression
};

// Settings shared by the requests of one client.
struct RequestOptions
{
    // A request that receives nothing for this long fails with Timeout (covers connecting too).
    std::chrono::milliseconds idleTimeout{30000};
    // WADO-RS binary responses are asked uncompressed by default: DICOM pixel data compresses
    // poorly and gzip costs the server CPU; JSON (QIDO, metadata) is always asked compressed.
    bool compressBinary = false;
    // Most bytes Qt holds for a request before it stops reading the socket: with HTTP, Qt's
    // network thread otherwise reads as fast as the link allows, and an answer arriving faster
    // than the receiving thread handles it would pile up in memory. 0: no limit.
    qint64 readBufferBytes = 2 * 1024 * 1024;
    // Extra headers sent with every request (an Authorization header, say).
    QList<QPair<QByteArray, QByteArray>> headers;
    // The Authorization header value ("Bearer <token>"), asked each time a request is sent (so
    // a retry after a token refresh carries the new token); empty: no header. Set, such
    // requests follow redirects only within the same origin, so the token never goes elsewhere.
    // A refused token ends the request with Unauthorized (401) or Forbidden (403).
    std::function<QByteArray()> authorization;
};

// One HTTP GET to a DICOMweb server, read as it arrives (on readyRead, never buffered whole
// by this class), with an idle timeout, cancellation and an outcome. Subclasses interpret the
// body: QidoSearch (JSON records), WadoStream (multipart parts), WadoFetch (one body).
//
// Thread contract: lives on the thread of its QNetworkAccessManager and is used only there; all
// signals are emitted on that thread. finished() is emitted exactly once, also when the request
// fails before any network activity (then from the event loop, never inside the call that
// created it). The creator owns the object (it is a child of the client): delete it (or
// deleteLater) when done; deleting a running request aborts it without emitting finished().
class DicomWebRequest : public QObject
{
    Q_OBJECT

public:
    ~DicomWebRequest() override;

    const RequestOutcome& outcome() const { return m_outcome; }
    bool isFinished() const { return m_outcome.status != RequestStatus::Running; }
    // Milliseconds from creation to finish (or to now while running).
    qint64 elapsedMs() const;

public slots:
    // Aborts the transfer at once (the connection is closed, the bandwidth freed) and emits
    // finished() with status Cancelled before returning. Does nothing once finished.
    void cancel();

signals:
    // Body bytes received so far (after decompression); emitted for every chunk read.
    void progress(qint64 bytesReceived);
    void finished();

protected:
    friend class DicomWebClient; // starts requests, or fails them before sending

    DicomWebRequest(QNetworkAccessManager* manager, QNetworkRequest request, RequestOptions options,
                    QObject* parent);

    // Sends the request (the client calls it once the object is fully built).
    void start();
    // Sends a new GET to `url` with the same headers (QIDO's literal-value retry).
    void restart(const QUrl& url);
    // Finishes from the event loop with `error` (for arguments refused before sending).
    void failSoon(Error error);
    // The archive's TLS configuration (set before start()): its pins are checked as soon as the
    // handshake is done, before anything is sent, and certificate problems are described.
    void setTls(std::shared_ptr<const ArchiveTls> tls) { m_tls = std::move(tls); }

    // Hooks, in this order: headers of a 2xx answer (an error refuses the response), then body
    // chunks of a 2xx answer, then the end: complete() when the response ended normally, or
    // abandon() when it was cut short (to report the part in progress) before finishing.
    virtual std::optional<Error> acceptResponse(const QNetworkReply& reply);
    virtual void consume(QByteArrayView chunk) = 0;
    virtual void complete() = 0;
    virtual void abandon() {}

    // Ends the request (called by complete(), or by the base class on failure).
    void finishWith(RequestStatus status, std::optional<Error> error = std::nullopt);
    RequestOutcome& mutableOutcome() { return m_outcome; }
    const RequestOptions& options() const { return m_options; }

private:
    enum class Abort
    {
        None,
        Timeout,
        Refused // acceptResponse() refused the answer
    };

    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onIdleTimeout();
    void onEncrypted();
    bool refuseUnpinnedPeer();
    void detachReply();
    Error replyError();
    std::optional<Error> tlsError() const;

    QNetworkAccessManager* m_manager;
    QNetworkRequest m_request;
    RequestOptions m_options;
    QPointer<QNetworkReply> m_reply;
    QTimer m_idle;
    QElapsedTimer m_clock;
    qint64 m_elapsedAtFinish = 0;
    RequestOutcome m_outcome;
    bool m_headersSeen = false;
    bool m_success = false; // 2xx answer
    Abort m_abort = Abort::None;
    std::optional<Error> m_refusal;
    QByteArray m_errorBody; // the start of an error answer, for its detail
    std::shared_ptr<const ArchiveTls> m_tls;
    QList<QSslError> m_sslErrors; // certificate problems of the handshake (never ignored)
};

} // namespace fenestra::net
