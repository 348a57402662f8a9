#include "dicomdir.h"

#include "datasetview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdcmReader.h>
#include <gdcmTrace.h>

#include <exception>

namespace fenestra::viewer {

namespace {

const gdcm::Tag kDirectoryRecordSequence{0x0004, 0x1220};
const gdcm::Tag kReferencedFileId{0x0004, 0x1500};

// Resolves one path component in `dir`, exactly or ignoring case.
QString resolveComponent(const QDir& dir, const QString& component)
{
    if (dir.exists(component))
        return component;
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        if (entry.compare(component, Qt::CaseInsensitive) == 0)
            return entry;
    }
    return {};
}

// Resolves a Referenced File ID ("DICOM\\ST000001\\IM000001") below `root`; empty if missing.
QString resolveFileId(const QDir& root, const QString& fileId)
{
    QDir dir = root;
    const QStringList parts = fileId.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        if (part == QLatin1String("..") || part == QLatin1String("."))
            return {}; // a file ID never leaves the media root
        const QString found = resolveComponent(dir, part);
        if (found.isEmpty())
            return {};
        if (i + 1 == parts.size())
            return dir.absoluteFilePath(found);
        if (!dir.cd(found))
            return {};
    }
    return {};
}

} // namespace

Result<QStringList> readDicomdir(const QString& dicomdirPath)
{
    if (!QFileInfo::exists(dicomdirPath))
        return fail(ErrorCode::FileNotFound, dicomdirPath);
    gdcm::Trace::SetWarning(false);
    gdcm::Trace::SetError(false);
    gdcm::Reader reader;
    reader.SetFileName(QFile::encodeName(dicomdirPath).constData());
    bool ok = false;
    try {
        ok = reader.Read();
    } catch (const std::exception& e) {
        return fail(ErrorCode::DicomdirInvalid, QString::fromLocal8Bit(e.what()));
    }
    if (!ok)
        return fail(ErrorCode::DicomdirInvalid, QStringLiteral("cannot be parsed"));
    const detail::DataSetView root(reader.GetFile().GetDataSet(), {});
    if (!root.has(kDirectoryRecordSequence))
        return fail(ErrorCode::DicomdirInvalid, QStringLiteral("no directory records"));

    const QDir mediaRoot = QFileInfo(dicomdirPath).absoluteDir();
    QStringList files;
    int missing = 0;
    for (const detail::DataSetView& record : root.items(kDirectoryRecordSequence)) {
        const QString fileId = record.ascii(kReferencedFileId);
        if (fileId.isEmpty())
            continue; // patient, study and series records reference no file
        const QString path = resolveFileId(mediaRoot, fileId);
        if (path.isEmpty())
            ++missing;
        else
            files.append(path);
    }
    if (missing > 0)
        return fail(ErrorCode::DicomdirInvalid,
                    QStringLiteral("%1 referenced files are missing").arg(missing));
    if (files.isEmpty())
        return fail(ErrorCode::DicomdirInvalid, QStringLiteral("references no files"));
    return files;
}

} // namespace fenestra::viewer
