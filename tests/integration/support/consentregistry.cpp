#include "consentregistry.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QUrl>

namespace fenestra::integration {

namespace {

constexpr int kExitPortInUse = 98; // consent_registry.py, when its port is taken

QByteArray randomSecret()
{
    QByteArray raw(24, Qt::Uninitialized);
    for (char& byte : raw)
        byte = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

QString fhirTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject coding(const QString& system, const QString& code)
{
    return {{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
}

} // namespace

QJsonObject ConsentSpec::toJson() const
{
    QJsonObject provision{{QStringLiteral("type"), provisionType}};
    QJsonObject period;
    if (periodStart.isValid())
        period.insert(QStringLiteral("start"), fhirTime(periodStart));
    if (periodEnd.isValid())
        period.insert(QStringLiteral("end"), fhirTime(periodEnd));
    if (!period.isEmpty())
        provision.insert(QStringLiteral("period"), period);
    QJsonArray actors;
    for (const QString& organisation : organisations)
        actors.append(QJsonObject{
            {QStringLiteral("role"),
             QJsonObject{{QStringLiteral("coding"),
                          QJsonArray{coding(QStringLiteral("http://terminology.hl7.org/"
                                                           "CodeSystem/v3-ParticipationType"),
                                            QStringLiteral("IRCP"))}}}},
            {QStringLiteral("reference"),
             QJsonObject{
                 {QStringLiteral("reference"), QStringLiteral("Organization/") + organisation}}}});
    // IRCP (information recipient) on every listed organisation, and the same organisations
    // as custodians: the exchange is allowed between any two of them.
    for (const QString& organisation : organisations)
        actors.append(QJsonObject{
            {QStringLiteral("role"),
             QJsonObject{{QStringLiteral("coding"),
                          QJsonArray{coding(QStringLiteral("http://terminology.hl7.org/"
                                                           "CodeSystem/v3-ParticipationType"),
                                            QStringLiteral("CST"))}}}},
            {QStringLiteral("reference"),
             QJsonObject{
                 {QStringLiteral("reference"), QStringLiteral("Organization/") + organisation}}}});
    if (!actors.isEmpty())
        provision.insert(QStringLiteral("actor"), actors);
    QJsonArray purposeArray;
    for (const QString& purpose : purposes)
        purposeArray.append(
            coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActReason"), purpose));
    if (!purposeArray.isEmpty())
        provision.insert(QStringLiteral("purpose"), purposeArray);
    return {{QStringLiteral("resourceType"), QStringLiteral("Consent")},
            {QStringLiteral("id"), id},
            {QStringLiteral("status"), status},
            {QStringLiteral("scope"),
             QJsonObject{{QStringLiteral("coding"),
                          QJsonArray{coding(QStringLiteral("http://terminology.hl7.org/"
                                                           "CodeSystem/consentscope"),
                                            QStringLiteral("patient-privacy"))}}}},
            {QStringLiteral("category"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("coding"), QJsonArray{coding(QStringLiteral("http://loinc.org"),
                                                              QStringLiteral("59284-0"))}}}}},
            {QStringLiteral("patient"),
             QJsonObject{{QStringLiteral("identifier"),
                          QJsonObject{{QStringLiteral("system"), patientSystem},
                                      {QStringLiteral("value"), patientValue}}}}},
            {QStringLiteral("provision"), provision}};
}

ConsentRegistry::ConsentRegistry() : ConsentRegistry(Options{}) {}

ConsentRegistry::ConsentRegistry(Options options) : m_options(std::move(options))
{
    if (m_options.script.isEmpty())
        m_options.script = QStringLiteral(FENESTRA_CONSENT_REGISTRY_SCRIPT);
}

ConsentRegistry::~ConsentRegistry()
{
    stop();
}

QString ConsentRegistry::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/fhir").arg(m_port);
}

bool ConsentRegistry::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool ConsentRegistry::start()
{
    stop();
    if (!QFileInfo(m_options.python).isExecutable() || !QFileInfo::exists(m_options.script)) {
        fail(QStringLiteral("%1 or %2 missing").arg(m_options.python, m_options.script));
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    m_secret = randomSecret();
    for (int attempt = 0; attempt < m_options.startAttempts; ++attempt) {
        m_port = pickFreePort();
        if (launch())
            return true;
        if (m_process->exitCode() != kExitPortInUse)
            return false;
    }
    return false;
}

bool ConsentRegistry::launch()
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FENESTRA_CONSENT_SECRET"), QString::fromLatin1(m_secret));
    m_process->setProcessEnvironment(environment);
    m_process->setProgram(m_options.python);
    m_process->setArguments({m_options.script, QString::number(m_port)});
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("registry.log")),
                                     QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        fail(QStringLiteral("cannot run %1: %2").arg(m_options.python, m_process->errorString()));
        return false;
    }
    return waitReady();
}

bool ConsentRegistry::waitReady()
{
    const QDeadlineTimer deadline(m_options.readyTimeout);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            fail(QStringLiteral("the consent registry exited during start-up (code %1)")
                     .arg(m_process->exitCode()));
            return false;
        }
        const HttpResult stats = control("GET", "/_control/stats");
        if (stats.status == 200 &&
            QJsonDocument::fromJson(stats.body).object().contains(QLatin1String("searches")))
            return true;
        m_process->waitForFinished(50);
    }
    fail(QStringLiteral("the consent registry did not answer in time"));
    kill();
    return false;
}

bool ConsentRegistry::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    const bool clean = m_process->waitForFinished(5000);
    if (!clean) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    return clean && m_process->exitStatus() == QProcess::NormalExit;
}

void ConsentRegistry::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

QByteArray ConsentRegistry::log() const
{
    QFile file(m_dir ? m_dir->filePath(QStringLiteral("registry.log")) : QString());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void ConsentRegistry::fail(const QString& why)
{
    m_lastError = why + QStringLiteral("\n--- end of the registry's log ---\n") +
                  QString::fromLocal8Bit(log().right(2000));
}

HttpResult ConsentRegistry::control(const QByteArray& method, const QByteArray& target,
                                    const QByteArray& body)
{
    return httpRequest(
        m_port, method, target, body,
        {{"X-Fenestra-Harness", m_secret}, {"Content-Type", "application/fhir+json"}},
        std::chrono::seconds(5));
}

bool ConsentRegistry::putConsent(const QJsonObject& consent)
{
    const QString id = consent.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        fail(QStringLiteral("putConsent: the Consent has no id"));
        return false;
    }
    const HttpResult result = control("PUT", "/fhir/Consent/" + QUrl::toPercentEncoding(id),
                                      QJsonDocument(consent).toJson(QJsonDocument::Compact));
    if (result.status == 200 || result.status == 201)
        return true;
    fail(QStringLiteral("PUT Consent/%1: HTTP %2 %3")
             .arg(id)
             .arg(result.status)
             .arg(result.error + QString::fromUtf8(result.body)));
    return false;
}

bool ConsentRegistry::removeConsent(const QString& id)
{
    const HttpResult result = control("DELETE", "/fhir/Consent/" + QUrl::toPercentEncoding(id));
    if (result.status == 204)
        return true;
    fail(QStringLiteral("DELETE Consent/%1: HTTP %2").arg(id).arg(result.status));
    return false;
}

bool ConsentRegistry::clear()
{
    const HttpResult result = control("DELETE", "/fhir/Consent");
    if (result.status == 204)
        return true;
    fail(QStringLiteral("DELETE Consent: HTTP %1").arg(result.status));
    return false;
}

bool ConsentRegistry::setSearchDelay(int milliseconds)
{
    const HttpResult result = control("PUT", "/_control/delay", QByteArray::number(milliseconds));
    if (result.status == 204)
        return true;
    fail(QStringLiteral("PUT delay: HTTP %1").arg(result.status));
    return false;
}

int ConsentRegistry::searchCount()
{
    const HttpResult result = control("GET", "/_control/stats");
    if (result.status != 200)
        return -1;
    return QJsonDocument::fromJson(result.body).object().value(QLatin1String("searches")).toInt(-1);
}

HttpResult ConsentRegistry::search(const QString& system, const QString& value,
                                   const QByteArray& bearer)
{
    const QByteArray query =
        "/fhir/Consent?patient:identifier=" + QUrl::toPercentEncoding(system + u'|' + value);
    QList<QPair<QByteArray, QByteArray>> headers{{"Accept", "application/fhir+json"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer});
    return httpRequest(m_port, "GET", query, {}, headers, std::chrono::seconds(10));
}

} // namespace fenestra::integration
