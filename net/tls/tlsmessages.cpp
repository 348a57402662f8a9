// The plain words for a failed TLS connection. The library usually leaves text to the
// application; these are the exception the TLS design asks for: a certificate problem must
// reach the user as a sentence that says what is wrong and with which name or date, so the
// detail of the TlsFailure error is itself translated (context "fenestra::net::Tls").

#include "archivetls.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <initializer_list>

namespace fenestra::net {

namespace {

bool isAnyOf(QSslError::SslError error, std::initializer_list<QSslError::SslError> set)
{
    return std::find(set.begin(), set.end(), error) != set.end();
}

bool isTrustError(QSslError::SslError error)
{
    using E = QSslError;
    return isAnyOf(error, {E::UnableToGetIssuerCertificate, E::UnableToGetLocalIssuerCertificate,
                           E::UnableToVerifyFirstCertificate, E::SelfSignedCertificate,
                           E::SelfSignedCertificateInChain, E::CertificateUntrusted,
                           E::CertificateRejected, E::InvalidCaCertificate,
                           E::CertificateSignatureFailed, E::UnableToDecryptCertificateSignature,
                           E::UnableToDecodeIssuerPublicKey, E::PathLengthExceeded});
}

// The names a certificate is valid for: its DNS and IP subject alternative names, else its
// common name.
QString certificateNames(const QSslCertificate& certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.begin(); it != alternatives.end(); ++it)
        if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry)
            names.append(it.value());
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? QStringLiteral("?") : names.join(QLatin1String(", "));
}

QString issuerName(const QSslCertificate& certificate)
{
    const QString name = certificate.issuerDisplayName();
    return name.isEmpty() ? QStringLiteral("?") : name;
}

QString day(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString describeOne(const QSslError& error, const QString& host)
{
    const QSslCertificate& certificate = error.certificate();
    if (isTrustError(error.error()))
        return QCoreApplication::translate(
                   "fenestra::net::Tls",
                   "The certificate of %1 is not trusted: it was issued by \"%2\", an authority "
                   "this archive does not trust. If the archive is genuine, add its authority "
                   "(CA bundle) in the archive's settings.")
            .arg(host, issuerName(certificate));
    switch (error.error()) {
    case QSslError::HostNameMismatch:
        return QCoreApplication::translate("fenestra::net::Tls",
                                           "The certificate presented by %1 is for %2, not for %1.")
            .arg(host, certificateNames(certificate));
    case QSslError::CertificateExpired:
        return QCoreApplication::translate("fenestra::net::Tls",
                                           "The certificate of %1 expired on %2.")
            .arg(host, day(certificate.expiryDate()));
    case QSslError::CertificateNotYetValid:
        return QCoreApplication::translate("fenestra::net::Tls",
                                           "The certificate of %1 is not valid before %2.")
            .arg(host, day(certificate.effectiveDate()));
    default:
        return QCoreApplication::translate("fenestra::net::Tls",
                                           "The certificate of %1 was refused: %2.")
            .arg(host, error.errorString());
    }
}

// Lower is more fundamental: an untrusted certificate says nothing reliable about its dates
// or names, so that is what the user must hear first.
int precedence(QSslError::SslError error)
{
    if (isTrustError(error))
        return 0;
    if (error == QSslError::CertificateExpired || error == QSslError::CertificateNotYetValid)
        return 1;
    if (error == QSslError::HostNameMismatch)
        return 2;
    return 3;
}

bool mentions(const QString& text, std::initializer_list<const char*> needles)
{
    return std::any_of(needles.begin(), needles.end(), [&](const char* needle) {
        return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
    });
}

} // namespace

Error describeSslErrors(const QList<QSslError>& errors, const QString& host)
{
    if (errors.isEmpty())
        return Error{
            ErrorCode::TlsFailure,
            QCoreApplication::translate("fenestra::net::Tls", "The certificate of %1 was refused.")
                .arg(host)};
    const auto first =
        std::min_element(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
            return precedence(a.error()) < precedence(b.error());
        });
    return Error{ErrorCode::TlsFailure, describeOne(*first, host)};
}

Error describeHandshakeFailure(const QString& errorString, const QString& host,
                               bool clientCertificateSent)
{
    QString message;
    if (mentions(errorString,
                 {"unsupported protocol", "protocol version", "no protocols", "version too low"})) {
        message = QCoreApplication::translate("fenestra::net::Tls",
                                              "The archive %1 offers only a TLS version older "
                                              "than 1.2, which is refused as insecure.")
                      .arg(host);
    } else if (!clientCertificateSent &&
               mentions(errorString, {"certificate required", "handshake failure",
                                      "bad certificate", "certificate unknown"})) {
        message = QCoreApplication::translate("fenestra::net::Tls",
                                              "The archive %1 requires a client certificate, and "
                                              "none is set in the archive's settings.")
                      .arg(host);
    } else if (clientCertificateSent &&
               mentions(errorString, {"certificate", "unknown ca", "handshake failure",
                                      "access denied", "decrypt error"})) {
        message = QCoreApplication::translate("fenestra::net::Tls",
                                              "The archive %1 refused our client certificate.")
                      .arg(host);
    } else {
        message =
            QCoreApplication::translate("fenestra::net::Tls", "The secure connection to %1 failed.")
                .arg(host);
    }
    return Error{ErrorCode::TlsFailure, QStringLiteral("%1 (%2)").arg(message, errorString)};
}

} // namespace fenestra::net
