#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <optional>

class QNetworkRequest;

namespace fenestra::net {

// The TLS settings of one archive, as the user configured them. Without any, an archive is
// reached like any HTTPS site: the system's certificate authorities, no pin, no client
// certificate. TLS 1.2 is the minimum in every case.
struct TlsSettings
{
    // A PEM file of the certificate authorities that issue the archive's certificate (a
    // hospital's own PKI). When set, these authorities REPLACE the system's for this archive:
    // an archive on a private PKI is then vouched for by that PKI only, not by any of the
    // hundred public authorities a browser trusts. Empty: the system's authorities.
    QString caBundleFile;
    // SPKI SHA-256 pins, base64 (as `openssl x509 -pubkey | openssl pkey -pubin -outform DER |
    // openssl dgst -sha256 -binary | base64` prints them; a "sha256/" prefix is accepted).
    // The server's certificate must carry one of these keys, on top of passing the checks
    // above; several allow a key rotation. Empty: no pinning.
    QStringList pins;
    // Client certificate for mutual TLS: a PEM file (the certificate, optionally followed by
    // its chain and key) or a PKCS#12 file (.p12, .pfx) with certificate and key. Empty: none.
    QString clientCertificateFile;
    // The PEM private key of a PEM client certificate, when not in clientCertificateFile.
    QString clientKeyFile;
    // The password of a PKCS#12 file or of an encrypted PEM key. In memory only: the settings
    // never store it (the application keeps it in the OS keyring or asks for it).
    QByteArray clientKeyPassword;

    bool isDefault() const { return *this == TlsSettings{}; }
    bool operator==(const TlsSettings&) const = default;
};

// A client certificate with its private key and any intermediate certificates.
struct ClientIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> chain;
};

// Reads a client certificate (see TlsSettings). Fails with TlsFailure and a plain message:
// file missing or unreadable, not a certificate, wrong password, key missing or not matching.
Result<ClientIdentity> loadClientIdentity(const QString& certificateFile, const QString& keyFile,
                                          const QByteArray& password);
// Reads every certificate of a PEM bundle; fails (TlsFailure) when it holds none.
Result<QList<QSslCertificate>> loadCaBundle(const QString& file);

// base64(SHA-256(SubjectPublicKeyInfo DER)) of a certificate (the HPKP / curl pin); empty
// for a null certificate.
QString spkiSha256(const QSslCertificate& certificate);
// A pin as the user typed it, checked and normalised ("sha256/" dropped, spaces trimmed): it
// must be base64 of 32 bytes. Fails with InvalidArgument.
Result<QString> parsePin(const QString& text);

// The TLS configuration of one archive, loaded from its settings: applied to each request and
// used to check the server's key once the handshake is done. Copyable; holds no password.
//
// Thread contract: immutable after load(); any thread.
class ArchiveTls
{
public:
    // System certificate authorities, no pin, no client certificate, TLS 1.2 minimum.
    ArchiveTls();

    // Loads the files the settings name (CA bundle, client certificate); a missing file, a
    // wrong password or a malformed pin fails with TlsFailure and a plain message.
    static Result<ArchiveTls> load(const TlsSettings& settings);

    const QSslConfiguration& configuration() const { return m_configuration; }
    const QStringList& pins() const { return m_pins; }
    bool hasClientCertificate() const { return !m_configuration.localCertificate().isNull(); }

    // Gives an https request this configuration (an http request is left alone).
    void apply(QNetworkRequest& request) const;
    // Whether the server's certificate carries a pinned key (always, without pins); else a
    // TlsFailure naming the expected and received fingerprints. Call before sending anything.
    std::optional<Error> checkPin(const QSslCertificate& peer, const QString& host) const;

private:
    QSslConfiguration m_configuration;
    QStringList m_pins;
};

// The plain explanation of refused certificates (QNetworkReply::sslErrors): not trusted, host
// name mismatch (naming the certificate's names), expired or not yet valid, in that order of
// precedence. A TlsFailure.
Error describeSslErrors(const QList<QSslError>& errors, const QString& host);
// The plain explanation of a handshake that failed without a certificate error (the server's
// alert, in Qt's `errorString`): a client certificate required or refused, a TLS version too
// old. A TlsFailure whose detail ends with Qt's own text.
Error describeHandshakeFailure(const QString& errorString, const QString& host,
                               bool clientCertificateSent);

} // namespace fenestra::net
