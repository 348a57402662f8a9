#include "annotationstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace fenestra::app {

using viewer::ErrorCode;
using viewer::fail;

AnnotationStore::AnnotationStore(QString directory) : m_directory(std::move(directory)) {}

QString AnnotationStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/annotations");
}

QString AnnotationStore::filePath(const QString& studyInstanceUid) const
{
    const QByteArray hash =
        QCryptographicHash::hash(studyInstanceUid.toUtf8(), QCryptographicHash::Sha256);
    return QDir(m_directory).filePath(QString::fromLatin1(hash.toHex()) + QStringLiteral(".json"));
}

viewer::Result<void>
AnnotationStore::save(const QString& studyInstanceUid,
                      const std::vector<viewer::Measurement>& measurements) const
{
    // Error details name the file by its hash only: never the UID.
    const QString path = filePath(studyInstanceUid);
    const QString name = QFileInfo(path).fileName();
    if (measurements.empty()) {
        if (QFile::exists(path) && !QFile::remove(path))
            return fail(ErrorCode::WriteFailed, QStringLiteral("cannot remove %1").arg(name));
        return {};
    }
    if (!QDir().mkpath(m_directory))
        return fail(ErrorCode::WriteFailed, QStringLiteral("cannot create the annotations folder"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::WriteFailed, QStringLiteral("%1: %2").arg(name, file.errorString()));
    file.write(viewer::measurementsToJson(measurements));
    if (!file.commit())
        return fail(ErrorCode::WriteFailed, QStringLiteral("%1: %2").arg(name, file.errorString()));
    return {};
}

viewer::Result<std::vector<viewer::Measurement>>
AnnotationStore::load(const QString& studyInstanceUid) const
{
    const QString path = filePath(studyInstanceUid);
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.exists())
        return std::vector<viewer::Measurement>{};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable,
                    QStringLiteral("%1: %2").arg(name, file.errorString()));
    auto measurements = viewer::measurementsFromJson(file.readAll());
    if (!measurements)
        return fail(measurements.error().code,
                    QStringLiteral("%1: %2").arg(name, measurements.error().detail));
    return measurements;
}

} // namespace fenestra::app
