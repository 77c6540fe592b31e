package io.jdock.fuse;

import static io.jdock.fuse.Reply.PAYLOAD;

import io.jdock.union.Attr;
import io.jdock.union.DirEntry;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OPENDIR, READDIR, READDIRPLUS and RELEASEDIR over the file system's directory snapshot: entry
 * {@code i} carries offset {@code i + 1}, so a listing resumes exactly where the kernel stopped.
 */
final class DirOps {
  private static final Logger LOG = Logger.getLogger(DirOps.class.getName());

  /** The kernel may cache the listing and keep it across opens (FOPEN_CACHE_DIR). */
  private static final int OPEN_FLAGS = Abi.FOPEN_CACHE_DIR | Abi.FOPEN_KEEP_CACHE;

  private final FileSystem fs;

  DirOps(FileSystem fs) {
    this.fs = fs;
  }

  int opendir(Request r, ByteBuffer out) throws FsException {
    long dh = fs.opendir(r.caller(), r.nodeId());
    return Replies.openOut(out, PAYLOAD, dh, OPEN_FLAGS);
  }

  int releasedir(Request r) throws FsException {
    fs.releasedir(r.nodeId(), Args.HandleIn.decode(r.buffer(), Request.args()).fh());
    return 0;
  }

  int readdir(Request r, Reply reply) throws FsException {
    Args.ReadIn in = Args.ReadIn.decode(r.buffer(), Request.args());
    List<DirEntry> entries = fs.readdir(r.nodeId(), in.fh());
    ByteBuffer out = reply.buffer();
    int limit = Math.min(in.size(), reply.capacity());
    int used = 0;
    for (int i = start(in, entries); i < entries.size(); i++) {
      DirEntry e = entries.get(i);
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      if (used + Replies.direntSize(name.length) > limit) {
        break;
      }
      used += Replies.dirent(out, PAYLOAD + used, e.ino(), i + 1, e.type(), name);
    }
    return used;
  }

  /**
   * Like READDIR, each entry with its attributes. Every emitted entry except "." and ".." counts
   * one lookup, so the file system is asked for it only once it is sure to fit; a name whose lookup
   * fails is still listed, with nodeid 0 (no attributes).
   */
  int readdirplus(Request r, Reply reply) throws FsException {
    Args.ReadIn in = Args.ReadIn.decode(r.buffer(), Request.args());
    List<DirEntry> entries = fs.readdir(r.nodeId(), in.fh());
    ByteBuffer out = reply.buffer();
    int limit = Math.min(in.size(), reply.capacity());
    int used = 0;
    for (int i = start(in, entries); i < entries.size(); i++) {
      DirEntry e = entries.get(i);
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int size = Abi.ENTRY_OUT_SIZE + Replies.direntSize(name.length);
      if (used + size > limit) {
        break;
      }
      int at = PAYLOAD + used;
      if (isDotOrDotDot(e.name())) {
        Replies.noEntry(out, at, false);
      } else {
        entry(r, e, out, at);
      }
      Replies.dirent(out, at + Abi.ENTRY_OUT_SIZE, e.ino(), i + 1, e.type(), name);
      used += size;
    }
    return used;
  }

  private void entry(Request r, DirEntry e, ByteBuffer out, int at) {
    try {
      Attr attr = fs.lookup(r.caller(), r.nodeId(), e.name());
      Replies.entry(out, at, attr);
    } catch (FsException ex) {
      Replies.noEntry(out, at, false);
    } catch (RuntimeException | Error ex) {
      LOG.log(Level.WARNING, "READDIRPLUS lookup of " + e.name() + " failed", ex);
      Replies.noEntry(out, at, false);
    }
  }

  /** The index to resume at: the offset of the last entry the kernel got (offsets are unsigned). */
  private static int start(Args.ReadIn in, List<DirEntry> entries) {
    long offset = in.offset();
    return offset < 0 || offset > entries.size() ? entries.size() : (int) offset;
  }

  private static boolean isDotOrDotDot(String name) {
    return name.equals(".") || name.equals("..");
  }
}
