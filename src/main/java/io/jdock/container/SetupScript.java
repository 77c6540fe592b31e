package io.jdock.container;

import java.util.List;

/**
 * The {@code /bin/sh} script (the host's shell: the image needs none) that runs first in a new
 * container's mount, UTS and IPC namespaces: a minimal {@code /dev} (null, zero, full, random,
 * urandom, tty, a devpts of its own, shm, mqueue and the usual links), the host's {@code /sys}
 * read-only, the run files and {@code -v} binds, the host name; then it becomes the container's
 * command. Its own errors go to a file, so that they are told apart from the command's output.
 */
final class SetupScript {
  private static final List<String[]> DEVICES =
      List.of(
          new String[] {"null", "1", "3"},
          new String[] {"zero", "1", "5"},
          new String[] {"full", "1", "7"},
          new String[] {"random", "1", "8"},
          new String[] {"urandom", "1", "9"},
          new String[] {"tty", "5", "0"});

  private SetupScript() {}

  static String render(SetupPlan p) {
    StringBuilder s = new StringBuilder();
    s.append("exec 3>&2 2>>").append(Shell.quote(p.errors().toString())).append('\n');
    s.append("set -e\n");
    s.append("trap 'exit 125' EXIT\n");
    s.append("D=").append(Shell.quote(p.dev().toString())).append('\n');
    s.append("mount -t tmpfs -o nosuid,mode=755,size=65536k tmpfs \"$D\"\n");
    s.append("dev() {\n");
    if (p.privileged()) {
      s.append("  mknod -m 666 \"$D/$1\" c \"$2\" \"$3\" 2>/dev/null && return\n");
    }
    s.append("  : > \"$D/$1\" && mount --bind \"/dev/$1\" \"$D/$1\"\n}\n");
    for (String[] d : DEVICES) {
      s.append("dev ").append(String.join(" ", d)).append('\n');
    }
    s.append("mkdir -m 755 \"$D/pts\" \"$D/shm\" \"$D/mqueue\"\n");
    s.append("mount -t devpts -o newinstance,ptmxmode=0666,mode=0620")
        .append(p.privileged() ? ",gid=5" : "")
        .append(" devpts \"$D/pts\"\n");
    s.append("ln -s pts/ptmx \"$D/ptmx\"\n");
    s.append("mount -t tmpfs -o nosuid,nodev,noexec,mode=1777,size=65536k shm \"$D/shm\"\n");
    s.append("mount -t mqueue -o nosuid,nodev,noexec mqueue \"$D/mqueue\" 2>/dev/null")
        .append(" || rmdir \"$D/mqueue\"\n");
    s.append("ln -s /proc/self/fd \"$D/fd\"\n");
    s.append("ln -s /proc/self/fd/0 \"$D/stdin\"\n");
    s.append("ln -s /proc/self/fd/1 \"$D/stdout\"\n");
    s.append("ln -s /proc/self/fd/2 \"$D/stderr\"\n");
    s.append("ln -s /proc/kcore \"$D/core\"\n");
    String sys = Shell.quote(p.sys().toString());
    // In a user namespace a mount with locked submounts can only be bound with them (--rbind).
    s.append(p.privileged() ? "mount --bind /sys " : "mount --rbind /sys ")
        .append(sys)
        .append('\n');
    s.append("mount -o ")
        .append(options("remount,bind,ro,nosuid,nodev,noexec", p.sysFlags()))
        .append(' ')
        .append(sys)
        .append('\n');
    for (Bind b : p.files()) {
      bind(s, b, false, "");
    }
    for (int i = 0; i < p.binds().size(); i++) {
      bind(s, p.binds().get(i), true, p.bindFlags().get(i));
    }
    // The container's own UTS namespace. In a user namespace only sethostname(2) (hostname(1))
    // may set it; the /proc file is the fallback where hostname(1) is not installed.
    String name = Shell.quote(p.hostname());
    s.append("hostname ")
        .append(name)
        .append(" 2>/dev/null || printf '%s' ")
        .append(name)
        .append(" > /proc/sys/kernel/hostname\n");
    // script(1) (for -t, and for exec -t later) opens /dev/ptmx: make that the container's devpts,
    // so that the terminal the command gets exists inside the container (tty prints /dev/pts/0).
    s.append("mount --bind \"$D/pts\" /dev/pts\n");
    s.append("mount --bind \"$D/pts/ptmx\" /dev/ptmx\n");
    s.append("trap - EXIT\n");
    s.append("exec 2>&3 3>&-\n");
    if (p.tty()) {
      s.append("exec script -q -e -c ")
          .append(Shell.quote("exec " + Shell.join(p.command())))
          .append(" /dev/null\n");
    } else {
      s.append("exec ").append(Shell.join(p.command())).append('\n');
    }
    return s.toString();
  }

  private static String options(String base, String flags) {
    return flags.isEmpty() ? base : base + "," + flags;
  }

  private static void bind(StringBuilder s, Bind b, boolean recursive, String flags) {
    String target = Shell.quote(b.target());
    s.append("mount ")
        .append(recursive ? "--rbind " : "--bind ")
        .append(Shell.quote(b.source().toString()))
        .append(' ')
        .append(target)
        .append('\n');
    if (b.readOnly()) {
      s.append("mount -o ")
          .append(options("remount,bind,ro", flags))
          .append(' ')
          .append(target)
          .append('\n');
    }
  }
}
