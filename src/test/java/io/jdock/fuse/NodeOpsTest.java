package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.FileMode;
import io.jdock.union.Attr;
import io.jdock.union.Caller;
import io.jdock.union.Errno;
import io.jdock.union.FsException;
import io.jdock.union.FsStats;
import io.jdock.union.SetAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NodeOpsTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void lookupRepliesWithAnEntryWhoseNodeIdIsTheInode() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr lookup(Caller c, long parent, String name) {
                calls.add(parent + "/" + name);
                return file(77);
              }
            });
    FakeKernel.Answer a = k.call(Opcode.LOOKUP, 3, Layout.writer().str("née ☃"));
    assertThat(a.length()).isEqualTo(16 + 128);
    assertThat(a.read().u64()).isEqualTo(77);
    assertThat(calls).containsExactly("3/née ☃");
  }

  @Test
  void aMissingNameIsANegativeEntryCachedForever() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr lookup(Caller c, long parent, String name) throws FsException {
                throw new FsException(Errno.ENOENT);
              }
            });
    FakeKernel.Answer a = k.call(Opcode.LOOKUP, 1, Layout.writer().str("missing"));
    assertThat(a.error()).isZero();
    Layout r = a.read();
    assertThat(r.u64()).as("nodeid").isZero();
    assertThat(r.u64()).isZero();
    assertThat(r.u64()).as("entry_valid").isEqualTo(Replies.FOREVER_SECONDS);
  }

  @Test
  void otherLookupErrorsStayErrors() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr lookup(Caller c, long parent, String name) throws FsException {
                throw new FsException(Errno.ENOTDIR);
              }
            });
    assertThat(k.call(Opcode.LOOKUP, 1, Layout.writer().str("x")).error()).isEqualTo(-20);
  }

  @Test
  void getattrPassesTheHandleOnlyWhenFlagged() {
    List<Long> handles = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr getattr(long ino, long fh) {
                handles.add(fh);
                return file(ino);
              }
            });
    k.call(Opcode.GETATTR, 2, Layout.writer().u32(0).u32(0).u64(55));
    k.call(Opcode.GETATTR, 2, Layout.writer().u32(Abi.GETATTR_FH).u32(0).u64(55));
    assertThat(handles).containsExactly(-1L, 55L);
  }

  @Test
  void setattrMapsValidBitsToSetAttr() {
    List<SetAttr> seen = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr setattr(Caller c, long ino, SetAttr changes, long fh) {
                seen.add(changes);
                handles.add(fh);
                return file(ino);
              }
            });
    int valid =
        Abi.FATTR_MODE
            | Abi.FATTR_SIZE
            | Abi.FATTR_ATIME
            | Abi.FATTR_ATIME_NOW
            | Abi.FATTR_MTIME
            | Abi.FATTR_FH
            | Abi.FATTR_KILL_SUIDGID;
    FakeKernel.Answer a = k.call(Opcode.SETATTR, 4, setattr(valid, 9, 100, 1500, 2500, 06755));
    assertThat(a.length()).isEqualTo(16 + 104);
    assertThat(seen)
        .containsExactly(
            new SetAttr(
                OptionalInt.of(06755),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalLong.of(100),
                OptionalLong.of(1500),
                7,
                true,
                OptionalLong.of(2500),
                8,
                false,
                true));
    assertThat(handles).containsExactly(9L);
  }

  @Test
  void setattrOfOwnerOnly() {
    List<SetAttr> seen = new ArrayList<>();
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr setattr(Caller c, long ino, SetAttr changes, long fh) {
                seen.add(changes);
                return file(ino);
              }
            });
    k.call(Opcode.SETATTR, 4, setattr(Abi.FATTR_UID | Abi.FATTR_GID, 0, 0, 0, 0, 0));
    assertThat(seen).containsExactly(SetAttr.none().withOwner(1000, 100));
  }

  private static Layout setattr(int valid, long fh, long size, long atime, long mtime, int mode) {
    return Layout.writer()
        .u32(valid)
        .u32(0)
        .u64(fh)
        .u64(size)
        .u64(0)
        .u64(atime)
        .u64(mtime)
        .u64(0)
        .u32(7)
        .u32(8)
        .u32(0)
        .u32(mode)
        .u32(0)
        .u32(1000)
        .u32(100)
        .u32(0);
  }

  @Test
  void readlinkRepliesWithTheTargetWithoutNul() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public String readlink(long ino) {
                return "../usr/lib/ü";
              }
            });
    FakeKernel.Answer a = k.call(Opcode.READLINK, 3);
    assertThat(a.length()).isEqualTo(16 + "../usr/lib/ü".getBytes().length);
    assertThat(a.read().str(a.length() - 16)).isEqualTo("../usr/lib/ü");
  }

  @Test
  void mknodDecodesModeDeviceAndUmask() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr mknod(Caller c, long parent, String name, int mode, long rdev, int um) {
                calls.add(
                    name
                        + " "
                        + Integer.toOctalString(mode)
                        + " "
                        + FileMode.major(rdev)
                        + ":"
                        + FileMode.minor(rdev)
                        + " "
                        + Integer.toOctalString(um));
                return file(9);
              }
            });
    Layout in =
        Layout.writer()
            .u32(020620)
            .u32(Replies.encodeDev(FileMode.makedev(4, 1)))
            .u32(022)
            .u32(0)
            .str("tty1");
    assertThat(k.call(Opcode.MKNOD, 1, in).length()).isEqualTo(16 + 128);
    assertThat(calls).containsExactly("tty1 20620 4:1 22");
  }

  @Test
  void mkdirSymlinkLinkAndUnlinkDecodeTheirNames() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public Attr mkdir(Caller c, long parent, String name, int mode, int umask) {
                calls.add(
                    "mkdir "
                        + parent
                        + " "
                        + name
                        + " "
                        + Integer.toOctalString(mode)
                        + " "
                        + Integer.toOctalString(umask));
                return file(20);
              }

              @Override
              public Attr symlink(Caller c, long parent, String name, String target) {
                calls.add("symlink " + parent + " " + name + " -> " + target);
                return file(21);
              }

              @Override
              public Attr link(Caller c, long ino, long newParent, String newName) {
                calls.add("link " + ino + " " + newParent + " " + newName);
                return file(ino);
              }

              @Override
              public void rmdir(Caller c, long parent, String name) {
                calls.add("rmdir " + parent + " " + name);
              }
            });
    assertThat(k.call(Opcode.MKDIR, 2, Layout.writer().u32(0777).u32(022).str("d")).error())
        .isZero();
    assertThat(k.call(Opcode.SYMLINK, 2, Layout.writer().str("l").str("/etc/passwd")).error())
        .isZero();
    FakeKernel.Answer link = k.call(Opcode.LINK, 3, Layout.writer().u64(21).str("hard"));
    assertThat(link.read().u64()).isEqualTo(21);
    assertThat(k.call(Opcode.RMDIR, 2, Layout.writer().str("d")).length()).isEqualTo(16);
    assertThat(calls)
        .containsExactly(
            "mkdir 2 d 777 22", "symlink 2 l -> /etc/passwd", "link 21 3 hard", "rmdir 2 d");
  }

  @Test
  void renameAndRename2() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public void rename(Caller c, long p, String n, long np, String nn, int flags) {
                calls.add(p + "/" + n + " " + np + "/" + nn + " " + flags);
              }
            });
    k.call(Opcode.RENAME, 2, Layout.writer().u64(3).str("a").str("b"));
    k.call(Opcode.RENAME2, 4, Layout.writer().u64(5).u32(2).u32(0).str("c").str("d"));
    assertThat(calls).containsExactly("2/a 3/b 0", "4/c 5/d 2");
  }

  @Test
  void statfsRepliesWithKstatfs() {
    FakeKernel k =
        new FakeKernel(
            new StubFs() {
              @Override
              public FsStats statfs(long ino) {
                return new FsStats(100, 50, 40, 1000, 900, 4096, 255, 4096);
              }
            });
    FakeKernel.Answer a = k.call(Opcode.STATFS, 1);
    assertThat(a.length()).isEqualTo(16 + 80);
    assertThat(a.read().u64()).isEqualTo(100);
  }
}
