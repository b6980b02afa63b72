// A bounded pool that runs heavy requests (regulation preview and import; password hashing in a
// second pool) off the threads that read and answer requests (issue 10, "Work off the accepting
// thread, within a budget"): a fixed number of threads and a queue of fixed length. A task offered
// when every thread is busy and the queue is full is refused at once (the transport answers 503
// SERVER_BUSY), so the work, and the memory it holds, in flight at once is bounded. No Asio here:
// the transport posts the answer back to the connection's own thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tatakerja::server {

class WorkPool {
 public:
  // Called on pool thread `slot` (0 .. threads-1).
  using Task = std::function<void(int slot)>;

  // `threads` >= 1; `queue_limit` tasks may wait beside the running ones; `nice` (0-19) is added
  // to the nice value of each thread, so that it yields the processor to the others.
  WorkPool(int threads, std::size_t queue_limit, int nice = 0);
  ~WorkPool();  // shutdown()
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Starts the threads (once).
  void start();
  // Queues `task`; false (and the task is dropped) when `threads` tasks run and `queue_limit`
  // wait, or after shutdown().
  bool try_submit(Task task);
  // Refuses new tasks, runs the queued ones, and joins the threads. Idempotent.
  void shutdown();

  int threads() const { return threads_; }
  // Tasks running or waiting now.
  std::size_t in_flight() const;

 private:
  void run(int slot);

  const int threads_;
  const std::size_t queue_limit_;
  const int nice_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> pool_;
};

}  // namespace tatakerja::server
