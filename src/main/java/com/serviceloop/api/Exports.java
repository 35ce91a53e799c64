package com.serviceloop.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a download: CSV (Apache Commons CSV, UTF-8 with a byte-order mark so that Excel reads the
 * Chinese right) or Excel .xlsx (Apache POI; numbers as numeric cells). One place for the exports of the
 * lookups and the dashboard, so every figure is written the same way.
 */
public final class Exports {

  public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** The formats a client may ask for, by ?format= or by Accept. */
  public enum Format {
    JSON, CSV, XLSX;

    /**
     * ?format= wins (json, csv, xlsx); else the Accept header (text/csv, the .xlsx type); else JSON.
     *
     * @throws InvalidInputException for an unknown ?format=
     */
    public static Format of(String format, String accept) {
      if (format != null && !format.isBlank()) {
        try {
          return valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("Invalid input",
              List.of(new FieldError("format", "one of json, csv, xlsx, not '" + format + "'")));
        }
      }
      if (accept != null) {
        if (accept.contains("text/csv")) {
          return CSV;
        }
        if (accept.contains(Exports.XLSX.getSubtype())) {
          return XLSX;
        }
      }
      return JSON;
    }

    /**
     * {@link #of(String, String)} for a controller that collects every bad parameter before it answers: an
     * unknown ?format= goes to {@code errors} (and JSON stands in for it until they are thrown).
     */
    public static Format of(String format, String accept, List<FieldError> errors) {
      try {
        return of(format, accept);
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
        return JSON;
      }
    }
  }

  private Exports() {}

  public static ResponseEntity<byte[]> csv(String filename, List<String> header, List<List<Object>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      for (List<Object> row : rows) {
        printer.printRecord(row.stream().map(Exports::plain).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return download(filename + ".csv", CSV, out.toByteArray());
  }

  public static ResponseEntity<byte[]> xlsx(String filename, String sheetName, List<String> header,
      List<List<Object>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(sheetName);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        Cell cell = head.createCell(c);
        cell.setCellValue(header.get(c));
        cell.setCellStyle(bold);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      for (int c = 0; c < header.size(); c++) {
        sheet.setColumnWidth(c, 20 * 256);
      }
      workbook.write(out);
      return download(filename + ".xlsx", XLSX, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table in the format asked for; JSON is the caller's own answer (null here). */
  public static ResponseEntity<byte[]> table(Format format, String filename, String sheetName, List<String> header,
      List<List<Object>> rows) {
    return switch (format) {
      case CSV -> csv(filename, header, rows);
      case XLSX -> xlsx(filename, sheetName, header, rows);
      case JSON -> throw new IllegalArgumentException("JSON is answered by the controller itself");
    };
  }

  private static Object plain(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : value;
  }

  private static ResponseEntity<byte[]> download(String filename, MediaType type, byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(headers).body(body);
  }
}
