package io.jdock.union;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A file object of the merged tree. It is backed by a lower layer entry ({@link #lower}), by the
 * upper dir ({@link #upper}), or both for a directory that exists in both. The inode number never
 * changes, copy-up included. Names and tree structure are guarded by {@link Tree}'s lock.
 */
abstract sealed class Inode permits DirInode, LeafInode {
  final long ino;
  final int type;

  /** The lower entry this inode comes from, or null for a purely upper inode. */
  volatile LowerAttrs lower;

  /** True once the inode exists in the upper dir (created there or copied up). */
  volatile boolean upper;

  /** Kernel lookup references (FUSE lookup count). */
  final AtomicLong lookups = new AtomicLong();

  /** Serialises copy-up of this inode. */
  final ReentrantLock copyUpLock = new ReentrantLock();

  Inode(long ino, int type) {
    this.ino = ino;
    this.type = type;
  }

  /** True when this inode still lives in the tree (has a name). */
  abstract boolean attached();
}
