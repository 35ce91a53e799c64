package com.serviceloop.coverage;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the network department's coverage CSV: a header naming at least region, compound, building and
 * freePorts (any order; households and technology are read when present; other columns are ignored),
 * then one building per line. Fields may be quoted ("..." with "" for a quote). Every bad line is
 * reported with its line number (the header is line 1): the field names the column ("row" for a line
 * of the wrong shape), the message starts with "line N:". A file with any error yields no rows.
 */
public final class CoverageCsv {

  static final List<String> REQUIRED = List.of("region", "compound", "building", "freePorts");
  /** The sl_coverage columns' lengths (V3_1__coverage.sql): longer text is a bad line, not a database error. */
  static final Map<String, Integer> MAX_LENGTH = Map.of("region", 64, "compound", 128, "building", 64,
      "technology", 32);

  private CoverageCsv() {}

  public static List<CoverageRow> parse(String text) {
    List<FieldError> errors = new ArrayList<>();
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("The CSV is empty; nothing imported",
          List.of(new FieldError("header", "expected a header line region,compound,building,freePorts")));
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> header = split(stripBom(lines[0]));
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      column.putIfAbsent(header.get(i).strip(), i);
    }
    for (String name : REQUIRED) {
      if (!column.containsKey(name)) {
        errors.add(new FieldError(name, "line 1: the header has no column " + name));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The CSV header is incomplete; nothing imported", errors);
    }
    List<CoverageRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int n = 1; n < lines.length; n++) {
      int lineNo = n + 1;
      if (lines[n].isBlank()) {
        continue;
      }
      List<String> cells;
      try {
        cells = split(lines[n]);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("row", "line " + lineNo + ": " + e.getMessage()));
        continue;
      }
      if (cells.size() != header.size()) {
        errors.add(new FieldError("row", "line " + lineNo + ": " + cells.size() + " columns, the header has "
            + header.size()));
        continue;
      }
      int before = errors.size();
      String region = text(cells, column, "region", lineNo, errors);
      String compound = text(cells, column, "compound", lineNo, errors);
      String building = text(cells, column, "building", lineNo, errors);
      Integer freePorts = count(cells, column, "freePorts", true, lineNo, errors);
      Integer households = count(cells, column, "households", false, lineNo, errors);
      String technology = column.containsKey("technology") ? blankToNull(cells.get(column.get("technology"))) : null;
      if (technology != null && technology.length() > MAX_LENGTH.get("technology")) {
        errors.add(new FieldError("technology", "line " + lineNo + ": technology must be at most "
            + MAX_LENGTH.get("technology") + " characters"));
      }
      if (errors.size() > before) {
        continue;
      }
      String key = (region + "|" + compound + "|" + building).toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        errors.add(new FieldError("building", "line " + lineNo + ": " + region + " / " + compound + " / "
            + building + " appears twice in the file"));
        continue;
      }
      rows.add(new CoverageRow(region, compound, building, freePorts, households, technology));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The CSV has " + errors.size() + " bad row(s) (" + lines(errors)
          + "); nothing imported", errors);
    }
    return rows;
  }

  /** "line 3, line 5": each message starts with its line. */
  private static String lines(List<FieldError> errors) {
    return String.join(", ", errors.stream().map(e -> e.message().substring(0, e.message().indexOf(':')))
        .distinct().toList());
  }

  private static String text(List<String> cells, Map<String, Integer> column, String name, int lineNo,
      List<FieldError> errors) {
    String value = blankToNull(cells.get(column.get(name)));
    if (value == null) {
      errors.add(new FieldError(name, "line " + lineNo + ": " + name + " is required"));
    } else if (value.length() > MAX_LENGTH.get(name)) {
      errors.add(new FieldError(name, "line " + lineNo + ": " + name + " must be at most " + MAX_LENGTH.get(name)
          + " characters, not " + value.length()));
      return null;
    }
    return value;
  }

  private static Integer count(List<String> cells, Map<String, Integer> column, String name, boolean required,
      int lineNo, List<FieldError> errors) {
    Integer index = column.get(name);
    String value = index == null ? null : blankToNull(cells.get(index));
    if (value == null) {
      if (required) {
        errors.add(new FieldError(name, "line " + lineNo + ": " + name + " is required"));
      }
      return null;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "line " + lineNo + ": " + name + " must be a whole number >= 0, not \""
          + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\""));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** One CSV line into its cells; quotes as in RFC 4180 (no line breaks inside a cell). */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }
}
