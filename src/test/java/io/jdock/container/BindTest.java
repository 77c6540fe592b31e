package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BindTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/srv:/data|/srv|/data|false",
        "/srv/:/data/|/srv|/data|false",
        "/srv:/data:ro|/srv|/data|true",
        "/srv:/data:rw|/srv|/data|false",
        "/a/../b:/x/./y:ro|/b|/x/y|true"
      })
  void parsesBindMounts(String spec, String source, String target, boolean ro) throws Exception {
    assertThat(Bind.parse(spec)).isEqualTo(new Bind(Path.of(source), target, ro));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/data|anonymous volumes are not supported",
        "myvolume:/data|named volumes are not supported",
        "/srv:data|mount path must be absolute",
        "/srv:/data:z|invalid mode: z",
        ":/data|invalid volume specification",
        "/a:/b:ro:x|invalid volume specification"
      })
  void refusesWhatJdockCannotMount(String spec, String message) {
    assertThatThrownBy(() -> Bind.parse(spec))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining(message);
  }
}
