package io.jdock.registry.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * docker's {@code units.HumanSize}: decimal units (B, kB, MB, GB, ...) with 4 significant digits
 * and no trailing zeros ({@code %.4g}), e.g. {@code 1.2MB}, {@code 30MB}, {@code 123.5kB}.
 */
public final class HumanSize {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private HumanSize() {}

  public static String of(double size) {
    int i = 0;
    while (size >= 1000 && i < UNITS.length - 1) {
      size /= 1000;
      i++;
    }
    BigDecimal v = new BigDecimal(size).round(new MathContext(4, RoundingMode.HALF_EVEN));
    String digits = v.stripTrailingZeros().toPlainString();
    return digits + UNITS[i];
  }
}
