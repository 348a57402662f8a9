#include "tenantdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace fenestra::net {

namespace {

std::unexpected<Error> invalid(const QString& where, const QString& what)
{
    return fail(ErrorCode::InvalidArgument, where + QStringLiteral(": ") + what);
}

// Fails on the first key of `object` not in `known`.
std::optional<Error> unknownKey(const QJsonObject& object, const QStringList& known,
                                const QString& where)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!known.contains(it.key()))
            return invalid(where, QStringLiteral("unknown key \"%1\"").arg(it.key())).error();
    return std::nullopt;
}

// A string member: absent gives `fallback`; present, it must be a string.
Result<QString> stringMember(const QJsonObject& object, const QString& key, const QString& where,
                             const QString& fallback = {})
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return invalid(where + QLatin1Char('.') + key, QStringLiteral("not a string"));
    return value.toString().trimmed();
}

Result<QStringList> stringList(const QJsonObject& object, const QString& key, const QString& where)
{
    QStringList out;
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return out;
    if (!value.isArray())
        return invalid(where + QLatin1Char('.') + key, QStringLiteral("not an array of strings"));
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty())
            return invalid(where + QLatin1Char('.') + key,
                           QStringLiteral("not an array of non-empty strings"));
        out.append(item.toString().trimmed());
    }
    return out;
}

Result<QJsonObject> objectMember(const QJsonObject& object, const QString& key,
                                 const QString& where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QJsonObject();
    if (!value.isObject())
        return invalid(where + QLatin1Char('.') + key, QStringLiteral("not an object"));
    return value.toObject();
}

QString resolvePath(const QString& path, const QString& baseDirectory)
{
    if (path.isEmpty() || baseDirectory.isEmpty() || QFileInfo(path).isAbsolute())
        return path;
    return QDir(baseDirectory).filePath(path);
}

Result<NationalIdConfig> parseNationalId(const QJsonObject& root)
{
    const QString where = QStringLiteral("nationalIdentifier");
    const Result<QJsonObject> object = objectMember(root, where, QStringLiteral("configuration"));
    if (!object)
        return std::unexpected(object.error());
    if (auto error = unknownKey(
            *object, {"issuer", "issuerAliases", "scheme", "acceptUnqualifiedOtherIds"}, where))
        return std::unexpected(*error);
    NationalIdConfig config;
    const Result<QString> issuer = stringMember(*object, "issuer", where, config.issuer);
    const Result<QStringList> aliases = stringList(*object, "issuerAliases", where);
    const Result<QString> scheme = stringMember(*object, "scheme", where, "lu-matricule");
    for (const Error* error :
         {issuer ? nullptr : &issuer.error(), aliases ? nullptr : &aliases.error(),
          scheme ? nullptr : &scheme.error()})
        if (error)
            return std::unexpected(*error);
    if (issuer->isEmpty())
        return invalid(where + QStringLiteral(".issuer"), QStringLiteral("empty"));
    config.issuer = *issuer;
    config.issuerAliases = *aliases;
    if (*scheme == QLatin1String("lu-matricule"))
        config.scheme = NationalIdScheme::LuxembourgMatricule;
    else if (*scheme == QLatin1String("unchecked"))
        config.scheme = NationalIdScheme::Unchecked;
    else
        return invalid(
            where + QStringLiteral(".scheme"),
            QStringLiteral("\"%1\" is not \"lu-matricule\" or \"unchecked\"").arg(*scheme));
    const QJsonValue unqualified = object->value(QStringLiteral("acceptUnqualifiedOtherIds"));
    if (!unqualified.isUndefined() && !unqualified.isBool())
        return invalid(where + QStringLiteral(".acceptUnqualifiedOtherIds"),
                       QStringLiteral("not true or false"));
    config.acceptUnqualifiedOtherIds = unqualified.toBool(false);
    return config;
}

Result<AuditCollectorConfig> parseAuditCollector(const QJsonObject& root,
                                                 const QString& baseDirectory)
{
    const QString where = QStringLiteral("auditCollector");
    const Result<QJsonObject> object = objectMember(root, where, QStringLiteral("configuration"));
    if (!object)
        return std::unexpected(object.error());
    if (object->isEmpty())
        return AuditCollectorConfig{};
    if (auto error = unknownKey(*object, {"host", "port", "caBundle"}, where))
        return std::unexpected(*error);
    const Result<QString> host = stringMember(*object, "host", where);
    if (!host)
        return std::unexpected(host.error());
    if (host->isEmpty())
        return invalid(where + QStringLiteral(".host"), QStringLiteral("missing or empty"));
    const QJsonValue port = object->value(QStringLiteral("port"));
    const double number = port.toDouble(-1);
    if (!port.isDouble() || number < 1 || number > 65535 || number != int(number))
        return invalid(where + QStringLiteral(".port"),
                       QStringLiteral("not a port number (1 to 65535)"));
    const Result<QString> ca = stringMember(*object, "caBundle", where);
    if (!ca)
        return std::unexpected(ca.error());
    return AuditCollectorConfig{*host, quint16(number), resolvePath(*ca, baseDirectory)};
}

Result<TlsSettings> parseTls(const QJsonObject& tenant, const QString& where,
                             const QString& baseDirectory)
{
    const Result<QJsonObject> object = objectMember(tenant, QStringLiteral("tls"), where);
    if (!object)
        return std::unexpected(object.error());
    const QString at = where + QStringLiteral(".tls");
    if (auto error =
            unknownKey(*object, {"caBundle", "pins", "clientCertificate", "clientKey"}, at))
        return std::unexpected(*error);
    const Result<QString> ca = stringMember(*object, "caBundle", at);
    const Result<QStringList> pins = stringList(*object, "pins", at);
    const Result<QString> certificate = stringMember(*object, "clientCertificate", at);
    const Result<QString> key = stringMember(*object, "clientKey", at);
    for (const Error* error :
         {ca ? nullptr : &ca.error(), pins ? nullptr : &pins.error(),
          certificate ? nullptr : &certificate.error(), key ? nullptr : &key.error()})
        if (error)
            return std::unexpected(*error);
    TlsSettings tls;
    tls.caBundleFile = resolvePath(*ca, baseDirectory);
    tls.clientCertificateFile = resolvePath(*certificate, baseDirectory);
    tls.clientKeyFile = resolvePath(*key, baseDirectory);
    for (int i = 0; i < pins->size(); ++i) {
        const Result<QString> pin = parsePin(pins->at(i));
        if (!pin)
            return invalid(at + QStringLiteral(".pins[%1]").arg(i), pin.error().detail);
        tls.pins.append(*pin);
    }
    return tls;
}

Result<TenantConfig> parseTenant(const QJsonValue& value, const QString& where,
                                 const QString& baseDirectory)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    if (!value.isObject())
        return invalid(where, QStringLiteral("not an object"));
    const QJsonObject object = value.toObject();
    if (auto error = unknownKey(object, {"id", "name", "dicomweb", "tls"}, where))
        return std::unexpected(*error);
    const Result<QString> id = stringMember(object, "id", where);
    const Result<QString> name = stringMember(object, "name", where);
    const Result<QString> url = stringMember(object, "dicomweb", where);
    for (const Error* error :
         {id ? nullptr : &id.error(), name ? nullptr : &name.error(), url ? nullptr : &url.error()})
        if (error)
            return std::unexpected(*error);
    if (!idPattern.match(*id).hasMatch())
        return invalid(where + QStringLiteral(".id"),
                       id->isEmpty() ? QStringLiteral("missing or empty")
                                     : QStringLiteral("\"%1\": use lower-case letters, digits, "
                                                      "'.', '_' and '-' (at most 64)")
                                           .arg(*id));
    if (name->isEmpty())
        return invalid(where + QStringLiteral(".name"), QStringLiteral("missing or empty"));
    if (!url->startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
        !url->startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return invalid(where + QStringLiteral(".dicomweb"),
                       QStringLiteral("not an http or https URL: \"%1\"").arg(*url));
    Result<ArchiveConfig> archive = parseArchiveArgument(*url);
    if (!archive)
        return invalid(where + QStringLiteral(".dicomweb"), archive.error().detail);
    const Result<TlsSettings> tls = parseTls(object, where, baseDirectory);
    if (!tls)
        return std::unexpected(tls.error());
    archive->name = *name;
    archive->tls = *tls;
    return TenantConfig{*id, *name, *archive};
}

Result<QList<TenantConfig>> parseTenants(const QJsonObject& root, const QString& baseDirectory)
{
    const QJsonValue value = root.value(QStringLiteral("tenants"));
    if (!value.isArray() || value.toArray().isEmpty())
        return invalid(QStringLiteral("tenants"), QStringLiteral("missing, not an array or empty"));
    QList<TenantConfig> tenants;
    QSet<QString> ids;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("tenants[%1]").arg(i);
        Result<TenantConfig> tenant = parseTenant(array.at(i), where, baseDirectory);
        if (!tenant)
            return std::unexpected(tenant.error());
        if (ids.contains(tenant->id))
            return invalid(where + QStringLiteral(".id"),
                           QStringLiteral("\"%1\" already used by another tenant").arg(tenant->id));
        ids.insert(tenant->id);
        tenants.append(std::move(*tenant));
    }
    return tenants;
}

Result<QJsonObject> parseRoot(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("configuration"),
                       QStringLiteral("invalid JSON at byte %1: %2")
                           .arg(error.offset)
                           .arg(error.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("configuration"), QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();
    if (auto unknown = unknownKey(root,
                                  {"federation", "nationalIdentifier", "purposeOfUseClaim",
                                   "consentRegistry", "auditCollector", "tenants"},
                                  QStringLiteral("configuration")))
        return std::unexpected(*unknown);
    return root;
}

Result<QUrl> parseRegistry(const QJsonObject& root)
{
    const Result<QString> text = stringMember(root, "consentRegistry", "configuration");
    if (!text)
        return std::unexpected(text.error());
    if (text->isEmpty())
        return QUrl();
    const QUrl url(*text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return invalid(QStringLiteral("consentRegistry"),
                       QStringLiteral("not an http or https URL: \"%1\"").arg(*text));
    return url;
}

} // namespace

const TenantConfig* FederationConfig::tenant(const QString& id) const
{
    for (const TenantConfig& tenant : tenants)
        if (tenant.id == id)
            return &tenant;
    return nullptr;
}

QList<ArchiveConfig> FederationConfig::archives() const
{
    QList<ArchiveConfig> out;
    for (const TenantConfig& tenant : tenants)
        out.append(tenant.archive);
    return out;
}

Result<FederationConfig> parseFederationConfig(const QByteArray& json, const QString& baseDirectory)
{
    const Result<QJsonObject> root = parseRoot(json);
    if (!root)
        return std::unexpected(root.error());
    FederationConfig config;
    const Result<QString> name = stringMember(*root, "federation", "configuration");
    if (!name)
        return std::unexpected(name.error());
    if (name->isEmpty())
        return invalid(QStringLiteral("federation"), QStringLiteral("missing or empty name"));
    config.name = *name;
    const Result<QString> claim =
        stringMember(*root, "purposeOfUseClaim", "configuration", config.purposeOfUseClaim);
    if (!claim)
        return std::unexpected(claim.error());
    if (claim->isEmpty() || claim->startsWith(QLatin1Char('.')) ||
        claim->endsWith(QLatin1Char('.')) || claim->contains(QStringLiteral("..")))
        return invalid(QStringLiteral("purposeOfUseClaim"),
                       QStringLiteral("\"%1\" is not a dotted claim path").arg(*claim));
    config.purposeOfUseClaim = *claim;
    Result<NationalIdConfig> nationalId = parseNationalId(*root);
    Result<QUrl> registry = parseRegistry(*root);
    Result<AuditCollectorConfig> audit = parseAuditCollector(*root, baseDirectory);
    Result<QList<TenantConfig>> tenants = parseTenants(*root, baseDirectory);
    for (const Error* error :
         {nationalId ? nullptr : &nationalId.error(), registry ? nullptr : &registry.error(),
          audit ? nullptr : &audit.error(), tenants ? nullptr : &tenants.error()})
        if (error)
            return std::unexpected(*error);
    config.nationalId = std::move(*nationalId);
    config.consentRegistry = std::move(*registry);
    config.auditCollector = std::move(*audit);
    config.tenants = std::move(*tenants);
    return config;
}

Result<FederationConfig> loadFederationConfig(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot read the federation "
                                                               "configuration %1: %2")
                                                    .arg(path, file.errorString()));
    return parseFederationConfig(file.readAll(), QFileInfo(path).absolutePath());
}

} // namespace fenestra::net
