#pragma once

// The CT phantom's geometry as the generator's manifest describes it, with the little vector
// arithmetic the 3D export tests need. Written from the manifest, not taken from the viewer,
// so that the tests check the viewer rather than repeat it.

#include "clirunner.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>

namespace fenestra::test {

using P3 = std::array<double, 3>;

inline P3 operator+(P3 a, P3 b)
{
    return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
inline P3 operator-(P3 a, P3 b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
inline P3 operator*(P3 a, double s)
{
    return {a[0] * s, a[1] * s, a[2] * s};
}
inline double dot(P3 a, P3 b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
inline P3 cross(P3 a, P3 b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
inline P3 unit(P3 a)
{
    return a * (1.0 / std::sqrt(dot(a, a)));
}
inline P3 toP3(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

// The volume of the manifest's "geometry": slices ascend along the normal.
struct PhantomGrid
{
    P3 origin;
    std::array<P3, 3> axes; // row direction, column direction, normal
    std::array<int, 3> size;
    std::array<double, 3> spacing; // along the axes

    explicit PhantomGrid(const QJsonObject& g)
    {
        const QJsonArray o = g[key("orientation")].toArray();
        // Axial series give their first voxel; oblique ones list every slice's position.
        origin = g.contains(key("origin")) ? toP3(g[key("origin")])
                                           : toP3(g[key("slice_positions")].toArray().first());
        axes[0] = {o[0].toDouble(), o[1].toDouble(), o[2].toDouble()};
        axes[1] = {o[3].toDouble(), o[4].toDouble(), o[5].toDouble()};
        axes[2] = cross(axes[0], axes[1]);
        size = {g[key("columns")].toInt(), g[key("rows")].toInt(), g[key("slices")].toInt()};
        const QJsonArray s = g[key("pixel_spacing")].toArray();
        spacing = {s[1].toDouble(), s[0].toDouble(), g[key("slice_spacing")].toDouble()};
    }
    P3 voxel(double i, double j, double k) const
    {
        return origin + axes[0] * (i * spacing[0]) + axes[1] * (j * spacing[1]) +
               axes[2] * (k * spacing[2]);
    }
    P3 centre() const
    {
        return voxel((size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0);
    }
    double finestSpacing() const { return std::min({spacing[0], spacing[1], spacing[2]}); }
    // Lowest and highest voxel centre along a direction, mm.
    std::pair<double, double> rangeAlong(P3 direction) const
    {
        double low = 1e9;
        double high = -1e9;
        for (int corner = 0; corner < 8; ++corner) {
            const double d =
                dot(voxel((corner & 1) ? size[0] - 1 : 0, (corner & 2) ? size[1] - 1 : 0,
                          (corner & 4) ? size[2] - 1 : 0),
                    direction);
            low = std::min(low, d);
            high = std::max(high, d);
        }
        return {low, high};
    }
};

// The object called `name` in a manifest array of named objects.
inline QJsonObject namedObject(const QJsonArray& array, const char* name)
{
    for (const QJsonValue& v : array)
        if (v[key("name")].toString() == QLatin1String(name))
            return v.toObject();
    return {};
}

} // namespace fenestra::test
