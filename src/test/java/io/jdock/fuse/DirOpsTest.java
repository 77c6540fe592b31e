package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.FileMode;
import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.DirEntry;
import io.jdock.union.Errno;
import io.jdock.union.FsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirOpsTest {
  private static final List<DirEntry> LISTING =
      List.of(
          new DirEntry(".", 1, FileMode.S_IFDIR),
          new DirEntry("..", 1, FileMode.S_IFDIR),
          new DirEntry("a", 10, FileMode.S_IFREG),
          new DirEntry("gone", 11, FileMode.S_IFREG),
          new DirEntry("b".repeat(255), 12, FileMode.S_IFDIR),
          new DirEntry("c", 13, FileMode.S_IFLNK));

  private final List<String> lookups = new ArrayList<>();

  private final StubFs fs =
      new StubFs() {
        @Override
        public long opendir(Caller c, long ino) {
          return 500;
        }

        @Override
        public List<DirEntry> readdir(long ino, long dh) throws FsException {
          if (dh != 500) {
            throw new FsException(Errno.EBADF);
          }
          return LISTING;
        }

        @Override
        public Attr lookup(Caller c, long parent, String name) throws FsException {
          lookups.add(name);
          if (name.equals("gone")) {
            throw new FsException(Errno.ENOENT);
          }
          return file(
              LISTING.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().ino());
        }
      };

  private static Layout readIn(long offset, int size) {
    return Layout.writer().u64(500).u64(offset).u32(size).u32(0).u64(0).u32(0).u32(0);
  }

  /** name, ino, off, type of each fuse_dirent in a READDIR reply. */
  private static List<String> dirents(FakeKernel.Answer a, boolean plus) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < a.length() - 16) {
      Layout r = Layout.reader(a.payload(), at + (plus ? 128 : 0));
      long ino = r.u64();
      long off = r.u64();
      int len = (int) r.u32();
      long type = r.u32();
      String name = r.str(len);
      out.add(
          (name.length() > 10 ? name.length() + "b" : name) + " " + ino + " " + off + " " + type);
      at += (plus ? 128 : 0) + Abi.align8(24 + len);
    }
    return out;
  }

  @Test
  void opendirAllowsCachingTheListing() {
    FakeKernel.Answer a = new FakeKernel(fs).call(Opcode.OPENDIR, 1, Layout.writer().u32(0).u32(0));
    Layout r = a.read();
    assertThat(r.u64()).isEqualTo(500);
    assertThat(r.u32()).isEqualTo(Abi.FOPEN_CACHE_DIR | Abi.FOPEN_KEEP_CACHE);
  }

  @Test
  void readdirGivesEntryIOffsetIPlusOne() {
    FakeKernel.Answer a = new FakeKernel(fs).call(Opcode.READDIR, 1, readIn(0, 4096));
    assertThat(dirents(a, false))
        .containsExactly(
            ". 1 1 4", ".. 1 2 4", "a 10 3 8", "gone 11 4 8", "255b 12 5 4", "c 13 6 10");
  }

  @Test
  void readdirStopsWhenFullAndResumesAtTheOffset() {
    FakeKernel k = new FakeKernel(fs);
    // ".", ".." and "a" take 32 bytes each; "gone" does not fit in 100.
    FakeKernel.Answer first = k.call(Opcode.READDIR, 1, readIn(0, 100));
    assertThat(dirents(first, false))
        .extracting(s -> s.split(" ")[0])
        .containsExactly(".", "..", "a");
    FakeKernel.Answer rest = k.call(Opcode.READDIR, 1, readIn(3, 4096));
    assertThat(dirents(rest, false))
        .extracting(s -> s.split(" ")[0])
        .containsExactly("gone", "255b", "c");
    assertThat(k.call(Opcode.READDIR, 1, readIn(6, 4096)).length()).as("end").isEqualTo(16);
    assertThat(k.call(Opcode.READDIR, 1, readIn(1L << 40, 4096)).length()).isEqualTo(16);
    assertThat(k.call(Opcode.READDIR, 1, readIn(-1, 4096)).length()).as("2^64-1").isEqualTo(16);
  }

  @Test
  void readdirplusLooksUpOnlyWhatItEmits() {
    FakeKernel k = new FakeKernel(fs);
    // Each entry is 128 + 32 bytes; 400 bytes hold two.
    FakeKernel.Answer a = k.call(Opcode.READDIRPLUS, 1, readIn(1, 400));
    assertThat(dirents(a, true)).containsExactly(".. 1 2 4", "a 10 3 8");
    assertThat(lookups).containsExactly("a");
    Layout dotdot = Layout.reader(a.payload(), 0);
    assertThat(dotdot.u64()).as(".. has no entry").isZero();
    Layout entryA = Layout.reader(a.payload(), 160);
    assertThat(entryA.u64()).isEqualTo(10);
  }

  @Test
  void readdirplusListsAFailedLookupWithNodeIdZero() {
    FakeKernel k = new FakeKernel(fs);
    FakeKernel.Answer a = k.call(Opcode.READDIRPLUS, 1, readIn(3, 1 << 16));
    assertThat(dirents(a, true))
        .extracting(s -> s.split(" ")[0])
        .containsExactly("gone", "255b", "c");
    assertThat(lookups).containsExactly("gone", "b".repeat(255), "c");
    assertThat(Layout.reader(a.payload(), 0).u64()).as("gone").isZero();
    assertThat(Layout.reader(a.payload(), 0).skip(16).u64()).as("not cached").isZero();
  }

  @Test
  void aBadHandleIsAnError() {
    FakeKernel.Answer a =
        new FakeKernel(fs)
            .call(
                Opcode.READDIR,
                1,
                Layout.writer().u64(7).u64(0).u32(4096).u32(0).u64(0).u32(0).u32(0));
    assertThat(a.error()).isEqualTo(-9);
  }

  @Test
  void fsyncdirSucceedsAndReleasedirReleases() {
    List<Long> released = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public void releasedir(long ino, long dh) {
                released.add(dh);
              }
            });
    assertThat(k.call(Opcode.FSYNCDIR, 1, Layout.writer().u64(5).u32(0).u32(0)).error()).isZero();
    assertThat(k.call(Opcode.RELEASEDIR, 1, Layout.writer().u64(5).u32(0).u32(0).u64(0)).error())
        .isZero();
    assertThat(released).containsExactly(5L);
  }
}
