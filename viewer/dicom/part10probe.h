#pragma once

// Internal to viewer/dicom: a first look at a file's bytes before GDCM parses it, so that
// garbage is refused clearly (NotDicom) and transfer syntaxes GDCM 3.0 does not know (HTJ2K)
// can still be read.

#include "core/errors.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fenestra::viewer::detail {

struct Part10Probe
{
    bool hasPreamble = false;    // "DICM" at offset 128
    qsizetype dataSetOffset = 0; // first byte after the file meta information
    QString transferSyntaxUid;   // from (0002,0010); empty without meta information
    QString sopClassUid;         // (0002,0002)
    QString sopInstanceUid;      // (0002,0003)
};

// Looks at the first bytes of a file (at least 132, ideally a few KiB). Fails with NotDicom when
// the bytes are neither a Part 10 file nor a plausible raw data set.
Result<Part10Probe> probePart10(const QByteArray& head);

// Walks the top-level elements of a data set (little endian, explicit or implicit VR) and
// reports where the bytes end too early: "element (7FE0,0010) declares 524288 bytes, 1200
// remain". Returns nothing when the structure is complete. `pixelDataLength` receives the
// declared length of a top-level, native (defined length) Pixel Data element.
std::optional<QString> findTruncation(const QByteArray& dataSet, bool explicitVr,
                                      std::optional<quint32>* pixelDataLength = nullptr);

// Transfer syntaxes GDCM 3.0 cannot read, but we decode ourselves (HTJ2K).
bool isHtj2kTransferSyntax(const QString& uid);

} // namespace fenestra::viewer::detail
