#include "dicomwebclient.h"

#include <QNetworkAccessManager>

#include <algorithm>

namespace fenestra::net {

namespace {

const QByteArray kDicomParts = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
const QByteArray kFrameParts =
    "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
const QByteArray kDicomJson = "application/dicom+json";

QString studyPath(const QString& study)
{
    return QStringLiteral("/studies/") + study;
}

QString seriesPath(const QString& study, const QString& series)
{
    return studyPath(study) + QStringLiteral("/series/") + series;
}

QString instancePath(const QString& study, const QString& series, const QString& instance)
{
    return seriesPath(study, series) + QStringLiteral("/instances/") + instance;
}

std::optional<Error> checkUids(const QStringList& uids)
{
    for (const QString& uid : uids)
        if (!isValidUid(uid))
            return Error{ErrorCode::InvalidArgument, QStringLiteral("not a valid UID")};
    return std::nullopt;
}

} // namespace

bool isValidUid(const QString& uid)
{
    if (uid.isEmpty() || uid.size() > 64 || uid.startsWith(QLatin1Char('.')) ||
        uid.endsWith(QLatin1Char('.')) || uid.contains(QLatin1String("..")))
        return false;
    return std::all_of(uid.begin(), uid.end(),
                       [](QChar c) { return c == QLatin1Char('.') || (c >= u'0' && c <= u'9'); });
}

DicomWebClient::DicomWebClient(ArchiveConfig archive, QNetworkAccessManager* manager,
                               QObject* parent)
    : QObject(parent), m_archive(std::move(archive)), m_manager(manager)
{
    Result<ArchiveTls> tls = ArchiveTls::load(m_archive.tls);
    if (tls)
        m_tls = std::make_shared<const ArchiveTls>(std::move(*tls));
    else
        m_tlsError = tls.error();
}

void DicomWebClient::launch(DicomWebRequest* request, std::optional<Error> invalid)
{
    if (m_tlsError)
        invalid = m_tlsError;
    request->setTls(m_tls);
    if (invalid)
        request->failSoon(*invalid);
    else
        request->start();
}

QUrl DicomWebClient::searchUrl(const QString& path, const QueryItems& items) const
{
    QUrl url = archiveUrl(m_archive, path);
    if (!items.isEmpty())
        url.setQuery(QString::fromLatin1(encodeQuery(items)), QUrl::TolerantMode);
    return url;
}

QNetworkRequest DicomWebClient::request(const QUrl& url, const QByteArray& accept,
                                        bool compressed) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    // Setting Accept-Encoding ourselves also stops Qt from asking for gzip.
    if (!compressed)
        request.setRawHeader("Accept-Encoding", "identity");
    if (m_tls)
        m_tls->apply(request);
    return request;
}

QidoSearch* DicomWebClient::searchStudies(const StudyQuery& query)
{
    return search(QidoLevel::Studies, QStringLiteral("/studies"), queryItems(query), {});
}

QidoSearch* DicomWebClient::searchSeries(const QString& studyUid, const SeriesQuery& query)
{
    return search(QidoLevel::Series, studyPath(studyUid) + QStringLiteral("/series"),
                  queryItems(query), {studyUid});
}

QidoSearch* DicomWebClient::searchInstances(const QString& studyUid, const QString& seriesUid,
                                            const InstanceQuery& query)
{
    return search(QidoLevel::Instances,
                  seriesPath(studyUid, seriesUid) + QStringLiteral("/instances"), queryItems(query),
                  {studyUid, seriesUid});
}

QidoSearch* DicomWebClient::search(QidoLevel level, const QString& path, const QueryItems& items,
                                   const QStringList& uids)
{
    const QueryItems literal = literalValueItems(items);
    const QueryItems& first = m_dialect == QueryDialect::LiteralValues ? literal : items;
    std::optional<QUrl> retry;
    if (m_dialect == QueryDialect::Auto && literal != items)
        retry = searchUrl(path, literal);
    auto* search =
        new QidoSearch(level, m_manager, request(searchUrl(path, first), kDicomJson, true),
                       m_options, std::move(retry), this);
    launch(search, checkUids(uids));
    return search;
}

WadoStream* DicomWebClient::retrieveSeries(const QString& studyUid, const QString& seriesUid)
{
    return stream(seriesPath(studyUid, seriesUid), kDicomParts, "application/dicom",
                  {studyUid, seriesUid});
}

WadoStream* DicomWebClient::retrieveInstance(const QString& studyUid, const QString& seriesUid,
                                             const QString& instanceUid)
{
    return stream(instancePath(studyUid, seriesUid, instanceUid), kDicomParts, "application/dicom",
                  {studyUid, seriesUid, instanceUid});
}

WadoStream* DicomWebClient::retrieveFrames(const QString& studyUid, const QString& seriesUid,
                                           const QString& instanceUid, const QList<int>& frames)
{
    QStringList numbers;
    for (const int frame : frames)
        numbers.append(QString::number(frame));
    const bool valid = !frames.isEmpty() &&
                       std::all_of(frames.begin(), frames.end(), [](int f) { return f >= 1; });
    return stream(instancePath(studyUid, seriesUid, instanceUid) + QStringLiteral("/frames/") +
                      numbers.join(QLatin1Char(',')),
                  kFrameParts, {}, {studyUid, seriesUid, instanceUid},
                  valid ? std::nullopt
                        : std::optional<Error>(Error{ErrorCode::InvalidArgument,
                                                     QStringLiteral("frame numbers start at 1")}));
}

WadoStream* DicomWebClient::stream(const QString& path, const QByteArray& accept,
                                   const QByteArray& partType, const QStringList& uids,
                                   std::optional<Error> invalid)
{
    auto* stream = new WadoStream(
        partType, m_manager, request(archiveUrl(m_archive, path), accept, m_options.compressBinary),
        m_options, this);
    if (!invalid)
        invalid = checkUids(uids);
    launch(stream, std::move(invalid));
    return stream;
}

WadoFetch* DicomWebClient::retrieveSeriesMetadata(const QString& studyUid, const QString& seriesUid)
{
    return fetch(seriesPath(studyUid, seriesUid) + QStringLiteral("/metadata"), kDicomJson,
                 {studyUid, seriesUid}, true);
}

WadoFetch* DicomWebClient::retrieveRendered(const QString& studyUid, const QString& seriesUid,
                                            const QString& instanceUid, QSize viewport,
                                            const QByteArray& accept)
{
    const QString query =
        viewport.isValid() && !viewport.isEmpty()
            ? QStringLiteral("viewport=%1,%2").arg(viewport.width()).arg(viewport.height())
            : QString();
    return fetch(instancePath(studyUid, seriesUid, instanceUid) + QStringLiteral("/rendered"),
                 accept, {studyUid, seriesUid, instanceUid}, m_options.compressBinary, query);
}

WadoFetch* DicomWebClient::fetch(const QString& path, const QByteArray& accept,
                                 const QStringList& uids, bool compressed, const QString& query)
{
    QUrl url = archiveUrl(m_archive, path);
    if (!query.isEmpty())
        url.setQuery(query);
    auto* fetch = new WadoFetch(m_manager, request(url, accept, compressed), m_options, this);
    launch(fetch, checkUids(uids));
    return fetch;
}

} // namespace fenestra::net
