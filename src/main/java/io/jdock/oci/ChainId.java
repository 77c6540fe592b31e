package io.jdock.oci;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ChainIDs of a layer stack
 * (https://github.com/opencontainers/image-spec/blob/main/config.md#layer-chainid): {@code
 * ChainID(L0) = DiffID(L0)}, {@code ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + DiffID(Ln))}.
 */
public final class ChainId {
  private ChainId() {}

  /** The chain ID of every prefix of {@code diffIds}, base first. */
  public static List<Digest> of(List<Digest> diffIds) {
    List<Digest> chain = new ArrayList<>(diffIds.size());
    Digest previous = null;
    for (Digest diffId : diffIds) {
      previous =
          previous == null
              ? diffId
              : Digest.sha256((previous + " " + diffId).getBytes(StandardCharsets.US_ASCII));
      chain.add(previous);
    }
    return chain;
  }
}
