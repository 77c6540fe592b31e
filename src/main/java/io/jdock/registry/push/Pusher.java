package io.jdock.registry.push;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.reference.ImageReference;
import io.jdock.registry.BlobUploads;
import io.jdock.registry.Endpoint;
import io.jdock.registry.Registries;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RegistryException;
import io.jdock.registry.push.PushEvent.LayerStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jdock push NAME[:TAG]}: for an image (or each image of an index) uploads the layers, up to
 * N at once, and the config, then puts the manifest(s), reporting docker's push output.
 */
public final class Pusher {
  /** Blobs larger than this are sent in chunks of this size. */
  public static final long DEFAULT_CHUNK = 16L << 20;

  private final Registries registries;
  private final long chunkSize;

  public Pusher(Registries registries) {
    this(registries, DEFAULT_CHUNK);
  }

  public Pusher(Registries registries, long chunkSize) {
    this.registries = registries;
    this.chunkSize = chunkSize;
  }

  public PushResult push(PushRequest request, BlobSource source, PushListener listener)
      throws IOException {
    PushListener events = serialised(listener);
    if (request.reference().isNameOnly()) {
      events.onEvent(new PushEvent.UsingDefaultTag(ImageReference.DEFAULT_TAG));
    }
    ImageReference ref = request.reference().withDefaultTag();
    events.onEvent(new PushEvent.RefersTo(ref.name()));
    String tagOrDigest = ref.tag().orElseGet(() -> ref.digest().orElseThrow().toString());
    byte[] raw = source.read(request.manifest());
    RegistryException last = null;
    for (Endpoint endpoint : registries.endpoints().forRegistry(ref.domain())) {
      try {
        RegistryClient client = registries.client(endpoint, ref.path()).forPush();
        pushTree(client, request.mediaType(), raw, source, ref.domain(), events);
        Digest digest = new BlobUploads(client).putManifest(tagOrDigest, request.mediaType(), raw);
        events.onEvent(new PushEvent.Pushed(tagOrDigest, digest, raw.length));
        return new PushResult(tagOrDigest, digest, raw.length);
      } catch (RegistryException e) {
        if (e.kind() != RegistryException.Kind.TRANSPORT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  private void pushTree(
      RegistryClient client,
      MediaType type,
      byte[] raw,
      BlobSource source,
      String domain,
      PushListener events)
      throws IOException {
    try {
      if (type.isIndex()) {
        for (Descriptor child : ImageIndex.parse(raw).value().manifests()) {
          byte[] childRaw = source.read(child.digest());
          pushTree(client, child.mediaType(), childRaw, source, domain, events);
          new BlobUploads(client)
              .putManifest(child.digest().toString(), child.mediaType(), childRaw);
        }
        return;
      }
      pushImage(client, ImageManifest.parse(raw).value(), source, domain, events);
    } catch (InvalidContentException e) {
      throw RegistryException.content(RegistryException.Kind.INVALID_CONTENT, e.getMessage());
    }
  }

  /** Layers top first, as docker lists them, then the config. */
  private void pushImage(
      RegistryClient client,
      ImageManifest manifest,
      BlobSource source,
      String domain,
      PushListener events)
      throws IOException {
    Map<Digest, Descriptor> layers = new LinkedHashMap<>();
    for (int i = manifest.layers().size() - 1; i >= 0; i--) {
      layers.putIfAbsent(manifest.layers().get(i).digest(), manifest.layers().get(i));
    }
    int slots = registries.config().maxConcurrentUploads();
    List<Descriptor> todo = new ArrayList<>(layers.values());
    todo.forEach(
        l -> events.onEvent(new PushEvent.Layer(l.digest().shortHex(), LayerStatus.PREPARING)));
    for (int i = slots; i < todo.size(); i++) {
      events.onEvent(new PushEvent.Layer(todo.get(i).digest().shortHex(), LayerStatus.WAITING));
    }
    LayerUpload upload = new LayerUpload(client, source, chunkSize, registries.retryPolicy());
    ExecutorService pool = Executors.newFixedThreadPool(slots, r -> daemon(r));
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (Descriptor layer : todo) {
        running.add(pool.submit(() -> pushLayer(upload, layer, domain, events)));
      }
      for (Future<Void> f : running) {
        await(f);
      }
    } finally {
      pool.shutdownNow();
    }
    upload.put(manifest.config(), domain, n -> {});
  }

  private static Void pushLayer(
      LayerUpload upload, Descriptor layer, String domain, PushListener events) throws IOException {
    String id = layer.digest().shortHex();
    LayerUpload.Outcome outcome =
        upload.put(layer, domain, n -> events.onEvent(new PushEvent.Progress(id, n, layer.size())));
    events.onEvent(outcome.event(id));
    return null;
  }

  private static void await(Future<Void> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("push canceled");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "jdock-upload");
    t.setDaemon(true);
    return t;
  }

  private static PushListener serialised(PushListener listener) {
    Object lock = new Object();
    return e -> {
      synchronized (lock) {
        listener.onEvent(e);
      }
    };
  }
}
