#include "federation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace fenestra::integration {

namespace {

QString tenantName(const QString& id)
{
    return QStringLiteral("Hospital ") + id.section(u'-', -1).toUpper();
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

FederationStudy studyFromJson(const QJsonObject& json)
{
    return FederationStudy{json.value(QLatin1String("studyUid")).toString(),
                           stringList(json.value(QLatin1String("seriesUids"))),
                           stringList(json.value(QLatin1String("sopInstanceUids"))),
                           stringList(json.value(QLatin1String("files")))};
}

FederationPatient patientFromJson(const QJsonObject& json)
{
    FederationPatient patient;
    patient.key = json.value(QLatin1String("key")).toString();
    patient.nationalId = json.value(QLatin1String("nationalId")).toString();
    patient.patientName = json.value(QLatin1String("patientName")).toString();
    patient.birthDate =
        QDate::fromString(json.value(QLatin1String("birthDate")).toString(), u"yyyyMMdd");
    patient.sex = json.value(QLatin1String("sex")).toString();
    const QJsonObject localIds = json.value(QLatin1String("localIds")).toObject();
    for (auto it = localIds.begin(); it != localIds.end(); ++it)
        patient.localIds.insert(it.key(), it.value().toString());
    const QJsonObject studies = json.value(QLatin1String("studies")).toObject();
    for (auto it = studies.begin(); it != studies.end(); ++it)
        for (const QJsonValue& study : it.value().toArray())
            patient.studies[it.key()].append(studyFromJson(study.toObject()));
    return patient;
}

int luhnDigit(const QString& payload)
{
    int total = 0;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        int digit = payload.at(payload.size() - 1 - i).digitValue();
        if (i % 2 == 0) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        total += digit;
    }
    return (10 - total % 10) % 10;
}

int verhoeffDigit(const QString& payload)
{
    static constexpr int d[10][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    static constexpr int p[8][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    static constexpr int inverse[10] = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};
    int check = 0;
    for (qsizetype i = 0; i < payload.size(); ++i)
        check = d[check][p[(i + 1) % 8][payload.at(payload.size() - 1 - i).digitValue()]];
    return inverse[check];
}

} // namespace

QStringList FederationPatient::studyUids(const QString& tenant) const
{
    QStringList uids;
    for (const FederationStudy& study : studies.value(tenant))
        uids.append(study.studyUid);
    return uids;
}

TestFederation::TestFederation() : TestFederation(Options{}) {}

TestFederation::TestFederation(Options options) : m_options(std::move(options))
{
    if (m_options.sourceDataDirectory.isEmpty())
        m_options.sourceDataDirectory = QStringLiteral(FENESTRA_TEST_DATA_DIR);
}

TestFederation::~TestFederation()
{
    stop();
}

bool TestFederation::fail(const QString& why)
{
    m_lastError = why;
    return false;
}

bool TestFederation::checkNationalId(const QString& id)
{
    if (id.size() != 13)
        return false;
    for (const QChar c : id)
        if (!c.isDigit())
            return false;
    if (!QDate::fromString(id.left(8), u"yyyyMMdd").isValid())
        return false;
    const QString payload = id.left(11);
    return id.at(11).digitValue() == luhnDigit(payload) &&
           id.at(12).digitValue() == verhoeffDigit(payload);
}

bool TestFederation::generateData()
{
    m_dataPath = m_options.dataDirectory;
    if (m_dataPath.isEmpty()) {
        m_dataDir = std::make_unique<QTemporaryDir>();
        m_dataPath = m_dataDir->path();
    }
    QProcess generator;
    generator.setProcessChannelMode(QProcess::MergedChannels);
    generator.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(FENESTRA_FEDERATION_DATA_SCRIPT), QStringLiteral("--source"),
                     m_options.sourceDataDirectory, QStringLiteral("--out"), m_dataPath,
                     QStringLiteral("--tenants"), m_options.tenantIds.join(u',')});
    if (!generator.waitForFinished(120000) || generator.exitStatus() != QProcess::NormalExit ||
        generator.exitCode() != 0)
        return fail(QStringLiteral("federation_data.py failed: ") +
                    QString::fromLocal8Bit(generator.readAll().right(2000)));
    return readData();
}

bool TestFederation::readData()
{
    QFile file(QDir(m_dataPath).filePath(QStringLiteral("federation.json")));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1").arg(file.fileName()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    m_patients.clear();
    for (const QJsonValue& patient : json.value(QLatin1String("patients")).toArray())
        m_patients.append(patientFromJson(patient.toObject()));
    if (m_patients.isEmpty())
        return fail(QStringLiteral("%1 lists no patients").arg(file.fileName()));
    return true;
}

OidcProvider::User TestFederation::userOf(const QString& tenantId) const
{
    for (const OidcProvider::User& user : m_provider->options().users)
        if (user.organisation == tenantId)
            return user;
    return {};
}

TokenSet TestFederation::tokensFor(const QString& tenantId)
{
    const OidcProvider::User user = userOf(tenantId);
    if (user.username.isEmpty()) {
        TokenSet none;
        none.error = QStringLiteral("no user for %1").arg(tenantId);
        return none;
    }
    return m_provider->obtainTokens(user.username, user.password);
}

bool TestFederation::start()
{
    stop();
    if (m_options.tenantIds.size() < 3)
        return fail(QStringLiteral("the federation needs at least three tenants"));
    if (!generateData())
        return false;
    OidcProvider::Options providerOptions;
    providerOptions.accessTokenTtlSeconds = m_options.accessTokenTtlSeconds;
    providerOptions.breakGlassTtlSeconds = m_options.breakGlassTtlSeconds;
    providerOptions.users.append(
        OidcProvider::User{QStringLiteral("carol"), QStringLiteral("carol-secret-3"),
                           QStringLiteral("Dr. Carol Weis"), m_options.tenantIds.at(2),
                           tenantName(m_options.tenantIds.at(2)), QStringLiteral("physician")});
    m_provider = std::make_unique<OidcProvider>(providerOptions);
    if (!m_provider->start())
        return fail(QStringLiteral("OIDC provider: ") + m_provider->lastError());
    m_registry = std::make_unique<ConsentRegistry>();
    if (!m_registry->start())
        return fail(QStringLiteral("consent registry: ") + m_registry->lastError());
    for (const QString& tenantId : m_options.tenantIds)
        if (!startOrthanc(tenantId))
            return false;
    return true;
}

bool TestFederation::startOrthanc(const QString& tenantId)
{
    OrthancServer::Options options;
    options.pythonScript = QStringLiteral(FENESTRA_ORTHANC_POLICY_SCRIPT);
    options.extraConfiguration = m_provider->orthancConfiguration();
    options.extraConfiguration.insert(
        QStringLiteral("FenestraPolicy"),
        QJsonObject{
            {QStringLiteral("Tenant"), tenantId},
            {QStringLiteral("ConsentRegistry"), m_registry->url()},
            {QStringLiteral("NationalIdIssuer"), nationalIdIssuer()},
            {QStringLiteral("NationalIdSystem"), nationalIdSystem()},
            {QStringLiteral("ConsentCacheMilliseconds"), m_options.consentCacheMilliseconds}});
    auto orthanc = std::make_unique<OrthancServer>(options);
    if (!orthanc->start())
        return fail(QStringLiteral("Orthanc of %1: %2").arg(tenantId, orthanc->lastError()));
    QStringList files;
    for (const FederationPatient& patient : std::as_const(m_patients))
        for (const FederationStudy& study : patient.studies.value(tenantId))
            files += study.files;
    if (orthanc->uploadAll(files) != files.size())
        return fail(QStringLiteral("upload to %1: %2").arg(tenantId, orthanc->lastError()));
    m_orthancs[tenantId] = std::move(orthanc);
    return true;
}

void TestFederation::stop()
{
    m_orthancs.clear(); // each stops in its destructor
    m_registry.reset();
    m_provider.reset();
}

QList<FederationTenant> TestFederation::tenants() const
{
    QList<FederationTenant> list;
    for (const QString& id : m_options.tenantIds)
        list.append(tenant(id));
    return list;
}

FederationTenant TestFederation::tenant(const QString& id) const
{
    const auto it = m_orthancs.find(id);
    return FederationTenant{id, tenantName(id),
                            it == m_orthancs.end() ? QString() : it->second->dicomWebUrl()};
}

FederationPatient TestFederation::patient(const QString& key) const
{
    for (const FederationPatient& patient : m_patients)
        if (patient.key == key)
            return patient;
    return {};
}

QByteArray TestFederation::archiveLog(const QString& tenantId) const
{
    const auto it = m_orthancs.find(tenantId);
    if (it == m_orthancs.end())
        return {};
    // OrthancServer writes its log next to the storage directory.
    QFile file(
        QFileInfo(it->second->storageDirectory()).dir().filePath(QStringLiteral("orthanc.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ConsentSpec TestFederation::consentFor(const QString& patientKey, const QStringList& tenants,
                                       const QString& provisionType) const
{
    ConsentSpec spec;
    spec.id = QStringLiteral("consent-") + patientKey;
    spec.patientSystem = nationalIdSystem();
    spec.patientValue = patient(patientKey).nationalId;
    spec.provisionType = provisionType;
    spec.organisations = tenants;
    return spec;
}

} // namespace fenestra::integration
