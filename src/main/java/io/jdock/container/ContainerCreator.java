package io.jdock.container;

import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ContainerHostConfig;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ContainerStore;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchContainerException;
import io.jdock.store.RecordConflictException;
import io.jdock.sys.Posix;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code jdock create}: a new container record for an image (its config merged with the options as
 * docker merges them), a generated name unless one is given, an empty upper dir and the init layer.
 */
final class ContainerCreator {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final int NAME_RACES = 3;

  private final ImageStore store;
  private final Clock clock;
  private final ContainerNames names;

  ContainerCreator(ImageStore store, Clock clock, Random random) {
    this.store = store;
    this.clock = clock;
    this.names = new ContainerNames(random);
  }

  ContainerRecord create(CreateRequest req) throws IOException, ContainerException {
    Image image = findImage(req.image());
    Layers.ensureExtracted(store, image);
    ContainerConfigs.Resolved resolved;
    try {
      resolved = ContainerConfigs.merge(image.config().value().config(), req, System::getenv);
    } catch (IllegalArgumentException e) {
      throw new ContainerException(e.getMessage());
    }
    Bind.parseAll(req.binds());
    if (req.name().isPresent() && !NAME.matcher(req.name().get()).matches()) {
      throw new ContainerException(
          "Invalid container name ("
              + req.name().get()
              + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    String id = ContainerStore.newId();
    ContainerHostConfig host =
        new ContainerHostConfig(
            req.hostname().orElse(""), req.tty(), req.interactive(), req.autoRemove(), req.binds());
    ContainerRecord r = null;
    for (int attempt = 0; r == null; attempt++) {
      String name = req.name().orElseGet(() -> names.pick(takenNames(), id));
      ContainerRecord candidate =
          new ContainerRecord(
              id,
              name,
              image.id(),
              image.manifestDescriptor().digest(),
              req.image(),
              clock.instant(),
              resolved.command(),
              resolved.config(),
              new ContainerState.Created(),
              store.containers().upperDir(id),
              host);
      try {
        store.containers().create(candidate);
        r = candidate;
      } catch (RecordConflictException e) {
        if (req.name().isPresent() || attempt >= NAME_RACES) {
          throw new ContainerException(e.getMessage());
        }
      }
    }
    makeInitLayer(r, image);
    return r;
  }

  private void makeInitLayer(ContainerRecord r, Image image) throws IOException {
    Union view =
        Union.open(
            new UnionConfig(
                Layers.lowerLayers(store, image), Optional.empty(), Posix.geteuid() == 0));
    try {
      InitLayer.create(store.paths().containerInit(r.id()), view);
    } catch (IOException | RuntimeException e) {
      try {
        store.containers().remove(r.id());
      } catch (NoSuchContainerException gone) {
        // nothing to undo
      }
      throw e;
    } finally {
      view.destroy();
    }
  }

  private java.util.function.Predicate<String> takenNames() {
    Set<String> taken = new HashSet<>();
    try {
      store.containers().list().forEach(c -> taken.add(c.name()));
    } catch (IOException e) {
      // a conflict at creation tells
    }
    return taken::contains;
  }

  Image findImage(String arg) throws IOException, ContainerException {
    try {
      Optional<Image> image = store.find(arg);
      if (image.isPresent()) {
        return image.get();
      }
    } catch (InvalidReferenceException e) {
      throw new ContainerException(e.getMessage());
    }
    throw new ContainerException("No such image: " + familiar(arg));
  }

  private static String familiar(String arg) {
    try {
      return ImageReference.parse(arg).withDefaultTag().familiarString();
    } catch (InvalidReferenceException e) {
      return arg;
    }
  }
}
