package io.jdock.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mounted image: the FUSE server process serving it and where; kept as {@code
 * mounts/<name>/record.json}. Its manifest is a GC root while the record exists.
 *
 * @param name the record's key ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*})
 * @param imageRef the image as the user named it
 * @param upperDir the writable upper dir (by default {@code mounts/<name>/upper})
 * @param readOnly mounted without an upper dir
 * @param pid the process serving the mount (0 once unmounted)
 * @param serverStart when that process started (tells it from a later process with its pid)
 * @param logPath where that process logs
 */
public record MountRecord(
    String name,
    Digest imageId,
    Digest manifestDigest,
    String imageRef,
    Path mountpoint,
    Path upperDir,
    boolean readOnly,
    long pid,
    Instant serverStart,
    Path logPath,
    Instant started) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  public MountRecord {
    if (!isValidName(name)) {
      throw new IllegalArgumentException("invalid mount name: " + name);
    }
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(mountpoint, "mountpoint");
    Objects.requireNonNull(upperDir, "upperDir");
    Objects.requireNonNull(logPath, "logPath");
    Objects.requireNonNull(started, "started");
    imageRef = imageRef == null ? "" : imageRef;
  }

  /** True if {@code s} can name a mount record. */
  public static boolean isValidName(String s) {
    return s != null && NAME.matcher(s).matches();
  }

  /** True if the serving process is alive. */
  @JsonIgnore
  public boolean isAlive() {
    return Processes.isAlive(pid, java.util.Optional.ofNullable(serverStart));
  }

  /** The record with no serving process (newPid 0) or a process of unknown start time. */
  public MountRecord withPid(long newPid) {
    return withServer(newPid, null);
  }

  /** The record served by process PID, which started at START. */
  public MountRecord withServer(long newPid, Instant start) {
    return new MountRecord(
        name,
        imageId,
        manifestDigest,
        imageRef,
        mountpoint,
        upperDir,
        readOnly,
        newPid,
        start,
        logPath,
        started);
  }

  /**
   * True while a server process serves this mount (a record outlives its mount: its upper dir is
   * kept).
   */
  @JsonIgnore
  public boolean isActive() {
    return pid > 0 && isAlive();
  }
}
