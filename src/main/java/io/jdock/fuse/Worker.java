package io.jdock.fuse;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.Posix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One serving thread: blocks in read(2) on its /dev/fuse descriptor, dispatches the request and
 * writes the reply with one write(2), reusing its two direct buffers. It stops when the kernel says
 * the connection is gone (ENODEV).
 */
final class Worker implements Runnable {
  private static final Logger LOG = Logger.getLogger(Worker.class.getName());

  private final int fd;
  private final Dispatcher dispatcher;
  private final Request request;
  private final Reply reply;
  private final ByteBuffer notification =
      ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());

  Worker(int fd, Dispatcher dispatcher, int maxWrite) {
    this.fd = fd;
    this.dispatcher = dispatcher;
    int requestSize = Math.max(Abi.MIN_READ_BUFFER, maxWrite + Abi.HEADER_SLACK);
    int replySize = Math.max(maxWrite, Abi.XATTR_SIZE_MAX) + Abi.HEADER_SLACK;
    this.request = new Request(ByteBuffer.allocateDirect(requestSize));
    this.reply = new Reply(ByteBuffer.allocateDirect(replySize));
  }

  @Override
  public void run() {
    ByteBuffer in = request.buffer();
    while (true) {
      in.clear();
      int n;
      try {
        n = Posix.read(fd, in);
      } catch (ErrnoException e) {
        if (e.errno() == Errno.ENOENT || e.errno() == Errno.EAGAIN) {
          continue; // the request was interrupted before we got it
        }
        if (e.errno() != Errno.ENODEV) {
          LOG.log(Level.WARNING, "reading /dev/fuse failed, worker stops: " + e.getMessage());
        }
        return;
      }
      if (!request.load(n)) {
        LOG.warning("ignoring a malformed FUSE request of " + n + " bytes");
        continue;
      }
      dispatcher.dispatch(request, reply);
      if (reply.invalidation().isPresent() && !notifyKernel(reply.invalidation().getAsLong())) {
        return;
      }
      if (reply.pending() && !send(reply.bytes())) {
        return;
      }
    }
  }

  private boolean notifyKernel(long ino) {
    int n = Replies.invalidateInode(notification.clear(), ino);
    return send(notification.limit(n).position(0));
  }

  /** Writes a reply or notification; false when the connection is gone. */
  private boolean send(ByteBuffer message) {
    try {
      Posix.write(fd, message);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == Errno.ENOENT) {
        return true; // the request was interrupted, or the inode is no longer cached
      }
      if (e.errno() != Errno.ENODEV) {
        LOG.warning(
            "replying to FUSE " + Opcode.name(request.opcode()) + " failed: " + e.getMessage());
        return true;
      }
      return false;
    }
  }
}
