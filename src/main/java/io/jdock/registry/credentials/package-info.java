/**
 * docker's client-side credentials: {@code config.json} ({@code auths}, {@code credsStore}, {@code
 * credHelpers}) and the {@code docker-credential-<name>} helper protocol, looked up in docker's
 * order (credHelpers[host], then credsStore, then inline auths). See
 * https://docs.docker.com/reference/cli/docker/login/ and reference/docker-cli-oci.md section 1.9.
 *
 * <p>Imports nothing else of jdock; no network.
 */
package io.jdock.registry.credentials;
