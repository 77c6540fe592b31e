package io.jdock.union;

/** The errors a {@link FileSystem} operation reports, with their Linux numbers. */
public enum Errno {
  EPERM(1),
  ENOENT(2),
  EIO(5),
  ENXIO(6),
  E2BIG(7),
  EBADF(9),
  EAGAIN(11),
  ENOMEM(12),
  EACCES(13),
  EBUSY(16),
  EEXIST(17),
  EXDEV(18),
  ENODEV(19),
  ENOTDIR(20),
  EISDIR(21),
  EINVAL(22),
  EMFILE(24),
  ETXTBSY(26),
  EFBIG(27),
  ENOSPC(28),
  ESPIPE(29),
  EROFS(30),
  EMLINK(31),
  ERANGE(34),
  ENAMETOOLONG(36),
  ENOSYS(38),
  ENOTEMPTY(39),
  ELOOP(40),
  ENODATA(61),
  EOVERFLOW(75),
  EOPNOTSUPP(95),
  EDQUOT(122);

  private final int code;

  Errno(int code) {
    this.code = code;
  }

  /** The Linux errno value. */
  public int code() {
    return code;
  }

  /** The constant for a Linux errno value; EIO for values this enum does not name. */
  public static Errno of(int code) {
    for (Errno e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return EIO;
  }
}
