package io.jdock.container;

import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.sys.Posix;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jdock exec}: a process in a running container, which joins its namespaces with {@code
 * nsenter} and then enters its rootfs as the container's own process did. The container's files are
 * read through {@code /proc/PID/root} (its rootfs is not mounted on the host).
 */
public final class ContainerExec {
  private final Containers containers;

  public ContainerExec(Containers containers) {
    this.containers = containers;
  }

  /** Runs REQ in what ARG names; returns its exit code (0 at once with {@code detach}). */
  public int exec(String arg, ExecRequest req)
      throws IOException, ContainerException, InterruptedException {
    ContainerRecord r = containers.find(arg);
    if (!(r.state() instanceof ContainerState.Running run)) {
      throw new ContainerException("container " + r.id() + " is not running", 1);
    }
    if (req.command().isEmpty()) {
      throw new ContainerException("No exec command specified", 1);
    }
    Path root = Path.of("/proc", String.valueOf(run.pid()), "root");
    boolean privileged = Posix.geteuid() == 0;
    ExecUser user = ExecUser.inRoot(req.user().orElse(r.config().user()), root);
    List<String> env =
        ContainerConfigs.processEnv(
            ContainerConfigs.replaceOrAppend(
                r.config().env(), ContainerConfigs.resolveEnv(req.env(), System::getenv)),
            StartPlan.hostname(r),
            req.tty(),
            user.home());
    String workdir =
        req.workdir().orElse(r.config().workingDir().isEmpty() ? "/" : r.config().workingDir());
    ExecutableLookup.check(root, req.command().get(0), env, workdir);
    Path rootfs = containers.store().paths().containerRootfs(r.id());
    List<String> enter =
        EnterCommand.build(rootfs, workdir, user, env, req.command(), false, privileged);
    List<String> argv = new ArrayList<>();
    if (req.detach()) {
      argv.add(HostTools.find("setsid"));
    }
    argv.add(HostTools.find("nsenter"));
    argv.add("--target=" + run.pid());
    argv.addAll(List.of("--mount", "--uts", "--ipc", "--pid"));
    if (!privileged) {
      argv.addAll(List.of("--user", "--preserve-credentials"));
    }
    argv.add("--");
    if (req.tty()) {
      argv.addAll(
          List.of(
              HostTools.find("script"),
              "-q",
              "-e",
              "-c",
              "exec " + Shell.join(enter),
              "/dev/null"));
    } else {
      argv.addAll(enter);
    }
    return start(argv, req);
  }

  private static int start(List<String> argv, ExecRequest req)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().put("PATH", HostTools.PATH);
    pb.environment().put("SHELL", "/bin/sh");
    if (req.detach()) {
      File devNull = new File("/dev/null");
      pb.redirectInput(devNull).redirectOutput(devNull).redirectError(devNull);
      pb.start();
      return 0;
    }
    ContainerIo io =
        req.tty()
            ? new ContainerIo.Terminal()
            : new ContainerIo.Streams(
                req.interactive()
                    ? Optional.of(new FileInputStream(FileDescriptor.in))
                    : Optional.empty(),
                false,
                Optional.of(new FileOutputStream(FileDescriptor.out)),
                Optional.of(new FileOutputStream(FileDescriptor.err)),
                Optional.empty());
    io.configure(pb);
    Process p = pb.start();
    io.attach(p);
    int code = p.waitFor();
    io.finish();
    return code;
  }
}
