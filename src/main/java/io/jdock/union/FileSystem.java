package io.jdock.union;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * An inode-based file system, the contract between the union and a kernel binding (FUSE). Every
 * inode number returned by {@link #lookup}, {@link #mknod}, {@link #mkdir}, {@link #symlink},
 * {@link #link} and {@link #create} counts one lookup reference, released by {@link #forget}. Inode
 * {@link #ROOT} always exists. Methods are called from several threads at once.
 *
 * <p>Failures are {@link FsException}s carrying an errno; implementations never throw anything else
 * on purpose (a binding maps any other exception to EIO and logs it).
 */
public interface FileSystem {
  /** The root directory's inode number. */
  long ROOT = 1;

  /** Resolves NAME in directory PARENT; ENOENT when absent. Counts one lookup. */
  Attr lookup(Caller caller, long parent, String name) throws FsException;

  /** Releases {@code count} lookups of an inode. */
  void forget(long ino, long count);

  /** The attributes of an inode ({@code fh} is an open handle or -1). */
  Attr getattr(long ino, long fh) throws FsException;

  /** Changes attributes (chmod, chown, truncate, utimens) and returns the new ones. */
  Attr setattr(Caller caller, long ino, SetAttr changes, long fh) throws FsException;

  /** A symlink's target. */
  String readlink(long ino) throws FsException;

  /** Creates a regular file, device, fifo or socket ({@code mode} has the type bits). */
  Attr mknod(Caller caller, long parent, String name, int mode, long rdev, int umask)
      throws FsException;

  Attr mkdir(Caller caller, long parent, String name, int mode, int umask) throws FsException;

  Attr symlink(Caller caller, long parent, String name, String target) throws FsException;

  void unlink(Caller caller, long parent, String name) throws FsException;

  void rmdir(Caller caller, long parent, String name) throws FsException;

  /** rename(2)/renameat2(2); {@code flags} are RENAME_NOREPLACE (1) and RENAME_EXCHANGE (2). */
  void rename(Caller caller, long parent, String name, long newParent, String newName, int flags)
      throws FsException;

  /** Makes NEWNAME in NEWPARENT another name of inode INO. */
  Attr link(Caller caller, long ino, long newParent, String newName) throws FsException;

  /** Opens a file with open(2) flags; returns a handle. O_TRUNC copies up without data. */
  long open(Caller caller, long ino, int flags) throws FsException;

  /** Creates and opens a regular file. */
  Opened create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FsException;

  /**
   * Reads into {@code dst} from its position (advanced) up to its limit, stopping early only at end
   * of file; returns the count, 0 at end of file.
   */
  int read(long ino, long fh, ByteBuffer dst, long offset) throws FsException;

  /** Writes {@code src}'s remaining bytes at {@code offset}; returns the count written. */
  int write(Caller caller, long ino, long fh, ByteBuffer src, long offset) throws FsException;

  /** close(2) of one descriptor of a handle; ENOSYS means never needed (FUSE stops asking). */
  void flush(long ino, long fh) throws FsException;

  void release(long ino, long fh) throws FsException;

  void fsync(long ino, long fh, boolean datasync) throws FsException;

  void fallocate(long ino, long fh, int mode, long offset, long length) throws FsException;

  /** Opens a directory; the listing is a snapshot taken now, stable while the handle is open. */
  long opendir(Caller caller, long ino) throws FsException;

  /**
   * The snapshot of an open directory, "." and ".." first; entry {@code i} has readdir offset
   * {@code i + 1}. The same list is returned for every call on the handle.
   */
  List<DirEntry> readdir(long ino, long dh) throws FsException;

  void releasedir(long ino, long dh) throws FsException;

  FsStats statfs(long ino) throws FsException;

  /** An extended attribute's value; ENODATA when absent. */
  byte[] getxattr(long ino, String name) throws FsException;

  List<String> listxattr(long ino) throws FsException;

  /** setxattr(2) with XATTR_CREATE (1) / XATTR_REPLACE (2) flags. */
  void setxattr(Caller caller, long ino, String name, byte[] value, int flags) throws FsException;

  void removexattr(Caller caller, long ino, String name) throws FsException;

  /** Called once when the mount goes away. */
  void destroy();
}
