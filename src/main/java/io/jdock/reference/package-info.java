/**
 * Image references and docker's normalisation of them (distribution/reference): {@code ubuntu} is
 * {@code docker.io/library/ubuntu}, a first component is a registry host when it holds '.' or ':',
 * is {@code localhost} or is not lowercase. Errors carry docker's messages.
 *
 * <p>Imports {@code oci} only; never registry or store.
 */
package io.jdock.reference;
