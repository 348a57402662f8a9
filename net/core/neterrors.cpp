#include "neterrors.h"

namespace fenestra::net {

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
#define FENESTRA_X(name, text)                                                                     \
    case ErrorCode::name:                                                                          \
        return #name;
        FENESTRA_NET_ERRORS(FENESTRA_X)
#undef FENESTRA_X
    }
    return "Unknown";
}

const char* errorCodeDescription(ErrorCode code)
{
    switch (code) {
#define FENESTRA_X(name, text)                                                                     \
    case ErrorCode::name:                                                                          \
        return text;
        FENESTRA_NET_ERRORS(FENESTRA_X)
#undef FENESTRA_X
    }
    return "unknown error";
}

QString Error::toString() const
{
    const QString name = QString::fromLatin1(errorCodeName(code));
    return detail.isEmpty() ? name : name + QStringLiteral(": ") + detail;
}

} // namespace fenestra::net
