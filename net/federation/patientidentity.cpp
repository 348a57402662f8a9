#include "patientidentity.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <numeric>

namespace fenestra::net {

namespace {

// Verhoeff's tables: multiplication in the dihedral group D5, the position permutation, and
// the inverse.
constexpr std::array<std::array<int, 10>, 10> kVerhoeffD = {{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}};
constexpr std::array<std::array<int, 10>, 8> kVerhoeffP = {{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 7, 6, 8, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}};
constexpr std::array<int, 10> kVerhoeffInverse = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

bool allDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString withoutSpaces(const QString& text)
{
    QString out = text;
    out.remove(QLatin1Char(' '));
    return out;
}

// Union-find over record indices, each root knowing its group's national identifier.
struct Groups
{
    std::vector<int> parent;
    std::vector<std::optional<QString>> national;

    int find(int i)
    {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    }
    // Joins unless the two groups carry different national identifiers.
    void join(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b || (national[a] && national[b] && *national[a] != *national[b]))
            return;
        if (b < a)
            std::swap(a, b); // the earlier record stays the root: stable group order
        parent[b] = a;
        if (!national[a])
            national[a] = national[b];
    }
};

PatientKey localKeyOf(const TenantStudy& record)
{
    const QString& issuer = record.identifiers.issuerOfPatientId;
    return PatientKey{PatientKey::Kind::Local, record.study.patientId,
                      issuer.isEmpty() ? record.tenantId : issuer};
}

// Joins records by national identifier, then by local key.
Groups joinRecords(const std::vector<TenantStudy>& records, const NationalIdConfig& config)
{
    const int count = int(records.size());
    Groups groups{std::vector<int>(count), std::vector<std::optional<QString>>(count)};
    std::iota(groups.parent.begin(), groups.parent.end(), 0);
    QHash<QString, int> byNational;
    for (int i = 0; i < count; ++i) {
        groups.national[i] = nationalIdOf(records[i], config);
        if (!groups.national[i])
            continue;
        const auto first = byNational.constFind(*groups.national[i]);
        if (first == byNational.cend())
            byNational.insert(*groups.national[i], i);
        else
            groups.join(*first, i);
    }
    QHash<QString, int> byLocal;
    for (int i = 0; i < count; ++i) {
        if (records[i].study.patientId.isEmpty())
            continue; // no ID: only a national identifier may join it
        const QString key = localKeyOf(records[i]).toString();
        if (byLocal.contains(key))
            groups.join(byLocal.value(key), i);
        else
            byLocal.insert(key, i);
    }
    return groups;
}

void addKey(PersonGroup& group, const PatientKey& key)
{
    if (!group.keys.contains(key))
        group.keys.append(key);
}

// Flags groups that look alike (same normalised name and birth date).
void flagLookalikes(std::vector<PersonGroup>& groups)
{
    QHash<QString, std::vector<int>> byLook;
    for (int g = 0; g < int(groups.size()); ++g) {
        const QString name = normalisedPersonName(groups[g].patientName);
        if (!name.isEmpty() && groups[g].birthDate.isValid())
            byLook[name + QLatin1Char('|') + groups[g].birthDate.toString(Qt::ISODate)].push_back(
                g);
    }
    for (const std::vector<int>& alike : byLook)
        for (const int a : alike)
            for (const int b : alike) {
                if (a == b)
                    continue;
                // Both identified (hence differently, or they would be one group): two people.
                if (groups[a].nationalId && groups[b].nationalId)
                    groups[a].namesakes.push_back(b);
                else
                    groups[a].possibleMatches.push_back(b);
            }
}

} // namespace

bool NationalIdConfig::isNationalIssuer(const QString& name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    if (trimmed.compare(issuer, Qt::CaseInsensitive) == 0)
        return true;
    return std::any_of(issuerAliases.begin(), issuerAliases.end(), [&](const QString& alias) {
        return trimmed.compare(alias, Qt::CaseInsensitive) == 0;
    });
}

int luhnCheckDigit(QStringView digits)
{
    if (!allDigits(digits))
        return -1;
    int sum = 0;
    bool doubled = true; // the digit next to the check digit is doubled
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, doubled = !doubled) {
        int value = it->unicode() - u'0';
        if (doubled)
            value = value * 2 > 9 ? value * 2 - 9 : value * 2;
        sum += value;
    }
    return (10 - sum % 10) % 10;
}

int verhoeffCheckDigit(QStringView digits)
{
    if (!allDigits(digits))
        return -1;
    int check = 0;
    int position = 1; // the check digit itself takes position 0
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++position)
        check = kVerhoeffD[check][kVerhoeffP[position % 8][it->unicode() - u'0']];
    return kVerhoeffInverse[check];
}

std::optional<NinProblem> checkLuxembourgNin(const QString& text)
{
    const QString digits = withoutSpaces(text);
    if (!digits.isEmpty() && !allDigits(digits))
        return NinProblem::NotDigits;
    if (digits.size() != 13)
        return NinProblem::Length;
    const QStringView view(digits);
    if (!QDate::fromString(digits.left(8), QStringLiteral("yyyyMMdd")).isValid())
        return NinProblem::BirthDate;
    if (luhnCheckDigit(view.first(11)) != view[11].unicode() - u'0')
        return NinProblem::LuhnDigit;
    if (verhoeffCheckDigit(view.first(11)) != view[12].unicode() - u'0')
        return NinProblem::VerhoeffDigit;
    return std::nullopt;
}

std::optional<QString> normaliseNationalId(const QString& text, NationalIdScheme scheme)
{
    const QString value = withoutSpaces(text.trimmed());
    if (value.isEmpty())
        return std::nullopt;
    if (scheme == NationalIdScheme::LuxembourgMatricule && checkLuxembourgNin(value))
        return std::nullopt;
    return value;
}

QString PatientKey::toString() const
{
    return (kind == Kind::National ? QStringLiteral("national:") : QStringLiteral("local:")) +
           issuer + QLatin1Char(':') + id;
}

std::optional<QString> nationalIdOf(const TenantStudy& record, const NationalIdConfig& config)
{
    const PatientIdentifiers& ids = record.identifiers;
    if (config.isNationalIssuer(ids.issuerOfPatientId))
        if (auto id = normaliseNationalId(record.study.patientId, config.scheme))
            return id;
    for (const OtherPatientId& other : ids.otherIds)
        if (config.isNationalIssuer(other.issuer))
            if (auto id = normaliseNationalId(other.id, config.scheme))
                return id;
    if (!config.acceptUnqualifiedOtherIds)
        return std::nullopt;
    for (const OtherPatientId& other : ids.otherIds)
        if (other.issuer.isEmpty())
            if (auto id = normaliseNationalId(other.id, config.scheme))
                return id;
    return std::nullopt;
}

bool hasInvalidNationalId(const TenantStudy& record, const NationalIdConfig& config)
{
    const PatientIdentifiers& ids = record.identifiers;
    if (config.isNationalIssuer(ids.issuerOfPatientId) &&
        !normaliseNationalId(record.study.patientId, config.scheme))
        return true;
    return std::any_of(ids.otherIds.begin(), ids.otherIds.end(), [&](const OtherPatientId& o) {
        return config.isNationalIssuer(o.issuer) && !normaliseNationalId(o.id, config.scheme);
    });
}

PatientKey patientKeyOf(const TenantStudy& record, const NationalIdConfig& config)
{
    if (const auto national = nationalIdOf(record, config))
        return PatientKey{PatientKey::Kind::National, *national, config.issuer};
    return localKeyOf(record);
}

QString normalisedPersonName(const QString& dicomName)
{
    const QString alphabetic = dicomName.section(QLatin1Char('='), 0, 0);
    const QStringList components = alphabetic.split(QLatin1Char('^'));
    QString reduced =
        components.value(0).trimmed() + QLatin1Char('^') + components.value(1).trimmed();
    QString plain;
    for (const QChar c : reduced.normalized(QString::NormalizationForm_KD))
        if (c.category() != QChar::Mark_NonSpacing)
            plain += c;
    plain = plain.toUpper().simplified();
    plain.replace(QStringLiteral(" ^"), QStringLiteral("^"));
    plain.replace(QStringLiteral("^ "), QStringLiteral("^"));
    return plain == QStringLiteral("^") ? QString() : plain;
}

std::vector<PersonGroup> groupPersons(const std::vector<TenantStudy>& records,
                                      const NationalIdConfig& config)
{
    Groups joined = joinRecords(records, config);
    std::vector<PersonGroup> groups;
    QHash<int, int> groupOfRoot;
    for (int i = 0; i < int(records.size()); ++i) {
        const int root = joined.find(i);
        if (!groupOfRoot.contains(root)) {
            groupOfRoot.insert(root, int(groups.size()));
            PersonGroup group;
            group.nationalId = joined.national[root];
            if (group.nationalId)
                group.keys.append(
                    PatientKey{PatientKey::Kind::National, *group.nationalId, config.issuer});
            group.patientName = records[i].study.patientName;
            groups.push_back(std::move(group));
        }
        PersonGroup& group = groups[groupOfRoot.value(root)];
        group.records.push_back(i);
        if (!records[i].study.patientId.isEmpty())
            addKey(group, localKeyOf(records[i]));
        if (!group.birthDate.isValid())
            group.birthDate = records[i].study.patientBirthDate;
        group.invalidNationalId |= hasInvalidNationalId(records[i], config);
    }
    flagLookalikes(groups);
    return groups;
}

} // namespace fenestra::net
