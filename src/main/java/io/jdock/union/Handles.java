package io.jdock.union;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The open file and directory handles of a mount, by the numbers given to the kernel. */
final class Handles {
  private final AtomicLong next = new AtomicLong(1);
  private final Map<Long, Handle> files = new ConcurrentHashMap<>();
  private final Map<Long, List<DirEntry>> dirs = new ConcurrentHashMap<>();

  Handle open(LeafInode inode, int flags, int fd, boolean onLower) {
    Handle h = new Handle(next.getAndIncrement(), inode, flags, fd, onLower);
    synchronized (inode.handles) {
      inode.handles.add(h);
    }
    files.put(h.fh, h);
    return h;
  }

  Handle file(long fh) throws FsException {
    Handle h = files.get(fh);
    if (h == null) {
      throw new FsException(Errno.EBADF, "no open file " + fh);
    }
    return h;
  }

  /** Forgets a handle and closes its descriptors; returns it (or null if unknown). */
  Handle close(long fh) {
    Handle h = files.remove(fh);
    if (h != null) {
      h.close();
      synchronized (h.inode.handles) {
        h.inode.handles.remove(h);
      }
    }
    return h;
  }

  long openDir(List<DirEntry> listing) {
    long dh = next.getAndIncrement();
    dirs.put(dh, listing);
    return dh;
  }

  List<DirEntry> dir(long dh) throws FsException {
    List<DirEntry> l = dirs.get(dh);
    if (l == null) {
      throw new FsException(Errno.EBADF, "no open directory " + dh);
    }
    return l;
  }

  void closeDir(long dh) {
    dirs.remove(dh);
  }

  void closeAll() {
    for (Long fh : files.keySet().toArray(Long[]::new)) {
      close(fh);
    }
    dirs.clear();
  }
}
