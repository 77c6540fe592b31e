package io.jdock.fuse;

import static io.jdock.fuse.Reply.PAYLOAD;

import io.jdock.sys.Errno;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes each request to its handler and turns every outcome into a reply: an {@link FsException}
 * becomes its errno, anything else thrown becomes EIO and a log line, so no failure of the file
 * system can kill a worker or leave the kernel waiting. Opcodes jdock does not implement get
 * ENOSYS, which the kernel remembers (ACCESS, LSEEK, COPY_FILE_RANGE, locks, ioctl...).
 */
final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  /** What the session learns from the kernel through requests. */
  interface Events {
    /** INIT settled; requests follow. */
    void agreed(Connection connection);

    /** INIT failed; the mount cannot work. */
    void refused(String reason);

    /** DESTROY: the kernel is done with the file system. */
    void destroyed();
  }

  private final FileSystem fs;
  private final Events events;
  private final int maxWrite;
  private final boolean writebackCache;
  private final NodeOps nodes;
  private final FileOps files;
  private final DirOps dirs;
  private final XattrOps xattrs;

  Dispatcher(FileSystem fs, Events events, int maxWrite, boolean writebackCache) {
    this.fs = fs;
    this.events = events;
    this.maxWrite = maxWrite;
    this.writebackCache = writebackCache;
    this.nodes = new NodeOps(fs);
    this.files = new FileOps(fs);
    this.dirs = new DirOps(fs);
    this.xattrs = new XattrOps(fs);
  }

  /** Handles one request; afterwards {@code reply} holds the answer unless none is due. */
  void dispatch(Request r, Reply reply) {
    reply.start(r.unique());
    try {
      route(r, reply);
    } catch (FsException e) {
      reply.error(e.errno().code());
    } catch (Throwable t) {
      LOG.log(
          Level.WARNING,
          "FUSE " + Opcode.name(r.opcode()) + " on inode " + r.nodeId() + " failed: " + t,
          t);
      reply.error(Errno.EIO);
    }
  }

  private void route(Request r, Reply reply) throws FsException {
    ByteBuffer out = reply.buffer();
    switch (r.opcode()) {
      case Opcode.INIT -> init(r, reply);
      case Opcode.DESTROY -> {
        events.destroyed();
        reply.ok(0);
      }
      case Opcode.FORGET -> forget(r);
      case Opcode.BATCH_FORGET -> batchForget(r);
      case Opcode.INTERRUPT -> {
        // Requests are answered synchronously; an interrupted one just completes.
      }
      case Opcode.LOOKUP -> reply.ok(nodes.lookup(r, out));
      case Opcode.GETATTR -> reply.ok(nodes.getattr(r, out));
      case Opcode.SETATTR -> reply.ok(nodes.setattr(r, out));
      case Opcode.READLINK -> reply.ok(nodes.readlink(r, out));
      case Opcode.MKNOD -> reply.ok(nodes.mknod(r, out));
      case Opcode.MKDIR -> reply.ok(nodes.mkdir(r, out));
      case Opcode.SYMLINK -> reply.ok(nodes.symlink(r, out));
      case Opcode.UNLINK -> reply.ok(nodes.unlink(r));
      case Opcode.RMDIR -> reply.ok(nodes.rmdir(r));
      case Opcode.RENAME -> reply.ok(nodes.rename(r, false));
      case Opcode.RENAME2 -> reply.ok(nodes.rename(r, true));
      case Opcode.LINK -> reply.ok(nodes.link(r, out));
      case Opcode.STATFS -> reply.ok(nodes.statfs(r, out));
      case Opcode.OPEN -> reply.ok(files.open(r, reply));
      case Opcode.CREATE -> reply.ok(files.create(r, out));
      case Opcode.READ -> reply.ok(files.read(r, reply));
      case Opcode.WRITE -> reply.ok(files.write(r, reply));
      case Opcode.FLUSH -> reply.ok(files.flush(r));
      case Opcode.RELEASE -> reply.ok(files.release(r));
      case Opcode.FSYNC -> reply.ok(files.fsync(r));
      case Opcode.FALLOCATE -> reply.ok(files.fallocate(r));
      case Opcode.OPENDIR -> reply.ok(dirs.opendir(r, out));
      case Opcode.READDIR -> reply.ok(dirs.readdir(r, reply));
      case Opcode.READDIRPLUS -> reply.ok(dirs.readdirplus(r, reply));
      case Opcode.RELEASEDIR -> reply.ok(dirs.releasedir(r));
      case Opcode.FSYNCDIR -> reply.ok(0);
      case Opcode.GETXATTR -> reply.ok(xattrs.getxattr(r, out));
      case Opcode.LISTXATTR -> reply.ok(xattrs.listxattr(r, out));
      case Opcode.SETXATTR -> reply.ok(xattrs.setxattr(r));
      case Opcode.REMOVEXATTR -> reply.ok(xattrs.removexattr(r));
      default -> reply.error(Errno.ENOSYS);
    }
  }

  private void init(Request r, Reply reply) {
    int available = r.length() - Request.args();
    Args.InitIn in = Args.InitIn.decode(r.buffer(), Request.args(), available);
    Negotiation.Outcome outcome = Negotiation.negotiate(in, maxWrite, writebackCache);
    if (outcome instanceof Negotiation.Agreed agreed) {
      files.writebackCache(agreed.connection().has(Abi.WRITEBACK_CACHE));
      reply.ok(agreed.reply().encode(reply.buffer(), PAYLOAD));
      events.agreed(agreed.connection());
    } else if (outcome instanceof Negotiation.AskAgain again) {
      reply.ok(again.reply().encode(reply.buffer(), PAYLOAD));
    } else if (outcome instanceof Negotiation.Refused refused) {
      reply.error(refused.errno());
      events.refused(refused.reason());
    }
  }

  private void forget(Request r) {
    forget(r.nodeId(), Args.ForgetIn.decode(r.buffer(), Request.args()).nlookup());
  }

  /** fuse_batch_forget_in (count, dummy) followed by count fuse_forget_one (nodeid, nlookup). */
  private void batchForget(Request r) {
    ByteBuffer b = r.buffer();
    int count = b.getInt(Request.args());
    int at = Request.args() + 8;
    for (int i = 0; i < count && at + 16 <= r.length(); i++, at += 16) {
      forget(b.getLong(at), b.getLong(at + 8));
    }
  }

  /** FORGET gets no reply, even when it fails: a failure is only logged. */
  private void forget(long ino, long count) {
    try {
      fs.forget(ino, count);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "FUSE FORGET of inode " + ino + " failed: " + e, e);
    }
  }
}
