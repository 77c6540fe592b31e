package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaxRecordsTest {
  static Map<String, byte[]> parse(String records) throws InvalidContentException {
    byte[] b = records.getBytes(StandardCharsets.ISO_8859_1);
    return PaxRecords.xattrs(PaxRecords.parse(b, b.length, "e"), "e");
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
  void keepsEveryRecordRaw() throws Exception {
    byte[] b = "19 path=some/where\n8 a=b=c\n".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, byte[]> r = PaxRecords.parse(b, b.length, "e");
    assertThat(r).containsOnlyKeys("path", "a");
    assertThat(new String(r.get("a"), StandardCharsets.UTF_8)).isEqualTo("b=c");
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
        "11 novalue\n",
        "1234567890 a=b\n",
        "nospace\n",
        "17 SCHILY.xattr.=1\n", // empty name
      })
  void refusesMalformedRecords(String records) {
    assertThatThrownBy(() -> parse(records)).isInstanceOf(InvalidContentException.class);
  }
}
