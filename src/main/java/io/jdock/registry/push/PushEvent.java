package io.jdock.registry.push;

import io.jdock.oci.Digest;
import io.jdock.registry.progress.ProgressLine;

/** What a push reports, in docker's words; layer ids are 12 hex of the blob digest. */
public sealed interface PushEvent {
  ProgressLine line();

  /** {@code Using default tag: latest}. */
  record UsingDefaultTag(String tag) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.message("Using default tag: " + tag);
    }
  }

  /** {@code The push refers to repository [localhost:5000/foo]}. */
  record RefersTo(String repository) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.message("The push refers to repository [" + repository + "]");
    }
  }

  /** A layer's status change. */
  record Layer(String id, LayerStatus status) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.status(id, status.text());
    }
  }

  /** {@code <id>: Mounted from <repository>}. */
  record Mounted(String id, String fromRepository) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.status(id, "Mounted from " + fromRepository);
    }
  }

  /** Bytes sent of a layer (terminals only). */
  record Progress(String id, long current, long total) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.progress(id, "Pushing", current, total);
    }
  }

  /** {@code <tag>: digest: sha256:... size: N}, the result line. */
  record Pushed(String tag, Digest digest, long size) implements PushEvent {
    public ProgressLine line() {
      return ProgressLine.result(tag + ": digest: " + digest + " size: " + size);
    }
  }

  /** docker's per-layer push statuses. */
  enum LayerStatus {
    PREPARING("Preparing"),
    WAITING("Waiting"),
    PUSHED("Pushed"),
    ALREADY_EXISTS("Layer already exists");

    private final String text;

    LayerStatus(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
