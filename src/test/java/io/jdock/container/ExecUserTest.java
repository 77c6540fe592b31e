package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecUserTest {
  private static final String PASSWD =
      """
      root:x:0:0:root:/root:/bin/bash
      # a comment
      daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
      www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
      app:x:1000:1000::/home/app:/bin/sh
      """;
  private static final String GROUP =
      """
      root:x:0:
      daemon:x:1:
      www-data:x:33:
      audio:x:29:app
      video:x:44:app,www-data
      app:x:1000:
      """;

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("", 0, 0, List.of(), "/root"),
        Arguments.of("root", 0, 0, List.of(), "/root"),
        Arguments.of("app", 1000, 1000, List.of(29, 44), "/home/app"),
        Arguments.of("1000", 1000, 1000, List.of(29, 44), "/home/app"),
        Arguments.of("www-data", 33, 33, List.of(44), "/var/www"),
        Arguments.of("4242", 4242, 0, List.of(), "/"),
        Arguments.of("4242:77", 4242, 77, List.of(), "/"),
        Arguments.of("app:video", 1000, 44, List.of(), "/home/app"),
        Arguments.of("app:5", 1000, 5, List.of(), "/home/app"),
        Arguments.of(":daemon", 0, 1, List.of(), "/root"));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void resolvesLikeRunc(String spec, int uid, int gid, List<Integer> sgids, String home)
      throws Exception {
    assertThat(ExecUser.resolve(spec, Optional.of(PASSWD), Optional.of(GROUP)))
        .isEqualTo(new ExecUser(uid, gid, sgids, home));
  }

  @Test
  void unknownNamesAreDockersErrors() {
    assertThatThrownBy(() -> ExecUser.resolve("nobody", Optional.of(PASSWD), Optional.of(GROUP)))
        .isInstanceOf(ContainerException.class)
        .hasMessage("unable to find user nobody: no matching entries in passwd file");
    assertThatThrownBy(() -> ExecUser.resolve("app:wheel", Optional.of(PASSWD), Optional.of(GROUP)))
        .hasMessage("unable to find group wheel: no matching entries in group file");
  }

  @Test
  void withoutPasswdOnlyNumbersWork() throws Exception {
    assertThat(ExecUser.resolve("", Optional.empty(), Optional.empty())).isEqualTo(ExecUser.ROOT);
    assertThat(ExecUser.resolve("12:34", Optional.empty(), Optional.empty()))
        .isEqualTo(new ExecUser(12, 34, List.of(), "/"));
    assertThatThrownBy(() -> ExecUser.resolve("app", Optional.empty(), Optional.empty()))
        .hasMessageContaining("unable to find user app");
  }
}
