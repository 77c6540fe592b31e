package io.jdock.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Words a failure without an HTTP answer as docker (Go's net/http) does, so that {@code Get
 * "http://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused} reads the
 * same.
 */
final class TransportErrors {
  private TransportErrors() {}

  /** {@code <Method> "<uri>": <cause>}, Go's url.Error. */
  static String request(String method, URI uri, Throwable e) {
    return goMethod(method) + " \"" + uri + "\": " + describe(uri, e);
  }

  static String goMethod(String method) {
    return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The cause part, e.g. {@code dial tcp 127.0.0.1:5999: connect: connection refused}. */
  static String describe(URI uri, Throwable e) {
    String hostPort = hostPort(uri);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "dial tcp " + hostPort + ": i/o timeout";
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "dial tcp: lookup " + uri.getHost() + ": no such host";
      }
      if (t instanceof ConnectException) {
        return "dial tcp " + hostPort + ": connect: connection refused";
      }
      if (t instanceof SSLHandshakeException h && String.valueOf(h.getMessage()).contains("PKIX")) {
        return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
      }
      if (t instanceof SSLException s) {
        return "tls: " + s.getMessage();
      }
      if (t instanceof HttpTimeoutException) {
        return "net/http: timeout awaiting response headers";
      }
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static String hostPort(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /**
   * Nothing listens there: asking again at once does not help, and docker reports it at once rather
   * than after the retry backoff.
   */
  static boolean isRefused(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  static boolean isInterrupted(IOException e) {
    return e instanceof java.io.InterruptedIOException;
  }
}
