package io.jdock.container;

import io.jdock.fuse.FuseMount;
import io.jdock.fuse.MountException;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.MountRecord;
import io.jdock.store.RecordConflictException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jdock mount}, {@code umount} and {@code mounts}: each mount is served by a background
 * jdock process (see {@link MountServer}) and described by a record in the store, which outlives
 * the mount so that its upper dir is found again when the same name is mounted again.
 */
public final class Mounts {
  private final ImageStore store;

  public Mounts(ImageStore store) {
    this.store = store;
  }

  /** Mounts an image and returns once the mount answers. */
  public MountRecord mount(MountRequest req) throws IOException, MountFailure {
    Path mp = checkMountpoint(req.mountpoint());
    Image image = findImage(req.image());
    Layers.ensureExtracted(store, image);
    String name = req.name().orElseGet(() -> MountNames.forMountpoint(mp));
    if (!MountRecord.isValidName(name)) {
      throw new MountFailure("invalid mount name \"" + name + "\": use [a-zA-Z0-9][a-zA-Z0-9_.-]*");
    }
    Optional<MountRecord> previous = store.mounts().get(name);
    MountRecord record = prepare(previous, name, image, req, mp);
    try {
      long pid =
          ServerLauncher.start(
              List.of("--root", store.paths().root().toString(), MountServer.COMMAND, name),
              record.logPath());
      return store.mounts().get(name).orElseThrow().withPid(pid);
    } catch (IOException e) {
      if (previous.isEmpty()) {
        store.mounts().remove(name);
      }
      throw new MountFailure(e.getMessage());
    }
  }

  private Image findImage(String arg) throws IOException, MountFailure {
    try {
      return store.find(arg).orElseThrow(() -> new MountFailure("No such image: " + arg));
    } catch (InvalidReferenceException e) {
      throw new MountFailure(e.getMessage());
    }
  }

  /** Fails early, in the words the server would use (a dead mount is named as such). */
  private static Path checkMountpoint(Path mountpoint) throws IOException, MountFailure {
    Path mp = mountpoint.toAbsolutePath().normalize();
    try {
      FuseMount.checkMountpoint(mp);
    } catch (MountException e) {
      throw new MountFailure(e.getMessage());
    }
    return mp.toRealPath();
  }

  /** The record to serve: a new one, or the kept one of an earlier mount of the same name. */
  private MountRecord prepare(
      Optional<MountRecord> previous, String name, Image image, MountRequest req, Path mp)
      throws IOException, MountFailure {
    Optional<MountRecord> busy = store.mounts().atMountpoint(mp).filter(MountRecord::isActive);
    if (busy.isPresent()) {
      throw new MountFailure(mp + " is already a jdock mount (" + busy.get().name() + ")");
    }
    Path log = store.paths().mountDir(name).resolve("server.log");
    if (previous.isEmpty()) {
      MountRecord r =
          new MountRecord(
              name,
              image.id(),
              image.manifestDescriptor().digest(),
              req.image(),
              mp,
              req.upper()
                  .map(p -> p.toAbsolutePath().normalize())
                  .orElse(store.mounts().upperDir(name)),
              req.readOnly(),
              0,
              null,
              log,
              Instant.now());
      try {
        store.mounts().create(r);
      } catch (RecordConflictException e) {
        throw new MountFailure(e.getMessage());
      }
      return r;
    }
    MountRecord old = previous.get();
    if (old.isActive()) {
      throw new MountFailure("mount " + name + " is already mounted at " + old.mountpoint());
    }
    boolean ownUpper = old.upperDir().equals(store.mounts().upperDir(name));
    if (ownUpper && req.upper().isEmpty() && !old.imageId().equals(image.id())) {
      throw new MountFailure(
          "mount "
              + name
              + " keeps changes made on image "
              + old.imageId().shortHex()
              + "; mount that image, choose another --name, or discard them with"
              + " 'jdock umount --discard "
              + name
              + "'");
    }
    Path upper = req.upper().map(p -> p.toAbsolutePath().normalize()).orElse(old.upperDir());
    MountRecord r =
        new MountRecord(
            name,
            image.id(),
            image.manifestDescriptor().digest(),
            req.image(),
            mp,
            upper,
            req.readOnly(),
            0,
            null,
            log,
            Instant.now());
    store.mounts().update(name, x -> r);
    return r;
  }

  /** Unmounts a mount given by mountpoint or name; {@code discard} also drops its upper dir. */
  public MountRecord unmount(String target, boolean discard) throws IOException, MountFailure {
    Optional<MountRecord> found = store.mounts().get(target);
    Path asPath = Path.of(target).toAbsolutePath().normalize();
    if (found.isEmpty()) {
      found = store.mounts().atMountpoint(realOrSame(asPath));
    }
    if (found.isEmpty()) {
      if (FuseMount.isMountPoint(asPath)) {
        unmountPath(asPath);
        return null;
      }
      throw new MountFailure("no such mount: " + target);
    }
    MountRecord r = found.get();
    boolean mounted = FuseMount.isMountPoint(r.mountpoint());
    if (!r.isActive() && !mounted && !discard) {
      throw new MountFailure(r.mountpoint() + " is not mounted");
    }
    if (r.isActive()) {
      MountServer.stop(r.pid());
    }
    if (FuseMount.isMountPoint(r.mountpoint())) {
      unmountPath(r.mountpoint());
    }
    if (discard) {
      store.mounts().remove(r.name());
    } else {
      store.mounts().update(r.name(), x -> x.withPid(0));
    }
    return r;
  }

  private static void unmountPath(Path mp) throws MountFailure {
    try {
      FuseMount.unmount(mp, true);
    } catch (IOException e) {
      throw new MountFailure(e.getMessage());
    }
  }

  private static Path realOrSame(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  /** The mounts being served now. */
  public List<MountRecord> active() throws IOException {
    List<MountRecord> out = new ArrayList<>();
    for (MountRecord r : store.mounts().list()) {
      if (r.isActive()) {
        out.add(r);
      }
    }
    return out;
  }
}
