package io.jdock.union;

/** statfs(2) figures of a mount (from the upper dir's file system). */
public record FsStats(
    long blocks,
    long bfree,
    long bavail,
    long files,
    long ffree,
    int bsize,
    int namelen,
    int frsize) {}
