// The federation panel's search: the own hospital and the consent registry first, then every
// other hospital the patient's consents (or the doctor's emergency access) allow, and the
// remembered decisions that tell when a consent was withdrawn.

#include "federationpanel.h"
#include "gui/searchpanel.h"

#include "auth/oidcsession.h"
#include "consent/consentregistry.h"
#include "dicomweb/qidosearch.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>

namespace fenestra::app {

namespace {

// The purpose of use consents are checked for (HL7 v3 ActReason): treatment. Break-glass is
// not a consent: while it lasts every hospital is asked, and its token says EMER.
const QString kTreatment = QStringLiteral("TREAT");

QString decisionKey(const QString& nationalId, const QString& tenantId)
{
    return nationalId + QLatin1Char('\n') + tenantId;
}

QString ninProblemText(net::NinProblem problem)
{
    switch (problem) {
    case net::NinProblem::Length:
        return FederationPanel::tr("it must have 13 digits");
    case net::NinProblem::NotDigits:
        return FederationPanel::tr("it may hold only digits and spaces");
    case net::NinProblem::BirthDate:
        return FederationPanel::tr("its first 8 digits are not a date of birth");
    case net::NinProblem::LuhnDigit:
    case net::NinProblem::VerhoeffDigit:
        return FederationPanel::tr("a check digit is wrong (mistyped?)");
    }
    return {};
}

} // namespace

QString FederationPanel::ownTenant() const
{
    net::OidcSession* session = m_session ? m_session() : nullptr;
    return session != nullptr ? session->identity().organisation : QString();
}

QDateTime FederationPanel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool FederationPanel::isSearching() const
{
    return m_searching;
}

net::FederatedSearch* FederationPanel::makeSearch(const QList<net::TenantConfig>& tenants)
{
    net::RequestOptions options;
    if (net::OidcSession* session = m_session ? m_session() : nullptr)
        options.authorization = session->authorizationProvider();
    auto* search = new net::FederatedSearch(
        tenants, net::FederatedSearch::clientFactory(m_manager, options), m_context.get());
    search->setTiming(m_timing);
    connect(search, &net::FederatedSearch::tenantStatusChanged, this,
            [this](const QString& tenantId) { updateStatus(tenantId); });
    connect(search, &net::FederatedSearch::resultsArrived, this, [this] {
        m_groups = net::groupPersons(allRecords(), m_federation.nationalId);
        rebuildResults();
    });
    return search;
}

void FederationPanel::startSearch(net::FederatedSearch* search,
                                  const QList<net::TenantConfig>& tenants,
                                  const net::StudyQuery& query,
                                  const QHash<QString, net::TenantDecision>& decisions)
{
    // What FederatedSearch::start sends: the query with the patient identifier fields.
    net::StudyQuery sent = query;
    for (const QString& field : net::kPatientIdentifierFields)
        if (!sent.includeFields.contains(field))
            sent.includeFields.append(field);
    search->start(query, decisions);
    // The hospitals whose request started (allowed, and with a client: a hospital whose TLS
    // settings cannot be used is not asked).
    for (const net::TenantConfig& tenant : tenants)
        if (search->status(tenant.id).state != net::TenantState::NotSearched)
            emit tenantQueried(tenant.archive, sent);
}

std::vector<net::TenantStudy> FederationPanel::allRecords() const
{
    std::vector<net::TenantStudy> records;
    for (const net::FederatedSearch* search : {m_own, m_others})
        if (search != nullptr)
            for (net::TenantStudy& record : search->records())
                records.push_back(std::move(record));
    // Searched by national identifier alone: the birth date it holds was the query, and only
    // that patient's records are meant.
    if (m_onlyTypedPatient)
        std::erase_if(records, [this](const net::TenantStudy& record) {
            return net::nationalIdOf(record, m_federation.nationalId) != m_typedNationalId;
        });
    return records;
}

void FederationPanel::search()
{
    showError({});
    net::OidcSession* session = m_session ? m_session() : nullptr;
    if (session == nullptr || session->state() != net::OidcSession::State::LoggedIn) {
        showError(tr("Sign in to search across hospitals: your hospital and what you may see "
                     "come from your sign-in."));
        return;
    }
    const QString own = ownTenant();
    if (m_federation.tenant(own) == nullptr) {
        showError(tr("Your hospital (%1) is not part of the federation \u201c%2\u201d.")
                      .arg(own, m_federation.name));
        return;
    }
    QString nationalId;
    const QString typedId = m_nationalId->text().trimmed();
    if (!typedId.isEmpty()) {
        const auto valid = net::normaliseNationalId(typedId, m_federation.nationalId.scheme);
        if (!valid) {
            const auto problem = net::checkLuxembourgNin(typedId);
            showError(tr("The national identifier is not valid: %1.")
                          .arg(problem ? ninProblemText(*problem) : tr("it is empty")));
            return;
        }
        nationalId = *valid;
    }
    QDate birthDate =
        m_birthDate->date() == m_birthDate->minimumDate() ? QDate() : m_birthDate->date();
    if (!nationalId.isEmpty() &&
        m_federation.nationalId.scheme == net::NationalIdScheme::LuxembourgMatricule) {
        const QDate encoded = QDate::fromString(nationalId.left(8), QStringLiteral("yyyyMMdd"));
        if (birthDate.isValid() && birthDate != encoded) {
            showError(tr("The birth date does not match the national identifier."));
            return;
        }
        birthDate = encoded;
    }
    const QString name = SearchPanel::dicomName(m_name->text());
    if (name.isEmpty() && nationalId.isEmpty()) {
        showError(tr("Enter the patient's national identifier, or a name (and birth date)."));
        return;
    }

    m_context = std::make_unique<QObject>(); // the previous search ends here, silently
    m_own = nullptr;
    m_others = nullptr;
    m_query = net::StudyQuery{};
    m_query.patientName = name;
    m_query.patientBirthDate = birthDate;
    m_typedNationalId = nationalId;
    m_onlyTypedPatient = !nationalId.isEmpty() && name.isEmpty();
    m_consentIds.clear();
    m_consents.clear();
    m_consentError.reset();
    m_consentsPending = 0;
    m_ownDone = false;
    m_othersDone = false;
    m_searching = true;
    m_status.clear();
    m_notSearched.clear();
    m_groups.clear();
    rebuildStatusLines();
    rebuildResults();

    const net::TenantConfig* ownTenantConfig = m_federation.tenant(own);
    m_own = makeSearch({*ownTenantConfig});
    connect(m_own, &net::FederatedSearch::finished, this, [this] {
        m_ownDone = true;
        if (m_typedNationalId.isEmpty()) {
            // The patient's national identifiers, as the own hospital records them.
            QStringList found;
            for (const net::TenantStudy& record : m_own->records())
                if (const auto id = net::nationalIdOf(record, m_federation.nationalId))
                    found << *id;
            found.removeDuplicates();
            fetchConsents(found);
        }
        maybeStartOthers();
    });
    startSearch(m_own, {*ownTenantConfig}, m_query, {{own, net::TenantDecision::allow()}});
    if (!nationalId.isEmpty())
        fetchConsents({nationalId}); // in parallel with the own hospital
}

void FederationPanel::fetchConsents(const QStringList& nationalIds)
{
    m_consentIds = nationalIds;
    if (nationalIds.isEmpty() || m_federation.consentRegistry.isEmpty())
        return;
    net::ConsentRegistryConfig config;
    config.baseUrl = m_federation.consentRegistry;
    if (net::OidcSession* session = m_session ? m_session() : nullptr)
        config.authorization = session->authorizationProvider();
    const net::ConsentRegistryClient registry(config, m_manager);
    for (const QString& id : nationalIds) {
        ++m_consentsPending;
        // The identifier alone: the federation configuration names no FHIR identifier system
        // (the registry matches the value).
        registry.search(net::ConsentPatient{{}, id, {}}, m_context.get(),
                        [this, id](net::Result<net::ConsentBundle> answer) {
                            if (answer)
                                m_consents.insert(id, answer->consents);
                            else
                                m_consentError = answer.error();
                            --m_consentsPending;
                            maybeStartOthers();
                        });
    }
}

void FederationPanel::maybeStartOthers()
{
    if (!m_ownDone || m_consentsPending > 0 || m_others != nullptr || !m_context)
        return;
    startOthers();
}

void FederationPanel::startOthers()
{
    net::OidcSession* session = m_session ? m_session() : nullptr;
    const bool emergency = session != nullptr && session->isEmergencyAccess();
    const QString own = ownTenant();
    QList<net::TenantConfig> others;
    QHash<QString, net::TenantDecision> decisions;
    QHash<QString, QHash<QString, net::ConsentDecision>> perPatient;
    for (const net::TenantConfig& tenant : std::as_const(m_federation.tenants)) {
        if (tenant.id == own)
            continue;
        others << tenant;
        bool allowed = false;
        QList<net::ConsentOutcome> outcomes;
        for (const QString& id : std::as_const(m_consentIds)) {
            if (!m_consents.contains(id))
                continue;
            const net::ConsentDecision decision =
                net::evaluateConsent(m_consents.value(id), own, tenant.id, kTreatment, now());
            perPatient[id].insert(tenant.id, decision);
            allowed = allowed || decision.allowed();
            outcomes << decision.outcome;
        }
        QString reason;
        if (m_federation.consentRegistry.isEmpty())
            reason = tr("not searched: no consent registry configured");
        else if (m_consentIds.isEmpty())
            reason = tr("not searched: no national identifier to check consent with");
        else if (m_consents.isEmpty() && m_consentError)
            reason = tr("not searched: the consent registry did not answer");
        else if (outcomes.contains(net::ConsentOutcome::Denied))
            reason = tr("not searched: the patient refused sharing");
        else if (outcomes.contains(net::ConsentOutcome::Withdrawn))
            reason = tr("not searched: consent withdrawn");
        else if (outcomes.contains(net::ConsentOutcome::Expired))
            reason = tr("not searched: consent expired");
        else
            reason = tr("not searched: no consent on record");
        decisions.insert(tenant.id, allowed || emergency
                                        ? net::TenantDecision::allow()
                                        : net::TenantDecision::notSearched(reason));
    }
    rememberDecisions(perPatient);

    // The other hospitals are asked for the patient the own answer identified: by name and
    // birth date (an archive refuses a search matching a patient without consent).
    net::StudyQuery query = m_query;
    if (query.patientName.isEmpty() && !m_typedNationalId.isEmpty())
        for (const net::TenantStudy& record : m_own->records())
            if (net::nationalIdOf(record, m_federation.nationalId) == m_typedNationalId) {
                query.patientName = record.study.patientName;
                break;
            }
    m_others = makeSearch(others);
    connect(m_others, &net::FederatedSearch::finished, this, [this] {
        m_othersDone = true;
        rememberHoldings();
        checkFinished();
    });
    startSearch(m_others, others, query, decisions);
}

void FederationPanel::rememberDecisions(
    const QHash<QString, QHash<QString, net::ConsentDecision>>& decisions)
{
    for (auto patient = decisions.cbegin(); patient != decisions.cend(); ++patient) {
        for (auto it = patient->cbegin(); it != patient->cend(); ++it) {
            const QString key = decisionKey(patient.key(), it.key());
            const bool allowed = it->allowed();
            const bool wasAllowed = m_lastDecision.value(key, false);
            m_lastDecision.insert(key, allowed);
            if (!wasAllowed || allowed)
                continue;
            // Allowed before, not any more: what that hospital gave for this patient goes.
            const QSet<QString> studies = m_holdings.take(key);
            const net::TenantConfig* tenant = m_federation.tenant(it.key());
            if (tenant != nullptr && !studies.isEmpty()) {
                QStringList uids(studies.cbegin(), studies.cend());
                uids.sort();
                emit accessWithdrawn(tenant->archive, uids);
            }
        }
    }
}

void FederationPanel::rememberHoldings()
{
    if (m_others == nullptr)
        return;
    for (const net::TenantStudy& record : m_others->records()) {
        const auto id = net::nationalIdOf(record, m_federation.nationalId);
        if (id && m_consentIds.contains(*id))
            m_holdings[decisionKey(*id, record.tenantId)].insert(record.study.studyInstanceUid);
    }
}

void FederationPanel::checkFinished()
{
    if (!m_ownDone || !m_othersDone || !m_searching)
        return;
    m_searching = false;
    for (auto it = m_statusLabels.cbegin(); it != m_statusLabels.cend(); ++it)
        updateStatus(it.key());
    emit searchFinished();
}

} // namespace fenestra::app
