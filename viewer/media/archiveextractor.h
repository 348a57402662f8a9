#pragma once

#include "core/errors.h"

#include <QString>

#include <vector>

namespace fenestra::viewer {

struct ExtractedEntry
{
    QString entryName; // the name inside the archive, for display
    QString localPath; // the extracted copy
};

// Extracts the regular files of a zip (or any archive libarchive reads) into `destination`.
// Entries are written under generated names (never the archive's own paths, so a hostile
// "../../x" entry cannot escape), and extraction stops at `maxTotalBytes` to defuse archive
// bombs. Fails with ArchiveUnreadable when the archive is corrupt or unsupported.
//
// Thread contract: reentrant.
Result<std::vector<ExtractedEntry>> extractArchive(const QString& archivePath,
                                                   const QString& destination,
                                                   qint64 maxTotalBytes = qint64(16) << 30);

// True for names that look like archives we open (".zip").
bool isArchiveFile(const QString& path);

} // namespace fenestra::viewer
