#include "cacheindex.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>

namespace fenestra::net {

namespace {

constexpr quint32 kFormatVersion = 2; // 2: kept studies after the entries
constexpr qsizetype kNameLength = 64;

QDataStream& operator<<(QDataStream& out, const CacheEntry& e)
{
    return out << e.archiveId << e.studyUid << e.seriesUid << e.sopInstanceUid << e.plainSize
               << e.storedSize << e.lastAccessMs << e.tick;
}

QDataStream& operator>>(QDataStream& in, CacheEntry& e)
{
    return in >> e.archiveId >> e.studyUid >> e.seriesUid >> e.sopInstanceUid >> e.plainSize >>
           e.storedSize >> e.lastAccessMs >> e.tick;
}

} // namespace

const CacheEntry* CacheIndex::find(const QString& name) const
{
    const auto it = m_entries.constFind(name);
    return it == m_entries.cend() ? nullptr : &it.value();
}

void CacheIndex::insert(const QString& name, CacheEntry entry, qint64 nowMs)
{
    remove(name);
    entry.tick = m_nextTick++;
    entry.version = m_nextVersion++;
    entry.lastAccessMs = nowMs;
    m_storedBytes += entry.storedSize;
    m_recency.emplace(entry.tick, name);
    m_entries.insert(name, std::move(entry));
}

void CacheIndex::touch(const QString& name, qint64 nowMs)
{
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        return;
    m_recency.erase(it->tick);
    it->tick = m_nextTick++;
    it->lastAccessMs = nowMs;
    m_recency.emplace(it->tick, name);
}

void CacheIndex::remove(const QString& name)
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return;
    m_storedBytes -= it->storedSize;
    m_recency.erase(it->tick);
    m_entries.erase(it);
}

void CacheIndex::clear()
{
    m_entries.clear();
    m_recency.clear();
    m_storedBytes = 0;
    m_kept.clear();
}

QStringList CacheIndex::namesWhere(const Predicate& accept) const
{
    QStringList names;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (accept(it.key(), it.value()))
            names.append(it.key());
    }
    return names;
}

std::optional<QString> CacheIndex::leastRecent(const Predicate& accept) const
{
    for (const auto& [tick, name] : m_recency) {
        if (accept(name, m_entries.value(name)))
            return name;
    }
    return std::nullopt;
}

QByteArray CacheIndex::serialize() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kFormatVersion << quint64(m_nextTick) << quint64(m_entries.size());
    for (const auto& [tick, name] : m_recency)
        out << name << m_entries.value(name);
    QStringList kept(m_kept.begin(), m_kept.end());
    kept.sort();
    out << kept;
    return bytes;
}

void CacheIndex::setKept(const QString& studyKey, bool kept)
{
    if (kept)
        m_kept.insert(studyKey);
    else
        m_kept.remove(studyKey);
}

std::optional<CacheIndex> CacheIndex::deserialize(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 version = 0;
    quint64 nextTick = 0;
    quint64 count = 0;
    in >> version >> nextTick >> count;
    if (in.status() != QDataStream::Ok || version != kFormatVersion)
        return std::nullopt;
    CacheIndex index;
    for (quint64 i = 0; i < count; ++i) {
        QString name;
        CacheEntry entry;
        in >> name >> entry;
        if (in.status() != QDataStream::Ok || !isEntryName(name) || entry.tick >= nextTick ||
            index.m_recency.contains(entry.tick) || index.m_entries.contains(name))
            return std::nullopt;
        entry.version = index.m_nextVersion++;
        index.m_storedBytes += entry.storedSize;
        index.m_recency.emplace(entry.tick, name);
        index.m_entries.insert(name, std::move(entry));
    }
    QStringList kept;
    in >> kept;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    index.m_kept = QSet<QString>(kept.begin(), kept.end());
    index.m_nextTick = nextTick;
    return index;
}

bool CacheIndex::isEntryName(QStringView name)
{
    if (name.size() != kNameLength)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

} // namespace fenestra::net
