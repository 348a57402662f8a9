#pragma once

#include <QMetaType>
#include <QString>

#include <expected>

namespace fenestra::net {

// The one table of every error the network library reports. Each row: the code's name and a
// short English description (for logs and the command line). The application translates codes
// into user-facing text; the library never shows text to a user.
#define FENESTRA_NET_ERRORS(X)                                                                     \
    X(InvalidUrl, "invalid URL")                                                                   \
    X(ConnectionFailed, "connection failed")                                                       \
    X(Timeout, "request timed out")                                                                \
    X(TlsFailure, "TLS handshake or certificate failure")                                          \
    X(HttpError, "server answered with an HTTP error")                                             \
    X(Unauthorized, "authentication required or token refused")                                    \
    X(Forbidden, "access refused by the server")                                                   \
    X(MalformedResponse, "malformed response")                                                     \
    X(TruncatedResponse, "response ended before it was complete")                                  \
    X(MalformedPart, "a part of a multipart response is malformed")                                \
    X(InvalidArgument, "invalid request argument")                                                 \
    X(Cancelled, "operation cancelled")                                                            \
    X(CacheMiss, "instance is not in the local cache")                                             \
    X(CacheCorrupt, "cached entry failed authentication (tampered or truncated)")                  \
    X(CacheIoFailure, "local cache cannot be read or written")                                     \
    X(CacheEntryTooLarge, "instance is larger than the whole cache")                               \
    X(CryptoFailure, "encryption library failure or invalid key")                                  \
    X(KeyStoreUnavailable, "no OS keyring available for the cache key")                            \
    X(InvalidToken, "token refused: malformed, signature does not verify or claims not accepted")  \
    X(IdentityProviderUnreachable, "the identity provider cannot be reached")                      \
    X(IdentityProviderError, "the identity provider refused the request or answered invalidly")    \
    X(LoginFailed, "login did not complete (refused, state mismatch or no answer in time)")        \
    X(NotAuthenticated, "no valid login session: log in again")                                    \
    X(ConsentRegistryUnavailable, "the consent registry cannot be reached or refused the query")   \
    X(MalformedConsent, "a consent resource or bundle from the registry is malformed")             \
    X(AuditLogCorrupt, "audit log failed verification: a record edited, missing or out of order")  \
    X(AuditLogIoFailure, "audit log cannot be read or written")

enum class ErrorCode
{
#define FENESTRA_X(name, text) name,
    FENESTRA_NET_ERRORS(FENESTRA_X)
#undef FENESTRA_X
};

// Stable identifier of a code ("Timeout"), used in JSON output and tests.
const char* errorCodeName(ErrorCode code);
// Short English description of a code, for logs and the command line.
const char* errorCodeDescription(ErrorCode code);

// An error as a value: a code from the table and a detail naming the item and what is wrong.
struct Error
{
    ErrorCode code = ErrorCode::MalformedResponse;
    QString detail;

    // "Timeout: no answer from the archive within 30 s"
    QString toString() const;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString detail = {})
{
    return std::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace fenestra::net

// Errors travel in queued signals (requests, login): one declaration for the whole library.
Q_DECLARE_METATYPE(fenestra::net::Error)
