#include "server/work_pool.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace tatakerja::server {

namespace {

// Adds `increment` to the calling thread's nice value (on Linux, PRIO_PROCESS with a thread id
// applies to that thread alone). Raising it needs no privilege; a failure leaves it as it was.
void lower_own_priority(int increment) {
  if (increment <= 0) return;
  const auto tid = static_cast<id_t>(::gettid());
  const int now = ::getpriority(PRIO_PROCESS, tid);
  (void)::setpriority(PRIO_PROCESS, tid, std::min(19, now + increment));
}

}  // namespace

WorkPool::WorkPool(int threads, std::size_t queue_limit, int nice)
    : threads_(threads < 1 ? 1 : threads),
      queue_limit_(queue_limit),
      nice_(std::clamp(nice, 0, 19)) {}

WorkPool::~WorkPool() {
  shutdown();
}

void WorkPool::start() {
  std::lock_guard lock(mutex_);
  if (!pool_.empty() || stopping_) return;
  for (int i = 0; i < threads_; ++i) pool_.emplace_back([this, i] { run(i); });
}

bool WorkPool::try_submit(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    if (running_ + queue_.size() >= static_cast<std::size_t>(threads_) + queue_limit_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

std::size_t WorkPool::in_flight() const {
  std::lock_guard lock(mutex_);
  return running_ + queue_.size();
}

void WorkPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    threads.swap(pool_);
  }
  wake_.notify_all();
  for (auto& t : threads) t.join();
}

void WorkPool::run(int slot) {
  lower_own_priority(nice_);
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    task(slot);
    std::lock_guard lock(mutex_);
    --running_;
  }
}

}  // namespace tatakerja::server
