// The cache directory as a whole: opening, the encrypted index file, removing a study and
// clearing. Entry operations are in instancecache.cpp.

#include "instancecache.h"

#include "cachecrypto.h"
#include "cachelayout.h"
#include "cachelog.h"

#include <QFile>
#include <QSaveFile>
#include <QSet>

namespace fenestra::net {

namespace {

// Temporary files of an interrupted QSaveFile: our file name plus a random suffix.
bool isLeftover(const QString& file)
{
    return file.startsWith(cachelayout::kIndexFile + u'.') ||
           (file.size() > 65 && file.at(64) == u'.' && CacheIndex::isEntryName(file.left(64)));
}

} // namespace

InstanceCache::InstanceCache(const QString& directory, const QByteArray& key, CacheOptions options)
    : m_dir(directory), m_entryKey(cachecrypto::deriveKey(key, cachelayout::kEntryKeyPurpose)),
      m_nameKey(cachecrypto::deriveKey(key, cachelayout::kNameKeyPurpose)), m_options(options)
{
    m_sinceFlush.start();
}

InstanceCache::~InstanceCache()
{
    if (const Result<void> flushed = flush(); !flushed)
        qCWarning(lcCache).noquote() << "cache index not written:" << flushed.error().toString();
    cachecrypto::wipe(m_entryKey);
    cachecrypto::wipe(m_nameKey);
}

Result<std::unique_ptr<InstanceCache>>
InstanceCache::open(const QString& directory, const QByteArray& key, CacheOptions options)
{
    if (key.size() != cachecrypto::kKeySize)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("cache key has %1 bytes, expected %2")
                                                  .arg(key.size())
                                                  .arg(cachecrypto::kKeySize));
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::CacheIoFailure, QStringLiteral("cache directory cannot be created"));
    // Only the user may list the directory; the files are encrypted anyway.
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    std::unique_ptr<InstanceCache> cache(new InstanceCache(directory, key, options));
    if (cache->m_entryKey.size() != cachecrypto::kKeySize ||
        cache->m_nameKey.size() != cachecrypto::kKeySize)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("cache subkeys cannot be derived"));
    if (Result<void> loaded = cache->load(); !loaded)
        return std::unexpected(loaded.error());
    if (Result<void> flushed = cache->flush(); !flushed)
        return std::unexpected(flushed.error());
    return cache;
}

Result<void> InstanceCache::load()
{
    QStringList entryFiles;
    const QStringList files = m_dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& file : files) {
        if (CacheIndex::isEntryName(file))
            entryFiles.append(file);
        else if (isLeftover(file))
            QFile::remove(m_dir.filePath(file));
    }
    if (m_dir.exists(cachelayout::kIndexFile))
        return loadIndex(entryFiles);
    if (!entryFiles.isEmpty()) {
        // Written by a session that ended before its first index write: nothing names them.
        qCWarning(lcCache) << "removing" << entryFiles.size() << "cache files without an index";
        removeFiles(entryFiles);
    }
    m_outcome = CacheOpenOutcome::Created;
    return {};
}

Result<void> InstanceCache::loadIndex(const QStringList& entryFiles)
{
    QFile file(m_dir.filePath(cachelayout::kIndexFile));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::CacheIoFailure,
                    QStringLiteral("cache index cannot be read: %1").arg(file.errorString()));
    const QByteArray sealed = file.readAll();
    file.close();
    QByteArray plain =
        cachecrypto::open(sealed, m_entryKey, cachelayout::kIndexMagic, cachelayout::kIndexAad)
            .value_or(QByteArray());
    std::optional<CacheIndex> index = CacheIndex::deserialize(plain);
    cachecrypto::wipe(plain);
    if (!index) {
        qCWarning(lcCache) << "the cache index cannot be decrypted with the current key (a"
                           << "session key, another key or damage); removing" << entryFiles.size()
                           << "cached files";
        removeFiles(entryFiles + QStringList{cachelayout::kIndexFile});
        m_outcome = CacheOpenOutcome::WipedUnreadable;
        return {};
    }
    QMutexLocker lock(&m_mutex);
    m_index = std::move(*index);
    m_outcome = CacheOpenOutcome::Restored;
    const QSet<QString> onDisk(entryFiles.cbegin(), entryFiles.cend());
    const QStringList lost = m_index.namesWhere(
        [&onDisk](const QString& name, const CacheEntry&) { return !onDisk.contains(name); });
    for (const QString& name : lost)
        m_index.remove(name);
    QStringList orphans;
    for (const QString& name : entryFiles) {
        if (!m_index.find(name))
            orphans.append(name);
    }
    if (!orphans.isEmpty())
        qCWarning(lcCache) << "removing" << orphans.size() << "cache files the index does not list";
    removeFiles(orphans);
    m_dirty = !lost.isEmpty();
    evictLocked({});
    return {};
}

void InstanceCache::removeFiles(const QStringList& names) const
{
    for (const QString& name : names)
        QFile::remove(m_dir.filePath(name));
}

Result<void> InstanceCache::flush()
{
    QMutexLocker flushLock(&m_flushMutex);
    return writeIndex();
}

Result<void> InstanceCache::writeIndex()
{
    QByteArray plain;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_dirty)
            return {};
        plain = m_index.serialize();
        m_dirty = false;
        m_putsSinceFlush = 0;
        m_sinceFlush.restart();
    }
    QSaveFile file(m_dir.filePath(cachelayout::kIndexFile));
    Result<void> written = file.open(QIODevice::WriteOnly)
                               ? cachecrypto::seal(file, m_entryKey, cachelayout::kIndexMagic,
                                                   cachelayout::kIndexAad, plain)
                               : fail(ErrorCode::CacheIoFailure, file.errorString());
    cachecrypto::wipe(plain);
    if (written && !file.commit())
        written = fail(ErrorCode::CacheIoFailure, file.errorString());
    if (!written) {
        QMutexLocker lock(&m_mutex);
        m_dirty = true;
        return fail(written.error().code,
                    QStringLiteral("cache index: %1").arg(written.error().detail));
    }
    return {};
}

Result<void> InstanceCache::removeStudy(const QString& archiveId, const QString& studyUid)
{
    // The flush lock first: an index write that began before this must not land after it.
    QMutexLocker flushLock(&m_flushMutex);
    {
        QMutexLocker lock(&m_mutex);
        const QStringList names = m_index.namesWhere([&](const QString&, const CacheEntry& e) {
            return e.archiveId == archiveId && e.studyUid == studyUid;
        });
        for (const QString& name : names)
            removeEntryLocked(name);
        m_index.setKept(studyKeyOf(archiveId, studyUid), false);
        for (Write& write : m_writes) {
            if (write.archiveId == archiveId && write.studyUid == studyUid)
                write.discard = true;
        }
    }
    return writeIndex();
}

Result<void> InstanceCache::clear()
{
    QMutexLocker flushLock(&m_flushMutex);
    QMutexLocker lock(&m_mutex);
    for (Write& write : m_writes)
        write.discard = true;
    m_index.clear();
    m_dirty = false;
    m_putsSinceFlush = 0;
    // From the directory, not the index: files a crashed session left behind go too.
    QStringList ours = m_dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    ours.removeIf([](const QString& file) {
        return !CacheIndex::isEntryName(file) && file != cachelayout::kIndexFile;
    });
    removeFiles(ours);
    for (const QString& file : std::as_const(ours)) {
        if (m_dir.exists(file))
            return fail(ErrorCode::CacheIoFailure,
                        QStringLiteral("cache file %1 cannot be removed").arg(file.left(8)));
    }
    return {};
}

} // namespace fenestra::net
