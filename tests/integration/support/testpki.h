#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fenestra::integration {

// A throw-away public key infrastructure made at test time with OpenSSL (test set-up only):
// certificate authorities, server certificates good and bad, client certificates for mutual
// TLS, all in a temporary directory removed with the object. Keys are EC P-256, except the
// client key (RSA 2048, the common case for smart-card and hospital client certificates).
//
// Thread contract: used from one thread; create() blocks (well under a second).
class TestPki
{
public:
    TestPki();
    ~TestPki();
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    // Makes every file below; false (lastError()) when OpenSSL or the disk fails.
    bool create();
    QString lastError() const { return m_error; }

    // The test CA (PEM certificate) that issues the server certificates below.
    QString caCertificate() const { return path("ca.crt"); }
    // Server certificate + key in one PEM (Orthanc's "SslCertificate"): SAN IP:127.0.0.1 and
    // DNS:localhost, valid now.
    QString serverPem() const { return path("server.pem"); }
    // The same CA, but SAN DNS:wrong.example only.
    QString wrongHostPem() const { return path("wronghost.pem"); }
    // The same CA and names as serverPem, but its validity ended a day ago.
    QString expiredPem() const { return path("expired.pem"); }
    // A second CA, unrelated to the first (a client trusting it trusts none of the above).
    QString otherCaCertificate() const { return path("otherca.crt"); }

    // The CA of client certificates (what the server trusts for mutual TLS).
    QString clientCaCertificate() const { return path("clientca.crt"); }
    // A client certificate by that CA: PEM certificate, PEM key, and both in PKCS#12.
    QString clientCertificate() const { return path("client.crt"); }
    QString clientKey() const { return path("client.key"); }
    QString clientPkcs12() const { return path("client.p12"); }
    QByteArray clientPkcs12Password() const { return m_pkcs12Password; }
    // A client certificate with key in one PEM, issued by the OTHER CA: a server doing mutual
    // TLS with the client CA refuses it.
    QString strangerClientPem() const { return path("stranger.pem"); }

    // SPKI SHA-256 pins (base64) of the keys, computed from the key pairs themselves.
    QString serverPin() const { return m_serverPin; }
    QString wrongHostPin() const { return m_wrongHostPin; }
    QString caPin() const { return m_caPin; }

private:
    QString path(const char* name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_pkcs12Password;
    QString m_serverPin;
    QString m_wrongHostPin;
    QString m_caPin;
    QString m_error;
};

} // namespace fenestra::integration
