package io.jdock.fuse;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Spawn;
import io.jdock.sys.UnixSockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Mounting without root through the setuid fusermount3 helper (libfuse): it mounts, then sends the
 * /dev/fuse descriptor over the socket named by {@code _FUSE_COMMFD}; {@code fusermount3 -u}
 * unmounts.
 */
final class Fusermount implements Mounter {
  private static final String PROGRAM = "fusermount3";

  /** The descriptor number the socket has in fusermount3. */
  private static final int CHILD_COMM_FD = 3;

  @Override
  public int mount(MountTarget target, MountOptions options) throws MountException {
    List<String> argv =
        List.of(PROGRAM, "-o", optionString(options), "--", target.path().toString());
    Path errors = null;
    int[] pair = {-1, -1};
    int errFd = -1;
    try {
      errors = Files.createTempFile("jdock-fusermount", ".err");
      errFd = Posix.open(errors.toString(), OpenFlags.O_WRONLY | OpenFlags.O_CLOEXEC, 0);
      pair = UnixSockets.pair();
      // Order matters: stderr first, in case errFd itself is number 3.
      Map<Integer, Integer> fds = new LinkedHashMap<>();
      fds.put(errFd, 2);
      fds.put(pair[1], CHILD_COMM_FD);
      int pid = Spawn.spawn(argv, environment(), fds);
      Posix.closeQuietly(pair[1]);
      pair[1] = -1;
      OptionalInt fd = UnixSockets.receiveFd(pair[0]);
      int status = Spawn.waitFor(pid);
      if (fd.isPresent() && status == 0) {
        return fd.getAsInt();
      }
      fd.ifPresent(Posix::closeQuietly);
      throw new MountException(firstLine(errors, "fusermount3 failed with exit status " + status));
    } catch (ErrnoException e) {
      if (e.errno() == Errno.ENOENT) {
        throw new MountException("fusermount3 not found: install the fuse3 package", e);
      }
      throw new MountException("mounting on " + target.path() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MountException("mounting on " + target.path() + ": " + e.getMessage(), e);
    } finally {
      Posix.closeQuietly(pair[0]);
      Posix.closeQuietly(pair[1]);
      Posix.closeQuietly(errFd);
      deleteQuietly(errors);
    }
  }

  static String optionString(MountOptions options) {
    List<String> o = new ArrayList<>();
    o.add(options.readOnly() ? "ro" : "rw");
    o.add("fsname=" + options.fsName());
    o.add("subtype=" + SUBTYPE);
    o.add("default_permissions");
    if (options.allowOther()) {
      o.add("allow_other");
    }
    o.add(options.suidAndDevices() ? "suid,dev" : "nosuid,nodev");
    o.add("noatime");
    o.add("max_read=" + options.maxWrite());
    return String.join(",", o);
  }

  private static List<String> environment() {
    List<String> env = new ArrayList<>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (!k.equals("_FUSE_COMMFD")) {
                env.add(k + "=" + v);
              }
            });
    env.add("_FUSE_COMMFD=" + CHILD_COMM_FD);
    return env;
  }

  /** A lazy detach leaves the connection to current users, so it is not over yet. */
  @Override
  public boolean release(Path mountpoint) throws MountException {
    Result plain = run(PROGRAM, "-u", "--", mountpoint.toString());
    if (plain.ok() || plain.message().contains("not found in")) {
      return true;
    }
    if (!plain.message().contains("busy")) {
      throw new MountException(plain.message());
    }
    Result lazy = run(PROGRAM, "-u", "-z", "--", mountpoint.toString());
    if (!lazy.ok()) {
      throw new MountException(lazy.message());
    }
    return false;
  }

  @Override
  public void unmount(Path mountpoint, boolean lazy) throws MountException {
    Result r =
        lazy
            ? run(PROGRAM, "-u", "-z", "--", mountpoint.toString())
            : run(PROGRAM, "-u", "--", mountpoint.toString());
    if (!r.ok()) {
      throw new MountException(r.message());
    }
  }

  private record Result(boolean ok, String message) {}

  private static Result run(String... command) throws MountException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int status = p.waitFor();
      String line =
          out.isEmpty()
              ? command[0] + " exited with status " + status
              : out.lines().findFirst().orElse(out);
      return new Result(status == 0, line);
    } catch (IOException e) {
      throw new MountException("running " + command[0] + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MountException("interrupted while running " + command[0], e);
    }
  }

  private static String firstLine(Path file, String fallback) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse(fallback);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover empty temp file is harmless
      }
    }
  }
}
