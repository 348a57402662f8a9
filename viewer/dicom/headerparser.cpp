#include "headerparser.h"

#include "frameparser.h"
#include "tags.h"

#include <cstring>

namespace fenestra::viewer::detail {

namespace {

PatientInfo parsePatient(const DataSetView& ds)
{
    return {ds.personName(tags::PatientName), ds.text(tags::PatientId),
            ds.text(tags::IssuerOfPatientId), ds.ascii(tags::PatientBirthDate),
            ds.ascii(tags::PatientSex)};
}

StudyInfo parseStudy(const DataSetView& ds)
{
    return {ds.ascii(tags::StudyInstanceUid), ds.ascii(tags::StudyDate),
            ds.ascii(tags::StudyTime),        ds.text(tags::StudyDescription),
            ds.text(tags::AccessionNumber),   ds.text(tags::StudyId)};
}

SeriesInfo parseSeries(const DataSetView& ds)
{
    SeriesInfo series;
    series.instanceUid = ds.ascii(tags::SeriesInstanceUid);
    series.modality = ds.ascii(tags::Modality);
    series.description = ds.text(tags::SeriesDescription);
    series.number = ds.integer(tags::SeriesNumber).value_or(0);
    series.frameOfReferenceUid = ds.ascii(tags::FrameOfReferenceUid);
    series.bodyPart = ds.text(tags::BodyPartExamined);
    series.laterality = ds.ascii(tags::ImageLaterality);
    if (series.laterality.isEmpty())
        series.laterality = ds.ascii(tags::Laterality);
    return series;
}

Result<PixelFormat> parseFormat(const DataSetView& ds)
{
    const auto rows = ds.integer(tags::Rows);
    const auto columns = ds.integer(tags::Columns);
    const auto bitsAllocated = ds.integer(tags::BitsAllocated);
    if (!rows || !columns || *rows <= 0 || *columns <= 0)
        return fail(ErrorCode::MissingAttribute, QStringLiteral("Rows or Columns missing"));
    if (!bitsAllocated)
        return fail(ErrorCode::MissingAttribute, QStringLiteral("Bits Allocated missing"));
    PixelFormat format;
    format.rows = *rows;
    format.columns = *columns;
    format.samplesPerPixel = ds.integer(tags::SamplesPerPixel).value_or(1);
    format.bitsAllocated = *bitsAllocated;
    format.bitsStored = ds.integer(tags::BitsStored).value_or(format.bitsAllocated);
    format.highBit = ds.integer(tags::HighBit).value_or(format.bitsStored - 1);
    format.isSigned = ds.integer(tags::PixelRepresentation).value_or(0) == 1;
    format.photometric = photometricFromString(ds.ascii(tags::PhotometricInterpretation));
    if (format.photometric == Photometric::Unknown && format.samplesPerPixel == 1)
        format.photometric = Photometric::Monochrome2; // absent in some old files
    if (format.bitsStored <= 0 || format.bitsStored > format.bitsAllocated)
        format.bitsStored = format.bitsAllocated;
    return format;
}

// Reads a LUT's data as 16-bit entries; 8-bit tables may be packed two per word.
std::vector<quint16> lutEntries(const QByteArray& data, int count, int bits)
{
    std::vector<quint16> entries;
    const auto bytes = static_cast<std::size_t>(data.size());
    const auto wanted = static_cast<std::size_t>(count);
    if (bits <= 8 && bytes == wanted) {
        for (std::size_t i = 0; i < wanted; ++i)
            entries.push_back(static_cast<quint8>(data[static_cast<qsizetype>(i)]));
        return entries;
    }
    const std::size_t words = std::min(bytes / 2, wanted);
    entries.resize(words);
    std::memcpy(entries.data(), data.constData(), words * 2);
    return entries;
}

// LUT Descriptor: entry count (0 means 65536), first mapped value, bits per entry.
struct LutDescriptor
{
    int count = 0;
    int firstMapped = 0;
    int bits = 16;
};

std::optional<LutDescriptor> parseDescriptor(const std::vector<double>& values, bool signedInput)
{
    if (values.size() < 3)
        return std::nullopt;
    LutDescriptor d;
    d.count = values[0] == 0.0 ? 65536 : static_cast<int>(values[0]);
    d.firstMapped = static_cast<int>(values[1]);
    if (signedInput && d.firstMapped > 32767)
        d.firstMapped -= 65536;
    d.bits = static_cast<int>(values[2]);
    return d;
}

std::shared_ptr<const LookupTable> parseVoiLut(const DataSetView& ds, bool signedInput)
{
    const auto item = ds.firstItem(tags::VoiLutSequence);
    if (!item)
        return nullptr;
    const auto descriptor = parseDescriptor(item->numbers(tags::LutDescriptor), signedInput);
    if (!descriptor)
        return nullptr;
    auto lut = std::make_shared<LookupTable>();
    lut->firstMapped = descriptor->firstMapped;
    lut->bitsPerEntry = descriptor->bits;
    lut->entries = lutEntries(item->bytes(tags::LutData), descriptor->count, descriptor->bits);
    lut->explanation = item->text(tags::LutExplanation);
    return lut->entries.empty() ? nullptr : lut;
}

// Palette entries normalised to 16 bits.
std::vector<quint16> paletteChannel(const DataSetView& ds, const gdcm::Tag& descriptorTag,
                                    const gdcm::Tag& dataTag, int& firstMapped)
{
    const auto descriptor = parseDescriptor(ds.numbers(descriptorTag), false);
    if (!descriptor)
        return {};
    firstMapped = descriptor->firstMapped;
    std::vector<quint16> entries =
        lutEntries(ds.bytes(dataTag), descriptor->count, descriptor->bits);
    if (descriptor->bits <= 8) {
        for (quint16& entry : entries)
            entry = static_cast<quint16>((entry & 0xff) * 257);
    }
    return entries;
}

std::shared_ptr<const Palette> parsePalette(const DataSetView& ds)
{
    auto palette = std::make_shared<Palette>();
    int first = 0;
    palette->red = paletteChannel(ds, tags::RedPaletteDescriptor, tags::RedPaletteData, first);
    palette->green =
        paletteChannel(ds, tags::GreenPaletteDescriptor, tags::GreenPaletteData, first);
    palette->blue = paletteChannel(ds, tags::BluePaletteDescriptor, tags::BluePaletteData, first);
    palette->firstMapped = first;
    if (palette->red.empty() || palette->green.empty() || palette->blue.empty())
        return nullptr; // e.g. segmented palettes, which we do not expand
    return palette;
}

std::optional<PixelPadding> parsePadding(const DataSetView& ds)
{
    const auto value = ds.number(tags::PixelPaddingValue);
    if (!value)
        return std::nullopt;
    PixelPadding padding{*value, ds.number(tags::PixelPaddingRangeLimit)};
    return padding;
}

Technique parseTechnique(const DataSetView& ds)
{
    Technique t;
    t.kvp = ds.number(tags::Kvp);
    t.exposureMas = ds.number(tags::ExposureInMas);
    if (!t.exposureMas)
        t.exposureMas = ds.number(tags::Exposure);
    t.repetitionTimeMs = ds.number(tags::RepetitionTime);
    t.echoTimeMs = ds.number(tags::EchoTime);
    t.sliceThickness = ds.number(tags::SliceThickness);
    t.sliceLocation = ds.number(tags::SliceLocation);
    return t;
}

Result<void> parseImage(const DataSetView& ds, InstanceInfo& info)
{
    auto format = parseFormat(ds);
    if (!format)
        return std::unexpected(format.error());
    info.format = *format;
    // A Number of Frames that is present but no integer (pydicom's badVR.dcm: "1A") would
    // otherwise silently hide all frames but the first.
    const std::optional<int> frames = ds.integer(tags::NumberOfFrames);
    if (!frames && !ds.ascii(tags::NumberOfFrames).trimmed().isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("Number of Frames \"%1\" is no integer")
                                              .arg(ds.ascii(tags::NumberOfFrames)));
    info.numberOfFrames = std::max(1, frames.value_or(1));
    info.frames = parseFrames(ds, info.numberOfFrames);
    info.padding = parsePadding(ds);
    info.voiLut = parseVoiLut(ds, info.format.isSigned);
    if (info.format.photometric == Photometric::PaletteColor)
        info.palette = parsePalette(ds);
    info.frameTimeMs = ds.number(tags::FrameTime);
    info.recommendedFrameRate = ds.number(tags::RecommendedDisplayFrameRate);
    if (!info.recommendedFrameRate)
        info.recommendedFrameRate = ds.number(tags::CineRate);
    return {};
}

} // namespace

ObjectKind objectKindForSopClass(const QString& uid, bool hasPixelData)
{
    const QString prefix = QStringLiteral("1.2.840.10008.5.1.4.1.1.");
    if (uid == prefix + QStringLiteral("88.59"))
        return ObjectKind::KeyObjectSelection;
    if (uid.startsWith(prefix + QStringLiteral("88.")))
        return ObjectKind::StructuredReport;
    if (uid.startsWith(prefix + QStringLiteral("11.")))
        return ObjectKind::PresentationState;
    if (uid == prefix + QStringLiteral("481.3"))
        return ObjectKind::RtStructureSet;
    if (uid == prefix + QStringLiteral("481.5") || uid == prefix + QStringLiteral("481.8"))
        return ObjectKind::RtPlan;
    if (uid.startsWith(prefix + QStringLiteral("9.")))
        return ObjectKind::Waveform;
    if (uid.startsWith(prefix + QStringLiteral("104.")))
        return ObjectKind::EncapsulatedDocument;
    return hasPixelData ? ObjectKind::Image : ObjectKind::Other;
}

Result<InstanceInfo> parseInstance(const DataSetView& ds, const HeaderContext& context)
{
    InstanceInfo info;
    info.source = context.source;
    info.transferSyntaxUid = context.transferSyntaxUid;
    info.sopClassUid = ds.ascii(tags::SopClassUid);
    if (info.sopClassUid.isEmpty())
        info.sopClassUid = context.metaSopClassUid;
    info.sopInstanceUid = ds.ascii(tags::SopInstanceUid);
    if (info.sopInstanceUid.isEmpty())
        info.sopInstanceUid = context.metaSopInstanceUid;
    if (info.sopInstanceUid.isEmpty())
        return fail(ErrorCode::MissingAttribute, QStringLiteral("SOP Instance UID missing"));

    info.patient = parsePatient(ds);
    info.study = parseStudy(ds);
    info.series = parseSeries(ds);
    info.instanceNumber = ds.integer(tags::InstanceNumber).value_or(0);
    info.imageType = ds.ascii(tags::ImageType);
    info.technique = parseTechnique(ds);

    // A header read stops before Pixel Data and GDCM does not keep the skipped element, so an
    // object counts as an image when it has pixel data or the attributes that describe it.
    info.hasPixelData =
        ds.dataSet().FindDataElement(tags::PixelData) ||
        (ds.has(tags::Rows) && ds.has(tags::Columns) && ds.has(tags::BitsAllocated));
    info.kind = objectKindForSopClass(info.sopClassUid, info.hasPixelData);
    if (info.hasPixelData) {
        if (auto image = parseImage(ds, info); !image)
            return std::unexpected(image.error());
    }
    return info;
}

} // namespace fenestra::viewer::detail
