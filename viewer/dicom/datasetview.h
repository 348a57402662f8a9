#pragma once

// Internal to viewer/dicom: read-only access to a GDCM data set in our own terms.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <gdcmDataSet.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmSmartPointer.h>
#include <gdcmTag.h>

#include <optional>
#include <vector>

namespace fenestra::viewer::detail {

// Reads attributes of one data set (or a sequence item) as raw bytes, decoded text and
// numbers. GDCM has already swapped binary values to native byte order while reading.
class DataSetView
{
public:
    DataSetView(const gdcm::DataSet& dataSet, QStringList characterSets,
                gdcm::SmartPointer<gdcm::SequenceOfItems> owner = {})
        : m_dataSet(dataSet), m_characterSets(std::move(characterSets)), m_owner(std::move(owner))
    {}

    bool has(const gdcm::Tag& tag) const;
    // Value bytes with trailing padding (space, NUL) removed; empty when absent.
    QByteArray raw(const gdcm::Tag& tag) const;
    // Raw value bytes as stored (no trimming); for binary attributes.
    QByteArray bytes(const gdcm::Tag& tag) const;
    // Text decoded per Specific Character Set, leading/trailing blanks trimmed.
    QString text(const gdcm::Tag& tag) const;
    QString personName(const gdcm::Tag& tag) const;
    // ASCII-only values (UIDs, CS, DA, TM): no character set decoding.
    QString ascii(const gdcm::Tag& tag) const;

    // Numbers of DS/IS (text) and US/SS/UL/SL/FL/FD (binary) attributes, by the element's VR or,
    // in implicit VR data sets, by the dictionary.
    std::vector<double> numbers(const gdcm::Tag& tag) const;
    std::optional<double> number(const gdcm::Tag& tag, std::size_t index = 0) const;
    std::optional<int> integer(const gdcm::Tag& tag) const;

    // Items of a sequence attribute; empty when absent or not a sequence.
    std::vector<DataSetView> items(const gdcm::Tag& tag) const;
    // The first item of a sequence, if any.
    std::optional<DataSetView> firstItem(const gdcm::Tag& tag) const;

    const QStringList& characterSets() const { return m_characterSets; }
    const gdcm::DataSet& dataSet() const { return m_dataSet; }

private:
    const gdcm::DataSet& m_dataSet;
    QStringList m_characterSets;
    // Keeps a sequence GDCM parsed on demand (from a UN element) alive as long as the items.
    gdcm::SmartPointer<gdcm::SequenceOfItems> m_owner;
};

} // namespace fenestra::viewer::detail
