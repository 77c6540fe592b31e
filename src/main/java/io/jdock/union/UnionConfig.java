package io.jdock.union;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a union is made of: lower layers (base first), an optional writable upper dir (none means
 * read-only), an optional work dir beside it for the union's own files (kept out of the upper dir,
 * so that it stays a clean layer), and whether the serving process may set owners and create
 * devices (root).
 */
public record UnionConfig(
    List<LowerLayer> lowers, Optional<Path> upper, Optional<Path> work, boolean privileged) {
  public UnionConfig {
    lowers = List.copyOf(lowers);
  }

  /** A union without a work dir. */
  public UnionConfig(List<LowerLayer> lowers, Optional<Path> upper, boolean privileged) {
    this(lowers, upper, Optional.empty(), privileged);
  }

  /** True when the union has no upper dir. */
  public boolean readOnly() {
    return upper.isEmpty();
  }
}
