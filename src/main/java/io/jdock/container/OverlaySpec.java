package io.jdock.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mount options of fuse-overlayfs ({@code -o lowerdir=A:B,upperdir=U,workdir=W,...}), so jdock
 * can stand in for it: the leftmost lower dir is the top one, no upper dir means read-only, a colon
 * inside a path is written {@code \:}. Options fuse-overlayfs accepts but jdock does not need are
 * accepted and ignored; unknown ones are refused.
 */
public record OverlaySpec(
    List<Path> lowerTopFirst, Optional<Path> upper, Optional<Path> work, boolean readOnly) {

  private static final Set<String> IGNORED =
      Set.of(
          "rw",
          "default_permissions",
          "allow_other",
          "allow_root",
          "noatime",
          "relatime",
          "atime",
          "suid",
          "nosuid",
          "dev",
          "nodev",
          "exec",
          "noexec",
          "fast_ino",
          "noacl",
          "static_nlink",
          "volatile",
          "squash_to_root",
          "squash_to_uid",
          "squash_to_gid",
          "xattr_permissions",
          "threaded",
          "fsync",
          "writeback",
          "timeout",
          "context",
          "fsname",
          "subtype",
          "uidmapping",
          "gidmapping",
          "plugins",
          "redirect_dir",
          "index",
          "metacopy",
          "userxattr",
          "xino",
          "nfs_export");

  public OverlaySpec {
    lowerTopFirst = List.copyOf(lowerTopFirst);
  }

  /** Parses one or more {@code -o} values. */
  public static OverlaySpec parse(List<String> optionStrings) {
    List<Path> lowers = new ArrayList<>();
    Path upper = null;
    Path work = null;
    boolean ro = false;
    for (String options : optionStrings) {
      for (String option : splitUnescaped(options, ',')) {
        if (option.isEmpty()) {
          continue;
        }
        int eq = option.indexOf('=');
        String key = eq < 0 ? option : option.substring(0, eq);
        String value = eq < 0 ? "" : option.substring(eq + 1);
        switch (key) {
          case "lowerdir" -> {
            for (String dir : splitUnescaped(value, ':')) {
              if (!dir.isEmpty()) {
                lowers.add(Path.of(unescape(dir)));
              }
            }
          }
          case "upperdir" -> upper = Path.of(unescape(value));
          case "workdir" -> work = Path.of(unescape(value));
          case "ro" -> ro = true;
          default -> {
            if (!IGNORED.contains(key)) {
              throw new IllegalArgumentException("unknown mount option \"" + option + "\"");
            }
          }
        }
      }
    }
    if (lowers.isEmpty()) {
      throw new IllegalArgumentException("no lowerdir specified");
    }
    return new OverlaySpec(
        lowers, Optional.ofNullable(upper), Optional.ofNullable(work), ro || upper == null);
  }

  /** Splits at SEP unless it is escaped with a backslash (escapes are kept for unescape). */
  private static List<String> splitUnescaped(String s, char sep) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
      } else if (c == sep) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
