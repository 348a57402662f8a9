#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>

namespace fenestra::net::cachelayout {

// The on-disk layout of the cache, internal to it. Nothing here depends on patient data.

// Format markers at the start of every entry file and of the index (authenticated too).
inline constexpr QByteArrayView kEntryMagic = "FCE1";
inline constexpr QByteArrayView kIndexMagic = "FCI1";
// Authenticated data of the index; entries use the archive id and their own name instead.
inline constexpr QByteArrayView kIndexAad = "fenestra-cache-index";
// Purposes of the two subkeys derived from the master key.
inline constexpr QByteArrayView kEntryKeyPurpose = "fenestra-cache/aes-256-gcm/v1";
inline constexpr QByteArrayView kNameKeyPurpose = "fenestra-cache/entry-names/v1";

inline constexpr QLatin1StringView kIndexFile("index");

// What logs and error details may show of an entry name: a prefix of a keyed hash.
inline QString shortName(const QString& name)
{
    return name.left(8);
}

} // namespace fenestra::net::cachelayout
