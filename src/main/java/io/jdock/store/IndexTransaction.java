package io.jdock.store;

import java.io.IOException;

/**
 * One change of index.json: holds the store lock from {@link #begin} to {@link #close}, reads the
 * index once, and writes it (temp, fsync, rename) on {@link #commit} if it changed. Closing without
 * committing leaves index.json as it was.
 */
final class IndexTransaction implements AutoCloseable {
  private final ImageStore store;
  private final StoreLock.Held lock;
  private final ManifestCache manifests;
  private final IndexEditor index;

  private IndexTransaction(ImageStore store, StoreLock.Held lock) throws IOException {
    this.store = store;
    this.lock = lock;
    this.manifests = store.manifestCache();
    this.index = new IndexEditor(store.indexFile().read(), manifests);
  }

  static IndexTransaction begin(ImageStore store) throws IOException {
    StoreLock.Held lock = store.storeLock().exclusive();
    try {
      return new IndexTransaction(store, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  IndexEditor index() {
    return index;
  }

  ManifestCache manifests() {
    return manifests;
  }

  void commit() throws IOException {
    if (index.changed()) {
      store.indexFile().write(index.result(), store.temp());
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
