package io.jdock.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The mount points of this process's mount namespace, read from /proc/self/mountinfo (proc(5)): the
 * fifth field is the mount point, with space, tab, newline and backslash octal-escaped.
 */
final class MountTable {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private MountTable() {}

  /** Whether {@code dir} (absolute, normalised) is a mount point now. */
  static boolean isMountPoint(Path dir) throws IOException {
    return isMountPoint(Files.readAllLines(MOUNTINFO), dir);
  }

  static boolean isMountPoint(List<String> mountinfo, Path dir) {
    String wanted = dir.toString();
    return mountinfo.stream()
        .map(MountTable::mountPoint)
        .flatMap(Optional::stream)
        .anyMatch(wanted::equals);
  }

  /** The mount point field of one mountinfo line, unescaped. */
  static Optional<String> mountPoint(String line) {
    String[] fields = line.split(" ");
    return fields.length > 4 ? Optional.of(unescape(fields[4])) : Optional.empty();
  }

  /** Undoes the kernel's \ooo escapes (seq_file mangle of " \t\n\\"). */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
