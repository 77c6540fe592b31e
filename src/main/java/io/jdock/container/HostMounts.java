package io.jdock.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-mount flags of the host's mounts (/proc/self/mountinfo). A read-only remount of a bind
 * must repeat the flags the kernel locks in a user namespace (the atime mode, nosuid, nodev,
 * noexec), or it is refused.
 */
final class HostMounts {
  private static final Set<String> LOCKED =
      Set.of("nosuid", "nodev", "noexec", "relatime", "noatime", "strictatime", "nodiratime");

  private HostMounts() {}

  /** The locked flags of the mount that holds PATH, comma-separated (maybe empty). */
  static String lockedFlags(Path path) throws IOException {
    return lockedFlags(Files.readAllLines(Path.of("/proc/self/mountinfo")), path);
  }

  static String lockedFlags(List<String> mountinfo, Path path) {
    String target = path.toAbsolutePath().normalize().toString();
    String best = null;
    int bestLength = -1;
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      if (f.length < 6) {
        continue;
      }
      String mp = unescape(f[4]);
      boolean holds = target.equals(mp) || mp.equals("/") || target.startsWith(mp + "/");
      if (holds && mp.length() >= bestLength) {
        best = f[5];
        bestLength = mp.length();
      }
    }
    List<String> kept = new ArrayList<>();
    if (best != null) {
      for (String o : best.split(",")) {
        if (LOCKED.contains(o)) {
          kept.add(o);
        }
      }
    }
    return String.join(",", kept);
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
