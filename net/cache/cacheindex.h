#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>

#include <QSet>

namespace fenestra::net {

// One cached instance as the index records it. The index is only ever stored encrypted.
struct CacheEntry
{
    QString archiveId;
    QString studyUid;
    QString seriesUid;
    QString sopInstanceUid;
    qint64 plainSize = 0;    // bytes of the instance
    qint64 storedSize = 0;   // bytes of its encrypted file
    qint64 lastAccessMs = 0; // wall clock, ms since the epoch
    quint64 tick = 0;        // recency: larger is more recent, unique per entry
    quint64 version = 0;     // bumped by every write, never stored
};

// The in-memory index of the cache, keyed by entry name (the keyed hash that also names the
// file), with recency order for eviction. Internal to InstanceCache.
// Thread contract: none; InstanceCache only touches it under its mutex.
class CacheIndex
{
public:
    using Predicate = std::function<bool(const QString& name, const CacheEntry& entry)>;

    const CacheEntry* find(const QString& name) const;
    // Adds or replaces an entry and makes it the most recent.
    void insert(const QString& name, CacheEntry entry, qint64 nowMs);
    // Makes an entry the most recent.
    void touch(const QString& name, qint64 nowMs);
    void remove(const QString& name);
    void clear();

    qint64 storedBytes() const { return m_storedBytes; }
    qsizetype count() const { return m_entries.size(); }
    const QHash<QString, CacheEntry>& entries() const { return m_entries; }
    // Names of the entries accepted by the predicate.
    QStringList namesWhere(const Predicate& accept) const;
    // The least recently used entry accepted by the predicate.
    std::optional<QString> leastRecent(const Predicate& accept) const;

    // Studies the user keeps for offline use ("archive id" + '\n' + "study UID"): evicted only
    // when nothing else is left. Stored encrypted with the index.
    void setKept(const QString& studyKey, bool kept);
    bool isKept(const QString& studyKey) const { return m_kept.contains(studyKey); }

    QByteArray serialize() const;
    // Nullopt when the bytes are not a well-formed index (they were authenticated before, so
    // this only happens for an index written by an incompatible version).
    static std::optional<CacheIndex> deserialize(const QByteArray& bytes);

    // Entry names are 64 lowercase hex digits; anything else is not ours.
    static bool isEntryName(QStringView name);

private:
    QHash<QString, CacheEntry> m_entries;
    std::map<quint64, QString> m_recency; // tick -> name, oldest first
    quint64 m_nextTick = 1;
    qint64 m_storedBytes = 0;
    quint64 m_nextVersion = 1;
    QSet<QString> m_kept;
};

} // namespace fenestra::net
