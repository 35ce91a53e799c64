package com.serviceloop.coverage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as customers type them: "kd*文苑花园", "Wenyuan  garden", "ＷＥＮＹＵＡＮ　Garden" and "wenyuangarden" are the
 * same compound; "1栋", "1号楼", "1幢" and " 1 " the same building.
 */
public final class CoverageNames {

  /** The SMS command: kd*小区名称 (also with a full-width asterisk, any case, spaces around). */
  private static final Pattern SMS_PREFIX = Pattern.compile("^kd\\s*\\*\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern BUILDING_SUFFIX = Pattern.compile("(号楼|号|栋|幢|楼)$");
  private static final Pattern BUILDING_PREFIX = Pattern.compile("^(building|bldg\\.?|no\\.?|第)");

  private CoverageNames() {}

  /** NFKC (full-width to half-width), lower case, no white space. */
  public static String key(String name) {
    if (name == null) {
      return null;
    }
    String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACE.matcher(normal).replaceAll("");
  }

  /** The compound as the SMS or website sent it, without the SMS command. */
  public static String stripSmsCommand(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    return SMS_PREFIX.matcher(normal).replaceFirst("");
  }

  /** A building's key: as {@link #key}, without "栋/号楼/幢" or "building" around the number. */
  public static String buildingKey(String building) {
    String key = key(building);
    if (key == null) {
      return null;
    }
    key = BUILDING_SUFFIX.matcher(key).replaceFirst("");
    return BUILDING_PREFIX.matcher(key).replaceFirst("");
  }
}
