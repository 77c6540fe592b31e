package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChallengeTest {
  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/ubuntu:pull\"",
            List.of(
                new Challenge(
                    "bearer",
                    Map.of(
                        "realm", "https://auth.docker.io/token",
                        "service", "registry.docker.io",
                        "scope", "repository:library/ubuntu:pull")))),
        Arguments.of(
            "Basic realm=\"Registry Realm\"",
            List.of(new Challenge("basic", Map.of("realm", "Registry Realm")))),
        Arguments.of(
            "Bearer realm=\"https://a/token\", scope=\"repository:a:pull,push\", Basic realm=\"b\"",
            List.of(
                new Challenge(
                    "bearer",
                    Map.of("realm", "https://a/token", "scope", "repository:a:pull,push")),
                new Challenge("basic", Map.of("realm", "b")))),
        Arguments.of(
            "BEARER Realm=x,error=\"insufficient_scope\"",
            List.of(new Challenge("bearer", Map.of("realm", "x", "error", "insufficient_scope")))),
        Arguments.of(
            "Bearer realm=\"with \\\"quotes\\\", and commas\"",
            List.of(new Challenge("bearer", Map.of("realm", "with \"quotes\", and commas")))),
        Arguments.of("Negotiate", List.of(new Challenge("negotiate", Map.of()))),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest
  @MethodSource("headers")
  void parsesChallenges(String header, List<Challenge> expected) {
    assertThat(Challenge.parseAll(List.of(header))).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("headers")
  void severalHeadersAddUp(String header, List<Challenge> expected) {
    assertThat(Challenge.parseAll(List.of(header, "Basic realm=\"z\"")))
        .hasSize(expected.size() + 1)
        .last()
        .isEqualTo(new Challenge("basic", Map.of("realm", "z")));
  }
}
