package io.jdock.union;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The changes of a setattr request; absent fields stay as they are. Times are given as seconds and
 * nanoseconds, or "now" when {@code atimeNow}/{@code mtimeNow} is set.
 */
public record SetAttr(
    OptionalInt mode,
    OptionalInt uid,
    OptionalInt gid,
    OptionalLong size,
    OptionalLong atimeSec,
    int atimeNsec,
    boolean atimeNow,
    OptionalLong mtimeSec,
    int mtimeNsec,
    boolean mtimeNow,
    boolean killSuidGid) {

  /** A request that changes nothing (a base for tests). */
  public static SetAttr none() {
    return new SetAttr(
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
        false);
  }

  public SetAttr withMode(int newMode) {
    return new SetAttr(
        OptionalInt.of(newMode),
        uid,
        gid,
        size,
        atimeSec,
        atimeNsec,
        atimeNow,
        mtimeSec,
        mtimeNsec,
        mtimeNow,
        killSuidGid);
  }

  public SetAttr withOwner(int newUid, int newGid) {
    return new SetAttr(
        mode,
        newUid < 0 ? OptionalInt.empty() : OptionalInt.of(newUid),
        newGid < 0 ? OptionalInt.empty() : OptionalInt.of(newGid),
        size,
        atimeSec,
        atimeNsec,
        atimeNow,
        mtimeSec,
        mtimeNsec,
        mtimeNow,
        killSuidGid);
  }

  public SetAttr withSize(long newSize) {
    return new SetAttr(
        mode,
        uid,
        gid,
        OptionalLong.of(newSize),
        atimeSec,
        atimeNsec,
        atimeNow,
        mtimeSec,
        mtimeNsec,
        mtimeNow,
        killSuidGid);
  }

  public SetAttr withTimes(long atime, int atimeNs, long mtime, int mtimeNs) {
    return new SetAttr(
        mode,
        uid,
        gid,
        size,
        OptionalLong.of(atime),
        atimeNs,
        false,
        OptionalLong.of(mtime),
        mtimeNs,
        false,
        killSuidGid);
  }
}
