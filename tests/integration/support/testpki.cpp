#include "testpki.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>

namespace fenestra::integration {

namespace {

template <class T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using P12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;

constexpr long kDay = 24 * 3600;

KeyPtr makeKey(bool rsa)
{
    return KeyPtr(rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

// What a certificate is: its name, its alternative names ("IP:127.0.0.1,DNS:localhost"),
// whether it is a CA, what it is for, and its validity relative to now.
struct CertSpec
{
    const char* commonName;
    const char* altNames = nullptr;
    bool ca = false;
    const char* extendedUsage = nullptr; // "serverAuth", "clientAuth"
    long notBefore = -kDay;
    long notAfter = 30 * kDay;
};

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setName(X509* cert, const char* commonName)
{
    X509_NAME* name = X509_get_subject_name(cert);
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char*>("Fenestra tests"), -1,
                                      -1, 0) == 1 &&
           X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char*>(commonName), -1, -1,
                                      0) == 1;
}

bool setSerialAndValidity(X509* cert, const CertSpec& spec)
{
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return false;
    serial[0] &= 0x7f; // positive
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert)) &&
                    X509_gmtime_adj(X509_getm_notBefore(cert), spec.notBefore) &&
                    X509_gmtime_adj(X509_getm_notAfter(cert), spec.notAfter);
    BN_free(number);
    return ok;
}

bool addExtensions(X509* cert, X509* issuer, const CertSpec& spec)
{
    bool ok = addExtension(cert, issuer, NID_basic_constraints,
                           spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE") &&
              addExtension(cert, issuer, NID_key_usage,
                           spec.ca ? "critical,keyCertSign,cRLSign"
                                   : "critical,digitalSignature,keyEncipherment") &&
              addExtension(cert, issuer, NID_subject_key_identifier, "hash") &&
              addExtension(cert, issuer, NID_authority_key_identifier, "keyid:always");
    if (ok && spec.altNames)
        ok = addExtension(cert, issuer, NID_subject_alt_name, spec.altNames);
    if (ok && spec.extendedUsage)
        ok = addExtension(cert, issuer, NID_ext_key_usage, spec.extendedUsage);
    return ok;
}

// A certificate for `key`, signed by `issuerKey` as `issuer` (self-signed when null).
CertPtr makeCertificate(const CertSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey)
{
    CertPtr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setSerialAndValidity(cert.get(), spec) ||
        !setName(cert.get(), spec.commonName) || X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    X509* signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1 ||
        !addExtensions(cert.get(), signer, spec) ||
        X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

bool writePem(const QString& path, X509* cert, EVP_PKEY* key)
{
    BioPtr bio(BIO_new_file(path.toLocal8Bit().constData(), "w"));
    return bio && (!cert || PEM_write_bio_X509(bio.get(), cert) == 1) &&
           (!key ||
            PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
}

bool writePkcs12(const QString& path, X509* cert, EVP_PKEY* key, const QByteArray& password)
{
    // OpenSSL 3's defaults: AES-256-CBC with PBKDF2, a SHA-256 MAC.
    P12Ptr p12(
        PKCS12_create(password.constData(), "fenestra client", key, cert, nullptr, 0, 0, 0, 0, 0));
    BioPtr bio(BIO_new_file(path.toLocal8Bit().constData(), "wb"));
    return p12 && bio && i2d_PKCS12_bio(bio.get(), p12.get()) == 1;
}

QString pinOf(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return {};
    const QByteArray spki(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return QString::fromLatin1(
        QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
}

} // namespace

TestPki::TestPki() = default;
TestPki::~TestPki() = default;

QString TestPki::path(const char* name) const
{
    return m_dir ? m_dir->filePath(QString::fromLatin1(name)) : QString();
}

bool TestPki::create()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_pkcs12Password =
        QByteArrayLiteral("p12-") + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    const KeyPtr caKey = makeKey(false), otherCaKey = makeKey(false), clientCaKey = makeKey(false);
    const KeyPtr serverKey = makeKey(false), wrongKey = makeKey(false),
                 clientRsaKey = makeKey(true), strangerKey = makeKey(false);
    if (!m_dir->isValid() || !caKey || !otherCaKey || !clientCaKey || !serverKey || !wrongKey ||
        !clientRsaKey || !strangerKey) {
        m_error = QStringLiteral("cannot create the directory or the keys");
        return false;
    }
    const CertSpec caSpec{"Fenestra Test CA", nullptr, true, nullptr, -kDay, 365 * kDay};
    const CertPtr ca = makeCertificate(caSpec, caKey.get(), nullptr, nullptr);
    const CertSpec otherSpec{"Unrelated Test CA", nullptr, true, nullptr, -kDay, 365 * kDay};
    const CertPtr otherCa = makeCertificate(otherSpec, otherCaKey.get(), nullptr, nullptr);
    const CertSpec clientCaSpec{"Fenestra Client CA", nullptr, true, nullptr, -kDay, 365 * kDay};
    const CertPtr clientCa = makeCertificate(clientCaSpec, clientCaKey.get(), nullptr, nullptr);
    if (!ca || !otherCa || !clientCa) {
        m_error = QStringLiteral("cannot make the CA certificates");
        return false;
    }
    const char* localNames = "IP:127.0.0.1,DNS:localhost";
    const CertPtr server = makeCertificate({"127.0.0.1", localNames, false, "serverAuth"},
                                           serverKey.get(), ca.get(), caKey.get());
    const CertPtr wrong =
        makeCertificate({"wrong.example", "DNS:wrong.example", false, "serverAuth"}, wrongKey.get(),
                        ca.get(), caKey.get());
    const CertPtr expired =
        makeCertificate({"127.0.0.1", localNames, false, "serverAuth", -30 * kDay, -kDay},
                        serverKey.get(), ca.get(), caKey.get());
    const CertPtr client = makeCertificate({"Dr Test Client", nullptr, false, "clientAuth"},
                                           clientRsaKey.get(), clientCa.get(), clientCaKey.get());
    const CertPtr stranger = makeCertificate({"Stranger Client", nullptr, false, "clientAuth"},
                                             strangerKey.get(), otherCa.get(), otherCaKey.get());
    const bool written =
        server && wrong && expired && client && stranger &&
        writePem(caCertificate(), ca.get(), nullptr) &&
        writePem(otherCaCertificate(), otherCa.get(), nullptr) &&
        writePem(clientCaCertificate(), clientCa.get(), nullptr) &&
        writePem(serverPem(), server.get(), serverKey.get()) &&
        writePem(wrongHostPem(), wrong.get(), wrongKey.get()) &&
        writePem(expiredPem(), expired.get(), serverKey.get()) &&
        writePem(clientCertificate(), client.get(), nullptr) &&
        writePem(clientKey(), nullptr, clientRsaKey.get()) &&
        writePkcs12(clientPkcs12(), client.get(), clientRsaKey.get(), m_pkcs12Password) &&
        writePem(strangerClientPem(), stranger.get(), strangerKey.get());
    if (!written) {
        m_error = QStringLiteral("cannot make or write the certificates");
        return false;
    }
    m_serverPin = pinOf(serverKey.get());
    m_wrongHostPin = pinOf(wrongKey.get());
    m_caPin = pinOf(caKey.get());
    return true;
}

} // namespace fenestra::integration
