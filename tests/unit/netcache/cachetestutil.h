#pragma once

// Shared helpers of the cache tests: fixed keys, references and instance bytes that carry
// recognisable patient data, and a view of the files in the cache directory.

#include "cache/instancecache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

#include <memory>

// Checks that a result failed with the expected code (never reads the error of a success).
#define CACHETEST_COMPARE_ERROR(expression, expectedCode)                                          \
    do {                                                                                           \
        const auto result_ = (expression);                                                         \
        QVERIFY2(!result_.has_value(), "succeeded, expected an error");                            \
        QCOMPARE(result_.error().code, expectedCode);                                              \
    } while (false)

namespace cachetest {

using namespace fenestra::net;

// The error of a failed result, for QVERIFY2 messages (which are built even when the check passes).
template <class T> QByteArray describe(const Result<T>& result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

inline QByteArray fixedKey(char first)
{
    QByteArray key(32, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(first + i);
    return key;
}

inline const QByteArray kTestKey = fixedKey(0x01);
inline const QByteArray kOtherKey = fixedKey(0x41);

inline const QString kArchiveA = QStringLiteral("https://pacs.hospital-a.example/dicom-web");
inline const QString kArchiveB = QStringLiteral("https://pacs.hospital-b.example/dicom-web");
inline const QString kStudy = QStringLiteral("1.2.826.0.1.3680043.8.498.10000000000000000001");
inline const QString kSeries = QStringLiteral("1.2.826.0.1.3680043.8.498.20000000000000000002");

inline QString sopUid(int n)
{
    return QStringLiteral("1.2.826.0.1.3680043.8.498.3000000000000000%1").arg(n, 4, 10, QChar('0'));
}

inline InstanceRef ref(int n, const QString& archive = kArchiveA, const QString& study = kStudy,
                       const QString& series = kSeries)
{
    return InstanceRef{archive, study, series, sopUid(n)};
}

// Deterministic bytes of the given size, seeded by n.
inline QByteArray instanceBytes(int n, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(quint32(n) * 2654435761u + 1);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

inline std::unique_ptr<InstanceCache>
openCache(const QString& dir, const QByteArray& key = kTestKey, qint64 maxBytes = qint64(1) << 30)
{
    CacheOptions options;
    options.maxBytes = maxBytes;
    Result<std::unique_ptr<InstanceCache>> cache = InstanceCache::open(dir, key, options);
    if (!cache) {
        qWarning("open failed: %s", qPrintable(cache.error().toString()));
        return nullptr;
    }
    return std::move(*cache);
}

// Every file below dir (recursively), relative to it, sorted.
inline QStringList filesIn(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

// Every entry below dir: files and folders.
inline QStringList everythingIn(const QString& dir)
{
    QStringList all;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        all.append(QDir(dir).relativeFilePath(it.next()));
    return all;
}

// The file that appeared between two listings (empty unless exactly one did).
inline QString newFile(const QStringList& before, const QStringList& after)
{
    QStringList added;
    for (const QString& file : after) {
        if (!before.contains(file) && file != QStringLiteral("index"))
            added.append(file);
    }
    return added.size() == 1 ? added.first() : QString();
}

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

} // namespace cachetest
