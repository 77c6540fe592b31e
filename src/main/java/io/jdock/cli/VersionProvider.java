package io.jdock.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code jdock --version}: the jar's implementation version. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"jdock version " + (v == null ? "dev" : v)};
  }
}
