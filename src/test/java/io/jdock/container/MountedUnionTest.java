package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.fuse.FuseMount;
import io.jdock.fuse.MountOptions;
import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.union.DirectoryLayer;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The union as the kernel sees it: a {@link Union} of two plain lower dirs and an upper dir,
 * mounted with {@link FuseMount} and driven with real system calls.
 */
class MountedUnionTest {
  @TempDir Path tmp;
  Path base;
  Path top;
  Path upper;
  Path mnt;
  FuseMount mount;

  @BeforeEach
  void layers() throws Exception {
    base = Files.createDirectories(tmp.resolve("base"));
    top = Files.createDirectories(tmp.resolve("top"));
    upper = Files.createDirectories(tmp.resolve("upper"));
    mnt = Files.createDirectories(tmp.resolve("mnt"));
    write(base.resolve("etc/os-release"), "NAME=base\n");
    write(base.resolve("dir/a.txt"), "a\n");
    write(base.resolve("dir/sub/deep.txt"), "deep\n");
    Files.createLink(base.resolve("hard-outside"), base.resolve("dir/a.txt"));
    write(base.resolve("hidden.txt"), "hidden by a whiteout\n");
    write(top.resolve(".wh.hidden.txt"), "");
    write(top.resolve("dir/b.txt"), "b\n");
    mountUnion();
  }

  private void mountUnion() throws Exception {
    UnionConfig config =
        new UnionConfig(
            List.of(DirectoryLayer.scan(base), DirectoryLayer.scan(top)), Optional.of(upper), true);
    mount = FuseMount.mount(Union.open(config), mnt, MountOptions.defaults().withThreads(4));
  }

  @AfterEach
  void unmount() throws Exception {
    mount.close();
    if (FuseMount.isMountPoint(mnt)) {
      FuseMount.unmount(mnt, true);
      throw new AssertionError("close() left " + mnt + " mounted");
    }
  }

  private static void write(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private String m(String rel) {
    return mnt.resolve(rel).toString();
  }

  private static int errnoOf(ErrnoCall call) {
    try {
      call.run();
    } catch (ErrnoException e) {
      return e.errno();
    }
    throw new AssertionError("the call succeeded");
  }

  private interface ErrnoCall {
    void run() throws ErrnoException;
  }

  private List<String> ls(String rel) throws IOException {
    try (Stream<Path> s = Files.list(mnt.resolve(rel))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theMergedViewHidesWhiteoutsAndMergesDirs() throws Exception {
    assertThat(ls("")).containsExactly("dir", "etc", "hard-outside");
    assertThat(ls("dir")).containsExactly("a.txt", "b.txt", "sub");
    assertThat(errnoOf(() -> Posix.lstat(m("hidden.txt")))).isEqualTo(Errno.ENOENT);
    assertThat(errnoOf(() -> Posix.lstat(m(".wh.hidden.txt")))).isEqualTo(Errno.ENOENT);
    assertThat(Posix.lstat(m("dir/a.txt")).ino()).isEqualTo(Posix.lstat(m("hard-outside")).ino());
    assertThat(Posix.lstat(m("dir/a.txt")).nlink()).isEqualTo(2);
  }

  @Test
  void aNameLongerThan255BytesIsTooLongNotMissing() throws Exception {
    String longName = "n".repeat(256);
    assertThat(errnoOf(() -> Posix.lstat(m(longName)))).isEqualTo(Errno.ENAMETOOLONG);
    assertThat(errnoOf(() -> Posix.lstat(m("dir/" + "é".repeat(128)))))
        .isEqualTo(Errno.ENAMETOOLONG);
    assertThat(errnoOf(() -> Posix.mkdir(m(longName), 0755))).isEqualTo(Errno.ENAMETOOLONG);
    Files.writeString(mnt.resolve("n".repeat(255)), "fits\n");
    assertThat(Files.readString(mnt.resolve("n".repeat(255)))).isEqualTo("fits\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {".wh.new", ".wh.dir", ".wh..wh..opq", ".wh..wh.jdock-tmp.1", ".wh."})
  void whiteoutNamesCanBeNeitherCreatedNorSeen(String name) throws Exception {
    String path = m("dir/" + name);
    int create = OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_EXCL;
    assertThat(errnoOf(() -> Posix.open(path, create, 0644))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.mkdir(path, 0755))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.symlink("a.txt", path))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.mknod(path, 0010644, 0))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.link(m("dir/a.txt"), path))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.rename(m("dir/a.txt"), path, 0))).isEqualTo(Errno.EINVAL);
    assertThat(errnoOf(() -> Posix.lstat(path))).isEqualTo(Errno.ENOENT);
    assertThat(ls("dir")).containsExactly("a.txt", "b.txt", "sub");
    try (Stream<Path> all = Files.walk(upper)) {
      assertThat(all.map(p -> p.getFileName().toString())).doesNotContain(name);
    }
  }

  @Test
  void renameOfALowerDirIsOneAtomicRenameThatKeepsInodes() throws Exception {
    long dirIno = Posix.lstat(m("dir")).ino();
    long fileIno = Posix.lstat(m("dir/a.txt")).ino();
    Posix.rename(m("dir"), m("moved"), 0);
    assertThat(ls("")).containsExactly("etc", "hard-outside", "moved");
    assertThat(ls("moved")).containsExactly("a.txt", "b.txt", "sub");
    assertThat(Files.readString(mnt.resolve("moved/sub/deep.txt"))).isEqualTo("deep\n");
    assertThat(Posix.lstat(m("moved")).ino()).isEqualTo(dirIno);
    assertThat(Posix.lstat(m("moved/a.txt")).ino()).isEqualTo(fileIno);
    assertThat(Posix.lstat(m("hard-outside")).ino()).isEqualTo(fileIno);
    Files.writeString(mnt.resolve("hard-outside"), "changed\n");
    assertThat(Files.readString(mnt.resolve("moved/a.txt"))).isEqualTo("changed\n");
    assertThat(Files.exists(upper.resolve(".wh.dir"))).isTrue();
    assertThat(errnoOf(() -> Posix.rename(m("moved"), m("moved/sub/x"), 0)))
        .isEqualTo(Errno.EINVAL);
  }

  @Test
  void aDirRenamedOntoAWhitedOutNameKeepsItsTimes() throws Exception {
    io.jdock.sys.Stat before = Posix.lstat(m("dir"));
    Posix.rename(m("dir"), m("away"), 0);
    Posix.rename(m("away"), m("dir"), 0); // "dir" is whited out now: the dir lands opaque
    io.jdock.sys.Stat after = Posix.lstat(m("dir"));
    assertThat(after.mtimeSec()).isEqualTo(before.mtimeSec());
    assertThat(after.mtimeNsec()).isEqualTo(before.mtimeNsec());
    assertThat(ls("dir")).containsExactly("a.txt", "b.txt", "sub");
    assertThat(Files.exists(upper.resolve("dir/.wh..wh..opq"))).isTrue();
  }

  @Test
  void inodeNumbersAreUniqueAndSurviveCopyUp() throws Exception {
    Map<String, Long> before = inodes();
    assertThat(new HashSet<>(before.values()).size())
        .as("distinct inodes (two names share one)")
        .isEqualTo(before.size() - 1);
    Files.writeString(mnt.resolve("dir/sub/deep.txt"), "copied up\n");
    Posix.chmod(m("etc"), 0700);
    Files.writeString(mnt.resolve("new.txt"), "new\n");
    Map<String, Long> after = inodes();
    after.remove("new.txt");
    assertThat(after).isEqualTo(before);
    assertThat(Posix.lstat(m("new.txt")).ino()).isNotIn(before.values());
  }

  private Map<String, Long> inodes() throws IOException, ErrnoException {
    Map<String, Long> out = new HashMap<>();
    try (Stream<Path> all = Files.walk(mnt)) {
      for (Path p : all.toList()) {
        out.put(mnt.relativize(p).toString(), Posix.lstat(p.toString()).ino());
      }
    }
    return out;
  }

  @Test
  void directoryLinkCountIsTwoPlusSubdirectories() throws Exception {
    assertThat(Posix.lstat(m("")).nlink()).isEqualTo(4);
    assertThat(Posix.lstat(m("dir")).nlink()).isEqualTo(3);
    Posix.mkdir(m("dir/new"), 0755);
    assertThat(Posix.lstat(m("dir")).nlink()).isEqualTo(4);
    Posix.rename(m("dir/sub"), m("etc/sub"), 0);
    assertThat(Posix.lstat(m("dir")).nlink()).isEqualTo(3);
    assertThat(Posix.lstat(m("etc")).nlink()).isEqualTo(3);
    Posix.rmdir(m("dir/new"));
    assertThat(Posix.lstat(m("dir")).nlink()).isEqualTo(2);
  }

  @Test
  void readdirListsEveryLastingNameOnceWhileTheDirChanges() throws Exception {
    mount.close();
    for (int i = 0; i < 1000; i++) {
      write(base.resolve("big/lower-" + i), "x");
    }
    mountUnion();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Integer> churn =
        pool.submit(
            () -> {
              int n = 0;
              while (!stop.get()) {
                Path p = mnt.resolve("big/churn-" + (n % 50));
                Files.writeString(p, "c");
                Files.delete(p);
                n++;
              }
              return n;
            });
    try {
      for (int round = 0; round < 20; round++) {
        List<String> seen = new ArrayList<>(ls("big"));
        seen.removeIf(n -> n.startsWith("churn-"));
        Set<String> unique = new HashSet<>(seen);
        assertThat(unique).as("no name twice").hasSize(seen.size());
        assertThat(seen).hasSize(1000);
      }
    } finally {
      stop.set(true);
      pool.shutdown();
    }
    assertThat(churn.get()).isPositive();
  }

  @Test
  void anUnlinkedOpenFileStaysReadableThroughItsDescriptor() throws Exception {
    int lower = Posix.open(m("dir/a.txt"), OpenFlags.O_RDONLY, 0);
    int fresh = Posix.open(m("fresh"), OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
    try {
      Posix.write(fresh, ByteBuffer.wrap("fresh data".getBytes(StandardCharsets.UTF_8)));
      Posix.unlink(m("dir/a.txt"));
      Posix.unlink(m("fresh"));
      assertThat(read(lower)).isEqualTo("a\n");
      assertThat(Posix.fstat(fresh).size()).isEqualTo(10);
      assertThat(Posix.fstat(fresh).nlink()).isZero();
      assertThat(ls("dir")).containsExactly("b.txt", "sub");
      assertThat(Files.readString(mnt.resolve("hard-outside"))).isEqualTo("a\n");
    } finally {
      Posix.close(lower);
      Posix.close(fresh);
    }
  }

  @Test
  void aSparseLowerFileOver4GiBIsCopiedUpWithItsHoles() throws Exception {
    mount.close();
    long size = 5L << 30;
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(base.resolve("sparse.bin").toFile(), "rw")) {
      f.write("head".getBytes(StandardCharsets.UTF_8));
      f.seek(size - 4);
      f.write("tail".getBytes(StandardCharsets.UTF_8));
    }
    mountUnion();
    int fd = Posix.open(m("sparse.bin"), OpenFlags.O_WRONLY | OpenFlags.O_APPEND, 0);
    try {
      Posix.write(fd, ByteBuffer.wrap("end".getBytes(StandardCharsets.UTF_8)));
    } finally {
      Posix.close(fd);
    }
    io.jdock.sys.Stat up = Posix.lstat(upper.resolve("sparse.bin").toString());
    assertThat(up.size()).isEqualTo(size + 3);
    assertThat(up.blocks() * 512).as("bytes allocated").isLessThan(1 << 20);
    int r = Posix.open(m("sparse.bin"), OpenFlags.O_RDONLY, 0);
    try {
      assertThat(readAt(r, 0, 4)).isEqualTo("head");
      assertThat(readAt(r, size - 4, 7)).isEqualTo("tailend");
      assertThat(readAt(r, 3L << 30, 4)).isEqualTo("\0\0\0\0");
    } finally {
      Posix.close(r);
    }
  }

  private static String readAt(int fd, long offset, int length) throws ErrnoException {
    ByteBuffer b = ByteBuffer.allocate(length);
    int n = Posix.pread(fd, b, offset);
    return new String(b.array(), 0, n, StandardCharsets.UTF_8);
  }

  private static String read(int fd) throws ErrnoException {
    ByteBuffer b = ByteBuffer.allocate(100);
    int n = Posix.pread(fd, b, 0);
    return new String(b.array(), 0, n, StandardCharsets.UTF_8);
  }

  @Test
  void changesMadeOnceShowAgainAfterRemounting() throws Exception {
    Files.delete(mnt.resolve("etc/os-release"));
    deleteTree(mnt.resolve("dir"));
    Posix.mkdir(m("dir"), 0755);
    Files.writeString(mnt.resolve("dir/only.txt"), "only\n");
    Files.writeString(mnt.resolve("hard-outside"), "copied\n");
    mount.close();
    mountUnion();
    assertThat(ls("")).containsExactly("dir", "etc", "hard-outside");
    assertThat(ls("etc")).isEmpty();
    assertThat(ls("dir")).containsExactly("only.txt");
    assertThat(Files.readString(mnt.resolve("hard-outside"))).isEqualTo("copied\n");
    assertThat(Files.exists(upper.resolve("dir/.wh..wh..opq"))).isTrue();
    assertThat(Files.exists(upper.resolve("etc/.wh.os-release"))).isTrue();
  }

  @Test
  void leftoversOfAnInterruptedCopyUpAreRemovedAndNeverShown() throws Exception {
    mount.close();
    write(upper.resolve(".wh..wh.jdock-tmp.0123abcd"), "half a copy");
    mountUnion();
    assertThat(ls("")).containsExactly("dir", "etc", "hard-outside");
    assertThat(Files.exists(upper.resolve(".wh..wh.jdock-tmp.0123abcd"))).isFalse();
    assertThatThrownBy(() -> Files.readString(mnt.resolve(".wh..wh.jdock-tmp.0123abcd")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
