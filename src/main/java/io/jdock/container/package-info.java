/**
 * Orchestration: mounts and containers. Wires the image store, the layers' TOCs, the union and the
 * FUSE binding into mount servers (background processes that serve one mount each), and runs
 * containers on their own union mounts.
 *
 * <p>May import every package but {@code cli}.
 */
package io.jdock.container;
