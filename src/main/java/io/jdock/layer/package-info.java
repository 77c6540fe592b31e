/**
 * One layer: reading a layer tar (plain, gzip or zstd, sniffed by magic bytes), its entry kinds,
 * OCI whiteout markers, path safety, extraction into a directory, and the layer's table of contents
 * (TOC): every entry as the image has it (type, mode, owner, times, device numbers, xattrs, link
 * targets), which is what the union presents, whether or not the extracting user could create it.
 * Writing a directory back as a layer tar lives here too.
 *
 * <p>Public API: {@link io.jdock.layer.LayerExtractor} (blob to rootfs + TOC, diff_id verified),
 * {@link io.jdock.layer.LayerToc} (the TOC file), {@link io.jdock.layer.LayerReader} (tar entries),
 * {@link io.jdock.layer.LayerTarWriter} (directory or entries to tar), {@link
 * io.jdock.layer.Compression}, the value types and the exceptions. Extraction trusts no tar: paths
 * are normalised and checked ({@code TarPaths}), every parent is checked against what the layer has
 * created so far ({@code LayerTree}), and the disk is only written with calls that do not follow
 * symlinks ({@code RootfsWriter}).
 *
 * <p>See https://github.com/opencontainers/image-spec/blob/main/layer.md. Imports {@code oci},
 * {@code sys}, Commons Compress and zstd-jni; never union or fuse.
 */
package io.jdock.layer;
