package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupScriptTest {
  @TempDir Path dir;

  private static SetupPlan plan(boolean privileged, boolean tty) {
    return new SetupPlan(
        Path.of("/store/c/run/setup.err"),
        Path.of("/store/c/rootfs/dev"),
        Path.of("/store/c/rootfs/sys"),
        "relatime",
        "my host",
        List.of(new Bind(Path.of("/store/c/run/hosts"), "/store/c/rootfs/etc/hosts", false)),
        List.of(new Bind(Path.of("/srv/it's"), "/store/c/rootfs/data dir", true)),
        List.of("nosuid,noatime"),
        privileged,
        tty,
        List.of("/usr/bin/env", "-i", "--", "A=it's", "/usr/bin/unshare", "--", "sh", "-c", "x"));
  }

  @ParameterizedTest
  @CsvSource({"true, false", "false, false", "true, true", "false, true"})
  void theScriptIsValidShell(boolean privileged, boolean tty) throws Exception {
    Path script = dir.resolve("s.sh");
    Files.writeString(script, SetupScript.render(plan(privileged, tty)));
    Process p = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getInputStream().readAllBytes())).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void pathsAndValuesAreQuoted() {
    String s = SetupScript.render(plan(true, false));
    assertThat(s)
        .contains("mount --rbind '/srv/it'\\''s' '/store/c/rootfs/data dir'\n")
        .contains("mount -o remount,bind,ro,nosuid,noatime '/store/c/rootfs/data dir'\n")
        .contains("mount -o remount,bind,ro,nosuid,nodev,noexec,relatime /store/c/rootfs/sys\n")
        .contains("mount --bind /store/c/run/hosts /store/c/rootfs/etc/hosts\n")
        .contains(
            "hostname 'my host' 2>/dev/null || printf '%s' 'my host' > /proc/sys/kernel/hostname\n")
        .contains("exec /usr/bin/env -i -- 'A=it'\\''s' /usr/bin/unshare -- sh -c x\n")
        .contains("gid=5")
        .contains("mknod -m 666");
  }

  @Test
  void withoutRootDevicesAreBoundAndDevptsHasNoTtyGroup() {
    String s = SetupScript.render(plan(false, false));
    assertThat(s).doesNotContain("mknod").doesNotContain("gid=5");
    assertThat(s).contains("mount --bind \"/dev/$1\" \"$D/$1\"");
  }

  @Test
  void aTerminalComesFromScriptOnTheContainersDevpts() {
    String s = SetupScript.render(plan(true, true));
    assertThat(s).contains("mount --bind \"$D/pts/ptmx\" /dev/ptmx\n");
    assertThat(s).contains("exec script -q -e -c 'exec /usr/bin/env -i");
    assertThat(s.indexOf("trap - EXIT")).isLessThan(s.indexOf("exec script"));
  }

  @Test
  void aFailingStepStopsTheSetupWithStatus125AndItsMessageInTheErrorFile() throws Exception {
    Path err = dir.resolve("setup.err");
    SetupPlan p =
        new SetupPlan(
            err,
            dir.resolve("no-such-dev"),
            dir.resolve("sys"),
            "",
            "h",
            List.of(),
            List.of(),
            List.of(),
            true,
            false,
            List.of("true"));
    Path script = dir.resolve("s.sh");
    Files.writeString(script, SetupScript.render(p));
    // its own mount namespace: nothing the script mounts can reach the test's
    Process proc =
        new ProcessBuilder(
                "unshare", "--mount", "--propagation", "private", "sh", script.toString())
            .start();
    assertThat(proc.waitFor()).isEqualTo(125);
    assertThat(Files.readString(err)).contains("no-such-dev");
  }
}
