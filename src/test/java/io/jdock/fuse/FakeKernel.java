package io.jdock.fuse;

import io.jdock.union.FileSystem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drives a {@link Dispatcher} the way the kernel would, without a mount: frames requests with a
 * fuse_in_header from caller 1000:1000 (pid 42) and hands back the reply.
 */
final class FakeKernel implements Dispatcher.Events {
  static final int UID = 1000;
  static final int GID = 1000;
  static final int PID = 42;

  /** The reply to one request; {@code payload} starts after fuse_out_header. */
  record Answer(
      boolean replied,
      int length,
      int error,
      long unique,
      ByteBuffer payload,
      OptionalLong invalidated) {
    Layout read() {
      return Layout.reader(payload, 0);
    }
  }

  private final Request request = new Request(ByteBuffer.allocateDirect(1 << 21));
  private final Reply reply = new Reply(ByteBuffer.allocateDirect(1 << 21));
  private final Dispatcher dispatcher;
  private long unique = 1;
  final List<String> events = new ArrayList<>();

  FakeKernel(FileSystem fs) {
    this(fs, false);
  }

  FakeKernel(FileSystem fs, boolean writebackCache) {
    this.dispatcher = new Dispatcher(fs, this, 1 << 20, writebackCache);
  }

  Answer call(int opcode, long nodeId, Layout args) {
    byte[] a = args.bytes();
    int len = Abi.IN_HEADER_SIZE + a.length;
    long id = unique++;
    ByteBuffer b = request.buffer();
    b.clear();
    b.putInt(0, len).putInt(4, opcode).putLong(8, id).putLong(16, nodeId);
    b.putInt(24, UID).putInt(28, GID).putInt(32, PID).putInt(36, 0);
    b.put(Abi.IN_HEADER_SIZE, a);
    if (!request.load(len)) {
      throw new IllegalStateException("bad framing");
    }
    dispatcher.dispatch(request, reply);
    if (!reply.pending()) {
      return new Answer(false, 0, 0, id, ByteBuffer.allocate(0), reply.invalidation());
    }
    ByteBuffer r = reply.bytes();
    int length = r.getInt(0);
    ByteBuffer payload = r.duplicate().order(r.order()).position(Reply.PAYLOAD).slice();
    payload.order(r.order());
    return new Answer(
        true, length, r.getInt(4), r.getLong(8), copy(payload, length - 16), reply.invalidation());
  }

  Answer call(int opcode, long nodeId) {
    return call(opcode, nodeId, Layout.writer());
  }

  private static ByteBuffer copy(ByteBuffer src, int n) {
    ByteBuffer c = ByteBuffer.allocate(n).order(src.order());
    for (int i = 0; i < n; i++) {
      c.put(i, src.get(i));
    }
    return c;
  }

  @Override
  public void agreed(Connection connection) {
    events.add("agreed 7." + connection.minor());
  }

  @Override
  public void refused(String reason) {
    events.add("refused " + reason);
  }

  @Override
  public void destroyed() {
    events.add("destroyed");
  }
}
