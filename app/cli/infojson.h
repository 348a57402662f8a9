#pragma once

#include "media/importer.h"

#include <QJsonObject>

namespace fenestra::app {

// The JSON document of `fenestra info --json`. `frameHashes` maps a SOP Instance UID to the
// SHA-256 (hex) of each decoded frame; `decodeErrors` to the failure of an instance whose pixels
// failed to decode.
QJsonObject infoToJson(const viewer::ImportResult& result,
                       const QHash<QString, QStringList>& frameHashes,
                       const QHash<QString, viewer::FileError>& decodeErrors);

QJsonObject errorToJson(const QString& source, const viewer::Error& error);

} // namespace fenestra::app
