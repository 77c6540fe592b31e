package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.sys.OpenFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rename and renameat2 across layers, for files and directories. */
class RenameTest {
  @TempDir Path tmp;
  Path upper;
  LowerLayer base;
  Fs fs;

  @BeforeEach
  void setUp() throws Exception {
    base =
        new LayerBuilder(tmp.resolve("l0"))
            .dir("src")
            .file("src/f", "lower f")
            .dir("src/sub")
            .file("src/sub/g", "lower g")
            .dir("dst")
            .file("dst/old", "old")
            .dir("empty")
            .file("x", "x")
            .file("y", "y")
            .build();
    upper = Files.createDirectory(tmp.resolve("upper"));
    fs = mount();
  }

  private Fs mount() throws Exception {
    return new Fs(Union.open(new UnionConfig(List.of(base), Optional.of(upper), true)));
  }

  private static void assertErrno(ThrowingRunnable r, Errno errno) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void lowerFileMovesAndLeavesAWhiteout() throws Exception {
    long ino = fs.ino("src/f");
    fs.rename("src/f", "dst/f");
    assertThat(fs.exists("src/f")).isFalse();
    assertThat(fs.read("dst/f")).isEqualTo("lower f");
    assertThat(fs.ino("dst/f")).isEqualTo(ino);
    assertThat(Files.exists(upper.resolve("src/.wh.f"))).isTrue();
    assertThat(mount().read("dst/f")).isEqualTo("lower f");
    assertThat(mount().exists("src/f")).isFalse();
  }

  @Test
  void renameOverAnExistingLowerFileReplacesIt() throws Exception {
    fs.rename("x", "y");
    assertThat(fs.read("y")).isEqualTo("x");
    assertThat(fs.ls("")).doesNotContain("x");
    assertThat(mount().read("y")).isEqualTo("x");
  }

  @Test
  void lowerDirectoryMovesWithItsWholeContent() throws Exception {
    fs.rename("src", "moved");
    assertThat(fs.exists("src")).isFalse();
    assertThat(fs.ls("moved")).containsExactly("f", "sub");
    assertThat(fs.read("moved/sub/g")).isEqualTo("lower g");
    Fs again = mount();
    assertThat(again.ls("")).contains("moved").doesNotContain("src");
    assertThat(again.read("moved/sub/g")).isEqualTo("lower g");
  }

  @Test
  void directoryMovedOntoAnEmptyLowerDirectoryHidesItsLowerSide() throws Exception {
    fs.unlink("dst/old");
    fs.rename("src", "dst");
    assertThat(fs.ls("dst")).containsExactly("f", "sub");
    assertThat(mount().ls("dst")).containsExactly("f", "sub");
  }

  @Test
  void directoryMovedWhereALowerDirectoryWasDeletedDoesNotRevealIt() throws Exception {
    fs.unlink("dst/old");
    fs.rmdir("dst");
    fs.mkdir("fresh");
    fs.write("fresh/n", "n");
    fs.rename("fresh", "dst");
    assertThat(fs.ls("dst")).containsExactly("n");
    assertThat(mount().ls("dst")).containsExactly("n");
  }

  @Test
  void renameOntoANonEmptyDirectoryFails() {
    assertErrno(() -> fs.rename("src", "dst"), Errno.ENOTEMPTY);
    assertErrno(() -> fs.rename("x", "dst"), Errno.EISDIR);
    assertErrno(() -> fs.rename("empty", "x"), Errno.ENOTDIR);
    assertErrno(() -> fs.rename("src", "src/sub/inside"), Errno.EINVAL);
  }

  @Test
  void noReplaceRefusesAnExistingTarget() throws Exception {
    assertErrno(() -> fs.rename("x", "y", OpenFlags.RENAME_NOREPLACE), Errno.EEXIST);
    fs.rename("x", "z", OpenFlags.RENAME_NOREPLACE);
    assertThat(fs.read("z")).isEqualTo("x");
  }

  @Test
  void exchangeSwapsTwoEntries() throws Exception {
    long xi = fs.ino("x");
    long di = fs.ino("dst");
    fs.rename("x", "dst", OpenFlags.RENAME_EXCHANGE);
    assertThat(fs.ino("dst")).isEqualTo(xi);
    assertThat(fs.ino("x")).isEqualTo(di);
    assertThat(fs.read("dst")).isEqualTo("x");
    assertThat(fs.ls("x")).containsExactly("old");
    Fs again = mount();
    assertThat(again.read("dst")).isEqualTo("x");
    assertThat(again.ls("x")).containsExactly("old");
  }

  @Test
  void exchangeNeedsBothNames() {
    assertErrno(() -> fs.rename("x", "nothing", OpenFlags.RENAME_EXCHANGE), Errno.ENOENT);
  }

  @Test
  void renameOfAHardLinkOntoItsOtherNameDoesNothing() throws Exception {
    fs.link("x", "x2");
    fs.rename("x", "x2");
    assertThat(fs.exists("x")).isTrue();
    assertThat(fs.stat("x").nlink()).isEqualTo(2);
  }

  @Test
  void upperOnlyDirectoryRenamesWithoutCopying() throws Exception {
    fs.mkdir("u");
    fs.write("u/a", "a");
    fs.rename("u", "v");
    assertThat(fs.read("v/a")).isEqualTo("a");
    assertThat(Files.exists(upper.resolve(".wh.u"))).isFalse();
  }
}
