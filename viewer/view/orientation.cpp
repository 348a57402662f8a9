#include "orientation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fenestra::viewer {

namespace {

constexpr double kMinimumComponent = 0.25;

struct Component
{
    double value;
    char positive;
    char negative;
};

// The patient direction of a screen direction (widget delta).
Vec3 patientDirection(const ImagePlane& plane, const QTransform& imageToWidget, QPointF screen)
{
    // Only the linear part matters: map the delta through the inverse of imageToWidget.
    const QTransform inverse = imageToWidget.inverted();
    const QPointF image = inverse.map(screen) - inverse.map(QPointF(0.0, 0.0));
    return plane.rowDirection * (image.x() * plane.columnSpacing) +
           plane.columnDirection * (image.y() * plane.rowSpacing);
}

} // namespace

QString orientationLabel(const Vec3& direction)
{
    const Vec3 n = direction.normalized();
    if (n.length() == 0.0 || !std::isfinite(n.length()))
        return {};
    std::array<Component, 3> components{{{n.x, 'L', 'R'}, {n.y, 'P', 'A'}, {n.z, 'H', 'F'}}};
    // Stable, so equal components keep the x, y, z order.
    std::ranges::stable_sort(components, [](const Component& a, const Component& b) {
        return std::abs(a.value) > std::abs(b.value);
    });
    QString label;
    for (const Component& c : components) {
        if (std::abs(c.value) >= kMinimumComponent)
            label += QLatin1Char(c.value > 0.0 ? c.positive : c.negative);
    }
    return label;
}

OrientationMarkers orientationMarkers(const ImagePlane& plane, const ViewTransform& view)
{
    if (!plane.hasOrientation)
        return {};
    const QTransform transform = view.imageToWidget();
    if (!transform.isInvertible())
        return {};
    const auto label = [&](QPointF screen) {
        return orientationLabel(patientDirection(plane, transform, screen));
    };
    return {label({-1.0, 0.0}), label({1.0, 0.0}), label({0.0, -1.0}), label({0.0, 1.0})};
}

} // namespace fenestra::viewer
