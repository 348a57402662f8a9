#include "consent/fhirconsent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

#include <optional>

namespace fenestra::net {

namespace {

using namespace Qt::Literals::StringLiterals;

Result<ConsentStatus> parseStatus(const QString& text)
{
    static const QList<std::pair<QString, ConsentStatus>> statuses{
        {u"draft"_s, ConsentStatus::Draft},
        {u"proposed"_s, ConsentStatus::Proposed},
        {u"active"_s, ConsentStatus::Active},
        {u"rejected"_s, ConsentStatus::Rejected},
        {u"inactive"_s, ConsentStatus::Inactive},
        {u"entered-in-error"_s, ConsentStatus::EnteredInError}};
    for (const auto& [name, status] : statuses)
        if (name == text)
            return status;
    return fail(ErrorCode::MalformedConsent, u"status \"%1\" is not a Consent status"_s.arg(text));
}

// A FHIR date ("2024-05-01": that day's start, or with endOfDay the next day's start) or
// dateTime; invalid for an empty text, nullopt when malformed.
std::optional<QDateTime> parseTime(const QString& text, bool endOfDay)
{
    if (text.isEmpty())
        return QDateTime();
    if (text.size() == 10) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime) // no offset given: read as UTC
        time.setTimeZone(QTimeZone::utc());
    return time;
}

QString firstCode(const QJsonObject& codeableConcept)
{
    const QJsonArray codings = codeableConcept.value("coding"_L1).toArray();
    return codings.isEmpty() ? QString() : codings.first().toObject().value("code"_L1).toString();
}

Result<ConsentActor> parseActor(const QJsonObject& actor)
{
    const QJsonObject reference = actor.value("reference"_L1).toObject();
    ConsentActor parsed{firstCode(actor.value("role"_L1).toObject()), {}};
    const QString text = reference.value("reference"_L1).toString();
    if (text.startsWith("Organization/"_L1))
        parsed.tenant = text.mid(13);
    else
        parsed.tenant = reference.value("identifier"_L1).toObject().value("value"_L1).toString();
    if (parsed.tenant.isEmpty())
        return fail(ErrorCode::MalformedConsent,
                    u"actor names no organisation (Organization/<id> or an identifier)"_s);
    return parsed;
}

Result<ConsentProvision> parseProvision(const QJsonObject& json, ProvisionType inherited)
{
    ConsentProvision provision;
    provision.type = inherited;
    const QString type = json.value("type"_L1).toString();
    if (type == "deny"_L1)
        provision.type = ProvisionType::Deny;
    else if (type == "permit"_L1)
        provision.type = ProvisionType::Permit;
    else if (!type.isEmpty())
        return fail(ErrorCode::MalformedConsent,
                    u"provision.type \"%1\" is not permit or deny"_s.arg(type));
    const QJsonObject period = json.value("period"_L1).toObject();
    const auto start = parseTime(period.value("start"_L1).toString(), false);
    const auto end = parseTime(period.value("end"_L1).toString(), true);
    if (!start || !end)
        return fail(ErrorCode::MalformedConsent, u"provision.period is not a FHIR dateTime"_s);
    provision.start = *start;
    provision.end = *end;
    for (const QJsonValue& actor : json.value("actor"_L1).toArray()) {
        Result<ConsentActor> parsed = parseActor(actor.toObject());
        if (!parsed)
            return std::unexpected(parsed.error());
        provision.actors.append(*parsed);
    }
    for (const QJsonValue& purpose : json.value("purpose"_L1).toArray())
        provision.purposes.append(purpose.toObject().value("code"_L1).toString());
    for (const QJsonValue& nested : json.value("provision"_L1).toArray()) {
        Result<ConsentProvision> parsed = parseProvision(nested.toObject(), provision.type);
        if (!parsed)
            return std::unexpected(parsed.error());
        provision.nested.append(*parsed);
    }
    return provision;
}

// ---- evaluation ----

bool covers(const ConsentProvision& provision, const QString& requesting, const QString& holding)
{
    QSet<QString> custodians;
    QSet<QString> recipients;
    for (const ConsentActor& actor : provision.actors) {
        if (actor.role == "CST"_L1) {
            custodians.insert(actor.tenant);
        } else if (!actor.role.isEmpty()) {
            recipients.insert(actor.tenant);
        } else {
            custodians.insert(actor.tenant);
            recipients.insert(actor.tenant);
        }
    }
    return (custodians.isEmpty() || custodians.contains(holding)) &&
           (recipients.isEmpty() || recipients.contains(requesting));
}

bool purposeMatches(const ConsentProvision& provision, const QString& purpose)
{
    return provision.purposes.isEmpty() || provision.purposes.contains(purpose) ||
           (purpose == "ETREAT"_L1 && provision.purposes.contains("TREAT"_L1));
}

bool inPeriod(const ConsentProvision& provision, const QDateTime& now)
{
    return (!provision.start.isValid() || now >= provision.start) &&
           (!provision.end.isValid() || now < provision.end);
}

// The decision of the innermost matching provision; nullopt when the root does not match.
std::optional<ProvisionType> decide(const ConsentProvision& provision, const QString& requesting,
                                    const QString& holding, const QString& purpose,
                                    const QDateTime& now)
{
    if (!covers(provision, requesting, holding) || !purposeMatches(provision, purpose) ||
        !inPeriod(provision, now))
        return std::nullopt;
    ProvisionType type = provision.type;
    for (const ConsentProvision& nested : provision.nested)
        if (const auto inner = decide(nested, requesting, holding, purpose, now))
            type = *inner;
    return type;
}

ConsentDecision decision(ConsentOutcome outcome, const QString& id, const QString& reason)
{
    return ConsentDecision{outcome, id, reason};
}

} // namespace

Result<Consent> parseConsent(const QJsonObject& resource)
{
    if (resource.value("resourceType"_L1).toString() != "Consent"_L1)
        return fail(ErrorCode::MalformedConsent, u"resourceType is not Consent"_s);
    Consent consent;
    consent.id = resource.value("id"_L1).toString();
    Result<ConsentStatus> status = parseStatus(resource.value("status"_L1).toString());
    if (!status)
        return std::unexpected(status.error());
    consent.status = *status;
    const QJsonObject patient = resource.value("patient"_L1).toObject();
    consent.patientReference = patient.value("reference"_L1).toString();
    const QJsonObject identifier = patient.value("identifier"_L1).toObject();
    consent.patientSystem = identifier.value("system"_L1).toString();
    consent.patientValue = identifier.value("value"_L1).toString();
    if (consent.patientReference.isEmpty() && consent.patientValue.isEmpty())
        return fail(ErrorCode::MalformedConsent, u"patient has no reference or identifier"_s);
    if (!resource.value("provision"_L1).isObject())
        return fail(ErrorCode::MalformedConsent, u"no provision"_s);
    Result<ConsentProvision> provision =
        parseProvision(resource.value("provision"_L1).toObject(), ProvisionType::Permit);
    if (!provision)
        return std::unexpected(provision.error());
    consent.provision = *provision;
    return consent;
}

Result<ConsentBundle> parseConsentBundle(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::MalformedConsent, u"not JSON: %1"_s.arg(error.errorString()));
    const QJsonObject bundle = document.object();
    if (bundle.value("resourceType"_L1).toString() != "Bundle"_L1)
        return fail(ErrorCode::MalformedConsent, u"not a FHIR Bundle"_s);
    ConsentBundle parsed;
    const QJsonArray entries = bundle.value("entry"_L1).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString mode = entry.value("search"_L1).toObject().value("mode"_L1).toString();
        if (mode == "include"_L1 || mode == "outcome"_L1)
            continue; // not a match: an included or an OperationOutcome entry
        Result<Consent> consent = parseConsent(entry.value("resource"_L1).toObject());
        if (consent)
            parsed.consents.append(*consent);
        else
            parsed.skipped.append(u"entry %1: %2"_s.arg(i).arg(consent.error().detail));
    }
    return parsed;
}

ConsentDecision evaluateConsent(const QList<Consent>& consents, const QString& requestingTenant,
                                const QString& holdingTenant, const QString& purpose,
                                const QDateTime& now)
{
    if (!requestingTenant.isEmpty() && requestingTenant == holdingTenant)
        return decision(ConsentOutcome::Allowed, {}, u"own hospital"_s);
    const Consent* permit = nullptr;
    const Consent* expired = nullptr;
    const Consent* withdrawn = nullptr;
    for (const Consent& consent : consents) {
        const ConsentProvision& root = consent.provision;
        const bool relevant =
            covers(root, requestingTenant, holdingTenant) && purposeMatches(root, purpose);
        if (consent.status == ConsentStatus::Inactive ||
            consent.status == ConsentStatus::Rejected) {
            if (relevant && !withdrawn)
                withdrawn = &consent;
            continue;
        }
        if (consent.status != ConsentStatus::Active || !relevant)
            continue;
        const auto type = decide(root, requestingTenant, holdingTenant, purpose, now);
        if (type == ProvisionType::Deny)
            return decision(ConsentOutcome::Denied, consent.id,
                            u"consent %1 denies access"_s.arg(consent.id));
        if (type == ProvisionType::Permit && !permit)
            permit = &consent;
        else if (!type && root.end.isValid() && now >= root.end && !expired)
            expired = &consent;
    }
    if (permit)
        return decision(ConsentOutcome::Allowed, permit->id,
                        u"consent %1 permits access"_s.arg(permit->id));
    if (expired)
        return decision(ConsentOutcome::Expired, expired->id,
                        u"consent %1 expired on %2"_s.arg(
                            expired->id, expired->provision.end.toString(Qt::ISODate)));
    if (withdrawn)
        return decision(ConsentOutcome::Withdrawn, withdrawn->id,
                        u"consent %1 was withdrawn"_s.arg(withdrawn->id));
    return decision(ConsentOutcome::NoConsent, {}, u"no consent on record"_s);
}

} // namespace fenestra::net
