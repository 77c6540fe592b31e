package io.jdock.fuse;

import static io.jdock.fuse.Reply.PAYLOAD;

import io.jdock.union.Attr;
import io.jdock.union.Errno;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.SetAttr;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The requests about names and inodes: LOOKUP, GETATTR, SETATTR, READLINK, MKNOD, MKDIR, SYMLINK,
 * UNLINK, RMDIR, RENAME(2), LINK and STATFS. Each decodes its arguments, calls the {@link
 * FileSystem} and encodes the reply payload into {@code out}, returning its length.
 */
final class NodeOps {
  private final FileSystem fs;

  NodeOps(FileSystem fs) {
    this.fs = fs;
  }

  /** A missing name becomes a negative entry (nodeid 0), which the kernel caches like a name. */
  int lookup(Request r, ByteBuffer out) throws FsException {
    String name = r.string(Request.args());
    Attr attr;
    try {
      attr = fs.lookup(r.caller(), r.nodeId(), name);
    } catch (FsException e) {
      if (e.errno() == Errno.ENOENT) {
        return Replies.noEntry(out, PAYLOAD, true);
      }
      throw e;
    }
    return Replies.entry(out, PAYLOAD, attr);
  }

  int getattr(Request r, ByteBuffer out) throws FsException {
    Args.GetattrIn in = Args.GetattrIn.decode(r.buffer(), Request.args());
    long fh = (in.flags() & Abi.GETATTR_FH) != 0 ? in.fh() : -1;
    return Replies.attrOut(out, PAYLOAD, fs.getattr(r.nodeId(), fh));
  }

  int setattr(Request r, ByteBuffer out) throws FsException {
    Args.SetattrIn in = Args.SetattrIn.decode(r.buffer(), Request.args());
    long fh = (in.valid() & Abi.FATTR_FH) != 0 ? in.fh() : -1;
    Attr attr = fs.setattr(r.caller(), r.nodeId(), changes(in), fh);
    return Replies.attrOut(out, PAYLOAD, attr);
  }

  /**
   * The SetAttr of a fuse_setattr_in. For "now" the kernel also sends the current time, so both the
   * time and the flag are passed on. The mode keeps only the permission bits.
   */
  static SetAttr changes(Args.SetattrIn in) {
    int v = in.valid();
    return new SetAttr(
        has(v, Abi.FATTR_MODE) ? OptionalInt.of(in.mode() & 07777) : OptionalInt.empty(),
        has(v, Abi.FATTR_UID) ? OptionalInt.of(in.uid()) : OptionalInt.empty(),
        has(v, Abi.FATTR_GID) ? OptionalInt.of(in.gid()) : OptionalInt.empty(),
        has(v, Abi.FATTR_SIZE) ? OptionalLong.of(in.size()) : OptionalLong.empty(),
        has(v, Abi.FATTR_ATIME) ? OptionalLong.of(in.atime()) : OptionalLong.empty(),
        has(v, Abi.FATTR_ATIME) ? in.atimeNsec() : 0,
        has(v, Abi.FATTR_ATIME_NOW),
        has(v, Abi.FATTR_MTIME) ? OptionalLong.of(in.mtime()) : OptionalLong.empty(),
        has(v, Abi.FATTR_MTIME) ? in.mtimeNsec() : 0,
        has(v, Abi.FATTR_MTIME_NOW),
        has(v, Abi.FATTR_KILL_SUIDGID));
  }

  int readlink(Request r, ByteBuffer out) throws FsException {
    byte[] target = fs.readlink(r.nodeId()).getBytes(StandardCharsets.UTF_8);
    out.put(PAYLOAD, target);
    return target.length;
  }

  int mknod(Request r, ByteBuffer out) throws FsException {
    Args.MknodIn in = Args.MknodIn.decode(r.buffer(), Request.args());
    String name = r.string(Request.args() + Args.MknodIn.SIZE);
    long rdev = Replies.decodeDev(in.rdev());
    Attr attr = fs.mknod(r.caller(), r.nodeId(), name, in.mode(), rdev, in.umask());
    return Replies.entry(out, PAYLOAD, attr);
  }

  int mkdir(Request r, ByteBuffer out) throws FsException {
    Args.MkdirIn in = Args.MkdirIn.decode(r.buffer(), Request.args());
    String name = r.string(Request.args() + Args.MkdirIn.SIZE);
    Attr attr = fs.mkdir(r.caller(), r.nodeId(), name, in.mode(), in.umask());
    return Replies.entry(out, PAYLOAD, attr);
  }

  /** SYMLINK carries the new name first, then the link's target. */
  int symlink(Request r, ByteBuffer out) throws FsException {
    int at = Request.args();
    String name = r.string(at);
    String target = r.string(r.afterString(at));
    return Replies.entry(out, PAYLOAD, fs.symlink(r.caller(), r.nodeId(), name, target));
  }

  int unlink(Request r) throws FsException {
    fs.unlink(r.caller(), r.nodeId(), r.string(Request.args()));
    return 0;
  }

  int rmdir(Request r) throws FsException {
    fs.rmdir(r.caller(), r.nodeId(), r.string(Request.args()));
    return 0;
  }

  int rename(Request r, boolean rename2) throws FsException {
    Args.RenameIn in = Args.RenameIn.decode(r.buffer(), Request.args(), rename2);
    int at = Request.args() + in.size();
    String name = r.string(at);
    String newName = r.string(r.afterString(at));
    fs.rename(r.caller(), r.nodeId(), name, in.newDir(), newName, in.flags());
    return 0;
  }

  /** LINK is sent to the new parent; the existing inode is in the argument. */
  int link(Request r, ByteBuffer out) throws FsException {
    Args.LinkIn in = Args.LinkIn.decode(r.buffer(), Request.args());
    String newName = r.string(Request.args() + Args.LinkIn.SIZE);
    return Replies.entry(out, PAYLOAD, fs.link(r.caller(), in.oldNodeId(), r.nodeId(), newName));
  }

  int statfs(Request r, ByteBuffer out) throws FsException {
    return Replies.statfs(out, PAYLOAD, fs.statfs(r.nodeId()));
  }

  private static boolean has(int valid, int bit) {
    return (valid & bit) != 0;
  }
}
