#include "charset_expected.h"
#include "core/charset.h"

#include <QDir>
#include <QTest>

#include <cstdint>
#include <span>

using namespace fenestra::viewer;

Q_DECLARE_METATYPE(fenestra::viewer::TextVr)

namespace {

// Raw element values of pydicom's charset corpus, extracted once with pydicom 2.3
// (data_element_generator, before any decoding). A null expected value means "the reference
// in charset_expected.h for this file".
struct CorpusRow
{
    const char* file;
    const char* element;
    const char* specificCharacterSet; // raw (0008,0005), padding included
    const char* raw;
    TextVr vr;
    const char* expectedUtf8;
};

constexpr CorpusRow kCorpus[] = {
    {"chrArab.dcm", "PatientName", "ISO_IR 127", "\xe2\xc8\xc7\xe6\xea^\xe4\xe6\xd2\xc7\xd1 ",
     TextVr::PersonName, nullptr},
    {"chrFren.dcm", "PatientName", "ISO_IR 100", "Buc^J\xe9r\xf4me", TextVr::PersonName, nullptr},
    {"chrFrenMulti.dcm", "PatientName", "ISO_IR 100", "Buc^J\xe9r\xf4me", TextVr::PersonName,
     nullptr},
    {"chrFrenMulti.dcm", "OtherPatientNames", "ISO_IR 100", "Buc^J\xe9r\xf4me\\Buc^J\xe9r\xf4me ",
     TextVr::PersonName, "Buc^J\u00e9r\u00f4me\\Buc^J\u00e9r\u00f4me"},
    {"chrGerm.dcm", "PatientName", "ISO_IR 100",
     "\xc4neas^R\xfc"
     "diger ",
     TextVr::PersonName, nullptr},
    {"chrGreek.dcm", "PatientName", "ISO_IR 126", "\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2 ",
     TextVr::PersonName, nullptr},
    {"chrH31.dcm", "PatientName", "\\ISO 2022 IR 87 ",
     "Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B",
     TextVr::PersonName, nullptr},
    {"chrH32.dcm", "PatientName", "ISO 2022 IR 13\\ISO 2022 IR 87 ",
     "\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\x1b$B$d$^$@\x1b(J^\x1b$B$?"
     "$m$&\x1b(J",
     TextVr::PersonName, nullptr},
    {"chrHbrw.dcm", "PatientName", "ISO_IR 138", "\xf9\xf8\xe5\xef^\xe3\xe1\xe5\xf8\xe4",
     TextVr::PersonName, nullptr},
    {"chrI2.dcm", "PatientName", "\\ISO 2022 IR 149",
     "Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf",
     TextVr::PersonName, nullptr},
    {"chrJapMulti.dcm", "PatientName", "\\ISO 2022 IR 87 ",
     "\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B ", TextVr::PersonName, nullptr},
    {"chrJapMulti.dcm", "OtherPatientNames", "\\ISO 2022 IR 87 ",
     "\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B\\\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B ",
     TextVr::PersonName,
     "\u3084\u307e\u3060^\u305f\u308d\u3046\\\u3084\u307e\u3060^\u305f\u308d\u3046"},
    {"chrJapMulti.dcm", "AdditionalPatientHistory", "\\ISO 2022 IR 87 ", "\x1b$B$?$m$&\x1b(B",
     TextVr::Text, "\u305f\u308d\u3046"},
    {"chrJapMultiExplicitIR6.dcm", "PatientName", "ISO 2022 IR 6\\ISO 2022 IR 87",
     "\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B ", TextVr::PersonName, nullptr},
    {"chrKoreanMulti.dcm", "PatientName", "\\ISO 2022 IR 149",
     "\x1b$)C\xb1\xe8\xc8\xf1\xc1\xdf\x1b(B ", TextVr::PersonName, nullptr},
    {"chrKoreanMulti.dcm", "OtherPatientNames", "\\ISO 2022 IR 149",
     "\x1b$)C\xb1\xe8\xc8\xf1\xc1\xdf\x1b(B\\\x1b$)C\xb1\xe8\xc8\xf1\xc1\xdf\x1b(B ",
     TextVr::PersonName, "\uae40\ud76c\uc911\\\uae40\ud76c\uc911"},
    {"chrKoreanMulti.dcm", "AdditionalPatientHistory", "\\ISO 2022 IR 149",
     "\x1b$)C\xb1\xe8\xc8\xf1\xc1\xdf\x1b(B ", TextVr::Text, "\uae40\ud76c\uc911"},
    {"chrRuss.dcm", "PatientName", "ISO_IR 144",
     "\xbb\xee\xda"
     "ce\xdc\xd1yp\xd3",
     TextVr::PersonName, nullptr},
    {"chrX1.dcm", "PatientName", "ISO_IR 192",
     "Wang^XiaoDong=\xe7\x8e\x8b^\xe5\xb0\x8f\xe6\x9d\xb1= ", TextVr::PersonName, nullptr},
    {"chrX2.dcm", "PatientName", "GB18030 ",
     "Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=", TextVr::PersonName, nullptr},
    // Patient's Name in a sequence item: (0008,0005) of the item, resp. inherited.
    {"chrSQEncoding.dcm", "Item/PatientName", "ISO 2022 IR 13\\ISO 2022 IR 87 ",
     "\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?"
     "$m$&\x1b(B",
     TextVr::PersonName, nullptr},
    {"chrSQEncoding1.dcm", "Item/PatientName", "ISO 2022 IR 13\\ISO 2022 IR 87 ",
     "\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?"
     "$m$&\x1b(B",
     TextVr::PersonName, nullptr},
};

const char* referenceName(const char* file)
{
    using fenestra::test::CharsetExpectedName;
    for (std::span<const CharsetExpectedName> table :
         {std::span<const CharsetExpectedName>(fenestra::test::kCharsetExpectedPatientNames),
          std::span<const CharsetExpectedName>(
              fenestra::test::kCharsetExpectedSequenceItemNames)}) {
        for (const CharsetExpectedName& entry : table) {
            if (qstrcmp(entry.fileName, file) == 0)
                return entry.patientNameUtf8;
        }
    }
    return nullptr;
}

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

// Deterministic byte soup biased towards escape-sequence and delimiter bytes.
QByteArray pseudoRandomBytes(std::uint32_t& seed, int length)
{
    static constexpr char kInteresting[] = "\x1b$()-BJCDAIL^=\\\r\n \xa1\xb1\xd4\xff\x80\x21\x7e";
    QByteArray bytes;
    for (int i = 0; i < length; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const std::uint32_t r = seed >> 8;
        bytes.append(r % 2 ? kInteresting[r / 2 % (sizeof(kInteresting) - 1)]
                           : static_cast<char>(r / 2 % 256));
    }
    return bytes;
}

} // namespace

class TstCharset : public QObject
{
    Q_OBJECT

private slots:
    void decode_pydicomCorpus_matchesPydicom_data();
    void decode_pydicomCorpus_matchesPydicom();
    void decode_termsAndCodeExtensions_giveExpectedText_data();
    void decode_termsAndCodeExtensions_giveExpectedText();
    void decode_randomBytes_neverCrashesNorLeaksEscapes_data();
    void decode_randomBytes_neverCrashesNorLeaksEscapes();
    void parseSpecificCharacterSet_splitsAndTrimsTerms_data();
    void parseSpecificCharacterSet_splitsAndTrimsTerms();
    void referenceTable_coversEveryCorpusFileWithPatientName();
};

void TstCharset::decode_pydicomCorpus_matchesPydicom_data()
{
    QTest::addColumn<QByteArray>("specificCharacterSet");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<TextVr>("vr");
    QTest::addColumn<QString>("expected");
    for (const CorpusRow& row : kCorpus) {
        const char* expected = row.expectedUtf8 ? row.expectedUtf8 : referenceName(row.file);
        QVERIFY2(expected != nullptr, row.file);
        QTest::addRow("%s %s", row.file, row.element)
            << QByteArray(row.specificCharacterSet) << QByteArray(row.raw) << row.vr
            << utf8(expected);
    }
}

void TstCharset::decode_pydicomCorpus_matchesPydicom()
{
    QFETCH(QByteArray, specificCharacterSet);
    QFETCH(QByteArray, raw);
    QFETCH(TextVr, vr);
    QFETCH(QString, expected);
    QCOMPARE(decodeDicomText(raw, parseSpecificCharacterSet(specificCharacterSet), vr), expected);
}

void TstCharset::decode_termsAndCodeExtensions_giveExpectedText_data()
{
    QTest::addColumn<QStringList>("specificCharacterSet");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<TextVr>("vr");
    QTest::addColumn<QString>("expected");
    const auto pn = TextVr::PersonName;
    const auto text = TextVr::Text;
    const QStringList latinCyrillic{"ISO 2022 IR 100", "ISO 2022 IR 144"};
    auto row = [](const char* name, const QStringList& cs, const QByteArray& raw, TextVr vr,
                  const char* exp) { QTest::newRow(name) << cs << raw << vr << utf8(exp); };

    row("no charset: ASCII", {}, "Smith^John", pn, "Smith^John");
    row("empty value 1: ASCII", {""}, "Smith^John", pn, "Smith^John");
    row("no charset: stray high byte as Latin-1", {}, "M\xfcller", pn, "M\u00fcller");
    row("empty value", {}, "", pn, "");
    row("unknown term falls back to Latin-1", {"ISO_IR 999"}, "J\xe9r\xf4me", pn,
        "J\u00e9r\u00f4me");
    row("unknown name falls back to Latin-1", {"KLINGON"}, "J\xe9r\xf4me", text,
        "J\u00e9r\u00f4me");
    row("ISO_IR 192 UTF-8", {"ISO_IR 192"}, "Fran\xc3\xa7ois^\xe7\x8e\x8b", pn,
        "Fran\u00e7ois^\u738b");
    row("ISO_IR 192 invalid byte replaced", {"ISO_IR 192"}, "A\xff", text, "A\ufffd");
    row("ISO_IR 101 Latin-2", {"ISO_IR 101"},
        "\xa3\xf3"
        "d\xbc",
        pn, "\u0141\u00f3d\u017a");
    row("ISO_IR 109 Latin-3", {"ISO_IR 109"},
        "\xa1"
        "a\xf5"
        "ar",
        pn, "\u0126a\u0121ar");
    row("ISO_IR 110 Latin-4", {"ISO_IR 110"}, "\xa9iauli\xf9", pn, "\u0160iauli\u0173");
    row("ISO_IR 148 Latin-5", {"ISO_IR 148"}, "I\xfe\xfdk", pn, "I\u015f\u0131k");
    row("ISO_IR 203 Latin-9", {"ISO_IR 203"}, "\xa4", text, "\u20ac");
    row("ISO_IR 166 Thai", {"ISO_IR 166"}, "\xca\xc1\xaa\xd2\xc2", pn,
        "\u0e2a\u0e21\u0e0a\u0e32\u0e22");
    row("ISO_IR 13 katakana", {"ISO_IR 13"}, "\xd4\xcf\xc0\xde^\xc0\xdb\xb3", pn,
        "\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73");
    row("GBK", {"GBK"}, "\xcd\xf5^\xd0\xa1\xb6\xab", pn, "\u738b^\u5c0f\u4e1c");
    row("lenient term spelling", {"iso-ir 144"}, "\xbb", pn, "\u041b");
    row("ISO 2022 IR 100 without escapes", {"ISO 2022 IR 100"}, "J\xe9r\xf4me", pn,
        "J\u00e9r\u00f4me");
    row("ISO 2022 IR 58 GB 2312 in G1 (PS3.5 K)", {"", "ISO 2022 IR 58"},
        "Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab=", pn,
        "Zhang^XiaoDong=\u5f20^\u5c0f\u4e1c");
    row("ISO 2022 IR 159 JIS X 0212", {"", "ISO 2022 IR 87", "ISO 2022 IR 159"}, "\x1b$(D0!\x1b(B",
        pn, "\u4e02");
    row("ISO 2022 IR 149 as value 1 needs no escape", {"ISO 2022 IR 149"}, "\xb1\xe8", pn,
        "\uae40");
    row("PN '^' restores value 1", latinCyrillic, "\xe9=\x1b-L\xbb^\xbb", pn,
        "\u00e9=\u041b^\u00bb");
    row("PN '=' restores value 1", latinCyrillic, "\x1b-L\xbb=\xbb", pn, "\u041b=\u00bb");
    row("text keeps set across '^' and '='", latinCyrillic, "\x1b-L\xbb^\xbb=\xbb", text,
        "\u041b^\u041b=\u041b");
    row("text CR LF restores value 1", latinCyrillic, "\x1b-L\xbb\r\n\xbb", text,
        "\u041b\r\n\u00bb");
    row("text TAB restores value 1", latinCyrillic, "\x1b-L\xbb\t\xbb", text, "\u041b\t\u00bb");
    row("value delimiter restores value 1", latinCyrillic, "\x1b-L\xbb\\\xbb", text,
        "\u041b\\\u00bb");
    row("PN trailing padding and empty groups dropped", {}, "Smith^John==  ", pn, "Smith^John");
    row("text trailing NUL padding dropped", {}, QByteArray("Chest\0", 6), text, "Chest");
    row("text keeps trailing '='", {}, "a=b=", text, "a=b=");
    row("unknown escape sequence dropped", {"", "ISO 2022 IR 87"}, "A\x1b$Zxy", pn, "Axy");
    row("escape without final byte dropped", {"", "ISO 2022 IR 87"}, "A\x1b$(", pn, "A");
    row("lone ESC dropped", {"", "ISO 2022 IR 87"}, "\x1b", pn, "");
    row("truncated JIS X 0208 pair replaced", {"", "ISO 2022 IR 87"}, "\x1b$B;", pn, "\ufffd");
    row("truncated KS X 1001 pair replaced", {"", "ISO 2022 IR 149"}, "\x1b$)C\xb1", pn, "\ufffd");
    row("byte outside katakana replaced", {"ISO 2022 IR 13"},
        "\xe0"
        "A",
        pn, "\ufffdA");
}

void TstCharset::decode_termsAndCodeExtensions_giveExpectedText()
{
    QFETCH(QStringList, specificCharacterSet);
    QFETCH(QByteArray, raw);
    QFETCH(TextVr, vr);
    QFETCH(QString, expected);
    QCOMPARE(decodeDicomText(raw, specificCharacterSet, vr), expected);
}

void TstCharset::decode_randomBytes_neverCrashesNorLeaksEscapes_data()
{
    QTest::addColumn<QStringList>("specificCharacterSet");
    QTest::newRow("default") << QStringList{};
    QTest::newRow("Latin-1") << QStringList{"ISO_IR 100"};
    QTest::newRow("Japanese") << QStringList{"ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"};
    QTest::newRow("Korean") << QStringList{"", "ISO 2022 IR 149"};
    QTest::newRow("Chinese GB 2312") << QStringList{"", "ISO 2022 IR 58"};
}

// Every byte decodes to at most one UTF-16 unit and escape sequences never reach the text.
void TstCharset::decode_randomBytes_neverCrashesNorLeaksEscapes()
{
    QFETCH(QStringList, specificCharacterSet);
    std::uint32_t seed = 12345;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray raw = pseudoRandomBytes(seed, i % 40);
        for (TextVr vr : {TextVr::PersonName, TextVr::Text}) {
            const QString text = decodeDicomText(raw, specificCharacterSet, vr);
            QVERIFY2(text.size() <= raw.size(), raw.toHex().constData());
            QVERIFY2(!text.contains(QChar(0x1b)), raw.toHex().constData());
            QVERIFY2(QStringView(text).isValidUtf16(), raw.toHex().constData());
        }
    }
}

void TstCharset::parseSpecificCharacterSet_splitsAndTrimsTerms_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("absent") << QByteArray() << QStringList{};
    QTest::newRow("blank") << QByteArray("  ") << QStringList{};
    QTest::newRow("single") << QByteArray("ISO_IR 100") << QStringList{"ISO_IR 100"};
    QTest::newRow("padded") << QByteArray("GB18030 ") << QStringList{"GB18030"};
    QTest::newRow("NUL padded") << QByteArray("ISO_IR 192\0", 11) << QStringList{"ISO_IR 192"};
    QTest::newRow("empty value 1")
        << QByteArray("\\ISO 2022 IR 87") << QStringList{"", "ISO 2022 IR 87"};
    QTest::newRow("two values padded") << QByteArray("ISO 2022 IR 13\\ISO 2022 IR 87 ")
                                       << QStringList{"ISO 2022 IR 13", "ISO 2022 IR 87"};
    QTest::newRow("blanks around values") << QByteArray(" ISO 2022 IR 6 \\ ISO 2022 IR 149")
                                          << QStringList{"ISO 2022 IR 6", "ISO 2022 IR 149"};
}

void TstCharset::parseSpecificCharacterSet_splitsAndTrimsTerms()
{
    QFETCH(QByteArray, raw);
    QFETCH(QStringList, expected);
    QCOMPARE(parseSpecificCharacterSet(raw), expected);
}

// The reference table must follow the corpus: a new chr*.dcm file needs a row.
void TstCharset::referenceTable_coversEveryCorpusFileWithPatientName()
{
    const QDir dir(QStringLiteral(FENESTRA_PYDICOM_DATA "/charset_files"));
    const QStringList files = dir.entryList({QStringLiteral("chr*.dcm")}, QDir::Files);
    QVERIFY2(files.size() >= 17, qPrintable(dir.path()));
    for (const QString& file : files)
        QVERIFY2(referenceName(file.toUtf8().constData()) != nullptr, qPrintable(file));
}

QTEST_GUILESS_MAIN(TstCharset)
#include "tst_charset.moc"
