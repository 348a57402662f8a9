#pragma once

#include "core/neterrors.h"
#include "dicomweb/archiveconfig.h"
#include "patientidentity.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace fenestra::net {

// One hospital of the federation: a stable id (the one tokens and consents name), a display
// name, and its DICOMweb archive (URL and TLS settings; archive.name is the display name).
struct TenantConfig
{
    QString id;
    QString name;
    ArchiveConfig archive;
};

// Where audit messages go (syslog over TLS, RFC 5425). port 0: not configured.
struct AuditCollectorConfig
{
    QString host;
    quint16 port = 0;
    // The PEM file of the authorities that issue the collector's certificate (they replace the
    // system's); relative paths are resolved like the tenants' TLS files. The parser does not
    // read it (nor the tenants' files): the application does, and says when it cannot.
    QString caBundleFile;
};

// The federation configuration: the directory of tenants and the settings every client of the
// federation shares. Read from a JSON file (resources/federation/demo-federation.json):
//
//   {
//     "federation": "Demo federation",                          required, non-empty
//     "nationalIdentifier": {                                     optional
//       "issuer": "LU-NIN",                                       default "LU-NIN"
//       "issuerAliases": ["1.2.3.4"],                             optional
//       "scheme": "lu-matricule" | "unchecked",                   default "lu-matricule"
//       "acceptUnqualifiedOtherIds": false                        default false
//     },
//     "purposeOfUseClaim": "extensions.ihe_iua.purpose_of_use",   default as shown
//     "consentRegistry": "http://127.0.0.1:8090/fhir",            optional, http(s) URL
//     "auditCollector": {"host": "127.0.0.1", "port": 6514,       optional
//                        "caBundle": "audit-ca.pem"},             caBundle optional
//     "tenants": [                                                required, at least one
//       {"id": "chl", "name": "...", "dicomweb": "http://127.0.0.1:8042/dicom-web",
//        "tls": {"caBundle": "ca.pem", "pins": ["sha256/..."],
//                "clientCertificate": "client.p12", "clientKey": "key.pem"}}   tls optional
//     ]
//   }
//
// Unknown keys are errors (a misspelt key in a security setting must not pass silently).
// Tenant ids are unique, made of lower-case letters, digits, '-', '_' and '.'.
struct FederationConfig
{
    QString name;
    NationalIdConfig nationalId;
    // The access-token claim carrying the purpose of use, as a dotted path (IHE IUA).
    QString purposeOfUseClaim = QStringLiteral("extensions.ihe_iua.purpose_of_use");
    QUrl consentRegistry; // empty: none configured
    AuditCollectorConfig auditCollector;
    QList<TenantConfig> tenants;

    // The tenant with `id`, or nullptr.
    const TenantConfig* tenant(const QString& id) const;
    QList<ArchiveConfig> archives() const;
};

// Reads a federation configuration. Relative TLS file paths (the tenants' and the audit
// collector's) are resolved against
// `baseDirectory` (the configuration file's folder) when it is given. Fails with
// InvalidArgument and a detail naming the place and the problem:
// "tenants[1].dicomweb: not an http or https URL: ftp://x".
Result<FederationConfig> parseFederationConfig(const QByteArray& json,
                                               const QString& baseDirectory = {});
// Reads the file at `path` (relative TLS paths against its folder); a file that cannot be read
// fails with InvalidArgument naming it.
Result<FederationConfig> loadFederationConfig(const QString& path);

} // namespace fenestra::net
