package io.jdock.fuse;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import io.jdock.sys.StatVfs;
import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.DirEntry;
import io.jdock.union.Errno;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.FsStats;
import io.jdock.union.Opened;
import io.jdock.union.SetAttr;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link FileSystem} over a real directory, for mounting in tests: inode numbers are assigned per
 * (st_dev, st_ino), so hardlinks share one; each inode remembers the paths it was seen under. New
 * files belong to the caller, as with a kernel file system.
 */
class PassthroughFs implements FileSystem {
  private record DevIno(long dev, long ino) {}

  private final Inodes inodes;
  private final Map<Long, Integer> files = new ConcurrentHashMap<>();
  private final Map<Long, List<DirEntry>> dirs = new ConcurrentHashMap<>();
  private final AtomicLong handles = new AtomicLong(1);
  final AtomicInteger destroyCalls = new AtomicInteger();

  PassthroughFs(Path root) throws IOException {
    this.inodes = new Inodes(root.toRealPath());
  }

  @Override
  public Attr lookup(Caller caller, long parent, String name) throws FsException {
    Path p = child(parent, name);
    Stat st = call(() -> Posix.lstat(p.toString()));
    return attr(inodes.remember(p, st, 1), st);
  }

  @Override
  public void forget(long ino, long count) {
    inodes.forget(ino, count);
  }

  @Override
  public Attr getattr(long ino, long fh) throws FsException {
    Integer fd = fh >= 0 ? files.get(fh) : null;
    String p = fd == null ? path(ino) : null;
    Stat st = call(() -> fd != null ? Posix.fstat(fd) : Posix.lstat(p));
    return attr(ino, st);
  }

  @Override
  public Attr setattr(Caller caller, long ino, SetAttr c, long fh) throws FsException {
    String p = path(ino);
    call(
        () -> {
          if (c.mode().isPresent()) {
            Posix.chmod(p, c.mode().getAsInt());
          }
          if (c.uid().isPresent() || c.gid().isPresent()) {
            Posix.lchown(p, c.uid().orElse(-1), c.gid().orElse(-1));
          }
          if (c.size().isPresent()) {
            Integer fd = fh >= 0 ? files.get(fh) : null;
            if (fd != null) {
              Posix.ftruncate(fd, c.size().getAsLong());
            } else {
              Posix.truncate(p, c.size().getAsLong());
            }
          }
          if (c.atimeSec().isPresent()
              || c.mtimeSec().isPresent()
              || c.atimeNow()
              || c.mtimeNow()) {
            Posix.lutimens(
                p,
                c.atimeSec().orElse(0),
                nsec(c.atimeNow(), c.atimeSec().isPresent(), c.atimeNsec()),
                c.mtimeSec().orElse(0),
                nsec(c.mtimeNow(), c.mtimeSec().isPresent(), c.mtimeNsec()));
          }
          if (c.killSuidGid()) {
            killSuidGid(p);
          }
          return null;
        });
    return getattr(ino, fh);
  }

  private static long nsec(boolean now, boolean given, int nsec) {
    return now ? OpenFlags.UTIME_NOW : given ? nsec : OpenFlags.UTIME_OMIT;
  }

  private static void killSuidGid(String p) throws ErrnoException {
    int mode = Posix.lstat(p).mode();
    int killed = mode & ~FileMode.S_ISUID;
    if ((mode & 010) != 0) {
      killed &= ~FileMode.S_ISGID;
    }
    if (killed != mode) {
      Posix.chmod(p, killed);
    }
  }

  @Override
  public String readlink(long ino) throws FsException {
    String p = path(ino);
    return call(() -> Posix.readlink(p));
  }

  @Override
  public Attr mknod(Caller caller, long parent, String name, int mode, long rdev, int umask)
      throws FsException {
    Path p = child(parent, name);
    call(
        () -> {
          Posix.mknod(p.toString(), mode, rdev);
          return null;
        });
    return created(caller, p, mode & ~umask, true);
  }

  @Override
  public Attr mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FsException {
    Path p = child(parent, name);
    call(
        () -> {
          Posix.mkdir(p.toString(), mode);
          return null;
        });
    return created(caller, p, mode & ~umask, true);
  }

  @Override
  public Attr symlink(Caller caller, long parent, String name, String target) throws FsException {
    Path p = child(parent, name);
    call(
        () -> {
          Posix.symlink(target, p.toString());
          return null;
        });
    return created(caller, p, 0, false);
  }

  /** Gives a new file the caller's ids and the exact mode (the JVM's umask must not apply). */
  private Attr created(Caller caller, Path p, int mode, boolean chmod) throws FsException {
    Stat st =
        call(
            () -> {
              Posix.lchown(p.toString(), caller.uid(), caller.gid());
              if (chmod) {
                Posix.chmod(p.toString(), mode & 07777);
              }
              return Posix.lstat(p.toString());
            });
    return attr(inodes.remember(p, st, 1), st);
  }

  @Override
  public void unlink(Caller caller, long parent, String name) throws FsException {
    Path p = child(parent, name);
    call(
        () -> {
          Posix.unlink(p.toString());
          return null;
        });
    inodes.removed(p);
  }

  @Override
  public void rmdir(Caller caller, long parent, String name) throws FsException {
    Path p = child(parent, name);
    call(
        () -> {
          Posix.rmdir(p.toString());
          return null;
        });
    inodes.removed(p);
  }

  @Override
  public void rename(
      Caller caller, long parent, String name, long newParent, String newName, int flags)
      throws FsException {
    Path from = child(parent, name);
    Path to = child(newParent, newName);
    call(
        () -> {
          Posix.rename(from.toString(), to.toString(), flags);
          return null;
        });
    inodes.renamed(from, to, (flags & OpenFlags.RENAME_EXCHANGE) != 0);
  }

  @Override
  public Attr link(Caller caller, long ino, long newParent, String newName) throws FsException {
    Path p = child(newParent, newName);
    String existing = path(ino);
    Stat st =
        call(
            () -> {
              Posix.link(existing, p.toString());
              return Posix.lstat(p.toString());
            });
    return attr(inodes.remember(p, st, 1), st);
  }

  @Override
  public long open(Caller caller, long ino, int flags) throws FsException {
    String p = path(ino);
    int fd = call(() -> Posix.open(p, flags | OpenFlags.O_CLOEXEC, 0));
    long fh = handles.getAndIncrement();
    files.put(fh, fd);
    return fh;
  }

  @Override
  public Opened create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FsException {
    Path p = child(parent, name);
    int fd =
        call(() -> Posix.open(p.toString(), flags | OpenFlags.O_CREAT | OpenFlags.O_CLOEXEC, 0));
    long fh = handles.getAndIncrement();
    files.put(fh, fd);
    return new Opened(created(caller, p, mode & ~umask, true), fh);
  }

  @Override
  public int read(long ino, long fh, ByteBuffer dst, long offset) throws FsException {
    int fd = fd(fh);
    return call(() -> Posix.pread(fd, dst, offset));
  }

  @Override
  public int write(Caller caller, long ino, long fh, ByteBuffer src, long offset)
      throws FsException {
    int fd = fd(fh);
    return call(
        () -> {
          int total = 0;
          while (src.hasRemaining()) {
            total += Posix.pwrite(fd, src, offset + total);
          }
          return total;
        });
  }

  @Override
  public void flush(long ino, long fh) {}

  @Override
  public void release(long ino, long fh) {
    Integer fd = files.remove(fh);
    if (fd != null) {
      Posix.closeQuietly(fd);
    }
  }

  @Override
  public void fsync(long ino, long fh, boolean datasync) throws FsException {
    int fd = fd(fh);
    call(
        () -> {
          if (datasync) {
            Posix.fdatasync(fd);
          } else {
            Posix.fsync(fd);
          }
          return null;
        });
  }

  @Override
  public void fallocate(long ino, long fh, int mode, long offset, long length) throws FsException {
    int fd = fd(fh);
    call(
        () -> {
          Posix.fallocate(fd, mode, offset, length);
          return null;
        });
  }

  @Override
  public long opendir(Caller caller, long ino) throws FsException {
    Path dir = Path.of(path(ino));
    List<DirEntry> entries = new ArrayList<>();
    entries.add(new DirEntry(".", ino, FileMode.S_IFDIR));
    entries.add(new DirEntry("..", call(() -> inodes.parentOf(dir)), FileMode.S_IFDIR));
    try (Stream<Path> children = Files.list(dir)) {
      for (Path p : children.sorted().toList()) {
        Stat st = call(() -> Posix.lstat(p.toString()));
        long id = inodes.remember(p, st, 0);
        entries.add(new DirEntry(p.getFileName().toString(), id, st.type()));
      }
    } catch (IOException e) {
      throw new FsException(Errno.EIO, e.getMessage());
    }
    long dh = handles.getAndIncrement();
    dirs.put(dh, List.copyOf(entries));
    return dh;
  }

  @Override
  public List<DirEntry> readdir(long ino, long dh) throws FsException {
    List<DirEntry> entries = dirs.get(dh);
    if (entries == null) {
      throw new FsException(Errno.EBADF);
    }
    return entries;
  }

  @Override
  public void releasedir(long ino, long dh) {
    dirs.remove(dh);
  }

  @Override
  public FsStats statfs(long ino) throws FsException {
    StatVfs v = call(() -> Posix.statvfs(inodes.root().toString()));
    return new FsStats(
        v.blocks(),
        v.bfree(),
        v.bavail(),
        v.files(),
        v.ffree(),
        (int) v.bsize(),
        (int) v.namemax(),
        (int) v.frsize());
  }

  @Override
  public byte[] getxattr(long ino, String name) throws FsException {
    String p = path(ino);
    return call(() -> ExtendedAttributes.lget(p, name))
        .orElseThrow(() -> new FsException(Errno.ENODATA));
  }

  @Override
  public List<String> listxattr(long ino) throws FsException {
    String p = path(ino);
    return call(() -> ExtendedAttributes.llist(p));
  }

  @Override
  public void setxattr(Caller caller, long ino, String name, byte[] value, int flags)
      throws FsException {
    String p = path(ino);
    call(
        () -> {
          ExtendedAttributes.lset(p, name, value, flags);
          return null;
        });
  }

  @Override
  public void removexattr(Caller caller, long ino, String name) throws FsException {
    String p = path(ino);
    call(
        () -> {
          ExtendedAttributes.lremove(p, name);
          return null;
        });
  }

  @Override
  public void destroy() {
    destroyCalls.incrementAndGet();
    files.values().forEach(Posix::closeQuietly);
    files.clear();
  }

  /** The current lookup count of an inode (what the kernel holds minus what it forgot). */
  long lookups(long ino) {
    return inodes.lookups(ino);
  }

  private Path child(long parent, String name) throws FsException {
    return Path.of(path(parent)).resolve(name);
  }

  private String path(long ino) throws FsException {
    return inodes.path(ino).orElseThrow(() -> new FsException(Errno.ENOENT)).toString();
  }

  private int fd(long fh) throws FsException {
    Integer fd = files.get(fh);
    if (fd == null) {
      throw new FsException(Errno.EBADF);
    }
    return fd;
  }

  private static Attr attr(long ino, Stat s) {
    return new Attr(
        ino,
        s.mode(),
        s.nlink(),
        s.uid(),
        s.gid(),
        s.rdev(),
        s.size(),
        s.blocks(),
        s.atimeSec(),
        (int) s.atimeNsec(),
        s.mtimeSec(),
        (int) s.mtimeNsec(),
        s.ctimeSec(),
        (int) s.ctimeNsec());
  }

  interface SysCall<T> {
    T run() throws ErrnoException;
  }

  static <T> T call(SysCall<T> c) throws FsException {
    try {
      return c.run();
    } catch (ErrnoException e) {
      throw new FsException(Errno.of(e.errno()), e.getMessage());
    }
  }
}
