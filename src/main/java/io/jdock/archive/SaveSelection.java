package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which images and tags {@code docker save NAME...} writes (moby tarexport parseNames): a tag names
 * that tag; a bare repository name every tag of that repository (or, with none, an image ID
 * prefix); an ID or a digest reference the image without tags. Each image is written once, with all
 * the tags asked for, in the order first named.
 */
final class SaveSelection {
  private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[a-f0-9]{64}");

  private final ImageStore store;
  private final Map<Digest, Image> images = new LinkedHashMap<>();
  private final Map<Digest, Set<ImageReference>> tags = new LinkedHashMap<>();

  private SaveSelection(ImageStore store) {
    this.store = store;
  }

  static List<SavedImage> of(ImageStore store, List<String> names)
      throws IOException, InvalidReferenceException, NoSuchImageException {
    SaveSelection selection = new SaveSelection(store);
    for (String name : names) {
      selection.add(name);
    }
    List<SavedImage> saved = new ArrayList<>();
    for (Map.Entry<Digest, Image> e : selection.images.entrySet()) {
      saved.add(new SavedImage(e.getValue(), List.copyOf(selection.tags.get(e.getKey()))));
    }
    return saved;
  }

  private void add(String name)
      throws IOException, InvalidReferenceException, NoSuchImageException {
    if (FULL_ID.matcher(name).matches()) {
      add(find(name, "No such image: " + (name.contains(":") ? name : "sha256:" + name)), null);
      return;
    }
    ImageReference ref = ImageReference.parse(name);
    String notFound = "No such image: " + ref.withDefaultTag().familiarString();
    if (ref.isNameOnly()) {
      List<Image> all = store.images();
      boolean any = false;
      for (Image image : all) {
        for (ImageReference tag : image.repoTags()) {
          if (tag.name().equals(ref.name())) {
            add(image, tag);
            any = true;
          }
        }
      }
      if (!any) {
        add(find(name, notFound), null);
      }
      return;
    }
    add(find(name, notFound), ref.digest().isPresent() ? null : ref);
  }

  private Image find(String name, String notFound)
      throws IOException, InvalidReferenceException, NoSuchImageException {
    Optional<Image> image = store.find(name);
    if (image.isEmpty()) {
      throw new NoSuchImageException(notFound);
    }
    return image.get();
  }

  private void add(Image image, ImageReference tag) {
    images.putIfAbsent(image.id(), image);
    Set<ImageReference> imageTags = tags.computeIfAbsent(image.id(), id -> new LinkedHashSet<>());
    if (tag != null) {
      imageTags.add(tag.withDefaultTag());
    }
  }
}
