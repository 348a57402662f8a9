#include "clientkeypasswords.h"

#include "core/keyring.h"

namespace fenestra::net {

ClientKeyPasswords::ClientKeyPasswords(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout)
{}

QString ClientKeyPasswords::entryName(const QUrl& archive) const
{
    return QStringLiteral("tls-client-key ") + archive.toString(QUrl::StripTrailingSlash);
}

Result<QByteArray> ClientKeyPasswords::read(const QUrl& archive) const
{
    return readKeyring(m_service, entryName(archive), m_timeout);
}

Result<void> ClientKeyPasswords::write(const QUrl& archive, const QByteArray& password) const
{
    return writeKeyring(m_service, entryName(archive), password, m_timeout);
}

Result<void> ClientKeyPasswords::remove(const QUrl& archive) const
{
    return removeKeyring(m_service, entryName(archive), m_timeout);
}

} // namespace fenestra::net
