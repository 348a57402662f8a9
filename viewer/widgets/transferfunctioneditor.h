#pragma once

#include "view/transferfunction.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace fenestra::viewer {

// An editor of a transfer function's opacity and colour points over a histogram of the
// volume. The upper area shows the histogram (log counts, grey) and the opacity curve (value
// to the right, opacity up); the strip below shows the colour ramp with a handle per colour
// point.
//
// Mouse: drag a point to move it (opacity points in value and opacity, colour points in
// value); double-click empty space adds a point there (a colour point in the strip, taking the
// colour the ramp has there); double-click a colour point picks its colour; right-click a point
// deletes it (each curve keeps at least one point). Every change emits transferFunctionChanged
// with the edited function, whose id becomes "custom"; editingFinished follows the release of
// a drag.
//
// The function shown is absolute (modality values): relative presets are resolved by the
// caller before setTransferFunction.
//
// Thread contract: GUI thread only.
class TransferFunctionEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TransferFunctionEditor(QWidget* parent = nullptr);

    void setTransferFunction(const TransferFunction& function);
    const TransferFunction& transferFunction() const { return m_function; }
    // The value axis, e.g. the volume's value range; low < high.
    void setValueRange(double low, double high);
    double lowValue() const { return m_low; }
    double highValue() const { return m_high; }
    // Counts per equal bin over the value range (volumeHistogram); empty: none shown.
    void setHistogram(std::vector<qint64> counts);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Widget positions of a point, for tests and painting.
    QPointF opacityPointPosition(int index) const;
    QPointF colourPointPosition(int index) const;

signals:
    void transferFunctionChanged(const fenestra::viewer::TransferFunction& function);
    void editingFinished();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    enum class Curve
    {
        Opacity,
        Colour
    };
    struct Hit
    {
        Curve curve;
        int index;
    };

    QRectF curveArea() const;
    QRectF colourStrip() const;
    double xForValue(double value) const;
    double valueForX(double x) const;
    std::optional<Hit> hitTest(QPointF position) const;
    void paintHistogram(QPainter& painter) const;
    void paintOpacityCurve(QPainter& painter) const;
    void paintColourStrip(QPainter& painter) const;
    void moveDragged(QPointF position);
    void pickColour(int index);
    void changed();

    TransferFunction m_function;
    double m_low = -1000.0;
    double m_high = 3000.0;
    std::vector<qint64> m_histogram;
    std::optional<Hit> m_dragged;
};

} // namespace fenestra::viewer
