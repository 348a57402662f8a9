// The fetch order of a streamed series: the focus first, the stack coarse to fine, scrolled-to
// slices ahead of the rest, every item handed out exactly once.

#include "stream/transferqueue.h"

#include <QTest>

#include <set>

using fenestra::net::TransferQueue;

class TestTransferQueue : public QObject
{
    Q_OBJECT
private slots:
    void plannedOrder_isAPermutationStartingAtTheFocus_data();
    void plannedOrder_isAPermutationStartingAtTheFocus();
    void plannedOrder_coversTheStackCoarseToFine();
    void next_handsOutEveryItemOnce();
    void prioritize_putsTheScrolledToSliceAndItsNeighboursFirst();
    void prioritize_backwards_takesTheSlicesBelow();
    void prioritize_ignoresItemsAlreadyFetched();
    void retryLater_refetchesOnlyThatItem();
    void giveUp_settlesWithoutRefetching();
    void reset_afterTheCursorPassed_isStillHandedOut();
    void emptySeries_isSettled();
};

void TestTransferQueue::plannedOrder_isAPermutationStartingAtTheFocus_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("focus");
    QTest::newRow("300 slices, middle") << 300 << 150;
    QTest::newRow("1 slice") << 1 << 0;
    QTest::newRow("2 slices, last") << 2 << 1;
    QTest::newRow("65 slices, first") << 65 << 0;
    QTest::newRow("focus beyond the end is clamped") << 10 << 99;
}

void TestTransferQueue::plannedOrder_isAPermutationStartingAtTheFocus()
{
    QFETCH(int, count);
    QFETCH(int, focus);
    const std::vector<int> order = TransferQueue::plannedOrder(count, focus);
    QCOMPARE(static_cast<int>(order.size()), count);
    QCOMPARE(std::set<int>(order.begin(), order.end()).size(), static_cast<std::size_t>(count));
    QCOMPARE(*std::min_element(order.begin(), order.end()), 0);
    QCOMPARE(*std::max_element(order.begin(), order.end()), count - 1);
    QCOMPARE(order.front(), std::min(focus, count - 1));
}

void TestTransferQueue::plannedOrder_coversTheStackCoarseToFine()
{
    const std::vector<int> order = TransferQueue::plannedOrder(300, 150);
    // focus, both ends, then every 64th: 0 64 128 192 256 (0 already taken).
    const std::vector<int> head(order.begin(), order.begin() + 7);
    QCOMPARE(head, (std::vector<int>{150, 0, 299, 64, 128, 192, 256}));
    // After the first 10%, no slice is further than 16 from a fetched one: the whole stack can
    // be scrolled through early.
    std::vector<int> early(order.begin(), order.begin() + 30);
    std::sort(early.begin(), early.end());
    int widestGap = 0;
    for (std::size_t i = 1; i < early.size(); ++i)
        widestGap = std::max(widestGap, early[i] - early[i - 1]);
    QVERIFY2(widestGap <= 32, qPrintable(QString::number(widestGap)));
}

void TestTransferQueue::next_handsOutEveryItemOnce()
{
    TransferQueue queue(100, 50);
    std::vector<int> seen;
    while (auto i = queue.next()) {
        QCOMPARE(queue.state(*i), TransferQueue::State::InFlight);
        seen.push_back(*i);
    }
    QCOMPARE(seen.size(), std::size_t{100});
    QCOMPARE(std::set<int>(seen.begin(), seen.end()).size(), std::size_t{100});
    QVERIFY(!queue.isSettled());
    for (int i : seen)
        queue.finished(i);
    QVERIFY(queue.isSettled());
    QCOMPARE(queue.countIn(TransferQueue::State::Done), 100);
}

void TestTransferQueue::prioritize_putsTheScrolledToSliceAndItsNeighboursFirst()
{
    TransferQueue queue(300, 150);
    QCOMPARE(queue.next(), std::optional<int>(150));
    queue.prioritize(77, 2);
    QCOMPARE(queue.next(), std::optional<int>(77));
    QCOMPARE(queue.next(), std::optional<int>(78));
    QCOMPARE(queue.next(), std::optional<int>(79));
    QCOMPARE(queue.next(), std::optional<int>(0)); // then the plan resumes
}

void TestTransferQueue::prioritize_backwards_takesTheSlicesBelow()
{
    TransferQueue queue(300, 150);
    queue.prioritize(77, -2);
    QCOMPARE(queue.next(), std::optional<int>(77));
    QCOMPARE(queue.next(), std::optional<int>(76));
    QCOMPARE(queue.next(), std::optional<int>(75));
}

void TestTransferQueue::prioritize_ignoresItemsAlreadyFetched()
{
    TransferQueue queue(10, 5);
    QCOMPARE(queue.next(), std::optional<int>(5));
    queue.finished(5);
    queue.prioritize(5, 1); // 5 is done: only 6 moves up
    QCOMPARE(queue.next(), std::optional<int>(6));
    QCOMPARE(queue.next(), std::optional<int>(0));
}

void TestTransferQueue::retryLater_refetchesOnlyThatItem()
{
    TransferQueue queue(10, 0);
    const int first = *queue.next();
    const int second = *queue.next();
    queue.finished(second);
    queue.retryLater(first);
    QCOMPARE(queue.state(first), TransferQueue::State::Waiting);
    QCOMPARE(queue.next(), std::optional<int>(first));
    std::multiset<int> rest;
    while (auto i = queue.next())
        rest.insert(*i);
    QCOMPARE(rest.count(first), std::size_t{0});
    QCOMPARE(rest.count(second), std::size_t{0});
    QCOMPARE(rest.size(), std::size_t{8});
}

void TestTransferQueue::giveUp_settlesWithoutRefetching()
{
    TransferQueue queue(3, 1);
    const int a = *queue.next();
    const int b = *queue.next();
    const int c = *queue.next();
    queue.finished(a);
    queue.finished(b);
    queue.giveUp(c);
    QVERIFY(queue.isSettled());
    QCOMPARE(queue.next(), std::nullopt);
    QCOMPARE(queue.countIn(TransferQueue::State::Failed), 1);
}

void TestTransferQueue::reset_afterTheCursorPassed_isStillHandedOut()
{
    TransferQueue queue(4, 0);
    std::vector<int> all;
    while (auto i = queue.next())
        all.push_back(*i);
    queue.reset(all.front());
    QCOMPARE(queue.next(), std::optional<int>(all.front()));
    QCOMPARE(queue.next(), std::nullopt);
}

void TestTransferQueue::emptySeries_isSettled()
{
    TransferQueue queue(0, 0);
    QVERIFY(queue.isSettled());
    QCOMPARE(queue.next(), std::nullopt);
}

QTEST_GUILESS_MAIN(TestTransferQueue)
#include "tst_transferqueue.moc"
