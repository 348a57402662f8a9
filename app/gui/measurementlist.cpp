#include "measurementlist.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fenestra::app {

using viewer::Measurement;
using viewer::MeasurementKind;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

bool isRemoveKey(const QKeyEvent* event)
{
    return event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace;
}

// Takes Delete and Backspace as "remove the selected row". The table sees only keys meant for
// itself: while a label is edited, its editor has them.
class Table : public QTableWidget
{
public:
    Table(std::function<void()> remove, QWidget* parent)
        : QTableWidget(0, MeasurementList::ColumnCount, parent), m_remove(std::move(remove))
    {}

protected:
    bool event(QEvent* event) override
    {
        // Before a window shortcut on the same key (deleting in the image view) takes it.
        if (event->type() == QEvent::ShortcutOverride &&
            isRemoveKey(static_cast<QKeyEvent*>(event))) {
            event->accept();
            return true;
        }
        return QTableWidget::event(event);
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if (isRemoveKey(event)) {
            m_remove();
            event->accept();
            return;
        }
        QTableWidget::keyPressEvent(event);
    }

private:
    std::function<void()> m_remove;
};

bool hasLabel(MeasurementKind kind)
{
    return kind == MeasurementKind::Text || kind == MeasurementKind::Arrow;
}

QTableWidgetItem* readOnlyItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

MeasurementList::MeasurementList(QWidget* parent) : QWidget(parent)
{
    m_table = new Table([this] { removeSelected(); }, this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);
    m_delete = new QPushButton(this);
    m_delete->setEnabled(false);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_delete);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_delete, &QPushButton::clicked, this, &MeasurementList::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_delete->setEnabled(!selectedId().isNull());
        if (!m_filling && !selectedId().isNull())
            emit selected(selectedId());
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling || item->column() != LabelColumn)
            return;
        const int row = item->row();
        if (row < 0 || static_cast<std::size_t>(row) >= m_measurements.size())
            return;
        m_measurements[static_cast<std::size_t>(row)].text = item->text();
        emit textEdited(idAt(row), item->text());
    });
    retranslate();
}

void MeasurementList::setSummaryFunction(SummaryFunction summary)
{
    m_summary = std::move(summary);
    setMeasurements(std::vector<Measurement>(m_measurements));
}

void MeasurementList::setFrameFunction(FrameFunction frame)
{
    m_frame = std::move(frame);
    setMeasurements(std::vector<Measurement>(m_measurements));
}

void MeasurementList::setMeasurements(const std::vector<Measurement>& measurements)
{
    const QUuid keep = selectedId();
    m_filling = true;
    m_measurements = measurements;
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(m_measurements.size()));
    for (int row = 0; row < m_table->rowCount(); ++row)
        fillRow(row, m_measurements[static_cast<std::size_t>(row)]);
    select(keep);
    m_filling = false;
    m_delete->setEnabled(!selectedId().isNull());
}

void MeasurementList::fillRow(int row, const Measurement& measurement)
{
    auto* kind = readOnlyItem(kindName(measurement.kind));
    kind->setData(kIdRole, measurement.id);
    m_table->setItem(row, KindColumn, kind);
    m_table->setItem(row, ValueColumn,
                     readOnlyItem(m_summary ? m_summary(measurement) : QString()));
    const int frame = m_frame ? m_frame(measurement) : measurement.frame;
    m_table->setItem(row, FrameColumn,
                     readOnlyItem(frame >= 0 ? QString::number(frame + 1) : QString()));
    if (hasLabel(measurement.kind)) {
        auto* label = new QTableWidgetItem(measurement.text);
        label->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable);
        label->setToolTip(tr("Double-click to edit the label"));
        m_table->setItem(row, LabelColumn, label);
    } else {
        m_table->setItem(row, LabelColumn, readOnlyItem(QString()));
    }
}

void MeasurementList::clear()
{
    setMeasurements({});
}

int MeasurementList::count() const
{
    return m_table->rowCount();
}

QUuid MeasurementList::idAt(int row) const
{
    const QTableWidgetItem* item = m_table->item(row, KindColumn);
    return item != nullptr ? item->data(kIdRole).toUuid() : QUuid();
}

QUuid MeasurementList::selectedId() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    return items.isEmpty() ? QUuid() : idAt(items.front()->row());
}

void MeasurementList::select(const QUuid& id)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    m_table->clearSelection();
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (!id.isNull() && idAt(row) == id) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, KindColumn));
        }
    m_filling = wasFilling;
}

void MeasurementList::removeSelected()
{
    const QUuid id = selectedId();
    if (!id.isNull())
        emit removeRequested(id);
}

QString MeasurementList::kindName(MeasurementKind kind)
{
    switch (kind) {
    case MeasurementKind::Length:
        return tr("Length");
    case MeasurementKind::Angle:
        return tr("Angle");
    case MeasurementKind::Ellipse:
        return tr("Ellipse");
    case MeasurementKind::Rectangle:
        return tr("Rectangle");
    case MeasurementKind::Probe:
        return tr("Probe");
    case MeasurementKind::Text:
        return tr("Text");
    case MeasurementKind::Arrow:
        return tr("Arrow");
    }
    return {};
}

void MeasurementList::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Value"), tr("Image"), tr("Label")});
    m_table->setAccessibleName(tr("Measurements"));
    m_delete->setText(tr("&Delete"));
    m_delete->setAccessibleName(tr("Delete the selected measurement"));
    setMeasurements(std::vector<Measurement>(m_measurements)); // kind names
}

void MeasurementList::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace fenestra::app
