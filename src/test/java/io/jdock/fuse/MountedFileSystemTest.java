package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File operations through a real FUSE mount of a {@link PassthroughFs} over a temp directory. */
class MountedFileSystemTest {
  @TempDir Path tmp;
  Path src;
  Path mnt;
  PassthroughFs fs;
  FuseMount mount;

  @BeforeEach
  void mount() throws Exception {
    src = Files.createDirectory(tmp.resolve("src"));
    mnt = Files.createDirectory(tmp.resolve("mnt"));
    Files.writeString(src.resolve("hello.txt"), "hello\n");
    Files.createDirectories(src.resolve("etc/apt"));
    Files.writeString(src.resolve("etc/apt/sources.list"), "deb http://deb.debian.org\n");
    fs = new PassthroughFs(src);
    mount = FuseMount.mount(fs, mnt, MountOptions.defaults().withThreads(4));
  }

  @AfterEach
  void unmount() throws Exception {
    mount.close();
    if (MountTable.isMountPoint(mnt.toRealPath())) {
      FuseMount.unmount(mnt, true);
      throw new AssertionError("close() left " + mnt + " mounted");
    }
  }

  private static String listing(Path dir) {
    return Shell.run(
            "find", dir.toString(), "-mindepth", "1", "-printf", "%P %y %m %s %n %U %G %T@ %l\\n")
        .ok()
        .out()
        .lines()
        .sorted()
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void treeLooksLikeTheUnderlyingOne() throws Exception {
    Files.createSymbolicLink(src.resolve("link"), Path.of("hello.txt"));
    Files.createLink(src.resolve("hard"), src.resolve("hello.txt"));
    Posix.mknod(src.resolve("fifo").toString(), 0010644, 0);
    assertThat(listing(mnt)).isEqualTo(listing(src)).contains("fifo p 644 0 1");
    assertThat(Shell.run("ls", "-la", mnt.toString()).ok().out())
        .contains("hello.txt", "etc", "link -> hello.txt");
    assertThat(Shell.run("stat", "-c", "%F %s %h", mnt.resolve("hard").toString()).ok().out())
        .isEqualTo("regular file 6 2\n");
    assertThat(Shell.run("stat", "-c", "%F", mnt.toString()).ok().out()).isEqualTo("directory\n");
  }

  @Test
  void readsSmallAndBigFiles() throws Exception {
    byte[] big = new byte[40 << 20];
    new Random(1).nextBytes(big);
    Files.write(src.resolve("big"), big);
    assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("hello\n");
    assertThat(Files.mismatch(mnt.resolve("big"), src.resolve("big"))).isEqualTo(-1);
    assertThat(
            Shell.run("cmp", mnt.resolve("big").toString(), src.resolve("big").toString()).status())
        .isZero();
    try (FileChannel ch = FileChannel.open(mnt.resolve("big"))) {
      ByteBuffer b = ByteBuffer.allocate(10);
      ch.read(b, 12_345_678);
      assertThat(b.array()).isEqualTo(java.util.Arrays.copyOfRange(big, 12_345_678, 12_345_688));
    }
    assertThat(Files.readAllBytes(mnt.resolve("etc/apt/sources.list"))).hasSize(26);
  }

  @Test
  void createWriteAppendTruncateAndRename() throws Exception {
    Path f = mnt.resolve("new.txt");
    Files.writeString(f, "first");
    assertThat(Files.readString(src.resolve("new.txt"))).isEqualTo("first");
    Files.writeString(f, " second", StandardOpenOption.APPEND);
    assertThat(Files.readString(f)).isEqualTo("first second");
    Files.writeString(f, "x", StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(Files.readString(f)).isEqualTo("x");
    Shell.run("truncate", "-s", "3", f.toString()).ok();
    assertThat(Files.readAllBytes(f)).containsExactly('x', 0, 0);
    Files.move(f, mnt.resolve("etc/moved.txt"));
    assertThat(Files.exists(f)).isFalse();
    assertThat(Files.readAllBytes(mnt.resolve("etc/moved.txt"))).hasSize(3);
    assertThat(Files.exists(src.resolve("etc/moved.txt"))).isTrue();
    Files.writeString(mnt.resolve("a"), "A");
    Files.writeString(mnt.resolve("b"), "B");
    Files.move(
        mnt.resolve("a"), mnt.resolve("b"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.readString(mnt.resolve("b"))).isEqualTo("A");
    assertThatThrownBy(() -> Files.createFile(mnt.resolve("b")))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void renameNoReplaceAndExchange() throws Exception {
    Files.writeString(mnt.resolve("a"), "A");
    Files.writeString(mnt.resolve("b"), "B");
    assertThatThrownBy(
            () ->
                Posix.rename(
                    mnt.resolve("a").toString(),
                    mnt.resolve("b").toString(),
                    OpenFlags.RENAME_NOREPLACE))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    Shell.run("mv", "-n", mnt.resolve("a").toString(), mnt.resolve("b").toString());
    assertThat(Files.readString(mnt.resolve("b"))).isEqualTo("B");
    assertThat(Files.readString(mnt.resolve("a"))).isEqualTo("A");
    Posix.rename(
        mnt.resolve("a").toString(), mnt.resolve("b").toString(), OpenFlags.RENAME_EXCHANGE);
    assertThat(Files.readString(mnt.resolve("a"))).isEqualTo("B");
    assertThat(Files.readString(mnt.resolve("b"))).isEqualTo("A");
    Posix.rename(
        mnt.resolve("a").toString(), mnt.resolve("c").toString(), OpenFlags.RENAME_NOREPLACE);
    assertThat(Files.readString(mnt.resolve("c"))).isEqualTo("B");
    Posix.rename(
        mnt.resolve("etc").toString(), mnt.resolve("c").toString(), OpenFlags.RENAME_EXCHANGE);
    assertThat(Files.readString(mnt.resolve("c/apt/sources.list"))).startsWith("deb");
    assertThat(Files.readString(mnt.resolve("etc"))).isEqualTo("B");
  }

  @Test
  void mkdirAndRmdir() throws Exception {
    Path d = mnt.resolve("d/e/f");
    Files.createDirectories(d);
    assertThat(Files.isDirectory(src.resolve("d/e/f"))).isTrue();
    assertThatThrownBy(() -> Posix.rmdir(mnt.resolve("d").toString()))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTEMPTY));
    Files.delete(d);
    Files.delete(d.getParent());
    Files.delete(mnt.resolve("d"));
    assertThat(Files.exists(src.resolve("d"))).isFalse();
    assertThat(Files.exists(mnt.resolve("d"))).isFalse();
    Files.createDirectory(mnt.resolve("d"));
    assertThat(Files.isDirectory(mnt.resolve("d"))).isTrue();
  }

  @Test
  void symlinksAndReadlink() throws Exception {
    Files.createSymbolicLink(mnt.resolve("abs"), Path.of("/etc/hostname"));
    Files.createSymbolicLink(mnt.resolve("rel"), Path.of("etc/apt/sources.list"));
    Files.createSymbolicLink(mnt.resolve("dangling"), Path.of("nowhere"));
    assertThat(Files.readSymbolicLink(mnt.resolve("abs"))).isEqualTo(Path.of("/etc/hostname"));
    assertThat(Shell.run("readlink", mnt.resolve("rel").toString()).ok().out())
        .isEqualTo("etc/apt/sources.list\n");
    assertThat(Files.readString(mnt.resolve("rel"))).startsWith("deb");
    assertThat(Files.isSymbolicLink(src.resolve("dangling"))).isTrue();
    assertThatThrownBy(() -> Files.readString(mnt.resolve("dangling")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void hardlinksShareTheInode() throws Exception {
    Path a = mnt.resolve("hello.txt");
    Path b = mnt.resolve("etc/hello-link");
    Files.createLink(b, a);
    String sa = Shell.run("stat", "-c", "%i %h", a.toString()).ok().out();
    String sb = Shell.run("stat", "-c", "%i %h", b.toString()).ok().out();
    assertThat(sa).isEqualTo(sb).endsWith(" 2\n");
    assertThat(Posix.stat(src.resolve("etc/hello-link").toString()).ino())
        .isEqualTo(Posix.stat(src.resolve("hello.txt").toString()).ino());
    Files.delete(a);
    assertThat(Shell.run("stat", "-c", "%h", b.toString()).ok().out()).isEqualTo("1\n");
    assertThat(Files.readString(b)).isEqualTo("hello\n");
  }

  @Test
  void extendedAttributes() throws Exception {
    Path f = mnt.resolve("hello.txt");
    Shell.run("setfattr", "-n", "user.colour", "-v", "blue", f.toString()).ok();
    Shell.run("setfattr", "-n", "user.empty", f.toString()).ok();
    assertThat(ExtendedAttributes.lget(src.resolve("hello.txt").toString(), "user.colour"))
        .hasValueSatisfying(
            v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("blue"));
    String dump = Shell.run("getfattr", "-d", "--absolute-names", f.toString()).ok().out();
    assertThat(dump).contains("user.colour=\"blue\"", "user.empty");
    Shell.run("setfattr", "-x", "user.colour", f.toString()).ok();
    Shell.Result missing = Shell.run("getfattr", "-n", "user.colour", f.toString());
    assertThat(missing.status()).isNotZero();
    assertThat(missing.err()).contains("No such attribute");
    byte[] big = new byte[4000];
    new Random(2).nextBytes(big);
    ExtendedAttributes.lset(f.toString(), "user.big", big, 0);
    assertThat(ExtendedAttributes.lget(f.toString(), "user.big"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(big));
    assertThat(ExtendedAttributes.llist(f.toString()))
        .containsExactlyInAnyOrder("user.empty", "user.big");
    assertThatThrownBy(
            () -> ExtendedAttributes.lset(f.toString(), "user.big", big, OpenFlags.XATTR_CREATE))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
  }

  @Test
  void chmodChownAndTouch() throws Exception {
    Path f = mnt.resolve("hello.txt");
    Shell.run("chmod", "4750", f.toString()).ok();
    Shell.run("chown", "1234:5678", f.toString()).ok();
    assertThat(Shell.run("stat", "-c", "%a", f.toString()).ok().out())
        .as("chown clears setuid, as on any Linux file system")
        .isEqualTo("750\n");
    Shell.run("chmod", "4750", f.toString()).ok();
    Shell.run("touch", "-d", "2001-02-03 04:05:06.123456789 UTC", f.toString()).ok();
    assertThat(Shell.run("stat", "-c", "%a %u %g %Y %y", f.toString()).ok().out())
        .startsWith("4750 1234 5678 981173106 2001-02-03")
        .contains("04:05:06.123456789");
    Stat real = Posix.stat(src.resolve("hello.txt").toString());
    assertThat(real.permissions()).isEqualTo(04750);
    assertThat(real.uid()).isEqualTo(1234);
    assertThat(real.mtimeNsec()).isEqualTo(123456789);
    Shell.run("touch", "-a", f.toString()).ok();
    assertThat(Posix.stat(src.resolve("hello.txt").toString()).atimeSec())
        .isGreaterThan(981173106L);
  }

  @Test
  void aWriteByAnUnprivilegedUserClearsSetuidAndTheKernelSeesIt() throws Exception {
    for (Path p : List.of(tmp, src)) {
      Posix.chmod(p.toString(), 0755);
    }
    Path real = src.resolve("suid");
    Files.writeString(real, "x");
    Posix.chmod(real.toString(), 06777);
    Path f = mnt.resolve("suid");
    // GNU stat asks statx for the mode only, so it shows what the kernel has cached.
    assertThat(Shell.run("stat", "-c", "%a", f.toString()).ok().out()).isEqualTo("6777\n");
    Shell.sh("echo root >> '" + f + "'").ok();
    assertThat(Shell.run("stat", "-c", "%a", f.toString()).ok().out())
        .as("root has CAP_FSETID")
        .isEqualTo("6777\n");
    Shell.run(
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "sh",
            "-c",
            "echo nobody >> '" + f + "'")
        .ok();
    assertThat(Posix.stat(real.toString()).permissions()).isEqualTo(0777);
    assertThat(Shell.run("stat", "-c", "%a", f.toString()).ok().out()).isEqualTo("777\n");
    assertThat(Files.readString(f)).isEqualTo("xroot\nnobody\n");
  }

  @Test
  void fallocateAndStatfs() throws Exception {
    Path f = mnt.resolve("alloc");
    Shell.run("fallocate", "-l", "1M", f.toString()).ok();
    assertThat(Files.size(f)).isEqualTo(1 << 20);
    assertThat(Posix.stat(f.toString()).blocks()).isGreaterThanOrEqualTo(2048);
    String viaMount = Shell.run("stat", "-f", "-c", "%b %S %l", mnt.toString()).ok().out();
    String direct = Shell.run("stat", "-f", "-c", "%b %S %l", src.toString()).ok().out();
    assertThat(viaMount).isEqualTo(direct);
    assertThat(Shell.run("df", "-P", mnt.toString()).ok().out()).contains("jdock", mnt.toString());
  }

  @Test
  void sparseFileBeyond4GiB() throws Exception {
    Path f = mnt.resolve("sparse");
    Shell.run("truncate", "-s", "5G", f.toString()).ok();
    long end = 5L << 30;
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("tail".getBytes(StandardCharsets.US_ASCII)), end);
    }
    assertThat(Files.size(f)).isEqualTo(end + 4);
    assertThat(Files.size(src.resolve("sparse"))).isEqualTo(end + 4);
    try (FileChannel ch = FileChannel.open(f)) {
      ByteBuffer b = ByteBuffer.allocate(8);
      assertThat(ch.read(b, end - 4)).isEqualTo(8);
      assertThat(b.array()).containsExactly(0, 0, 0, 0, 't', 'a', 'i', 'l');
    }
    assertThat(Shell.sh("tail -c 4 '" + f + "'").ok().out()).isEqualTo("tail");
  }

  @Test
  void unicodeAnd255ByteNames() throws Exception {
    String unicode = "héllo wörld ☃ 日本語";
    String ascii255 = "a".repeat(255);
    String snowmen = "☃".repeat(85);
    assertThat(snowmen.getBytes(StandardCharsets.UTF_8)).hasSize(255);
    for (String name : List.of(unicode, ascii255, snowmen)) {
      Files.writeString(mnt.resolve(name), name);
    }
    try (var names = Files.list(mnt)) {
      assertThat(names.map(p -> p.getFileName().toString())).contains(unicode, ascii255, snowmen);
    }
    try (var names = Files.list(src)) {
      assertThat(names.map(p -> p.getFileName().toString())).contains(unicode, ascii255, snowmen);
    }
    assertThat(Files.readString(mnt.resolve(snowmen))).isEqualTo(snowmen);
    assertThatThrownBy(
            () ->
                Posix.open(
                    mnt.resolve("b".repeat(256)).toString(),
                    OpenFlags.O_CREAT | OpenFlags.O_WRONLY,
                    0644))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENAMETOOLONG));
  }

  @Test
  void concurrentReadersAndWriters() throws Exception {
    byte[] shared = new byte[8 << 20];
    new Random(3).nextBytes(shared);
    Files.write(src.resolve("shared"), shared);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        jobs.add(
            pool.submit(
                () -> {
                  if (id % 2 == 0) {
                    assertThat(Files.mismatch(mnt.resolve("shared"), src.resolve("shared")))
                        .isEqualTo(-1);
                  } else {
                    writeAndVerify(mnt.resolve("w" + id), id);
                  }
                  return null;
                }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (var names = Files.list(mnt)) {
      assertThat(names.filter(p -> p.getFileName().toString().startsWith("w"))).hasSize(4);
    }
  }

  private static void writeAndVerify(Path f, int seed) throws IOException {
    Random r = new Random(seed);
    byte[] data = new byte[3 << 20];
    r.nextBytes(data);
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      // Out of order chunks of varying size.
      for (int chunk = 2; chunk >= 0; chunk--) {
        ch.write(ByteBuffer.wrap(data, chunk << 20, 1 << 20), (long) chunk << 20);
      }
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
  }

  @Test
  void aFileSystemBugIsEioAndTheMountLivesOn() throws Exception {
    mount.close();
    PassthroughFs buggy =
        new PassthroughFs(src) {
          @Override
          public io.jdock.union.Attr lookup(io.jdock.union.Caller c, long parent, String name)
              throws io.jdock.union.FsException {
            if (name.equals("boom")) {
              throw new IllegalStateException("simulated bug");
            }
            return super.lookup(c, parent, name);
          }
        };
    mount = FuseMount.mount(buggy, mnt, MountOptions.defaults());
    Shell.Result r = Shell.run("stat", mnt.resolve("boom").toString());
    assertThat(r.status()).isNotZero();
    assertThat(r.err()).contains("Input/output error");
    assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("hello\n");
    assertThat(Shell.run("ls", mnt.toString()).ok().out()).contains("hello.txt");
  }

  @Test
  void negativeLookupsDoNotHideLaterCreates() throws Exception {
    assertThat(Files.exists(mnt.resolve("later"))).isFalse();
    assertThat(Files.exists(mnt.resolve("later"))).isFalse();
    Files.writeString(mnt.resolve("later"), "now");
    assertThat(Files.readString(mnt.resolve("later"))).isEqualTo("now");
    Files.delete(mnt.resolve("later"));
    assertThat(Files.exists(mnt.resolve("later"))).isFalse();
  }
}
