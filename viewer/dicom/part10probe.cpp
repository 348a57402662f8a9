#include "part10probe.h"

#include <QtEndian>

#include <cstring>

namespace fenestra::viewer::detail {

namespace {

constexpr qsizetype kPreambleSize = 128;

quint16 u16(const QByteArray& b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}

quint32 u32(const QByteArray& b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

// VRs whose explicit encoding has a 2-byte reserved field and a 4-byte length.
bool hasLongLength(const char* vr)
{
    static constexpr const char* kLong[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ",
                                            "SV", "UC", "UN", "UR", "UT", "UV"};
    for (const char* candidate : kLong) {
        if (std::memcmp(vr, candidate, 2) == 0)
            return true;
    }
    return false;
}

bool isUpperAlpha(char c)
{
    return c >= 'A' && c <= 'Z';
}

QString uidValue(const QByteArray& b, qsizetype at, quint32 length)
{
    QByteArray value = b.mid(at, length);
    while (!value.isEmpty() && (value.endsWith('\0') || value.endsWith(' ')))
        value.chop(1);
    return QString::fromLatin1(value);
}

// A raw data set (no preamble) starts with a group 0002, 0008 or similar low group tag.
bool looksLikeRawDataSet(const QByteArray& head)
{
    if (head.size() < 8)
        return false;
    const quint16 groupLe = u16(head, 0);
    const quint16 groupBe = qFromBigEndian<quint16>(head.constData());
    const bool lowGroup = (groupLe >= 0x0002 && groupLe <= 0x0010 && groupLe % 2 == 0) ||
                          (groupBe >= 0x0002 && groupBe <= 0x0010 && groupBe % 2 == 0);
    return lowGroup;
}

} // namespace

bool isHtj2kTransferSyntax(const QString& uid)
{
    return uid == QLatin1String("1.2.840.10008.1.2.4.201") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.202") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.203");
}

Result<Part10Probe> probePart10(const QByteArray& head)
{
    Part10Probe probe;
    probe.hasPreamble = head.size() >= kPreambleSize + 4 &&
                        std::memcmp(head.constData() + kPreambleSize, "DICM", 4) == 0;
    if (!probe.hasPreamble) {
        if (!looksLikeRawDataSet(head))
            return fail(ErrorCode::NotDicom,
                        QStringLiteral("no DICM prefix and no recognisable data set"));
        return probe;
    }
    // File meta information: group 0002, always explicit VR little endian.
    qsizetype at = kPreambleSize + 4;
    while (at + 8 <= head.size() && u16(head, at) == 0x0002) {
        const quint16 element = u16(head, at + 2);
        const char* vr = head.constData() + at + 4;
        if (!isUpperAlpha(vr[0]) || !isUpperAlpha(vr[1]))
            return fail(ErrorCode::Malformed, QStringLiteral("file meta information is not "
                                                             "explicit VR"));
        quint32 length = 0;
        qsizetype valueAt = 0;
        if (hasLongLength(vr)) {
            if (at + 12 > head.size())
                break;
            length = u32(head, at + 8);
            valueAt = at + 12;
        } else {
            length = u16(head, at + 6);
            valueAt = at + 8;
        }
        if (element == 0x0010)
            probe.transferSyntaxUid = uidValue(head, valueAt, length);
        else if (element == 0x0002)
            probe.sopClassUid = uidValue(head, valueAt, length);
        else if (element == 0x0003)
            probe.sopInstanceUid = uidValue(head, valueAt, length);
        at = valueAt + static_cast<qsizetype>(length);
    }
    probe.dataSetOffset = at;
    return probe;
}

namespace {

struct Walker
{
    const QByteArray& bytes;
    bool explicitVr;
    std::optional<QString> problem;
    std::optional<quint32> pixelDataLength; // top level, defined length only

    static QString tagText(quint16 group, quint16 element)
    {
        return QStringLiteral("(%1,%2)")
            .arg(group, 4, 16, QLatin1Char('0'))
            .arg(element, 4, 16, QLatin1Char('0'))
            .toUpper();
    }

    void truncated(quint16 group, quint16 element, qint64 declared, qint64 remaining)
    {
        problem = QStringLiteral("element %1 declares %2 bytes, %3 remain")
                      .arg(tagText(group, element))
                      .arg(declared)
                      .arg(remaining);
    }

    // Walks elements from `at` until `end` or a delimiter; returns the position after it.
    qsizetype walk(qsizetype at, qsizetype end, int depth)
    {
        while (!problem && at < end) {
            if (at + 8 > end) {
                problem = QStringLiteral("data ends inside an element header");
                return end;
            }
            const quint16 group = u16(bytes, at);
            const quint16 element = u16(bytes, at + 2);
            if (group == 0xfffe) { // item or delimiter: always 4-byte length, no VR
                const quint32 length = u32(bytes, at + 4);
                at += 8;
                if (element == 0xe00d || element == 0xe0dd)
                    return at;
                if (element == 0xe000)
                    at = item(at, end, length, depth, group, element);
                continue;
            }
            at = dataElement(at, end, depth, group, element);
        }
        return at;
    }

    qsizetype item(qsizetype at, qsizetype end, quint32 length, int depth, quint16 group,
                   quint16 element)
    {
        if (length == 0xffffffffU)
            return walk(at, end, depth + 1);
        if (at + static_cast<qint64>(length) > end) {
            truncated(group, element, length, end - at);
            return end;
        }
        return at + static_cast<qsizetype>(length);
    }

    qsizetype dataElement(qsizetype at, qsizetype end, int depth, quint16 group, quint16 element)
    {
        quint32 length = 0;
        bool isSequenceLike = false;
        const char* vr = bytes.constData() + at + 4;
        const bool vrPresent = explicitVr && isUpperAlpha(vr[0]) && isUpperAlpha(vr[1]);
        if (vrPresent && hasLongLength(vr)) {
            if (at + 12 > end) {
                problem = QStringLiteral("data ends inside an element header");
                return end;
            }
            length = u32(bytes, at + 8);
            isSequenceLike = true;
            at += 12;
        } else if (vrPresent) {
            length = u16(bytes, at + 6);
            at += 8;
        } else {
            length = u32(bytes, at + 4);
            isSequenceLike = true;
            at += 8;
        }
        if (length == 0xffffffffU && isSequenceLike && depth < 32)
            return walk(at, end, depth + 1);
        if (depth == 0 && group == 0x7fe0 && element == 0x0010)
            pixelDataLength = length;
        if (at + static_cast<qint64>(length) > end) {
            truncated(group, element, length, end - at);
            return end;
        }
        return at + static_cast<qsizetype>(length);
    }
};

} // namespace

std::optional<QString> findTruncation(const QByteArray& dataSet, bool explicitVr,
                                      std::optional<quint32>* pixelDataLength)
{
    Walker walker{dataSet, explicitVr, std::nullopt, std::nullopt};
    walker.walk(0, dataSet.size(), 0);
    if (pixelDataLength != nullptr)
        *pixelDataLength = walker.pixelDataLength;
    return walker.problem;
}

} // namespace fenestra::viewer::detail
