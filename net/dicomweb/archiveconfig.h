#pragma once

#include "core/neterrors.h"
#include "tls/archivetls.h"

#include <QString>
#include <QUrl>

namespace fenestra::net {

// A DICOMweb archive the user configured: a display name and the DICOMweb root
// ("http://pacs.example.org:8042/dicom-web"), without a trailing slash, and for https its TLS
// settings (custom authorities, pins, client certificate).
struct ArchiveConfig
{
    QString name;
    QUrl baseUrl;
    TlsSettings tls = {};
};

// Reads an archive from a command-line or settings value: "URL" or "NAME=URL"
// ("Radiology=https://pacs.example.org/dicom-web"). The URL must be absolute http or https with
// a host, and carry no query or fragment; a trailing slash is dropped. Without a name, the name
// is "host:port". Fails with InvalidUrl.
Result<ArchiveConfig> parseArchiveArgument(const QString& text);

// The URL of `path` ("/studies/1.2.3/series") under the archive root.
QUrl archiveUrl(const ArchiveConfig& archive, const QString& path);

} // namespace fenestra::net
