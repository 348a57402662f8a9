#pragma once

#include "support/consentregistry.h"
#include "support/oidcprovider.h"
#include "support/orthancserver.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace fenestra::integration {

// One hospital of the test federation.
struct FederationTenant
{
    QString id;          // tenant id, e.g. "hospital-a" (the token's "organisation" claim)
    QString name;        // e.g. "Hospital A"
    QString dicomWebUrl; // "http://127.0.0.1:<port>/dicom-web"
};

// One study copy held by one tenant.
struct FederationStudy
{
    QString studyUid;
    QStringList seriesUids;
    QStringList sopInstanceUids; // every instance, in file order
    QStringList files;           // the generated DICOM files (absolute paths)
};

// One person of the test federation, as the generator wrote it (federation.json).
struct FederationPatient
{
    QString key;         // "anna", "marc", "jean1", "jean2"
    QString nationalId;  // 13 digits, see TestFederation
    QString patientName; // DICOM PN, e.g. "Muller^Anna"
    QDate birthDate;
    QString sex;                                   // "F", "M"
    QMap<QString, QString> localIds;               // tenant id -> local Patient ID there
    QMap<QString, QList<FederationStudy>> studies; // tenant id -> studies held there
    QStringList studyUids(const QString& tenant) const;
};

// The test federation of issue 6, all on 127.0.0.1 and ephemeral ports:
//  - the OIDC provider (OidcProvider, users alice @hospital-a, bob @hospital-b,
//    carol @hospital-c; break-glass tokens, see below);
//  - the consent registry (ConsentRegistry, FHIR R4 Consent; empty at start);
//  - N Orthancs (default hospital-a, hospital-b, hospital-c), each with DICOMweb and the
//    policy script tests/integration/support/orthanc_policy.py configured with its tenant id
//    (section "FenestraPolicy", see that script), holding its share of the demo patients.
//
// Patient identity (what the generator tests/integration/support/federation_data.py writes,
// with pydicom, from the test data's ct/mr/us studies; new Study/Series/SOP UIDs per copy):
//  - Patient ID (0010,0020): the hospital's local id (different at each hospital), with
//    Issuer of Patient ID (0010,0021) = the tenant id;
//  - Other Patient IDs Sequence (0010,1002): one item with Patient ID = the national id,
//    Issuer of Patient ID = nationalIdIssuer() ("LU-RNPP": Luxembourg's Registre national des
//    personnes physiques, which assigns the matricule), Type of Patient ID (0010,0022) "TEXT";
//    also the retired Other Patient IDs (0010,1000) = the national id, which Orthanc's QIDO can
//    match (it cannot match inside a sequence) when named by its tag: "?00101000=<national
//    id>" (Orthanc 1.10's DICOMweb plugin ignores the keyword OtherPatientIDs: it then returns
//    every study). Note: that plugin does not percent-decode QIDO values ("Schmit%5EJean"
//    matches nothing; send "Schmit^Jean").
//  - The national id is Luxembourg's 13-digit identification number (matricule):
//    YYYYMMDD (birth date) + 3-digit sequence + Luhn check digit + Verhoeff check digit, both
//    computed over the first 11 digits (checkNationalId() verifies one).
//  - In FHIR (Consent.patient.identifier) the same number has system nationalIdSystem().
// The patients:
//  - anna (Muller^Anna) at hospital-a, hospital-b and hospital-c (one study each);
//  - marc (Weber^Marc) at hospital-b and hospital-c holding the SAME study (same Study,
//    Series and SOP Instance UIDs: the dedup case), plus one study of his own at hospital-a;
//  - jean1 and jean2: two DIFFERENT people named Schmit^Jean born the same day (different
//    national ids), jean1 at hospital-a, jean2 at hospital-b (the ambiguity case).
//
// Break-glass tokens (the provider's protocol, for the client written later): a refresh
// (POST /token, grant_type=refresh_token, refresh_token, client_id, optional resource) with
// two extra form parameters
//     purpose_of_use=EMER   (or ETREAT: HL7 v3 ActReason emergency codes)
//     break_glass_reason=<the doctor's written reason, 1..500 characters>
// answers an access token whose extensions.ihe_iua.purpose_of_use.code is that code, with a
// claim "break_glass": {"reason": <reason>, "started_at": <epoch s>}, valid for
// Options::breakGlassTtlSeconds only (expires_in says so); the id token is unchanged and the
// new refresh token is an ordinary one: the next ordinary refresh returns to TREAT, which is how
// the emergency ends. Missing or empty reason with an emergency purpose: 400 invalid_request
// "break_glass_reason required"; any other purpose_of_use value: 400 invalid_request.
// OidcProvider::breakGlassTokens() does this exchange.
//
// Thread contract: one thread (the test's); all calls block.
class TestFederation
{
public:
    struct Options
    {
        // Tenant ids, one Orthanc each; names "Hospital A"... derived from the last letter.
        QStringList tenantIds{QStringLiteral("hospital-a"), QStringLiteral("hospital-b"),
                              QStringLiteral("hospital-c")};
        // The generated data goes there (empty: a temporary directory of the federation).
        QString dataDirectory;
        // The test data (ct, mr, us and manifest.json); default FENESTRA_TEST_DATA.
        QString sourceDataDirectory;
        int breakGlassTtlSeconds = 300;
        int accessTokenTtlSeconds = 300;
        // How long each archive's policy keeps a consent answer (the matrix waits this long
        // after changing a consent).
        int consentCacheMilliseconds = 1000;
    };

    TestFederation();
    explicit TestFederation(Options options);
    ~TestFederation(); // stop()
    TestFederation(const TestFederation&) = delete;
    TestFederation& operator=(const TestFederation&) = delete;

    // Generates the data (once per data directory), starts the provider, the registry and the
    // Orthancs, uploads each tenant's studies. False (lastError) at the first failure.
    bool start();
    void stop();
    QString lastError() const { return m_lastError; }

    QList<FederationTenant> tenants() const;
    FederationTenant tenant(const QString& id) const;
    QList<FederationPatient> patients() const { return m_patients; }
    FederationPatient patient(const QString& key) const;

    OidcProvider& provider() { return *m_provider; }
    ConsentRegistry& registry() { return *m_registry; }
    OrthancServer& orthanc(const QString& tenantId) { return *m_orthancs.at(tenantId); }
    // The archive's log so far (Orthanc's, with the policy's "fenestra-policy: ..." lines).
    QByteArray archiveLog(const QString& tenantId) const;

    // The user of a tenant ("alice" for hospital-a, ...) and a TREAT token set for them.
    OidcProvider::User userOf(const QString& tenantId) const;
    TokenSet tokensFor(const QString& tenantId);

    static QString nationalIdIssuer() { return QStringLiteral("LU-RNPP"); }
    static QString nationalIdSystem() { return QStringLiteral("urn:fenestra:id:lu-rnpp"); }
    // True when `id` has 13 digits, a plausible birth date, and both check digits right.
    static bool checkNationalId(const QString& id);

    // A Consent for `patient` (key) on the national id, permitting (or denying) the listed
    // tenants for TREAT; for tests to adjust before ConsentRegistry::putConsent().
    ConsentSpec consentFor(const QString& patientKey, const QStringList& tenants,
                           const QString& provisionType = QStringLiteral("permit")) const;

private:
    bool generateData();
    bool readData();
    bool startOrthanc(const QString& tenantId);
    bool fail(const QString& why);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QString m_dataPath;
    std::unique_ptr<OidcProvider> m_provider;
    std::unique_ptr<ConsentRegistry> m_registry;
    std::map<QString, std::unique_ptr<OrthancServer>> m_orthancs;
    QList<FederationPatient> m_patients;
    QString m_lastError;
};

} // namespace fenestra::integration
