package io.jdock.union;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.util.OptionalLong;

/**
 * Copies a file's data with copy_file_range, range by range between SEEK_DATA and SEEK_HOLE so that
 * holes stay holes, and sets the size at the end (a trailing hole).
 */
final class SparseCopy {
  private SparseCopy() {}

  static void copy(int src, int dst, long size) throws ErrnoException {
    long pos = 0;
    while (pos < size) {
      OptionalLong data = seek(src, pos, OpenFlags.SEEK_DATA, pos);
      if (data.isEmpty() || data.getAsLong() >= size) {
        break;
      }
      long start = data.getAsLong();
      long end = seek(src, start, OpenFlags.SEEK_HOLE, size).orElse(size);
      copyRange(src, dst, start, Math.min(end, size) - start);
      pos = end;
    }
    Posix.ftruncate(dst, size);
  }

  /** lseek for data/holes; file systems without support report the whole file as data. */
  private static OptionalLong seek(int fd, long offset, int whence, long fallback)
      throws ErrnoException {
    try {
      return Posix.lseek(fd, offset, whence);
    } catch (ErrnoException e) {
      if (e.errno() == Errno.EINVAL || e.errno() == Errno.EOPNOTSUPP) {
        return OptionalLong.of(whence == OpenFlags.SEEK_DATA ? offset : fallback);
      }
      throw e;
    }
  }

  private static void copyRange(int src, int dst, long offset, long length) throws ErrnoException {
    long done = 0;
    while (done < length) {
      long n = Posix.copyFileRange(src, offset + done, dst, offset + done, length - done);
      if (n == 0) {
        return;
      }
      done += n;
    }
  }
}
