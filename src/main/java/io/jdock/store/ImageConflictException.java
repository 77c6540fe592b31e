package io.jdock.store;

/**
 * docker's rmi conflict (reference doc section 1.5), with docker's message: {@code conflict: unable
 * to delete <id> (must be forced) - <reason>} and the like.
 */
public class ImageConflictException extends Exception {
  private final boolean hard;

  public ImageConflictException(String message, boolean hard) {
    super(message);
    this.hard = hard;
  }

  /** True when {@code -f} cannot override it (child images, a running container). */
  public boolean isHard() {
    return hard;
  }
}
