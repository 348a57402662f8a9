// ImageView: measurements (creation, editing, selection, the numbers they show).

#include "framesource.h"
#include "imageview.h"
#include "measurementpainter.h"
#include "overlay.h"
#include "render/imageviewport.h"

#include <QInputDialog>

#include <algorithm>

namespace fenestra::viewer {

namespace {

constexpr double kPickTolerance = 6.0;
constexpr double kMinimumDrag = 3.0; // widget pixels: less is a click, not a shape

QString fixed(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

QString withUnit(double value, const QString& unit)
{
    return unit.isEmpty() ? fixed(value) : fixed(value) + QLatin1Char(' ') + unit;
}

std::optional<MeasurementKind> kindForTool(MouseTool tool)
{
    switch (tool) {
    case MouseTool::Length:
        return MeasurementKind::Length;
    case MouseTool::Angle:
        return MeasurementKind::Angle;
    case MouseTool::Ellipse:
        return MeasurementKind::Ellipse;
    case MouseTool::Rectangle:
        return MeasurementKind::Rectangle;
    case MouseTool::Probe:
        return MeasurementKind::Probe;
    case MouseTool::Text:
        return MeasurementKind::Text;
    case MouseTool::Arrow:
        return MeasurementKind::Arrow;
    default:
        return std::nullopt;
    }
}

} // namespace

void ImageView::setMeasurements(std::vector<Measurement> measurements)
{
    cancelMeasurement();
    m_measurements = std::move(measurements);
    m_selected = QUuid();
    m_viewport->update();
    emit measurementsChanged();
}

void ImageView::removeMeasurement(const QUuid& id)
{
    const auto removed =
        std::erase_if(m_measurements, [&](const Measurement& m) { return m.id == id; });
    if (removed == 0)
        return;
    if (m_selected == id)
        m_selected = QUuid();
    m_viewport->update();
    emit measurementsChanged();
}

void ImageView::updateMeasurementText(const QUuid& id, const QString& text)
{
    for (Measurement& m : m_measurements) {
        if (m.id == id) {
            m.text = text;
            m_viewport->update();
            emit measurementsChanged();
            return;
        }
    }
}

void ImageView::selectMeasurement(const QUuid& id)
{
    m_selected = id;
    m_viewport->update();
}

std::optional<int> ImageView::indexOfMeasurementFrame(const Measurement& m) const
{
    for (int i = 0; i < frameCount(); ++i) {
        const FrameRef& ref = m_displaySet.frames[static_cast<std::size_t>(i)];
        if (ref.frame == m.frame && ref.instance->sopInstanceUid == m.sopInstanceUid)
            return i;
    }
    return std::nullopt;
}

ImagePlane ImageView::planeOf(const Measurement& m) const
{
    if (const auto index = indexOfMeasurementFrame(m))
        return m_displaySet.frames[static_cast<std::size_t>(*index)].info().plane;
    return currentPlane();
}

bool ImageView::isOnCurrentFrame(const Measurement& m) const
{
    const FrameRef* ref = currentFrame();
    return ref != nullptr && ref->frame == m.frame &&
           ref->instance->sopInstanceUid == m.sopInstanceUid;
}

QString ImageView::measurementSummary(const Measurement& m) const
{
    const auto p = [&](std::size_t i) { return i < m.points.size() ? m.points[i] : QPointF(); };
    switch (m.kind) {
    case MeasurementKind::Length: {
        const LengthResult length = measureLength(planeOf(m), p(0), p(1));
        if (!length.calibrated)
            return tr("%1 px").arg(fixed(length.pixels));
        const QString text = tr("%1 mm").arg(fixed(length.millimetres));
        return length.fromImagerPixelSpacing
                   ? text + QLatin1Char(' ') + tr("(imager pixel spacing)")
                   : text;
    }
    case MeasurementKind::Angle:
        return tr("%1°").arg(fixed(measureAngleDegrees(planeOf(m), p(0), p(1), p(2))));
    case MeasurementKind::Ellipse:
    case MeasurementKind::Rectangle:
        return roiText(m, false);
    case MeasurementKind::Probe:
        break;
    case MeasurementKind::Text:
    case MeasurementKind::Arrow:
        return m.text;
    }
    const auto index = indexOfMeasurementFrame(m);
    const auto pixels = index ? m_source->pixels(*index) : nullptr;
    if (pixels == nullptr)
        return tr("Loading...");
    const FrameRef& ref = m_displaySet.frames[static_cast<std::size_t>(*index)];
    const auto result = probe(*ref.instance, *pixels, m_source->frameInBuffer(*index), p(0));
    if (!result)
        return tr("Outside the image");
    QString text =
        result->isColour
            ? tr("RGB %1 %2 %3").arg(result->rgb[0]).arg(result->rgb[1]).arg(result->rgb[2])
            : withUnit(result->value, result->unit);
    if (result->patient)
        text += QLatin1Char(' ') + tr("(%1, %2, %3 mm)")
                                       .arg(fixed(result->patient->x), fixed(result->patient->y),
                                            fixed(result->patient->z));
    return text;
}

QString ImageView::measurementLabel(const Measurement& m) const
{
    if (m.kind == MeasurementKind::Ellipse || m.kind == MeasurementKind::Rectangle)
        return roiText(m, true);
    return measurementSummary(m);
}

QString ImageView::roiText(const Measurement& m, bool multiLine) const
{
    const auto index = indexOfMeasurementFrame(m);
    const auto pixels = index ? m_source->pixels(*index) : nullptr;
    if (pixels == nullptr || m.points.size() < 2)
        return tr("Loading...");
    const FrameRef& ref = m_displaySet.frames[static_cast<std::size_t>(*index)];
    const auto stats = measureRoi(*ref.instance, *pixels, m_source->frameInBuffer(*index), m.kind,
                                  m.points[0], m.points[1]);
    if (!stats)
        return tr("No statistics for this image");
    const QString u = stats->unit;
    const QString area = stats->calibrated ? tr("%1 mm²").arg(fixed(stats->areaMm2))
                                           : tr("%1 px²").arg(fixed(stats->areaPixels));
    const QString format = multiLine ? tr("Mean %1 SD %2\nMin %3 Max %4\nArea %5")
                                     : tr("Mean %1 SD %2 Min %3 Max %4 Area %5");
    return format.arg(withUnit(stats->mean, u), withUnit(stats->standardDeviation, u),
                      withUnit(stats->minimum, u), withUnit(stats->maximum, u), area);
}

// Picks a handle (to drag it) or a measurement (to select it) on the current frame. The
// selected measurement is tried first so overlapping handles favour it.
bool ImageView::beginMeasurementEdit(QPointF widget)
{
    const QTransform toWidget = m_transform.imageToWidget();
    std::vector<Measurement*> candidates;
    for (Measurement& m : m_measurements)
        if (isOnCurrentFrame(m))
            candidates.push_back(&m);
    std::stable_partition(candidates.begin(), candidates.end(),
                          [&](const Measurement* m) { return m->id == m_selected; });
    for (Measurement* m : candidates) {
        const int handle = handleAt(*m, toWidget, widget, kPickTolerance);
        if (handle >= 0) {
            m_selected = m->id;
            m_editHandle = handle;
            m_drag = DragAction::EditHandle;
            m_viewport->update();
            return true;
        }
    }
    for (Measurement* m : candidates) {
        if (hitsMeasurement(*m, toWidget, overlayFont(), measurementLabel(*m), QRectF(rect()),
                            widget, kPickTolerance)) {
            m_selected = m->id;
            m_viewport->update();
            emit statusMessage(measurementSummary(*m));
            return true;
        }
    }
    if (!m_selected.isNull()) {
        m_selected = QUuid();
        m_viewport->update();
    }
    return false;
}

void ImageView::beginMeasurement(QPointF widget)
{
    const FrameRef* ref = currentFrame();
    const auto kind = kindForTool(m_tool);
    if (ref == nullptr || !kind)
        return;
    const QPointF image = m_transform.toImage(widget);
    if (*kind == MeasurementKind::Probe) {
        probeAt(widget, true);
        return;
    }
    Measurement m{QUuid::createUuid(), *kind, ref->instance->sopInstanceUid, ref->frame, {}, {}};
    if (*kind == MeasurementKind::Text) {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Text annotation"), tr("Text:"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok && !text.trimmed().isEmpty()) {
            m.points = {image};
            m.text = text.trimmed();
            commitMeasurement(std::move(m));
        }
        return;
    }
    m.points.assign(static_cast<std::size_t>(measurementPointCount(*kind)), image);
    m_draft = std::move(m);
    m_draftClicks = 1;
    m_draftPresses = 1;
    m_drag = DragAction::Create;
    m_viewport->update();
}

void ImageView::updateMeasurement(QPointF widget)
{
    const QPointF image = m_transform.toImage(widget);
    if (m_drag == DragAction::EditHandle) {
        for (Measurement& m : m_measurements) {
            if (m.id == m_selected && m_editHandle >= 0 &&
                static_cast<std::size_t>(m_editHandle) < m.points.size())
                m.points[static_cast<std::size_t>(m_editHandle)] = image;
        }
    } else if (m_draft) {
        // Angle: the point being placed follows the mouse (the vertex, then the last end).
        const std::size_t moving =
            m_draft->kind == MeasurementKind::Angle
                ? std::min<std::size_t>(static_cast<std::size_t>(m_draftClicks), 2)
                : m_draft->points.size() - 1;
        for (std::size_t i = moving; i < m_draft->points.size(); ++i)
            m_draft->points[i] = image;
    }
    m_viewport->update();
}

void ImageView::finishMeasurement(QPointF widget)
{
    if (m_drag == DragAction::EditHandle) {
        updateMeasurement(widget);
        m_editHandle = -1;
        emit measurementsChanged();
        for (const Measurement& m : m_measurements)
            if (m.id == m_selected)
                emit statusMessage(measurementSummary(m));
        return;
    }
    if (!m_draft)
        return;
    updateMeasurement(widget);
    const bool dragged = QLineF(m_pressPos, widget).length() >= kMinimumDrag;
    if (m_draft->kind == MeasurementKind::Angle) {
        // A drag from the first end, or any later click, fixes the next point; the third
        // point completes the angle.
        if (dragged || m_draftPresses > 1)
            ++m_draftClicks;
        if (m_draftClicks >= 3)
            commitMeasurement(*std::exchange(m_draft, std::nullopt));
        return;
    }
    if (dragged)
        commitMeasurement(*std::exchange(m_draft, std::nullopt));
    else
        cancelMeasurement();
}

void ImageView::cancelMeasurement()
{
    m_draft.reset();
    m_draftClicks = 0;
    m_draftPresses = 0;
    m_editHandle = -1;
    if (m_drag == DragAction::Create || m_drag == DragAction::EditHandle)
        m_drag = DragAction::None;
    if (m_viewport != nullptr)
        m_viewport->update();
}

void ImageView::commitMeasurement(Measurement measurement)
{
    m_draft.reset();
    m_draftClicks = 0;
    m_draftPresses = 0;
    m_selected = measurement.id;
    m_measurements.push_back(std::move(measurement));
    m_viewport->update();
    emit measurementsChanged();
    emit statusMessage(measurementSummary(m_measurements.back()));
}

void ImageView::probeAt(QPointF widget, bool addMeasurement)
{
    const FrameRef* ref = currentFrame();
    if (ref == nullptr)
        return;
    Measurement m{QUuid::createUuid(), MeasurementKind::Probe,        ref->instance->sopInstanceUid,
                  ref->frame,          {m_transform.toImage(widget)}, {}};
    const auto pixels = m_source->pixels(m_index);
    if (pixels == nullptr ||
        !probe(*ref->instance, *pixels, m_source->frameInBuffer(m_index), m.points[0]))
        return;
    if (addMeasurement)
        commitMeasurement(std::move(m));
    else
        emit statusMessage(measurementSummary(m));
}

} // namespace fenestra::viewer
