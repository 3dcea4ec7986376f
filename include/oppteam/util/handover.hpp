#pragma once
// A bounded hand-over of work from one producing thread to one taking
// thread: the producer puts items, the taker takes them in the same order.
// At most `depth` items wait, so memory stays flat however fast the
// producer is; the taker gives used items back for the producer to fill
// again, so their buffers are reused. An error on the producer's side is
// passed on to the taker after the items put before it; a taker that leaves
// (on its own error) stops the producer at its next put.
// (The standard library has no queue between threads; this is the least
// one that does.) Producer runs the producing side on a thread of its own.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace oppteam {

template <typename T>
class Handover {
 public:
  explicit Handover(std::size_t depth) : depth_(depth < 1 ? 1 : depth) {}
  Handover(const Handover&) = delete;
  Handover& operator=(const Handover&) = delete;

  // --- the producer's side

  // An item the taker gave back, to be filled again; nullopt when none is.
  std::optional<T> reuse() {
    const std::lock_guard lock(mutex_);
    if (spare_.empty()) return std::nullopt;
    std::optional<T> item(std::move(spare_.back()));
    spare_.pop_back();
    return item;
  }
  // An item the taker gave back, waiting for one; nullopt once the taker
  // has stopped. (A producer that keeps a fixed number of items in flight.)
  std::optional<T> reuse_wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !spare_.empty() || stopped_; });
    if (spare_.empty()) return std::nullopt;
    std::optional<T> item(std::move(spare_.back()));
    spare_.pop_back();
    return item;
  }
  // Hands `item` over, waiting while `depth` items wait. False (the item
  // dropped) when the taker has stopped.
  bool put(T&& item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_.size() < depth_ || stopped_; });
    if (stopped_) return false;
    ready_.push_back(std::move(item));
    changed_.notify_all();
    return true;
  }
  // No more items. `error`, when given, is thrown by take() once the items
  // put before it have been taken.
  void close(std::exception_ptr error = nullptr) noexcept {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
      error_ = std::move(error);
    }
    changed_.notify_all();
  }
  // True once the taker has stopped; cheap enough to ask between items.
  bool stopped() const noexcept { return stopped_.load(std::memory_order_relaxed); }

  // --- the taker's side

  // Moves the next item into `out`, waiting for one; false when the
  // producer closed and every item was taken. Throws the producer's error.
  bool take(T& out) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || closed_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    out = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return true;
  }
  // Gives an item back for the producer to reuse() (from any thread).
  void give_back(T&& item) {
    {
      const std::lock_guard lock(mutex_);
      spare_.push_back(std::move(item));
    }
    changed_.notify_all();
  }
  // The taker leaves: put() returns false from now on, also to a producer
  // waiting in it.
  void stop() noexcept {
    {
      const std::lock_guard lock(mutex_);  // no wakeup lost by a producer about to wait
      stopped_ = true;
    }
    changed_.notify_all();
  }

 private:
  const std::size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> ready_;
  std::vector<T> spare_;
  bool closed_ = false;
  std::atomic<bool> stopped_{false};  // also read without the lock (stopped())
  std::exception_ptr error_;
};

// Runs `produce(handover)` on a thread of its own and closes the hand-over
// when it returns, with what it threw if it threw. Destroying the Producer
// stops the hand-over (the taker may be leaving on an error) and waits for
// the thread.
template <typename T>
class Producer {
 public:
  template <typename Produce>
  Producer(Handover<T>& handover, Produce produce)
      : handover_(handover), thread_([this, produce = std::move(produce)]() mutable {
          try {
            produce(handover_);
            handover_.close();
          } catch (...) {
            handover_.close(std::current_exception());
          }
        }) {}
  Producer(const Producer&) = delete;
  Producer& operator=(const Producer&) = delete;
  ~Producer() {
    handover_.stop();
    thread_.join();
  }

 private:
  Handover<T>& handover_;
  std::thread thread_;  // last: starts when everything it uses is there
};

}  // namespace oppteam
