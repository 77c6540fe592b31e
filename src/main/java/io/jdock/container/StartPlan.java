package io.jdock.container;

import io.jdock.store.ContainerRecord;
import io.jdock.store.StorePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a start needs once the rootfs is mounted: the user (from the image's passwd and group
 * files), the environment, the working dir (made if missing, as docker does), a check that the
 * command can run, the mount targets resolved inside the rootfs, and the setup script.
 *
 * @param argv the host command that becomes the container
 * @param errors where the setup script reports its own failures
 */
record StartPlan(List<String> argv, Path errors) {
  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

  /** Prepares the start of R, whose rootfs is mounted at ROOTFS. */
  static StartPlan prepare(StorePaths paths, ContainerRecord r, Path rootfs, boolean privileged)
      throws IOException, ContainerException {
    Path run = paths.containerRunDir(r.id());
    String hostname = hostname(r);
    List<Bind> files = RunFiles.write(run, hostname, HOST_RESOLV_CONF);
    ExecUser user = ExecUser.inRoot(r.config().user(), rootfs);
    List<String> env =
        ContainerConfigs.processEnv(r.config().env(), hostname, r.hostConfig().tty(), user.home());
    String workdir = r.config().workingDir().isEmpty() ? "/" : r.config().workingDir();
    ensureDir(rootfs, workdir);
    ExecutableLookup.check(rootfs, r.command().get(0), env, workdir);
    ensureDir(rootfs, "/proc");
    List<Bind> fileTargets = new ArrayList<>();
    for (Bind f : files) {
      fileTargets.add(new Bind(f.source(), target(rootfs, f.target(), false), false));
    }
    List<Bind> binds = new ArrayList<>();
    List<String> bindFlags = new ArrayList<>();
    for (Bind b : Bind.parseAll(r.hostConfig().binds())) {
      if (!Files.exists(b.source())) {
        Files.createDirectories(b.source()); // docker -v makes a missing host dir
      }
      boolean dir = Files.isDirectory(b.source());
      binds.add(new Bind(b.source(), target(rootfs, b.target(), dir), b.readOnly()));
      bindFlags.add(HostMounts.lockedFlags(b.source()));
    }
    Path errors = run.resolve("setup.err");
    Files.deleteIfExists(errors);
    List<String> command =
        EnterCommand.build(rootfs, workdir, user, env, r.command(), true, privileged);
    SetupPlan plan =
        new SetupPlan(
            errors,
            Path.of(target(rootfs, "/dev", true)),
            Path.of(target(rootfs, "/sys", true)),
            HostMounts.lockedFlags(Path.of("/sys")),
            hostname,
            fileTargets,
            binds,
            bindFlags,
            privileged,
            r.hostConfig().tty(),
            command);
    Path script = run.resolve("start.sh");
    Files.writeString(script, SetupScript.render(plan));
    return new StartPlan(argv(script, privileged, r.hostConfig().tty()), errors);
  }

  static String hostname(ContainerRecord r) {
    return r.hostConfig().hostname().isEmpty() ? r.shortId() : r.hostConfig().hostname();
  }

  private static List<String> argv(Path script, boolean privileged, boolean tty)
      throws ContainerException {
    List<String> argv = new ArrayList<>();
    if (!tty) {
      // Its own session: a Ctrl-C reaches jdock, which forwards it (docker's --sig-proxy).
      argv.add(HostTools.find("setsid"));
    }
    argv.add(HostTools.find("unshare"));
    if (!privileged) {
      argv.add("--user");
      argv.add("--map-root-user");
    }
    argv.addAll(List.of("--mount", "--uts", "--ipc", "--propagation", "private", "--"));
    argv.add("/bin/sh");
    argv.add(script.toString());
    return argv;
  }

  /** The setup's error message, if it failed (exit status 125 and something in its log). */
  Optional<String> setupFailure(int exitCode) throws IOException {
    if (exitCode != ContainerException.FAILED || !Files.exists(errors)) {
      return Optional.empty();
    }
    String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(text.lines().findFirst().orElse(text).strip());
  }

  private static void ensureDir(Path rootfs, String path) throws IOException, ContainerException {
    target(rootfs, path, true);
  }

  /**
   * The host path of PATH inside ROOTFS, made (a dir or an empty file) if missing; refused if it
   * exists as the other kind.
   */
  private static String target(Path rootfs, String path, boolean dir)
      throws IOException, ContainerException {
    Path p = RootedPaths.resolve(rootfs, path, true);
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) != dir) {
        throw new ContainerException(
            "cannot mount on " + path + ": " + (dir ? "not a directory" : "is a directory"));
      }
    } else if (dir) {
      Files.createDirectories(p);
    } else {
      Files.createDirectories(p.getParent());
      Files.createFile(p);
    }
    return p.toString();
  }
}
