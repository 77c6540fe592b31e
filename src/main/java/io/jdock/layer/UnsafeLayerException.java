package io.jdock.layer;

import io.jdock.oci.InvalidContentException;

/**
 * A layer entry that would write outside the layer or through a symlink: absolute names, {@code ..}
 * components, parents that are symlinks, hard links that escape (OCI image-spec layer.md, and the
 * extraction CVEs listed in docker-cli-oci.md section 4).
 */
public class UnsafeLayerException extends InvalidContentException {
  public UnsafeLayerException(String entryName, String reason) {
    super("unsafe layer entry \"" + entryName + "\": " + reason);
  }
}
