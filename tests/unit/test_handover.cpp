// The import's thread hand-over (include/oppteam/util/handover.hpp) alone:
// order, the bound on waiting items, reuse, the producer's error, a taker
// that leaves. Meant to be run under ThreadSanitizer too:
// scripts/tsan_handover.sh builds and runs just these tests.

#include <oppteam/util/handover.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using oppteam::Handover;
using oppteam::Producer;

namespace {

// Waits up to ten seconds for `done`.
template <typename Done>
bool eventually(Done done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace

TEST_CASE("handover: every item arrives once, in order, with its content", "[handover]") {
  constexpr int kItems = 2000;
  Handover<std::vector<int>> h(2);
  {
    Producer<std::vector<int>> producer(h, [](Handover<std::vector<int>>& out) {
      for (int i = 0; i < kItems; ++i) {
        std::vector<int> item = out.reuse().value_or(std::vector<int>());
        item.assign(16, i);  // written here, read on the other thread
        if (!out.put(std::move(item))) return;
      }
    });
    std::vector<int> item;
    int expected = 0;
    while (h.take(item)) {
      REQUIRE(item.size() == 16);
      CHECK(std::accumulate(item.begin(), item.end(), 0) == 16 * expected);
      ++expected;
      h.give_back(std::move(item));
    }
    CHECK(expected == kItems);
  }
}

TEST_CASE("handover: given-back items are reused, so their buffers are not allocated again", "[handover]") {
  Handover<std::vector<int>> h(1);
  std::vector<int> first(1000, 7);
  const int* buffer = first.data();
  h.give_back(std::move(first));
  auto again = h.reuse();
  REQUIRE(again.has_value());
  CHECK(again->data() == buffer);
  CHECK(!h.reuse().has_value());
}

TEST_CASE("handover: at most depth items wait, and the producer goes on when one is taken", "[handover]") {
  constexpr std::size_t kDepth = 3;
  Handover<int> h(kDepth);
  std::atomic<std::size_t> put{0};
  Producer<int> producer(h, [&put](Handover<int>& out) {
    for (int i = 0; i < 10; ++i) {
      if (!out.put(int(i))) return;
      put.fetch_add(1);
    }
  });
  REQUIRE(eventually([&] { return put.load() == kDepth; }));
  // Nothing taken: a producer not held back would have put more by now.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(put.load() == kDepth);
  int item = -1;
  REQUIRE(h.take(item));
  CHECK(item == 0);
  CHECK(eventually([&] { return put.load() == kDepth + 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(put.load() == kDepth + 1);
}

TEST_CASE("handover: the producer's error reaches the taker after the items put before it", "[handover]") {
  Handover<std::string> h(2);
  Producer<std::string> producer(h, [](Handover<std::string>& out) {
    for (const char* s : {"a", "b", "c"})
      if (!out.put(std::string(s))) return;
    throw std::runtime_error("the input broke");
  });
  std::string item, got;
  try {
    while (h.take(item)) got += item;
    FAIL("take() ended without the producer's error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "the input broke");
  }
  CHECK(got == "abc");
  // The error stays: asking again throws it again, it does not end quietly.
  CHECK_THROWS_AS(h.take(item), std::runtime_error);
}

TEST_CASE("handover: a taker that leaves stops a producer waiting to put, and the thread ends", "[handover]") {
  Handover<int> h(1);
  std::atomic<bool> refused{false};
  std::atomic<int> puts{0};
  {
    Producer<int> producer(h, [&](Handover<int>& out) {
      for (int i = 0;; ++i) {  // endless: only the stop ends it
        if (!out.put(int(i))) {
          refused = true;
          return;
        }
        puts.fetch_add(1);
      }
    });
    REQUIRE(eventually([&] { return puts.load() == 1; }));  // the one place filled, the producer waits
    int item = -1;
    REQUIRE(h.take(item));
    CHECK(item == 0);
    // Leaving here (as the import does on a store error) stops and joins.
  }
  CHECK(refused.load());
  CHECK(h.stopped());
}

TEST_CASE("handover: a producer that ends closes the hand-over, also with nothing put", "[handover]") {
  Handover<int> h(4);
  Producer<int> producer(h, [](Handover<int>&) {});
  int item = 0;
  CHECK_FALSE(h.take(item));
  CHECK_FALSE(h.take(item));
}

TEST_CASE("handover: a producer waiting for an item to reuse gets the one given back from another thread, or is released by a stop", "[handover]") {
  Handover<std::vector<int>> h(1);
  std::atomic<bool> got{false};
  std::thread waiter([&] {
    auto item = h.reuse_wait();
    got = item.has_value() && item->size() == 3;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(!got.load());  // nothing given back yet: it waits
  std::thread giver([&] { h.give_back(std::vector<int>{1, 2, 3}); });
  giver.join();
  waiter.join();
  CHECK(got.load());

  std::atomic<bool> released{false};
  std::thread stopped([&] { released = !h.reuse_wait().has_value(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  h.stop();
  stopped.join();
  CHECK(released.load());
}
