#include "transferqueue.h"

#include <algorithm>

namespace fenestra::net {

namespace {

constexpr int kCoarsestStride = 64;

} // namespace

TransferQueue::TransferQueue(int count, int focus)
    : m_state(static_cast<std::size_t>(std::max(count, 0)), State::Waiting),
      m_order(plannedOrder(count, focus))
{}

std::vector<int> TransferQueue::plannedOrder(int count, int focus)
{
    std::vector<int> order;
    if (count <= 0)
        return order;
    order.reserve(static_cast<std::size_t>(count));
    std::vector<bool> taken(static_cast<std::size_t>(count), false);
    auto take = [&](int i) {
        if (!taken[static_cast<std::size_t>(i)]) {
            taken[static_cast<std::size_t>(i)] = true;
            order.push_back(i);
        }
    };
    take(std::clamp(focus, 0, count - 1));
    take(0);
    take(count - 1);
    for (int stride = kCoarsestStride; stride >= 1; stride /= 2)
        for (int i = 0; i < count; i += stride)
            take(i);
    return order;
}

std::optional<int> TransferQueue::next()
{
    while (!m_urgent.empty()) {
        const int i = m_urgent.front();
        m_urgent.pop_front();
        if (state(i) == State::Waiting) {
            m_state[static_cast<std::size_t>(i)] = State::InFlight;
            return i;
        }
    }
    for (; m_cursor < m_order.size(); ++m_cursor) {
        const int i = m_order[m_cursor];
        if (state(i) == State::Waiting) {
            m_state[static_cast<std::size_t>(i)] = State::InFlight;
            return i;
        }
    }
    // Items reset after the cursor passed them.
    for (int i = 0; i < count(); ++i)
        if (state(i) == State::Waiting) {
            m_state[static_cast<std::size_t>(i)] = State::InFlight;
            return i;
        }
    return std::nullopt;
}

void TransferQueue::prioritize(int index, int ahead)
{
    if (index < 0 || index >= count())
        return;
    const int step = ahead < 0 ? -1 : 1;
    // Pushed in reverse so that `index` ends up first, then its neighbours in order.
    for (int k = std::abs(ahead); k >= 0; --k) {
        const int i = index + k * step;
        if (i >= 0 && i < count() && state(i) == State::Waiting)
            m_urgent.push_front(i);
    }
}

void TransferQueue::finished(int index)
{
    m_state.at(static_cast<std::size_t>(index)) = State::Done;
}

void TransferQueue::retryLater(int index)
{
    m_state.at(static_cast<std::size_t>(index)) = State::Waiting;
    m_urgent.push_front(index);
}

void TransferQueue::giveUp(int index)
{
    m_state.at(static_cast<std::size_t>(index)) = State::Failed;
}

void TransferQueue::reset(int index)
{
    m_state.at(static_cast<std::size_t>(index)) = State::Waiting;
}

int TransferQueue::countIn(State wanted) const
{
    return static_cast<int>(std::count(m_state.begin(), m_state.end(), wanted));
}

bool TransferQueue::isSettled() const
{
    return countIn(State::Waiting) == 0 && countIn(State::InFlight) == 0;
}

} // namespace fenestra::net
