#pragma once

#include "core/dicommodel.h"
#include "core/vec3.h"
#include "viewtransform.h"

#include <QString>

namespace fenestra::viewer {

// DICOM patient orientation letters for a direction in LPS: +x L, -x R, +y P, -y A, +z H, -z F.
// Up to three letters, strongest component first, components with |c| < 0.25 (after
// normalisation) omitted; e.g. (1,0,0) -> "L", (0.98,0,-0.17) -> "L", (0.7,0.7,0) -> "LP".
// A zero direction gives an empty label.
//
// Thread contract: reentrant.
QString orientationLabel(const Vec3& direction);

struct OrientationMarkers
{
    QString left, right, top, bottom;
    bool operator==(const OrientationMarkers&) const = default;
};

// What lies in each direction of the screen for a frame with this plane shown through `view`:
// each screen direction is taken back to image space through the view's rotation, flips and
// pixel aspect, then into patient space through the plane. All empty when the plane has no
// orientation.
//
// Thread contract: reentrant.
OrientationMarkers orientationMarkers(const ImagePlane& plane, const ViewTransform& view);

} // namespace fenestra::viewer
