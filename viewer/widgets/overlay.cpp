#include "overlay.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace fenestra::viewer {

namespace {

struct OverlayText
{
    Q_DECLARE_TR_FUNCTIONS(fenestra::viewer::ImageOverlay)
};

constexpr double kMargin = 6.0;

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

// Drops trailing zeros so 120.0 kVp reads "120" and 2.5 stays "2.5".
QString shortNumber(double value)
{
    return QString::number(value, 'g', 6);
}

QString formatDicomTime(const QString& time)
{
    if (time.size() < 4)
        return time;
    return time.left(2) + QLatin1Char(':') + time.mid(2, 2);
}

QStringList patientLines(const InstanceInfo& instance)
{
    const PatientInfo& patient = instance.patient;
    QStringList lines;
    if (!patient.name.isEmpty())
        lines << formatPersonName(patient.name);
    if (!patient.id.isEmpty())
        lines << OverlayText::tr("ID: %1").arg(patient.id);
    QStringList born;
    if (!patient.birthDate.isEmpty())
        born << OverlayText::tr("Born: %1").arg(formatDicomDate(patient.birthDate));
    if (!patient.sex.isEmpty())
        born << OverlayText::tr("Sex: %1").arg(patient.sex);
    if (!born.isEmpty())
        lines << born.join(QStringLiteral("  "));
    return lines;
}

QStringList studyLines(const InstanceInfo& instance)
{
    QStringList lines;
    if (!instance.study.description.isEmpty())
        lines << instance.study.description;
    if (!instance.study.date.isEmpty())
        lines << (formatDicomDate(instance.study.date) + QLatin1Char(' ') +
                  formatDicomTime(instance.study.time))
                     .trimmed();
    const SeriesInfo& series = instance.series;
    QString seriesLine = OverlayText::tr("Se: %1").arg(series.number);
    if (!series.description.isEmpty())
        seriesLine += QStringLiteral("  ") + series.description;
    lines << seriesLine;
    if (!series.laterality.isEmpty())
        lines << OverlayText::tr("Laterality: %1").arg(series.laterality);
    return lines;
}

std::optional<double> sliceLocation(const InstanceInfo& instance, int frame)
{
    if (instance.technique.sliceLocation && instance.numberOfFrames <= 1)
        return instance.technique.sliceLocation;
    if (frame < 0 || static_cast<std::size_t>(frame) >= instance.frames.size())
        return std::nullopt;
    const ImagePlane& plane = instance.frames[static_cast<std::size_t>(frame)].plane;
    if (!plane.hasPosition || !plane.hasOrientation)
        return std::nullopt;
    return plane.position.dot(plane.normal());
}

QStringList imageLines(const OverlayContext& context)
{
    const InstanceInfo& instance = *context.instance;
    QStringList lines;
    lines << OverlayText::tr("Im: %1/%2").arg(context.index + 1).arg(context.frameCount);
    if (const auto location = sliceLocation(instance, context.frame))
        lines << OverlayText::tr("Loc: %1 mm").arg(number(*location, 1));
    const Technique& technique = instance.technique;
    if (technique.sliceThickness)
        lines << OverlayText::tr("Thk: %1 mm").arg(shortNumber(*technique.sliceThickness));
    QStringList exposure;
    if (technique.kvp)
        exposure << OverlayText::tr("%1 kVp").arg(shortNumber(*technique.kvp));
    if (technique.exposureMas)
        exposure << OverlayText::tr("%1 mAs").arg(shortNumber(*technique.exposureMas));
    if (technique.repetitionTimeMs)
        exposure << OverlayText::tr("TR: %1 ms").arg(shortNumber(*technique.repetitionTimeMs));
    if (technique.echoTimeMs)
        exposure << OverlayText::tr("TE: %1 ms").arg(shortNumber(*technique.echoTimeMs));
    if (!exposure.isEmpty())
        lines << exposure.join(QStringLiteral("  "));
    return lines;
}

QStringList displayLines(const OverlayContext& context)
{
    QStringList lines;
    if (context.window)
        lines << OverlayText::tr("W: %1 L: %2")
                     .arg(std::lround(context.window->width))
                     .arg(std::lround(context.window->center));
    else if (isMonochrome(context.instance->format.photometric))
        lines << OverlayText::tr("VOI LUT");
    lines << OverlayText::tr("Zoom: %1%").arg(std::lround(context.zoom * 100.0));
    if (context.inverted)
        lines << OverlayText::tr("Inverted");
    return lines;
}

QPainterPath textPath(const QFont& font, QPointF topLeft, const QString& text)
{
    const QFontMetricsF metrics(font);
    QPainterPath path;
    path.addText(topLeft.x(), topLeft.y() + metrics.ascent(), font, text);
    return path;
}

void strokeOutlined(QPainter& painter, const QPainterPath& path, const QColor& colour)
{
    painter.strokePath(path,
                       QPen(QColor(0, 0, 0, 220), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.fillPath(path, colour);
}

} // namespace

QString formatPersonName(const QString& personName)
{
    const QString alphabetic = personName.section(QLatin1Char('='), 0, 0);
    const QStringList parts = alphabetic.split(QLatin1Char('^'));
    const QString family = parts.value(0).trimmed();
    QStringList given;
    for (int i = 1; i < std::min<int>(static_cast<int>(parts.size()), 3); ++i)
        if (!parts[i].trimmed().isEmpty())
            given << parts[i].trimmed();
    if (given.isEmpty())
        return family.toUpper();
    if (family.isEmpty())
        return given.join(QLatin1Char(' '));
    return family.toUpper() + QStringLiteral(", ") + given.join(QLatin1Char(' '));
}

QString formatDicomDate(const QString& date)
{
    if (date.size() != 8)
        return date;
    for (const QChar c : date)
        if (!c.isDigit())
            return date;
    return date.left(4) + QLatin1Char('-') + date.mid(4, 2) + QLatin1Char('-') + date.mid(6, 2);
}

CornerTexts cornerTexts(const OverlayContext& context)
{
    if (context.instance == nullptr)
        return {};
    return CornerTexts{patientLines(*context.instance), studyLines(*context.instance),
                       imageLines(context), displayLines(context)};
}

std::optional<ScaleRuler> chooseScaleRuler(double millimetresPerWidgetPixel, double maximumWidth)
{
    if (!(millimetresPerWidgetPixel > 0.0) || !std::isfinite(millimetresPerWidgetPixel))
        return std::nullopt;
    std::optional<ScaleRuler> best;
    for (double decade = 0.1; decade <= 10000.0; decade *= 10.0) {
        for (const double step : {1.0, 2.0, 5.0}) {
            const double mm = std::round(step * decade * 10.0) / 10.0;
            const double length = mm / millimetresPerWidgetPixel;
            if (length > maximumWidth)
                return best;
            best = ScaleRuler{mm, length, {}};
            best->label = mm >= 10.0 && std::fmod(mm, 10.0) == 0.0
                              ? OverlayText::tr("%1 cm").arg(shortNumber(mm / 10.0))
                              : OverlayText::tr("%1 mm").arg(shortNumber(mm));
        }
    }
    return best;
}

QString frameErrorText(const Error& error)
{
    switch (error.code) {
    case ErrorCode::FileNotFound:
        return OverlayText::tr("The file of this image no longer exists.");
    case ErrorCode::FileUnreadable:
        return OverlayText::tr("The file of this image cannot be read.");
    case ErrorCode::Truncated:
        return OverlayText::tr("The image data is incomplete (truncated).");
    case ErrorCode::UnsupportedTransferSyntax:
        return OverlayText::tr("The image compression is not supported.");
    case ErrorCode::UnsupportedPixelFormat:
        return OverlayText::tr("The pixel format is not supported.");
    case ErrorCode::NoPixelData:
        return OverlayText::tr("This object has no image.");
    default:
        return OverlayText::tr("The image data cannot be decoded.");
    }
}

void drawOutlinedText(QPainter& painter, const QRectF& area, int alignment, const QString& text,
                      const QColor& colour)
{
    const QFontMetricsF metrics(painter.font());
    const QSizeF size(metrics.horizontalAdvance(text), metrics.height());
    double x = area.left();
    if (alignment & Qt::AlignRight)
        x = area.right() - size.width();
    else if (alignment & Qt::AlignHCenter)
        x = area.center().x() - size.width() / 2.0;
    double y = area.top();
    if (alignment & Qt::AlignBottom)
        y = area.bottom() - size.height();
    else if (alignment & Qt::AlignVCenter)
        y = area.center().y() - size.height() / 2.0;
    strokeOutlined(painter, textPath(painter.font(), QPointF(x, y), text), colour);
}

void drawCornerTexts(QPainter& painter, const QRectF& area, const CornerTexts& texts)
{
    const QRectF inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height();
    const QColor colour(235, 235, 235);
    // Each corner keeps to its half of the view, clear of the orientation marker in the middle
    // of the edge: long descriptions are cut with an ellipsis rather than run into it.
    const double room = qMax(0.0, inner.width() / 2.0 - 1.5 * line);
    auto column = [&](const QStringList& lines, int horizontal, bool fromBottom) {
        for (int i = 0; i < lines.size(); ++i) {
            const int slot = fromBottom ? static_cast<int>(lines.size()) - 1 - i : i;
            const QRectF row =
                fromBottom
                    ? QRectF(inner.left(), inner.bottom() - (slot + 1) * line, inner.width(), line)
                    : QRectF(inner.left(), inner.top() + slot * line, inner.width(), line);
            drawOutlinedText(painter, row, horizontal | Qt::AlignTop,
                             metrics.elidedText(lines[i], Qt::ElideRight, room), colour);
        }
    };
    column(texts.topLeft, Qt::AlignLeft, false);
    column(texts.topRight, Qt::AlignRight, false);
    column(texts.bottomLeft, Qt::AlignLeft, true);
    column(texts.bottomRight, Qt::AlignRight, true);
}

void drawOrientationMarkers(QPainter& painter, const QRectF& area,
                            const OrientationMarkers& markers)
{
    const QRectF inner = area.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QColor colour(255, 220, 90);
    drawOutlinedText(painter, inner, Qt::AlignLeft | Qt::AlignVCenter, markers.left, colour);
    drawOutlinedText(painter, inner, Qt::AlignRight | Qt::AlignVCenter, markers.right, colour);
    drawOutlinedText(painter, inner, Qt::AlignHCenter | Qt::AlignTop, markers.top, colour);
    drawOutlinedText(painter, inner, Qt::AlignHCenter | Qt::AlignBottom, markers.bottom, colour);
}

void drawScaleRuler(QPainter& painter, const QRectF& area, const ScaleRuler& ruler)
{
    const double line = QFontMetricsF(painter.font()).height();
    const double y = area.bottom() - kMargin - line - 8.0;
    const double x0 = area.center().x() - ruler.widgetLength / 2.0;
    const double x1 = x0 + ruler.widgetLength;
    QPainterPath bar;
    bar.moveTo(x0, y - 5.0);
    bar.lineTo(x0, y);
    bar.lineTo(x1, y);
    bar.lineTo(x1, y - 5.0);
    painter.strokePath(bar, QPen(QColor(0, 0, 0, 220), 3.5, Qt::SolidLine, Qt::SquareCap));
    painter.strokePath(bar, QPen(QColor(235, 235, 235), 1.5, Qt::SolidLine, Qt::SquareCap));
    const QRectF label(x0 - 50.0, y - 6.0 - line, ruler.widgetLength + 100.0, line);
    drawOutlinedText(painter, label, Qt::AlignHCenter | Qt::AlignTop, ruler.label,
                     QColor(235, 235, 235));
}

void drawCentreMessage(QPainter& painter, const QRectF& area, const QString& message)
{
    const QStringList lines = message.split(QLatin1Char('\n'));
    const double line = QFontMetricsF(painter.font()).height();
    double top = area.center().y() - line * static_cast<double>(lines.size()) / 2.0;
    for (const QString& text : lines) {
        drawOutlinedText(painter, QRectF(area.left(), top, area.width(), line),
                         Qt::AlignHCenter | Qt::AlignTop, text, QColor(255, 255, 255));
        top += line;
    }
}

} // namespace fenestra::viewer
