#pragma once

#include "pixelformat.h"
#include "vec3.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace fenestra::viewer {

// Plain descriptions of what a DICOM object says about itself. No GDCM type leaks here: the
// DICOM part of the library fills these from the files. Text is already decoded per the
// object's Specific Character Set.

struct PatientInfo
{
    QString name; // DICOM PN, components separated by '^', groups by '='
    QString id;
    QString issuerOfPatientId;
    QString birthDate; // YYYYMMDD as stored
    QString sex;
};

struct StudyInfo
{
    QString instanceUid;
    QString date;
    QString time;
    QString description;
    QString accessionNumber;
    QString id;
};

struct SeriesInfo
{
    QString instanceUid;
    QString modality;
    QString description;
    int number = 0;
    QString frameOfReferenceUid;
    QString bodyPart;
    QString laterality;
};

enum class ObjectKind
{
    Image,
    StructuredReport,
    KeyObjectSelection,
    PresentationState,
    RtStructureSet,
    RtPlan,
    Waveform,
    EncapsulatedDocument,
    Other
};
QString objectKindToString(ObjectKind kind);

// Where the in-plane pixel spacing came from; Imager Pixel Spacing is at the detector and the
// viewer must say so next to any measurement.
enum class SpacingSource
{
    PixelSpacing,
    ImagerPixelSpacing,
    None
};

// Position and orientation of one frame in patient coordinates (LPS, mm).
struct ImagePlane
{
    Vec3 position;                 // centre of the first transmitted pixel
    Vec3 rowDirection{1, 0, 0};    // direction of increasing column index
    Vec3 columnDirection{0, 1, 0}; // direction of increasing row index
    double rowSpacing = 1.0;       // mm between adjacent rows (first value of Pixel Spacing)
    double columnSpacing = 1.0;    // mm between adjacent columns
    bool hasPosition = false;
    bool hasOrientation = false;
    SpacingSource spacingSource = SpacingSource::None;

    Vec3 normal() const { return rowDirection.cross(columnDirection).normalized(); }
};

// Modality LUT as a linear rescale: output = stored * slope + intercept.
struct Rescale
{
    double slope = 1.0;
    double intercept = 0.0;
    QString type; // e.g. "HU"
    bool operator==(const Rescale&) const = default;
    bool isIdentity() const { return slope == 1.0 && intercept == 0.0; }
};

struct VoiWindow
{
    double center = 0.0;
    double width = 0.0;
    QString explanation;
};

// A VOI LUT table from the header (VOI LUT Sequence): maps modality values to output values.
struct LookupTable
{
    int firstMapped = 0; // first input value mapped (signed per pixel representation)
    int bitsPerEntry = 16;
    std::vector<quint16> entries;
    QString explanation;
};

// PALETTE COLOR lookup tables, each normalised to 16-bit entries.
struct Palette
{
    int firstMapped = 0;
    std::vector<quint16> red;
    std::vector<quint16> green;
    std::vector<quint16> blue;
};

struct PixelPadding
{
    double value = 0.0;
    std::optional<double> rangeLimit;
};

// What applies to one frame; for enhanced multi-frame objects, resolved from the shared and
// per-frame functional groups.
struct FrameInfo
{
    ImagePlane plane;
    Rescale rescale;
    std::vector<VoiWindow> windows;
};

struct Technique
{
    std::optional<double> kvp;
    std::optional<double> exposureMas;
    std::optional<double> repetitionTimeMs;
    std::optional<double> echoTimeMs;
    std::optional<double> sliceThickness;
    std::optional<double> sliceLocation;
};

struct InstanceInfo
{
    QString source;    // what the user knows it as: a file path, or "archive.zip!entry/name"
    QString localPath; // where its bytes can be read again (for archive members: an extracted
                       // copy); empty when the object came from memory only
    QString sopClassUid;
    QString sopInstanceUid;
    QString transferSyntaxUid;
    ObjectKind kind = ObjectKind::Other;

    PatientInfo patient;
    StudyInfo study;
    SeriesInfo series;

    int instanceNumber = 0;
    QString imageType;
    bool hasPixelData = false;
    PixelFormat format;
    int numberOfFrames = 0;
    std::vector<FrameInfo> frames; // one per frame when hasPixelData

    std::optional<PixelPadding> padding;
    std::shared_ptr<const LookupTable> voiLut;
    std::shared_ptr<const Palette> palette;

    std::optional<double> frameTimeMs;
    std::optional<double> recommendedFrameRate;
    Technique technique;
};

} // namespace fenestra::viewer
