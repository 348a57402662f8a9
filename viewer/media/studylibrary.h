#pragma once

#include "core/dicommodel.h"
#include "core/displayset.h"
#include "core/errors.h"

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace fenestra::viewer {

// A file that could not be opened, and why.
struct FileError
{
    QString source;
    Error error;
};

struct SeriesNode
{
    SeriesInfo info;
    std::vector<std::shared_ptr<const InstanceInfo>> instances; // images and non-images
    std::vector<DisplaySet> displaySets;                        // images only
};

struct StudyNode
{
    StudyInfo info;
    std::vector<SeriesNode> series; // by series number, then UID
};

struct PatientNode
{
    PatientInfo info;
    std::vector<StudyNode> studies; // by date, then UID
};

// The objects the user opened: each SOP Instance once, the files that failed, and the
// patient/study/series tree with display sets.
//
// Thread contract: not thread-safe; the importer fills it on one thread.
class StudyLibrary
{
public:
    // Adds an instance; returns false (and keeps the first) when its SOP Instance UID is known.
    bool add(InstanceInfo instance);
    void addError(FileError error) { m_errors.push_back(std::move(error)); }
    void merge(StudyLibrary&& other);

    const std::vector<std::shared_ptr<const InstanceInfo>>& instances() const
    {
        return m_instances;
    }
    const std::vector<FileError>& errors() const { return m_errors; }
    int duplicateCount() const { return m_duplicates; }

    // Patients sorted by name then ID. Builds display sets; cost grows with the instances.
    std::vector<PatientNode> tree() const;

private:
    std::vector<std::shared_ptr<const InstanceInfo>> m_instances;
    QHash<QString, std::size_t> m_bySopInstanceUid;
    std::vector<FileError> m_errors;
    int m_duplicates = 0;
};

} // namespace fenestra::viewer
