#include "datasetview.h"

#include "core/charset.h"

#include <gdcmDict.h>
#include <gdcmDicts.h>
#include <gdcmGlobal.h>
#include <gdcmSequenceOfItems.h>

#include <cstring>

namespace fenestra::viewer::detail {

namespace {

gdcm::VR effectiveVr(const gdcm::DataElement& element)
{
    const gdcm::VR vr = element.GetVR();
    if (vr != gdcm::VR::INVALID && vr != gdcm::VR::UN)
        return vr;
    // Implicit VR: ask the dictionary.
    static const gdcm::Dicts& dicts = gdcm::Global::GetInstance().GetDicts();
    const gdcm::DictEntry& entry = dicts.GetDictEntry(element.GetTag());
    return entry.GetVR();
}

template <class T> void appendBinary(const QByteArray& bytes, std::vector<double>& out)
{
    const std::size_t count = static_cast<std::size_t>(bytes.size()) / sizeof(T);
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        T value;
        std::memcpy(&value, bytes.constData() + i * sizeof(T), sizeof(T));
        out.push_back(static_cast<double>(value));
    }
}

void appendText(const QByteArray& text, std::vector<double>& out)
{
    for (const QByteArray& part : text.split('\\')) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (ok)
            out.push_back(value);
    }
}

} // namespace

bool DataSetView::has(const gdcm::Tag& tag) const
{
    return m_dataSet.FindDataElement(tag) && !m_dataSet.GetDataElement(tag).IsEmpty();
}

QByteArray DataSetView::bytes(const gdcm::Tag& tag) const
{
    if (!m_dataSet.FindDataElement(tag))
        return {};
    const gdcm::ByteValue* value = m_dataSet.GetDataElement(tag).GetByteValue();
    if (value == nullptr || value->GetPointer() == nullptr)
        return {};
    return {value->GetPointer(), static_cast<qsizetype>(value->GetLength())};
}

QByteArray DataSetView::raw(const gdcm::Tag& tag) const
{
    QByteArray value = bytes(tag);
    qsizetype end = value.size();
    while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == '\0'))
        --end;
    value.truncate(end);
    return value;
}

QString DataSetView::text(const gdcm::Tag& tag) const
{
    return decodeDicomText(raw(tag), m_characterSets, TextVr::Text).trimmed();
}

QString DataSetView::personName(const gdcm::Tag& tag) const
{
    return decodeDicomText(raw(tag), m_characterSets, TextVr::PersonName).trimmed();
}

QString DataSetView::ascii(const gdcm::Tag& tag) const
{
    return QString::fromLatin1(raw(tag)).trimmed();
}

std::vector<double> DataSetView::numbers(const gdcm::Tag& tag) const
{
    std::vector<double> out;
    if (!m_dataSet.FindDataElement(tag))
        return out;
    const gdcm::DataElement& element = m_dataSet.GetDataElement(tag);
    const QByteArray value = bytes(tag);
    switch (effectiveVr(element)) {
    case gdcm::VR::US:
        appendBinary<quint16>(value, out);
        break;
    case gdcm::VR::SS:
        appendBinary<qint16>(value, out);
        break;
    case gdcm::VR::UL:
        appendBinary<quint32>(value, out);
        break;
    case gdcm::VR::SL:
        appendBinary<qint32>(value, out);
        break;
    case gdcm::VR::FL:
        appendBinary<float>(value, out);
        break;
    case gdcm::VR::FD:
        appendBinary<double>(value, out);
        break;
    default:
        appendText(value, out);
        break;
    }
    return out;
}

std::optional<double> DataSetView::number(const gdcm::Tag& tag, std::size_t index) const
{
    const std::vector<double> values = numbers(tag);
    if (index >= values.size())
        return std::nullopt;
    return values[index];
}

std::optional<int> DataSetView::integer(const gdcm::Tag& tag) const
{
    const std::optional<double> value = number(tag);
    if (!value)
        return std::nullopt;
    return static_cast<int>(*value);
}

std::vector<DataSetView> DataSetView::items(const gdcm::Tag& tag) const
{
    std::vector<DataSetView> out;
    if (!m_dataSet.FindDataElement(tag))
        return out;
    gdcm::SmartPointer<gdcm::SequenceOfItems> sequence =
        m_dataSet.GetDataElement(tag).GetValueAsSQ();
    if (!sequence)
        return out;
    // GetValueAsSQ may parse a UN element into a new sequence: each view shares ownership.
    for (gdcm::SequenceOfItems::SizeType i = 1; i <= sequence->GetNumberOfItems(); ++i)
        out.emplace_back(sequence->GetItem(i).GetNestedDataSet(), m_characterSets, sequence);
    return out;
}

std::optional<DataSetView> DataSetView::firstItem(const gdcm::Tag& tag) const
{
    std::vector<DataSetView> all = items(tag);
    if (all.empty())
        return std::nullopt;
    return all.front();
}

} // namespace fenestra::viewer::detail
