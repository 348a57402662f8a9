// Entry operations of the cache: put, get, listing, eviction and pins. Opening, the index file
// and clearing are in instancecachestore.cpp.

#include "instancecache.h"

#include "cachecrypto.h"
#include "cachelayout.h"
#include "cachelog.h"

#include <QFile>
#include <QSet>
#include <QTemporaryFile>

#include <algorithm>
#include <filesystem>

namespace fenestra::net {

using cachelayout::shortName;

namespace {

// Length-prefixed, so no choice of archive id can make two references hash alike.
QByteArray field(const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    return QByteArray::number(utf8.size()) + ':' + utf8;
}

bool isComplete(const InstanceRef& ref)
{
    return !ref.archiveId.isEmpty() && !ref.studyUid.isEmpty() && !ref.seriesUid.isEmpty() &&
           !ref.sopInstanceUid.isEmpty();
}

QString pinKeyOf(const QString& archiveId, const QString& studyUid)
{
    return QString::fromUtf8(field(archiveId) + field(studyUid));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString InstanceCache::entryName(const InstanceRef& ref) const
{
    const QByteArray message = "entry/v1|" + field(ref.archiveId) + field(ref.studyUid) +
                               field(ref.seriesUid) + field(ref.sopInstanceUid);
    return QString::fromLatin1(cachecrypto::hmacSha256(m_nameKey, message).toHex());
}

QString InstanceCache::entryPath(const QString& name) const
{
    return m_dir.filePath(name);
}

QByteArray InstanceCache::entryAad(const QString& archiveId, const QString& name) const
{
    return archiveId.toUtf8() + '\0' + name.toLatin1();
}

Result<void> InstanceCache::put(const InstanceRef& ref, const QByteArray& bytes)
{
    if (!isComplete(ref))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("incomplete instance reference"));
    const QString name = entryName(ref);
    quint64 writeId = 0;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 stored = bytes.size() + cachecrypto::kSealOverhead;
        if (stored > m_options.maxBytes)
            return fail(
                ErrorCode::CacheEntryTooLarge,
                QStringLiteral("%1 bytes, bound %2 bytes").arg(stored).arg(m_options.maxBytes));
        while (isWritingLocked(name))
            m_writeDone.wait(&m_mutex);
        writeId = m_nextWriteId++;
        m_writes.insert(writeId, Write{name, ref.archiveId, ref.studyUid});
    }
    return finishPut(writeId, ref, bytes.size(), writeEntry(name, ref, bytes));
}

Result<void> InstanceCache::writeEntry(const QString& name, const InstanceRef& ref,
                                       const QByteArray& bytes)
{
    // Written whole under a temporary name, then renamed over the entry: a reader sees the old
    // file or the new one, never a part. Unlike QSaveFile there is no fsync per instance (it
    // cost ~7 ms each, 20x the write itself): after a power cut an entry may be lost or hold
    // garbage, which its tag then rejects and the cache removes; it is only a cache.
    QTemporaryFile file(entryPath(name) + QStringLiteral(".XXXXXX"));
    if (!file.open())
        return fail(ErrorCode::CacheIoFailure, QStringLiteral("entry %1 cannot be created: %2")
                                                   .arg(shortName(name), file.errorString()));
    Result<void> sealed = cachecrypto::seal(file, m_entryKey, cachelayout::kEntryMagic,
                                            entryAad(ref.archiveId, name), bytes);
    if (!sealed)
        return sealed; // QTemporaryFile removes the temporary file
    file.close();
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(file.fileName()).toStdString()),
                            std::filesystem::path(QFile::encodeName(entryPath(name)).toStdString()),
                            error);
    if (error)
        return fail(ErrorCode::CacheIoFailure,
                    QStringLiteral("entry %1 cannot be written: %2")
                        .arg(shortName(name), QString::fromStdString(error.message())));
    file.setAutoRemove(false);
    return {};
}

Result<void> InstanceCache::finishPut(quint64 writeId, const InstanceRef& ref, qint64 plainSize,
                                      Result<void> written)
{
    bool flushDue = false;
    {
        QMutexLocker lock(&m_mutex);
        const Write write = m_writes.take(writeId);
        m_writeDone.wakeAll();
        if (write.discard) {
            // clear() or removeStudy() ran meanwhile and removed the old entry: the user asked
            // for this study to be gone, so the new file goes too.
            QFile::remove(entryPath(write.name));
            return fail(ErrorCode::Cancelled,
                        QStringLiteral("entry %1 removed from the cache while being written")
                            .arg(shortName(write.name)));
        }
        if (!written)
            return written;
        CacheEntry entry{ref.archiveId, ref.studyUid, ref.seriesUid, ref.sopInstanceUid};
        entry.plainSize = plainSize;
        entry.storedSize = plainSize + cachecrypto::kSealOverhead;
        m_index.insert(write.name, std::move(entry), nowMs());
        ++m_stats.puts;
        ++m_putsSinceFlush;
        m_dirty = true;
        evictLocked(write.name);
        flushDue = flushDueLocked();
    }
    // A writer does not wait for another thread's index write: the next one includes this entry.
    if (flushDue && m_flushMutex.tryLock()) {
        const Result<void> flushed = writeIndex();
        m_flushMutex.unlock();
        if (!flushed)
            qCWarning(lcCache).noquote()
                << "cache index not written:" << flushed.error().toString();
    }
    return {};
}

Result<QByteArray> InstanceCache::get(const InstanceRef& ref)
{
    const QString name = entryName(ref);
    CacheEntry entry;
    {
        QMutexLocker lock(&m_mutex);
        const CacheEntry* found = m_index.find(name);
        if (!found) {
            ++m_stats.misses;
            return fail(ErrorCode::CacheMiss, QStringLiteral("entry %1").arg(shortName(name)));
        }
        entry = *found;
        m_index.touch(name, nowMs());
        m_dirty = true;
    }
    Result<QByteArray> bytes = readEntry(name, entry);
    if (bytes) {
        QMutexLocker lock(&m_mutex);
        ++m_stats.hits;
        return bytes;
    }
    if (bytes.error().code == ErrorCode::CryptoFailure)
        return bytes; // our library failed, not the entry: keep it
    dropBroken(name, entry.version, bytes.error().code == ErrorCode::CacheCorrupt);
    return fail(bytes.error().code, QStringLiteral("entry %1: %2; removed from the cache")
                                        .arg(shortName(name), bytes.error().detail));
}

Result<QByteArray> InstanceCache::readEntry(const QString& name, const CacheEntry& entry) const
{
    QFile file(entryPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::CacheMiss, QStringLiteral("file missing"));
    const qint64 size = file.size();
    // Mapping avoids a second copy of the ciphertext; our writers only ever replace files by
    // rename, so a mapped file is never truncated under us.
    const uchar* mapped = size > 0 ? file.map(0, size) : nullptr;
    QByteArray read;
    if (!mapped)
        read = file.readAll();
    const QByteArrayView sealed = mapped ? QByteArrayView(mapped, size) : QByteArrayView(read);
    return cachecrypto::open(sealed, m_entryKey, cachelayout::kEntryMagic,
                             entryAad(entry.archiveId, name));
}

void InstanceCache::dropBroken(const QString& name, quint64 version, bool corrupt)
{
    QMutexLocker lock(&m_mutex);
    ++(corrupt ? m_stats.corruptEntries : m_stats.misses);
    const CacheEntry* current = m_index.find(name);
    // Only the version we failed to read goes: a rewrite in the meantime is a fresh, good file.
    if (!current || current->version != version || isWritingLocked(name))
        return;
    removeEntryLocked(name);
    qCWarning(lcCache).noquote() << "cache entry" << shortName(name)
                                 << (corrupt ? "failed authentication" : "has no file")
                                 << "and was removed";
}

bool InstanceCache::contains(const InstanceRef& ref) const
{
    const QString name = entryName(ref);
    QMutexLocker lock(&m_mutex);
    return m_index.find(name) != nullptr;
}

QList<CachedInstance> InstanceCache::instances(const QString& archiveId, const QString& studyUid,
                                               const QString& seriesUid) const
{
    QList<CachedInstance> result;
    {
        QMutexLocker lock(&m_mutex);
        for (const CacheEntry& e : m_index.entries()) {
            if (e.archiveId != archiveId || e.studyUid != studyUid ||
                (!seriesUid.isEmpty() && e.seriesUid != seriesUid))
                continue;
            result.append({e.studyUid, e.seriesUid, e.sopInstanceUid, e.plainSize,
                           QDateTime::fromMSecsSinceEpoch(e.lastAccessMs)});
        }
    }
    std::sort(result.begin(), result.end(), [](const CachedInstance& a, const CachedInstance& b) {
        return std::tie(a.seriesUid, a.sopInstanceUid) < std::tie(b.seriesUid, b.sopInstanceUid);
    });
    return result;
}

QStringList InstanceCache::studies(const QString& archiveId) const
{
    QSet<QString> uids;
    {
        QMutexLocker lock(&m_mutex);
        for (const CacheEntry& e : m_index.entries()) {
            if (e.archiveId == archiveId)
                uids.insert(e.studyUid);
        }
    }
    QStringList sorted(uids.begin(), uids.end());
    sorted.sort();
    return sorted;
}

void InstanceCache::setMaxBytes(qint64 maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_options.maxBytes = maxBytes;
    evictLocked({});
}

CacheStats InstanceCache::stats() const
{
    QMutexLocker lock(&m_mutex);
    CacheStats stats = m_stats;
    stats.entries = m_index.count();
    stats.bytesOnDisk = m_index.storedBytes();
    stats.maxBytes = m_options.maxBytes;
    return stats;
}

bool InstanceCache::isWritingLocked(const QString& name) const
{
    return std::any_of(m_writes.cbegin(), m_writes.cend(),
                       [&name](const Write& w) { return w.name == name; });
}

void InstanceCache::removeEntryLocked(const QString& name)
{
    QFile::remove(entryPath(name));
    m_index.remove(name);
    m_dirty = true;
}

void InstanceCache::evictLocked(const QString& keep)
{
    const auto evictable = [this, &keep](const QString& name, const CacheEntry&) {
        return name != keep && !isWritingLocked(name);
    };
    const auto unpinned = [this, &evictable](const QString& name, const CacheEntry& e) {
        const QString study = pinKeyOf(e.archiveId, e.studyUid);
        return evictable(name, e) && !m_pins.contains(study) && !m_index.isKept(study);
    };
    while (m_index.storedBytes() > m_options.maxBytes) {
        std::optional<QString> victim = m_index.leastRecent(unpinned);
        if (!victim)
            victim = m_index.leastRecent(evictable); // only open or kept studies: oldest first
        if (!victim)
            break;
        removeEntryLocked(*victim);
        ++m_stats.evictions;
    }
}

bool InstanceCache::flushDueLocked() const
{
    return m_dirty && (m_putsSinceFlush >= m_options.flushEveryPuts ||
                       m_sinceFlush.hasExpired(m_options.flushInterval.count()));
}

StudyPin InstanceCache::pinStudy(const QString& archiveId, const QString& studyUid)
{
    const QString key = pinKeyOf(archiveId, studyUid);
    QMutexLocker lock(&m_mutex);
    ++m_pins[key];
    return StudyPin(this, key);
}

QString InstanceCache::studyKeyOf(const QString& archiveId, const QString& studyUid)
{
    return pinKeyOf(archiveId, studyUid);
}

void InstanceCache::keepStudy(const QString& archiveId, const QString& studyUid, bool keep)
{
    QMutexLocker lock(&m_mutex);
    m_index.setKept(pinKeyOf(archiveId, studyUid), keep);
    m_dirty = true;
}

bool InstanceCache::isStudyKept(const QString& archiveId, const QString& studyUid) const
{
    QMutexLocker lock(&m_mutex);
    return m_index.isKept(pinKeyOf(archiveId, studyUid));
}

void InstanceCache::unpin(const QString& pinKey)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_pins.find(pinKey);
    if (it != m_pins.end() && --it.value() <= 0)
        m_pins.erase(it);
}

StudyPin::StudyPin(InstanceCache* cache, QString pinKey)
    : m_cache(cache), m_pinKey(std::move(pinKey))
{}

StudyPin::StudyPin(StudyPin&& other) noexcept
    : m_cache(std::exchange(other.m_cache, nullptr)), m_pinKey(std::move(other.m_pinKey))
{}

StudyPin& StudyPin::operator=(StudyPin&& other) noexcept
{
    if (this != &other) {
        release();
        m_cache = std::exchange(other.m_cache, nullptr);
        m_pinKey = std::move(other.m_pinKey);
    }
    return *this;
}

StudyPin::~StudyPin()
{
    release();
}

void StudyPin::release()
{
    if (m_cache)
        std::exchange(m_cache, nullptr)->unpin(m_pinKey);
}

} // namespace fenestra::net
