#pragma once

#include "view/measurement.h"

#include <QUuid>
#include <QWidget>

#include <functional>
#include <vector>

class QPushButton;
class QTableWidget;

namespace fenestra::app {

// The measurements of the active view as a table: kind, the value text (from the summary
// function, e.g. ImageView::measurementSummary), the frame it was drawn on (1-based) and, for
// Text and Arrow, an editable label. Delete (the key or the button) asks to remove the selected
// one; the owner removes it from the view and calls setMeasurements() again. Selecting a row
// emits selected() so the window can show that frame.
//
// Thread contract: GUI thread only.
class MeasurementList : public QWidget
{
    Q_OBJECT
public:
    using SummaryFunction = std::function<QString(const viewer::Measurement&)>;

    enum Column
    {
        KindColumn,
        ValueColumn,
        FrameColumn,
        LabelColumn,
        ColumnCount
    };

    explicit MeasurementList(QWidget* parent = nullptr);

    // Where a measurement lies in the view (0-based image index, -1 unknown); by default its
    // frame within its instance. The list shows it 1-based.
    using FrameFunction = std::function<int(const viewer::Measurement&)>;

    void setSummaryFunction(SummaryFunction summary);
    void setFrameFunction(FrameFunction frame);
    // Replaces the rows, keeping the selection when its measurement is still there. Emits no
    // signal.
    void setMeasurements(const std::vector<viewer::Measurement>& measurements);
    void clear();

    int count() const;
    QUuid idAt(int row) const;
    QUuid selectedId() const;
    void select(const QUuid& id); // emits nothing
    QTableWidget* table() const { return m_table; }

    static QString kindName(viewer::MeasurementKind kind); // translated

signals:
    void removeRequested(const QUuid& id);
    void textEdited(const QUuid& id, const QString& text);
    void selected(const QUuid& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillRow(int row, const viewer::Measurement& measurement);
    void removeSelected();
    void retranslate();

    QTableWidget* m_table = nullptr;
    QPushButton* m_delete = nullptr;
    SummaryFunction m_summary;
    FrameFunction m_frame;
    std::vector<viewer::Measurement> m_measurements;
    bool m_filling = false; // our own edits of the table are not the user's
};

} // namespace fenestra::app
