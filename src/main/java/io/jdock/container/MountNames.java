package io.jdock.container;

import io.jdock.oci.Digest;
import io.jdock.store.MountRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Default mount names: made from the mountpoint ({@code /mnt/ubuntu} is {@code mnt-ubuntu}), so
 * mounting again at the same place finds the same upper dir.
 */
final class MountNames {
  private MountNames() {}

  static String forMountpoint(Path mountpoint) {
    String s = mountpoint.toAbsolutePath().normalize().toString().replaceAll("^/+", "");
    String name = s.replace('/', '-').replaceAll("[^a-zA-Z0-9_.-]", "_");
    if (name.isEmpty() || !MountRecord.isValidName(name) || name.length() > 100) {
      String hash =
          Digest.sha256(mountpoint.toString().getBytes(StandardCharsets.UTF_8)).shortHex();
      name = "mount-" + hash;
    }
    return name;
  }
}
