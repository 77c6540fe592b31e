package io.jdock.fuse;

import io.jdock.sys.Posix;

/**
 * How a file system is mounted and served.
 *
 * @param fsName the mount's source, shown by mount(8) and df (type is {@code fuse.jdock})
 * @param readOnly mount read-only
 * @param allowOther let users other than the mounting one in (non-root needs {@code
 *     user_allow_other} in /etc/fuse.conf)
 * @param suidAndDevices honour setuid bits and device nodes (root only; off: nosuid,nodev)
 * @param threads worker threads reading /dev/fuse
 * @param maxWrite the largest WRITE and READ request, in bytes (at most 1 MiB: 256 pages)
 * @param writebackCache let the kernel buffer writes (FUSE_WRITEBACK_CACHE); off by default, since
 *     the kernel then owns size and mtime of files being written and rewrites open flags
 * @param cloneDevice give each worker its own descriptor (FUSE_DEV_IOC_CLONE)
 * @param mechanism mount(2) directly (root) or through fusermount3
 * @param unmountOnExit unmount from a JVM shutdown hook (SIGTERM, SIGINT, normal exit)
 */
public record MountOptions(
    String fsName,
    boolean readOnly,
    boolean allowOther,
    boolean suidAndDevices,
    int threads,
    int maxWrite,
    boolean writebackCache,
    boolean cloneDevice,
    Mechanism mechanism,
    boolean unmountOnExit) {

  /** How the mount is made. */
  public enum Mechanism {
    /** mount(2) when running as root, else fusermount3. */
    AUTO,
    /** open /dev/fuse and mount(2): needs CAP_SYS_ADMIN. */
    MOUNT_SYSCALL,
    /** the setuid fusermount3 helper, which passes back the /dev/fuse descriptor. */
    FUSERMOUNT
  }

  public static final int MAX_WRITE_LIMIT = 1 << 20;

  public MountOptions {
    if (fsName.isEmpty() || fsName.matches(".*[,\\s\\\\].*")) {
      throw new IllegalArgumentException("invalid file system name: " + fsName);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (maxWrite < 4096 || maxWrite > MAX_WRITE_LIMIT) {
      throw new IllegalArgumentException("maxWrite must be 4 KiB to 1 MiB: " + maxWrite);
    }
  }

  /**
   * jdock's defaults: read-write, allow_other when root, nosuid and nodev, max(2, cores) threads, 1
   * MiB requests, no writeback cache, cloned descriptors, unmount on exit.
   */
  public static MountOptions defaults() {
    int threads =
        Integer.getInteger(
            "jdock.fuse.threads", Math.max(2, Runtime.getRuntime().availableProcessors()));
    boolean root = Posix.geteuid() == 0;
    return new MountOptions(
        "jdock", false, root, false, threads, MAX_WRITE_LIMIT, false, true, Mechanism.AUTO, true);
  }

  public MountOptions withFsName(String name) {
    return new MountOptions(
        name,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withReadOnly(boolean on) {
    return new MountOptions(
        fsName,
        on,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withAllowOther(boolean on) {
    return new MountOptions(
        fsName,
        readOnly,
        on,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withSuidAndDevices(boolean on) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        on,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withThreads(int n) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        n,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withMaxWrite(int bytes) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        bytes,
        writebackCache,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withWritebackCache(boolean on) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        on,
        cloneDevice,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withCloneDevice(boolean on) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        on,
        mechanism,
        unmountOnExit);
  }

  public MountOptions withMechanism(Mechanism m) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        m,
        unmountOnExit);
  }

  public MountOptions withUnmountOnExit(boolean on) {
    return new MountOptions(
        fsName,
        readOnly,
        allowOther,
        suidAndDevices,
        threads,
        maxWrite,
        writebackCache,
        cloneDevice,
        mechanism,
        on);
  }
}
