package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.OpenFlags;
import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.Errno;
import io.jdock.union.FsException;
import io.jdock.union.Opened;
import io.jdock.union.SetAttr;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileOpsTest {
  private final List<String> calls = new ArrayList<>();

  private static Layout readIn(long fh, long offset, int size) {
    return Layout.writer().u64(fh).u64(offset).u32(size).u32(0).u64(0).u32(0).u32(0);
  }

  private static Layout writeIn(long fh, long offset, int flags, byte[] data) {
    return Layout.writer()
        .u64(fh)
        .u64(offset)
        .u32(data.length)
        .u32(flags)
        .u64(0)
        .u32(0)
        .u32(0)
        .raw(data);
  }

  @Test
  void openKeepsTheCacheAndReturnsTheHandle() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public long open(Caller c, long ino, int flags) {
                calls.add("open " + ino + " " + Integer.toOctalString(flags));
                return 0xabcdef;
              }
            });
    FakeKernel.Answer a = k.call(Opcode.OPEN, 5, Layout.writer().u32(01001).u32(0));
    assertThat(a.length()).isEqualTo(16 + 16);
    Layout r = a.read();
    assertThat(r.u64()).isEqualTo(0xabcdef);
    assertThat(r.u32()).isEqualTo(Abi.FOPEN_KEEP_CACHE);
    assertThat(calls).containsExactly("open 5 1001");
  }

  /** A file whose mode the kill changes from {@code mode} to {@code killed}. */
  private StubFs suidFile(int mode, int killed, List<SetAttr> kills) {
    return new StubFs() {
      @Override
      public long open(Caller c, long ino, int flags) {
        return 3;
      }

      @Override
      public Attr getattr(long ino, long fh) {
        calls.add("getattr " + ino + " " + fh);
        return withMode(ino, mode);
      }

      @Override
      public Attr setattr(Caller c, long ino, SetAttr changes, long fh) {
        kills.add(changes);
        return withMode(ino, killed);
      }

      @Override
      public int write(Caller c, long ino, long fh, ByteBuffer src, long offset) {
        calls.add("write");
        return src.remaining();
      }
    };
  }

  private static Attr withMode(long ino, int mode) {
    Attr a = StubFs.file(ino);
    return new Attr(
        ino,
        mode,
        a.nlink(),
        a.uid(),
        a.gid(),
        a.rdev(),
        a.size(),
        a.blocks(),
        a.atimeSec(),
        a.atimeNsec(),
        a.mtimeSec(),
        a.mtimeNsec(),
        a.ctimeSec(),
        a.ctimeNsec());
  }

  @Test
  void openWithKillSuidgidClearsThemAndInvalidatesTheCachedMode() {
    List<SetAttr> kills = new ArrayList<>();
    FakeKernel k = new FakeKernel(suidFile(0104755, 0100755, kills));
    FakeKernel.Answer a =
        k.call(Opcode.OPEN, 5, Layout.writer().u32(01001).u32(Abi.OPEN_KILL_SUIDGID));
    assertThat(a.error()).isZero();
    assertThat(kills)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.killSuidGid()).isTrue();
              assertThat(s.mode()).isEmpty();
              assertThat(s.size()).isEmpty();
            });
    assertThat(a.invalidated()).hasValue(5);
    assertThat(calls).containsExactly("getattr 5 3");
  }

  @Test
  void writeWithKillSuidgidOnAPlainFileCostsOnlyAGetattr() {
    List<SetAttr> kills = new ArrayList<>();
    FakeKernel k = new FakeKernel(suidFile(0100644, 0100644, kills));
    FakeKernel.Answer a =
        k.call(Opcode.WRITE, 4, writeIn(8, 0, Abi.WRITE_KILL_SUIDGID, new byte[3]));
    assertThat(a.read().u32()).isEqualTo(3);
    assertThat(kills).isEmpty();
    assertThat(a.invalidated()).isEmpty();
    assertThat(calls).containsExactly("getattr 4 8", "write");
  }

  @Test
  void writeWithKillSuidgidOnASetuidFileKillsThenWrites() {
    List<SetAttr> kills = new ArrayList<>();
    FakeKernel k = new FakeKernel(suidFile(0106777, 0100777, kills));
    FakeKernel.Answer a =
        k.call(Opcode.WRITE, 4, writeIn(8, 0, Abi.WRITE_KILL_SUIDGID, new byte[3]));
    assertThat(kills).hasSize(1);
    assertThat(a.invalidated()).hasValue(4);
    assertThat(calls).containsExactly("getattr 4 8", "write");
  }

  @Test
  void aKillThatChangesNothingInvalidatesNothing() {
    List<SetAttr> kills = new ArrayList<>();
    // setgid without group execute is not a privilege to kill.
    FakeKernel k = new FakeKernel(suidFile(0102644, 0102644, kills));
    FakeKernel.Answer a =
        k.call(Opcode.WRITE, 4, writeIn(8, 0, Abi.WRITE_KILL_SUIDGID, new byte[3]));
    assertThat(kills).hasSize(1);
    assertThat(a.invalidated()).isEmpty();
  }

  @Test
  void aFailedKillReleasesTheHandleItOpened() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public long open(Caller c, long ino, int flags) {
                return 3;
              }

              @Override
              public Attr getattr(long ino, long fh) {
                return withMode(ino, 0104755);
              }

              @Override
              public Attr setattr(Caller c, long ino, SetAttr changes, long fh) throws FsException {
                throw new FsException(Errno.EPERM);
              }

              @Override
              public void release(long ino, long fh) {
                calls.add("release " + fh);
              }
            });
    FakeKernel.Answer a = k.call(Opcode.OPEN, 5, Layout.writer().u32(1).u32(Abi.OPEN_KILL_SUIDGID));
    assertThat(a.error()).isEqualTo(-1);
    assertThat(calls).containsExactly("release 3");
  }

  @ParameterizedTest
  @CsvSource({"false, 2001, 2001", "true, 2001, 2", "true, 0, 0", "true, 1, 2", "false, 1, 1"})
  void writebackCacheOpensReadWriteWithoutAppend(boolean writeback, String in, String expected) {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public long open(Caller c, long ino, int flags) {
                calls.add(Integer.toOctalString(flags));
                return 1;
              }
            },
            writeback);
    long everything = 0xffff_ffffL & ~Abi.INIT_EXT;
    k.call(Opcode.INIT, 0, Layout.writer().u32(7).u32(45).u32(0).u32(everything));
    k.call(Opcode.OPEN, 5, Layout.writer().u32(Integer.parseInt(in, 8)).u32(0));
    assertThat(calls).containsExactly(expected);
    assertThat(OpenFlags.O_APPEND).isEqualTo(02000);
  }

  @Test
  void createRepliesEntryThenOpenOut() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Opened create(
                  Caller c, long parent, String name, int mode, int umask, int flags) {
                calls.add(
                    parent
                        + " "
                        + name
                        + " "
                        + Integer.toOctalString(mode)
                        + " "
                        + Integer.toOctalString(umask)
                        + " "
                        + Integer.toOctalString(flags));
                return new Opened(file(30), 99);
              }
            });
    FakeKernel.Answer a =
        k.call(Opcode.CREATE, 2, Layout.writer().u32(0101).u32(0100666).u32(022).u32(0).str("f"));
    assertThat(a.length()).isEqualTo(16 + 128 + 16);
    assertThat(a.read().u64()).isEqualTo(30);
    Layout open = Layout.reader(a.payload(), 128);
    assertThat(open.u64()).isEqualTo(99);
    assertThat(open.u32()).isEqualTo(Abi.FOPEN_KEEP_CACHE);
    assertThat(calls).containsExactly("2 f 100666 22 101");
  }

  @Test
  void readRepliesWhatOneCallOfTheFileSystemReadAndAShortReadIsTheEnd() {
    // The FileSystem fills the buffer unless the file ends first (FileSystem.read), so the
    // adapter asks once: a second call just to learn about the end would cost a syscall.
    byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public int read(long ino, long fh, ByteBuffer dst, long offset) {
                calls.add("read@" + offset + "+" + dst.remaining());
                int n = (int) Math.min(dst.remaining(), Math.max(0, content.length - offset));
                dst.put(content, (int) offset, n);
                return n;
              }
            });
    FakeKernel.Answer full = k.call(Opcode.READ, 4, readIn(1, 2, 10));
    assertThat(full.read().str(full.length() - 16)).isEqualTo("23456789ab");
    assertThat(calls).containsExactly("read@2+10");
    calls.clear();
    FakeKernel.Answer tail = k.call(Opcode.READ, 4, readIn(1, 15, 4096));
    assertThat(tail.read().str(tail.length() - 16)).isEqualTo("fghij");
    assertThat(calls).containsExactly("read@15+4096");
  }

  @Test
  void writeHandsTheDataOverAndRepliesTheCount() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public int write(Caller c, long ino, long fh, ByteBuffer src, long offset) {
                byte[] b = new byte[src.remaining()];
                src.get(b);
                calls.add(fh + "@" + offset + ":" + new String(b, StandardCharsets.UTF_8));
                return b.length;
              }
            });
    FakeKernel.Answer a = k.call(Opcode.WRITE, 4, writeIn(8, 1L << 32, 0, "hello".getBytes()));
    assertThat(a.length()).isEqualTo(16 + 8);
    assertThat(a.read().u32()).isEqualTo(5);
    k.call(Opcode.WRITE, 4, writeIn(8, 0, 0, "x".getBytes()));
    assertThat(calls).containsExactly("8@4294967296:hello", "8@0:x");
  }

  @Test
  void writeDataLongerThanTheRequestIsRefused() {
    FakeKernel k = new FakeKernel(new StubFs());
    Layout lying =
        Layout.writer().u64(1).u64(0).u32(1000).u32(0).u64(0).u32(0).u32(0).raw(new byte[10]);
    assertThat(k.call(Opcode.WRITE, 4, lying).error()).isEqualTo(-5);
  }

  @Test
  void flushReleaseFsyncAndFallocate() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public void flush(long ino, long fh) {
                calls.add("flush " + fh);
              }

              @Override
              public void release(long ino, long fh) {
                calls.add("release " + fh);
              }

              @Override
              public void fsync(long ino, long fh, boolean datasync) {
                calls.add("fsync " + fh + " " + datasync);
              }

              @Override
              public void fallocate(long ino, long fh, int mode, long off, long len) {
                calls.add("fallocate " + fh + " " + mode + " " + off + " " + len);
              }
            });
    k.call(Opcode.FLUSH, 4, Layout.writer().u64(1).u32(0).u32(0).u64(0));
    k.call(Opcode.RELEASE, 4, Layout.writer().u64(2).u32(0).u32(0).u64(0));
    k.call(Opcode.FSYNC, 4, Layout.writer().u64(3).u32(1).u32(0));
    k.call(Opcode.FSYNC, 4, Layout.writer().u64(3).u32(0).u32(0));
    k.call(Opcode.FALLOCATE, 4, Layout.writer().u64(5).u64(10).u64(20).u32(1).u32(0));
    assertThat(calls)
        .containsExactly(
            "flush 1", "release 2", "fsync 3 true", "fsync 3 false", "fallocate 5 1 10 20");
  }
}
