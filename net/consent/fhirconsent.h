#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fenestra::net {

// FHIR R4 Consent (privacy consent for sharing a patient's images between hospitals), reduced to
// what the federation needs, and its evaluation. Plain values: any thread.
//
// Semantics (the archives' policy, tests/integration/support/orthanc_policy.py, applies the
// same rules):
//  - only status "active" consents are in force; "inactive" and "rejected" mean withdrawn;
//    "draft", "proposed" and "entered-in-error" are ignored;
//  - provision.actor: role CST (custodian) names the organisations that hold the data, any other
//    role (PRCP, IRCP, ...) those that receive it, an actor without a role both; a side left
//    empty is unrestricted, and a provision without actors covers every organisation. An actor
//    is an organisation by reference "Organization/<tenant id>" or by identifier (its value is
//    the tenant id);
//  - provision.purpose: HL7 v3 ActReason codes; empty: any purpose; ETREAT (emergency
//    treatment) also satisfies TREAT, its parent code;
//  - provision.period: [start, end), a bare date covering its whole day (UTC);
//  - nested provisions are exceptions: the innermost provision that matches decides.

enum class ConsentStatus
{
    Draft,
    Proposed,
    Active,
    Rejected,
    Inactive,
    EnteredInError
};

enum class ProvisionType
{
    Permit,
    Deny
};

struct ConsentActor
{
    QString role;   // a v3-ParticipationType code ("CST", "IRCP", ...); empty: none given
    QString tenant; // "hospital-a" from "Organization/hospital-a" or the identifier's value
};

struct ConsentProvision
{
    ProvisionType type = ProvisionType::Permit;
    QDateTime start; // invalid: open
    QDateTime end;   // invalid: open (exclusive)
    QList<ConsentActor> actors;
    QStringList purposes; // ActReason codes
    QList<ConsentProvision> nested;
};

struct Consent
{
    QString id;
    ConsentStatus status = ConsentStatus::Draft;
    QString patientReference; // "Patient/123" when given by reference
    QString patientSystem;    // patient.identifier.system
    QString patientValue;     // patient.identifier.value (the national id)
    ConsentProvision provision;
};

// One Consent resource; MalformedConsent naming the field when it is not one.
Result<Consent> parseConsent(const QJsonObject& resource);

// A searchset Bundle of Consents: every entry that parses; a malformed entry is skipped and
// named in `skipped` ("entry 2: provision.type \"maybe\" is not permit or deny"), never failing
// the others. MalformedConsent when the document is not a Bundle at all.
struct ConsentBundle
{
    QList<Consent> consents;
    QStringList skipped;
};
Result<ConsentBundle> parseConsentBundle(const QByteArray& json);

enum class ConsentOutcome
{
    Allowed,   // own hospital, or an active permit covers the exchange
    Denied,    // an active deny covers it (beats any permit)
    NoConsent, // nothing in force covers it: "not searched: no consent on record"
    Expired,   // an active consent would cover it but its period has ended
    Withdrawn  // the covering consent is inactive or rejected (withdrawn by the patient)
};

struct ConsentDecision
{
    ConsentOutcome outcome = ConsentOutcome::NoConsent;
    QString consentId; // the deciding consent, empty when none
    QString reason;    // English, for logs and tests (the app shows its own tr() text)
    bool allowed() const { return outcome == ConsentOutcome::Allowed; }
};

// May `requestingTenant`'s doctor see what `holdingTenant` holds for this patient, for
// `purpose` (an ActReason code), at `now`? Precedence: own hospital, Denied, Allowed, Expired,
// Withdrawn, NoConsent. Break-glass is not a consent: the caller handles it.
ConsentDecision evaluateConsent(const QList<Consent>& consents, const QString& requestingTenant,
                                const QString& holdingTenant, const QString& purpose,
                                const QDateTime& now);

} // namespace fenestra::net
