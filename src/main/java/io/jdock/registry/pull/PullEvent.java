package io.jdock.registry.pull;

import io.jdock.oci.Digest;
import io.jdock.registry.progress.ProgressLine;

/**
 * What a pull reports, in docker's words (reference section 1.2). Layer ids are the first 12 hex
 * characters of the compressed blob's digest. {@link #line()} is the message docker's CLI shows.
 */
public sealed interface PullEvent {
  ProgressLine line();

  /** {@code Using default tag: latest}. */
  record UsingDefaultTag(String tag) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.message("Using default tag: " + tag);
    }
  }

  /** {@code <tag or reference>: Pulling from <path>}. */
  record PullingFrom(String tagOrDigest, String repositoryPath) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.status(tagOrDigest, "Pulling from " + repositoryPath);
    }
  }

  /** A layer's status change. */
  record Layer(String id, LayerStatus status) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.status(id, status.text());
    }
  }

  /** Bytes downloaded or extracted of a layer (shown on terminals only). */
  record Progress(String id, Phase phase, long current, long total) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.progress(id, phase.text(), current, total);
    }
  }

  /** {@code Digest: sha256:...}: the digest recorded for the reference. */
  record DigestLine(Digest digest) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.message("Digest: " + digest);
    }
  }

  /** {@code Status: Downloaded newer image for X} or {@code Status: Image is up to date for X}. */
  record Status(boolean downloadedNewer, String familiarReference) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.message(
          (downloadedNewer
                  ? "Status: Downloaded newer image for "
                  : "Status: Image is up to date for ")
              + familiarReference);
    }
  }

  /** A registry's {@code Warning: 299} text, or another notice for the user. */
  record Notice(String text) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.message(text);
    }
  }

  /** The final canonical reference, printed even with {@code -q}. */
  record Pulled(String canonicalReference) implements PullEvent {
    public ProgressLine line() {
      return ProgressLine.result(canonicalReference);
    }
  }

  /** docker's per-layer statuses. */
  enum LayerStatus {
    PULLING_FS_LAYER("Pulling fs layer"),
    WAITING("Waiting"),
    VERIFYING_CHECKSUM("Verifying Checksum"),
    DOWNLOAD_COMPLETE("Download complete"),
    PULL_COMPLETE("Pull complete"),
    ALREADY_EXISTS("Already exists");

    private final String text;

    LayerStatus(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** The two phases with byte progress. */
  enum Phase {
    DOWNLOADING("Downloading"),
    EXTRACTING("Extracting");

    private final String text;

    Phase(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
