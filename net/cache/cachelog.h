#pragma once

#include <QLoggingCategory>

namespace fenestra::net {

// Log category of the local cache. Messages never carry patient data: no names, IDs or UIDs,
// only counts, sizes and short prefixes of the keyed entry names.
Q_DECLARE_LOGGING_CATEGORY(lcCache)

} // namespace fenestra::net
