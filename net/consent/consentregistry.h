#pragma once

#include "consent/fhirconsent.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QObject;

namespace fenestra::net {

struct ConsentRegistryConfig
{
    QUrl baseUrl; // the FHIR base, e.g. "https://consent.example/fhir"
    std::chrono::milliseconds timeout{10000};
    // The Authorization header value ("Bearer <token>"), asked at each request (as
    // RequestOptions::authorization of net/dicomweb); empty: no header.
    std::function<QByteArray()> authorization;
};

// The patient whose consents are asked: a national identifier (system + value), or a FHIR
// Patient reference when no identifier is known.
struct ConsentPatient
{
    QString system; // e.g. "urn:fenestra:id:lu-rnpp"; empty: the value alone
    QString value;
    QString reference; // "Patient/123", used when value is empty
};

// The client of the federation's consent registry (FHIR R4):
//   GET {base}/Consent?patient:identifier=<system>|<value>   (or ?patient=<reference>)
// with Accept: application/fhir+json and the bearer token; the searchset Bundle parsed with
// parseConsentBundle() (malformed entries skipped and named, the others kept). Redirects only
// within the same origin (the token never goes elsewhere).
//
// Errors: ConsentRegistryUnavailable "consent registry at <origin>: <why>" (no answer, no answer
// within the timeout, HTTP error status with it), Unauthorized/Forbidden for 401/403,
// TlsFailure for a refused certificate, MalformedConsent for an answer that is not a Bundle.
// Details name the registry's origin, never the patient's identifier or the token.
//
// Thread contract: use on the thread of the network manager; callbacks run there, once, and
// never after `context` is destroyed (that aborts the request).
class ConsentRegistryClient
{
public:
    using Callback = std::function<void(Result<ConsentBundle>)>;

    ConsentRegistryClient(ConsentRegistryConfig config, QNetworkAccessManager* manager);

    const ConsentRegistryConfig& config() const { return m_config; }
    // The search URL for `patient` (for tests and logs of the caller; holds the identifier).
    QUrl searchUrl(const ConsentPatient& patient) const;
    // InvalidArgument (at once, through the callback) when the patient names nothing or the
    // base URL is not http(s).
    void search(const ConsentPatient& patient, QObject* context, Callback callback) const;

private:
    ConsentRegistryConfig m_config;
    QNetworkAccessManager* m_manager;
};

} // namespace fenestra::net
