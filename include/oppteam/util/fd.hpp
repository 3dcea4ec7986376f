#pragma once
// An open file descriptor, closed at the end of its scope (backups, the PDF
// renderer module).

#include <unistd.h>

namespace oppteam {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace oppteam
