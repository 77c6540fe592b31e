package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnterCommandTest {
  private static final Path ROOTFS = Path.of("/store/containers/c/rootfs");

  @Test
  void runGetsANewPidNamespaceThenChrootWorkdirGroupsAndUser() throws Exception {
    List<String> argv =
        EnterCommand.build(
            ROOTFS,
            "/work",
            new ExecUser(33, 33, List.of(44, 29), "/var/www"),
            List.of("PATH=/bin", "A=1"),
            List.of("sh", "-c", "echo hi"),
            true,
            true);
    assertThat(argv.get(0)).endsWith("/env");
    assertThat(argv.subList(1, 5)).containsExactly("-i", "--", "PATH=/bin", "A=1");
    assertThat(argv.get(5)).endsWith("/setpriv");
    assertThat(argv.subList(6, 9)).containsExactly("--regid=33", "--groups=44,29", "--");
    assertThat(argv.get(9)).endsWith("/unshare");
    assertThat(argv.subList(10, argv.size()))
        .containsExactly(
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc=/proc",
            "--root=" + ROOTFS,
            "--wd=/work",
            "--setuid=33",
            "--",
            "sh",
            "-c",
            "echo hi");
  }

  @Test
  void execJoinsAPidNamespaceAndClearsGroupsOfRoot() throws Exception {
    List<String> argv =
        EnterCommand.build(ROOTFS, "/", ExecUser.ROOT, List.of(), List.of("ls"), false, true);
    assertThat(argv).contains("--clear-groups").doesNotContain("--pid", "--fork");
    assertThat(argv.subList(argv.size() - 5, argv.size()))
        .containsExactly("--root=" + ROOTFS, "--wd=/", "--setuid=0", "--", "ls");
  }

  @Test
  void withoutRootOnlyRootInTheContainerIsPossible() throws Exception {
    List<String> argv =
        EnterCommand.build(ROOTFS, "/", ExecUser.ROOT, List.of(), List.of("ls"), true, false);
    assertThat(argv).noneMatch(a -> a.endsWith("/setpriv") || a.startsWith("--setuid"));
    assertThatThrownBy(
            () ->
                EnterCommand.build(
                    ROOTFS,
                    "/",
                    new ExecUser(1000, 1000, List.of(), "/h"),
                    List.of(),
                    List.of("ls"),
                    true,
                    false))
        .hasMessageContaining("without root, jdock maps only root into a container");
  }
}
