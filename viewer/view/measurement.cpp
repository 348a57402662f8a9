#include "measurement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <numbers>

namespace fenestra::viewer {

namespace {

constexpr int kJsonVersion = 1;

struct KindName
{
    MeasurementKind kind;
    const char* name;
    int points;
};

constexpr KindName kKinds[] = {
    {MeasurementKind::Length, "length", 2},   {MeasurementKind::Angle, "angle", 3},
    {MeasurementKind::Ellipse, "ellipse", 2}, {MeasurementKind::Rectangle, "rectangle", 2},
    {MeasurementKind::Probe, "probe", 1},     {MeasurementKind::Text, "text", 1},
    {MeasurementKind::Arrow, "arrow", 2},
};

const KindName& kindEntry(MeasurementKind kind)
{
    for (const KindName& entry : kKinds) {
        if (entry.kind == kind)
            return entry;
    }
    return kKinds[0];
}

std::optional<MeasurementKind> kindFromName(const QString& name)
{
    for (const KindName& entry : kKinds) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

double angleBetween(double ax, double ay, double cx, double cy)
{
    const double la = std::hypot(ax, ay);
    const double lc = std::hypot(cx, cy);
    if (la == 0.0 || lc == 0.0)
        return 0.0;
    // atan2 of cross and dot stays accurate near 0 and 180 degrees, unlike acos.
    const double angle = std::atan2(std::abs(ax * cy - ay * cx), ax * cx + ay * cy);
    return angle * 180.0 / std::numbers::pi;
}

QJsonObject measurementToJson(const Measurement& m)
{
    QJsonArray points;
    for (const QPointF& p : m.points)
        points.append(QJsonArray{p.x(), p.y()});
    return {{QStringLiteral("id"), m.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("kind"), QLatin1String(kindEntry(m.kind).name)},
            {QStringLiteral("sopInstanceUid"), m.sopInstanceUid},
            {QStringLiteral("frame"), m.frame},
            {QStringLiteral("points"), points},
            {QStringLiteral("text"), m.text}};
}

Result<std::vector<QPointF>> pointsFromJson(const QJsonValue& value, int expected)
{
    if (!value.isArray() || value.toArray().size() != expected)
        return fail(ErrorCode::Malformed, QStringLiteral("wrong number of points"));
    std::vector<QPointF> points;
    for (const QJsonValue& p : value.toArray()) {
        const QJsonArray xy = p.toArray();
        if (!p.isArray() || xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
            return fail(ErrorCode::Malformed, QStringLiteral("a point is not [x, y]"));
        points.emplace_back(xy[0].toDouble(), xy[1].toDouble());
    }
    return points;
}

Result<Measurement> measurementFromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return fail(ErrorCode::Malformed, QStringLiteral("a measurement is not an object"));
    const QJsonObject o = value.toObject();
    Measurement m;
    m.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    if (m.id.isNull())
        return fail(ErrorCode::Malformed, QStringLiteral("a measurement has no valid id"));
    const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return fail(ErrorCode::Malformed, QStringLiteral("unknown measurement kind"));
    m.kind = *kind;
    const QJsonValue uid = o.value(QStringLiteral("sopInstanceUid"));
    const QJsonValue frame = o.value(QStringLiteral("frame"));
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (!uid.isString() || !text.isString())
        return fail(ErrorCode::Malformed, QStringLiteral("a measurement lacks its UID or text"));
    if (!frame.isDouble() || frame.toDouble() != std::floor(frame.toDouble()) ||
        frame.toDouble() < 0.0 || frame.toDouble() > 1e9)
        return fail(ErrorCode::Malformed, QStringLiteral("a measurement has an invalid frame"));
    m.sopInstanceUid = uid.toString();
    m.frame = frame.toInt();
    m.text = text.toString();
    auto points = pointsFromJson(o.value(QStringLiteral("points")), kindEntry(m.kind).points);
    if (!points)
        return std::unexpected(points.error());
    m.points = std::move(*points);
    return m;
}

} // namespace

int measurementPointCount(MeasurementKind kind)
{
    return kindEntry(kind).points;
}

LengthResult measureLength(const ImagePlane& plane, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    LengthResult result;
    result.pixels = std::hypot(d.x(), d.y());
    result.calibrated = plane.spacingSource != SpacingSource::None;
    result.fromImagerPixelSpacing = plane.spacingSource == SpacingSource::ImagerPixelSpacing;
    if (result.calibrated)
        result.millimetres = std::hypot(d.x() * plane.columnSpacing, d.y() * plane.rowSpacing);
    return result;
}

double measureAngleDegrees(QPointF a, QPointF vertex, QPointF c)
{
    const QPointF u = a - vertex;
    const QPointF v = c - vertex;
    return angleBetween(u.x(), u.y(), v.x(), v.y());
}

double measureAngleDegrees(const ImagePlane& plane, QPointF a, QPointF vertex, QPointF c)
{
    const QPointF u = a - vertex;
    const QPointF v = c - vertex;
    const double sx = plane.columnSpacing;
    const double sy = plane.rowSpacing;
    return angleBetween(u.x() * sx, u.y() * sy, v.x() * sx, v.y() * sy);
}

QByteArray measurementsToJson(const std::vector<Measurement>& measurements)
{
    QJsonArray list;
    for (const Measurement& m : measurements)
        list.append(measurementToJson(m));
    const QJsonObject root{{QStringLiteral("version"), kJsonVersion},
                           {QStringLiteral("measurements"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<std::vector<Measurement>> measurementsFromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::Malformed, QStringLiteral("measurements are not a JSON object"));
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != kJsonVersion)
        return fail(ErrorCode::Malformed, QStringLiteral("unsupported measurements version"));
    const QJsonValue list = root.value(QStringLiteral("measurements"));
    if (!list.isArray())
        return fail(ErrorCode::Malformed, QStringLiteral("no measurements array"));
    std::vector<Measurement> measurements;
    for (const QJsonValue& value : list.toArray()) {
        auto m = measurementFromJson(value);
        if (!m)
            return std::unexpected(m.error());
        measurements.push_back(std::move(*m));
    }
    return measurements;
}

} // namespace fenestra::viewer
