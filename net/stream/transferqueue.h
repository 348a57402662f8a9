#pragma once

#include <deque>
#include <optional>
#include <vector>

namespace fenestra::net {

// The order in which the items of a series (slices, in display order) are fetched so that the
// viewer is useful early: the item the user looks at first, then the stack coarse to fine
// (every 64th item, then every 32nd between them, ... then the rest), so that the whole
// stack can be scrolled long before it is complete. An item the user scrolls to jumps ahead of
// everything still waiting. Each item is handed out once; a failed one only goes back when
// the caller says so (after its backoff), so no item is ever fetched twice by mistake.
//
// Thread contract: not thread-safe; one owner (the streamer, on the GUI thread).
class TransferQueue
{
public:
    enum class State
    {
        Waiting,
        InFlight,
        Done,
        Failed // given up: reported to the user, not retried
    };

    TransferQueue() = default;
    TransferQueue(int count, int focus);

    int count() const { return static_cast<int>(m_state.size()); }
    // The next item to fetch (now InFlight), or nothing when none is waiting.
    std::optional<int> next();
    // Moves `index` and up to `ahead` following items (in the scroll direction given by the
    // sign of `ahead`) to the front of the queue, those still waiting.
    void prioritize(int index, int ahead = 0);
    void finished(int index);   // InFlight -> Done
    void retryLater(int index); // InFlight -> Waiting, at the front (its backoff has passed)
    void giveUp(int index);     // -> Failed
    void reset(int index);      // InFlight -> Waiting, in its place (a cancelled request)

    State state(int index) const { return m_state.at(static_cast<std::size_t>(index)); }
    int countIn(State state) const;
    bool isSettled() const; // nothing waiting or in flight

    // The coarse-to-fine order for `count` items starting at `focus` (exposed for tests).
    static std::vector<int> plannedOrder(int count, int focus);

private:
    std::vector<State> m_state;
    std::vector<int> m_order; // planned order
    std::size_t m_cursor = 0; // first position of m_order that may still be waiting
    std::deque<int> m_urgent; // prioritized or retried, front first
};

} // namespace fenestra::net
