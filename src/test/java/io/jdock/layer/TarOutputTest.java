package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TarOutputTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 86, 87, 88, 89, 95, 96, 97, 98, 990, 991, 992, 995, 996})
  void paxRecordLengthsCountThemselves(int valueLength) throws Exception {
    Map<String, byte[]> r = new LinkedHashMap<>();
    r.put("path", "x".repeat(valueLength).getBytes(StandardCharsets.UTF_8));
    String record = new String(TarOutput.paxRecords(r), StandardCharsets.UTF_8);
    int declared = Integer.parseInt(record.substring(0, record.indexOf(' ')));
    assertThat(declared).isEqualTo(record.length());
  }

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
    "0, 0",
    "1700000000, 1",
    "1700000000, 999999999",
    "-1, 500000000",
    "-2, 750000000",
    "-86400, 0",
    "8589934592, 0",
    "8589934591, 10",
  })
  void mtimesSurviveAReader(long sec, int nsec) throws Exception {
    LayerEntry e =
        new LayerEntry("f", EntryType.FIFO, 0600, 0, 0, 0, sec, nsec, null, 0, Map.of(), true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarOutput tar = new TarOutput(out);
    tar.header(e);
    tar.finish();
    LayerEntry read = LayerReaderTest.entries(out.toByteArray()).get(0);
    assertThat(read.mtimeSec()).isEqualTo(sec);
    assertThat(read.mtimeNsec()).isEqualTo(nsec);
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 100, 101, 155, 256, 1000})
  void longAndNonAsciiNamesSurviveAReader(int length) throws Exception {
    String name = "é" + "n".repeat(length - 1);
    LayerEntry e =
        new LayerEntry(name, EntryType.SYMLINK, 0777, 0, 0, 0, 0, 0, name, 0, Map.of(), true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarOutput tar = new TarOutput(out);
    tar.header(e);
    tar.content(new ByteArrayInputStream(new byte[0]), 0, name);
    tar.finish();
    LayerEntry read = LayerReaderTest.entries(out.toByteArray()).get(0);
    assertThat(read.path()).isEqualTo(name);
    assertThat(read.linkTarget()).isEqualTo(name);
  }
}
