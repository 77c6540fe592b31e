/**
 * The merged tree of a union mount: read-only lower layers (their TOCs and extracted rootfs dirs)
 * under a writable upper directory. Names resolve top-down, {@code .wh.NAME} hides NAME below,
 * {@code .wh..wh..opq} makes a directory opaque, writes copy up, removals of lower names write OCI
 * whiteouts, so the upper dir is itself a valid layer. Behaviour follows kernel overlayfs unless
 * OCI says otherwise.
 *
 * <p>The API ({@link io.jdock.union.FileSystem}) is inode-based like the FUSE low-level API and has
 * no jnr type; it has its own {@link io.jdock.union.Errno}. Imports {@code layer}, {@code oci} and
 * {@code sys}; never fuse.
 */
package io.jdock.union;
