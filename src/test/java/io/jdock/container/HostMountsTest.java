package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostMountsTest {
  private static final List<String> MOUNTINFO =
      List.of(
          "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
          "23 27 0:22 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw",
          "40 27 0:30 / /srv/my\\040data ro,noatime - tmpfs tmpfs rw",
          "41 27 0:31 / /srv rw,nodev,strictatime - tmpfs tmpfs rw",
          "42 41 0:32 / /srv rw,nosuid - tmpfs tmpfs rw");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/sys|nosuid,nodev,noexec,relatime",
        "/sys/kernel|nosuid,nodev,noexec,relatime",
        "/home/user|relatime",
        "/srv/my data/x|noatime",
        "/srv/other|nosuid",
        "/sysfoo|relatime"
      })
  void theFlagsOfTheInnermostLastMountHoldingThePath(String path, String flags) {
    assertThat(HostMounts.lockedFlags(MOUNTINFO, Path.of(path))).isEqualTo(flags);
  }
}
