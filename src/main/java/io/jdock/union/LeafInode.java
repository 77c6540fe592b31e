package io.jdock.union;

import java.util.ArrayList;
import java.util.List;

/**
 * A non-directory of the merged tree: regular file, symlink, device, fifo or socket. Its names
 * ({@link #links}) make up its link count; hard links share one LeafInode.
 */
final class LeafInode extends Inode {
  /** The names of this inode; guarded by the tree lock. */
  final List<Link> links = new ArrayList<>(1);

  /** Open handles, so an unlinked but open file keeps answering getattr. */
  final List<Handle> handles = new ArrayList<>(0);

  LeafInode(long ino, int type) {
    super(ino, type);
  }

  /**
   * A descriptor on this inode's upper file from an open handle, or -1: the only way to reach a
   * file that is open but has no name left.
   */
  int anyUpperFd() {
    synchronized (handles) {
      for (Handle h : handles) {
        if (!h.onLower() && h.fd() >= 0) {
          return h.fd();
        }
      }
    }
    return -1;
  }

  @Override
  boolean attached() {
    return !links.isEmpty();
  }

  /** One name of an inode: the directory and the name in it. */
  record Link(DirInode parent, String name) {}
}
