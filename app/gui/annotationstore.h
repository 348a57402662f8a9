#pragma once

#include "core/errors.h"
#include "view/measurement.h"

#include <QString>

#include <vector>

namespace fenestra::app {

// Keeps the measurements and annotations of each study on disk between sessions: one JSON file
// per study (viewer::measurementsToJson), named by the SHA-256 of the Study Instance UID in hex,
// so that no patient data or UID appears in a file name. Writes are atomic (QSaveFile): a crash
// leaves the previous file intact. A study's file that cannot be read or parsed is reported for
// that study alone.
//
// Thread contract: reentrant (plain file I/O); do not save the same study from two threads at
// once.
class AnnotationStore
{
public:
    // The folder is created on the first save.
    explicit AnnotationStore(QString directory = defaultDirectory());

    // <AppDataLocation>/annotations
    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    // The file holding a study's measurements (it may not exist).
    QString filePath(const QString& studyInstanceUid) const;

    // An empty list removes the study's file. Fails with WriteFailed.
    viewer::Result<void> save(const QString& studyInstanceUid,
                              const std::vector<viewer::Measurement>& measurements) const;
    // An empty list when nothing was saved for the study; FileUnreadable when the file cannot be
    // read, Malformed when it is not a measurement list.
    viewer::Result<std::vector<viewer::Measurement>> load(const QString& studyInstanceUid) const;

private:
    QString m_directory;
};

} // namespace fenestra::app
