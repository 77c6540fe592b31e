package io.jdock.fuse;

import io.jdock.union.Caller;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One request as read from /dev/fuse: {@code struct fuse_in_header} followed by the opcode's
 * arguments. A worker reuses one instance and one buffer for all its requests; {@link #load}
 * decodes the header of the bytes just read.
 */
final class Request {
  private final ByteBuffer buf;
  private final ByteBuffer writeData;
  private int length;
  private int opcode;
  private long unique;
  private long nodeId;
  private Caller caller = Caller.ROOT;

  Request(ByteBuffer buf) {
    this.buf = buf.order(ByteOrder.nativeOrder());
    int dataStart = Abi.IN_HEADER_SIZE + Args.WriteIn.SIZE;
    this.writeData = buf.slice(dataStart, buf.capacity() - dataStart);
  }

  /** The buffer requests are read into; its contents are valid up to {@link #length()}. */
  ByteBuffer buffer() {
    return buf;
  }

  /** Decodes the header of {@code n} bytes just read; false when they are not a whole request. */
  boolean load(int n) {
    if (n < Abi.IN_HEADER_SIZE) {
      return false;
    }
    length = buf.getInt(0);
    opcode = buf.getInt(4);
    unique = buf.getLong(8);
    nodeId = buf.getLong(16);
    int uid = buf.getInt(24);
    int gid = buf.getInt(28);
    int pid = buf.getInt(32);
    if (caller.uid() != uid || caller.gid() != gid || caller.pid() != pid) {
      caller = new Caller(uid, gid, pid);
    }
    return length == n;
  }

  int length() {
    return length;
  }

  int opcode() {
    return opcode;
  }

  long unique() {
    return unique;
  }

  long nodeId() {
    return nodeId;
  }

  /** The requesting process; the same instance while consecutive requests share their ids. */
  Caller caller() {
    return caller;
  }

  /** Where the opcode's argument struct starts. */
  static int args() {
    return Abi.IN_HEADER_SIZE;
  }

  /** The NUL-terminated UTF-8 string starting at {@code offset}. */
  String string(int offset) {
    int end = endOfString(offset);
    byte[] bytes = new byte[end - offset];
    buf.get(offset, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The offset just after the NUL-terminated string starting at {@code offset}. */
  int afterString(int offset) {
    return endOfString(offset) + 1;
  }

  /** {@code count} raw bytes starting at {@code offset}. */
  byte[] bytes(int offset, int count) {
    if (count < 0 || offset + count > length) {
      throw new IllegalArgumentException("argument runs past the request's end");
    }
    byte[] bytes = new byte[count];
    buf.get(offset, bytes);
    return bytes;
  }

  /**
   * The {@code count} bytes of WRITE data that follow fuse_write_in, as a buffer from position 0,
   * without copying. The same instance is reused for every request; callers must not keep it.
   */
  ByteBuffer writeData(int count) {
    if (count < 0 || Abi.IN_HEADER_SIZE + Args.WriteIn.SIZE + count > length) {
      throw new IllegalArgumentException("write data runs past the request's end");
    }
    return writeData.clear().limit(count);
  }

  private int endOfString(int offset) {
    for (int i = offset; i < length; i++) {
      if (buf.get(i) == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("name is not NUL-terminated");
  }
}
