package io.jdock.union;

import io.jdock.sys.Posix;
import java.util.ArrayList;
import java.util.List;

/**
 * An open file: the inode and a file descriptor on its lower or upper file. A read-only handle
 * opened on the lower file moves to the upper file once the inode has been copied up, so it sees
 * later writes as kernel overlayfs does. Replaced descriptors stay open until release, so a read
 * racing with the move never uses a closed (or reused) descriptor.
 */
final class Handle {
  final long fh;
  final LeafInode inode;
  final int flags;
  private volatile int fd;
  private volatile boolean onLower;
  private final List<Integer> retired = new ArrayList<>(0);

  Handle(long fh, LeafInode inode, int flags, int fd, boolean onLower) {
    this.fh = fh;
    this.inode = inode;
    this.flags = flags;
    this.fd = fd;
    this.onLower = onLower;
  }

  int fd() {
    return fd;
  }

  boolean onLower() {
    return onLower;
  }

  /** Switches to the inode's upper file. */
  synchronized void moveToUpper(int upperFd) {
    retired.add(fd);
    fd = upperFd;
    onLower = false;
  }

  synchronized void close() {
    Posix.closeQuietly(fd);
    for (int old : retired) {
      Posix.closeQuietly(old);
    }
    retired.clear();
    fd = -1;
  }
}
