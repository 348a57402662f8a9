#include "charset.h"

#include <QStringDecoder>

#include <initializer_list>

namespace fenestra::viewer {

namespace {

// ICU converter names (Debian's Qt is built with ICU). EUC-JP, EUC-KR and GB18030 serve the
// ISO 2022 multi-byte sets: their byte layout is the 7-bit code with the high bit set.
constexpr const char* kLatin1 = "ISO-8859-1";
constexpr const char* kEucJp = "EUC-JP";
constexpr const char* kEucKr = "EUC-KR";
constexpr const char* kGb = "GB18030"; // superset of GB 2312, lenient with writers using GBK
constexpr char kEsc = '\x1b';
constexpr uchar kEucJpSs2 = 0x8e; // single shift 2: half-width katakana in EUC-JP
constexpr uchar kEucJpSs3 = 0x8f; // single shift 3: JIS X 0212 in EUC-JP

// The 96-character single-byte sets: DICOM term number, final byte of "ESC - F", codec.
struct SingleByteSet
{
    int ir;
    char escapeFinal;
    const char* codec;
};

constexpr SingleByteSet kSingleByteSets[] = {
    {100, 'A', "ISO-8859-1"},  {101, 'B', "ISO-8859-2"},  {109, 'C', "ISO-8859-3"},
    {110, 'D', "ISO-8859-4"},  {144, 'L', "ISO-8859-5"},  {127, 'G', "ISO-8859-6"},
    {126, 'F', "ISO-8859-7"},  {138, 'H', "ISO-8859-8"},  {148, 'M', "ISO-8859-9"},
    {203, 'b', "ISO-8859-15"}, {166, 'T', "ISO-8859-11"}, // TIS 620 plus NBSP
};

// JIS X 0201 romaji (ISO-IR 14) is treated as ASCII: it differs only at 0x5C (yen) and 0x7E
// (overline), and 0x5C is the DICOM value delimiter anyway.
enum class G0Set
{
    Ascii,
    JisX0208,
    JisX0212
};
enum class G1Set
{
    SingleByte,
    Katakana,
    KsX1001,
    Gb2312
};

struct CodingState
{
    G0Set g0 = G0Set::Ascii;
    G1Set g1 = G1Set::SingleByte;
    const char* g1Codec = kLatin1; // for G1Set::SingleByte
};

enum class TermKind
{
    Default,
    Iso2022,
    Utf8,
    Gb18030,
    Gbk,
    Unknown
};

struct Term
{
    TermKind kind = TermKind::Default;
    int ir = 6;
};

// Tolerates the spellings seen in the wild ("ISO-IR 100", "iso_ir 100", "ISO IR100").
Term classifyTerm(const QString& raw)
{
    QString term = raw.toUpper();
    term.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    term = term.simplified();
    if (term.isEmpty())
        return {};
    if (term == QLatin1String("GB18030"))
        return {TermKind::Gb18030, 0};
    if (term == QLatin1String("GBK"))
        return {TermKind::Gbk, 0};
    for (QLatin1String prefix : {QLatin1String("ISO 2022 IR"), QLatin1String("ISO IR")}) {
        if (!term.startsWith(prefix))
            continue;
        bool ok = false;
        const int ir = QStringView(term).mid(prefix.size()).trimmed().toInt(&ok);
        if (!ok)
            break;
        return {ir == 192 ? TermKind::Utf8 : TermKind::Iso2022, ir};
    }
    return {TermKind::Unknown, 0};
}

const SingleByteSet* singleByteSetForIr(int ir)
{
    for (const SingleByteSet& set : kSingleByteSets) {
        if (set.ir == ir)
            return &set;
    }
    return nullptr;
}

// The state value 1 of (0008,0005) establishes; restored at every delimiter. Unknown terms and
// the default repertoire leave Latin-1 in G1 so stray high bytes still show something sensible.
CodingState initialState(const Term& first)
{
    CodingState state;
    if (first.kind != TermKind::Iso2022)
        return state;
    if (const SingleByteSet* set = singleByteSetForIr(first.ir))
        state.g1Codec = set->codec;
    else if (first.ir == 13)
        state.g1 = G1Set::Katakana;
    else if (first.ir == 149)
        state.g1 = G1Set::KsX1001;
    else if (first.ir == 58)
        state.g1 = G1Set::Gb2312;
    return state;
}

// UTF-8, GB18030 and GBK cannot be combined with code extensions (PS3.3 C.12.1.1.2).
const char* standAloneCodec(const Term& first)
{
    switch (first.kind) {
    case TermKind::Utf8:
        return "UTF-8";
    case TermKind::Gb18030:
        return "GB18030";
    case TermKind::Gbk:
        return "GBK";
    default:
        return nullptr;
    }
}

QString decodeWith(const char* codec, QByteArrayView bytes)
{
    if (codec == nullptr || qstrcmp(codec, kLatin1) == 0)
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(codec, QStringConverter::Flag::Stateless);
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

bool inRange(uchar b, uchar low, uchar high)
{
    return b >= low && b <= high;
}

// Walks the bytes once, tracking the G0/G1 designations, and batches consecutive bytes that
// share a codec into one run so each run costs one converter.
class Iso2022Decoder
{
public:
    Iso2022Decoder(CodingState initial, TextVr vr) : m_initial(initial), m_state(initial), m_vr(vr)
    {}

    QString decode(QByteArrayView raw)
    {
        qsizetype i = 0;
        while (i < raw.size())
            i = step(raw, i);
        flush();
        return m_out;
    }

private:
    qsizetype step(QByteArrayView raw, qsizetype i)
    {
        const auto b = static_cast<uchar>(raw[i]);
        if (b == kEsc)
            return applyEscape(raw, i);
        if (b >= 0x80)
            return decodeG1(raw, i);
        if (m_state.g0 != G0Set::Ascii && inRange(b, 0x21, 0x7e))
            return decodeG0Pair(raw, i);
        m_run.append(static_cast<char>(b)); // ASCII fits every codec used for runs
        if (isDelimiter(b))
            m_state = m_initial;
        return i + 1;
    }

    [[nodiscard]] bool isDelimiter(uchar b) const
    {
        if (b < 0x20 || b == '\\')
            return true;
        return m_vr == TextVr::PersonName && (b == '^' || b == '=');
    }

    // ESC, intermediate bytes 0x20-0x2F, one final byte 0x30-0x7E (ISO 2022 / ECMA-35).
    qsizetype applyEscape(QByteArrayView raw, qsizetype i)
    {
        qsizetype j = i + 1;
        while (j < raw.size() && inRange(static_cast<uchar>(raw[j]), 0x20, 0x2f))
            ++j;
        if (j >= raw.size() || !inRange(static_cast<uchar>(raw[j]), 0x30, 0x7e))
            return j; // truncated sequence: drop it
        designate(raw.sliced(i + 1, j - i));
        return j + 1;
    }

    // Any known set is accepted, declared in (0008,0005) or not: showing the text the writer
    // meant beats enforcing the declaration.
    void designate(QByteArrayView seq)
    {
        if (seq == "(B" || seq == "(J")
            m_state.g0 = G0Set::Ascii;
        else if (seq == "$B" || seq == "$@" || seq == "$(B")
            m_state.g0 = G0Set::JisX0208;
        else if (seq == "$(D")
            m_state.g0 = G0Set::JisX0212;
        else if (seq == ")I")
            m_state.g1 = G1Set::Katakana;
        else if (seq == "$)C")
            m_state.g1 = G1Set::KsX1001;
        else if (seq == "$)A")
            m_state.g1 = G1Set::Gb2312;
        else if (seq.size() == 2 && seq[0] == '-')
            designateSingleByte(seq[1]);
    }

    void designateSingleByte(char escapeFinal)
    {
        for (const SingleByteSet& set : kSingleByteSets) {
            if (set.escapeFinal == escapeFinal) {
                m_state.g1 = G1Set::SingleByte;
                m_state.g1Codec = set.codec;
                return;
            }
        }
    }

    // JIS X 0208 / 0212 in G0: two bytes 0x21-0x7E, re-encoded as EUC-JP.
    qsizetype decodeG0Pair(QByteArrayView raw, qsizetype i)
    {
        if (i + 1 >= raw.size() || !inRange(static_cast<uchar>(raw[i + 1]), 0x21, 0x7e)) {
            appendReplacement();
            return i + 1;
        }
        const auto first = static_cast<uchar>(raw[i] | 0x80);
        const auto second = static_cast<uchar>(raw[i + 1] | 0x80);
        if (m_state.g0 == G0Set::JisX0212)
            appendRun(kEucJp, {kEucJpSs3, first, second});
        else
            appendRun(kEucJp, {first, second});
        return i + 2;
    }

    qsizetype decodeG1(QByteArrayView raw, qsizetype i)
    {
        const auto b = static_cast<uchar>(raw[i]);
        switch (m_state.g1) {
        case G1Set::SingleByte:
            appendRun(m_state.g1Codec, {b});
            return i + 1;
        case G1Set::Katakana:
            if (inRange(b, 0xa1, 0xdf))
                appendRun(kEucJp, {kEucJpSs2, b});
            else
                appendReplacement();
            return i + 1;
        case G1Set::KsX1001:
        case G1Set::Gb2312:
            break;
        }
        if (i + 1 >= raw.size() || !inRange(b, 0xa1, 0xfe) ||
            !inRange(static_cast<uchar>(raw[i + 1]), 0xa1, 0xfe)) {
            appendReplacement();
            return i + 1;
        }
        appendRun(m_state.g1 == G1Set::KsX1001 ? kEucKr : kGb, {b, static_cast<uchar>(raw[i + 1])});
        return i + 2;
    }

    void appendRun(const char* codec, std::initializer_list<uchar> bytes)
    {
        if (m_runCodec != codec) {
            flush();
            m_runCodec = codec;
        }
        for (uchar b : bytes)
            m_run.append(static_cast<char>(b));
    }

    void appendReplacement()
    {
        flush();
        m_out.append(QChar::ReplacementCharacter);
    }

    void flush()
    {
        if (!m_run.isEmpty())
            m_out.append(decodeWith(m_runCodec, m_run));
        m_run.clear();
    }

    CodingState m_initial;
    CodingState m_state;
    TextVr m_vr;
    QString m_out;
    QByteArray m_run;
    const char* m_runCodec = nullptr;
};

QByteArrayView trimPadding(QByteArrayView raw)
{
    while (!raw.isEmpty() && (raw.back() == ' ' || raw.back() == '\0'))
        raw.chop(1);
    return raw;
}

// "A^B=" and "A^B" are the same name (PS3.5 6.2.1: trailing empty groups may be omitted).
QString dropEmptyTrailingGroups(const QString& text)
{
    QStringList values = text.split(QLatin1Char('\\'));
    for (QString& value : values) {
        while (value.endsWith(QLatin1Char('=')))
            value.chop(1);
    }
    return values.join(QLatin1Char('\\'));
}

} // namespace

QString decodeDicomText(QByteArrayView raw, const QStringList& specificCharacterSet, TextVr vr)
{
    const QByteArrayView value = trimPadding(raw);
    const Term first =
        specificCharacterSet.isEmpty() ? Term{} : classifyTerm(specificCharacterSet.front());
    QString text;
    if (const char* codec = standAloneCodec(first))
        text = decodeWith(codec, value);
    else
        text = Iso2022Decoder(initialState(first), vr).decode(value);
    return vr == TextVr::PersonName ? dropEmptyTrailingGroups(text) : text;
}

QStringList parseSpecificCharacterSet(QByteArrayView raw)
{
    QString all = QString::fromLatin1(raw);
    all.remove(QChar(0));
    if (all.trimmed().isEmpty())
        return {};
    QStringList terms = all.split(QLatin1Char('\\'));
    for (QString& term : terms)
        term = term.trimmed();
    return terms;
}

} // namespace fenestra::viewer
