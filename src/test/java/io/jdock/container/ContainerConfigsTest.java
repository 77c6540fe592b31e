package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.ContainerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerConfigsTest {
  private static final Map<String, String> HOST = Map.of("FROM_HOST", "h1");

  private static CreateRequest req(List<String> command, Optional<String> entrypoint) {
    return new CreateRequest(
        "img",
        Optional.empty(),
        command,
        entrypoint,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false,
        false,
        false);
  }

  private static List<String> words(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  /** image entrypoint | image cmd | run command | --entrypoint (null: absent) | resulting argv. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("", "/bin/bash", "", null, "/bin/bash"),
        Arguments.of("", "/bin/bash", "ls -l", null, "ls -l"),
        Arguments.of("/entry", "default", "", null, "/entry default"),
        Arguments.of("/entry", "default", "x y", null, "/entry x y"),
        Arguments.of("/entry", "default", "", "/other", "/other"),
        Arguments.of("/entry", "default", "a", "/other", "/other a"),
        Arguments.of("/entry", "default", "", "", "default"),
        Arguments.of("", "/bin/bash", "", "/bin/sh", "/bin/sh"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void entrypointAndCmdCombineAsDockersDo(
      String entrypoint, String cmd, String run, String override, String expected) {
    ContainerConfig image =
        ContainerConfig.EMPTY
            .withEntrypoint(entrypoint.isEmpty() ? null : words(entrypoint))
            .withCmd(words(cmd));
    ContainerConfigs.Resolved r =
        ContainerConfigs.merge(image, req(words(run), Optional.ofNullable(override)), HOST::get);
    assertThat(r.command()).isEqualTo(words(expected));
  }

  @Test
  void nothingToRunIsDockersError() {
    assertThatThrownBy(
            () ->
                ContainerConfigs.merge(
                    ContainerConfig.EMPTY, req(List.of(), Optional.empty()), HOST::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no command specified");
  }

  @Test
  void relativeWorkdirIsRefused() {
    CreateRequest r =
        new CreateRequest(
            "img",
            Optional.empty(),
            List.of("sh"),
            Optional.empty(),
            List.of(),
            Optional.of("rel/dir"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false,
            false,
            false);
    assertThatThrownBy(() -> ContainerConfigs.merge(ContainerConfig.EMPTY, r, HOST::get))
        .hasMessage("the working directory 'rel/dir' is invalid, it needs to be an absolute path");
  }

  static Stream<Arguments> envs() {
    return Stream.of(
        Arguments.of(List.of("A=1", "B=2"), List.of("B=3"), List.of("A=1", "B=3")),
        Arguments.of(List.of("A=1"), List.of("C=x=y"), List.of("A=1", "C=x=y")),
        Arguments.of(List.of("A=1", "B=2"), List.of("A"), List.of("B=2")),
        Arguments.of(List.of("A=1"), List.of("FROM_HOST"), List.of("A=1", "FROM_HOST=h1")),
        Arguments.of(List.of("A=1"), List.of("NOT_SET"), List.of("A=1")),
        Arguments.of(List.of(), List.of("E="), List.of("E=")));
  }

  @ParameterizedTest
  @MethodSource("envs")
  void userEnvReplacesOrRemovesTheImagesVariables(
      List<String> image, List<String> user, List<String> expected) {
    CreateRequest r =
        new CreateRequest(
            "img",
            Optional.empty(),
            List.of("sh"),
            Optional.empty(),
            user,
            Optional.of("/w"),
            Optional.of("nobody"),
            Optional.empty(),
            List.of(),
            false,
            false,
            false);
    ContainerConfigs.Resolved res =
        ContainerConfigs.merge(ContainerConfig.EMPTY.withEnv(image), r, HOST::get);
    assertThat(res.config().env()).isEqualTo(expected);
    assertThat(res.config().workingDir()).isEqualTo("/w");
    assertThat(res.config().user()).isEqualTo("nobody");
  }

  @Test
  void theProcessGetsDefaultPathHostnameTermAndHome() {
    assertThat(ContainerConfigs.processEnv(List.of("A=1"), "abc", true, "/root"))
        .containsExactly(
            "PATH=" + ContainerConfigs.DEFAULT_PATH,
            "HOSTNAME=abc",
            "TERM=xterm",
            "A=1",
            "HOME=/root");
    assertThat(
            ContainerConfigs.processEnv(
                List.of("PATH=/opt", "HOME=/h", "HOSTNAME=mine"), "abc", false, "/root"))
        .containsExactly("HOSTNAME=mine", "PATH=/opt", "HOME=/h");
  }
}
