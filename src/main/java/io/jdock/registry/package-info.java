/**
 * The distribution-API v2 client
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md) over {@code
 * java.net.http.HttpClient}: endpoints and mirrors ({@link io.jdock.registry.RegistryConfig}), TLS
 * with extra CAs, anonymous / Basic / Bearer-token auth ({@link io.jdock.registry.Authenticator}),
 * retries and manual redirects ({@link io.jdock.registry.RegistryTransport}), manifests with
 * platform selection ({@link io.jdock.registry.ImageResolver}), registry errors that keep their
 * structure ({@link io.jdock.registry.RegistryException}) and {@code login}/{@code logout} ({@link
 * io.jdock.registry.Login}). Pulling and pushing live in the {@code pull} and {@code push}
 * sub-packages; progress display in {@code progress}.
 *
 * <p>Imports {@code oci}, {@code reference} and {@code registry.credentials}; never store, union or
 * fuse: images reach the store through the sink and source interfaces of {@code pull} and {@code
 * push}.
 */
package io.jdock.registry;
