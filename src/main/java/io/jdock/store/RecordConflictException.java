package io.jdock.store;

/** A container or mount record cannot be created: its name or ID is taken (docker's message). */
public class RecordConflictException extends Exception {
  public RecordConflictException(String message) {
    super(message);
  }
}
