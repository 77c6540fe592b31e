package io.jdock.union;

/** One name in a directory listing; {@code type} is the S_IFMT bits of the entry's mode. */
public record DirEntry(String name, long ino, int type) {}
