#include "dicom/dicomreader.h"
#include "dicomtestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace fenestra::viewer;
using namespace fenestra::test;

namespace {

QString corpusFile(const QString& name)
{
    return QStringLiteral(FENESTRA_PYDICOM_DATA "/test_files/") + name;
}

Result<PixelBuffer> decodeFile(const QString& path)
{
    return decodeDicomPixels(DicomSource::fromFile(path));
}

// Largest absolute difference between frame `frameA` of `a` and frame `frameB` of `b`.
qint64 maxAbsFrameDifference(const PixelBuffer& a, int frameA, const PixelBuffer& b, int frameB)
{
    const PixelFormat& f = a.format();
    qint64 worst = 0;
    for (int r = 0; r < f.rows; ++r)
        for (int c = 0; c < f.columns; ++c)
            for (int s = 0; s < f.samplesPerPixel; ++s)
                worst =
                    qMax(worst, qAbs(sampleAt(a, frameA, r, c, s) - sampleAt(b, frameB, r, c, s)));
    return worst;
}

QJsonObject readManifest()
{
    QFile file(QStringLiteral(FENESTRA_TEST_DATA "/manifest.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject seriesNamed(const QJsonArray& series, const QString& name)
{
    for (const auto& s : series)
        if (s.toObject().value(QStringLiteral("name")).toString() == name)
            return s.toObject();
    return {};
}

// A pixel whose stored value the phantom description fixes: (column, row) and stored value.
struct KnownPixel
{
    int column;
    int row;
    qint64 stored;
    QString what;
};

// Known stored values (HU + 1024) of one slab slice at height z, from the CT phantom of the
// manifest (the slab is the same phantom on a coarser grid). Only positions whose pixel centre
// lies exactly on a region centre are used, so partial-volume questions do not arise.
std::vector<KnownPixel> knownPixels(const QJsonObject& phantom, const QJsonObject& geometry,
                                    double z)
{
    const double x0 = geometry[u"origin"].toArray()[0].toDouble();
    const double y0 = geometry[u"origin"].toArray()[1].toDouble();
    const double spacing = geometry[u"pixel_spacing"].toArray()[0].toDouble();
    auto index = [&](double mm, double origin) { return (mm - origin) / spacing; };
    std::vector<KnownPixel> out;
    auto addIfOnGrid = [&](double x, double y, double hu, const QString& what) {
        const double i = index(x, x0);
        const double j = index(y, y0);
        if (i != std::floor(i) || j != std::floor(j))
            return;
        // Later regions override earlier ones: replace a value set at the same pixel.
        std::erase_if(out, [&](const KnownPixel& p) {
            return p.column == static_cast<int>(i) && p.row == static_cast<int>(j);
        });
        out.push_back(
            {static_cast<int>(i), static_cast<int>(j), static_cast<qint64>(hu) + 1024, what});
    };
    addIfOnGrid(x0, y0, phantom[u"background_hu"].toDouble(), QStringLiteral("background"));
    for (const auto& value : phantom[u"regions"].toArray()) {
        const QJsonObject region = value.toObject();
        const QJsonArray zRange = region[u"z_range"].toArray();
        if (z < zRange[0].toDouble() || z > zRange[1].toDouble())
            continue;
        const QJsonArray centre = region[u"centre_xy"].toArray();
        addIfOnGrid(centre[0].toDouble(), centre[1].toDouble(), region[u"hu"].toDouble(),
                    region[u"name"].toString());
    }
    for (const auto& value : phantom[u"spheres"].toArray()) {
        const QJsonObject sphere = value.toObject();
        const QJsonArray centre = sphere[u"centre"].toArray();
        if (std::abs(z - centre[2].toDouble()) >= sphere[u"radius"].toDouble())
            continue;
        addIfOnGrid(centre[0].toDouble(), centre[1].toDouble(), sphere[u"hu"].toDouble(),
                    sphere[u"name"].toString());
    }
    return out;
}

} // namespace

class TestTranscoding : public QObject
{
    Q_OBJECT

private slots:
    void decode_losslessCorpusPair_givesIdenticalPixels_data();
    void decode_losslessCorpusPair_givesIdenticalPixels();
    void decode_singleFrameCopy_matchesFrameOfMultiFrame_data();
    void decode_singleFrameCopy_matchesFrameOfMultiFrame();
    void decode_lossyCorpusPair_staysWithinTolerance_data();
    void decode_lossyCorpusPair_staysWithinTolerance();
    void decode_syntaxesCopy_matchesReferenceInstance_data();
    void decode_syntaxesCopy_matchesReferenceInstance();
};

// Pairs checked beforehand with pydicom 2.3.1 (pixel_array, or for JPEG/JPEG-LS DCMTK's
// decoded copy) to hold identical pixel values. MR_small_jp2klossless is a lossless JPEG 2000
// copy of MR_small (pydicom's README) that pydicom cannot decode here.
void TestTranscoding::decode_losslessCorpusPair_givesIdenticalPixels_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("copy");
    const QString mr = QStringLiteral("MR_small.dcm");
    for (const char* copy : {"MR_small_RLE.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
                             "MR_small_expb.dcm", "MR_small_padded.dcm",
                             "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm"})
        QTest::newRow(copy) << mr << QString::fromLatin1(copy);
    QTest::newRow("rtdose_rle.dcm") << "rtdose.dcm"
                                    << "rtdose_rle.dcm";
    QTest::newRow("rtdose_expb.dcm") << "rtdose.dcm"
                                     << "rtdose_expb.dcm";
    QTest::newRow("rtdose_rle_1frame.dcm") << "rtdose_1frame.dcm"
                                           << "rtdose_rle_1frame.dcm";
    QTest::newRow("rtdose_expb_1frame.dcm") << "rtdose_1frame.dcm"
                                            << "rtdose_expb_1frame.dcm";
    QTest::newRow("liver_expb_1frame.dcm") << "liver_1frame.dcm"
                                           << "liver_expb_1frame.dcm";
    // JPEG lossless (process 14 SV1) RGB against RLE RGB.
    QTest::newRow("SC_rgb_jpeg_gdcm.dcm") << "SC_rgb_rle.dcm"
                                          << "SC_rgb_jpeg_gdcm.dcm";
    // Lossy files carrying the same codestream decode identically through one decoder.
    QTest::newRow("JPEG-lossy.dcm") << "JPGExtended.dcm"
                                    << "JPEG-lossy.dcm";
    QTest::newRow("SC_rgb_jpeg_app14_dcmd.dcm") << "SC_jpeg_no_color_transform_2.dcm"
                                                << "SC_rgb_jpeg_app14_dcmd.dcm";
}

void TestTranscoding::decode_losslessCorpusPair_givesIdenticalPixels()
{
    QFETCH(QString, reference);
    QFETCH(QString, copy);
    const auto a = decodeFile(corpusFile(reference));
    QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
    const auto b = decodeFile(corpusFile(copy));
    QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
    QCOMPARE(b->format(), a->format());
    QCOMPARE(b->frameCount(), a->frameCount());
    QVERIFY(b->bytes().size() == a->bytes().size());
    QVERIFY2(std::equal(a->bytes().begin(), a->bytes().end(), b->bytes().begin()),
             qPrintable(QStringLiteral("max abs difference %1").arg(maxAbsDifference(*a, *b))));
}

void TestTranscoding::decode_singleFrameCopy_matchesFrameOfMultiFrame_data()
{
    QTest::addColumn<QString>("multiFrame");
    QTest::addColumn<QString>("singleFrame");
    QTest::newRow("rtdose") << "rtdose.dcm"
                            << "rtdose_1frame.dcm";
    QTest::newRow("SC_rgb_rle") << "SC_rgb_rle_2frame.dcm"
                                << "SC_rgb_rle.dcm";
    QTest::newRow("SC_rgb_rle_16bit") << "SC_rgb_rle_16bit_2frame.dcm"
                                      << "SC_rgb_rle_16bit.dcm";
    QTest::newRow("SC_rgb_rle_32bit") << "SC_rgb_rle_32bit_2frame.dcm"
                                      << "SC_rgb_rle_32bit.dcm";
}

// pydicom: the single-frame files equal frame 0 of their multi-frame versions, and the frames
// differ from each other (so a decoder repeating frame 0 fails).
void TestTranscoding::decode_singleFrameCopy_matchesFrameOfMultiFrame()
{
    QFETCH(QString, multiFrame);
    QFETCH(QString, singleFrame);
    const auto multi = decodeFile(corpusFile(multiFrame));
    QVERIFY2(multi, qPrintable(multi ? QString() : multi.error().toString()));
    const auto single = decodeFile(corpusFile(singleFrame));
    QVERIFY2(single, qPrintable(single ? QString() : single.error().toString()));
    QCOMPARE(single->format(), multi->format());
    QCOMPARE(single->frameCount(), 1);
    QCOMPARE(maxAbsFrameDifference(*multi, 0, *single, 0), qint64(0));
    QVERIFY(maxAbsFrameDifference(*multi, 0, *multi, 1) > 0);
}

// Lossy copies of one image. Tolerance: the difference measured with DCMTK's decoder
// (pydicom reading dcmdjpeg +cn output) plus 1 for IDCT rounding differences.
void TestTranscoding::decode_lossyCorpusPair_staysWithinTolerance_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("copy");
    QTest::addColumn<int>("tolerance");
    const QString ybr = QStringLiteral("SC_ybr_full_422_uncompressed.dcm");
    // Measured 0: the uncompressed YBR file is a decoded copy of these codestreams.
    for (const char* copy : {"SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_dcmtk_+eb+cy+s2.dcm",
                             "SC_rgb_dcmtk_+eb+cy+s4.dcm", "SC_rgb_dcmtk_+eb+cy+n2.dcm"})
        QTest::newRow(copy) << ybr << QString::fromLatin1(copy) << 1;
    QTest::newRow("SC_rgb_dcmtk_+eb+cr.dcm") << "SC_rgb_rle.dcm"
                                             << "SC_rgb_dcmtk_+eb+cr.dcm" << 3;
    QTest::newRow("SC_jpeg_no_color_transform.dcm") << "SC_rgb_jpeg_dcmd.dcm"
                                                    << "SC_jpeg_no_color_transform.dcm" << 1;
}

void TestTranscoding::decode_lossyCorpusPair_staysWithinTolerance()
{
    QFETCH(QString, reference);
    QFETCH(QString, copy);
    QFETCH(int, tolerance);
    const auto a = decodeFile(corpusFile(reference));
    QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
    const auto b = decodeFile(corpusFile(copy));
    QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
    QCOMPARE(b->format(), a->format());
    const qint64 difference = maxAbsDifference(*a, *b);
    QVERIFY2(difference >= 0 && difference <= tolerance,
             qPrintable(QStringLiteral("max abs difference %1").arg(difference)));
}

void TestTranscoding::decode_syntaxesCopy_matchesReferenceInstance_data()
{
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("referenceDirectory");
    QTest::addColumn<QString>("referenceFile");
    QTest::addColumn<int>("tolerance");
    QTest::addColumn<double>("z");
    QTest::addColumn<bool>("ct");
    const QJsonObject manifest = readManifest();
    const QJsonArray series = manifest[u"studies"][u"syntaxes"][u"series"].toArray();
    QVERIFY2(!series.isEmpty(), "no syntaxes series in " FENESTRA_TEST_DATA "/manifest.json");
    QStringList syntaxes;
    for (const auto& value : series) {
        const QJsonObject s = value.toObject();
        syntaxes << s[u"transfer_syntax"].toString();
        if (s[u"reference"].toBool())
            continue;
        const QJsonObject ref = seriesNamed(series, s[u"reference_series"].toString());
        QVERIFY(!ref.isEmpty());
        const int tolerance = s[u"tolerance_max_abs"].toInt(-1);
        QVERIFY(tolerance >= 0);
        QVERIFY(s[u"lossless"].toBool() == (tolerance == 0));
        const QJsonArray instances = s[u"instances"].toArray();
        QCOMPARE(instances.size(), s[u"expected_files"].toInt());
        for (const auto& i : instances) {
            const QJsonObject instance = i.toObject();
            const QString name = s[u"name"].toString() + u'/' + instance[u"file"].toString();
            QTest::newRow(qPrintable(name))
                << s[u"directory"].toString() << instance[u"file"].toString()
                << ref[u"directory"].toString() << instance[u"reference_file"].toString()
                << tolerance << instance[u"z"].toDouble() << (s[u"bits_stored"].toInt() == 12);
        }
    }
    // The syntaxes this test promises to cover.
    for (const char* uid :
         {"1.2.840.10008.1.2", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
          "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
          "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
          "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
          "1.2.840.10008.1.2.4.50"})
        QVERIFY2(syntaxes.contains(QLatin1String(uid)), uid);
}

void TestTranscoding::decode_syntaxesCopy_matchesReferenceInstance()
{
    QFETCH(QString, directory);
    QFETCH(QString, file);
    QFETCH(QString, referenceDirectory);
    QFETCH(QString, referenceFile);
    QFETCH(int, tolerance);
    QFETCH(double, z);
    QFETCH(bool, ct);
    const QString root = QStringLiteral(FENESTRA_TEST_DATA "/");
    const auto reference = decodeFile(root + referenceDirectory + u'/' + referenceFile);
    QVERIFY2(reference, qPrintable(reference ? QString() : reference.error().toString()));
    const auto copy = decodeFile(root + directory + u'/' + file);
    QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().toString()));
    QCOMPARE(copy->format(), reference->format());
    QCOMPARE(copy->frameCount(), reference->frameCount());
    const qint64 difference = maxAbsDifference(*reference, *copy);
    QVERIFY2(
        difference >= 0 && difference <= tolerance,
        qPrintable(
            QStringLiteral("max abs difference %1, tolerance %2").arg(difference).arg(tolerance)));
    if (!ct)
        return; // the 8-bit copies are windowed; the manifest gives no stored values for them
    const QJsonObject manifest = readManifest();
    const auto known = knownPixels(manifest[u"studies"][u"ct"][u"series"][0][u"phantom"].toObject(),
                                   manifest[u"studies"][u"syntaxes"][u"geometry"].toObject(), z);
    QVERIFY(known.size() >= 3); // background, water, bone at least
    for (const KnownPixel& p : known) {
        const qint64 ref = sampleAt(*reference, 0, p.row, p.column, 0);
        const qint64 got = sampleAt(*copy, 0, p.row, p.column, 0);
        QVERIFY2(ref == p.stored,
                 qPrintable(QStringLiteral("reference %1 at (%2, %3): %4, expected %5")
                                .arg(p.what)
                                .arg(p.column)
                                .arg(p.row)
                                .arg(ref)
                                .arg(p.stored)));
        QVERIFY2(qAbs(got - p.stored) <= tolerance,
                 qPrintable(QStringLiteral("%1 at (%2, %3): %4, expected %5")
                                .arg(p.what)
                                .arg(p.column)
                                .arg(p.row)
                                .arg(got)
                                .arg(p.stored)));
    }
}

QTEST_GUILESS_MAIN(TestTranscoding)
#include "tst_transcoding.moc"
