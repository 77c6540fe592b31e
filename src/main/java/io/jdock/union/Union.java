package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.StatVfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The union file system: a merged tree of read-only lower layers under an optional writable upper
 * dir, served through the inode-based {@link FileSystem} API. The lower stack's metadata is
 * resolved once at {@link #open}; lookups, getattr and readdir of lower entries are answered from
 * memory, reads go straight to the layer files, and every change goes to the upper dir.
 */
public final class Union implements FileSystem {
  private static final int OPEN_FLAGS_KEPT =
      OpenFlags.O_ACCMODE
          | OpenFlags.O_APPEND
          | OpenFlags.O_TRUNC
          | OpenFlags.O_SYNC
          | OpenFlags.O_DSYNC
          | OpenFlags.O_NOATIME;

  private final Tree tree;
  private final UpperDir upper;
  private final Ownership ownership;
  private final AttrView attrs;
  private final CopyUp copyUp;
  private final Namespace names;
  private final Rename renames;
  private final Handles handles = new Handles();
  private final DataOps data;
  private final String statfsPath;

  private Union(Tree tree, UpperDir upper, Ownership ownership, String statfsPath) {
    this.tree = tree;
    this.upper = upper;
    this.ownership = ownership;
    this.attrs = new AttrView(tree, upper, ownership);
    this.copyUp = upper == null ? null : new CopyUp(tree, upper, ownership);
    this.names = upper == null ? null : new Namespace(tree, upper, copyUp, ownership);
    this.renames = upper == null ? null : new Rename(tree, upper, copyUp);
    this.statfsPath = statfsPath;
    this.data = new DataOps(tree, upper, copyUp, names, attrs, handles);
  }

  /** Builds the merged tree of CONFIG's layers and upper dir. */
  public static Union open(UnionConfig config) throws IOException {
    Tree tree = LowerTreeBuilder.build(config.lowers());
    Ownership ownership = new Ownership(config.privileged());
    if (config.upper().isEmpty()) {
      String statfsPath =
          config.lowers().isEmpty() ? "/" : config.lowers().get(0).dataRoot().toString();
      return new Union(tree, null, ownership, statfsPath);
    }
    UpperDir upper = new UpperDir(config.upper().get(), config.work());
    new UpperScan(tree, upper).adopt(ownership);
    return new Union(tree, upper, ownership, upper.root);
  }

  /** The number of inodes in the tree (for tests and statistics). */
  public int inodeCount() {
    return tree.size();
  }

  private void writable() throws FsException {
    if (upper == null) {
      throw new FsException(Errno.EROFS);
    }
  }

  @Override
  public Attr lookup(Caller caller, long parent, String name) throws FsException {
    tree.lock.readLock().lock();
    try {
      DirInode dir = tree.dir(parent);
      Inode node = name.equals("..") ? dir.parent : Namespace.child(dir, name);
      Attr a = attrs.of(node);
      node.lookups.incrementAndGet();
      return a;
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  @Override
  public void forget(long ino, long count) {
    tree.forget(ino, count);
  }

  @Override
  public Attr getattr(long ino, long fh) throws FsException {
    tree.lock.readLock().lock();
    try {
      return attrs.of(tree.get(ino));
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  @Override
  public Attr setattr(Caller caller, long ino, SetAttr changes, long fh) throws FsException {
    writable();
    Inode node = getNode(ino);
    if (node instanceof LeafInode leaf) {
      boolean truncatesAll = changes.size().isPresent() && changes.size().getAsLong() == 0;
      copyUp.leaf(leaf, !truncatesAll);
    }
    tree.lock.writeLock().lock();
    try {
      if (node instanceof DirInode d) {
        copyUp.dir(d);
      }
      if (node instanceof LeafInode l && !l.attached()) {
        int fd = fh >= 0 ? openFd(fh) : l.anyUpperFd();
        if (fd < 0) {
          throw new FsException(Errno.ENOENT, "inode " + ino + " was removed");
        }
        new AttrChanges(ownership).applyToFd(node, fd, changes);
        return attrs.of(node);
      }
      String abs = upper.abs(tree.path(node));
      new AttrChanges(ownership).apply(node, abs, changes, fh >= 0 ? openFd(fh) : -1);
      return attrs.of(node);
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  private int openFd(long fh) {
    try {
      Handle h = handles.file(fh);
      return h.onLower() ? -1 : h.fd();
    } catch (FsException e) {
      return -1;
    }
  }

  private Inode getNode(long ino) throws FsException {
    tree.lock.readLock().lock();
    try {
      return tree.get(ino);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  @Override
  public String readlink(long ino) throws FsException {
    tree.lock.readLock().lock();
    try {
      Inode node = tree.get(ino);
      if (!FileMode.isSymlink(node.type)) {
        throw new FsException(Errno.EINVAL);
      }
      return node.upper ? Posix.readlink(upper.abs(tree.path(node))) : node.lower.symlinkTarget();
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  private Attr make(Caller caller, long parent, String name, int mode, Namespace.Maker maker)
      throws FsException {
    writable();
    tree.lock.writeLock().lock();
    try {
      Inode node = names.create(caller, tree.dir(parent), name, mode, maker, null);
      node.lookups.incrementAndGet();
      return attrs.of(node);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  @Override
  public Attr mknod(Caller caller, long parent, String name, int mode, long rdev, int umask)
      throws FsException {
    int type = mode & FileMode.S_IFMT;
    if (type == 0) {
      type = FileMode.S_IFREG;
    }
    return make(
        caller,
        parent,
        name,
        type | (mode & ~umask & FileMode.PERMISSIONS),
        Namespace.node(type, rdev));
  }

  @Override
  public Attr mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FsException {
    return make(
        caller,
        parent,
        name,
        FileMode.S_IFDIR | (mode & ~umask & FileMode.PERMISSIONS),
        Namespace.directory());
  }

  @Override
  public Attr symlink(Caller caller, long parent, String name, String target) throws FsException {
    return make(caller, parent, name, FileMode.S_IFLNK | 0777, Namespace.symlink(target));
  }

  @Override
  public void unlink(Caller caller, long parent, String name) throws FsException {
    writable();
    tree.lock.writeLock().lock();
    try {
      names.unlink(tree.dir(parent), name);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  @Override
  public void rmdir(Caller caller, long parent, String name) throws FsException {
    writable();
    tree.lock.writeLock().lock();
    try {
      names.rmdir(tree.dir(parent), name);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  @Override
  public void rename(
      Caller caller, long parent, String name, long newParent, String newName, int flags)
      throws FsException {
    writable();
    renames.rename(parent, name, newParent, newName, flags);
  }

  @Override
  public Attr link(Caller caller, long ino, long newParent, String newName) throws FsException {
    writable();
    if (!(getNode(ino) instanceof LeafInode leaf)) {
      throw new FsException(Errno.EPERM);
    }
    copyUp.leaf(leaf, true);
    tree.lock.writeLock().lock();
    try {
      names.link(leaf, tree.dir(newParent), newName);
      leaf.lookups.incrementAndGet();
      return attrs.of(leaf);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  @Override
  public long open(Caller caller, long ino, int flags) throws FsException {
    if ((flags & OpenFlags.O_ACCMODE) != OpenFlags.O_RDONLY || (flags & OpenFlags.O_TRUNC) != 0) {
      writable();
    }
    return data.open(ino, flags);
  }

  @Override
  public Opened create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FsException {
    writable();
    return data.create(caller, parent, name, mode, umask, flags);
  }

  @Override
  public int read(long ino, long fh, ByteBuffer dst, long offset) throws FsException {
    return data.read(fh, dst, offset);
  }

  @Override
  public int write(Caller caller, long ino, long fh, ByteBuffer src, long offset)
      throws FsException {
    return data.write(fh, src, offset);
  }

  @Override
  public void flush(long ino, long fh) throws FsException {
    // Writes reach the upper file at once (no write-back cache): close has nothing to flush.
    // ENOSYS tells the kernel so, and it sends no FLUSH again: one round trip less per close.
    throw new FsException(Errno.ENOSYS, "flush is not needed");
  }

  @Override
  public void release(long ino, long fh) {
    data.release(fh);
  }

  @Override
  public void fsync(long ino, long fh, boolean datasync) throws FsException {
    data.fsync(fh, datasync);
  }

  @Override
  public void fallocate(long ino, long fh, int mode, long offset, long length) throws FsException {
    data.fallocate(fh, mode, offset, length);
  }

  @Override
  public long opendir(Caller caller, long ino) throws FsException {
    tree.lock.readLock().lock();
    try {
      DirInode d = tree.dir(ino);
      List<DirEntry> listing = d.listing;
      if (listing == null) {
        listing = DirInode.listing(d);
        d.listing = listing;
      }
      return handles.openDir(listing);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  @Override
  public List<DirEntry> readdir(long ino, long dh) throws FsException {
    return handles.dir(dh);
  }

  @Override
  public void releasedir(long ino, long dh) {
    handles.closeDir(dh);
  }

  @Override
  public FsStats statfs(long ino) throws FsException {
    try {
      StatVfs s = Posix.statvfs(statfsPath);
      return new FsStats(
          s.blocks(),
          s.bfree(),
          s.bavail(),
          s.files(),
          s.ffree(),
          (int) s.bsize(),
          (int) s.namemax(),
          (int) s.frsize());
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  @Override
  public byte[] getxattr(long ino, String name) throws FsException {
    return xattrs().get(ino, name);
  }

  @Override
  public List<String> listxattr(long ino) throws FsException {
    return xattrs().list(ino);
  }

  @Override
  public void setxattr(Caller caller, long ino, String name, byte[] value, int flags)
      throws FsException {
    writable();
    xattrs().set(ino, name, value, flags);
  }

  @Override
  public void removexattr(Caller caller, long ino, String name) throws FsException {
    writable();
    xattrs().remove(ino, name);
  }

  private XattrOps xattrs() {
    return new XattrOps(tree, upper, copyUp);
  }

  @Override
  public void destroy() {
    handles.closeAll();
  }
}
