/**
 * The Linux system calls the JDK does not offer: mknod, extended attributes in every namespace,
 * renameat2, fallocate, statvfs, lstat with inode and device numbers, mount/umount, kill, raw
 * {@code read}/{@code write} on file descriptors (for {@code /dev/fuse}), and for fusermount3:
 * posix_spawn with inherited descriptors ({@link io.jdock.sys.Spawn}) and SCM_RIGHTS descriptor
 * passing ({@link io.jdock.sys.UnixSockets}), bound with jnr-ffi.
 *
 * <p>This is the one package besides {@code fuse} that imports jnr, and it exposes no jnr type:
 * callers see ints, {@link java.nio.ByteBuffer}s, paths and {@link io.jdock.sys.ErrnoException}. It
 * exists so that {@code layer} (mknod, xattrs while extracting) and {@code union} (the upper dir)
 * get those calls without depending on {@code fuse}. Imports nothing else of jdock.
 */
package io.jdock.sys;
