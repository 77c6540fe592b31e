package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.FileMode;
import io.jdock.union.Attr;
import io.jdock.union.FsStats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each reply struct encoded, then read back field by field as fuse.h declares it. */
class RepliesTest {
  private static final int AT = 16;
  private static final Attr ATTR =
      new Attr(
          42,
          0100640,
          3,
          1000,
          100,
          FileMode.makedev(8, 1),
          5_000_000_000L,
          9_765_632,
          1_700_000_001,
          1,
          1_700_000_002,
          2,
          1_700_000_003,
          3);

  /** A buffer full of 0xff, to prove every byte of a struct is written. */
  private static ByteBuffer dirty() {
    ByteBuffer b = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, (byte) 0xff);
    }
    return b;
  }

  private static void assertAttr(Layout r, Attr a) {
    assertThat(r.u64()).isEqualTo(a.ino());
    assertThat(r.u64()).isEqualTo(a.size());
    assertThat(r.u64()).isEqualTo(a.blocks());
    assertThat(r.u64()).isEqualTo(a.atimeSec());
    assertThat(r.u64()).isEqualTo(a.mtimeSec());
    assertThat(r.u64()).isEqualTo(a.ctimeSec());
    assertThat(r.u32()).isEqualTo(a.atimeNsec());
    assertThat(r.u32()).isEqualTo(a.mtimeNsec());
    assertThat(r.u32()).isEqualTo(a.ctimeNsec());
    assertThat(r.u32()).isEqualTo(a.mode());
    assertThat(r.u32()).isEqualTo(a.nlink());
    assertThat(r.u32()).isEqualTo(a.uid());
    assertThat(r.u32()).isEqualTo(a.gid());
    assertThat(r.u32()).isEqualTo(0x801); // new_encode_dev(8, 1)
    assertThat(r.u32()).isEqualTo(Attr.BLKSIZE);
    assertThat(r.u32()).as("fuse_attr.flags").isZero();
  }

  @Test
  void attrIs88Bytes() {
    ByteBuffer b = dirty();
    assertThat(Replies.attr(b, AT, ATTR)).isEqualTo(88);
    assertAttr(Layout.reader(b, AT), ATTR);
    assertThat(b.get(AT + 88)).isEqualTo((byte) 0xff);
  }

  @Test
  void entryOutCarriesNodeIdAndLongTimeouts() {
    ByteBuffer b = dirty();
    assertThat(Replies.entry(b, AT, ATTR)).isEqualTo(128);
    Layout r = Layout.reader(b, AT);
    assertThat(r.u64()).as("nodeid").isEqualTo(42);
    assertThat(r.u64()).as("generation").isZero();
    assertThat(r.u64()).as("entry_valid").isEqualTo(Replies.FOREVER_SECONDS);
    assertThat(r.u64()).as("attr_valid").isEqualTo(Replies.FOREVER_SECONDS);
    assertThat(r.u32()).isZero();
    assertThat(r.u32()).isZero();
    assertAttr(r, ATTR);
  }

  @ParameterizedTest
  @CsvSource({"true, 1000000000", "false, 0"})
  void noEntryHasNodeIdZero(boolean cached, long entryValid) {
    ByteBuffer b = dirty();
    assertThat(Replies.noEntry(b, AT, cached)).isEqualTo(128);
    Layout r = Layout.reader(b, AT);
    assertThat(r.u64()).isZero();
    assertThat(r.u64()).isZero();
    assertThat(r.u64()).isEqualTo(entryValid);
    for (int i = 24; i < 128; i += 8) {
      assertThat(r.u64()).as("byte %d", i).isZero();
    }
  }

  @Test
  void attrOutIs104Bytes() {
    ByteBuffer b = dirty();
    assertThat(Replies.attrOut(b, AT, ATTR)).isEqualTo(104);
    Layout r = Layout.reader(b, AT);
    assertThat(r.u64()).isEqualTo(Replies.FOREVER_SECONDS);
    assertThat(r.u32()).isZero();
    assertThat(r.u32()).isZero();
    assertAttr(r, ATTR);
  }

  @Test
  void openOutAndSizeOut() {
    ByteBuffer b = dirty();
    assertThat(Replies.openOut(b, AT, 0x1_0000_0001L, Abi.FOPEN_KEEP_CACHE)).isEqualTo(16);
    Layout r = Layout.reader(b, AT);
    assertThat(r.u64()).isEqualTo(0x1_0000_0001L);
    assertThat(r.u32()).isEqualTo(2);
    assertThat(r.u32()).as("backing_id").isZero();
    assertThat(Replies.size(b, AT, 77)).isEqualTo(8);
    assertThat(Layout.reader(b, AT).u32()).isEqualTo(77);
    assertThat(Layout.reader(b, AT + 4).u32()).isZero();
  }

  @Test
  void statfsOutIs80Bytes() {
    ByteBuffer b = dirty();
    FsStats s = new FsStats(1, 2, 3, 4, 5, 4096, 255, 512);
    assertThat(Replies.statfs(b, AT, s)).isEqualTo(80);
    Layout r = Layout.reader(b, AT);
    assertThat(new long[] {r.u64(), r.u64(), r.u64(), r.u64(), r.u64()})
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(new long[] {r.u32(), r.u32(), r.u32(), r.u32()}).containsExactly(4096, 255, 512, 0);
    for (int i = 0; i < 6; i++) {
      assertThat(r.u32()).as("spare").isZero();
    }
  }

  @Test
  void direntIsPaddedTo8BytesWithZeros() {
    ByteBuffer b = dirty();
    byte[] name = "hello".getBytes();
    assertThat(Replies.dirent(b, AT, 7, 3, FileMode.S_IFLNK, name)).isEqualTo(32);
    Layout r = Layout.reader(b, AT);
    assertThat(r.u64()).isEqualTo(7);
    assertThat(r.u64()).isEqualTo(3);
    assertThat(r.u32()).isEqualTo(5);
    assertThat(r.u32()).as("DT_LNK").isEqualTo(10);
    assertThat(r.str(5)).isEqualTo("hello");
    assertThat(new byte[] {b.get(AT + 29), b.get(AT + 30), b.get(AT + 31)}).containsOnly(0);
  }

  @Test
  void invalidateInodeNotification() {
    ByteBuffer b = dirty();
    assertThat(Replies.invalidateInode(b, 99)).isEqualTo(40);
    Layout r = Layout.reader(b, 0);
    assertThat(r.u32()).as("len").isEqualTo(40);
    assertThat(r.s32()).as("notify code").isEqualTo(2);
    assertThat(r.u64()).as("unique").isZero();
    assertThat(r.u64()).as("ino").isEqualTo(99);
    assertThat(r.u64()).as("off: attributes only").isEqualTo(-1);
    assertThat(r.u64()).as("len").isZero();
  }

  @ParameterizedTest
  @CsvSource({"0, 0, 0", "8, 1, 2049", "1, 3, 259", "259, 70000, 286327664"})
  void devicesUseTheKernelsNewEncoding(long major, long minor, long encoded) {
    long dev = FileMode.makedev(major, minor);
    assertThat(Integer.toUnsignedLong(Replies.encodeDev(dev))).isEqualTo(encoded);
    assertThat(Replies.decodeDev((int) encoded)).isEqualTo(dev);
  }
}
