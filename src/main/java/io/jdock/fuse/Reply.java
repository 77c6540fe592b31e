package io.jdock.fuse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * The reply a worker is building: {@code fuse_out_header} then the payload at {@link #PAYLOAD}, in
 * one reused direct buffer so that a reply goes out with a single write(2).
 */
final class Reply {
  static final int PAYLOAD = Abi.OUT_HEADER_SIZE;

  private final ByteBuffer buf;
  private final ByteBuffer payload;
  private long unique;
  private int length;
  private boolean invalidate;
  private long invalidateIno;

  Reply(ByteBuffer buf) {
    this.buf = buf.order(ByteOrder.nativeOrder());
    this.payload = buf.slice(PAYLOAD, buf.capacity() - PAYLOAD);
  }

  /**
   * The payload area as a buffer of {@code size} bytes from position 0, for a file system to fill
   * (READ). The same instance is reused for every request; callers must not keep it.
   */
  ByteBuffer payload(int size) {
    return payload.clear().limit(Math.min(size, payload.capacity()));
  }

  /** The buffer; handlers write their payload from {@link #PAYLOAD} on. */
  ByteBuffer buffer() {
    return buf;
  }

  /** How many payload bytes fit. */
  int capacity() {
    return buf.capacity() - PAYLOAD;
  }

  /** Starts the reply to request {@code unique}; nothing is sent unless ok or error follows. */
  void start(long requestUnique) {
    unique = requestUnique;
    length = 0;
    invalidate = false;
    buf.clear();
  }

  /** Success with {@code payloadLength} bytes already written at {@link #PAYLOAD}. */
  void ok(int payloadLength) {
    length = PAYLOAD + payloadLength;
    Replies.outHeader(buf, length, 0, unique);
  }

  /** Failure with a positive errno value; the kernel receives it negated. */
  void error(int errno) {
    length = PAYLOAD;
    Replies.outHeader(buf, length, -errno, unique);
  }

  /**
   * Asks the worker to tell the kernel, before this reply, that the cached attributes of {@code
   * ino} are stale (the file system changed them beyond what the reply shows).
   */
  void invalidateAttributes(long ino) {
    invalidate = true;
    invalidateIno = ino;
  }

  /** The inode whose attributes must be invalidated first, if any. */
  OptionalLong invalidation() {
    return invalidate ? OptionalLong.of(invalidateIno) : OptionalLong.empty();
  }

  /** Whether a reply was made (FORGET, BATCH_FORGET and INTERRUPT get none). */
  boolean pending() {
    return length > 0;
  }

  /** The whole reply, header included, ready for write(2). */
  ByteBuffer bytes() {
    return buf.limit(length).position(0);
  }
}
