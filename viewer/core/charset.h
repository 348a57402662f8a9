#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace fenestra::viewer {

enum class TextVr
{
    PersonName, // PN: component groups separated by '=', each may switch character sets
    Text        // LO, SH, ST, LT, UT, ...
};

// Decodes a DICOM text value per the values of Specific Character Set (0008,0005): the
// default repertoire, ISO_IR 100/101/109/110/144/127/126/138/148/13/166/203, ISO_IR 192
// (UTF-8), GB18030, GBK, and the ISO 2022 code-extension variants (ISO 2022 IR 6/100/87/159/
// 13/149/58/...) with their escape sequences. Unknown terms fall back to Latin-1 rather than
// failing: a name shown slightly wrong beats a study that does not open. Invalid bytes become
// U+FFFD; unknown or truncated escape sequences are dropped.
//
// The value may be multi-valued ('\\' kept in the result). Per PS3.5 6.1.2.5.3 the state set
// up by value 1 of (0008,0005) is restored at every control character (CR, LF, FF, TAB...), at
// '\\', and for PN also at '^' and '='. Trailing padding (spaces, NUL) is removed; for PN the
// trailing empty component groups of each value too ("A^B=" gives "A^B"), as pydicom does.
// Stray bytes >= 0x80 under the default repertoire are shown as Latin-1, as most viewers do.
//
// Thread contract: reentrant.
QString decodeDicomText(QByteArrayView raw, const QStringList& specificCharacterSet,
                        TextVr vr = TextVr::Text);

// Splits the raw (0008,0005) value into its terms ("\\"-separated, blanks trimmed). Empty
// values are kept ("\\ISO 2022 IR 87" gives {"", "ISO 2022 IR 87"}); a blank value gives an
// empty list.
//
// Thread contract: reentrant.
QStringList parseSpecificCharacterSet(QByteArrayView raw);

} // namespace fenestra::viewer
