package io.jdock.registry.push;

import io.jdock.oci.Digest;

/** What was pushed: the tag (or digest) pushed to, the manifest digest and its size. */
public record PushResult(String tagOrDigest, Digest digest, long size) {}
