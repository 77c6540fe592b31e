package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through the union: copy-up, whiteouts and opaque markers in OCI form. */
class UnionWriteTest {
  @TempDir Path tmp;
  Path upper;
  LowerLayer base;
  Union union;
  Fs fs;

  @BeforeEach
  void setUp() throws Exception {
    base =
        new LayerBuilder(tmp.resolve("l0"))
            .dir("etc")
            .file("etc/passwd", "root:x:0:0", 0644, Map.of("user.tag", "p".getBytes()))
            .file("etc/big", "0123456789")
            .owned("etc/owned", "o", 1000, 1000)
            .dir("usr")
            .dir("usr/lib")
            .file("usr/lib/a", "a")
            .dir("a")
            .dir("b")
            .file("a/f", "shared")
            .hardlink("b/g", "a/f")
            .build();
    upper = Files.createDirectory(tmp.resolve("upper"));
    union = Union.open(new UnionConfig(List.of(base), Optional.of(upper), true));
    fs = new Fs(union);
  }

  private Fs remount() throws Exception {
    union.destroy();
    return new Fs(Union.open(new UnionConfig(List.of(base), Optional.of(upper), true)));
  }

  @Test
  void writingALowerFileCopiesItUpWithItsAttributes() throws Exception {
    long ino = fs.ino("etc/passwd");
    fs.append("etc/passwd", "\nme:x:1:1");
    assertThat(fs.read("etc/passwd")).isEqualTo("root:x:0:0\nme:x:1:1");
    assertThat(fs.ino("etc/passwd")).isEqualTo(ino);
    Path copy = upper.resolve("etc/passwd");
    assertThat(Files.readString(copy)).isEqualTo("root:x:0:0\nme:x:1:1");
    assertThat(ExtendedAttributes.lget(copy.toString(), "user.tag")).isPresent();
    assertThat(Posix.lstat(copy.toString()).permissions()).isEqualTo(0644);
    assertThat(Files.readString(base.dataRoot().resolve("etc/passwd"))).isEqualTo("root:x:0:0");
    assertThat(Posix.lstat(upper.resolve("etc").toString()).mtimeSec())
        .isEqualTo(LayerBuilder.MTIME);
  }

  @Test
  void chownCopiesUpAndKeepsData() throws Exception {
    long ino = fs.ino("etc/owned");
    union.setattr(Fs.USER, ino, SetAttr.none().withOwner(0, 0), -1);
    assertThat(fs.stat("etc/owned").uid()).isZero();
    assertThat(Files.readString(upper.resolve("etc/owned"))).isEqualTo("o");
  }

  @Test
  void openWithTruncateCopiesNoData() throws Exception {
    long ino = fs.ino("etc/big");
    long fh = union.open(Fs.USER, ino, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC);
    assertThat(Files.size(upper.resolve("etc/big"))).isZero();
    fs.writeHandle(ino, fh, 0, "new");
    union.release(ino, fh);
    assertThat(fs.read("etc/big")).isEqualTo("new");
  }

  @Test
  void copyUpKeepsHardLinksLinked() throws Exception {
    fs.append("a/f", "+more");
    assertThat(fs.read("b/g")).isEqualTo("shared+more");
    assertThat(fs.ino("a/f")).isEqualTo(fs.ino("b/g"));
    assertThat(fs.stat("b/g").nlink()).isEqualTo(2);
    assertThat(Posix.lstat(upper.resolve("a/f").toString()).ino())
        .isEqualTo(Posix.lstat(upper.resolve("b/g").toString()).ino());
  }

  @Test
  void aReadHandleOpenedBeforeCopyUpSeesLaterWrites() throws Exception {
    long ino = fs.ino("etc/big");
    long ro = union.open(Fs.USER, ino, OpenFlags.O_RDONLY);
    fs.write("etc/big", "changed");
    assertThat(fs.readHandle(ino, ro)).isEqualTo("changed");
    union.release(ino, ro);
  }

  @Test
  void removingALowerFileWritesAnOciWhiteout() throws Exception {
    fs.unlink("usr/lib/a");
    assertThat(fs.exists("usr/lib/a")).isFalse();
    assertThat(Files.isRegularFile(upper.resolve("usr/lib/.wh.a"))).isTrue();
    fs.write("usr/lib/a", "again");
    assertThat(Files.exists(upper.resolve("usr/lib/.wh.a"))).isFalse();
    assertThat(fs.read("usr/lib/a")).isEqualTo("again");
    assertThat(remount().read("usr/lib/a")).isEqualTo("again");
  }

  @Test
  void whiteoutsWithoutAWorkDirAreFilesOfTheirOwn() throws Exception {
    fs.unlink("usr/lib/a");
    fs.unlink("etc/big");
    Path a = upper.resolve("usr/lib/.wh.a");
    assertThat(Posix.lstat(a.toString()).nlink()).isEqualTo(1L);
    assertThat(Posix.lstat(upper.resolve("etc/.wh.big").toString()).nlink()).isEqualTo(1L);
    assertThat(upper.toFile().list()).containsExactlyInAnyOrder("usr", "etc");
  }

  @Test
  void whiteoutsAndOpaqueMarkersShareOneFileInTheWorkDir() throws Exception {
    union.destroy();
    Path work = tmp.resolve("work");
    union = Union.open(new UnionConfig(List.of(base), Optional.of(upper), Optional.of(work), true));
    fs = new Fs(union);
    fs.unlink("usr/lib/a");
    fs.unlink("etc/big");
    fs.rmdir("usr/lib");
    fs.mkdir("usr/lib");
    long shared = Posix.lstat(work.resolve(UpperDir.SHARED_MARKER).toString()).ino();
    for (String marker : List.of("etc/.wh.big", "usr/lib/.wh..wh..opq")) {
      var st = Posix.lstat(upper.resolve(marker).toString());
      assertThat(st.ino()).as(marker).isEqualTo(shared);
      assertThat(st.size()).as(marker).isZero();
    }
    assertThat(upper.toFile().list()).containsExactlyInAnyOrder("usr", "etc");
    assertThat(fs.exists("etc/big")).isFalse();
    assertThat(fs.ls("usr/lib")).isEmpty();
  }

  @Test
  void removingAnUpperOnlyFileLeavesNoWhiteout() throws Exception {
    fs.write("new", "n");
    fs.unlink("new");
    assertThat(upper.toFile().list()).containsExactlyInAnyOrder();
  }

  @Test
  void directoryRemovedAndRecreatedIsOpaque() throws Exception {
    fs.unlink("usr/lib/a");
    fs.rmdir("usr/lib");
    assertThat(Files.exists(upper.resolve("usr/.wh.lib"))).isTrue();
    fs.mkdir("usr/lib");
    assertThat(fs.ls("usr/lib")).isEmpty();
    assertThat(Files.exists(upper.resolve("usr/lib/.wh..wh..opq"))).isTrue();
    assertThat(Files.exists(upper.resolve("usr/.wh.lib"))).isFalse();
    assertThat(remount().ls("usr/lib")).isEmpty();
  }

  @Test
  void rmdirOfNonEmptyDirectoryFails() {
    assertThatThrownBy(() -> fs.rmdir("usr"))
        .isInstanceOfSatisfying(
            FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTEMPTY));
  }

  @Test
  void whiteoutNamesCannotBeCreated() {
    assertThatThrownBy(() -> fs.write("etc/.wh.passwd", "x"))
        .isInstanceOfSatisfying(
            FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    assertThatThrownBy(() -> fs.mkdir(".wh..wh..opq"))
        .isInstanceOfSatisfying(
            FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
  }

  @Test
  void newFilesBelongToTheCallerAndTakeTheUmask() throws Exception {
    Opened o = union.create(new Caller(1234, 5678, 1), FileSystem.ROOT, "mine", 0666, 022, 1);
    union.release(o.attr().ino(), o.fh());
    Attr a = fs.stat("mine");
    assertThat(a.uid()).isEqualTo(1234);
    assertThat(a.gid()).isEqualTo(5678);
    assertThat(a.mode()).isEqualTo(FileMode.S_IFREG | 0644);
  }

  @Test
  void linkOfALowerFileCopiesItUpAndCountsNames() throws Exception {
    fs.link("etc/passwd", "usr/pw");
    assertThat(fs.ino("usr/pw")).isEqualTo(fs.ino("etc/passwd"));
    assertThat(fs.stat("etc/passwd").nlink()).isEqualTo(2);
    fs.unlink("etc/passwd");
    assertThat(fs.stat("usr/pw").nlink()).isEqualTo(1);
    assertThat(fs.read("usr/pw")).isEqualTo("root:x:0:0");
  }

  @Test
  void unlinkedOpenFileStaysReadable() throws Exception {
    fs.write("tmpfile", "still here");
    long ino = fs.ino("tmpfile");
    long fh = union.open(Fs.USER, ino, OpenFlags.O_RDONLY);
    fs.unlink("tmpfile");
    assertThat(fs.readHandle(ino, fh)).isEqualTo("still here");
    assertThat(union.getattr(ino, fh).nlink()).isZero();
    union.release(ino, fh);
  }

  @Test
  void xattrsCanBeSetOnLowerFiles() throws Exception {
    long ino = fs.ino("usr/lib/a");
    union.setxattr(Fs.USER, ino, "user.new", "1".getBytes(), 0);
    assertThat(union.listxattr(ino)).contains("user.new");
    union.removexattr(Fs.USER, ino, "user.new");
    assertThat(union.listxattr(ino)).doesNotContain("user.new");
    assertThatThrownBy(() -> union.getxattr(ino, "user.new"))
        .isInstanceOfSatisfying(
            FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODATA));
  }

  @Test
  void readdirSnapshotIsStableWhileTheDirectoryChanges() throws Exception {
    long ino = fs.ino("etc");
    long dh = union.opendir(Fs.USER, ino);
    List<DirEntry> before = union.readdir(ino, dh);
    fs.write("etc/zzz", "z");
    fs.unlink("etc/big");
    assertThat(union.readdir(ino, dh)).isEqualTo(before);
    union.releasedir(ino, dh);
    assertThat(fs.ls("etc")).contains("zzz").doesNotContain("big");
  }

  @Test
  void truncateToAPositiveSizeKeepsThePrefix() throws Exception {
    long ino = fs.ino("etc/big");
    union.setattr(Fs.USER, ino, SetAttr.none().withSize(4), -1);
    assertThat(fs.read("etc/big")).isEqualTo("0123");
  }

  @Test
  void attributesOfAnOpenButUnlinkedFileChangeThroughItsHandle() throws Exception {
    fs.write("orphan", "0123456789");
    long ino = fs.ino("orphan");
    long fh = union.open(Fs.USER, ino, OpenFlags.O_RDWR);
    fs.unlink("orphan");
    union.setattr(Fs.USER, ino, SetAttr.none().withSize(4).withMode(0600), fh);
    union.setattr(Fs.USER, ino, SetAttr.none().withTimes(5, 0, 7, 0), -1);
    union.setxattr(Fs.USER, ino, "user.k", "v".getBytes(), 0);
    Attr a = union.getattr(ino, fh);
    assertThat(a.size()).isEqualTo(4);
    assertThat(a.mode() & 07777).isEqualTo(0600);
    assertThat(a.mtimeSec()).isEqualTo(7);
    assertThat(union.listxattr(ino)).containsExactly("user.k");
    assertThat(new String(union.getxattr(ino, "user.k"))).isEqualTo("v");
    union.removexattr(Fs.USER, ino, "user.k");
    assertThat(union.listxattr(ino)).isEmpty();
    assertThat(fs.readHandle(ino, fh)).isEqualTo("0123");
    union.release(ino, fh);
  }
}
