package io.jdock.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for the 'e', 'f' and 'g' formats, shortest (precision -1) or
 * with a precision, rounding the exact binary value half-to-even as Go does. {@code %v} of a
 * float64 is {@code format(f, 'g', -1)}; {@code %.3g} is {@code format(f, 'g', 3)}.
 */
final class GoFloat {
  private GoFloat() {}

  /** Decimal digits d1d2... (no leading or trailing zeros) with value 0.d1d2... x 10^dp. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }

    char at(int i) {
      return i >= 0 && i < d.length() ? d.charAt(i) : '0';
    }
  }

  /** {@code fmt.Sprint(f)} for a float64. */
  static String v(double f) {
    return format(f, 'g', -1, 64);
  }

  /** {@code strconv.FormatFloat(f, fmt, prec, bitSize)} for fmt in e, E, f, g, G. */
  static String format(double f, char fmt, int prec, int bitSize) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = f < 0 || (f == 0 && 1 / f < 0);
    double abs = Math.abs(f);
    boolean shortest = prec < 0;
    char lower = Character.toLowerCase(fmt);
    Digits digs;
    if (shortest) {
      digs = shortest(abs, bitSize);
      prec =
          switch (lower) {
            case 'e' -> Math.max(digs.nd() - 1, 0);
            case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
            default -> digs.nd();
          };
    } else {
      digs = rounded(abs, lower, prec);
    }
    String body = layout(digs, fmt, prec, shortest);
    return neg ? "-" + body : body;
  }

  private static String layout(Digits digs, char fmt, int prec, boolean shortest) {
    switch (fmt) {
      case 'e', 'E':
        return fmtE(digs, prec, fmt);
      case 'f', 'F':
        return fmtF(digs, prec);
      default:
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
          eprec = digs.nd();
        }
        // %e is used if the exponent from the conversion is less than -4 or greater than or
        // equal to the precision; if precision was the shortest possible, use precision 6.
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd()) {
            prec = digs.nd();
          }
          return fmtE(digs, prec - 1, fmt == 'g' ? 'e' : 'E');
        }
        if (prec > digs.dp()) {
          prec = digs.nd();
        }
        return fmtF(digs, Math.max(prec - digs.dp(), 0));
    }
  }

  private static Digits shortest(double abs, int bitSize) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    BigDecimal exact = new BigDecimal(abs);
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      boolean same =
          bitSize == 32
              ? Float.parseFloat(r.toString()) == (float) abs
              : Double.parseDouble(r.toString()) == abs;
      if (same) {
        return digitsOf(r);
      }
    }
    return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Digits rounded(double abs, char fmt, int prec) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal r =
        switch (fmt) {
          case 'e' -> exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
          case 'f' -> exact.setScale(prec, RoundingMode.HALF_EVEN);
          default -> exact.round(new MathContext(prec == 0 ? 1 : prec, RoundingMode.HALF_EVEN));
        };
    return digitsOf(r);
  }

  private static Digits digitsOf(BigDecimal r) {
    if (r.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal s = r.stripTrailingZeros();
    String d = s.unscaledValue().toString();
    return new Digits(d, d.length() - s.scale());
  }

  private static String fmtE(Digits digs, int prec, char fmt) {
    StringBuilder sb = new StringBuilder();
    sb.append(digs.nd() == 0 ? '0' : digs.at(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(digs.at(i));
      }
    }
    sb.append(fmt == 'E' || fmt == 'G' ? 'E' : 'e');
    int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    return sb.append(exp).toString();
  }

  private static String fmtF(Digits digs, int prec) {
    StringBuilder sb = new StringBuilder();
    if (digs.dp() > 0) {
      for (int i = 0; i < digs.dp(); i++) {
        sb.append(digs.at(i));
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(digs.at(digs.dp() + i - 1));
      }
    }
    return sb.toString();
  }

  /** {@code strconv.FormatFloat(f, 'x', -1, 64)}: {@code 0x1.ecp+06}. */
  static String hex(double f, boolean upper) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return format(f, 'g', -1, 64);
    }
    String sign = (f < 0 || (f == 0 && 1 / f < 0)) ? "-" : "";
    double abs = Math.abs(f);
    String out;
    if (abs == 0) {
      out = "0x0p+00";
    } else {
      long bits = Double.doubleToLongBits(abs);
      int exp = (int) ((bits >> 52) & 0x7ff);
      long mant = bits & 0xfffffffffffffL;
      if (exp == 0) {
        // Subnormal: normalise so that the leading digit is 1.
        int shift = Long.numberOfLeadingZeros(mant) - 11;
        mant = (mant << shift) & 0xfffffffffffffL;
        exp = 1 - shift;
      }
      exp -= 1023;
      String frac = String.format("%013x", mant).replaceAll("0+$", "");
      String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
      out = "0x1" + (frac.isEmpty() ? "" : "." + frac) + "p" + e;
    }
    return sign + (upper ? out.toUpperCase(java.util.Locale.ROOT) : out);
  }
}
