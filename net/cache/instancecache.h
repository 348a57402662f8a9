#pragma once

#include "cache/cacheindex.h"
#include "core/neterrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <chrono>
#include <memory>

namespace fenestra::net {

// Which instance: the archive it came from and its three UIDs.
struct InstanceRef
{
    QString archiveId;
    QString studyUid;
    QString seriesUid;
    QString sopInstanceUid;
};

struct CacheOptions
{
    // Bound on the bytes of all entry files; least recently used entries go first.
    qint64 maxBytes = qint64(2) << 30;
    // The encrypted index is rewritten (with an fsync, ~7 ms here) after this many new entries
    // or this much time, whichever comes first, and always by flush(), removeStudy(), clear()
    // and the destructor. Entries written after the last index write are lost (and their files
    // removed) after a crash: they are downloaded again.
    int flushEveryPuts = 128;
    std::chrono::milliseconds flushInterval{2000};
};

// A cached instance as listed for offline reopening.
struct CachedInstance
{
    QString studyUid;
    QString seriesUid;
    QString sopInstanceUid;
    qint64 size = 0; // bytes of the instance
    QDateTime lastAccess;
};

struct CacheStats
{
    qsizetype entries = 0;
    qint64 bytesOnDisk = 0; // entry files; the index comes on top
    qint64 maxBytes = 0;
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 puts = 0;
    quint64 evictions = 0;
    quint64 corruptEntries = 0; // entries that failed authentication and were removed
};

enum class CacheOpenOutcome
{
    Created,        // no index: an empty cache
    Restored,       // the index was decrypted and its entries are available
    WipedUnreadable // the index could not be decrypted (another key or damage): files removed
};

class InstanceCache;

// Keeps a study's entries out of eviction while it is open in a viewer: they go last, after
// every unpinned entry. Move-only; unpins on destruction. Must not outlive its cache.
class StudyPin
{
public:
    StudyPin() = default;
    StudyPin(StudyPin&& other) noexcept;
    StudyPin& operator=(StudyPin&& other) noexcept;
    StudyPin(const StudyPin&) = delete;
    StudyPin& operator=(const StudyPin&) = delete;
    ~StudyPin();

private:
    friend class InstanceCache;
    StudyPin(InstanceCache* cache, QString pinKey);
    void release();

    InstanceCache* m_cache = nullptr;
    QString m_pinKey;
};

// The local cache of downloaded DICOM instances, encrypted at rest.
//
// One file per instance, named by HMAC-SHA-256 (keyed) of the archive and the UIDs, holding
// AES-256-GCM(instance) with a random 96-bit nonce; the archive id and the file's name are
// authenticated data, so a file copied to another name or another archive fails to decrypt.
// An encrypted index holds UIDs, sizes and access times. Neither names nor contents reveal
// anything about the patient. Files are written atomically: an entry whole under a temporary
// name then renamed over (no fsync: a file a power cut damages fails its tag and is dropped),
// the index through QSaveFile (fsync: losing it would lose the whole cache). A tampered or
// truncated entry fails with CacheCorrupt and is removed; the others keep working.
//
// Thread contract: every public member may be called from any thread at the same time. One
// mutex guards the index; encryption, decryption and file I/O run outside it, so readers and
// writers proceed in parallel. Writes of the same instance are serialised; a reader sees either
// the old or the new file, never a partial one. An entry being written is never evicted, and a
// write that races with clear() or removeStudy() of its study is discarded (Cancelled). Pins
// must be released before the cache is destroyed.
class InstanceCache
{
public:
    // Opens (or creates) the cache in directory with a 32-byte key. When the existing index
    // cannot be decrypted with this key, every cache file is removed (openOutcome() tells).
    static Result<std::unique_ptr<InstanceCache>>
    open(const QString& directory, const QByteArray& key, CacheOptions options = {});
    ~InstanceCache(); // writes the index if it changed
    InstanceCache(const InstanceCache&) = delete;
    InstanceCache& operator=(const InstanceCache&) = delete;

    Result<void> put(const InstanceRef& ref, const QByteArray& bytes);
    // CacheMiss when absent; CacheCorrupt (entry removed) when it fails authentication.
    Result<QByteArray> get(const InstanceRef& ref);
    bool contains(const InstanceRef& ref) const;

    // Instances of a study of an archive (of one series when seriesUid is not empty), sorted
    // by series then SOP instance UID.
    QList<CachedInstance> instances(const QString& archiveId, const QString& studyUid,
                                    const QString& seriesUid = {}) const;
    // Study UIDs that have at least one cached instance from the archive, sorted.
    QStringList studies(const QString& archiveId) const;

    Result<void> removeStudy(const QString& archiveId, const QString& studyUid);
    // Removes every entry and the index: the directory holds none of our files afterwards.
    Result<void> clear();
    // Changes the bound and evicts at once if needed.
    void setMaxBytes(qint64 maxBytes);
    [[nodiscard]] StudyPin pinStudy(const QString& archiveId, const QString& studyUid);
    // A study kept for offline use ("keep in local library"): its entries are evicted only when
    // nothing else is left, and the mark survives restarts (in the encrypted index).
    void keepStudy(const QString& archiveId, const QString& studyUid, bool keep = true);
    bool isStudyKept(const QString& archiveId, const QString& studyUid) const;

    // Writes the encrypted index now if it changed.
    Result<void> flush();
    CacheStats stats() const;
    CacheOpenOutcome openOutcome() const { return m_outcome; }
    QString directory() const { return m_dir.absolutePath(); }

private:
    struct Write
    {
        QString name;
        QString archiveId;
        QString studyUid;
        bool discard = false;
    };

    InstanceCache(const QString& directory, const QByteArray& key, CacheOptions options);
    Result<void> load();
    Result<void> loadIndex(const QStringList& entryFiles);
    void removeFiles(const QStringList& names) const;

    QString entryName(const InstanceRef& ref) const;
    QString entryPath(const QString& name) const;
    QByteArray entryAad(const QString& archiveId, const QString& name) const;
    Result<void> writeEntry(const QString& name, const InstanceRef& ref, const QByteArray& bytes);
    Result<QByteArray> readEntry(const QString& name, const CacheEntry& entry) const;
    Result<void> finishPut(quint64 writeId, const InstanceRef& ref, qint64 plainSize,
                           Result<void> written);
    // Removes an entry that could not be read (corrupt: failed authentication; else: no file).
    void dropBroken(const QString& name, quint64 version, bool corrupt);

    // The members below ending in Locked require m_mutex.
    bool isWritingLocked(const QString& name) const;
    void removeEntryLocked(const QString& name);
    void evictLocked(const QString& keep);
    bool flushDueLocked() const;
    // Requires m_flushMutex (not m_mutex).
    Result<void> writeIndex();
    void unpin(const QString& pinKey);

    friend class StudyPin;

    const QDir m_dir;
    QByteArray m_entryKey; // AES key of entry files and the index
    QByteArray m_nameKey;  // HMAC key of entry names
    CacheOpenOutcome m_outcome = CacheOpenOutcome::Created;

    // The key of a study in pins and kept marks.
    static QString studyKeyOf(const QString& archiveId, const QString& studyUid);
    mutable QMutex m_mutex;
    QWaitCondition m_writeDone;
    CacheOptions m_options;
    CacheIndex m_index;
    QHash<quint64, Write> m_writes; // in flight, by write id
    quint64 m_nextWriteId = 1;
    QHash<QString, int> m_pins; // pin key -> count
    CacheStats m_stats;
    bool m_dirty = false;
    int m_putsSinceFlush = 0;
    QElapsedTimer m_sinceFlush;

    // Serialises index writes so the last file written is the latest state; taken before
    // m_mutex, never after it.
    QMutex m_flushMutex;
};

} // namespace fenestra::net
