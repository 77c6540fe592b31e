package io.jdock.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line that enters a container's rootfs and runs its process there, made of host
 * programs only: {@code env -i} (the container's environment and nothing else), {@code setpriv}
 * (group and supplementary groups), {@code unshare} (for {@code run}: a new PID namespace with its
 * own /proc; then chroot, working dir, user) and the command.
 */
final class EnterCommand {
  private EnterCommand() {}

  /**
   * @param newPidNamespace {@code run}: the command is PID 1 of a new PID namespace; false for
   *     {@code exec}, which joins one
   * @param privileged jdock runs as root (not in a user namespace), so it can change groups
   */
  static List<String> build(
      Path rootfs,
      String workdir,
      ExecUser user,
      List<String> env,
      List<String> command,
      boolean newPidNamespace,
      boolean privileged)
      throws ContainerException {
    if (!privileged && (user.uid() != 0 || user.gid() != 0 || !user.sgids().isEmpty())) {
      throw new ContainerException(
          "without root, jdock maps only root into a container: cannot run as user "
              + user.uid()
              + ":"
              + user.gid());
    }
    List<String> argv = new ArrayList<>();
    argv.add(HostTools.find("env"));
    argv.add("-i");
    argv.add("--");
    argv.addAll(env);
    if (privileged) {
      argv.add(HostTools.find("setpriv"));
      argv.add("--regid=" + user.gid());
      if (user.sgids().isEmpty()) {
        argv.add("--clear-groups");
      } else {
        argv.add(
            "--groups="
                + user.sgids().stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
      argv.add("--");
    }
    argv.add(HostTools.find("unshare"));
    if (newPidNamespace) {
      argv.add("--pid");
      argv.add("--fork");
      argv.add("--kill-child");
      argv.add("--mount-proc=/proc");
    }
    argv.add("--root=" + rootfs);
    argv.add("--wd=" + workdir);
    if (privileged) {
      argv.add("--setuid=" + user.uid());
    }
    argv.add("--");
    argv.addAll(command);
    return argv;
  }
}
