// DICOMweb over TLS against real Orthanc 1.10 servers with certificates made at test time: the
// archive's CA bundle makes the search work, and every certificate problem (untrusted, wrong
// host, expired, pin mismatch, client certificate missing or refused) ends the search with
// TlsFailure and the plain sentence the user will read. Mutual TLS works with PEM and PKCS#12.

#include "archivetest.h"
#include "support/testpki.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace fenestra::integration;
using namespace fenestra::net;

namespace {

struct SearchResult
{
    RequestOutcome outcome;
    QSet<QString> studyUids;
    QString detail() const { return outcome.error ? outcome.error->detail : QString(); }
};

} // namespace

class TestTlsOrthanc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void search_withTheArchiveCa_findsTheStudy();
    void search_withSystemAuthoritiesOnly_refusedAsNotTrusted();
    void search_withAnUnrelatedCa_refusedAsNotTrusted();
    void search_wrongHostCertificate_refusedNamingTheCertificatesHost();
    void search_expiredCertificate_refusedWithItsExpiryDate();
    void search_matchingPin_findsTheStudy();
    void search_pinMismatch_refusedWithBothFingerprints();
    void search_plainHttpArchiveWithPin_refused();
    void search_serverOfferingOnlyTls11_refusedAsTooOld();
    void mutualTls_withoutClientCertificate_refusedSayingOneIsRequired();
    void mutualTls_pemClientCertificate_findsTheStudy();
    void mutualTls_pkcs12ClientCertificate_findsTheStudy();
    void mutualTls_certificateOfAnotherCa_refusedByTheServer();
    void mutualTls_wrongPkcs12Password_failsBeforeConnecting();

private:
    std::unique_ptr<OrthancServer> startOrthanc(const QString& serverPem, bool mutual,
                                                bool withData);
    SearchResult search(const OrthancServer& server, const TlsSettings& tls);
    SearchResult search(const QString& dicomWebUrl, const TlsSettings& tls);
    TlsSettings trustingTheCa() const;
    void verifyFound(const SearchResult& result);
    void verifyRefused(const SearchResult& result, const QString& expected, bool prefix = false);

    TestPki m_pki;
    ManifestStudy m_study;
    std::unique_ptr<OrthancServer> m_good;
    std::unique_ptr<OrthancServer> m_wrongHost;
    std::unique_ptr<OrthancServer> m_expired;
    std::unique_ptr<OrthancServer> m_mutual;
    std::unique_ptr<OrthancServer> m_plain;
};

void TestTlsOrthanc::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/Orthanc")))
        QSKIP("Orthanc is not installed (Debian package orthanc, orthanc-dicomweb)");
    m_study = readManifest(QStringLiteral(FENESTRA_TEST_DATA)).value(QStringLiteral("us"));
    QVERIFY(!m_study.studyUid.isEmpty());
    QVERIFY2(m_pki.create(), qPrintable(m_pki.lastError()));
    m_good = startOrthanc(m_pki.serverPem(), false, true);
    m_wrongHost = startOrthanc(m_pki.wrongHostPem(), false, false);
    m_expired = startOrthanc(m_pki.expiredPem(), false, false);
    m_mutual = startOrthanc(m_pki.serverPem(), true, true);
    m_plain = startOrthanc({}, false, false);
    QVERIFY(m_good && m_wrongHost && m_expired && m_mutual && m_plain);
    QVERIFY(m_good->dicomWebUrl().startsWith(QLatin1String("https://127.0.0.1:")));
    QVERIFY(m_plain->dicomWebUrl().startsWith(QLatin1String("http://127.0.0.1:")));
}

void TestTlsOrthanc::cleanupTestCase()
{
    m_good.reset();
    m_wrongHost.reset();
    m_expired.reset();
    m_mutual.reset();
    m_plain.reset();
}

std::unique_ptr<OrthancServer> TestTlsOrthanc::startOrthanc(const QString& serverPem, bool mutual,
                                                            bool withData)
{
    OrthancServer::Options options;
    options.tls.serverCertificatePem = serverPem;
    options.tls.caForHarness = m_pki.caCertificate();
    options.tls.verifyPeers = mutual;
    options.tls.trustedClientCertificates = m_pki.clientCaCertificate();
    options.tls.harnessClientCertificate = m_pki.clientCertificate();
    options.tls.harnessClientKey = m_pki.clientKey();
    auto server = std::make_unique<OrthancServer>(options);
    if (!server->start()) {
        qWarning("%s", qPrintable(server->lastError()));
        return nullptr;
    }
    if (withData && server->uploadAll(m_study.files()) != m_study.files().size()) {
        qWarning("%s", qPrintable(server->lastError()));
        return nullptr;
    }
    return server;
}

SearchResult TestTlsOrthanc::search(const OrthancServer& server, const TlsSettings& tls)
{
    return search(server.dicomWebUrl(), tls);
}

SearchResult TestTlsOrthanc::search(const QString& dicomWebUrl, const TlsSettings& tls)
{
    // A manager per search: no connection or TLS session is reused between cases.
    QNetworkAccessManager manager;
    ArchiveConfig archive = archiveOf(dicomWebUrl);
    archive.tls = tls;
    DicomWebClient client(archive, &manager);
    QidoSearch* search = client.searchStudies({});
    if (!waitFinished(search))
        return {};
    SearchResult result{search->outcome(), studyUidSet(search->studies())};
    if (result.outcome.error)
        qInfo("message: %s", qPrintable(result.outcome.error->detail));
    return result;
}

TlsSettings TestTlsOrthanc::trustingTheCa() const
{
    TlsSettings tls;
    tls.caBundleFile = m_pki.caCertificate();
    return tls;
}

void TestTlsOrthanc::verifyFound(const SearchResult& result)
{
    QVERIFY2(result.outcome.status == RequestStatus::Clean, qPrintable(result.detail()));
    QCOMPARE(result.outcome.httpStatus, 200);
    QCOMPARE(result.studyUids, QSet<QString>{m_study.studyUid});
}

void TestTlsOrthanc::verifyRefused(const SearchResult& result, const QString& expected, bool prefix)
{
    QCOMPARE(requestStatusName(result.outcome.status), "Errored");
    QVERIFY(result.outcome.error);
    QCOMPARE(errorCodeName(result.outcome.error->code), "TlsFailure");
    QCOMPARE(result.outcome.httpStatus, 0); // no HTTP answer: nothing was exchanged
    QVERIFY(result.studyUids.isEmpty());
    if (prefix)
        QVERIFY2(result.detail().startsWith(expected), qPrintable(result.detail()));
    else
        QCOMPARE(result.detail(), expected);
}

void TestTlsOrthanc::search_withTheArchiveCa_findsTheStudy()
{
    verifyFound(search(*m_good, trustingTheCa()));
}

void TestTlsOrthanc::search_withSystemAuthoritiesOnly_refusedAsNotTrusted()
{
    verifyRefused(search(*m_good, TlsSettings{}),
                  QStringLiteral("The certificate of 127.0.0.1 is not trusted: it was issued by "
                                 "\"Fenestra Test CA\", an authority this archive does not trust. "
                                 "If the archive is genuine, add its authority (CA bundle) in the "
                                 "archive's settings."));
}

void TestTlsOrthanc::search_withAnUnrelatedCa_refusedAsNotTrusted()
{
    TlsSettings tls;
    tls.caBundleFile = m_pki.otherCaCertificate();
    verifyRefused(search(*m_good, tls),
                  QStringLiteral("The certificate of 127.0.0.1 is not trusted: it was issued by "
                                 "\"Fenestra Test CA\""),
                  true);
}

void TestTlsOrthanc::search_wrongHostCertificate_refusedNamingTheCertificatesHost()
{
    verifyRefused(search(*m_wrongHost, trustingTheCa()),
                  QStringLiteral("The certificate presented by 127.0.0.1 is for wrong.example, not "
                                 "for 127.0.0.1."));
}

void TestTlsOrthanc::search_expiredCertificate_refusedWithItsExpiryDate()
{
    const QSslCertificate expired = QSslCertificate::fromPath(m_pki.expiredPem()).value(0);
    QVERIFY(expired.expiryDate() < QDateTime::currentDateTimeUtc());
    verifyRefused(
        search(*m_expired, trustingTheCa()),
        QStringLiteral("The certificate of 127.0.0.1 expired on %1.")
            .arg(expired.expiryDate().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
}

void TestTlsOrthanc::search_matchingPin_findsTheStudy()
{
    TlsSettings tls = trustingTheCa();
    tls.pins = {m_pki.wrongHostPin(), QStringLiteral("sha256/") + m_pki.serverPin()};
    verifyFound(search(*m_good, tls));
}

void TestTlsOrthanc::search_pinMismatch_refusedWithBothFingerprints()
{
    TlsSettings tls = trustingTheCa();
    tls.pins = {m_pki.wrongHostPin()};
    verifyRefused(search(*m_good, tls),
                  QStringLiteral("The key of the server 127.0.0.1 does not match the pin set for "
                                 "this archive (expected SHA-256 %1, received %2). The connection "
                                 "was closed before anything was sent.")
                      .arg(m_pki.wrongHostPin(), m_pki.serverPin()));
}

void TestTlsOrthanc::search_plainHttpArchiveWithPin_refused()
{
    // A pin on an http archive cannot be satisfied: refused, never ignored.
    TlsSettings tls;
    tls.pins = {m_pki.serverPin()};
    const SearchResult result = search(*m_plain, tls);
    QCOMPARE(requestStatusName(result.outcome.status), "Errored");
    QCOMPARE(errorCodeName(result.outcome.error->code), "TlsFailure");
    QVERIFY2(result.detail().startsWith(QLatin1String(
                 "The key of the server 127.0.0.1 does not match the pin set for this archive")),
             qPrintable(result.detail()));
}

void TestTlsOrthanc::search_serverOfferingOnlyTls11_refusedAsTooOld()
{
    // Orthanc cannot offer less than TLS 1.2 with this OpenSSL; OpenSSL's own test server can
    // (at security level 0), with the good certificate.
    const quint16 port = pickFreePort();
    QProcess server;
    server.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_server"), QStringLiteral("-accept"),
                  QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                  m_pki.serverPem(), QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                  QStringLiteral("DEFAULT@SECLEVEL=0"), QStringLiteral("-www")});
    QVERIFY2(server.waitForStarted(), qPrintable(server.errorString()));
    QByteArray banner;
    while (!banner.contains("ACCEPT") && server.waitForReadyRead(10000))
        banner += server.readAllStandardOutput();
    QVERIFY2(banner.contains("ACCEPT"), banner.constData());
    verifyRefused(
        search(QStringLiteral("https://127.0.0.1:%1/dicom-web").arg(port), trustingTheCa()),
        QStringLiteral("The archive 127.0.0.1 offers only a TLS version older than 1.2, "
                       "which is refused as insecure. ("),
        true);
    server.kill();
    server.waitForFinished(5000);
}

void TestTlsOrthanc::mutualTls_withoutClientCertificate_refusedSayingOneIsRequired()
{
    verifyRefused(search(*m_mutual, trustingTheCa()),
                  QStringLiteral("The archive 127.0.0.1 requires a client certificate, and none is "
                                 "set in the archive's settings. ("),
                  true);
}

void TestTlsOrthanc::mutualTls_pemClientCertificate_findsTheStudy()
{
    TlsSettings tls = trustingTheCa();
    tls.clientCertificateFile = m_pki.clientCertificate();
    tls.clientKeyFile = m_pki.clientKey();
    verifyFound(search(*m_mutual, tls));
}

void TestTlsOrthanc::mutualTls_pkcs12ClientCertificate_findsTheStudy()
{
    TlsSettings tls = trustingTheCa();
    tls.clientCertificateFile = m_pki.clientPkcs12();
    tls.clientKeyPassword = m_pki.clientPkcs12Password();
    verifyFound(search(*m_mutual, tls));
}

void TestTlsOrthanc::mutualTls_certificateOfAnotherCa_refusedByTheServer()
{
    TlsSettings tls = trustingTheCa();
    tls.clientCertificateFile = m_pki.strangerClientPem();
    verifyRefused(search(*m_mutual, tls),
                  QStringLiteral("The archive 127.0.0.1 refused our client certificate. ("), true);
}

void TestTlsOrthanc::mutualTls_wrongPkcs12Password_failsBeforeConnecting()
{
    TlsSettings tls = trustingTheCa();
    tls.clientCertificateFile = m_pki.clientPkcs12();
    tls.clientKeyPassword = "wrong";
    verifyRefused(search(*m_mutual, tls),
                  QStringLiteral("The password of the client certificate client.p12 is wrong."));
}

QTEST_GUILESS_MAIN(TestTlsOrthanc)
#include "tst_tlsorthanc.moc"
