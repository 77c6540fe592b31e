package io.jdock.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user a container's process runs as, found as runc finds it (libcontainer/user GetExecUser):
 * {@code USER[:GROUP]} by name or number in the image's {@code /etc/passwd} and {@code /etc/group};
 * a number not in passwd is used as is with group 0; supplementary groups are those that list the
 * user, unless a group is given.
 *
 * @param sgids supplementary group IDs
 * @param home the passwd home ({@code /} when unknown), for {@code HOME}
 */
public record ExecUser(int uid, int gid, List<Integer> sgids, String home) {
  /** Root, as a container runs without {@code -u}. */
  public static final ExecUser ROOT = new ExecUser(0, 0, List.of(), "/");

  public ExecUser {
    sgids = List.copyOf(sgids);
  }

  /** Resolves SPEC with the passwd and group files of the root directory ROOT. */
  static ExecUser inRoot(String spec, java.nio.file.Path root)
      throws ContainerException, java.io.IOException {
    return resolve(
        spec, RootedPaths.read(root, "/etc/passwd"), RootedPaths.read(root, "/etc/group"));
  }

  /**
   * Resolves SPEC ({@code ""} is root) against the files' contents (empty when a file is missing).
   *
   * @throws ContainerException {@code unable to find user x: no matching entries in passwd file}
   */
  public static ExecUser resolve(String spec, Optional<String> passwd, Optional<String> group)
      throws ContainerException {
    int colon = spec.indexOf(':');
    String userArg = colon < 0 ? spec : spec.substring(0, colon);
    String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
    Optional<Integer> uidArg = number(userArg);
    Optional<Integer> gidArg = number(groupArg);
    Optional<String[]> user =
        entries(passwd, 7).stream()
            .filter(
                u ->
                    userArg.isEmpty()
                        ? u[2].equals("0")
                        : uidArg.isPresent() ? uidArg.equals(number(u[2])) : u[0].equals(userArg))
            .findFirst();
    int uid = 0;
    int gid = 0;
    String home = "/";
    String matchedName = "";
    if (user.isPresent()) {
      matchedName = user.get()[0];
      uid = number(user.get()[2]).orElse(0);
      gid = number(user.get()[3]).orElse(0);
      home = user.get()[5];
    } else if (!userArg.isEmpty()) {
      if (uidArg.isEmpty()) {
        throw new ContainerException(
            "unable to find user " + userArg + ": no matching entries in passwd file");
      }
      uid = uidArg.get();
    }
    List<Integer> sgids = new ArrayList<>();
    if (!groupArg.isEmpty()) {
      Optional<String[]> g =
          entries(group, 4).stream()
              .filter(e -> gidArg.isPresent() ? gidArg.equals(number(e[2])) : e[0].equals(groupArg))
              .findFirst();
      if (g.isPresent()) {
        gid = number(g.get()[2]).orElse(0);
      } else if (gidArg.isPresent()) {
        gid = gidArg.get();
      } else {
        throw new ContainerException(
            "unable to find group " + groupArg + ": no matching entries in group file");
      }
    } else if (!matchedName.isEmpty()) {
      for (String[] g : entries(group, 4)) {
        if (List.of(g[3].split(",")).contains(matchedName)) {
          number(g[2]).ifPresent(sgids::add);
        }
      }
    }
    return new ExecUser(uid, gid, sgids, home);
  }

  private static Optional<Integer> number(String s) {
    if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 10) {
      return Optional.empty();
    }
    long n = Long.parseLong(s);
    return n > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) n);
  }

  /** The colon-separated lines of a passwd or group file, padded to FIELDS; comments skipped. */
  private static List<String[]> entries(Optional<String> file, int fields) {
    List<String[]> out = new ArrayList<>();
    for (String line : file.orElse("").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split(":", -1);
      String[] padded = new String[fields];
      for (int i = 0; i < fields; i++) {
        padded[i] = i < parts.length ? parts[i] : "";
      }
      out.add(padded);
    }
    return out;
  }
}
