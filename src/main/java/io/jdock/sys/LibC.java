package io.jdock.sys;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The glibc functions jdock calls, as jnr-ffi binds them (public only because jnr-ffi generates its
 * implementation in another class loader; use {@link Posix}).
 */
public interface LibC {
  void _exit(int status);

  @SaveError
  int open(String path, int flags, int mode);

  @SaveError
  int openat(int dirfd, String path, int flags, int mode);

  @SaveError
  int close(int fd);

  @SaveError
  @ssize_t
  long read(int fd, @Out ByteBuffer buf, @size_t long count);

  @SaveError
  @ssize_t
  long write(int fd, @In ByteBuffer buf, @size_t long count);

  @SaveError
  @ssize_t
  long pread(int fd, @Out ByteBuffer buf, @size_t long count, long offset);

  @SaveError
  @ssize_t
  long pwrite(int fd, @In ByteBuffer buf, @size_t long count, long offset);

  @SaveError
  int fsync(int fd);

  @SaveError
  int fdatasync(int fd);

  @SaveError
  int ftruncate(int fd, long length);

  @SaveError
  int truncate(String path, long length);

  @SaveError
  int fallocate(int fd, int mode, long offset, long len);

  @SaveError
  int mknod(String path, int mode, long dev);

  @SaveError
  int mknodat(int dirfd, String path, int mode, long dev);

  @SaveError
  int fstatat(int dirfd, String path, @Out byte[] stat, int flags);

  @SaveError
  int fstat(int fd, @Out byte[] stat);

  @SaveError
  int statvfs(String path, @Out byte[] buf);

  @SaveError
  int fchmodat(int dirfd, String path, int mode, int flags);

  @SaveError
  int fchownat(int dirfd, String path, int uid, int gid, int flags);

  @SaveError
  int utimensat(int dirfd, String path, @In long[] times, int flags);

  @SaveError
  int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);

  @SaveError
  int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);

  @SaveError
  int symlinkat(String target, int newdirfd, String linkpath);

  @SaveError
  @ssize_t
  long readlinkat(int dirfd, String path, @Out byte[] buf, @size_t long size);

  @SaveError
  int mkdirat(int dirfd, String path, int mode);

  @SaveError
  int unlinkat(int dirfd, String path, int flags);

  @SaveError
  @ssize_t
  long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

  @SaveError
  @ssize_t
  long llistxattr(String path, @Out byte[] list, @size_t long size);

  @SaveError
  int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

  @SaveError
  int lremovexattr(String path, String name);

  @SaveError
  int mount(String source, String target, String fstype, long flags, String data);

  @SaveError
  int umount2(String target, int flags);

  @SaveError
  int kill(int pid, int sig);

  @SaveError
  int ioctl(int fd, long request, @In int[] arg);

  /** ioctl(2) with a {@code struct winsize} (four unsigned shorts) to fill. */
  @SaveError
  int ioctl(int fd, long request, @Out short[] winsize);

  int isatty(int fd);

  @SaveError
  @ssize_t
  long copy_file_range(
      int fdIn,
      @In @Out long[] offIn,
      int fdOut,
      @In @Out long[] offOut,
      @size_t long len,
      int flags);

  @SaveError
  long lseek(int fd, long offset, int whence);

  @SaveError
  int fchown(int fd, int uid, int gid);

  @SaveError
  int fchmod(int fd, int mode);

  @SaveError
  int futimens(int fd, @In long[] times);

  @SaveError
  @ssize_t
  long fgetxattr(int fd, String name, @Out byte[] value, @size_t long size);

  @SaveError
  @ssize_t
  long flistxattr(int fd, @Out byte[] list, @size_t long size);

  @SaveError
  int fremovexattr(int fd, String name);

  @SaveError
  int fsetxattr(int fd, String name, @In byte[] value, @size_t long size, int flags);

  @SaveError
  int socketpair(int domain, int type, int protocol, @Out int[] fds);

  @SaveError
  @ssize_t
  long recvmsg(int fd, Pointer msghdr, int flags);

  /** Returns an error number (not -1 and errno), like every posix_spawn function. */
  int posix_spawn_file_actions_init(Pointer actions);

  int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

  int posix_spawn_file_actions_destroy(Pointer actions);

  int posix_spawnp(
      @Out int[] pid,
      String file,
      Pointer actions,
      Pointer attributes,
      String[] argv,
      String[] env);

  @SaveError
  int waitpid(int pid, @Out int[] status, int options);

  int getuid();

  int geteuid();

  int getgid();

  int getegid();

  int umask(int mask);
}
