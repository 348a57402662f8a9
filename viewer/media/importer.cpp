#include "importer.h"

#include "archiveextractor.h"
#include "dicom/dicomdir.h"
#include "dicom/dicomreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

namespace fenestra::viewer {

namespace {

struct Candidate
{
    QString source;    // shown to the user
    QString localPath; // read from here
};

struct Collector
{
    const ImportOptions& options;
    ImportResult& result;
    std::vector<Candidate> files;

    void addFile(const QString& path) { files.push_back({path, path}); }

    QString extractionDir()
    {
        if (!options.extractionDir.isEmpty())
            return options.extractionDir;
        if (!result.extracted)
            result.extracted = std::make_shared<QTemporaryDir>();
        return result.extracted->path();
    }

    void addArchive(const QString& path)
    {
        const QString dest = extractionDir() + QStringLiteral("/archive-%1").arg(files.size());
        auto entries = extractArchive(path, dest);
        if (!entries) {
            result.library.addError({path, entries.error()});
            return;
        }
        for (const ExtractedEntry& entry : *entries)
            files.push_back({path + QLatin1Char('!') + entry.entryName, entry.localPath});
    }

    // Sorted, so that the same folder always imports the same way: of two files with one SOP
    // Instance UID, the first is kept, and the file system's order must not choose it.
    void scanFolder(const QString& folder)
    {
        QStringList paths;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
        paths.sort();
        for (const QString& path : std::as_const(paths)) {
            if (QFileInfo(path).fileName().compare(QLatin1String("DICOMDIR"),
                                                   Qt::CaseInsensitive) == 0)
                continue; // the directory itself is no image
            if (isArchiveFile(path))
                addArchive(path);
            else
                addFile(path);
        }
    }

    // A folder with a DICOMDIR is media: read the directory, scan only if it fails.
    void addFolder(const QString& folder)
    {
        const QDir dir(folder);
        QString dicomdir;
        for (const QString& name : dir.entryList(QDir::Files)) {
            if (name.compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
                dicomdir = dir.filePath(name);
        }
        if (dicomdir.isEmpty()) {
            scanFolder(folder);
            return;
        }
        addDicomdir(dicomdir);
    }

    void addDicomdir(const QString& dicomdir)
    {
        auto referenced = readDicomdir(dicomdir);
        if (!referenced) {
            result.warnings.append(QStringLiteral("%1: %2; folder scanned instead")
                                       .arg(dicomdir, referenced.error().toString()));
            scanFolder(QFileInfo(dicomdir).absolutePath());
            return;
        }
        for (const QString& path : *referenced)
            addFile(path);
    }

    void add(const QString& path)
    {
        const QFileInfo info(path);
        if (info.isDir())
            addFolder(info.absoluteFilePath());
        else if (info.fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
            addDicomdir(info.absoluteFilePath());
        else if (isArchiveFile(path) && info.exists())
            addArchive(info.absoluteFilePath());
        else
            addFile(path);
    }
};

using Outcome = std::pair<Candidate, Result<InstanceInfo>>;

} // namespace

ImportResult importPaths(const QStringList& paths, const ImportOptions& options)
{
    ImportResult result;
    Collector collector{options, result, {}};
    for (const QString& path : paths)
        collector.add(path);

    const int total = static_cast<int>(collector.files.size());
    std::atomic<int> done{0};
    auto readOne = [&](const Candidate& candidate) -> Outcome {
        if (options.cancel && options.cancel->load())
            return {candidate, fail(ErrorCode::Cancelled)};
        DicomSource source{candidate.source, candidate.localPath, {}};
        Outcome outcome{candidate, readDicomHeader(source)};
        const int finished = ++done;
        if (options.progress)
            options.progress(finished, total);
        return outcome;
    };
    QThreadPool* pool = options.pool ? options.pool : QThreadPool::globalInstance();
    const QList<Outcome> outcomes =
        QtConcurrent::blockingMapped<QList<Outcome>>(pool, collector.files, readOne);

    for (const Outcome& outcome : outcomes) {
        if (outcome.second) {
            InstanceInfo info = *outcome.second;
            info.localPath = outcome.first.localPath;
            result.library.add(std::move(info));
        } else if (outcome.second.error().code == ErrorCode::Cancelled) {
            result.cancelled = true;
        } else {
            result.library.addError({outcome.first.source, outcome.second.error()});
        }
    }
    return result;
}

} // namespace fenestra::viewer
