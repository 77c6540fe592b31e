package io.jdock.sys;

/** Linux errno numbers used by jdock, with their strerror text. */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int ESRCH = 3;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int ENXIO = 6;
  public static final int E2BIG = 7;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int EXDEV = 18;
  public static final int ENODEV = 19;
  public static final int ENOTDIR = 20;
  public static final int EISDIR = 21;
  public static final int EINVAL = 22;
  public static final int EMFILE = 24;
  public static final int EFBIG = 27;
  public static final int ENOSPC = 28;
  public static final int ESPIPE = 29;
  public static final int EROFS = 30;
  public static final int EMLINK = 31;
  public static final int ERANGE = 34;
  public static final int ENAMETOOLONG = 36;
  public static final int ENOSYS = 38;
  public static final int ENOTEMPTY = 39;
  public static final int ELOOP = 40;
  public static final int ENODATA = 61;
  public static final int EOVERFLOW = 75;
  public static final int EOPNOTSUPP = 95;
  public static final int ENOTCONN = 107;

  private Errno() {}

  /** strerror-like text for the common values, else "errno N". */
  public static String describe(int errno) {
    return switch (errno) {
      case EPERM -> "Operation not permitted";
      case ENOENT -> "No such file or directory";
      case ESRCH -> "No such process";
      case EINTR -> "Interrupted system call";
      case EIO -> "Input/output error";
      case ENXIO -> "No such device or address";
      case E2BIG -> "Argument list too long";
      case EBADF -> "Bad file descriptor";
      case EAGAIN -> "Resource temporarily unavailable";
      case ENOMEM -> "Cannot allocate memory";
      case EACCES -> "Permission denied";
      case EBUSY -> "Device or resource busy";
      case EEXIST -> "File exists";
      case EXDEV -> "Invalid cross-device link";
      case ENODEV -> "No such device";
      case ENOTDIR -> "Not a directory";
      case EISDIR -> "Is a directory";
      case EINVAL -> "Invalid argument";
      case EMFILE -> "Too many open files";
      case EFBIG -> "File too large";
      case ENOSPC -> "No space left on device";
      case ESPIPE -> "Illegal seek";
      case EROFS -> "Read-only file system";
      case EMLINK -> "Too many links";
      case ERANGE -> "Numerical result out of range";
      case ENAMETOOLONG -> "File name too long";
      case ENOSYS -> "Function not implemented";
      case ENOTEMPTY -> "Directory not empty";
      case ELOOP -> "Too many levels of symbolic links";
      case ENODATA -> "No data available";
      case EOVERFLOW -> "Value too large for defined data type";
      case EOPNOTSUPP -> "Operation not supported";
      case ENOTCONN -> "Transport endpoint is not connected";
      default -> "errno " + errno;
    };
  }
}
