package io.jdock.union;

/** The process a request comes from (fuse_in_header uid, gid, pid); new files get its ids. */
public record Caller(int uid, int gid, int pid) {
  /** The root user, for internal calls and tests. */
  public static final Caller ROOT = new Caller(0, 0, 0);
}
