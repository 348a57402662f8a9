#pragma once

// Internal to viewer/dicom: builds our InstanceInfo from a parsed data set.

#include "core/dicommodel.h"
#include "core/errors.h"
#include "datasetview.h"

namespace fenestra::viewer::detail {

struct HeaderContext
{
    QString source;
    QString transferSyntaxUid;
    QString metaSopClassUid;    // from the file meta information, if any
    QString metaSopInstanceUid; // likewise
};

// Fails with MissingAttribute when an image lacks what is needed to decode it (rows, columns,
// bits allocated) or an object has no SOP Instance UID.
Result<InstanceInfo> parseInstance(const DataSetView& dataSet, const HeaderContext& context);

ObjectKind objectKindForSopClass(const QString& sopClassUid, bool hasPixelData);

} // namespace fenestra::viewer::detail
