#pragma once

#include "support/orthancserver.h" // HttpResult

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace fenestra::integration {

// One FHIR R4 Consent as tests write it (ConsentSpec::toJson() gives the resource).
struct ConsentSpec
{
    QString id;                                // the resource id (also the key for removeConsent)
    QString status = QStringLiteral("active"); // active, inactive, rejected, draft, ...
    QString patientSystem; // patient.identifier.system (the national id's system)
    QString patientValue;  // patient.identifier.value (the national id)
    QString provisionType = QStringLiteral("permit"); // "permit" or "deny"
    QStringList organisations; // tenant ids: provision.actor[].reference Organization/<id>
    // HL7 v3 ActReason codes (provision.purpose); empty: no purpose restriction.
    QStringList purposes{QStringLiteral("TREAT")};
    QDateTime periodStart; // provision.period.start; invalid: open
    QDateTime periodEnd;   // provision.period.end; invalid: open
    QJsonObject toJson() const;
};

// The test consent registry: tests/integration/support/consent_registry.py (Python 3 stdlib,
// /usr/bin/python3) on 127.0.0.1 and an ephemeral port, serving FHIR R4 Consent resources from
// memory at url() = "http://127.0.0.1:<port>/fhir":
//  - GET  /fhir/Consent?patient:identifier=<system>|<value>  (or patient.identifier=, or
//         patient=Patient/<id>): a searchset Bundle (application/fhir+json), "total" and one
//         entry per matching Consent (fullUrl, resource, search.mode "match"), whatever its
//         status: the client judges. Needs "Authorization: Bearer <any non-empty token>" (the
//         registry does not verify it: it stands for a registry behind the federation's
//         gateway), 401 without; 400 (OperationOutcome) without a patient parameter.
//  - GET  /fhir/Consent/<id>: the resource, 404 OperationOutcome when unknown.
//  - control (tests only; header X-Fenestra-Harness: <secret()>, else 403):
//    PUT /fhir/Consent/<id> (the resource as body), DELETE /fhir/Consent/<id>,
//    DELETE /fhir/Consent (all), PUT /_control/delay (body: milliseconds before every search
//    answer), GET /_control/stats ({"searches": n}).
// Prints "fenestra-consent listening <url>" when ready; logs method, path and status only
// (never a token, never a patient identifier: search queries are logged as "?…").
//
// Thread contract: one thread (the test's); all calls block.
class ConsentRegistry
{
public:
    struct Options
    {
        QString python = QStringLiteral("/usr/bin/python3");
        QString script; // default: the source tree's consent_registry.py
        std::chrono::milliseconds readyTimeout{15000};
        int startAttempts = 5;
    };

    ConsentRegistry();
    explicit ConsentRegistry(Options options);
    ~ConsentRegistry(); // stop()
    ConsentRegistry(const ConsentRegistry&) = delete;
    ConsentRegistry& operator=(const ConsentRegistry&) = delete;

    bool start(); // a new port, an empty store; waits until it answers
    bool stop();
    void kill();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const; // "http://127.0.0.1:<port>/fhir" (FHIR base)
    QByteArray secret() const { return m_secret; }
    QString lastError() const { return m_lastError; }
    QByteArray log() const;

    // Stores (creates or replaces) a Consent; its "id" names it. False (lastError) on refusal.
    bool putConsent(const QJsonObject& consent);
    bool putConsent(const ConsentSpec& consent) { return putConsent(consent.toJson()); }
    bool removeConsent(const QString& id);
    bool clear();                          // removes every consent
    bool setSearchDelay(int milliseconds); // a slow registry
    int searchCount();                     // searches served so far, -1 on failure

    // GET with a bearer token (any: the registry does not verify it); the raw answer.
    HttpResult search(const QString& system, const QString& value,
                      const QByteArray& bearer = QByteArrayLiteral("test"));

private:
    bool launch();
    bool waitReady();
    HttpResult control(const QByteArray& method, const QByteArray& target,
                       const QByteArray& body = {});
    void fail(const QString& why);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_secret;
    quint16 m_port = 0;
    QString m_lastError;
};

} // namespace fenestra::integration
