package io.jdock.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP clients jdock talks to registries with, one per TLS setting: the JDK truststore plus the
 * CA certificates of a host's {@code certs.d/<host>/*.crt} (docker's convention), or no check for a
 * registry listed as insecure. Redirects are never followed by the client: {@link
 * RegistryTransport} follows them so that credentials never reach another host.
 */
public final class HttpClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static volatile boolean anyBuilt;

  private final List<Path> certsDirs;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  public HttpClients(List<Path> certsDirs) {
    this.certsDirs = List.copyOf(certsDirs);
  }

  /** The client for {@code uri} with the given TLS mode. */
  public HttpClient forUri(URI uri, Endpoint.Tls tls) throws RegistryException {
    String host = uri.getRawAuthority();
    List<Path> cas = uri.getScheme().equals("https") ? caFiles(host) : List.of();
    String key =
        tls == Endpoint.Tls.SKIP_VERIFY ? "insecure" : cas.isEmpty() ? "default" : "ca " + host;
    HttpClient existing = clients.get(key);
    if (existing != null) {
      return existing;
    }
    HttpClient client = build(tls == Endpoint.Tls.SKIP_VERIFY ? trustAll() : withCas(host, cas));
    HttpClient raced = clients.putIfAbsent(key, client);
    return raced != null ? raced : client;
  }

  /** The verifying client for a URI outside any endpoint (token realms). */
  public HttpClient forUri(URI uri) throws RegistryException {
    return forUri(uri, Endpoint.Tls.VERIFY);
  }

  /** True once this process built an HttpClient (its selector thread then waits in epoll). */
  public static boolean anyBuilt() {
    return anyBuilt;
  }

  private static HttpClient build(SSLContext ssl) {
    anyBuilt = true;
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(ssl)
        .build();
  }

  private List<Path> caFiles(String host) {
    List<Path> files = new ArrayList<>();
    for (Path dir : certsDirs) {
      Path hostDir = dir.resolve(host);
      if (!Files.isDirectory(hostDir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(hostDir, "*.crt")) {
        s.forEach(files::add);
      } catch (IOException e) {
        // An unreadable certs dir is as good as none; the TLS error will say what failed.
      }
    }
    files.sort(null);
    return files;
  }

  private static SSLContext withCas(String host, List<Path> caFiles) throws RegistryException {
    try {
      if (caFiles.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      TrustManagerFactory jdk =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      int n = 0;
      for (TrustManager tm : jdk.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Path f : caFiles) {
        try (InputStream in = Files.newInputStream(f)) {
          for (Certificate c : cf.generateCertificates(in)) {
            store.setCertificateEntry("ca-" + n++, c);
          }
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw RegistryException.transport(
          "loading CA certificates for " + host + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext trustAll() throws RegistryException {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {new TrustAll()}, null);
      return ssl;
    } catch (GeneralSecurityException e) {
      throw RegistryException.transport("TLS: " + e.getMessage(), e);
    }
  }

  /** docker's InsecureSkipVerify for registries the user listed as insecure. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
