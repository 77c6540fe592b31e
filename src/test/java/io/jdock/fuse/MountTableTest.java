package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountTableTest {
  private static final List<String> MOUNTINFO =
      List.of(
          "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda rw",
          "36 22 0:32 / /tmp/with\\040space rw,nosuid - tmpfs tmpfs rw",
          "37 22 0:33 / /mnt/u rw,nosuid,nodev - fuse.jdock jdock rw,user_id=0,group_id=0",
          "38 22 0:34 / /tmp/tab\\011and\\134slash rw - tmpfs tmpfs rw",
          "garbage");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/|true",
        "/mnt/u|true",
        "/mnt|false",
        "/mnt/u/sub|false",
        "/tmp/with space|true",
        "/tmp/with\\040space|false",
        "/tmp/tab\tand\\slash|true"
      })
  void findsMountPointsWithEscapedNames(String dir, boolean mounted) {
    assertThat(MountTable.isMountPoint(MOUNTINFO, Path.of(dir))).isEqualTo(mounted);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|plain",
        "a\\040b|a b",
        "back\\134slash|back\\slash",
        "bad\\09x|bad\\09x",
        "end\\04|end\\04"
      })
  void unescapesOctalSequencesOnly(String field, String expected) {
    assertThat(MountTable.unescape(field)).isEqualTo(expected);
  }

  @Test
  void unescapesNewlines() {
    assertThat(MountTable.unescape("a\\012b")).isEqualTo("a\nb");
  }

  @Test
  void readsThisProcesssTable() throws Exception {
    assertThat(MountTable.isMountPoint(Path.of("/"))).isTrue();
    assertThat(MountTable.isMountPoint(Path.of("/no/such/dir/jdock"))).isFalse();
  }
}
