package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;

/**
 * A reference that now points at another image; {@code previousImage} lost it (docker load prints
 * "The image X already exists, renaming the old one with ID ... to empty string").
 */
public record MovedReference(ImageReference reference, Digest previousImage) {}
