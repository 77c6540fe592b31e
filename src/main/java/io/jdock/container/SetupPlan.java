package io.jdock.container;

import java.nio.file.Path;
import java.util.List;

/**
 * What the setup script mounts in a new container's namespaces; every path is a host path, already
 * resolved inside the rootfs (no symlink left in it), so that no mount can land outside.
 *
 * @param errors where the setup's own error messages go
 * @param dev the rootfs's {@code /dev}, which gets a fresh tmpfs with the usual devices
 * @param sys the rootfs's {@code /sys}: the host's, read-only
 * @param sysFlags the flags of the host's /sys mount a read-only remount must repeat
 * @param files run files (source) bind-mounted onto their targets ({@code /etc/hosts}...)
 * @param binds {@code -v} binds (with the locked flags of their source in {@link #bindFlags})
 * @param privileged running as root: device nodes are made with mknod (else bind-mounted from the
 *     host's /dev) and devpts gets group tty
 * @param tty the command gets a pseudo-terminal of the container's own devpts
 * @param command what runs once the mounts are made: the process that enters the rootfs
 */
record SetupPlan(
    Path errors,
    Path dev,
    Path sys,
    String sysFlags,
    String hostname,
    List<Bind> files,
    List<Bind> binds,
    List<String> bindFlags,
    boolean privileged,
    boolean tty,
    List<String> command) {
  SetupPlan {
    files = List.copyOf(files);
    binds = List.copyOf(binds);
    bindFlags = List.copyOf(bindFlags);
    command = List.copyOf(command);
  }
}
