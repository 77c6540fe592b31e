/**
 * One layer: reading a layer tar (plain, gzip or zstd, sniffed by magic bytes), its entry kinds,
 * OCI whiteout markers, path safety, extraction into a directory, and the layer's table of contents
 * (TOC): every entry as the image has it (type, mode, owner, times, device numbers, xattrs, link
 * targets), which is what the union presents, whether or not the extracting user could create it.
 * Writing a directory back as a layer tar lives here too.
 *
 * <p>See https://github.com/opencontainers/image-spec/blob/main/layer.md. Imports {@code oci} and
 * {@code sys}; never union or fuse.
 */
package io.jdock.layer;
