package io.jdock.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables of an execution, as Go's {@code state.vars} stack: {@code $} at the bottom, then
 * each declared variable; a control structure marks the stack and pops back to its mark at its end.
 */
final class Variables {
  /** One variable: its name with the {@code $} and its value. */
  record Variable(String name, Object value) {}

  private final ExecPosition position;
  private List<Variable> stack = new ArrayList<>();

  Variables(ExecPosition position) {
    this.position = position;
  }

  void push(String name, Object value) {
    stack.add(new Variable(name, value));
  }

  /** The height of the stack, for {@link #pop}. */
  int mark() {
    return stack.size();
  }

  /** Pops the variables declared since the mark. */
  void pop(int mark) {
    while (stack.size() > mark) {
      stack.remove(stack.size() - 1);
    }
  }

  /** Assigns the innermost variable of that name ({@code $x = value}). */
  void set(String name, Object value) {
    stack.set(indexOf(name), new Variable(name, value));
  }

  /** Assigns the n-th variable from the top (1 is the top). */
  void setTop(int n, Object value) {
    int i = stack.size() - n;
    stack.set(i, new Variable(stack.get(i).name(), value));
  }

  Object value(String name) {
    return stack.get(indexOf(name)).value();
  }

  private int indexOf(String name) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).name().equals(name)) {
        return i;
      }
    }
    throw position.errorf("undefined variable: " + name);
  }

  /**
   * Starts a template invocation, which inherits no variables: only {@code $} is set. Returns the
   * caller's variables for {@link #restore}.
   */
  List<Variable> enterTemplate(Object dot) {
    List<Variable> saved = stack;
    stack = new ArrayList<>();
    push("$", dot);
    return saved;
  }

  /** Gives back the caller's variables after a template invocation. */
  void restore(List<Variable> saved) {
    stack = saved;
  }
}
