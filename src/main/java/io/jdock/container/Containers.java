package io.jdock.container;

import io.jdock.store.AmbiguousPrefixException;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The container service behind {@code create}, {@code run}, {@code start}, {@code ps}, {@code rm}
 * and their kin: records in the store, each running container served by one jdock process (the
 * foreground {@code jdock run}, or a background monitor for {@code run -d} and {@code start}).
 */
public final class Containers {
  /** The hidden jdock command that serves one detached container: {@code container-monitor ID}. */
  public static final String MONITOR_COMMAND = "container-monitor";

  private final ImageStore store;
  private final Clock clock;
  private final Random random;

  public Containers(ImageStore store, Clock clock, Random random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  public Containers(ImageStore store) {
    this(store, Clock.systemUTC(), new Random());
  }

  ImageStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  /** Creates a container (not started). */
  public ContainerRecord create(CreateRequest req) throws IOException, ContainerException {
    return new ContainerCreator(store, clock, random).create(req);
  }

  /**
   * Runs R in this process, attached to jdock's terminal (with {@code -t} and {@code -i}) or to its
   * standard streams (output also logged), and returns its exit code; a {@code --rm} container is
   * removed afterwards, also when it failed to start.
   */
  public int runAttached(ContainerRecord r, boolean attachStdin)
      throws IOException, ContainerException, InterruptedException {
    try (ContainerLog log = ContainerLog.append(store.paths().containerLog(r.id()), clock)) {
      ContainerIo io;
      if (r.hostConfig().tty() && attachStdin) {
        io = new ContainerIo.Terminal();
      } else {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        Optional<InputStream> in =
            attachStdin ? Optional.of(new FileInputStream(FileDescriptor.in)) : Optional.empty();
        OutputStream err = r.hostConfig().tty() ? out : new FileOutputStream(FileDescriptor.err);
        io =
            new ContainerIo.Streams(
                in, false, Optional.of(out), Optional.of(err), Optional.of(log));
      }
      return runThenClean(r, io);
    }
  }

  private int runThenClean(ContainerRecord r, ContainerIo io)
      throws IOException, ContainerException, InterruptedException {
    try {
      return new ContainerRunner(store, clock).run(r, io, () -> {});
    } finally {
      if (r.hostConfig().autoRemove()) {
        removeQuietly(r.id());
      }
    }
  }

  /**
   * Starts R in the background: a jdock monitor process runs it, its output goes to the log.
   * Returns once the container's process runs.
   */
  public void startDetached(ContainerRecord r) throws IOException, ContainerException {
    try {
      ServerLauncher.start(
          List.of("--root", store.paths().root().toString(), MONITOR_COMMAND, r.id()),
          store.paths().containerMonitorLog(r.id()));
    } catch (IOException e) {
      String message = e.getMessage() == null ? "starting the container failed" : e.getMessage();
      throw new ContainerException(message, exitCodeOf(message));
    }
  }

  /** docker's client: the exit code a failed start gets from its message. */
  static int exitCodeOf(String message) {
    if (message.contains("executable file not found")
        || message.contains("no such file or directory")) {
      return ContainerException.NOT_FOUND;
    }
    if (message.contains("permission denied") || message.contains("is a directory")) {
      return ContainerException.NOT_EXECUTABLE;
    }
    return ContainerException.FAILED;
  }

  /**
   * The body of the monitor process: runs container ID with its output to the log and READY run
   * once it started; removes it afterwards if it was created with {@code --rm}.
   */
  public void monitor(String id, Runnable ready)
      throws IOException, ContainerException, InterruptedException {
    ContainerRecord r = find(id);
    try (ContainerLog log = ContainerLog.append(store.paths().containerLog(r.id()), clock)) {
      ContainerIo io =
          new ContainerIo.Streams(
              Optional.empty(),
              r.hostConfig().openStdin(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(log));
      try {
        new ContainerRunner(store, clock).run(r, io, ready);
      } finally {
        if (r.hostConfig().autoRemove()) {
          removeQuietly(r.id());
        }
      }
    }
  }

  /** {@code rm}: removes what ARG names; with FORCE a running container is killed first. */
  public void remove(String arg, boolean force) throws IOException, ContainerException {
    new ContainerRemover(this).remove(arg, force);
  }

  /** Removes a container that is not running (its record, upper dir and files). */
  void removeQuietly(String id) {
    try {
      new ContainerRemover(this).removeStopped(id);
    } catch (IOException | ContainerException e) {
      // --rm is best effort, as docker's
    }
  }

  /**
   * The IMAGE column: the image as the container was created from it while that still names the
   * container's image, else the image ID (short when {@code trunc}).
   */
  public String imageName(ContainerRecord r, boolean trunc) {
    try {
      Optional<io.jdock.store.Image> now = store.find(r.imageRef());
      if (now.isPresent() && now.get().id().equals(r.imageId())) {
        return r.imageRef();
      }
    } catch (IOException | io.jdock.reference.InvalidReferenceException e) {
      // shown by ID
    }
    return trunc ? r.imageId().shortHex() : r.imageId().toString();
  }

  /** docker's lookup: full ID, name, unique ID prefix; stale "running" records are settled. */
  public ContainerRecord find(String idOrName) throws IOException, ContainerException {
    Optional<ContainerRecord> r;
    try {
      r = store.containers().find(idOrName);
    } catch (AmbiguousPrefixException e) {
      throw new ContainerException(e.getMessage(), 1);
    }
    if (r.isEmpty()) {
      throw ContainerException.noSuchContainer(idOrName);
    }
    return new Reconciler(store, clock).settle(r.get());
  }

  /** Every container, newest first, stale "running" records settled. */
  public List<ContainerRecord> list() throws IOException {
    Reconciler rec = new Reconciler(store, clock);
    List<ContainerRecord> out = new java.util.ArrayList<>();
    for (ContainerRecord r : store.containers().list()) {
      out.add(rec.settle(r));
    }
    out.sort(
        java.util.Comparator.comparing(ContainerRecord::created)
            .reversed()
            .thenComparing(ContainerRecord::id));
    return out;
  }
}
