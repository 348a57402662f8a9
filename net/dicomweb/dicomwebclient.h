#pragma once

#include "archiveconfig.h"
#include "dicomwebrequest.h"
#include "qidoquery.h"
#include "qidosearch.h"
#include "wadostream.h"

#include <QObject>
#include <QSize>

#include <memory>

class QNetworkAccessManager;

namespace fenestra::net {

// The DICOMweb client of one archive: QIDO-RS searches and WADO-RS retrievals on a
// QNetworkAccessManager the caller provides (shared between archives, so that connections are
// reused and Qt's limit of 6 connections per host applies).
//
// Every call returns at once a request object, a child of this client, that is already sent
// (or fails from the event loop with InvalidArgument when a UID is not a valid UID); connect to
// its signals right away. The caller deletes the request (deleteLater) when done; destroying
// the client aborts and destroys the requests still running without emitting finished().
//
// WADO-RS binary answers ask for the stored transfer syntax (transfer-syntax=*): the bytes of
// each instance are those the archive stores, never transcoded. (Orthanc 1.10 with DICOMweb
// 1.7 honours it; it refuses frame retrieval for syntaxes it does not know, such as HTJ2K, with
// HTTP 500: retrieve whole instances for those.)
//
// Typical use (progressive loading):
//     auto* stream = client.retrieveInstance(study, series, sop);
//     connect(stream, &WadoStream::partReceived, this, [](const WadoPart& part) {
//         /* hand part.bytes to the decoding pool */ });
//     connect(stream, &WadoStream::partFailed, this, [](int index, const Error& e) { ... });
//     connect(stream, &DicomWebRequest::finished, this, [stream] {
//         /* stream->outcome(): Clean, Warnings, Errored (error->code: ConnectionFailed,
//            Timeout, HttpError + httpStatus, TruncatedResponse, ...) or Cancelled */
//         stream->deleteLater(); });
//     ... stream->cancel(); // switching series: aborts at once, finished() says Cancelled
//
// TLS: the archive's TlsSettings are loaded once, here (CA bundle, client certificate with the
// password the caller put in archive.tls); every https request carries that configuration
// (TLS 1.2 minimum), the server's key is checked against the pins before anything is sent, and
// certificate problems end the request with TlsFailure and a plain, translated detail. When the
// settings cannot be loaded (a missing file, a wrong password), every request fails with that
// TlsFailure rather than connecting without them.
//
// Thread contract: create and use on the thread of the QNetworkAccessManager (normally the GUI
// thread); not thread-safe. The manager must outlive the client and its requests. Hand
// received bytes to a worker pool for decoding.
class DicomWebClient : public QObject
{
    Q_OBJECT

public:
    DicomWebClient(ArchiveConfig archive, QNetworkAccessManager* manager,
                   QObject* parent = nullptr);

    const ArchiveConfig& archive() const { return m_archive; }
    void setOptions(RequestOptions options) { m_options = std::move(options); }
    const RequestOptions& options() const { return m_options; }
    void setQueryDialect(QueryDialect dialect) { m_dialect = dialect; }
    QueryDialect queryDialect() const { return m_dialect; }
    // Why the archive's TLS settings could not be loaded (then every request fails with it).
    const std::optional<Error>& tlsError() const { return m_tlsError; }

    // QIDO-RS: GET {base}/studies?..., /studies/{study}/series?...,
    // /studies/{study}/series/{series}/instances?...
    QidoSearch* searchStudies(const StudyQuery& query);
    QidoSearch* searchSeries(const QString& studyUid, const SeriesQuery& query = {});
    QidoSearch* searchInstances(const QString& studyUid, const QString& seriesUid,
                                const InstanceQuery& query = {});

    // WADO-RS, streamed: every instance of a series, one instance, or frames (numbers from 1)
    // of one instance. Instance parts are application/dicom; frame parts are the stored
    // pixel data (application/octet-stream for native data, or the compressed image type).
    WadoStream* retrieveSeries(const QString& studyUid, const QString& seriesUid);
    WadoStream* retrieveInstance(const QString& studyUid, const QString& seriesUid,
                                 const QString& instanceUid);
    WadoStream* retrieveFrames(const QString& studyUid, const QString& seriesUid,
                               const QString& instanceUid, const QList<int>& frames);

    // WADO-RS, one body: the DICOM JSON metadata of every instance of a series (read it with
    // parseInstances or QJsonDocument), and a rendered image of an instance (the thumbnail:
    // Orthanc 1.10 has no /thumbnail) scaled to fit `viewport` when it is valid; `accept` is
    // the image type asked ("image/jpeg", "image/png").
    WadoFetch* retrieveSeriesMetadata(const QString& studyUid, const QString& seriesUid);
    WadoFetch* retrieveRendered(const QString& studyUid, const QString& seriesUid,
                                const QString& instanceUid, QSize viewport = {},
                                const QByteArray& accept = "image/jpeg");

    // The URL a search at `path` ("/studies") with `items` is sent to (exposed for tests).
    QUrl searchUrl(const QString& path, const QueryItems& items) const;

private:
    QidoSearch* search(QidoLevel level, const QString& path, const QueryItems& items,
                       const QStringList& uids);
    WadoStream* stream(const QString& path, const QByteArray& accept, const QByteArray& partType,
                       const QStringList& uids, std::optional<Error> invalid = std::nullopt);
    WadoFetch* fetch(const QString& path, const QByteArray& accept, const QStringList& uids,
                     bool compressed, const QString& query = {});
    QNetworkRequest request(const QUrl& url, const QByteArray& accept, bool compressed) const;
    // Gives `request` the archive's TLS and starts it, or fails it with `invalid`.
    void launch(DicomWebRequest* request, std::optional<Error> invalid);

    ArchiveConfig m_archive;
    QNetworkAccessManager* m_manager;
    RequestOptions m_options;
    QueryDialect m_dialect = QueryDialect::Auto;
    std::shared_ptr<const ArchiveTls> m_tls;
    std::optional<Error> m_tlsError;
};

// True for a syntactically valid DICOM UID (digits and dots, at most 64 characters): only such
// values are put in a URL path.
bool isValidUid(const QString& uid);

} // namespace fenestra::net
