#pragma once

// Internal to viewer/dicom: a DICOM JSON object (PS3.18 F.2) turned into a GDCM data set, so
// that metadata received from an archive goes through the same header parser as files.

#include "core/errors.h"

#include <QJsonObject>

#include <gdcmDataSet.h>

namespace fenestra::viewer::detail {

// Values are encoded as a Part 10 explicit little endian writer would store them: text VRs as
// text (multiple values joined by '\', person names' groups by '='), binary VRs in native byte
// order, sequences as items. Bulk data references and InlineBinary of pixel data become an
// empty element (the object has pixels; their bytes come later). Text is UTF-8, so the data set
// is given Specific Character Set ISO_IR 192. Fails with Malformed on a tag or value that
// cannot be read.
Result<gdcm::DataSet> dataSetFromDicomJson(const QJsonObject& object);

} // namespace fenestra::viewer::detail
