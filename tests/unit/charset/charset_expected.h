#pragma once

// Reference decodings of Patient's Name (0010,0010) in pydicom's character set corpus
// (FENESTRA_PYDICOM_DATA "/charset_files"), as pydicom 2.3 decodes them: trailing padding and
// trailing empty component groups removed. Cross-checked against FileInfo.txt there and the
// examples of DICOM PS3.5 Annex H (Japanese), I (Korean) and J (Chinese).
//
// Strings are UTF-8 (\u escapes in narrow literals; the compilers we use encode them as UTF-8).
// Use QString::fromUtf8(). Shared by tst_charset and the reader's end-to-end test.

namespace fenestra::test {

struct CharsetExpectedName
{
    const char* fileName;
    const char* patientNameUtf8;
};

// Files whose top-level data set has a Patient's Name.
inline constexpr CharsetExpectedName kCharsetExpectedPatientNames[] = {
    {"chrArab.dcm", "\u0642\u0628\u0627\u0646\u064a^\u0644\u0646\u0632\u0627\u0631"},
    {"chrFren.dcm", "Buc^J\u00e9r\u00f4me"},
    {"chrFrenMulti.dcm", "Buc^J\u00e9r\u00f4me"},
    {"chrGerm.dcm", "\u00c4neas^R\u00fcdiger"},
    {"chrGreek.dcm", "\u0394\u03b9\u03bf\u03bd\u03c5\u03c3\u03b9\u03bf\u03c2"},
    {"chrH31.dcm", "Yamada^Tarou=\u5c71\u7530^\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrH32.dcm", "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                   "\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrHbrw.dcm", "\u05e9\u05e8\u05d5\u05df^\u05d3\u05d1\u05d5\u05e8\u05d4"},
    {"chrI2.dcm", "Hong^Gildong=\u6d2a^\u5409\u6d1e=\ud64d^\uae38\ub3d9"},
    {"chrJapMulti.dcm", "\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrJapMultiExplicitIR6.dcm", "\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrKoreanMulti.dcm", "\uae40\ud76c\uc911"},
    {"chrRuss.dcm", "\u041b\u044e\u043ace\u043c\u0431yp\u0433"},
    {"chrX1.dcm", "Wang^XiaoDong=\u738b^\u5c0f\u6771"},
    {"chrX2.dcm", "Wang^XiaoDong=\u738b^\u5c0f\u4e1c"},
};

// Files whose Patient's Name sits in the first item of a sequence: chrSQEncoding.dcm declares
// its own Specific Character Set in the item, chrSQEncoding1.dcm inherits the data set's.
inline constexpr CharsetExpectedName kCharsetExpectedSequenceItemNames[] = {
    {"chrSQEncoding.dcm", "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                          "\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrSQEncoding1.dcm", "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^\u592a\u90ce="
                           "\u3084\u307e\u3060^\u305f\u308d\u3046"},
};

} // namespace fenestra::test
