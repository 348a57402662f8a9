#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace fenestra::viewer {

enum class TextVr {
    PersonName, // PN: component groups separated by '=', each may switch character sets
    Text        // LO, SH, ST, LT, UT, ...
};

// Decodes a DICOM text value per the values of Specific Character Set (0008,0005): the
// default repertoire, ISO_IR 100/101/109/110/144/127/126/138/148/13/166/203, ISO_IR 192
// (UTF-8), GB18030, GBK, and the ISO 2022 code-extension variants (ISO 2022 IR 6/100/87/159/
// 13/149/58/...) with their escape sequences. Unknown terms fall back to Latin-1 rather than
// failing: a name shown slightly wrong beats a study that does not open.
//
// Thread contract: reentrant.
QString decodeDicomText(QByteArrayView raw, const QStringList& specificCharacterSet,
                        TextVr vr = TextVr::Text);

// Splits the raw (0008,0005) value into its terms ("\\"-separated, blanks trimmed).
QStringList parseSpecificCharacterSet(QByteArrayView raw);

} // namespace fenestra::viewer
