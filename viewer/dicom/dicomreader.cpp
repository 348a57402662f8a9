#include "dicomreader.h"

#include "core/charset.h"
#include "datasetview.h"
#include "headerparser.h"
#include "jsondataset.h"
#include "part10probe.h"
#include "pixeldecoder.h"
#include "tags.h"

#include <QFile>
#include <QFileInfo>

#include <gdcmReader.h>
#include <gdcmTrace.h>

#include <exception>
#include <mutex>
#include <spanstream>

namespace fenestra::viewer {

namespace {

using detail::Part10Probe;

constexpr qint64 kProbeBytes = 64 * 1024;

void silenceGdcm()
{
    static std::once_flag once;
    std::call_once(once, [] {
        gdcm::Trace::SetDebug(false);
        gdcm::Trace::SetWarning(false);
        gdcm::Trace::SetError(false);
    });
}

Result<QByteArray> readBytes(const DicomSource& source, qint64 limit)
{
    if (!source.bytes.isEmpty() || source.path.isEmpty())
        return limit < 0 ? source.bytes : source.bytes.left(limit);
    QFile file(source.path);
    if (!file.exists())
        return fail(ErrorCode::FileNotFound, source.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, file.errorString());
    QByteArray bytes = limit < 0 ? file.readAll() : file.read(limit);
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::FileUnreadable, file.errorString());
    return bytes;
}

// A minimal file meta information group declaring `transferSyntax`, for data sets that come
// without one (raw data sets) or with one GDCM cannot read (HTJ2K: the data set itself is
// explicit VR little endian, which is what we declare).
QByteArray syntheticMeta(const QByteArray& transferSyntax)
{
    QByteArray uid = transferSyntax;
    if (uid.size() % 2 != 0)
        uid.append('\0');
    QByteArray group;
    auto put16 = [&group](quint16 v) { group.append(reinterpret_cast<const char*>(&v), 2); };
    auto put32 = [&group](quint32 v) { group.append(reinterpret_cast<const char*>(&v), 4); };
    put16(0x0002);
    put16(0x0001);
    group.append("OB");
    put16(0);
    put32(2);
    put16(0x0100);
    put16(0x0002);
    put16(0x0010);
    group.append("UI");
    put16(static_cast<quint16>(uid.size()));
    group.append(uid);
    QByteArray meta(128, '\0');
    meta.append("DICM");
    const auto groupSize = static_cast<quint32>(group.size());
    meta.append("\x02\x00\x00\x00UL\x04\x00", 8);
    meta.append(reinterpret_cast<const char*>(&groupSize), 4);
    meta.append(group);
    return meta;
}

// Guesses the encoding of a raw data set from its first element.
QByteArray guessRawTransferSyntax(const QByteArray& head)
{
    const bool explicitVr =
        head.size() >= 6 && head[4] >= 'A' && head[4] <= 'Z' && head[5] >= 'A' && head[5] <= 'Z';
    const bool bigEndian = head.size() >= 2 && head[0] == '\0' && head[1] != '\0';
    if (bigEndian)
        return "1.2.840.10008.1.2.2";
    return explicitVr ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2";
}

// The bytes GDCM should parse, when they must differ from the file on disk.
struct Prepared
{
    Part10Probe probe;
    QByteArray bytes; // empty: let GDCM read source.path itself
    bool useBytes = false;
};

Result<Prepared> prepare(const DicomSource& source)
{
    auto head = readBytes(source, kProbeBytes);
    if (!head)
        return std::unexpected(head.error());
    if (head->isEmpty())
        return fail(ErrorCode::NotDicom, QStringLiteral("empty file"));
    auto probe = detail::probePart10(*head);
    if (!probe)
        return std::unexpected(probe.error());
    // A media directory is no instance; GDCM 3.0.21 (built with assertions on Debian) aborts on
    // some of them, so it never sees one through this path.
    if (probe->sopClassUid == QLatin1String("1.2.840.10008.1.3.10"))
        return fail(ErrorCode::NotDicom,
                    QStringLiteral("a DICOMDIR media directory, not an object"));
    Prepared prepared{*probe, {}, !source.bytes.isEmpty()};
    const bool htj2k = detail::isHtj2kTransferSyntax(probe->transferSyntaxUid);
    if (probe->hasPreamble && !htj2k && !probe->transferSyntaxUid.isEmpty() &&
        gdcm::TransferSyntax::GetTSType(probe->transferSyntaxUid.toLatin1().constData()) ==
            gdcm::TransferSyntax::TS_END)
        return fail(ErrorCode::UnsupportedTransferSyntax, probe->transferSyntaxUid);
    if (probe->hasPreamble && !htj2k && !probe->transferSyntaxUid.isEmpty()) {
        if (prepared.useBytes)
            prepared.bytes = source.bytes;
        return prepared;
    }
    auto all = readBytes(source, -1);
    if (!all)
        return std::unexpected(all.error());
    const QByteArray dataSet = all->mid(probe->dataSetOffset);
    const QByteArray ts =
        htj2k ? QByteArray("1.2.840.10008.1.2.1") : guessRawTransferSyntax(dataSet);
    if (!htj2k)
        prepared.probe.transferSyntaxUid = QString::fromLatin1(ts);
    prepared.bytes = syntheticMeta(ts) + dataSet;
    prepared.useBytes = true;
    return prepared;
}

bool isDeflated(const Part10Probe& probe)
{
    return probe.transferSyntaxUid == QLatin1String("1.2.840.10008.1.2.1.99");
}

bool isBigEndian(const Part10Probe& probe)
{
    return probe.transferSyntaxUid == QLatin1String("1.2.840.10008.1.2.2");
}

Error diagnoseParseFailure(const Prepared& prepared, const DicomSource& source)
{
    if (isDeflated(prepared.probe) || isBigEndian(prepared.probe)) // not walkable as plain LE
        return {ErrorCode::Malformed, QStringLiteral("the data set cannot be parsed")};
    QByteArray bytes =
        prepared.useBytes ? prepared.bytes : readBytes(source, -1).value_or(QByteArray());
    auto probe = detail::probePart10(bytes);
    const qsizetype offset = probe ? probe->dataSetOffset : 0;
    const bool explicitVr = prepared.probe.transferSyntaxUid != QLatin1String("1.2.840.10008.1.2");
    if (auto problem = detail::findTruncation(bytes.mid(offset), explicitVr))
        return {ErrorCode::Truncated, *problem};
    return {ErrorCode::Malformed, QStringLiteral("the data set cannot be parsed")};
}

// Runs GDCM's reader on the prepared bytes or file; `full` reads the pixel data too.
Result<void> runReader(gdcm::Reader& reader, const Prepared& prepared, const DicomSource& source,
                       bool full, std::ispanstream& stream)
{
    silenceGdcm();
    if (prepared.useBytes)
        reader.SetStream(stream);
    else
        reader.SetFileName(QFile::encodeName(source.path).constData());
    bool ok = false;
    try {
        // GDCM cannot stop early inside a deflated data set: read it whole.
        ok = full || isDeflated(prepared.probe)
                 ? reader.Read()
                 : reader.ReadUpToTag(tags::PixelData, {tags::PixelData});
    } catch (const std::exception& e) {
        return fail(ErrorCode::Malformed, QString::fromLocal8Bit(e.what()));
    }
    if (!ok)
        return std::unexpected(diagnoseParseFailure(prepared, source));
    return {};
}

struct Parsed
{
    gdcm::Reader reader;
    InstanceInfo info;
};

// GDCM accepts a file cut inside its pixel data (it warns and pads), so before decoding, the
// element lengths are checked against the bytes really present. Only little endian, not
// deflated, data sets can be walked this way.
Result<void> checkComplete(const DicomSource& source, const Part10Probe& probe,
                           std::optional<quint32>& pixelDataLength)
{
    if (isDeflated(probe) || isBigEndian(probe))
        return {};
    const QString& ts = probe.transferSyntaxUid;
    QByteArray bytes = source.bytes;
    QFile file(source.path);
    if (bytes.isEmpty()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::FileUnreadable, file.errorString());
        uchar* mapped = file.map(0, file.size());
        if (mapped == nullptr)
            return {};
        bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), file.size());
    }
    const bool explicitVr = ts != QLatin1String("1.2.840.10008.1.2");
    if (auto problem =
            detail::findTruncation(bytes.mid(probe.dataSetOffset), explicitVr, &pixelDataLength))
        return fail(ErrorCode::Truncated, *problem);
    return {};
}

Result<void> parse(const DicomSource& source, bool full, Parsed& parsed)
{
    auto prepared = prepare(source);
    if (!prepared)
        return std::unexpected(prepared.error());
    // Also for header reads: a scan must report a cut file, not list it as fine. The walk
    // touches element headers only (the file is mapped, pixel data skipped by its length).
    std::optional<quint32> pixelDataLength;
    if (auto complete = checkComplete(source, prepared->probe, pixelDataLength); !complete)
        return complete;
    std::ispanstream stream(std::span<const char>(
        prepared->bytes.constData(), static_cast<std::size_t>(prepared->bytes.size())));
    if (auto ok = runReader(parsed.reader, *prepared, source, full, stream); !ok)
        return ok;
    const gdcm::DataSet& dataSet = parsed.reader.GetFile().GetDataSet();
    const QStringList charsets =
        parseSpecificCharacterSet(detail::DataSetView(dataSet, {}).raw(tags::SpecificCharacterSet));
    QString ts = prepared->probe.transferSyntaxUid;
    if (ts.isEmpty() || !detail::isHtj2kTransferSyntax(ts)) {
        const char* gdcmTs =
            parsed.reader.GetFile().GetHeader().GetDataSetTransferSyntax().GetString();
        if (gdcmTs != nullptr)
            ts = QString::fromLatin1(gdcmTs);
    }
    detail::HeaderContext context{source.name, ts, prepared->probe.sopClassUid,
                                  prepared->probe.sopInstanceUid};
    auto info = detail::parseInstance(detail::DataSetView(dataSet, charsets), context);
    if (!info)
        return std::unexpected(info.error());
    // A native pixel data element too short for the frames the header describes.
    if (pixelDataLength && info->hasPixelData && !detail::isHtj2kTransferSyntax(ts)) {
        const std::size_t need = detail::nativePixelBytes(*info);
        if (need > 0 && *pixelDataLength < need)
            return fail(
                ErrorCode::Truncated,
                QStringLiteral("pixel data holds %1 of %2 bytes").arg(*pixelDataLength).arg(need));
    }
    parsed.info = std::move(*info);
    return {};
}

} // namespace

Result<InstanceInfo> readDicomHeader(const DicomSource& source)
{
    Parsed parsed;
    if (auto ok = parse(source, false, parsed); !ok)
        return std::unexpected(ok.error());
    return std::move(parsed.info);
}

Result<InstanceInfo> readDicomJsonHeader(const QJsonObject& object, const QString& name)
{
    auto dataSet = detail::dataSetFromDicomJson(object);
    if (!dataSet)
        return std::unexpected(dataSet.error());
    const QStringList charsets = parseSpecificCharacterSet(
        detail::DataSetView(*dataSet, {}).raw(tags::SpecificCharacterSet));
    const detail::DataSetView view(*dataSet, charsets);
    const QString ts = view.ascii(gdcm::Tag(0x0002, 0x0010));
    return detail::parseInstance(view, detail::HeaderContext{name, ts, {}, {}});
}

Result<PixelBuffer> decodeDicomPixels(const DicomSource& source)
{
    Parsed parsed;
    if (auto ok = parse(source, true, parsed); !ok)
        return std::unexpected(ok.error());
    if (!parsed.info.hasPixelData)
        return fail(ErrorCode::NoPixelData, objectKindToString(parsed.info.kind));
    try {
        return detail::decodePixelData(parsed.reader.GetFile().GetDataSet(), parsed.info);
    } catch (const std::exception& e) {
        return fail(ErrorCode::DecodeFailed, QString::fromLocal8Bit(e.what()));
    }
}

} // namespace fenestra::viewer
