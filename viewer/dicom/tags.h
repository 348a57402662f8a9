#pragma once

// Internal to viewer/dicom: the attributes we read, named once.

#include <gdcmTag.h>

namespace fenestra::viewer::tags {

inline const gdcm::Tag SpecificCharacterSet{0x0008, 0x0005};
inline const gdcm::Tag ImageType{0x0008, 0x0008};
inline const gdcm::Tag SopClassUid{0x0008, 0x0016};
inline const gdcm::Tag SopInstanceUid{0x0008, 0x0018};
inline const gdcm::Tag StudyDate{0x0008, 0x0020};
inline const gdcm::Tag StudyTime{0x0008, 0x0030};
inline const gdcm::Tag AccessionNumber{0x0008, 0x0050};
inline const gdcm::Tag Modality{0x0008, 0x0060};
inline const gdcm::Tag StudyDescription{0x0008, 0x1030};
inline const gdcm::Tag SeriesDescription{0x0008, 0x103e};
inline const gdcm::Tag RecommendedDisplayFrameRate{0x0008, 0x2144};

inline const gdcm::Tag PatientName{0x0010, 0x0010};
inline const gdcm::Tag PatientId{0x0010, 0x0020};
inline const gdcm::Tag IssuerOfPatientId{0x0010, 0x0021};
inline const gdcm::Tag PatientBirthDate{0x0010, 0x0030};
inline const gdcm::Tag PatientSex{0x0010, 0x0040};

inline const gdcm::Tag BodyPartExamined{0x0018, 0x0015};
inline const gdcm::Tag CineRate{0x0018, 0x0040};
inline const gdcm::Tag SliceThickness{0x0018, 0x0050};
inline const gdcm::Tag Kvp{0x0018, 0x0060};
inline const gdcm::Tag RepetitionTime{0x0018, 0x0080};
inline const gdcm::Tag EchoTime{0x0018, 0x0081};
inline const gdcm::Tag FrameTime{0x0018, 0x1063};
inline const gdcm::Tag Exposure{0x0018, 0x1152};
inline const gdcm::Tag ImagerPixelSpacing{0x0018, 0x1164};
inline const gdcm::Tag ExposureInMas{0x0018, 0x9332};

inline const gdcm::Tag StudyInstanceUid{0x0020, 0x000d};
inline const gdcm::Tag SeriesInstanceUid{0x0020, 0x000e};
inline const gdcm::Tag StudyId{0x0020, 0x0010};
inline const gdcm::Tag SeriesNumber{0x0020, 0x0011};
inline const gdcm::Tag InstanceNumber{0x0020, 0x0013};
inline const gdcm::Tag ImagePositionPatient{0x0020, 0x0032};
inline const gdcm::Tag ImageOrientationPatient{0x0020, 0x0037};
inline const gdcm::Tag FrameOfReferenceUid{0x0020, 0x0052};
inline const gdcm::Tag Laterality{0x0020, 0x0060};
inline const gdcm::Tag ImageLaterality{0x0020, 0x0062};
inline const gdcm::Tag SliceLocation{0x0020, 0x1041};
inline const gdcm::Tag PlanePositionSequence{0x0020, 0x9113};
inline const gdcm::Tag PlaneOrientationSequence{0x0020, 0x9116};

inline const gdcm::Tag SamplesPerPixel{0x0028, 0x0002};
inline const gdcm::Tag PhotometricInterpretation{0x0028, 0x0004};
inline const gdcm::Tag PlanarConfiguration{0x0028, 0x0006};
inline const gdcm::Tag NumberOfFrames{0x0028, 0x0008};
inline const gdcm::Tag Rows{0x0028, 0x0010};
inline const gdcm::Tag Columns{0x0028, 0x0011};
inline const gdcm::Tag PixelSpacing{0x0028, 0x0030};
inline const gdcm::Tag BitsAllocated{0x0028, 0x0100};
inline const gdcm::Tag BitsStored{0x0028, 0x0101};
inline const gdcm::Tag HighBit{0x0028, 0x0102};
inline const gdcm::Tag PixelRepresentation{0x0028, 0x0103};
inline const gdcm::Tag PixelPaddingValue{0x0028, 0x0120};
inline const gdcm::Tag PixelPaddingRangeLimit{0x0028, 0x0121};
inline const gdcm::Tag WindowCenter{0x0028, 0x1050};
inline const gdcm::Tag WindowWidth{0x0028, 0x1051};
inline const gdcm::Tag RescaleIntercept{0x0028, 0x1052};
inline const gdcm::Tag RescaleSlope{0x0028, 0x1053};
inline const gdcm::Tag RescaleType{0x0028, 0x1054};
inline const gdcm::Tag WindowExplanation{0x0028, 0x1055};
inline const gdcm::Tag RedPaletteDescriptor{0x0028, 0x1101};
inline const gdcm::Tag GreenPaletteDescriptor{0x0028, 0x1102};
inline const gdcm::Tag BluePaletteDescriptor{0x0028, 0x1103};
inline const gdcm::Tag RedPaletteData{0x0028, 0x1201};
inline const gdcm::Tag GreenPaletteData{0x0028, 0x1202};
inline const gdcm::Tag BluePaletteData{0x0028, 0x1203};
inline const gdcm::Tag LutDescriptor{0x0028, 0x3002};
inline const gdcm::Tag LutExplanation{0x0028, 0x3003};
inline const gdcm::Tag LutData{0x0028, 0x3006};
inline const gdcm::Tag VoiLutSequence{0x0028, 0x3010};
inline const gdcm::Tag PixelMeasuresSequence{0x0028, 0x9110};
inline const gdcm::Tag FrameVoiLutSequence{0x0028, 0x9132};
inline const gdcm::Tag PixelValueTransformationSequence{0x0028, 0x9145};

inline const gdcm::Tag GridFrameOffsetVector{0x3004, 0x000c};
inline const gdcm::Tag SharedFunctionalGroups{0x5200, 0x9229};
inline const gdcm::Tag PerFrameFunctionalGroups{0x5200, 0x9230};
inline const gdcm::Tag PixelData{0x7fe0, 0x0010};

} // namespace fenestra::viewer::tags
