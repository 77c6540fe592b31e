package io.jdock.fuse;

/** What INIT settled with the kernel: protocol minor, the granted flags and the write size. */
record Connection(int minor, long flags, int maxWrite) {
  boolean has(long flag) {
    return (flags & flag) != 0;
  }
}
