/**
 * Orchestration: mounts and containers, and images moving between registries and the store. Wires
 * the image store, the layers' TOCs, the union and the FUSE binding into mount servers (background
 * processes that serve one mount each), and runs containers on their own union mounts. {@link
 * io.jdock.container.ImagePuller} and {@link io.jdock.container.ImagePusher} implement the registry
 * package's sink and source interfaces on top of the store.
 *
 * <p>May import every package but {@code cli}.
 */
package io.jdock.container;
