// The federation configuration: the demo file, defaults, each tenant as an archive with its
// TLS settings, and a precise error (place and problem) for every kind of mistake.

#include "federation/tenantdirectory.h"

#include <QDir>
#include <QTest>

using namespace fenestra::net;

class TestTenantDirectory : public QObject
{
    Q_OBJECT

private slots:
    void loadFederationConfig_demoFile_hasThreeLoopbackTenants();
    void parse_minimal_appliesTheDefaults();
    void parse_tenantTls_resolvesRelativePathsAndNormalisesPins();
    void parse_auditCollector_resolvesTheCaBundle();
    void parse_invalid_namesThePlaceAndTheProblem_data();
    void parse_invalid_namesThePlaceAndTheProblem();
    void loadFederationConfig_missingFile_namesIt();
};

namespace {

const char* kPin = "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

QByteArray minimal(const QByteArray& tenants =
                       R"([{"id": "chl", "name": "North", "dicomweb": "http://127.0.0.1:1/dw"}])")
{
    return R"({"federation": "F", "tenants": )" + tenants + "}";
}

} // namespace

void TestTenantDirectory::loadFederationConfig_demoFile_hasThreeLoopbackTenants()
{
    const auto config = loadFederationConfig(QStringLiteral(FENESTRA_SOURCE_DIR) +
                                             QStringLiteral("/resources/federation/"
                                                            "demo-federation.json"));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error().toString()));
    QCOMPARE(config->tenants.size(), 3);
    QStringList ids;
    for (const TenantConfig& tenant : config->tenants) {
        ids.append(tenant.id);
        QCOMPARE(tenant.archive.baseUrl.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(tenant.archive.name, tenant.name);
        QVERIFY(tenant.archive.tls.isDefault());
    }
    QCOMPARE(ids, (QStringList{"chl", "hrs", "hel"}));
    QCOMPARE(config->tenant("hrs")->archive.baseUrl.toString(),
             QStringLiteral("http://127.0.0.1:8043/dicom-web"));
    QCOMPARE(config->tenant("nope"), nullptr);
    QCOMPARE(config->nationalId.issuer, QStringLiteral("LU-NIN"));
    QVERIFY(config->nationalId.acceptUnqualifiedOtherIds);
    QCOMPARE(config->consentRegistry.toString(), QStringLiteral("http://127.0.0.1:8090/fhir"));
    // No collector in the sample: its trail stays in the local log (a collector needs its CA).
    QVERIFY(config->auditCollector.host.isEmpty());
    QCOMPARE(config->auditCollector.port, quint16(0));
    QCOMPARE(config->archives().size(), 3);
}

void TestTenantDirectory::parse_minimal_appliesTheDefaults()
{
    const auto config = parseFederationConfig(minimal());
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error().toString()));
    QCOMPARE(config->name, QStringLiteral("F"));
    QCOMPARE(config->purposeOfUseClaim, QStringLiteral("extensions.ihe_iua.purpose_of_use"));
    QCOMPARE(config->nationalId.issuer, QStringLiteral("LU-NIN"));
    QCOMPARE(config->nationalId.scheme, NationalIdScheme::LuxembourgMatricule);
    QVERIFY(!config->nationalId.acceptUnqualifiedOtherIds);
    QVERIFY(config->consentRegistry.isEmpty());
    QCOMPARE(config->auditCollector.port, quint16(0));
    QCOMPARE(config->tenants.at(0).archive.baseUrl.toString(),
             QStringLiteral("http://127.0.0.1:1/dw"));
}

void TestTenantDirectory::parse_tenantTls_resolvesRelativePathsAndNormalisesPins()
{
    const QByteArray json = minimal(R"([{"id": "chl", "name": "North",
        "dicomweb": "https://127.0.0.1:8443/dicom-web/",
        "tls": {"caBundle": "pki/ca.pem", "pins": [")" +
                                    QByteArray(kPin) + R"("],
                "clientCertificate": "/abs/client.p12"}}])");
    const auto config = parseFederationConfig(json, QStringLiteral("/etc/fenestra"));
    QVERIFY2(config.has_value(), config ? "" : qPrintable(config.error().toString()));
    const TlsSettings& tls = config->tenants.at(0).archive.tls;
    QCOMPARE(tls.caBundleFile, QStringLiteral("/etc/fenestra/pki/ca.pem"));
    QCOMPARE(tls.clientCertificateFile, QStringLiteral("/abs/client.p12"));
    QCOMPARE(tls.pins, QStringList{"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="});
    QCOMPARE(config->tenants.at(0).archive.baseUrl.toString(),
             QStringLiteral("https://127.0.0.1:8443/dicom-web"));
}

void TestTenantDirectory::parse_auditCollector_resolvesTheCaBundle()
{
    const QByteArray tenants = R"("tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}])";
    const auto relative = parseFederationConfig(
        R"({"federation": "F", "auditCollector": {"host": "audit.example", "port": 6514,
            "caBundle": "pki/audit-ca.pem"}, )" +
            tenants + "}",
        QStringLiteral("/etc/fenestra"));
    QVERIFY2(relative.has_value(), relative ? "" : qPrintable(relative.error().toString()));
    QCOMPARE(relative->auditCollector.host, QStringLiteral("audit.example"));
    QCOMPARE(relative->auditCollector.port, quint16(6514));
    QCOMPARE(relative->auditCollector.caBundleFile,
             QStringLiteral("/etc/fenestra/pki/audit-ca.pem"));
    const auto absolute = parseFederationConfig(
        R"({"federation": "F", "auditCollector": {"host": "h", "port": 1,
            "caBundle": "/abs/ca.pem"}, )" +
            tenants + "}",
        QStringLiteral("/etc/fenestra"));
    QVERIFY2(absolute.has_value(), absolute ? "" : qPrintable(absolute.error().toString()));
    QCOMPARE(absolute->auditCollector.caBundleFile, QStringLiteral("/abs/ca.pem"));
    // Without a folder (parsed from memory), the path stays as written; without the key, none.
    const auto noBase = parseFederationConfig(
        R"({"federation": "F", "auditCollector": {"host": "h", "port": 1, "caBundle": "ca.pem"},
            )" +
        tenants + "}");
    QVERIFY2(noBase.has_value(), noBase ? "" : qPrintable(noBase.error().toString()));
    QCOMPARE(noBase->auditCollector.caBundleFile, QStringLiteral("ca.pem"));
    const auto none = parseFederationConfig(
        R"({"federation": "F", "auditCollector": {"host": "h", "port": 1}, )" + tenants + "}",
        QStringLiteral("/etc/fenestra"));
    QVERIFY2(none.has_value(), none ? "" : qPrintable(none.error().toString()));
    QVERIFY(none->auditCollector.caBundleFile.isEmpty());
}

void TestTenantDirectory::parse_invalid_namesThePlaceAndTheProblem_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detail");
    QTest::newRow("not JSON") << QByteArray("{") << "configuration: invalid JSON at byte 1: ";
    QTest::newRow("array") << QByteArray("[]") << "configuration: not a JSON object";
    QTest::newRow("unknown top-level key") << QByteArray(R"({"federation": "F", "tenant": []})")
                                           << "configuration: unknown key \"tenant\"";
    QTest::newRow("no name") << QByteArray(R"({"tenants": []})")
                             << "federation: missing or empty name";
    QTest::newRow("no tenants") << minimal("[]") << "tenants: missing, not an array or empty";
    QTest::newRow("tenant not an object") << minimal("[1]") << "tenants[0]: not an object";
    QTest::newRow("tenant without id") << minimal(R"([{"name": "N", "dicomweb": "http://h/dw"}])")
                                       << "tenants[0].id: missing or empty";
    QTest::newRow("tenant id with capitals")
        << minimal(R"([{"id": "CHL", "name": "N", "dicomweb": "http://h/dw"}])")
        << "tenants[0].id: \"CHL\": use lower-case letters, digits, '.', '_' and '-' (at most 64)";
    QTest::newRow("duplicate id") << minimal(
                                         R"([{"id": "a", "name": "N", "dicomweb": "http://h/dw"},
                       {"id": "a", "name": "M", "dicomweb": "http://h/dw2"}])")
                                  << "tenants[1].id: \"a\" already used by another tenant";
    QTest::newRow("tenant without name") << minimal(R"([{"id": "a", "dicomweb": "http://h/dw"}])")
                                         << "tenants[0].name: missing or empty";
    QTest::newRow("ftp URL") << minimal(R"([{"id": "a", "name": "N", "dicomweb": "ftp://h/dw"}])")
                             << "tenants[0].dicomweb: not an http or https URL: \"ftp://h/dw\"";
    QTest::newRow("URL with query")
        << minimal(R"([{"id": "a", "name": "N", "dicomweb": "http://h/dw?x=1"}])")
        << "tenants[0].dicomweb: an archive URL has no query or fragment";
    QTest::newRow("name not a string")
        << minimal(R"([{"id": "a", "name": 5, "dicomweb": "http://h/dw"}])")
        << "tenants[0].name: not a string";
    QTest::newRow("unknown tenant key")
        << minimal(R"([{"id": "a", "name": "N", "dicomweb": "http://h/dw", "url": "x"}])")
        << "tenants[0]: unknown key \"url\"";
    QTest::newRow("bad pin") << minimal(R"([{"id": "a", "name": "N", "dicomweb": "https://h/dw",
                        "tls": {"pins": ["abc"]}}])")
                             << "tenants[0].tls.pins[0]: ";
    QTest::newRow("unknown TLS key")
        << minimal(R"([{"id": "a", "name": "N", "dicomweb": "https://h/dw",
                        "tls": {"ca": "x"}}])")
        << "tenants[0].tls: unknown key \"ca\"";
    QTest::newRow("unknown scheme")
        << QByteArray(R"({"federation": "F", "nationalIdentifier": {"scheme": "be"},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "nationalIdentifier.scheme: \"be\" is not \"lu-matricule\" or \"unchecked\"";
    QTest::newRow("empty issuer")
        << QByteArray(R"({"federation": "F", "nationalIdentifier": {"issuer": " "},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "nationalIdentifier.issuer: empty";
    QTest::newRow("unqualified flag not a boolean")
        << QByteArray(R"({"federation": "F",
                         "nationalIdentifier": {"acceptUnqualifiedOtherIds": "yes"},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "nationalIdentifier.acceptUnqualifiedOtherIds: not true or false";
    QTest::newRow("audit port out of range")
        << QByteArray(R"({"federation": "F", "auditCollector": {"host": "h", "port": 70000},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "auditCollector.port: not a port number (1 to 65535)";
    QTest::newRow("audit without host")
        << QByteArray(R"({"federation": "F", "auditCollector": {"port": 6514},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "auditCollector.host: missing or empty";
    QTest::newRow("audit CA bundle not a string") << QByteArray(R"({"federation": "F",
                         "auditCollector": {"host": "h", "port": 1, "caBundle": ["a.pem"]},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
                                                  << "auditCollector.caBundle: not a string";
    QTest::newRow("unknown audit collector key") << QByteArray(R"({"federation": "F",
                         "auditCollector": {"host": "h", "port": 1, "ca": "a.pem"},
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
                                                 << "auditCollector: unknown key \"ca\"";
    QTest::newRow("registry not http")
        << QByteArray(R"({"federation": "F", "consentRegistry": "file:///x",
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "consentRegistry: not an http or https URL: \"file:///x\"";
    QTest::newRow("claim path with empty step")
        << QByteArray(R"({"federation": "F", "purposeOfUseClaim": "extensions..pou",
                         "tenants": [{"id": "a", "name": "N", "dicomweb": "http://h/d"}]})")
        << "purposeOfUseClaim: \"extensions..pou\" is not a dotted claim path";
}

void TestTenantDirectory::parse_invalid_namesThePlaceAndTheProblem()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detail);
    const auto config = parseFederationConfig(json);
    QVERIFY(!config.has_value());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    // Rows ending with ": " check the prefix only (the rest is Qt's or the pin parser's text).
    if (detail.endsWith(QStringLiteral(": ")))
        QVERIFY2(config.error().detail.startsWith(detail), qPrintable(config.error().detail));
    else
        QCOMPARE(config.error().detail, detail);
}

void TestTenantDirectory::loadFederationConfig_missingFile_namesIt()
{
    const QString path = QDir::temp().filePath(QStringLiteral("fenestra-no-such-federation.json"));
    const auto config = loadFederationConfig(path);
    QVERIFY(!config.has_value());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(config.error().detail.contains(path), qPrintable(config.error().detail));
}

QTEST_GUILESS_MAIN(TestTenantDirectory)
#include "tst_tenantdirectory.moc"
