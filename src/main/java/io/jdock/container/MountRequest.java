package io.jdock.container;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code jdock mount} asks for: an image, where to mount it, and optionally the mount's name
 * (which keeps its upper dir across umount and mount), a user-chosen upper dir, read-only.
 */
public record MountRequest(
    String image, Path mountpoint, Optional<String> name, Optional<Path> upper, boolean readOnly) {}
