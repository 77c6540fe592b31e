package io.jdock.registry.pull;

import io.jdock.registry.ResolvedImage;
import java.util.List;

/**
 * What a pull did: the images pulled (one, or one per tag with {@code -a}), whether anything
 * changed (docker's "Downloaded newer image"), and the canonical reference printed last.
 */
public record PullResult(List<ResolvedImage> images, boolean changed, String canonicalReference) {
  public PullResult {
    images = List.copyOf(images);
  }
}
