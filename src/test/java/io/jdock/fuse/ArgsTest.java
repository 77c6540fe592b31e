package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Each argument struct decoded from bytes laid out field by field as in fuse.h. */
class ArgsTest {
  private static final int AT = 40;

  private static ByteBuffer struct(Layout l) {
    return l.at(AT);
  }

  @Test
  void initInWithoutExtendedFlags() {
    ByteBuffer b = struct(Layout.writer().u32(7).u32(45).u32(131072).u32(0x0300_0001L));
    assertThat(Args.InitIn.decode(b, AT, 16))
        .isEqualTo(new Args.InitIn(7, 45, 131072, 0x0300_0001L));
  }

  @Test
  void initInJoinsFlags2WhenInitExtIsSet() {
    long flags = Abi.INIT_EXT | Abi.ASYNC_READ;
    ByteBuffer b = struct(Layout.writer().u32(7).u32(45).u32(65536).u32(flags).u32(0x20).skip(44));
    assertThat(Args.InitIn.decode(b, AT, 64).flags()).isEqualTo(flags | (0x20L << 32));
  }

  @Test
  void initInIgnoresFlags2WithoutInitExt() {
    ByteBuffer b = struct(Layout.writer().u32(7).u32(45).u32(65536).u32(1).u32(0x20).skip(44));
    assertThat(Args.InitIn.decode(b, AT, 64).flags()).isEqualTo(1);
  }

  @Test
  void forgetAndGetattr() {
    assertThat(Args.ForgetIn.decode(struct(Layout.writer().u64(9)), AT).nlookup()).isEqualTo(9);
    ByteBuffer g = struct(Layout.writer().u32(Abi.GETATTR_FH).u32(0).u64(77));
    assertThat(Args.GetattrIn.decode(g, AT)).isEqualTo(new Args.GetattrIn(1, 77));
  }

  @Test
  void setattrIn() {
    ByteBuffer b =
        struct(
            Layout.writer()
                .u32(0x7ff) // valid
                .u32(0) // padding
                .u64(11) // fh
                .u64(22) // size
                .u64(33) // lock_owner
                .u64(44) // atime
                .u64(55) // mtime
                .u64(66) // ctime
                .u32(7) // atimensec
                .u32(8) // mtimensec
                .u32(9) // ctimensec
                .u32(0100755) // mode
                .u32(0) // unused4
                .u32(1000) // uid
                .u32(100) // gid
                .u32(0)); // unused5
    assertThat(b.capacity()).isGreaterThanOrEqualTo(AT + 88);
    assertThat(Args.SetattrIn.decode(b, AT))
        .isEqualTo(new Args.SetattrIn(0x7ff, 11, 22, 44, 55, 7, 8, 0100755, 1000, 100));
  }

  @Test
  void mknodMkdirLinkAndCreate() {
    ByteBuffer m = struct(Layout.writer().u32(020644).u32(0x801).u32(022).u32(0));
    assertThat(Args.MknodIn.decode(m, AT)).isEqualTo(new Args.MknodIn(020644, 0x801, 022));
    ByteBuffer d = struct(Layout.writer().u32(0755).u32(027));
    assertThat(Args.MkdirIn.decode(d, AT)).isEqualTo(new Args.MkdirIn(0755, 027));
    ByteBuffer l = struct(Layout.writer().u64(1234));
    assertThat(Args.LinkIn.decode(l, AT).oldNodeId()).isEqualTo(1234);
    ByteBuffer c = struct(Layout.writer().u32(0101).u32(0100600).u32(077).u32(1));
    assertThat(Args.CreateIn.decode(c, AT)).isEqualTo(new Args.CreateIn(0101, 0100600, 077, 1));
  }

  @Test
  void renameAndRename2() {
    ByteBuffer r = struct(Layout.writer().u64(5));
    assertThat(Args.RenameIn.decode(r, AT, false)).isEqualTo(new Args.RenameIn(5, 0, 8));
    ByteBuffer r2 = struct(Layout.writer().u64(6).u32(2).u32(0));
    assertThat(Args.RenameIn.decode(r2, AT, true)).isEqualTo(new Args.RenameIn(6, 2, 16));
  }

  @Test
  void openReadWriteAndHandles() {
    ByteBuffer o = struct(Layout.writer().u32(01002).u32(1));
    assertThat(Args.OpenIn.decode(o, AT)).isEqualTo(new Args.OpenIn(01002, 1));
    ByteBuffer rd =
        struct(Layout.writer().u64(3).u64(1L << 33).u32(131072).u32(0).u64(0).u32(2).u32(0));
    assertThat(Args.ReadIn.decode(rd, AT)).isEqualTo(new Args.ReadIn(3, 1L << 33, 131072));
    ByteBuffer wr = struct(Layout.writer().u64(4).u64(99).u32(5).u32(4).u64(0).u32(0).u32(0));
    assertThat(Args.WriteIn.decode(wr, AT)).isEqualTo(new Args.WriteIn(4, 99, 5, 4));
    ByteBuffer rel = struct(Layout.writer().u64(8).u32(2).u32(1).u64(0));
    assertThat(Args.HandleIn.decode(rel, AT)).isEqualTo(new Args.HandleIn(8, 2));
  }

  @Test
  void xattrsAndFallocate() {
    assertThat(Args.GetxattrIn.decode(struct(Layout.writer().u32(64).u32(0)), AT).size())
        .isEqualTo(64);
    ByteBuffer s = struct(Layout.writer().u32(3).u32(2));
    assertThat(Args.SetxattrIn.decode(s, AT)).isEqualTo(new Args.SetxattrIn(3, 2));
    ByteBuffer f = struct(Layout.writer().u64(1).u64(4096).u64(1 << 20).u32(3).u32(0));
    assertThat(Args.FallocateIn.decode(f, AT)).isEqualTo(new Args.FallocateIn(1, 4096, 1 << 20, 3));
  }
}
