/**
 * The FUSE binding: serves an {@link io.jdock.union.FileSystem} by speaking the FUSE kernel
 * protocol (include/uapi/linux/fuse.h, protocol 7.23 to 7.40) directly on {@code /dev/fuse}, in
 * pure Java, with worker threads that read requests into reused direct buffers and answer each with
 * one write(2). No libfuse: mounting is mount(2) as root or the fusermount3 helper otherwise.
 *
 * <p>Pieces: {@link io.jdock.fuse.FuseMount} and {@link io.jdock.fuse.MountOptions} (the public
 * API); the codec ({@code Abi}, {@code Opcode}, {@code Args}, {@code Replies}, {@code InitOut},
 * {@code Negotiation}); request dispatch ({@code Dispatcher} and the {@code *Ops} handlers, which
 * map every failure to an errno at this one boundary); serving ({@code Session}, {@code Worker});
 * mounting ({@code Mounter}, {@code KernelMounter}, {@code Fusermount}, {@code MountTarget}, {@code
 * MountTable}). No union logic lives here.
 *
 * <p>Imports {@code union} (the FileSystem API) and {@code sys} (the libc calls); never registry or
 * store internals. The only package besides {@code sys} allowed to import jnr, though it needs
 * none.
 */
package io.jdock.fuse;
