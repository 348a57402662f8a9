#pragma once

#include "core/neterrors.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace fenestra::net::audit {

// The local audit trail: a tamper-evident, append-only log of the audit messages (the XML of
// auditmessage.h), kept in the application's data folder.
//
// On disk (audit.log), one record per line, in JSON:
//   {"seq":N,"time":"<UTC, ms>","xml":"<base64 of the sealed XML>","prev":"<hex>","hash":"<hex>"}
// seq counts from 1 without gaps; hash = SHA-256(prev || canonical record), where the canonical
// record is the bytes "fenestra-audit-1\n<seq>\n<time>\n<xml field>", and prev is the hash of
// the record before (32 zero bytes for the first). Each record is written with one write and
// an fsync before append() returns. Next to it, audit.head holds the last sequence and hash
// under an HMAC, rewritten (atomically, fsync) after each append: it is what reveals records
// cut off the end of the log.
//
// Patient data at rest: the trail holds patient IDs and names by nature, and imaging data is a
// prime target, so the XML is ENCRYPTED (AES-256-GCM, a random nonce per record, the key a
// subkey of the caller's 32-byte master key: the application gives the keyring-backed key, as
// for the cache). The sequence, time and prev hash are the GCM additional data, so a record
// cannot be moved, re-dated or re-chained without the key: an attacker who rewrites a record
// and recomputes every SHA-256 after it is still caught by the tag. The files are also made
// owner-only (0600). Sequence numbers and times stay in clear: they are not patient data, and
// the chain can be checked for gaps without decrypting.
//
// What verification cannot see: a rollback of the log AND its head to an earlier consistent
// state (both files replaced by an old copy). The syslog collector, which received every
// record, is the outside witness for that.
//
// Thread contract: every member may be called from any thread (an internal mutex serialises
// them); one AuditLog per folder in the whole machine.
class AuditLog
{
public:
    struct Record
    {
        qint64 sequence = 0;
        QDateTime time; // UTC
        QByteArray xml; // decrypted
    };

    enum class BreakKind
    {
        Edited,       // the record's content, time, hash or link does not verify
        Missing,      // the record is absent (deleted), the next ones follow
        Reordered,    // the record is somewhere else in the file
        Truncated,    // the file ends inside this record, or before it when the head names it
        Malformed,    // the line is not a record at all
        HeadMismatch, // audit.head is not ours or disagrees with the log
    };

    struct Break
    {
        qint64 sequence = 0; // the first record that fails
        BreakKind kind = BreakKind::Edited;
        QString detail; // English, for logs: sequence numbers only, never the content
    };

    struct Report
    {
        qint64 verifiedRecords = 0; // records that verified, from the first, before any break
        std::optional<Break> firstBreak;
        bool intact() const { return !firstBreak; }
    };

    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Opens (creating the folder and files when needed) the trail in `directory` and verifies
    // it. masterKey: 32 bytes (CryptoFailure otherwise). A trail that does not verify is never
    // appended to: AuditLogCorrupt naming the first broken record (the caller keeps the files
    // for investigation and starts a new trail in another folder). AuditLogIoFailure when the
    // folder or files cannot be used.
    static Result<std::unique_ptr<AuditLog>> open(const QString& directory,
                                                  const QByteArray& masterKey);

    // Appends one message; its sequence number once it is on disk (fsync done). The time is
    // stored in UTC with millisecond precision.
    Result<qint64> append(const QByteArray& xml, const QDateTime& time);

    // Reads and checks the whole trail; an I/O failure is an error, a broken chain is a report.
    Result<Report> verify() const;

    // Up to maxCount decrypted records after `sequence`, in order (for the syslog sender).
    // AuditLogCorrupt when one of them does not verify.
    Result<QList<Record>> recordsAfter(qint64 sequence, qsizetype maxCount) const;

    qint64 lastSequence() const;
    // The hash of a record (hex), empty when it does not exist: lets a reader (the sender's
    // state) recognise the very trail it was reading.
    QByteArray hashOf(qint64 sequence) const;
    QString directory() const { return m_directory; }
    QString logFile() const;
    QString headFile() const;

private:
    AuditLog(QString directory, QByteArray encryptionKey, QByteArray macKey);

    struct Scan;
    // Reads the log: every record's hash and link, the GCM tag of those after openAfter, and
    // the plaintext of those in (openAfter, keepUntil].
    Result<Scan> scan(qint64 openAfter, qint64 keepUntil) const;
    Result<void> writeHead(qint64 sequence, const QByteArray& hash);

    QString m_directory;
    QByteArray m_encryptionKey;
    QByteArray m_macKey;
    mutable QMutex m_mutex;
    qint64 m_lastSequence = 0;
    QByteArray m_lastHash;      // hex
    QList<QByteArray> m_hashes; // hex, index = sequence - 1
};

// "edited", "missing", ... for messages and tests.
const char* breakKindName(AuditLog::BreakKind kind);

} // namespace fenestra::net::audit
