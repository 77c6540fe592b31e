package io.jdock.fuse;

import static io.jdock.fuse.Reply.PAYLOAD;

import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.union.Attr;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.Opened;
import io.jdock.union.SetAttr;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The requests on open files: OPEN, CREATE, READ, WRITE, FLUSH, RELEASE, FSYNC and FALLOCATE. READ
 * lets the file system fill the reply buffer in place and WRITE hands it the request buffer, so
 * file data is never copied in Java.
 */
final class FileOps {
  /** Keep the page cache across opens: the file only changes through this mount. */
  private static final int OPEN_FLAGS = Abi.FOPEN_KEEP_CACHE;

  /** A setattr that only clears setuid, and setgid where group-executable (HANDLE_KILLPRIV_V2). */
  private static final SetAttr KILL_SUIDGID =
      new SetAttr(
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          0,
          false,
          OptionalLong.empty(),
          0,
          false,
          true);

  private final FileSystem fs;
  private volatile boolean writebackCache;

  FileOps(FileSystem fs) {
    this.fs = fs;
  }

  /** Set after INIT granted WRITEBACK_CACHE. */
  void writebackCache(boolean on) {
    writebackCache = on;
  }

  int open(Request r, Reply reply) throws FsException {
    Args.OpenIn in = Args.OpenIn.decode(r.buffer(), Request.args());
    long fh = fs.open(r.caller(), r.nodeId(), fileFlags(in.flags()));
    if ((in.openFlags() & Abi.OPEN_KILL_SUIDGID) != 0) {
      try {
        killSuidGid(r, reply, fh);
      } catch (FsException | RuntimeException e) {
        fs.release(r.nodeId(), fh);
        throw e;
      }
    }
    return Replies.openOut(reply.buffer(), PAYLOAD, fh, OPEN_FLAGS);
  }

  int create(Request r, ByteBuffer out) throws FsException {
    Args.CreateIn in = Args.CreateIn.decode(r.buffer(), Request.args());
    String name = r.string(Request.args() + Args.CreateIn.SIZE);
    int flags = fileFlags(in.flags());
    Opened opened = fs.create(r.caller(), r.nodeId(), name, in.mode(), in.umask(), flags);
    int n = Replies.entry(out, PAYLOAD, opened.attr());
    return n + Replies.openOut(out, PAYLOAD + n, opened.fh(), OPEN_FLAGS);
  }

  /**
   * Fills the reply with up to the requested size. A short reply means end of file to the kernel,
   * so the file system is called until the buffer is full or it returns nothing.
   */
  int read(Request r, Reply reply) throws FsException {
    Args.ReadIn in = Args.ReadIn.decode(r.buffer(), Request.args());
    ByteBuffer dst = reply.payload(in.size());
    fs.read(r.nodeId(), in.fh(), dst, in.offset()); // fills dst unless the file ends first
    return dst.position();
  }

  /**
   * With HANDLE_KILLPRIV_V2 the kernel asks to clear setuid/setgid when a writer lacks CAP_FSETID.
   */
  int write(Request r, Reply reply) throws FsException {
    Args.WriteIn in = Args.WriteIn.decode(r.buffer(), Request.args());
    if ((in.writeFlags() & Abi.WRITE_KILL_SUIDGID) != 0) {
      killSuidGid(r, reply, in.fh());
    }
    ByteBuffer data = r.writeData(in.size());
    int written = fs.write(r.caller(), r.nodeId(), in.fh(), data, in.offset());
    return Replies.size(reply.buffer(), PAYLOAD, written);
  }

  /**
   * Clears setuid/setgid as HANDLE_KILLPRIV_V2 asks. The kernel sends the request for every write
   * by a caller without CAP_FSETID, so files without those bits cost one getattr. The kernel keeps
   * the mode it cached (it only refreshes size and times after a write or O_TRUNC open), so a
   * change is followed by an invalidation of the inode's attributes.
   */
  private void killSuidGid(Request r, Reply reply, long fh) throws FsException {
    Attr before = fs.getattr(r.nodeId(), fh);
    if ((before.mode() & (FileMode.S_ISUID | FileMode.S_ISGID)) == 0) {
      return;
    }
    Attr after = fs.setattr(r.caller(), r.nodeId(), KILL_SUIDGID, fh);
    if (after.mode() != before.mode()) {
      reply.invalidateAttributes(r.nodeId());
    }
  }

  int flush(Request r) throws FsException {
    fs.flush(r.nodeId(), Args.HandleIn.decode(r.buffer(), Request.args()).fh());
    return 0;
  }

  int release(Request r) throws FsException {
    fs.release(r.nodeId(), Args.HandleIn.decode(r.buffer(), Request.args()).fh());
    return 0;
  }

  int fsync(Request r) throws FsException {
    Args.HandleIn in = Args.HandleIn.decode(r.buffer(), Request.args());
    fs.fsync(r.nodeId(), in.fh(), (in.flags() & Abi.FSYNC_FDATASYNC) != 0);
    return 0;
  }

  int fallocate(Request r) throws FsException {
    Args.FallocateIn in = Args.FallocateIn.decode(r.buffer(), Request.args());
    fs.fallocate(r.nodeId(), in.fh(), in.mode(), in.offset(), in.length());
    return 0;
  }

  /**
   * With the writeback cache the kernel reads pages of files opened write-only and handles O_APPEND
   * itself, so the file system must open them read-write and without O_APPEND.
   */
  private int fileFlags(int flags) {
    if (!writebackCache) {
      return flags;
    }
    if ((flags & OpenFlags.O_ACCMODE) == OpenFlags.O_WRONLY) {
      flags = (flags & ~OpenFlags.O_ACCMODE) | OpenFlags.O_RDWR;
    }
    return flags & ~OpenFlags.O_APPEND;
  }
}
