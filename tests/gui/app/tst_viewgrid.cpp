// The view grid lays out rows x columns views, keeps the first ones when the layout changes, and
// frames the active one.

#include "gui/viewgrid.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using fenestra::app::ViewGrid;

class TestViewGrid : public QObject
{
    Q_OBJECT
private slots:
    void layouts_placeViewsInRowsAndColumns_data();
    void layouts_placeViewsInRowsAndColumns();
    void unsupportedLayout_isRefused();
    void changingLayout_keepsTheFirstViewsAndDeletesTheRest();
    void clickOrFocus_makesAViewActive();
    void activeView_isFramedInTheHighlightColour();

private:
    ViewGrid* makeGrid(int* created);
};

ViewGrid* TestViewGrid::makeGrid(int* created)
{
    auto* grid = new ViewGrid([created] {
        ++*created;
        auto* view = new QWidget;
        view->setFocusPolicy(Qt::StrongFocus);
        view->setAutoFillBackground(true);
        QPalette palette = view->palette();
        palette.setColor(QPalette::Window, Qt::black);
        view->setPalette(palette);
        return view;
    });
    grid->resize(600, 600);
    return grid;
}

void TestViewGrid::layouts_placeViewsInRowsAndColumns_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("1x2") << 1 << 2;
    QTest::newRow("2x1") << 2 << 1;
    QTest::newRow("2x2") << 2 << 2;
    QTest::newRow("3x3") << 3 << 3;
}

void TestViewGrid::layouts_placeViewsInRowsAndColumns()
{
    QFETCH(int, rows);
    QFETCH(int, columns);
    int created = 0;
    std::unique_ptr<ViewGrid> grid(makeGrid(&created));
    grid->show();
    QVERIFY(QTest::qWaitForWindowExposed(grid.get()));
    QSignalSpy changed(grid.get(), &ViewGrid::layoutChanged);
    QVERIFY(grid->setLayout(rows, columns));
    QCOMPARE(grid->rows(), rows);
    QCOMPARE(grid->columns(), columns);
    const QList<QWidget*> views = grid->widgets();
    QCOMPARE(views.size(), rows * columns);
    QCOMPARE(created, rows * columns);
    QTRY_VERIFY(views.constLast()->isVisible());
    // Reading order, equal shares: view i sits in row i / columns, column i % columns.
    const int cellWidth = grid->width() / columns;
    const int cellHeight = grid->height() / rows;
    for (int i = 0; i < views.size(); ++i) {
        const QPoint centre = views[i]->geometry().center();
        QCOMPARE(centre.x() / cellWidth, i % columns);
        QCOMPARE(centre.y() / cellHeight, i / columns);
        QVERIFY(std::abs(views[i]->width() - views[0]->width()) <= 1);
        QVERIFY(std::abs(views[i]->height() - views[0]->height()) <= 1);
        QVERIFY(views[i]->width() > cellWidth - 12);
    }
}

void TestViewGrid::unsupportedLayout_isRefused()
{
    int created = 0;
    std::unique_ptr<ViewGrid> grid(makeGrid(&created));
    QVERIFY(grid->setLayout(2, 2));
    QVERIFY(!grid->setLayout(2, 3));
    QVERIFY(!grid->setLayout(0, 1));
    QCOMPARE(grid->widgets().size(), 4);
    QCOMPARE(grid->rows(), 2);
}

void TestViewGrid::changingLayout_keepsTheFirstViewsAndDeletesTheRest()
{
    int created = 0;
    std::unique_ptr<ViewGrid> grid(makeGrid(&created));
    grid->setLayout(2, 2);
    const QList<QWidget*> four = grid->widgets();
    grid->setActiveIndex(3);
    QSignalSpy active(grid.get(), &ViewGrid::activeIndexChanged);
    QPointer<QWidget> third = four[2];
    QPointer<QWidget> fourth = four[3];
    QVERIFY(grid->setLayout(1, 2));
    QCOMPARE(grid->widgets(), four.mid(0, 2));
    QCOMPARE(grid->activeIndex(), 1); // the active view went away: the last one left
    QCOMPARE(active.count(), 1);
    QTRY_VERIFY(third.isNull() && fourth.isNull());
    QVERIFY(grid->setLayout(3, 3));
    const QList<QWidget*> nine = grid->widgets();
    QCOMPARE(nine.mid(0, 2), four.mid(0, 2));
    QCOMPARE(created, 4 + 7);
}

void TestViewGrid::clickOrFocus_makesAViewActive()
{
    int created = 0;
    std::unique_ptr<ViewGrid> grid(makeGrid(&created));
    grid->setLayout(2, 2);
    grid->show();
    grid->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(grid.get()));
    QSignalSpy active(grid.get(), &ViewGrid::activeIndexChanged);
    QTest::mouseClick(grid->widgets()[2], Qt::LeftButton);
    QCOMPARE(grid->activeIndex(), 2);
    QCOMPARE(grid->activeWidget(), grid->widgets()[2]);
    auto* inner = new QWidget(grid->widgets()[1]); // as a view's own child widget
    inner->setFocusPolicy(Qt::StrongFocus);
    inner->show();
    inner->setFocus();
    QTRY_COMPARE(grid->activeIndex(), 1);
    QCOMPARE(active.count(), 2);
}

void TestViewGrid::activeView_isFramedInTheHighlightColour()
{
    int created = 0;
    std::unique_ptr<ViewGrid> grid(makeGrid(&created));
    QPalette palette = grid->palette();
    palette.setColor(QPalette::Highlight, QColor(255, 128, 0));
    palette.setColor(QPalette::Window, QColor(50, 50, 50));
    grid->setPalette(palette);
    grid->setAutoFillBackground(true);
    grid->setLayout(2, 2);
    grid->setActiveIndex(3);
    grid->show();
    QVERIFY(QTest::qWaitForWindowExposed(grid.get()));
    const QImage shot = grid->grab().toImage();
    auto colourLeftOf = [&](int index) {
        const QRect g = grid->widgets()[index]->geometry();
        return QColor(shot.pixel(g.left() - 2, g.center().y()));
    };
    auto colourAbove = [&](int index) {
        const QRect g = grid->widgets()[index]->geometry();
        return QColor(shot.pixel(g.center().x(), g.top() - 2));
    };
    QCOMPARE(colourLeftOf(3), QColor(255, 128, 0));
    QCOMPARE(colourAbove(3), QColor(255, 128, 0));
    QCOMPARE(colourLeftOf(1), QColor(50, 50, 50));
    QCOMPARE(colourAbove(2), QColor(50, 50, 50));
    // The view itself is not painted over.
    const QRect g = grid->widgets()[3]->geometry();
    QCOMPARE(QColor(shot.pixel(g.center())), QColor(Qt::black));
}

QTEST_MAIN(TestViewGrid)
#include "tst_viewgrid.moc"
