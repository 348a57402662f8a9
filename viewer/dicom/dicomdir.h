#pragma once

#include "core/errors.h"

#include <QString>
#include <QStringList>

namespace fenestra::viewer {

// Reads a DICOMDIR (PS3.10 media directory, IHE PDI) and returns the absolute paths of the
// files its records reference, in record order, without scanning the folder. Referenced File
// IDs are resolved relative to the DICOMDIR's folder, case-insensitively (a CD copied on
// another system may have lower-case names).
//
// Fails with DicomdirInvalid when the file is not a media directory, or when records reference
// files that do not exist (the caller then falls back to a folder scan).
//
// Thread contract: reentrant.
Result<QStringList> readDicomdir(const QString& dicomdirPath);

} // namespace fenestra::viewer
