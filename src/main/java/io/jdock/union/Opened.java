package io.jdock.union;

/** The result of create: the new inode's attributes and an open file handle. */
public record Opened(Attr attr, long fh) {}
