// The TLS settings of an archive: SPKI SHA-256 pins computed exactly as the OpenSSL command line
// does, client certificates read from PEM and PKCS#12 (a wrong or missing password said so),
// a configuration with TLS 1.2 minimum whose CA bundle replaces the system's, and the plain
// sentences for refused certificates. Certificates come from a PKI made at test time.

#include "dicomweb/dicomwebclient.h"
#include "support/testpki.h"
#include "tls/archivetls.h"
#include "tls/clientkeypasswords.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fenestra::integration;
using namespace fenestra::net;

class TestArchiveTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void spkiSha256_matchesTheOpensslCommandLine_data();
    void spkiSha256_matchesTheOpensslCommandLine();
    void parsePin_acceptsBase64OfThirtyTwoBytesOnly_data();
    void parsePin_acceptsBase64OfThirtyTwoBytesOnly();

    void loadClientIdentity_pemWithKeyFile_givesCertificateAndRsaKey();
    void loadClientIdentity_pemWithKeyInside_givesEcKey();
    void loadClientIdentity_pkcs12WithPassword_givesTheSameCertificate();
    void loadClientIdentity_refusals_sayWhatIsWrong_data();
    void loadClientIdentity_refusals_sayWhatIsWrong();
    void loadClientIdentity_encryptedPemKey_needsItsPassword();

    void archiveTls_default_systemAuthoritiesAndTls12Minimum();
    void archiveTls_caBundle_replacesTheSystemAuthorities();
    void archiveTls_clientCertificate_isTheLocalCertificate();
    void archiveTls_badSettings_failWithTlsFailure();
    void apply_setsTheConfigurationOnHttpsOnly();
    void checkPin_matchPasses_mismatchNamesBothFingerprints();

    void describeSslErrors_saysWhatIsWrongWithWhichNameOrDate();
    void describeSslErrors_untrustedComesBeforeHostName();
    void describeHandshakeFailure_recognisesTheServersAlerts_data();
    void describeHandshakeFailure_recognisesTheServersAlerts();

    void clientKeyPasswords_withoutSecretService_reportsClearErrorInTime();

    void client_pinMismatch_closesBeforeSendingTheRequest_data();
    void client_pinMismatch_closesBeforeSendingTheRequest();

private:
    static QString opensslPin(const QString& certificateFile);
    QSslCertificate certificate(const QString& pemFile) const;

    TestPki m_pki;
};

void TestArchiveTls::initTestCase()
{
    QVERIFY2(m_pki.create(), qPrintable(m_pki.lastError()));
}

QString TestArchiveTls::opensslPin(const QString& certificateFile)
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("openssl x509 -in \"$0\" -pubkey -noout | openssl pkey -pubin "
                                "-outform DER | openssl dgst -sha256 -binary | base64"),
                 certificateFile});
    if (!shell.waitForFinished(20000) || shell.exitCode() != 0)
        return {};
    return QString::fromLatin1(shell.readAllStandardOutput().trimmed());
}

QSslCertificate TestArchiveTls::certificate(const QString& pemFile) const
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(pemFile);
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

void TestArchiveTls::spkiSha256_matchesTheOpensslCommandLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("keyPin"); // from the key pair, when the PKI knows it
    QTest::newRow("EC server") << m_pki.serverPem() << m_pki.serverPin();
    QTest::newRow("EC wrong host") << m_pki.wrongHostPem() << m_pki.wrongHostPin();
    QTest::newRow("EC CA") << m_pki.caCertificate() << m_pki.caPin();
    QTest::newRow("RSA client") << m_pki.clientCertificate() << QString();
}

void TestArchiveTls::spkiSha256_matchesTheOpensslCommandLine()
{
    QFETCH(QString, file);
    QFETCH(QString, keyPin);
    const QString expected = opensslPin(file);
    QCOMPARE(expected.size(), 44); // base64 of 32 bytes
    QCOMPARE(spkiSha256(certificate(file)), expected);
    if (!keyPin.isEmpty())
        QCOMPARE(keyPin, expected);
}

void TestArchiveTls::parsePin_acceptsBase64OfThirtyTwoBytesOnly_data()
{
    const QString pin = QString::fromLatin1(QByteArray(32, '\x5a').toBase64());
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("plain") << pin << pin;
    QTest::newRow("HPKP prefix, spaces") << QStringLiteral("  sha256/") + pin + u' ' << pin;
    QTest::newRow("31 bytes") << QString::fromLatin1(QByteArray(31, 'a').toBase64()) << QString();
    QTest::newRow("hex") << QString::fromLatin1(QByteArray(32, 'a').toHex()) << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestArchiveTls::parsePin_acceptsBase64OfThirtyTwoBytesOnly()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Result<QString> pin = parsePin(text);
    if (expected.isEmpty()) {
        QVERIFY(!pin);
        QCOMPARE(pin.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(pin.error().detail.contains(QLatin1String("SHA-256 fingerprint in base64")),
                 qPrintable(pin.error().detail));
    } else {
        QVERIFY(pin);
        QCOMPARE(*pin, expected);
    }
}

void TestArchiveTls::loadClientIdentity_pemWithKeyFile_givesCertificateAndRsaKey()
{
    const Result<ClientIdentity> identity =
        loadClientIdentity(m_pki.clientCertificate(), m_pki.clientKey(), {});
    QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().detail));
    QCOMPARE(identity->certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("Dr Test Client")});
    QCOMPARE(identity->key.algorithm(), QSsl::Rsa);
    QCOMPARE(identity->key.type(), QSsl::PrivateKey);
    QCOMPARE(identity->key.length(), 2048);
}

void TestArchiveTls::loadClientIdentity_pemWithKeyInside_givesEcKey()
{
    const Result<ClientIdentity> identity = loadClientIdentity(m_pki.strangerClientPem(), {}, {});
    QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().detail));
    QCOMPARE(identity->certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("Stranger Client")});
    QCOMPARE(identity->key.algorithm(), QSsl::Ec);
}

void TestArchiveTls::loadClientIdentity_pkcs12WithPassword_givesTheSameCertificate()
{
    const Result<ClientIdentity> identity =
        loadClientIdentity(m_pki.clientPkcs12(), {}, m_pki.clientPkcs12Password());
    QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().detail));
    QCOMPARE(identity->certificate, certificate(m_pki.clientCertificate()));
    QCOMPARE(identity->key.algorithm(), QSsl::Rsa);
    const Result<ClientIdentity> pem =
        loadClientIdentity(m_pki.clientCertificate(), m_pki.clientKey(), {});
    QVERIFY(pem);
    QCOMPARE(identity->key.toDer(), pem->key.toDer()); // the very same private key
}

void TestArchiveTls::loadClientIdentity_refusals_sayWhatIsWrong_data()
{
    QTest::addColumn<QString>("certificateFile");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("message");
    QTest::newRow("PKCS#12, wrong password")
        << m_pki.clientPkcs12() << QString() << QByteArray("not-the-password")
        << QStringLiteral("The password of the client certificate client.p12 is wrong.");
    QTest::newRow("PKCS#12, no password")
        << m_pki.clientPkcs12() << QString() << QByteArray()
        << QStringLiteral("The client certificate client.p12 needs its password.");
    QTest::newRow("PEM without key")
        << m_pki.clientCertificate() << QString() << QByteArray()
        << QStringLiteral("The client certificate client.crt holds no private key: choose its key "
                          "file.");
    QTest::newRow("key of another certificate")
        << m_pki.clientCertificate() << m_pki.strangerClientPem() << QByteArray()
        << QStringLiteral("The file stranger.pem holds no private key for the client "
                          "certificate.");
    QTest::newRow("EC key of another certificate")
        << m_pki.strangerClientPem() << m_pki.serverPem() << QByteArray()
        << QStringLiteral("The private key does not belong to the client certificate "
                          "stranger.pem.");
    QTest::newRow("missing file") << m_pki.clientCertificate() + QStringLiteral(".gone")
                                  << QString() << QByteArray()
                                  << QStringLiteral("The file client.crt.gone cannot be read.");
    QTest::newRow("a CA bundle is not a PKCS#12")
        << m_pki.caCertificate() << QString() << QByteArray()
        << QStringLiteral("The client certificate ca.crt holds no private key: choose its key "
                          "file.");
}

void TestArchiveTls::loadClientIdentity_refusals_sayWhatIsWrong()
{
    QFETCH(QString, certificateFile);
    QFETCH(QString, keyFile);
    QFETCH(QByteArray, password);
    QFETCH(QString, message);
    const Result<ClientIdentity> identity = loadClientIdentity(certificateFile, keyFile, password);
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::TlsFailure);
    QCOMPARE(identity.error().detail, message);
}

void TestArchiveTls::loadClientIdentity_encryptedPemKey_needsItsPassword()
{
    QTemporaryDir dir;
    const QString encrypted = dir.filePath(QStringLiteral("encrypted.key"));
    QCOMPARE(
        QProcess::execute(QStringLiteral("openssl"),
                          {QStringLiteral("pkey"), QStringLiteral("-in"), m_pki.clientKey(),
                           QStringLiteral("-aes256"), QStringLiteral("-passout"),
                           QStringLiteral("pass:pem-secret"), QStringLiteral("-out"), encrypted}),
        0);
    QVERIFY(QFile(encrypted).size() > 0);
    const auto load = [&](const QByteArray& password) {
        return loadClientIdentity(m_pki.clientCertificate(), encrypted, password);
    };
    QVERIFY(load("pem-secret"));
    QCOMPARE(load({}).error().detail,
             QStringLiteral("The private key encrypted.key needs its password."));
    QCOMPARE(load("wrong").error().detail,
             QStringLiteral("The password of the private key encrypted.key is wrong."));
}

void TestArchiveTls::archiveTls_default_systemAuthoritiesAndTls12Minimum()
{
    const Result<ArchiveTls> tls = ArchiveTls::load(TlsSettings{});
    QVERIFY(tls);
    QCOMPARE(tls->configuration().protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(tls->configuration().peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(tls->configuration().caCertificates(),
             QSslConfiguration::defaultConfiguration().caCertificates());
    QVERIFY(!tls->configuration().caCertificates().contains(certificate(m_pki.caCertificate())));
    QVERIFY(tls->configuration().localCertificate().isNull());
    QVERIFY(tls->pins().isEmpty());
    QVERIFY(!tls->hasClientCertificate());
}

void TestArchiveTls::archiveTls_caBundle_replacesTheSystemAuthorities()
{
    TlsSettings settings;
    settings.caBundleFile = m_pki.caCertificate();
    const Result<ArchiveTls> tls = ArchiveTls::load(settings);
    QVERIFY(tls);
    QCOMPARE(tls->configuration().caCertificates(),
             QList<QSslCertificate>{certificate(m_pki.caCertificate())});
    QCOMPARE(tls->configuration().protocol(), QSsl::TlsV1_2OrLater);
}

void TestArchiveTls::archiveTls_clientCertificate_isTheLocalCertificate()
{
    TlsSettings settings;
    settings.clientCertificateFile = m_pki.clientPkcs12();
    settings.clientKeyPassword = m_pki.clientPkcs12Password();
    settings.pins = {QStringLiteral("sha256/") + m_pki.serverPin()};
    const Result<ArchiveTls> tls = ArchiveTls::load(settings);
    QVERIFY2(tls, qPrintable(tls ? QString() : tls.error().detail));
    QVERIFY(tls->hasClientCertificate());
    QCOMPARE(tls->configuration().localCertificate(), certificate(m_pki.clientCertificate()));
    QVERIFY(!tls->configuration().privateKey().isNull());
    QCOMPARE(tls->pins(), QStringList{m_pki.serverPin()});
    QCOMPARE(tls->configuration().protocol(), QSsl::TlsV1_2OrLater);
}

void TestArchiveTls::archiveTls_badSettings_failWithTlsFailure()
{
    TlsSettings missingCa;
    missingCa.caBundleFile = m_pki.caCertificate() + QStringLiteral(".gone");
    QCOMPARE(ArchiveTls::load(missingCa).error().detail,
             QStringLiteral("The file ca.crt.gone cannot be read."));
    TlsSettings keyAsCa;
    keyAsCa.caBundleFile = m_pki.clientKey();
    QCOMPARE(ArchiveTls::load(keyAsCa).error().detail,
             QStringLiteral("The file client.key holds no certificate."));
    TlsSettings badPin;
    badPin.pins = {QStringLiteral("abc")};
    QCOMPARE(ArchiveTls::load(badPin).error().code, ErrorCode::TlsFailure);
    TlsSettings wrongPassword;
    wrongPassword.clientCertificateFile = m_pki.clientPkcs12();
    wrongPassword.clientKeyPassword = "nope";
    QCOMPARE(ArchiveTls::load(wrongPassword).error().detail,
             QStringLiteral("The password of the client certificate client.p12 is wrong."));
}

void TestArchiveTls::apply_setsTheConfigurationOnHttpsOnly()
{
    TlsSettings settings;
    settings.caBundleFile = m_pki.caCertificate();
    const Result<ArchiveTls> tls = ArchiveTls::load(settings);
    QVERIFY(tls);
    QNetworkRequest https(QUrl(QStringLiteral("https://127.0.0.1:1/dicom-web/studies")));
    tls->apply(https);
    QCOMPARE(https.sslConfiguration().caCertificates(),
             QList<QSslCertificate>{certificate(m_pki.caCertificate())});
    QCOMPARE(https.sslConfiguration().protocol(), QSsl::TlsV1_2OrLater);
    QNetworkRequest http(QUrl(QStringLiteral("http://127.0.0.1:1/dicom-web/studies")));
    tls->apply(http);
    QVERIFY(http.sslConfiguration().caCertificates() != tls->configuration().caCertificates());
}

void TestArchiveTls::checkPin_matchPasses_mismatchNamesBothFingerprints()
{
    TlsSettings settings;
    settings.pins = {m_pki.wrongHostPin(), m_pki.serverPin()};
    const Result<ArchiveTls> tls = ArchiveTls::load(settings);
    QVERIFY(tls);
    QVERIFY(!tls->checkPin(certificate(m_pki.serverPem()), QStringLiteral("127.0.0.1")));
    QVERIFY(!ArchiveTls().checkPin(certificate(m_pki.caCertificate()), QStringLiteral("x")));

    settings.pins = {m_pki.wrongHostPin()};
    const std::optional<Error> error = ArchiveTls::load(settings)->checkPin(
        certificate(m_pki.serverPem()), QStringLiteral("127.0.0.1"));
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::TlsFailure);
    QCOMPARE(error->detail, QStringLiteral("The key of the server 127.0.0.1 does not match the pin "
                                           "set for this archive (expected SHA-256 %1, received "
                                           "%2). The connection was closed before anything was "
                                           "sent.")
                                .arg(m_pki.wrongHostPin(), m_pki.serverPin()));
}

void TestArchiveTls::describeSslErrors_saysWhatIsWrongWithWhichNameOrDate()
{
    const QSslCertificate wrong = certificate(m_pki.wrongHostPem());
    const QSslCertificate expired = certificate(m_pki.expiredPem());
    const QString host = QStringLiteral("127.0.0.1");
    QCOMPARE(describeSslErrors({QSslError(QSslError::HostNameMismatch, wrong)}, host).detail,
             QStringLiteral("The certificate presented by 127.0.0.1 is for wrong.example, not for "
                            "127.0.0.1."));
    const Error gone = describeSslErrors({QSslError(QSslError::CertificateExpired, expired)}, host);
    QCOMPARE(gone.code, ErrorCode::TlsFailure);
    QCOMPARE(gone.detail, QStringLiteral("The certificate of 127.0.0.1 expired on %1.")
                              .arg(expired.expiryDate().toUTC().toString(
                                  QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    QCOMPARE(
        describeSslErrors({QSslError(QSslError::UnableToGetLocalIssuerCertificate, wrong)}, host)
            .detail,
        QStringLiteral("The certificate of 127.0.0.1 is not trusted: it was issued by \"Fenestra "
                       "Test CA\", an authority this archive does not trust. If the archive is "
                       "genuine, add its authority (CA bundle) in the archive's settings."));
}

void TestArchiveTls::describeSslErrors_untrustedComesBeforeHostName()
{
    const QSslCertificate wrong = certificate(m_pki.wrongHostPem());
    const Error error =
        describeSslErrors({QSslError(QSslError::HostNameMismatch, wrong),
                           QSslError(QSslError::CertificateExpired, wrong),
                           QSslError(QSslError::SelfSignedCertificateInChain, wrong)},
                          QStringLiteral("pacs"));
    QVERIFY2(error.detail.startsWith(QLatin1String("The certificate of pacs is not trusted")),
             qPrintable(error.detail));
}

void TestArchiveTls::describeHandshakeFailure_recognisesTheServersAlerts_data()
{
    QTest::addColumn<QString>("qtText");
    QTest::addColumn<bool>("clientCertificateSent");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("TLS 1.3, no client certificate")
        << QStringLiteral("error:0A00045C:SSL routines::tlsv13 alert certificate required") << false
        << QStringLiteral("The archive pacs requires a client certificate, and none is set in the "
                          "archive's settings.");
    QTest::newRow("TLS 1.2, no client certificate")
        << QStringLiteral("error:0A000410:SSL routines::sslv3 alert handshake failure") << false
        << QStringLiteral("The archive pacs requires a client certificate, and none is set in the "
                          "archive's settings.");
    QTest::newRow("ours refused")
        << QStringLiteral("error:0A000418:SSL routines::tlsv1 alert unknown ca") << true
        << QStringLiteral("The archive pacs refused our client certificate.");
    QTest::newRow("old version")
        << QStringLiteral("error:0A000102:SSL routines::unsupported protocol") << false
        << QStringLiteral("The archive pacs offers only a TLS version older than 1.2, which is "
                          "refused as insecure.");
    QTest::newRow("anything else") << QStringLiteral("Connection reset") << false
                                   << QStringLiteral("The secure connection to pacs failed.");
}

void TestArchiveTls::describeHandshakeFailure_recognisesTheServersAlerts()
{
    QFETCH(QString, qtText);
    QFETCH(bool, clientCertificateSent);
    QFETCH(QString, sentence);
    const Error error =
        describeHandshakeFailure(qtText, QStringLiteral("pacs"), clientCertificateSent);
    QCOMPARE(error.code, ErrorCode::TlsFailure);
    QCOMPARE(error.detail, sentence + QStringLiteral(" (") + qtText + u')');
}

void TestArchiveTls::clientKeyPasswords_withoutSecretService_reportsClearErrorInTime()
{
    // No keyring daemon in the test environment: each call answers with the reason, well
    // before its timeout, and a password is never "found" empty by mistake.
    const ClientKeyPasswords keyring(QStringLiteral("FenestraTest"), std::chrono::seconds(10));
    const QUrl archive(QStringLiteral("https://127.0.0.1:1/dicom-web"));
    QElapsedTimer clock;
    clock.start();
    const Result<QByteArray> read = keyring.read(archive);
    if (read)
        QSKIP("a keyring answered: this test needs an environment without one");
    QCOMPARE(read.error().code, ErrorCode::KeyStoreUnavailable);
    QVERIFY2(read.error().detail.startsWith(QLatin1String("OS keyring: ")),
             qPrintable(read.error().detail));
    const Result<void> written = keyring.write(archive, "secret");
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::KeyStoreUnavailable);
    QVERIFY(!written.error().detail.contains(QLatin1String("secret")));
    QVERIFY(clock.elapsed() < 10000);
}

void TestArchiveTls::client_pinMismatch_closesBeforeSendingTheRequest_data()
{
    QTest::addColumn<bool>("pinMatches");
    QTest::newRow("pin matches: the request arrives") << true;
    QTest::newRow("pin mismatch: not one byte arrives") << false;
}

void TestArchiveTls::client_pinMismatch_closesBeforeSendingTheRequest()
{
    // The request may carry a bearer token: an unpinned server (an impostor with a certificate
    // from a trusted authority) must not receive it. A TLS server that records every byte.
    QFETCH(bool, pinMatches);
    QFile pem(m_pki.serverPem());
    QVERIFY(pem.open(QIODevice::ReadOnly));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate(m_pki.serverPem()));
    config.setPrivateKey(QSslKey(pem.readAll(), QSsl::Ec));
    QSslServer server;
    server.setSslConfiguration(config);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    bool closed = false;
    QPointer<QTcpSocket> peer;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
        peer = server.nextPendingConnection();
        connect(peer, &QIODevice::readyRead, this, [&] { received += peer->readAll(); });
        connect(peer, &QAbstractSocket::disconnected, this, [&] { closed = true; });
    });
    connect(&server, &QSslServer::errorOccurred, this, [&] { closed = true; });

    QNetworkAccessManager manager;
    ArchiveConfig archive{
        QStringLiteral("pinned"),
        QUrl(QStringLiteral("https://127.0.0.1:%1/dicom-web").arg(server.serverPort()))};
    archive.tls.caBundleFile = m_pki.caCertificate();
    archive.tls.pins = {pinMatches ? m_pki.serverPin() : m_pki.wrongHostPin()};
    DicomWebClient client(archive, &manager);
    QidoSearch* search = client.searchStudies({});
    if (pinMatches) {
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("GET /dicom-web/studies"), 10000);
        search->cancel();
        return;
    }
    QSignalSpy finished(search, &DicomWebRequest::finished);
    QVERIFY(search->isFinished() || finished.wait(10000));
    QCOMPARE(search->outcome().error->code, ErrorCode::TlsFailure);
    QVERIFY(search->outcome().error->detail.startsWith(
        QLatin1String("The key of the server 127.0.0.1 does not match the pin")));
    QTRY_VERIFY_WITH_TIMEOUT(closed, 10000); // the server saw the connection end
    QCOMPARE(received, QByteArray());
}

QTEST_GUILESS_MAIN(TestArchiveTls)
#include "tst_archivetls.moc"
