package io.jdock.union;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The merged tree: every live inode by number, the root, and the lock that guards names and
 * structure (read for lookups and listings, write for changes of the namespace). Inode numbers are
 * handed out once and never reused during a mount.
 */
final class Tree {
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Long, Inode> inodes = new ConcurrentHashMap<>();
  private final AtomicLong nextIno = new AtomicLong(FileSystem.ROOT);
  final DirInode root;

  Tree() {
    root = new DirInode(nextIno.getAndIncrement(), null, "");
    inodes.put(root.ino, root);
  }

  DirInode newDir(DirInode parent, String name) {
    DirInode d = new DirInode(nextIno.getAndIncrement(), parent, name);
    inodes.put(d.ino, d);
    return d;
  }

  LeafInode newLeaf(int type) {
    LeafInode l = new LeafInode(nextIno.getAndIncrement(), type);
    inodes.put(l.ino, l);
    return l;
  }

  int size() {
    return inodes.size();
  }

  Inode get(long ino) throws FsException {
    Inode i = inodes.get(ino);
    if (i == null) {
      throw new FsException(Errno.ENOENT, "no inode " + ino);
    }
    return i;
  }

  DirInode dir(long ino) throws FsException {
    if (get(ino) instanceof DirInode d) {
      return d;
    }
    throw new FsException(Errno.ENOTDIR);
  }

  LeafInode leaf(long ino) throws FsException {
    Inode i = get(ino);
    if (i instanceof LeafInode l) {
      return l;
    }
    throw new FsException(Errno.EISDIR);
  }

  /** The path of an inode relative to the mount root ("" for the root); needs the lock held. */
  String path(Inode inode) throws FsException {
    if (inode instanceof DirInode d) {
      return dirPath(d);
    }
    LeafInode l = (LeafInode) inode;
    if (l.links.isEmpty()) {
      throw new FsException(Errno.ENOENT, "inode " + l.ino + " has no name");
    }
    LeafInode.Link link = l.links.get(0);
    return child(dirPath(link.parent()), link.name());
  }

  static String dirPath(DirInode d) throws FsException {
    if (d.isRoot()) {
      return "";
    }
    if (!d.attached()) {
      throw new FsException(Errno.ENOENT, "directory was removed");
    }
    StringBuilder sb = new StringBuilder(d.name);
    for (DirInode p = d.parent; !p.isRoot(); p = p.parent) {
      sb.insert(0, '/').insert(0, p.name);
    }
    return sb.toString();
  }

  static String child(String dirPath, String name) {
    return dirPath.isEmpty() ? name : dirPath + "/" + name;
  }

  /** Puts CHILD into PARENT under NAME (replacing nothing: the caller removed any old entry). */
  void attach(DirInode parent, String name, Inode child) {
    parent.children.put(name, child);
    parent.changed();
    if (child instanceof DirInode d) {
      d.parent = parent;
      d.name = name;
    } else {
      ((LeafInode) child).links.add(new LeafInode.Link(parent, name));
    }
  }

  /** Removes NAME from PARENT; the inode is dropped unless the kernel or a handle still uses it. */
  Inode detach(DirInode parent, String name) {
    Inode child = parent.children.remove(name);
    parent.changed();
    unname(child, parent, name);
    if (child != null) {
      release(child);
    }
    return child;
  }

  /** Moves NAME of PARENT to NEWNAME of NEWPARENT, replacing (and releasing) what was there. */
  void move(DirInode parent, String name, DirInode newParent, String newName) {
    Inode node = parent.children.remove(name);
    parent.changed();
    unname(node, parent, name);
    Inode replaced = newParent.children.remove(newName);
    newParent.changed();
    if (replaced != null && replaced != node) {
      unname(replaced, newParent, newName);
      release(replaced);
    }
    attach(newParent, newName, node);
  }

  /** Swaps the inodes behind two names (RENAME_EXCHANGE). */
  void exchange(DirInode parent, String name, DirInode newParent, String newName) {
    Inode a = parent.children.remove(name);
    unname(a, parent, name);
    Inode b = newParent.children.remove(newName);
    unname(b, newParent, newName);
    attach(newParent, newName, a);
    attach(parent, name, b);
  }

  private static void unname(Inode node, DirInode parent, String name) {
    if (node instanceof DirInode d) {
      d.name = null;
    } else if (node instanceof LeafInode l) {
      l.links.removeIf(link -> link.parent() == parent && link.name().equals(name));
    }
  }

  /** Drops an inode no name, lookup or handle refers to any more. */
  void release(Inode inode) {
    if (inode.attached() || inode.lookups.get() > 0) {
      return;
    }
    if (inode instanceof LeafInode l) {
      synchronized (l.handles) {
        if (!l.handles.isEmpty()) {
          return;
        }
      }
    }
    inodes.remove(inode.ino);
  }

  void forget(long ino, long count) {
    Inode i = inodes.get(ino);
    if (i == null || i == root) {
      return;
    }
    if (i.lookups.addAndGet(-count) <= 0) {
      i.lookups.set(0);
      lock.writeLock().lock();
      try {
        release(i);
      } finally {
        lock.writeLock().unlock();
      }
    }
  }
}
