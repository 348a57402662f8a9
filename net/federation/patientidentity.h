#pragma once

#include "dicomweb/dicomjson.h"
#include "dicomweb/qidosearch.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

namespace fenestra::net {

// How a national identifier is checked before it is trusted to join records of several
// hospitals.
enum class NationalIdScheme
{
    // Luxembourg's 13-digit national identification number ("matricule", RNPP): YYYYMMDD (a
    // valid date of birth) + 3 digits telling apart people born the same day + a Luhn check
    // digit computed over the first 11 digits + a Verhoeff check digit computed over the same
    // first 11 digits (not over 12). Sources: the OECD's Luxembourg TIN sheet
    // (oecd.org, crs-implementation-and-assistance/tax-identification-numbers/Luxembourg-TIN.pdf)
    // and the independent implementations that follow it with published test numbers
    // (e.g. "1990093012358": Luhn(19900930123) = 5, Verhoeff(19900930123) = 8).
    LuxembourgMatricule,
    // Any non-empty value is accepted (another country's number, checked elsewhere).
    Unchecked,
};

// The federation's national identifier: the issuer string under which hospitals record it
// (Issuer of Patient ID of the primary ID or of an Other Patient IDs Sequence item), other
// spellings of the same issuer (an OID, say), and the check applied.
struct NationalIdConfig
{
    // Default "LU-NIN": the Issuer of Patient ID our demo hospitals write for Luxembourg's
    // national identification number. A deployment puts the value its hospitals actually use
    // (often an OID) here or in `issuerAliases`.
    QString issuer = QStringLiteral("LU-NIN");
    QStringList issuerAliases;
    NationalIdScheme scheme = NationalIdScheme::LuxembourgMatricule;
    // Whether a value of the retired Other Patient IDs (0010,1000), which names no issuer, is
    // taken as the national identifier when it passes the scheme's check. Off by default: only
    // an identifier whose issuer is named joins hospitals. Orthanc 1.10's QIDO returns that
    // attribute but never Other Patient IDs Sequence, hence the switch.
    bool acceptUnqualifiedOtherIds = false;

    bool isNationalIssuer(const QString& issuer) const;
};

// Check digits over a string of ASCII digits (-1 when `digits` is empty or holds a non-digit).
int luhnCheckDigit(QStringView digits);
int verhoeffCheckDigit(QStringView digits);

// Why a Luxembourg national identification number is refused; nullopt when it is valid.
// Spaces are ignored ("1990 0930 123 58").
enum class NinProblem
{
    Length,       // not 13 digits
    NotDigits,    // holds something else than digits and spaces
    BirthDate,    // YYYYMMDD is not a date
    LuhnDigit,    // 12th digit wrong
    VerhoeffDigit // 13th digit wrong
};
std::optional<NinProblem> checkLuxembourgNin(const QString& text);
// `text` without spaces when valid under `scheme`, else nullopt.
std::optional<QString> normaliseNationalId(const QString& text, NationalIdScheme scheme);

// Who a record belongs to, as precisely as it says: a validated national identifier with the
// federation's issuer, or a local Patient ID with its Issuer of Patient ID (the tenant's id
// when the record names no issuer: a local ID means nothing outside its hospital).
struct PatientKey
{
    enum class Kind
    {
        National,
        Local
    };
    Kind kind = Kind::Local;
    QString id;
    QString issuer;

    bool operator==(const PatientKey&) const = default;
    // "national:LU-NIN:1990093012358" or "local:CHL:12345" (for maps and tests, never logs).
    QString toString() const;
};

// One study record as one tenant returned it.
struct TenantStudy
{
    QString tenantId;
    StudyRecord study;
    PatientIdentifiers identifiers;
};

// The national identifier a record carries under the federation's issuer, validated: from the
// primary Patient ID when its Issuer of Patient ID is the national one, else from an Other
// Patient IDs item with that issuer, else (when allowed) from an unqualified other ID that
// passes the check. nullopt when none; an identifier under the national issuer that fails the
// check is not used (see hasInvalidNationalId).
std::optional<QString> nationalIdOf(const TenantStudy& record, const NationalIdConfig& config);
// True when the record names the national issuer with a value that fails the check.
bool hasInvalidNationalId(const TenantStudy& record, const NationalIdConfig& config);
// The record's key: national when nationalIdOf gives one, else local.
PatientKey patientKeyOf(const TenantStudy& record, const NationalIdConfig& config);

// A DICOM person name reduced for comparison: the alphabetic group only, family and given
// names (components 1 and 2), upper case, accents removed, spaces collapsed:
// "Müller^Anne-Marie^^Dr" and "MULLER^ANNE-MARIE" compare equal. Empty for an empty name.
QString normalisedPersonName(const QString& dicomName);

// The records of one person, as far as the data proves it.
struct PersonGroup
{
    std::optional<QString> nationalId; // set when the records carry a validated one
    QList<PatientKey> keys;            // every distinct key of the records, national first
    QString patientName;               // DICOM form, from the first record
    QDate birthDate;                   // from the first record that has one
    std::vector<int> records;          // indices into the input, in input order
    // Groups (indices into the result) that MAY be this person: same normalised name and birth
    // date, and at least one of the two has no national identifier. Never merged: shown as
    // ambiguous for the user to decide.
    std::vector<int> possibleMatches;
    // Groups with the same normalised name and birth date but a DIFFERENT national identifier:
    // different people, flagged so that the user is not misled by the likeness.
    std::vector<int> namesakes;
    // A record of the group names the national issuer with a value that fails the check.
    bool invalidNationalId = false;
};

// Groups study records of several tenants into persons. Records join when they carry the same
// validated national identifier, or the same local key (same Patient ID and issuer, or same
// tenant without issuer) unless that would join two different national identifiers. Name and
// birth date alone never join records: they only fill possibleMatches and namesakes. Groups are
// in the order of their first record.
std::vector<PersonGroup> groupPersons(const std::vector<TenantStudy>& records,
                                      const NationalIdConfig& config);

} // namespace fenestra::net
