#pragma once
// An input that is not a regular file (stdin, a pipe, a FIFO, a device) is
// read to its end into a private temporary file before a command takes the
// database's write lock, so that a stalled sender never holds the lock
// hostage. While it is read, binary data (a NUL byte) and lines longer than
// kMaxLineBytes end the read at once with exit 65: `/dev/zero` or a binary
// file fails within the first block instead of filling the disk.

#include <cstdint>
#include <istream>
#include <memory>
#include <string>

namespace oppteam::io {

inline constexpr std::size_t kMaxLineBytes = 1u << 20;

class InputSpool {
 public:
  // Reads all of `in` into an unnamed file (mode 0600) in `folder`; `name`
  // is how errors call the input.
  InputSpool(std::istream& in, const std::string& folder, const std::string& name);
  ~InputSpool();
  InputSpool(const InputSpool&) = delete;
  InputSpool& operator=(const InputSpool&) = delete;

  // The spooled bytes, from the start.
  std::istream& stream();
  std::uint64_t size() const { return size_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint64_t size_ = 0;
};

// True when `path` names something other than a regular file (a FIFO, a
// character device, a socket): such an input is spooled first.
bool needs_spool(const std::string& path);

}  // namespace oppteam::io
