package io.jdock.union;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a union is made of: lower layers (base first), an optional writable upper dir (none means
 * read-only), and whether the serving process may set owners and create devices (root).
 */
public record UnionConfig(List<LowerLayer> lowers, Optional<Path> upper, boolean privileged) {
  public UnionConfig {
    lowers = List.copyOf(lowers);
  }

  /** True when the union has no upper dir. */
  public boolean readOnly() {
    return upper.isEmpty();
  }
}
