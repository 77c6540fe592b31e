package io.jdock.reference;

import java.util.regex.Pattern;

/** The reference grammar of distribution/reference (regexp.go), as anchored patterns. */
final class ReferenceGrammar {
  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
  private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
  private static final String HOST = "(?:" + DOMAIN_NAME + "|" + IPV6 + ")";
  static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
  static final String TAG = "[\\w][\\w.-]{0,127}";
  static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;

  /** Groups: 1 name, 2 tag, 3 digest. */
  static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");

  static final Pattern ANCHORED_TAG = Pattern.compile("^" + TAG + "$");
  static final Pattern ANCHORED_DOMAIN = Pattern.compile("^" + DOMAIN_AND_PORT + "$");
  static final Pattern ANCHORED_IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");

  private ReferenceGrammar() {}
}
