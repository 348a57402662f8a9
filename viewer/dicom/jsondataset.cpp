#include "jsondataset.h"

#include <QJsonArray>

#include <gdcmDataElement.h>
#include <gdcmSequenceOfItems.h>

#include <cstring>

namespace fenestra::viewer::detail {

namespace {

constexpr int kMaxDepth = 16; // nesting allowed in sequences; deeper input is malformed

Result<gdcm::DataSet> parseObject(const QJsonObject& object, int depth);

std::optional<gdcm::Tag> parseTag(const QString& key)
{
    bool ok = false;
    const uint value = key.toUInt(&ok, 16);
    if (!ok || key.size() != 8)
        return std::nullopt;
    return gdcm::Tag(static_cast<uint16_t>(value >> 16), static_cast<uint16_t>(value & 0xffff));
}

QString personName(const QJsonValue& value)
{
    if (!value.isObject())
        return value.toString();
    const QJsonObject pn = value.toObject();
    QStringList groups{pn.value(QLatin1String("Alphabetic")).toString(),
                       pn.value(QLatin1String("Ideographic")).toString(),
                       pn.value(QLatin1String("Phonetic")).toString()};
    while (!groups.isEmpty() && groups.last().isEmpty())
        groups.removeLast();
    return groups.join(QLatin1Char('='));
}

QString textValue(const QJsonValue& value, gdcm::VR vr)
{
    if (vr == gdcm::VR::PN)
        return personName(value);
    if (value.isDouble()) {
        const double d = value.toDouble();
        return vr == gdcm::VR::IS ? QString::number(static_cast<qint64>(d))
                                  : QString::number(d, 'g', 16);
    }
    return value.toString();
}

template <typename T> QByteArray binaryValues(const QJsonArray& values)
{
    QByteArray bytes;
    bytes.reserve(values.size() * static_cast<qsizetype>(sizeof(T)));
    for (const QJsonValue& v : values) {
        const T number = static_cast<T>(v.toDouble());
        bytes.append(reinterpret_cast<const char*>(&number), sizeof(T));
    }
    return bytes;
}

std::optional<QByteArray> encodeBinary(const QJsonArray& values, gdcm::VR vr)
{
    switch (vr) {
    case gdcm::VR::US:
        return binaryValues<quint16>(values);
    case gdcm::VR::SS:
        return binaryValues<qint16>(values);
    case gdcm::VR::UL:
        return binaryValues<quint32>(values);
    case gdcm::VR::SL:
        return binaryValues<qint32>(values);
    case gdcm::VR::FL:
        return binaryValues<float>(values);
    case gdcm::VR::FD:
        return binaryValues<double>(values);
    default:
        return std::nullopt;
    }
}

QByteArray encodeText(const QJsonArray& values, gdcm::VR vr)
{
    QStringList parts;
    for (const QJsonValue& v : values)
        parts.append(textValue(v, vr));
    QByteArray bytes = parts.join(QLatin1Char('\\')).toUtf8();
    if (bytes.size() % 2 != 0)
        bytes.append(vr == gdcm::VR::UI ? '\0' : ' ');
    return bytes;
}

Result<gdcm::SmartPointer<gdcm::SequenceOfItems>> parseSequence(const QJsonArray& items, int depth)
{
    gdcm::SmartPointer<gdcm::SequenceOfItems> sequence = new gdcm::SequenceOfItems;
    sequence->SetLengthToUndefined();
    for (const QJsonValue& itemValue : items) {
        auto nested = parseObject(itemValue.toObject(), depth + 1);
        if (!nested)
            return std::unexpected(nested.error());
        gdcm::Item item;
        item.SetVLToUndefined();
        item.SetNestedDataSet(*nested);
        sequence->AddItem(item);
    }
    return sequence;
}

Result<gdcm::DataElement> parseElement(const gdcm::Tag& tag, const QJsonObject& json, int depth)
{
    const gdcm::VR vr = gdcm::VR::GetVRType(json.value(QLatin1String("vr")).toString().toLatin1());
    if (vr == gdcm::VR::INVALID || vr == gdcm::VR::VR_END)
        return fail(ErrorCode::Malformed, QStringLiteral("DICOM JSON: unknown VR"));
    gdcm::DataElement element(tag);
    element.SetVR(vr);
    const QJsonArray values = json.value(QLatin1String("Value")).toArray();
    if (vr == gdcm::VR::SQ) {
        auto sequence = parseSequence(values, depth);
        if (!sequence)
            return std::unexpected(sequence.error());
        element.SetValue(**sequence);
        element.SetVLToUndefined();
        return element;
    }
    QByteArray bytes;
    if (json.contains(QLatin1String("InlineBinary")))
        bytes =
            QByteArray::fromBase64(json.value(QLatin1String("InlineBinary")).toString().toLatin1());
    else if (auto binary = encodeBinary(values, vr))
        bytes = *binary;
    else if (!(vr & gdcm::VR::VRBINARY))
        bytes = encodeText(values, vr);
    // Bulk data and other binary VRs without inline bytes stay empty: present, value to come.
    element.SetByteValue(bytes.constData(), static_cast<uint32_t>(bytes.size()));
    return element;
}

Result<gdcm::DataSet> parseObject(const QJsonObject& object, int depth)
{
    if (depth > kMaxDepth)
        return fail(ErrorCode::Malformed, QStringLiteral("DICOM JSON: sequences nested too deep"));
    gdcm::DataSet dataSet;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto tag = parseTag(it.key());
        if (!tag || !it.value().isObject())
            return fail(ErrorCode::Malformed,
                        QStringLiteral("DICOM JSON: bad tag %1").arg(it.key()));
        if (tag->GetGroup() == 0x0008 && tag->GetElement() == 0x0005)
            continue; // replaced below: JSON text is always UTF-8
        auto element = parseElement(*tag, it.value().toObject(), depth);
        if (!element)
            return std::unexpected(element.error());
        dataSet.Insert(*element);
    }
    if (depth == 0) {
        gdcm::DataElement charset(gdcm::Tag(0x0008, 0x0005));
        charset.SetVR(gdcm::VR::CS);
        charset.SetByteValue("ISO_IR 192", 10);
        dataSet.Insert(charset);
    }
    return dataSet;
}

} // namespace

Result<gdcm::DataSet> dataSetFromDicomJson(const QJsonObject& object)
{
    try {
        return parseObject(object, 0);
    } catch (const std::exception& e) {
        return fail(ErrorCode::Malformed, QString::fromLocal8Bit(e.what()));
    }
}

} // namespace fenestra::viewer::detail
