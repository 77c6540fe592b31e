package io.jdock.fuse;

import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.DirEntry;
import io.jdock.union.Errno;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.FsStats;
import io.jdock.union.Opened;
import io.jdock.union.SetAttr;
import java.nio.ByteBuffer;
import java.util.List;

/** A file system whose every operation fails with ENOSYS; tests override what they need. */
class StubFs implements FileSystem {
  static FsException nosys() {
    return new FsException(Errno.ENOSYS);
  }

  /** A regular file's attributes with recognisable values in every field. */
  static Attr file(long ino) {
    return new Attr(ino, 0100644, 1, 1000, 100, 0, 12345, 24, 11, 12, 21, 22, 31, 32);
  }

  @Override
  public Attr lookup(Caller caller, long parent, String name) throws FsException {
    throw nosys();
  }

  @Override
  public void forget(long ino, long count) {}

  @Override
  public Attr getattr(long ino, long fh) throws FsException {
    throw nosys();
  }

  @Override
  public Attr setattr(Caller caller, long ino, SetAttr changes, long fh) throws FsException {
    throw nosys();
  }

  @Override
  public String readlink(long ino) throws FsException {
    throw nosys();
  }

  @Override
  public Attr mknod(Caller caller, long parent, String name, int mode, long rdev, int umask)
      throws FsException {
    throw nosys();
  }

  @Override
  public Attr mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FsException {
    throw nosys();
  }

  @Override
  public Attr symlink(Caller caller, long parent, String name, String target) throws FsException {
    throw nosys();
  }

  @Override
  public void unlink(Caller caller, long parent, String name) throws FsException {
    throw nosys();
  }

  @Override
  public void rmdir(Caller caller, long parent, String name) throws FsException {
    throw nosys();
  }

  @Override
  public void rename(
      Caller caller, long parent, String name, long newParent, String newName, int flags)
      throws FsException {
    throw nosys();
  }

  @Override
  public Attr link(Caller caller, long ino, long newParent, String newName) throws FsException {
    throw nosys();
  }

  @Override
  public long open(Caller caller, long ino, int flags) throws FsException {
    throw nosys();
  }

  @Override
  public Opened create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FsException {
    throw nosys();
  }

  @Override
  public int read(long ino, long fh, ByteBuffer dst, long offset) throws FsException {
    throw nosys();
  }

  @Override
  public int write(Caller caller, long ino, long fh, ByteBuffer src, long offset)
      throws FsException {
    throw nosys();
  }

  @Override
  public void flush(long ino, long fh) throws FsException {
    throw nosys();
  }

  @Override
  public void release(long ino, long fh) throws FsException {
    throw nosys();
  }

  @Override
  public void fsync(long ino, long fh, boolean datasync) throws FsException {
    throw nosys();
  }

  @Override
  public void fallocate(long ino, long fh, int mode, long offset, long length) throws FsException {
    throw nosys();
  }

  @Override
  public long opendir(Caller caller, long ino) throws FsException {
    throw nosys();
  }

  @Override
  public List<DirEntry> readdir(long ino, long dh) throws FsException {
    throw nosys();
  }

  @Override
  public void releasedir(long ino, long dh) throws FsException {
    throw nosys();
  }

  @Override
  public FsStats statfs(long ino) throws FsException {
    throw nosys();
  }

  @Override
  public byte[] getxattr(long ino, String name) throws FsException {
    throw nosys();
  }

  @Override
  public List<String> listxattr(long ino) throws FsException {
    throw nosys();
  }

  @Override
  public void setxattr(Caller caller, long ino, String name, byte[] value, int flags)
      throws FsException {
    throw nosys();
  }

  @Override
  public void removexattr(Caller caller, long ino, String name) throws FsException {
    throw nosys();
  }

  @Override
  public void destroy() {}
}
