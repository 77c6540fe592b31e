package io.jdock.container;

import io.jdock.oci.Descriptor;
import io.jdock.reference.ImageReference;
import io.jdock.registry.Registries;
import io.jdock.registry.push.PushEvent;
import io.jdock.registry.push.PushListener;
import io.jdock.registry.push.PushRequest;
import io.jdock.registry.push.PushResult;
import io.jdock.registry.push.Pusher;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code jdock push NAME[:TAG]}: the registry's {@link Pusher} reading the tagged image from the
 * store. The stored manifest is pushed as it is (so its digest does not change), then recorded as
 * the image's digest reference in that repository, as docker's RepoDigests show after a push.
 */
public final class ImagePusher {
  private final Registries registries;
  private final ImageStore store;

  public ImagePusher(Registries registries, ImageStore store) {
    this.registries = registries;
    this.store = store;
  }

  /**
   * Pushes the image {@code ref} ({@code :latest} added to a bare name) names in the store. Fails
   * with docker's {@code An image does not exist locally with the tag: NAME} after docker's first
   * lines when there is none.
   */
  public PushResult push(ImageReference ref, PushListener listener)
      throws IOException, NoSuchImageException {
    ImageReference tagged = ref.withDefaultTag();
    Optional<Image> image = tagged(tagged);
    if (image.isEmpty()) {
      if (ref.isNameOnly()) {
        listener.onEvent(new PushEvent.UsingDefaultTag(ImageReference.DEFAULT_TAG));
      }
      listener.onEvent(new PushEvent.RefersTo(ref.name()));
      throw notLocal(ref);
    }
    Descriptor manifest = image.get().manifestDescriptor();
    PushResult result =
        new Pusher(registries)
            .push(
                new PushRequest(ref, manifest.mediaType(), manifest.digest()),
                new StoreBlobSource(store, image.get()),
                listener);
    store.addImage(manifest, List.of(ref.repository().withDigest(result.digest())), Map.of());
    return result;
  }

  /**
   * {@code push -a}: pushes every tag the store has in {@code repository}'s repository, in tag
   * order, under one {@code The push refers to repository} line.
   */
  public List<PushResult> pushAllTags(ImageReference repository, PushListener listener)
      throws IOException, NoSuchImageException {
    List<ImageReference> tags = new ArrayList<>();
    for (Image i : store.images()) {
      i.repoTags().stream().filter(t -> t.name().equals(repository.name())).forEach(tags::add);
    }
    if (tags.isEmpty()) {
      listener.onEvent(new PushEvent.RefersTo(repository.name()));
      throw notLocal(repository);
    }
    tags.sort(Comparator.comparing(ImageReference::toString));
    AtomicBoolean referred = new AtomicBoolean();
    PushListener once =
        e -> {
          if (!(e instanceof PushEvent.RefersTo) || !referred.getAndSet(true)) {
            listener.onEvent(e);
          }
        };
    List<PushResult> results = new ArrayList<>();
    for (ImageReference tag : tags) {
      results.add(push(tag, once));
    }
    return results;
  }

  private static NoSuchImageException notLocal(ImageReference ref) {
    return new NoSuchImageException(
        "An image does not exist locally with the tag: " + ref.familiarName());
  }

  private Optional<Image> tagged(ImageReference ref) throws IOException {
    for (Image i : store.images()) {
      if (i.repoTags().contains(ref)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
