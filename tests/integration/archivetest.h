#pragma once

// Helpers shared by the integration tests that drive the DICOMweb client against Orthanc.

#include "support/orthancserver.h"
#include "support/testdata.h"

#include "dicomweb/dicomwebclient.h"

#include <QSet>
#include <QSignalSpy>

namespace fenestra::integration {

// Waits for `request` to finish (it may have already).
inline bool waitFinished(net::DicomWebRequest* request, int timeoutMs = 30000)
{
    if (request->isFinished())
        return true;
    QSignalSpy spy(request, &net::DicomWebRequest::finished);
    return spy.wait(timeoutMs);
}

// Uploads the studies `keys` ("ct", "mr", ...) of the manifest; the number of files, -1 on error.
inline int uploadStudies(OrthancServer& server, const QMap<QString, ManifestStudy>& studies,
                         const QStringList& keys)
{
    int total = 0;
    for (const QString& key : keys) {
        const int stored = server.uploadAll(studies.value(key).files());
        if (stored < 0)
            return -1;
        total += stored;
    }
    return total;
}

inline net::ArchiveConfig archiveOf(const QString& url)
{
    return net::ArchiveConfig{QStringLiteral("test"), QUrl(url)};
}

// The UIDs of study records, as a set.
inline QSet<QString> studyUidSet(const std::vector<net::StudyRecord>& studies)
{
    QSet<QString> uids;
    for (const net::StudyRecord& study : studies)
        uids.insert(study.studyInstanceUid);
    return uids;
}

} // namespace fenestra::integration
