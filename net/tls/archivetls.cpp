#include "archivetls.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QNetworkRequest>

#include <memory>

namespace fenestra::net {

namespace {

constexpr qsizetype kMaxTlsFileBytes = 1024 * 1024; // certificates and keys are a few KB

template <class T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;

std::unexpected<Error> tlsFail(const QString& message)
{
    return fail(ErrorCode::TlsFailure, message);
}

QString fileName(const QString& path)
{
    return QFileInfo(path).fileName();
}

Result<QByteArray> readSmallFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxTlsFileBytes)
        return tlsFail(
            QCoreApplication::translate("fenestra::net::Tls", "The file %1 cannot be read.")
                .arg(fileName(path)));
    return file.readAll();
}

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &bytes, long(der.size())));
}

// Whether `key` is the private key of `certificate` (OpenSSL compares the public halves).
bool keyMatches(const QSslCertificate& certificate, const QSslKey& key)
{
    const X509Ptr x509 = toX509(certificate);
    const QByteArray der = key.toDer();
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
    const PkeyPtr pkey(d2i_AutoPrivateKey(nullptr, &bytes, long(der.size())));
    return x509 && pkey && X509_check_private_key(x509.get(), pkey.get()) == 1;
}

bool isPem(const QByteArray& data)
{
    return data.contains("-----BEGIN ");
}

// Why a PKCS#12 file cannot be opened with `password`: OpenSSL tells a wrong password (the
// MAC does not verify) from a file that is not PKCS#12 at all, which Qt does not.
std::optional<Error> checkPkcs12(const QByteArray& data, const QByteArray& password,
                                 const QString& path)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.constData());
    const Pkcs12Ptr p12(d2i_PKCS12(nullptr, &bytes, long(data.size())));
    if (!p12)
        return Error{ErrorCode::TlsFailure,
                     QCoreApplication::translate(
                         "fenestra::net::Tls",
                         "The client certificate %1 is neither a PEM nor a PKCS#12 file.")
                         .arg(fileName(path))};
    const bool verified =
        PKCS12_verify_mac(p12.get(), password.isEmpty() ? nullptr : password.constData(),
                          password.isEmpty() ? 0 : int(password.size())) == 1 ||
        (password.isEmpty() && PKCS12_verify_mac(p12.get(), "", 0) == 1);
    if (verified)
        return std::nullopt;
    const QString message =
        password.isEmpty()
            ? QCoreApplication::translate("fenestra::net::Tls",
                                          "The client certificate %1 needs its password.")
            : QCoreApplication::translate("fenestra::net::Tls",
                                          "The password of the client certificate %1 is wrong.");
    return Error{ErrorCode::TlsFailure, message.arg(fileName(path))};
}

Result<ClientIdentity> loadPkcs12(const QByteArray& data, const QByteArray& password,
                                  const QString& path)
{
    if (const std::optional<Error> error = checkPkcs12(data, password, path))
        return std::unexpected(*error);
    QByteArray copy = data;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    ClientIdentity identity;
    if (!QSslCertificate::importPkcs12(&buffer, &identity.key, &identity.certificate,
                                       &identity.chain, password) ||
        identity.key.isNull() || identity.certificate.isNull())
        return tlsFail(QCoreApplication::translate(
                           "fenestra::net::Tls",
                           "The client certificate %1 holds no usable certificate and key.")
                           .arg(fileName(path)));
    return identity;
}

Result<QSslKey> loadPemKey(const QByteArray& data, const QSslCertificate& certificate,
                           const QByteArray& password, const QString& path)
{
    const QSslKey key(data, certificate.publicKey().algorithm(), QSsl::Pem, QSsl::PrivateKey,
                      password);
    if (!key.isNull())
        return key;
    const bool encrypted = data.contains("ENCRYPTED");
    QString message;
    if (encrypted && password.isEmpty())
        message = QCoreApplication::translate("fenestra::net::Tls",
                                              "The private key %1 needs its password.");
    else if (encrypted)
        message = QCoreApplication::translate("fenestra::net::Tls",
                                              "The password of the private key %1 is wrong.");
    else
        message = QCoreApplication::translate(
            "fenestra::net::Tls", "The file %1 holds no private key for the client certificate.");
    return tlsFail(message.arg(fileName(path)));
}

Result<ClientIdentity> loadPem(const QByteArray& data, const QString& certificateFile,
                               const QString& keyFile, const QByteArray& password)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        return tlsFail(
            QCoreApplication::translate("fenestra::net::Tls", "The file %1 holds no certificate.")
                .arg(fileName(certificateFile)));
    ClientIdentity identity{certificates.first(), {}, certificates.mid(1)};
    QByteArray keyData = data;
    if (!keyFile.isEmpty()) {
        Result<QByteArray> read = readSmallFile(keyFile);
        if (!read)
            return std::unexpected(read.error());
        keyData = *read;
    } else if (!data.contains("PRIVATE KEY")) {
        return tlsFail(QCoreApplication::translate(
                           "fenestra::net::Tls",
                           "The client certificate %1 holds no private key: choose its key file.")
                           .arg(fileName(certificateFile)));
    }
    Result<QSslKey> key = loadPemKey(keyData, identity.certificate, password,
                                     keyFile.isEmpty() ? certificateFile : keyFile);
    if (!key)
        return std::unexpected(key.error());
    identity.key = *key;
    return identity;
}

} // namespace

Result<ClientIdentity> loadClientIdentity(const QString& certificateFile, const QString& keyFile,
                                          const QByteArray& password)
{
    Result<QByteArray> data = readSmallFile(certificateFile);
    if (!data)
        return std::unexpected(data.error());
    Result<ClientIdentity> identity = isPem(*data)
                                          ? loadPem(*data, certificateFile, keyFile, password)
                                          : loadPkcs12(*data, password, certificateFile);
    if (identity && !keyMatches(identity->certificate, identity->key))
        return tlsFail(QCoreApplication::translate(
                           "fenestra::net::Tls",
                           "The private key does not belong to the client certificate %1.")
                           .arg(fileName(certificateFile)));
    return identity;
}

Result<QList<QSslCertificate>> loadCaBundle(const QString& file)
{
    Result<QByteArray> data = readSmallFile(file);
    if (!data)
        return std::unexpected(data.error());
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*data, QSsl::Der);
    if (certificates.isEmpty())
        return tlsFail(
            QCoreApplication::translate("fenestra::net::Tls", "The file %1 holds no certificate.")
                .arg(fileName(file)));
    return certificates;
}

QString spkiSha256(const QSslCertificate& certificate)
{
    const X509Ptr x509 = toX509(certificate);
    if (!x509)
        return {};
    unsigned char* der = nullptr;
    const int size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &der);
    if (size <= 0)
        return {};
    const QByteArray spki(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return QString::fromLatin1(
        QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
}

Result<QString> parsePin(const QString& text)
{
    QString pin = text.trimmed();
    if (pin.startsWith(QLatin1String("sha256/"), Qt::CaseInsensitive))
        pin = pin.mid(7);
    const auto decoded =
        QByteArray::fromBase64Encoding(pin.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return fail(ErrorCode::InvalidArgument,
                    QCoreApplication::translate(
                        "fenestra::net::Tls",
                        "\"%1\" is not a SHA-256 fingerprint in base64 (44 characters).")
                        .arg(text.trimmed().left(60)));
    return QString::fromLatin1(decoded.decoded.toBase64());
}

ArchiveTls::ArchiveTls() : m_configuration(QSslConfiguration::defaultConfiguration())
{
    m_configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

Result<ArchiveTls> ArchiveTls::load(const TlsSettings& settings)
{
    ArchiveTls tls;
    if (!settings.caBundleFile.isEmpty()) {
        Result<QList<QSslCertificate>> authorities = loadCaBundle(settings.caBundleFile);
        if (!authorities)
            return std::unexpected(authorities.error());
        tls.m_configuration.setCaCertificates(*authorities); // replaces the system's
    }
    for (const QString& text : settings.pins) {
        Result<QString> pin = parsePin(text);
        if (!pin)
            return tlsFail(pin.error().detail);
        tls.m_pins.append(*pin);
    }
    if (!settings.clientCertificateFile.isEmpty()) {
        Result<ClientIdentity> identity = loadClientIdentity(
            settings.clientCertificateFile, settings.clientKeyFile, settings.clientKeyPassword);
        if (!identity)
            return std::unexpected(identity.error());
        tls.m_configuration.setLocalCertificateChain(QList<QSslCertificate>{identity->certificate} +
                                                     identity->chain);
        tls.m_configuration.setPrivateKey(identity->key);
    }
    return tls;
}

void ArchiveTls::apply(QNetworkRequest& request) const
{
    if (request.url().scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
        request.setSslConfiguration(m_configuration);
}

std::optional<Error> ArchiveTls::checkPin(const QSslCertificate& peer, const QString& host) const
{
    if (m_pins.isEmpty())
        return std::nullopt;
    const QString received = spkiSha256(peer);
    if (!received.isEmpty() && m_pins.contains(received))
        return std::nullopt;
    return Error{ErrorCode::TlsFailure,
                 QCoreApplication::translate(
                     "fenestra::net::Tls",
                     "The key of the server %1 does not match the pin set for this archive "
                     "(expected SHA-256 %2, received %3). The connection was closed before "
                     "anything was sent.")
                     .arg(host, m_pins.join(QLatin1String(" or ")),
                          received.isEmpty() ? QStringLiteral("-") : received)};
}

} // namespace fenestra::net
