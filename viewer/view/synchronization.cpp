#include "synchronization.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace fenestra::viewer {

namespace {

bool parallel(Vec3 a, Vec3 b)
{
    static const double kCosTolerance =
        std::cos(kParallelToleranceDegrees * std::numbers::pi / 180.0);
    return std::abs(a.normalized().dot(b.normalized())) >= kCosTolerance;
}

QString frameOfReference(const DisplaySet& set)
{
    if (set.frames.empty() || !set.frames.front().instance)
        return {};
    return set.frames.front().instance->series.frameOfReferenceUid.trimmed();
}

bool matchesByPosition(const DisplaySet& source, const DisplaySet& target)
{
    const QString reference = frameOfReference(source);
    return source.isSpatial && target.isSpatial && !reference.isEmpty() &&
           reference == frameOfReference(target) && parallel(source.normal, target.normal);
}

FrameMatch nearestByPosition(const Vec3& position, const DisplaySet& target)
{
    const Vec3 normal = target.normal.normalized();
    FrameMatch match{0, true, false};
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < target.frames.size(); ++i) {
        const double distance =
            std::abs(normal.dot(target.frames[i].info().plane.position - position));
        if (distance < best) {
            best = distance;
            match.index = static_cast<int>(i);
        }
    }
    // A single frame has no spacing: then only "the same position" is within the stack.
    const double half = target.sliceSpacing > 0.0 ? target.sliceSpacing / 2.0 : 1e-3;
    match.withinHalfSpacing = best <= half + 1e-6;
    return match;
}

// Where the line a*x + b*y + c = 0 crosses the border of [0, w] x [0, h].
std::vector<QPointF> borderCrossings(double a, double b, double c, double w, double h)
{
    std::vector<QPointF> points;
    constexpr double eps = 1e-9;
    if (std::abs(b) > eps) {
        for (const double x : {0.0, w}) {
            const double y = -(a * x + c) / b;
            if (y >= -eps && y <= h + eps)
                points.emplace_back(x, std::clamp(y, 0.0, h));
        }
    }
    if (std::abs(a) > eps) {
        for (const double y : {0.0, h}) {
            const double x = -(b * y + c) / a;
            if (x >= -eps && x <= w + eps)
                points.emplace_back(std::clamp(x, 0.0, w), y);
        }
    }
    return points;
}

} // namespace

FrameMatch matchFrame(const DisplaySet& source, int sourceIndex, const DisplaySet& target)
{
    if (target.frames.empty())
        return {};
    const int last = static_cast<int>(target.frames.size()) - 1;
    if (source.frames.empty())
        return {std::clamp(sourceIndex, 0, last), false, false};
    if (matchesByPosition(source, target)) {
        const int from = std::clamp(sourceIndex, 0, static_cast<int>(source.frames.size()) - 1);
        return nearestByPosition(
            source.frames[static_cast<std::size_t>(from)].info().plane.position, target);
    }
    return {std::clamp(sourceIndex, 0, last), false, false};
}

std::optional<QLineF> referenceLine(const ImagePlane& shown, QSize shownSize,
                                    const ImagePlane& other, QSize /*otherSize*/)
{
    if (!shown.hasPosition || !shown.hasOrientation || !other.hasPosition ||
        !other.hasOrientation || shownSize.isEmpty())
        return std::nullopt;
    const Vec3 n = other.normal();
    if (parallel(shown.normal(), n))
        return std::nullopt;
    // Image point (x, y) is position + (x-0.5)*cs*row + (y-0.5)*rs*column; the other plane is
    // n . (p - other.position) = 0, linear in x and y.
    const double a = shown.columnSpacing * n.dot(shown.rowDirection);
    const double b = shown.rowSpacing * n.dot(shown.columnDirection);
    const double c = n.dot(shown.position - other.position) - 0.5 * a - 0.5 * b;
    const std::vector<QPointF> points =
        borderCrossings(a, b, c, shownSize.width(), shownSize.height());
    // The two crossings farthest apart (a line through a corner is found twice).
    QLineF best;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            if (QLineF(points[i], points[j]).length() > best.length())
                best = QLineF(points[i], points[j]);
        }
    }
    if (best.length() < 1e-6)
        return std::nullopt;
    return best;
}

} // namespace fenestra::viewer
