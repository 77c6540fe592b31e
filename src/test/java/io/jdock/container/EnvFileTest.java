package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {
  private static final Map<String, String> HOST = Map.of("USER", "alice");

  @Test
  void readsDockersFormat() throws Exception {
    String content = "# comment\n\nA=1\n  B=two words \r\nUSER\nUNSET\nC=x=y\nEMPTY=\n";
    assertThat(EnvFile.parse("f", content, HOST::get))
        .containsExactly("A=1", "B=two words ", "USER=alice", "C=x=y", "EMPTY=");
  }

  @Test
  void refusesAKeyWithWhiteSpace() {
    assertThatThrownBy(() -> EnvFile.parse("f", "MY VAR=1\n", HOST::get))
        .hasMessage("variable 'MY VAR' contains whitespaces");
    assertThatThrownBy(() -> EnvFile.parse("f", "=1\n", HOST::get))
        .hasMessageContaining("no variable name");
  }
}
