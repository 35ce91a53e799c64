package com.serviceloop.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of FEEL that the forms' {@code conditional.hide} (and expression-valued {@code readonly})
 * use, evaluated on the server exactly as form-js evaluates it in Tasklist. Supported, and nothing else:
 * names (a form field or a case variable; unknown → null), string, number, {@code true}/{@code false}/
 * {@code null} literals, {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code and}, {@code or}, {@code not(...)} and parentheses. Anything else is refused when the form is
 * read ({@link UnsupportedFormException}), so a form the server cannot check fails the model test
 * ({@code FormConditionModelTest}) instead of being half-checked at run time.
 *
 * <p>Semantics as FEEL: comparing with null gives null for {@code <}, {@code >} and friends, {@code =}
 * and {@code !=} compare null like any value ({@code null != "X"} is true), {@code and}/{@code or}
 * are three-valued; a field is hidden only when the result is {@code true}.
 */
public final class FormCondition {

  private final String source;
  private final Node root;
  private final Set<String> names;

  private FormCondition(String source, Node root, Set<String> names) {
    this.source = source;
    this.root = root;
    this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names)); // in reading order: stable messages
  }

  /** Parses a form expression ("=…"); throws {@link UnsupportedFormException} for what is not supported. */
  public static FormCondition parse(String expression) {
    String text = expression.strip();
    if (!text.startsWith("=")) {
      throw new UnsupportedFormException("not a FEEL expression (no leading '='): " + expression);
    }
    Parser parser = new Parser(expression, tokenize(expression, text.substring(1)));
    Node root = parser.or();
    parser.expectEnd();
    return new FormCondition(expression, root, parser.names);
  }

  /** True only when the expression evaluates to true (null and false are "not hidden"). */
  public boolean isTrue(Map<String, Object> context) {
    return Boolean.TRUE.equals(root.eval(context));
  }

  /** The names the expression reads (form fields or case variables): what its context must hold. */
  public Set<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return source;
  }

  // ---------------------------------------------------------------- tokens

  private enum Kind { NAME, STRING, NUMBER, OP, LPAREN, RPAREN }

  private record Token(Kind kind, String text) {}

  private static List<Token> tokenize(String source, String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) {
          throw new UnsupportedFormException("unterminated string in " + source);
        }
        String literal = s.substring(i + 1, end);
        if (literal.indexOf('\\') >= 0) {
          throw new UnsupportedFormException("escapes in strings are not supported: " + source);
        }
        tokens.add(new Token(Kind.STRING, literal));
        i = end + 1;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "("));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")"));
        i++;
      } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        tokens.add(new Token(Kind.OP, "!="));
        i += 2;
      } else if (c == '<' || c == '>') {
        boolean eq = i + 1 < s.length() && s.charAt(i + 1) == '=';
        tokens.add(new Token(Kind.OP, eq ? c + "=" : String.valueOf(c)));
        i += eq ? 2 : 1;
      } else if (c == '=') {
        tokens.add(new Token(Kind.OP, "="));
        i++;
      } else if (Character.isDigit(c) || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, s.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, s.substring(start, i)));
      } else {
        throw new UnsupportedFormException("'" + c + "' is not supported in form conditions: " + source);
      }
    }
    return tokens;
  }

  // ---------------------------------------------------------------- parser (recursive descent)

  private interface Node {
    Object eval(Map<String, Object> context);
  }

  private static final class Parser {
    private final String source;
    private final List<Token> tokens;
    private final Set<String> names = new LinkedHashSet<>();
    private int pos;

    Parser(String source, List<Token> tokens) {
      this.source = source;
      this.tokens = tokens;
    }

    private Token peek() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean keyword(String word) {
      Token t = peek();
      if (t != null && t.kind() == Kind.NAME && t.text().equals(word)) {
        pos++;
        return true;
      }
      return false;
    }

    void expectEnd() {
      if (peek() != null) {
        throw new UnsupportedFormException("unexpected '" + peek().text() + "' in " + source);
      }
    }

    Node or() {
      return logical("or", this::and, true);
    }

    Node and() {
      return logical("and", this::comparison, false);
    }

    /**
     * FEEL's three-valued or/and: the deciding value ({@code true} for or, {@code false} for and) wins over
     * null; both the other value gives that; anything else is null.
     */
    private Node logical(String word, java.util.function.Supplier<Node> operand, boolean deciding) {
      Node left = operand.get();
      while (keyword(word)) {
        Node l = left;
        Node r = operand.get();
        left = ctx -> {
          Object a = l.eval(ctx);
          Object b = r.eval(ctx);
          if (Boolean.valueOf(deciding).equals(a) || Boolean.valueOf(deciding).equals(b)) {
            return deciding;
          }
          return Boolean.valueOf(!deciding).equals(a) && Boolean.valueOf(!deciding).equals(b) ? !deciding : null;
        };
      }
      return left;
    }

    Node comparison() {
      Node left = primary();
      Token t = peek();
      if (t != null && t.kind() == Kind.OP) {
        pos++;
        Node l = left;
        Node r = primary();
        String op = t.text();
        return ctx -> compare(op, l.eval(ctx), r.eval(ctx));
      }
      return left;
    }

    Node primary() {
      Token t = peek();
      if (t == null) {
        throw new UnsupportedFormException("incomplete expression: " + source);
      }
      pos++;
      switch (t.kind()) {
        case STRING:
          return ctx -> t.text();
        case NUMBER:
          BigDecimal number = new BigDecimal(t.text());
          return ctx -> number;
        case LPAREN: {
          Node inner = or();
          closeParen();
          return inner;
        }
        case NAME:
          switch (t.text()) {
            case "true":
              return ctx -> true;
            case "false":
              return ctx -> false;
            case "null":
              return ctx -> null;
            case "not": {
              Token open = peek();
              if (open == null || open.kind() != Kind.LPAREN) {
                throw new UnsupportedFormException("not must be called as not(...): " + source);
              }
              pos++;
              Node inner = or();
              closeParen();
              return ctx -> {
                Object v = inner.eval(ctx);
                return v instanceof Boolean b ? !b : null;
              };
            }
            case "and", "or", "if", "then", "else", "for", "some", "every", "in", "satisfies", "between",
                "instance", "function":
              throw new UnsupportedFormException("'" + t.text() + "' is not supported in form conditions: "
                  + source);
            default:
              Token next = peek();
              if (next != null && next.kind() == Kind.LPAREN) {
                throw new UnsupportedFormException("function " + t.text() + "() is not supported: " + source);
              }
              String name = t.text();
              names.add(name);
              return ctx -> normalise(ctx.get(name));
          }
        default:
          throw new UnsupportedFormException("unexpected '" + t.text() + "' in " + source);
      }
    }

    private void closeParen() {
      Token close = peek();
      if (close == null || close.kind() != Kind.RPAREN) {
        throw new UnsupportedFormException("missing ')' in " + source);
      }
      pos++;
    }
  }

  private static Object normalise(Object value) {
    if (value instanceof Number n && !(value instanceof BigDecimal)) {
      return new BigDecimal(n.toString());
    }
    return value;
  }

  private static Object compare(String op, Object a, Object b) {
    switch (op) {
      case "=":
        return equal(a, b);
      case "!=":
        return !equal(a, b);
      default:
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
          return ordered(op, x.compareTo(y));
        }
        if (a instanceof String x && b instanceof String y) {
          return ordered(op, x.compareTo(y));
        }
        return null;
    }
  }

  /** {@code op} (<, <=, >, >=) of two values whose comparison gave {@code c}. */
  private static boolean ordered(String op, int c) {
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }
}
