#pragma once

// Expected results for every file of pydicom's test corpus (FENESTRA_PYDICOM_DATA
// "/test_files"), built independently of Fenestra: geometry and photometric from pydicom 2.3.1
// (ds.Rows, ds.Columns, NumberOfFrames, PhotometricInterpretation, BitsAllocated), sample values
// from pydicom's pixel_array, or for JPEG and JPEG-LS from DCMTK 3.6 (dcmdjpeg, +cn for YBR
// files so that the colour space is kept; dcmdjpls) read back by pydicom. Each row's comment
// names its source. Photometric and bits allocated are the decoded ones: YBR_FULL_422 becomes
// YBR_FULL, JPEG 2000 YBR_RCT/ICT becomes RGB, 1-bit becomes 8-bit.

#include "core/dicommodel.h"
#include "core/pixelformat.h"

#include <QtGlobal>

#include <vector>

namespace fenestra::test {

using viewer::ObjectKind;
using viewer::Photometric;

struct CorpusSample
{
    int frame;
    int row;
    int column;
    int sample;
    qint64 value;
};

struct PydicomCorpusRow
{
    const char* file;
    const char* headerError; // errorCodeName expected from readDicomHeader, or nullptr
    const char* decodeError; // errorCodeName expected from decodeDicomPixels, or nullptr
    ObjectKind kind;         // checked for objects without pixels
    int rows;
    int columns;
    int frames;
    int samplesPerPixel;
    Photometric photometric;
    int bitsAllocated;
    int tolerance; // max abs difference allowed at the sample positions
    std::vector<CorpusSample> samples;
};

// Lossy JPEG: both DCMTK and GDCM use IJG libjpeg's integer IDCT; allow one step of rounding.
inline constexpr int kLossyTolerance = 1;

// Objects without pixels decode to NoPixelData. The deliberately broken files, with why:
//  - rtplan_truncated.dcm: ends inside an element -> Truncated (already in the header).
//  - empty_charset_LEI.dcm, nested_priv_SQ.dcm, meta_missing_tsyntax.dcm: no SOP Instance UID
//    in the data set nor in the meta header -> MissingAttribute.
//  - UN_sequence.dcm, priv_SQ.dcm, no_meta_group_length.dcm: the data set lacks (0008,0018)
//    but the meta header's Media Storage SOP Instance UID identifies the object, which the
//    reader accepts; without pixel attributes they read as ObjectKind::Other -> NoPixelData.
//  - no_meta.dcm: CT_small's data set behind one stray byte (0x20, the last pad byte of the
//    removed meta header), so no element starts where the data set should -> NotDicom.
//  - badVR.dcm: Number of Frames "1A" is no integer string -> Malformed.
inline const std::vector<PydicomCorpusRow>& pydicomCorpusRows()
{
    // One row per file, kept on one line each.
    // clang-format off
    static const std::vector<PydicomCorpusRow> rows = {
    // 693_J2KI.dcm: no samples: no JPEG 2000 decoder independent of GDCM here
    {"693_J2KI.dcm", nullptr, nullptr, ObjectKind::Image, 512, 512, 1, 1, Photometric::Monochrome2, 16, kLossyTolerance, {}},
    // CT_small.dcm: samples from pydicom
    {"CT_small.dcm", nullptr, nullptr, ObjectKind::Image, 128, 128, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 175}, {0, 64, 64, 0, 1928}, {0, 127, 127, 0, 909}, {0, 42, 85, 0, 1040}, {0, 32, 25, 0, 259}, {0, 64, 6, 0, 1249}}},
    // ExplVR_BigEnd.dcm: samples from pydicom
    {"ExplVR_BigEnd.dcm", nullptr, nullptr, ObjectKind::Image, 60, 80, 1, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 171}, {0, 0, 0, 1, 171}, {0, 0, 0, 2, 171}, {0, 30, 40, 0, 255}, {0, 30, 40, 1, 255}, {0, 30, 40, 2, 0}, {0, 59, 79, 0, 255}, {0, 59, 79, 1, 232}, {0, 59, 79, 2, 0}, {0, 20, 53, 0, 255}, {0, 20, 53, 1, 255}, {0, 20, 53, 2, 0}, {0, 15, 16, 0, 255}, {0, 15, 16, 1, 255}, {0, 15, 16, 2, 0}, {0, 30, 2, 0, 255}, {0, 30, 2, 1, 255}, {0, 30, 2, 2, 0}}},
    // GDCMJ2K_TextGBR.dcm: no samples: no JPEG 2000 decoder independent of GDCM here
    {"GDCMJ2K_TextGBR.dcm", nullptr, nullptr, ObjectKind::Image, 400, 400, 1, 3, Photometric::Rgb, 8, 0, {}},
    // J2K_pixelrep_mismatch.dcm: samples from pydicom's own test suite (tests/test_pylibjpeg.py,
    // test_pixel_rep_mismatch): Pixel Representation 1 wins over the unsigned codestream
    {"J2K_pixelrep_mismatch.dcm", nullptr, nullptr, ObjectKind::Image, 512, 512, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, -2000}, {0, 47, 279, 0, 621}, {0, 48, 279, 0, 412}, {0, 49, 279, 0, 138}, {0, 50, 279, 0, -193}, {0, 51, 279, 0, -520}, {0, 52, 279, 0, -767}, {0, 53, 279, 0, -907}, {0, 54, 279, 0, -966}, {0, 55, 279, 0, -988}, {0, 56, 279, 0, -995}, {0, 328, 106, 0, -377}, {0, 329, 106, 0, -121}, {0, 330, 106, 0, 141}, {0, 331, 106, 0, 383}, {0, 332, 106, 0, 633}, {0, 333, 106, 0, 910}, {0, 334, 106, 0, 1198}, {0, 335, 106, 0, 1455}, {0, 336, 106, 0, 1638}, {0, 337, 106, 0, 1732}}},
    // JPEG-lossy.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"JPEG-lossy.dcm", nullptr, nullptr, ObjectKind::Image, 1024, 256, 1, 1, Photometric::Monochrome2, 16, kLossyTolerance, {{0, 0, 0, 0, 1}, {0, 512, 128, 0, 14}, {0, 1023, 255, 0, 1}, {0, 341, 170, 0, 31}, {0, 256, 51, 0, 31}, {0, 402, 227, 0, 13}}},
    // JPEG2000-embedded-sequence-delimiter.dcm: JPEG2000.dcm with 4 bytes of the codestream's
    // SIZ segment (Rsiz and the top of Xsiz) overwritten by FFFE,E0DD: the fragment parses
    // (pydicom's test checks only that), the codestream is invalid (4292730882 tiles)
    {"JPEG2000-embedded-sequence-delimiter.dcm", nullptr, "DecodeFailed", ObjectKind::Image, 1024, 256, 1, 1, Photometric::Monochrome2, 16, kLossyTolerance, {}},
    // JPEG2000.dcm: no samples: no JPEG 2000 decoder independent of GDCM here
    {"JPEG2000.dcm", nullptr, nullptr, ObjectKind::Image, 1024, 256, 1, 1, Photometric::Monochrome2, 16, kLossyTolerance, {}},
    // JPGExtended.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"JPGExtended.dcm", nullptr, nullptr, ObjectKind::Image, 1024, 256, 1, 1, Photometric::Monochrome2, 16, kLossyTolerance, {{0, 0, 0, 0, 1}, {0, 512, 128, 0, 14}, {0, 1023, 255, 0, 1}, {0, 341, 170, 0, 31}, {0, 256, 51, 0, 31}, {0, 402, 227, 0, 13}}},
    // MR_small.dcm: samples from pydicom
    {"MR_small.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_RLE.dcm: samples from pydicom
    {"MR_small_RLE.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_bigendian.dcm: samples from pydicom
    {"MR_small_bigendian.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_expb.dcm: samples from pydicom
    {"MR_small_expb.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_implicit.dcm: samples from pydicom
    {"MR_small_implicit.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_jp2klossless.dcm: lossless copy of MR_small.dcm; samples from pydicom on MR_small.dcm
    {"MR_small_jp2klossless.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_jpeg_ls_lossless.dcm: samples from DCMTK dcmdjpls, read by pydicom
    {"MR_small_jpeg_ls_lossless.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_small_padded.dcm: samples from pydicom
    {"MR_small_padded.dcm", nullptr, nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {{0, 0, 0, 0, 905}, {0, 32, 32, 0, 182}, {0, 63, 63, 0, 862}, {0, 21, 42, 0, 375}, {0, 16, 12, 0, 509}, {0, 31, 63, 0, 956}}},
    // MR_truncated.dcm: pixel data holds 8130 of 8192 bytes (pydicom refuses it too)
    {"MR_truncated.dcm", "Truncated", nullptr, ObjectKind::Image, 64, 64, 1, 1, Photometric::Monochrome2, 16, 0, {}},
    // SC_jpeg_no_color_transform.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_jpeg_no_color_transform.dcm", nullptr, nullptr, ObjectKind::Image, 256, 256, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {{0, 0, 0, 0, 244}, {0, 0, 0, 1, 244}, {0, 0, 0, 2, 244}, {0, 128, 128, 0, 244}, {0, 128, 128, 1, 244}, {0, 128, 128, 2, 244}, {0, 255, 255, 0, 244}, {0, 255, 255, 1, 244}, {0, 255, 255, 2, 244}, {0, 85, 170, 0, 244}, {0, 85, 170, 1, 244}, {0, 85, 170, 2, 244}, {0, 64, 51, 0, 244}, {0, 64, 51, 1, 244}, {0, 64, 51, 2, 244}, {0, 177, 58, 0, 240}, {0, 177, 58, 1, 239}, {0, 177, 58, 2, 241}}},
    // SC_jpeg_no_color_transform_2.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_jpeg_no_color_transform_2.dcm", nullptr, nullptr, ObjectKind::Image, 256, 256, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {{0, 0, 0, 0, 244}, {0, 0, 0, 1, 246}, {0, 0, 0, 2, 246}, {0, 128, 128, 0, 244}, {0, 128, 128, 1, 244}, {0, 128, 128, 2, 246}, {0, 255, 255, 0, 244}, {0, 255, 255, 1, 246}, {0, 255, 255, 2, 246}, {0, 85, 170, 0, 246}, {0, 85, 170, 1, 246}, {0, 85, 170, 2, 246}, {0, 64, 51, 0, 246}, {0, 64, 51, 1, 246}, {0, 64, 51, 2, 246}, {0, 120, 150, 0, 246}, {0, 120, 150, 1, 246}, {0, 120, 150, 2, 246}}},
    // SC_rgb_dcmtk_+eb+cr.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cr.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {{0, 0, 0, 0, 255}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 129}, {0, 50, 50, 1, 129}, {0, 50, 50, 2, 255}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 255}, {0, 99, 99, 2, 255}, {0, 33, 66, 0, 128}, {0, 33, 66, 1, 255}, {0, 33, 66, 2, 128}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 255}, {0, 25, 20, 2, 0}, {0, 55, 0, 0, 128}, {0, 55, 0, 1, 128}, {0, 55, 0, 2, 255}}},
    // SC_rgb_dcmtk_+eb+cy+n1.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cy+n1.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 207}, {0, 50, 50, 2, 117}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 76}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 21}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 192}, {0, 55, 0, 2, 117}}},
    // SC_rgb_dcmtk_+eb+cy+n2.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cy+n2.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 192}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 20}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 193}, {0, 55, 0, 2, 118}}},
    // SC_rgb_dcmtk_+eb+cy+np.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cy+np.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 207}, {0, 50, 50, 2, 117}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 76}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 21}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 192}, {0, 55, 0, 2, 117}}},
    // SC_rgb_dcmtk_+eb+cy+s2.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cy+s2.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 192}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 20}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 193}, {0, 55, 0, 2, 118}}},
    // SC_rgb_dcmtk_+eb+cy+s4.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_dcmtk_+eb+cy+s4.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 192}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 20}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 193}, {0, 55, 0, 2, 118}}},
    // SC_rgb_gdcm_KY.dcm: no samples: no JPEG 2000 decoder independent of GDCM here
    {"SC_rgb_gdcm_KY.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {}},
    // SC_rgb_jpeg.dcm: no samples: DCMTK rejects its data set (non-standard VR '  ' (18\00) encountered while p
    {"SC_rgb_jpeg.dcm", nullptr, nullptr, ObjectKind::Image, 256, 256, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {}},
    // SC_rgb_jpeg_app14_dcmd.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_jpeg_app14_dcmd.dcm", nullptr, nullptr, ObjectKind::Image, 256, 256, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {{0, 0, 0, 0, 244}, {0, 0, 0, 1, 246}, {0, 0, 0, 2, 246}, {0, 128, 128, 0, 244}, {0, 128, 128, 1, 244}, {0, 128, 128, 2, 246}, {0, 255, 255, 0, 244}, {0, 255, 255, 1, 246}, {0, 255, 255, 2, 246}, {0, 85, 170, 0, 246}, {0, 85, 170, 1, 246}, {0, 85, 170, 2, 246}, {0, 64, 51, 0, 246}, {0, 64, 51, 1, 246}, {0, 64, 51, 2, 246}, {0, 120, 150, 0, 246}, {0, 120, 150, 1, 246}, {0, 120, 150, 2, 246}}},
    // SC_rgb_jpeg_dcmd.dcm: samples from pydicom
    {"SC_rgb_jpeg_dcmd.dcm", nullptr, nullptr, ObjectKind::Image, 256, 256, 1, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 244}, {0, 0, 0, 1, 244}, {0, 0, 0, 2, 244}, {0, 128, 128, 0, 244}, {0, 128, 128, 1, 244}, {0, 128, 128, 2, 244}, {0, 255, 255, 0, 244}, {0, 255, 255, 1, 244}, {0, 255, 255, 2, 244}, {0, 85, 170, 0, 244}, {0, 85, 170, 1, 244}, {0, 85, 170, 2, 244}, {0, 64, 51, 0, 244}, {0, 64, 51, 1, 244}, {0, 64, 51, 2, 244}, {0, 177, 58, 0, 240}, {0, 177, 58, 1, 239}, {0, 177, 58, 2, 241}}},
    // SC_rgb_jpeg_dcmtk.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_jpeg_dcmtk.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 192}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 20}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 193}, {0, 55, 0, 2, 118}}},
    // SC_rgb_jpeg_gdcm.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_jpeg_gdcm.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 255}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 128}, {0, 50, 50, 1, 128}, {0, 50, 50, 2, 255}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 255}, {0, 99, 99, 2, 255}, {0, 33, 66, 0, 128}, {0, 33, 66, 1, 255}, {0, 33, 66, 2, 128}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 255}, {0, 25, 20, 2, 0}, {0, 55, 0, 0, 128}, {0, 55, 0, 1, 128}, {0, 55, 0, 2, 255}}},
    // SC_rgb_jpeg_lossy_gdcm.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_jpeg_lossy_gdcm.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 8, kLossyTolerance, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 142}, {0, 50, 50, 1, 207}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 44}, {0, 25, 20, 2, 21}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 191}, {0, 55, 0, 2, 118}}},
    // SC_rgb_rle.dcm: samples from pydicom
    {"SC_rgb_rle.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 255}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 128}, {0, 50, 50, 1, 128}, {0, 50, 50, 2, 255}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 255}, {0, 99, 99, 2, 255}, {0, 33, 66, 0, 128}, {0, 33, 66, 1, 255}, {0, 33, 66, 2, 128}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 255}, {0, 25, 20, 2, 0}, {0, 55, 0, 0, 128}, {0, 55, 0, 1, 128}, {0, 55, 0, 2, 255}}},
    // SC_rgb_rle_16bit.dcm: samples from pydicom
    {"SC_rgb_rle_16bit.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 16, 0, {{0, 0, 0, 0, 65535}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 32896}, {0, 50, 50, 1, 32896}, {0, 50, 50, 2, 65535}, {0, 99, 99, 0, 65535}, {0, 99, 99, 1, 65535}, {0, 99, 99, 2, 65535}, {0, 33, 66, 0, 32896}, {0, 33, 66, 1, 65535}, {0, 33, 66, 2, 32896}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 65535}, {0, 25, 20, 2, 0}, {0, 55, 0, 0, 32896}, {0, 55, 0, 1, 32896}, {0, 55, 0, 2, 65535}}},
    // SC_rgb_rle_16bit_2frame.dcm: samples from pydicom
    {"SC_rgb_rle_16bit_2frame.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 2, 3, Photometric::Rgb, 16, 0, {{0, 0, 0, 0, 65535}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 32896}, {0, 50, 50, 1, 32896}, {0, 50, 50, 2, 65535}, {0, 99, 99, 0, 65535}, {0, 99, 99, 1, 65535}, {0, 99, 99, 2, 65535}, {0, 33, 66, 0, 32896}, {0, 33, 66, 1, 65535}, {0, 33, 66, 2, 32896}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 65535}, {0, 25, 20, 2, 0}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 65535}, {1, 0, 0, 2, 65535}, {1, 50, 50, 0, 32639}, {1, 50, 50, 1, 32639}, {1, 50, 50, 2, 0}, {1, 99, 99, 0, 0}, {1, 99, 99, 1, 0}, {1, 99, 99, 2, 0}, {1, 33, 66, 0, 32639}, {1, 33, 66, 1, 0}, {1, 33, 66, 2, 32639}, {1, 25, 20, 0, 65535}, {1, 25, 20, 1, 0}, {1, 25, 20, 2, 65535}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 65535}, {1, 0, 0, 2, 65535}}},
    // SC_rgb_rle_2frame.dcm: samples from pydicom
    {"SC_rgb_rle_2frame.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 2, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 255}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 128}, {0, 50, 50, 1, 128}, {0, 50, 50, 2, 255}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 255}, {0, 99, 99, 2, 255}, {0, 33, 66, 0, 128}, {0, 33, 66, 1, 255}, {0, 33, 66, 2, 128}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 255}, {0, 25, 20, 2, 0}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 255}, {1, 0, 0, 2, 255}, {1, 50, 50, 0, 127}, {1, 50, 50, 1, 127}, {1, 50, 50, 2, 0}, {1, 99, 99, 0, 0}, {1, 99, 99, 1, 0}, {1, 99, 99, 2, 0}, {1, 33, 66, 0, 127}, {1, 33, 66, 1, 0}, {1, 33, 66, 2, 127}, {1, 25, 20, 0, 255}, {1, 25, 20, 1, 0}, {1, 25, 20, 2, 255}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 255}, {1, 0, 0, 2, 255}}},
    // SC_rgb_rle_32bit.dcm: samples from pydicom
    {"SC_rgb_rle_32bit.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::Rgb, 32, 0, {{0, 0, 0, 0, 4294967295}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 2155905152}, {0, 50, 50, 1, 2155905152}, {0, 50, 50, 2, 4294967295}, {0, 99, 99, 0, 4294967295}, {0, 99, 99, 1, 4294967295}, {0, 99, 99, 2, 4294967295}, {0, 33, 66, 0, 2155905152}, {0, 33, 66, 1, 4294967295}, {0, 33, 66, 2, 2155905152}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 4294967295}, {0, 25, 20, 2, 0}, {0, 55, 0, 0, 2155905152}, {0, 55, 0, 1, 2155905152}, {0, 55, 0, 2, 4294967295}}},
    // SC_rgb_rle_32bit_2frame.dcm: samples from pydicom
    {"SC_rgb_rle_32bit_2frame.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 2, 3, Photometric::Rgb, 32, 0, {{0, 0, 0, 0, 4294967295}, {0, 0, 0, 1, 0}, {0, 0, 0, 2, 0}, {0, 50, 50, 0, 2155905152}, {0, 50, 50, 1, 2155905152}, {0, 50, 50, 2, 4294967295}, {0, 99, 99, 0, 4294967295}, {0, 99, 99, 1, 4294967295}, {0, 99, 99, 2, 4294967295}, {0, 33, 66, 0, 2155905152}, {0, 33, 66, 1, 4294967295}, {0, 33, 66, 2, 2155905152}, {0, 25, 20, 0, 0}, {0, 25, 20, 1, 4294967295}, {0, 25, 20, 2, 0}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 4294967295}, {1, 0, 0, 2, 4294967295}, {1, 50, 50, 0, 2139062143}, {1, 50, 50, 1, 2139062143}, {1, 50, 50, 2, 0}, {1, 99, 99, 0, 0}, {1, 99, 99, 1, 0}, {1, 99, 99, 2, 0}, {1, 33, 66, 0, 2139062143}, {1, 33, 66, 1, 0}, {1, 33, 66, 2, 2139062143}, {1, 25, 20, 0, 4294967295}, {1, 25, 20, 1, 0}, {1, 25, 20, 2, 4294967295}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 4294967295}, {1, 0, 0, 2, 4294967295}}},
    // SC_rgb_small_odd.dcm: samples from pydicom
    {"SC_rgb_small_odd.dcm", nullptr, nullptr, ObjectKind::Image, 3, 3, 1, 3, Photometric::Rgb, 8, 0, {{0, 0, 0, 0, 166}, {0, 0, 0, 1, 141}, {0, 0, 0, 2, 52}, {0, 1, 1, 0, 63}, {0, 1, 1, 1, 87}, {0, 1, 1, 2, 176}, {0, 2, 2, 0, 158}, {0, 2, 2, 1, 158}, {0, 2, 2, 2, 158}, {0, 1, 2, 0, 63}, {0, 1, 2, 1, 87}, {0, 1, 2, 2, 176}, {0, 0, 0, 0, 166}, {0, 0, 0, 1, 141}, {0, 0, 0, 2, 52}, {0, 2, 0, 0, 158}, {0, 2, 0, 1, 158}, {0, 2, 0, 2, 158}}},
    // SC_rgb_small_odd_jpeg.dcm: samples from DCMTK dcmdjpeg, read by pydicom
    {"SC_rgb_small_odd_jpeg.dcm", nullptr, nullptr, ObjectKind::Image, 3, 3, 1, 3, Photometric::YbrFull, 8, kLossyTolerance, {{0, 0, 0, 0, 138}, {0, 0, 0, 1, 78}, {0, 0, 0, 2, 147}, {0, 1, 1, 0, 90}, {0, 1, 1, 1, 178}, {0, 1, 1, 2, 108}, {0, 2, 2, 0, 158}, {0, 2, 2, 1, 126}, {0, 2, 2, 2, 129}, {0, 1, 2, 0, 90}, {0, 1, 2, 1, 178}, {0, 1, 2, 2, 108}, {0, 0, 0, 0, 138}, {0, 0, 0, 1, 78}, {0, 0, 0, 2, 147}, {0, 2, 0, 0, 158}, {0, 2, 0, 1, 126}, {0, 2, 0, 2, 129}}},
    // SC_ybr_full_422_uncompressed.dcm: samples from pydicom
    {"SC_ybr_full_422_uncompressed.dcm", nullptr, nullptr, ObjectKind::Image, 100, 100, 1, 3, Photometric::YbrFull, 8, 0, {{0, 0, 0, 0, 76}, {0, 0, 0, 1, 85}, {0, 0, 0, 2, 255}, {0, 50, 50, 0, 143}, {0, 50, 50, 1, 192}, {0, 50, 50, 2, 115}, {0, 99, 99, 0, 255}, {0, 99, 99, 1, 128}, {0, 99, 99, 2, 128}, {0, 33, 66, 0, 203}, {0, 33, 66, 1, 86}, {0, 33, 66, 2, 75}, {0, 25, 20, 0, 150}, {0, 25, 20, 1, 46}, {0, 25, 20, 2, 20}, {0, 55, 0, 0, 142}, {0, 55, 0, 1, 193}, {0, 55, 0, 2, 118}}},
    // image_dfl.dcm: samples from pydicom
    {"image_dfl.dcm", nullptr, nullptr, ObjectKind::Image, 512, 512, 1, 1, Photometric::Monochrome2, 8, 0, {{0, 0, 0, 0, 213}, {0, 256, 256, 0, 65}, {0, 511, 511, 0, 188}, {0, 170, 341, 0, 184}, {0, 128, 102, 0, 255}, {0, 272, 136, 0, 148}}},
    // liver_1frame.dcm: samples from pydicom
    {"liver_1frame.dcm", nullptr, nullptr, ObjectKind::Image, 512, 512, 1, 1, Photometric::Monochrome2, 8, 0, {{0, 0, 0, 0, 0}, {0, 256, 256, 0, 1}, {0, 511, 511, 0, 0}, {0, 170, 341, 0, 0}, {0, 128, 102, 0, 0}, {0, 233, 146, 0, 1}}},
    // liver_expb_1frame.dcm: samples from pydicom
    {"liver_expb_1frame.dcm", nullptr, nullptr, ObjectKind::Image, 512, 512, 1, 1, Photometric::Monochrome2, 8, 0, {{0, 0, 0, 0, 0}, {0, 256, 256, 0, 1}, {0, 511, 511, 0, 0}, {0, 170, 341, 0, 0}, {0, 128, 102, 0, 0}, {0, 233, 146, 0, 1}}},
    // rtdose.dcm: samples from pydicom
    {"rtdose.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 15, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {14, 0, 0, 0, 1249000}, {14, 5, 5, 0, 982000}, {14, 9, 9, 0, 799000}, {14, 3, 6, 0, 1083000}, {14, 2, 2, 0, 1139000}, {7, 4, 8, 0, 1034000}}},
    // rtdose_1frame.dcm: samples from pydicom
    {"rtdose_1frame.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 1, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {0, 5, 1, 0, 980000}}},
    // rtdose_expb.dcm: samples from pydicom
    {"rtdose_expb.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 15, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {14, 0, 0, 0, 1249000}, {14, 5, 5, 0, 982000}, {14, 9, 9, 0, 799000}, {14, 3, 6, 0, 1083000}, {14, 2, 2, 0, 1139000}, {7, 4, 8, 0, 1034000}}},
    // rtdose_expb_1frame.dcm: samples from pydicom
    {"rtdose_expb_1frame.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 1, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {0, 5, 1, 0, 980000}}},
    // rtdose_rle.dcm: samples from pydicom
    {"rtdose_rle.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 15, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {14, 0, 0, 0, 1249000}, {14, 5, 5, 0, 982000}, {14, 9, 9, 0, 799000}, {14, 3, 6, 0, 1083000}, {14, 2, 2, 0, 1139000}, {7, 4, 8, 0, 1034000}}},
    // rtdose_rle_1frame.dcm: samples from pydicom
    {"rtdose_rle_1frame.dcm", nullptr, nullptr, ObjectKind::Image, 10, 10, 1, 1, Photometric::Monochrome2, 32, 0, {{0, 0, 0, 0, 1249000}, {0, 5, 5, 0, 978000}, {0, 9, 9, 0, 798000}, {0, 3, 6, 0, 1085000}, {0, 2, 2, 0, 1139000}, {0, 5, 1, 0, 980000}}},
    {"ExplVR_BigEndNoMeta.dcm", nullptr, "NoPixelData", ObjectKind::RtPlan, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"ExplVR_LitEndNoMeta.dcm", nullptr, "NoPixelData", ObjectKind::RtPlan, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"UN_sequence.dcm", nullptr, "NoPixelData", ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"badVR.dcm", "Malformed", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"empty_charset_LEI.dcm", "MissingAttribute", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"meta_missing_tsyntax.dcm", "MissingAttribute", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"nested_priv_SQ.dcm", "MissingAttribute", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"no_meta.dcm", "NotDicom", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"no_meta_group_length.dcm", nullptr, "NoPixelData", ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"priv_SQ.dcm", nullptr, "NoPixelData", ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"reportsi.dcm", nullptr, "NoPixelData", ObjectKind::StructuredReport, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"reportsi_with_empty_number_tags.dcm", nullptr, "NoPixelData", ObjectKind::StructuredReport, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"rtplan.dcm", nullptr, "NoPixelData", ObjectKind::RtPlan, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"rtplan_truncated.dcm", "Truncated", nullptr, ObjectKind::Other, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"rtstruct.dcm", nullptr, "NoPixelData", ObjectKind::RtStructureSet, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"test-SR.dcm", nullptr, "NoPixelData", ObjectKind::StructuredReport, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    {"waveform_ecg.dcm", nullptr, "NoPixelData", ObjectKind::Waveform, 0, 0, 0, 0, Photometric::Unknown, 0, 0, {}},
    };
    // clang-format on
    return rows;
}

} // namespace fenestra::test
