#pragma once

#include "studylibrary.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QTemporaryDir;
class QThreadPool;

namespace fenestra::viewer {

struct ImportOptions
{
    QThreadPool* pool = nullptr;                       // nullptr: QThreadPool::globalInstance()
    const std::atomic<bool>* cancel = nullptr;         // set to stop early; what was read is kept
    std::function<void(int done, int total)> progress; // called from worker threads
    // Where zip archives are extracted; empty: a temporary folder owned by the result.
    QString extractionDir;
};

struct ImportResult
{
    StudyLibrary library;
    QStringList warnings; // e.g. "DICOMDIR invalid, folder scanned instead"
    bool cancelled = false;
    std::shared_ptr<QTemporaryDir> extracted; // keeps extracted archive members alive
};

// Opens files, folders (recursively), CD/USB media through their DICOMDIR (falling back to a
// scan when it is missing or broken) and zip archives. Headers are read in parallel on the
// pool; each SOP Instance is kept once; a file that fails is recorded with its error and the
// rest continue.
//
// Thread contract: blocking; call from any thread but the pool's own workers.
ImportResult importPaths(const QStringList& paths, const ImportOptions& options = {});

} // namespace fenestra::viewer
