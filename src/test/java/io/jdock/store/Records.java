package io.jdock.store;

import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Container and mount records for tests. */
final class Records {
  private Records() {}

  static ContainerRecord container(
      ImageStore store, String id, String name, TestImages.Built image, ContainerState state) {
    return new ContainerRecord(
        id,
        name,
        image.id(),
        image.manifest().digest(),
        "img",
        Instant.parse("2024-01-01T00:00:00Z"),
        List.of("/bin/sh", "-c", "echo hi"),
        ContainerConfig.EMPTY.withEnv(List.of("A=1")).withWorkingDir("/w"),
        state,
        store.containers().upperDir(id));
  }

  static MountRecord mount(ImageStore store, String name, TestImages.Built image, long pid) {
    return new MountRecord(
        name,
        image.id(),
        image.manifest().digest(),
        "img",
        Path.of("/mnt/" + name),
        store.mounts().upperDir(name),
        false,
        pid,
        null,
        Path.of("/var/log/" + name + ".log"),
        Instant.parse("2024-01-01T00:00:00Z"));
  }

  static String id(char c) {
    return String.valueOf(c).repeat(64);
  }

  /** A pid that is certainly not alive: a process that has exited and been reaped. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  static Digest digest(char c) {
    return Digest.sha256Hex(String.valueOf(c).repeat(64));
  }
}
