package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaxXattrsTest {
  static Map<String, byte[]> parse(String records) throws InvalidContentException {
    byte[] b = records.getBytes(StandardCharsets.ISO_8859_1);
    return PaxXattrs.parse(b, b.length, "e");
  }

  @Test
  void keepsOnlyXattrRecordsWithRawValues() throws Exception {
    Map<String, byte[]> x =
        parse(
            "30 mtime=1700000000.123456789\n"
                + "26 SCHILY.xattr.user.a=\u00ff\n\n"
                + "19 path=some/where\n");
    assertThat(x).containsOnlyKeys("user.a");
    assertThat(x.get("user.a")).containsExactly((byte) 0xff, '\n');
  }

  @Test
  void laterRecordsWinAndEmptyValuesCount() throws Exception {
    Map<String, byte[]> x = parse("25 SCHILY.xattr.user.a=1\n" + "24 SCHILY.xattr.user.a=\n");
    assertThat(x.get("user.a")).isEmpty();
  }

  @Test
  void stopsAtNulPadding() throws Exception {
    assertThat(parse("25 SCHILY.xattr.user.a=1\n\0\0\0")).containsOnlyKeys("user.a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "99 SCHILY.xattr.user.a=1\n", // longer than the data
        "25 SCHILY.xattr.user.a=1x", // no newline at the end
        "x3 SCHILY.xattr.user.a=1\n", // not a number
        "3 a\n",
        "1234567890 a=b\n",
        "nospace\n",
        "17 SCHILY.xattr.=1\n", // empty name
      })
  void refusesMalformedRecords(String records) {
    assertThatThrownBy(() -> parse(records)).isInstanceOf(InvalidContentException.class);
  }
}
