package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.registry.Endpoint;
import io.jdock.registry.FetchedManifest;
import io.jdock.registry.ImageResolver;
import io.jdock.registry.Registries;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RegistryException;
import io.jdock.registry.ResolvedImage;
import io.jdock.registry.pull.PullEvent.LayerStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jdock pull}: for each endpoint of the registry (mirrors first) until one works, resolves
 * the reference, stores the config and layers (downloads in parallel, extraction in order through
 * the {@link LayerHandler}), then the manifests, records the image in the {@link ImageSink}, and
 * reports docker's events. {@code -a} pulls every tag of the repository.
 */
public final class Puller {
  private static final int MAX_CONFIG = 8 << 20;

  private final Registries registries;

  public Puller(Registries registries) {
    this.registries = registries;
  }

  public PullResult pull(
      PullRequest request, ImageSink sink, LayerHandler layers, PullListener listener)
      throws PullException, IOException {
    request.validate();
    PullListener events = serialised(listener);
    ImageReference ref = request.reference();
    if (!request.allTags() && ref.isNameOnly()) {
      events.onEvent(new PullEvent.UsingDefaultTag(ImageReference.DEFAULT_TAG));
    }
    request.validateForDaemon();
    if (request.allTags()) {
      List<Outcome> outcomes = new ArrayList<>();
      for (String tag : tags(ref)) {
        outcomes.add(pullOne(ref.withTag(tag), request.platform(), sink, layers, events));
      }
      return finish(events, outcomes, ref);
    }
    ref = ref.dockerRef();
    return finish(events, List.of(pullOne(ref, request.platform(), sink, layers, events)), ref);
  }

  /** docker's status line, its platform warnings (moby daemon/images/image_pull.go), the ref. */
  private static PullResult finish(
      PullListener events, List<Outcome> outcomes, ImageReference ref) {
    boolean changed = outcomes.stream().anyMatch(Outcome::changed);
    events.onEvent(new PullEvent.Status(changed, ref.familiarString()));
    outcomes.forEach(o -> o.warning().ifPresent(w -> events.onEvent(new PullEvent.Notice(w))));
    events.onEvent(new PullEvent.Pulled(ref.toString()));
    return new PullResult(outcomes.stream().map(Outcome::image).toList(), changed, ref.toString());
  }

  private record Outcome(ResolvedImage image, boolean changed, Optional<String> warning) {}

  /** The tags of the repository, from the first endpoint that answers. */
  private List<String> tags(ImageReference ref) throws IOException {
    RegistryException last = null;
    for (Endpoint endpoint : registries.endpoints().forPull(ref.domain())) {
      try {
        return registries.client(endpoint, ref.path()).tags();
      } catch (RegistryException e) {
        if (!PullErrors.fallBack(e, endpoint.mirror())) {
          throw PullErrors.translate(e, ref);
        }
        last = e;
      }
    }
    throw PullErrors.translate(last, ref);
  }

  private Outcome pullOne(
      ImageReference ref,
      Optional<Platform> platform,
      ImageSink sink,
      LayerHandler layers,
      PullListener events)
      throws IOException {
    RegistryException last = null;
    for (Endpoint endpoint : registries.endpoints().forPull(ref.domain())) {
      try {
        RegistryClient client = registries.client(endpoint, ref.path());
        String tagOrDigest = ref.tag().orElse(ref.toString());
        ResolvedImage image =
            ImageResolver.resolve(
                client,
                ref,
                platform,
                () -> events.onEvent(new PullEvent.PullingFrom(tagOrDigest, ref.path())));
        boolean downloaded = store(client, image, sink, layers, events);
        events.onEvent(new PullEvent.DigestLine(image.registryDigest()));
        boolean changed = sink.record(ref, image);
        return new Outcome(image, downloaded || changed, platformWarning(client, image, platform));
      } catch (RegistryException e) {
        if (!PullErrors.fallBack(e, endpoint.mirror())) {
          throw PullErrors.translate(e, ref);
        }
        last = e;
      }
    }
    throw PullErrors.translate(last, ref);
  }

  /** Config, layers, then manifest and indexes; true if any blob was downloaded. */
  private boolean store(
      RegistryClient client,
      ResolvedImage image,
      ImageSink sink,
      LayerHandler handler,
      PullListener events)
      throws IOException {
    if (sink.hasImage(image.config().digest())) {
      // docker skips the layers of an image it has; they are only checked to be extracted.
      for (int i = 0; i < image.layers().size(); i++) {
        handler.layerReady(image, i, image.layers().get(i), Optional.empty(), bytes -> {});
      }
      putManifests(sink, image);
      return false;
    }
    boolean downloaded = storeConfig(client, image, sink);
    List<Descriptor> layers = image.layers();
    try (LayerDownloads downloads =
        LayerDownloads.start(
            layers,
            sink,
            client,
            registries.retryPolicy(),
            registries.config().maxConcurrentDownloads(),
            events)) {
      Set<String> completed = new HashSet<>();
      for (int i = 0; i < layers.size(); i++) {
        Descriptor layer = layers.get(i);
        String id = LayerDownloads.id(layer);
        // Extraction that keeps up with the download shows as "Extracting" once it is complete.
        LayerHandler.ExtractProgress progress =
            bytes -> {
              if (downloads.isDone(layer.digest())) {
                events.onEvent(
                    new PullEvent.Progress(id, PullEvent.Phase.EXTRACTING, bytes, layer.size()));
              }
            };
        extract(handler, image, i, layer, downloads, progress);
        boolean fetched = downloads.await(layer.digest());
        if (fetched && completed.add(id)) {
          events.onEvent(new PullEvent.Layer(id, LayerStatus.PULL_COMPLETE));
        }
        downloaded |= fetched;
      }
    }
    putManifests(sink, image);
    return downloaded;
  }

  /**
   * Hands a layer to the handler while it downloads, or once it is stored. If extraction beside the
   * download fails, the download's own failure (a digest mismatch, say) is the one reported; if the
   * download succeeded, the layer is extracted again from the stored blob.
   */
  private static void extract(
      LayerHandler handler,
      ResolvedImage image,
      int index,
      Descriptor layer,
      LayerDownloads downloads,
      LayerHandler.ExtractProgress progress)
      throws IOException {
    Optional<LiveBlob> live = downloads.follow(layer.digest());
    if (live.isPresent()) {
      try (LiveBlob blob = live.get()) {
        handler.layerReady(image, index, layer, live, progress);
        return;
      } catch (IOException e) {
        downloads.await(layer.digest());
      }
    } else {
      downloads.await(layer.digest());
    }
    handler.layerReady(image, index, layer, Optional.empty(), progress);
  }

  /** The manifest, then the indexes from the innermost out. */
  private static void putManifests(BlobSink sink, ResolvedImage image) throws IOException {
    put(sink, image.manifest());
    for (int i = image.indexes().size() - 1; i >= 0; i--) {
      put(sink, image.indexes().get(i));
    }
  }

  /**
   * docker's warning for a single-platform image that is not what {@code --platform} asked for (it
   * is pulled all the same; an index would have been refused with "no matching manifest").
   */
  private static Optional<String> platformWarning(
      RegistryClient client, ResolvedImage image, Optional<Platform> wanted) throws IOException {
    if (wanted.isEmpty() || !image.indexes().isEmpty()) {
      return Optional.empty();
    }
    Platform actual = parseConfig(client.blobBytes(image.config(), MAX_CONFIG)).platform();
    if (actual.os().isEmpty() || wanted.get().matches(actual)) {
      return Optional.empty();
    }
    return Optional.of(
        "WARNING: image with reference "
            + image.reference()
            + " was found but does not match the specified platform: wanted "
            + wanted.get().normalized()
            + ", actual: "
            + actual.normalized());
  }

  /** Fetches and stores the config unless the sink has it; true when fetched. */
  private static boolean storeConfig(RegistryClient client, ResolvedImage image, BlobSink sink)
      throws IOException {
    Descriptor config = image.config();
    if (sink.has(config.digest())) {
      return false;
    }
    byte[] raw = client.blobBytes(config, MAX_CONFIG);
    if (parseConfig(raw).diffIds().size() != image.layers().size()) {
      throw RegistryException.content(
          RegistryException.Kind.INVALID_CONTENT,
          "layers from manifest don't match image configuration");
    }
    sink.put(config, raw);
    return true;
  }

  private static ImageConfig parseConfig(byte[] raw) throws RegistryException {
    try {
      return ImageConfig.parse(raw).value();
    } catch (InvalidContentException e) {
      throw RegistryException.content(RegistryException.Kind.INVALID_CONTENT, e.getMessage());
    }
  }

  private static void put(BlobSink sink, FetchedManifest m) throws IOException {
    if (!sink.has(m.digest())) {
      sink.put(Descriptor.of(m.mediaType(), m.digest(), m.raw().length), m.raw());
    }
  }

  private static PullListener serialised(PullListener listener) {
    Object lock = new Object();
    return e -> {
      synchronized (lock) {
        listener.onEvent(e);
      }
    };
  }
}
