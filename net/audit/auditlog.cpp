#include "auditlog.h"

#include "cache/cachecrypto.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>

#include <unistd.h>

namespace fenestra::net::audit {

Q_LOGGING_CATEGORY(lcAudit, "fenestra.net.audit")

namespace {

namespace crypto = cachecrypto;

const QString kLogName = QStringLiteral("audit.log");
const QString kHeadName = QStringLiteral("audit.head");
constexpr QByteArrayView kMagic = "FAL1";
constexpr QByteArrayView kDomain = "fenestra-audit-1\n";
constexpr qsizetype kHashSize = 32;
const QByteArray kGenesis = QByteArray(kHashSize, '\0').toHex();

constexpr auto kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

// One line of the log, parsed but not yet checked.
struct Line
{
    qint64 sequence = 0;
    QByteArray time; // as stored
    QByteArray xml;  // base64, as stored
    QByteArray prev; // hex
    QByteArray hash; // hex
};

QByteArray canonical(qint64 sequence, const QByteArray& time, const QByteArray& xmlField)
{
    return kDomain.toByteArray() + QByteArray::number(sequence) + '\n' + time + '\n' + xmlField;
}

QByteArray chainHash(QByteArrayView prevHex, QByteArrayView canonicalRecord)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(QByteArray::fromHex(prevHex.toByteArray()));
    sha.addData(canonicalRecord);
    return sha.result().toHex();
}

// Binds the ciphertext to its place in the chain and to its time.
QByteArray additionalData(qint64 sequence, const QByteArray& time, const QByteArray& prevHex)
{
    return kDomain.toByteArray() + QByteArray::number(sequence) + '\n' + time + '\n' + prevHex;
}

bool isHex(const QByteArray& value)
{
    if (value.size() != 2 * kHashSize)
        return false;
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<Line> parseLine(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    if (o.size() != 5 || !o.value(QLatin1String("seq")).isDouble())
        return std::nullopt;
    Line line;
    line.sequence = qint64(o.value(QLatin1String("seq")).toDouble());
    line.time = o.value(QLatin1String("time")).toString().toLatin1();
    line.xml = o.value(QLatin1String("xml")).toString().toLatin1();
    line.prev = o.value(QLatin1String("prev")).toString().toLatin1();
    line.hash = o.value(QLatin1String("hash")).toString().toLatin1();
    if (line.sequence < 1 || line.time.isEmpty() || line.xml.isEmpty() || !isHex(line.prev) ||
        !isHex(line.hash))
        return std::nullopt;
    return line;
}

QByteArray formatLine(const Line& l)
{
    return "{\"seq\":" + QByteArray::number(l.sequence) + ",\"time\":\"" + l.time +
           "\",\"xml\":\"" + l.xml + "\",\"prev\":\"" + l.prev + "\",\"hash\":\"" + l.hash +
           "\"}\n";
}

QByteArray headMac(QByteArrayView macKey, qint64 sequence, const QByteArray& hash)
{
    return crypto::hmacSha256(macKey, "head\n" + QByteArray::number(sequence) + '\n' + hash)
        .toHex();
}

std::unexpected<Error> ioFailure(const QFileDevice& file)
{
    return fail(ErrorCode::AuditLogIoFailure,
                QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
}

AuditLog::Break makeBreak(qint64 sequence, AuditLog::BreakKind kind)
{
    return {sequence, kind,
            QStringLiteral("record %1: %2").arg(sequence).arg(QLatin1String(breakKindName(kind)))};
}

} // namespace

// The result of reading the whole log: hashes of the records that verified, and the first
// break if any.
struct AuditLog::Scan
{
    QList<QByteArray> hashes;
    QList<Record> records; // decrypted, when asked
    std::optional<Break> firstBreak;
};

const char* breakKindName(AuditLog::BreakKind kind)
{
    switch (kind) {
    case AuditLog::BreakKind::Edited:
        return "edited";
    case AuditLog::BreakKind::Missing:
        return "missing";
    case AuditLog::BreakKind::Reordered:
        return "reordered";
    case AuditLog::BreakKind::Truncated:
        return "truncated";
    case AuditLog::BreakKind::Malformed:
        return "malformed";
    case AuditLog::BreakKind::HeadMismatch:
        return "head mismatch";
    }
    return "unknown";
}

AuditLog::AuditLog(QString directory, QByteArray encryptionKey, QByteArray macKey)
    : m_directory(std::move(directory)), m_encryptionKey(std::move(encryptionKey)),
      m_macKey(std::move(macKey))
{}

AuditLog::~AuditLog()
{
    crypto::wipe(m_encryptionKey);
    crypto::wipe(m_macKey);
}

QString AuditLog::logFile() const
{
    return QDir(m_directory).filePath(kLogName);
}

QString AuditLog::headFile() const
{
    return QDir(m_directory).filePath(kHeadName);
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(const QString& directory,
                                                 const QByteArray& masterKey)
{
    if (masterKey.size() != crypto::kKeySize)
        return fail(ErrorCode::CryptoFailure, QStringLiteral("the audit key must be 32 bytes"));
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::AuditLogIoFailure,
                    QStringLiteral("cannot create the folder %1").arg(directory));
    QFile::setPermissions(directory, kOwnerOnly | QFile::ExeOwner);
    std::unique_ptr<AuditLog> log(
        new AuditLog(directory, crypto::deriveKey(masterKey, "fenestra audit log encryption"),
                     crypto::deriveKey(masterKey, "fenestra audit log head")));
    const auto scanned = log->scan(0, 0);
    if (!scanned)
        return std::unexpected(scanned.error());
    if (scanned->firstBreak) {
        qCWarning(lcAudit).noquote()
            << "audit trail does not verify:" << scanned->firstBreak->detail;
        return fail(ErrorCode::AuditLogCorrupt, scanned->firstBreak->detail);
    }
    log->m_hashes = scanned->hashes;
    log->m_lastSequence = log->m_hashes.size();
    log->m_lastHash = log->m_hashes.isEmpty() ? kGenesis : log->m_hashes.last();
    return log;
}

Result<qint64> AuditLog::append(const QByteArray& xml, const QDateTime& time)
{
    QMutexLocker lock(&m_mutex);
    Line line;
    line.sequence = m_lastSequence + 1;
    line.time = time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    line.prev = m_lastHash;
    QBuffer sealed;
    sealed.open(QIODevice::WriteOnly);
    if (auto ok = crypto::seal(sealed, m_encryptionKey, kMagic,
                               additionalData(line.sequence, line.time, line.prev), xml);
        !ok)
        return std::unexpected(ok.error());
    line.xml = sealed.data().toBase64();
    line.hash = chainHash(line.prev, canonical(line.sequence, line.time, line.xml));

    QFile file(logFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return ioFailure(file);
    file.setPermissions(kOwnerOnly);
    const QByteArray text = formatLine(line);
    if (file.write(text) != text.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return ioFailure(file);
    file.close();
    m_lastSequence = line.sequence;
    m_lastHash = line.hash;
    m_hashes.append(line.hash);
    if (auto ok = writeHead(line.sequence, line.hash); !ok)
        return std::unexpected(ok.error());
    return line.sequence;
}

Result<void> AuditLog::writeHead(qint64 sequence, const QByteArray& hash)
{
    QSaveFile file(headFile());
    if (!file.open(QIODevice::WriteOnly))
        return ioFailure(file);
    file.setPermissions(kOwnerOnly);
    const QJsonObject head{
        {QStringLiteral("seq"), sequence},
        {QStringLiteral("hash"), QString::fromLatin1(hash)},
        {QStringLiteral("mac"), QString::fromLatin1(headMac(m_macKey, sequence, hash))}};
    file.write(QJsonDocument(head).toJson(QJsonDocument::Compact));
    if (!file.commit()) // QSaveFile syncs before renaming over the old head
        return ioFailure(file);
    return {};
}

Result<AuditLog::Report> AuditLog::verify() const
{
    QMutexLocker lock(&m_mutex);
    const auto scanned = scan(0, 0);
    if (!scanned)
        return std::unexpected(scanned.error());
    if (scanned->firstBreak)
        qCWarning(lcAudit).noquote()
            << "audit trail does not verify:" << scanned->firstBreak->detail;
    return Report{scanned->hashes.size(), scanned->firstBreak};
}

Result<QList<AuditLog::Record>> AuditLog::recordsAfter(qint64 sequence, qsizetype maxCount) const
{
    QMutexLocker lock(&m_mutex);
    // Records up to `sequence` were checked when the log was opened: their hashes are enough.
    const auto scanned = scan(sequence, sequence + maxCount);
    if (!scanned)
        return std::unexpected(scanned.error());
    if (scanned->firstBreak)
        return fail(ErrorCode::AuditLogCorrupt, scanned->firstBreak->detail);
    return scanned->records;
}

qint64 AuditLog::lastSequence() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastSequence;
}

QByteArray AuditLog::hashOf(qint64 sequence) const
{
    QMutexLocker lock(&m_mutex);
    return sequence >= 1 && sequence <= m_hashes.size() ? m_hashes.at(sequence - 1) : QByteArray();
}

namespace {

// Checks one parsed line against the chain so far; the kind of break, if any.
std::optional<AuditLog::BreakKind> checkLine(const Line& line, const QByteArray& prev,
                                             QByteArrayView key, QByteArray* plain)
{
    if (line.prev != prev ||
        line.hash != chainHash(line.prev, canonical(line.sequence, line.time, line.xml)))
        return AuditLog::BreakKind::Edited;
    if (key.isEmpty()) // checked before: the hash chain is enough
        return std::nullopt;
    const QByteArray sealed = QByteArray::fromBase64(line.xml);
    auto opened =
        crypto::open(sealed, key, kMagic, additionalData(line.sequence, line.time, line.prev));
    if (!opened ||
        !QDateTime::fromString(QString::fromLatin1(line.time), Qt::ISODateWithMs).isValid())
        return AuditLog::BreakKind::Edited;
    *plain = std::move(*opened);
    return std::nullopt;
}

} // namespace

Result<AuditLog::Scan> AuditLog::scan(qint64 openAfter, qint64 keepUntil) const
{
    Scan out;
    QFile file(logFile());
    QByteArray data;
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return ioFailure(file);
        data = file.readAll();
    }
    const bool endsClean = data.isEmpty() || data.endsWith('\n');
    QList<QByteArray> texts = data.split('\n');
    if (endsClean)
        texts.removeLast();
    QList<std::optional<Line>> lines;
    QSet<qint64> present;
    for (const QByteArray& text : texts) {
        lines.append(parseLine(text));
        if (lines.last())
            present.insert(lines.last()->sequence);
    }
    QByteArray prev = kGenesis;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qint64 expected = i + 1;
        if (!lines[i]) {
            const bool cut = i == lines.size() - 1 && !endsClean;
            out.firstBreak = makeBreak(expected, cut ? BreakKind::Truncated : BreakKind::Malformed);
            return out;
        }
        const Line& line = *lines[i];
        if (line.sequence != expected) {
            out.firstBreak = makeBreak(expected, present.contains(expected) ? BreakKind::Reordered
                                                                            : BreakKind::Missing);
            return out;
        }
        QByteArray plain;
        if (const auto broken = checkLine(
                line, prev, expected > openAfter ? m_encryptionKey : QByteArray(), &plain)) {
            out.firstBreak = makeBreak(expected, *broken);
            return out;
        }
        if (expected > openAfter && expected <= keepUntil)
            out.records.append(
                Record{line.sequence,
                       QDateTime::fromString(QString::fromLatin1(line.time), Qt::ISODateWithMs),
                       std::move(plain)});
        out.hashes.append(line.hash);
        prev = line.hash;
    }
    // The head: records cut off the end, or a log swapped for another.
    QFile headFile(this->headFile());
    if (!headFile.exists())
        return out;
    if (!headFile.open(QIODevice::ReadOnly))
        return ioFailure(headFile);
    const QJsonObject head = QJsonDocument::fromJson(headFile.readAll()).object();
    const qint64 headSequence = qint64(head.value(QLatin1String("seq")).toDouble());
    const QByteArray headHash = head.value(QLatin1String("hash")).toString().toLatin1();
    if (headSequence < 1 || head.value(QLatin1String("mac")).toString().toLatin1() !=
                                headMac(m_macKey, headSequence, headHash)) {
        out.firstBreak = makeBreak(headSequence, BreakKind::HeadMismatch);
    } else if (headSequence > out.hashes.size()) {
        out.firstBreak = makeBreak(out.hashes.size() + 1, BreakKind::Truncated);
    } else if (out.hashes.at(headSequence - 1) != headHash) {
        out.firstBreak = makeBreak(headSequence, BreakKind::HeadMismatch);
    }
    return out;
}

} // namespace fenestra::net::audit
