// The measurement list shows one row per measurement, lets the user edit Text and Arrow labels,
// and asks for removal with the Delete key or button.

#include "gui/measurementlist.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using fenestra::app::MeasurementList;
using fenestra::viewer::Measurement;
using fenestra::viewer::MeasurementKind;

class TestMeasurementList : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void rows_showKindSummaryAndFrame();
    void onlyTextAndArrowLabels_areEditable();
    void editingALabel_emitsTextEdited();
    void deleteKeyOrButton_requestsRemovalOfTheSelected_data();
    void deleteKeyOrButton_requestsRemovalOfTheSelected();
    void selectingARow_emitsSelected_andRefillKeepsTheSelection();

private:
    std::vector<Measurement> m_measurements;
};

namespace {

Measurement make(MeasurementKind kind, int frame, std::vector<QPointF> points, QString text = {})
{
    return Measurement{QUuid::createUuid(), kind,           QStringLiteral("1.2.3"), frame,
                       std::move(points),   std::move(text)};
}

QString summary(const Measurement& m)
{
    return QStringLiteral("%1 points").arg(m.points.size());
}

} // namespace

void TestMeasurementList::init()
{
    m_measurements = {
        make(MeasurementKind::Length, 4, {{0, 0}, {30, 40}}),
        make(MeasurementKind::Text, 0, {{5, 5}}, QStringLiteral("lesion")),
        make(MeasurementKind::Arrow, 2, {{0, 0}, {9, 9}}, QStringLiteral("here")),
    };
}

void TestMeasurementList::rows_showKindSummaryAndFrame()
{
    MeasurementList list;
    list.setSummaryFunction(summary);
    list.setMeasurements(m_measurements);
    QTableWidget* table = list.table();
    QCOMPARE(list.count(), 3);
    QCOMPARE(table->item(0, MeasurementList::KindColumn)->text(), QStringLiteral("Length"));
    QCOMPARE(table->item(0, MeasurementList::ValueColumn)->text(), QStringLiteral("2 points"));
    QCOMPARE(table->item(0, MeasurementList::FrameColumn)->text(), QStringLiteral("5"));
    QCOMPARE(table->item(1, MeasurementList::LabelColumn)->text(), QStringLiteral("lesion"));
    QCOMPARE(table->item(2, MeasurementList::KindColumn)->text(), QStringLiteral("Arrow"));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(list.idAt(row), m_measurements[static_cast<std::size_t>(row)].id);
    // The position in the view, when the owner knows it, replaces the frame within the instance.
    list.setFrameFunction(
        [](const Measurement& m) { return m.kind == MeasurementKind::Text ? 19 : -1; });
    QCOMPARE(table->item(1, MeasurementList::FrameColumn)->text(), QStringLiteral("20"));
    QCOMPARE(table->item(0, MeasurementList::FrameColumn)->text(), QString());
}

void TestMeasurementList::onlyTextAndArrowLabels_areEditable()
{
    MeasurementList list;
    list.setMeasurements(m_measurements);
    const QTableWidget* table = list.table();
    QVERIFY(!(table->item(0, MeasurementList::LabelColumn)->flags() & Qt::ItemIsEditable));
    QVERIFY(table->item(1, MeasurementList::LabelColumn)->flags() & Qt::ItemIsEditable);
    QVERIFY(table->item(2, MeasurementList::LabelColumn)->flags() & Qt::ItemIsEditable);
    QVERIFY(!(table->item(1, MeasurementList::ValueColumn)->flags() & Qt::ItemIsEditable));
}

void TestMeasurementList::editingALabel_emitsTextEdited()
{
    MeasurementList list;
    list.resize(600, 300);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QSignalSpy edited(&list, &MeasurementList::textEdited);
    QSignalSpy remove(&list, &MeasurementList::removeRequested);
    list.setMeasurements(m_measurements); // filling the table is not an edit
    QCOMPARE(edited.count(), 0);
    QTableWidget* table = list.table();
    QTableWidgetItem* label = table->item(1, MeasurementList::LabelColumn);
    table->setCurrentItem(label);
    table->editItem(label);
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor != nullptr);
    QCOMPARE(editor->text(), QStringLiteral("lesion"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("cyst"));
    QTest::keyClick(editor, Qt::Key_Backspace); // the editor's, not a removal
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toUuid(), m_measurements[1].id);
    QCOMPARE(edited.at(0).at(1).toString(), QStringLiteral("cys"));
    QCOMPARE(table->item(1, MeasurementList::LabelColumn)->text(), QStringLiteral("cys"));
    QCOMPARE(remove.count(), 0);
}

void TestMeasurementList::deleteKeyOrButton_requestsRemovalOfTheSelected_data()
{
    QTest::addColumn<bool>("useButton");
    QTest::newRow("Delete key") << false;
    QTest::newRow("Delete button") << true;
}

void TestMeasurementList::deleteKeyOrButton_requestsRemovalOfTheSelected()
{
    QFETCH(bool, useButton);
    MeasurementList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    list.setMeasurements(m_measurements);
    auto* button = list.findChild<QPushButton*>();
    QVERIFY(!button->isEnabled()); // nothing selected
    QSignalSpy remove(&list, &MeasurementList::removeRequested);
    list.table()->selectRow(2);
    QVERIFY(button->isEnabled());
    if (useButton) {
        QTest::mouseClick(button, Qt::LeftButton);
    } else {
        QTest::keyClick(list.table(), Qt::Key_Delete);
    }
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.at(0).at(0).toUuid(), m_measurements[2].id);
    // The owner removes it and refills: the row is gone, nothing stays selected.
    m_measurements.pop_back();
    list.setMeasurements(m_measurements);
    QCOMPARE(list.count(), 2);
    QVERIFY(list.selectedId().isNull());
    QVERIFY(!button->isEnabled());
}

void TestMeasurementList::selectingARow_emitsSelected_andRefillKeepsTheSelection()
{
    MeasurementList list;
    list.show();
    list.setMeasurements(m_measurements);
    QSignalSpy selected(&list, &MeasurementList::selected);
    QTableWidget* table = list.table();
    const QRect cell = table->visualItemRect(table->item(1, MeasurementList::KindColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toUuid(), m_measurements[1].id);
    // A refill (the view's measurements changed) keeps the row selected and emits nothing.
    std::rotate(m_measurements.begin(), m_measurements.begin() + 1, m_measurements.end());
    list.setMeasurements(m_measurements);
    QCOMPARE(list.selectedId(), m_measurements[0].id);
    QCOMPARE(selected.count(), 1);
    list.select(m_measurements[2].id);
    QCOMPARE(list.selectedId(), m_measurements[2].id);
    QCOMPARE(selected.count(), 1);
}

QTEST_MAIN(TestMeasurementList)
#include "tst_measurementlist.moc"
