#include "archiveextractor.h"

#include <QDir>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace fenestra::viewer {

namespace {

struct ArchiveCloser
{
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

Error archiveError(archive* a, const QString& what)
{
    const char* message = archive_error_string(a);
    return {ErrorCode::ArchiveUnreadable,
            what + QStringLiteral(": ") +
                (message ? QString::fromLocal8Bit(message) : QStringLiteral("unknown error"))};
}

// Copies the current entry's data into `path`; returns the bytes written.
Result<qint64> writeEntry(archive* a, const QString& path, qint64 budget)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(ErrorCode::WriteFailed, out.errorString());
    qint64 written = 0;
    char buffer[64 * 1024];
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buffer, sizeof buffer);
        if (n == 0)
            break;
        if (n < 0)
            return std::unexpected(archiveError(a, QStringLiteral("entry data")));
        written += n;
        if (written > budget)
            return fail(ErrorCode::ArchiveUnreadable,
                        QStringLiteral("archive expands beyond the size limit"));
        if (out.write(buffer, n) != n)
            return fail(ErrorCode::WriteFailed, out.errorString());
    }
    return written;
}

} // namespace

bool isArchiveFile(const QString& path)
{
    return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

Result<std::vector<ExtractedEntry>> extractArchive(const QString& archivePath,
                                                   const QString& destination, qint64 maxTotalBytes)
{
    ArchivePtr a(archive_read_new());
    archive_read_support_format_zip(a.get());
    archive_read_support_filter_all(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(archivePath).constData(),
                                   64 * 1024) != ARCHIVE_OK)
        return std::unexpected(archiveError(a.get(), archivePath));
    if (!QDir().mkpath(destination))
        return fail(ErrorCode::WriteFailed, destination);

    std::vector<ExtractedEntry> entries;
    qint64 total = 0;
    archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        const QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry)
                                                   ? archive_entry_pathname_utf8(entry)
                                                   : archive_entry_pathname(entry));
        const QString path =
            QDir(destination)
                .filePath(QStringLiteral("entry-%1").arg(entries.size(), 6, 10, QLatin1Char('0')));
        auto written = writeEntry(a.get(), path, maxTotalBytes - total);
        if (!written)
            return std::unexpected(written.error());
        total += *written;
        entries.push_back({name, path});
    }
    if (status != ARCHIVE_EOF)
        return std::unexpected(archiveError(a.get(), archivePath));
    return entries;
}

} // namespace fenestra::viewer
