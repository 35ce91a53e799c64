package com.serviceloop.webapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The locale files of the Camunda web apps as ServiceLoop serves them
 * ({@code /camunda/app/<app>/locales/<locale>.json}).
 *
 * <p>Simplified Chinese ({@code zh}) is built from three layers, each overriding the one before:
 * <ol>
 *   <li>the web app's own English file from the Camunda webjar on the classpath, so a key that a future
 *       Camunda release adds shows in English rather than as its id ({@code WebappTranslationsTest} fails
 *       until it is translated);</li>
 *   <li>the maintained community translation, npm {@code camunda-webapp-translations} 7.15.0,
 *       {@code <app>/zh-Hans.json}, kept verbatim under {@code webapps/translations/upstream/} (Apache
 *       License 2.0, see the README there); it has no Cockpit file;</li>
 *   <li>the project's own file {@code webapps/translations/zh/<app>.json}: the keys 7.24 has and the
 *       package lacks, corrections, the whole of Cockpit, and {@code dateLocales.json} (moment's zh
 *       locale with the operator's yyyy-MM-dd dates).</li>
 * </ol>
 * English ({@code en}) is the webjar's file. In both, {@code BANNER_CE_EOL_TEXT} — the red bar on top of
 * every page — is the operator's own text (serviceloop.webapps.banner-zh / banner-en), escaped as
 * plain text; empty hides the bar (styles/user-styles.css hides it when empty).
 */
@Component
@RequiredArgsConstructor
public class WebappTranslations {

  public static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");
  public static final String CHINESE = "zh";
  public static final String ENGLISH = "en";
  public static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";
  static final String WEBJAR = "META-INF/resources/webjars/camunda/app/%s/locales/en.json";
  static final String UPSTREAM = "webapps/translations/upstream/%s/zh-Hans.json";
  static final String PROJECT = "webapps/translations/zh/%s.json";
  static final String DATE_LOCALES = "webapps/translations/zh/dateLocales.json";

  private final ObjectMapper json;
  private final WebappProperties properties;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The locale file, as JSON bytes (built once, then cached). */
  public byte[] file(String app, String locale) {
    if (!APPS.contains(app) || !(CHINESE.equals(locale) || ENGLISH.equals(locale))) {
      throw new IllegalArgumentException("No locale file " + app + "/" + locale);
    }
    return cache.computeIfAbsent(app + "/" + locale, key -> {
      try {
        return json.writeValueAsBytes(build(app, locale));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The merged locale file as a tree: {@code {"labels": {...}, "dateLocales": {...}}}. */
  public ObjectNode build(String app, String locale) {
    ObjectNode file = (ObjectNode) read(WEBJAR.formatted(app), true);
    if (CHINESE.equals(locale)) {
      merge(file, read(UPSTREAM.formatted(app), false));
      merge(file, read(PROJECT.formatted(app), false));
      file.set("dateLocales", read(DATE_LOCALES, true));
    }
    String banner = CHINESE.equals(locale) ? properties.bannerZh() : properties.bannerEn();
    labels(file).put(BANNER_KEY, HtmlUtils.htmlEscape(banner, "UTF-8"));
    return file;
  }

  /** The English file of the web app as Camunda ships it: the keys every translation must have. */
  public JsonNode webjarLabels(String app) {
    return read(WEBJAR.formatted(app), true).path("labels");
  }

  /**
   * The keys of the web app's English file that neither the community translation nor the project's file
   * translates: shown in English under zh. Empty for every app of the Camunda version on the classpath.
   */
  public List<String> untranslated(String app) {
    JsonNode upstream = read(UPSTREAM.formatted(app), false);
    JsonNode project = read(PROJECT.formatted(app), false);
    JsonNode english = webjarLabels(app);
    List<String> missing = new java.util.ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      boolean emptyInEnglish = english.path(key).asText().isBlank();
      if (!BANNER_KEY.equals(key) && !emptyInEnglish && !has(upstream, key) && !has(project, key)) {
        missing.add(key);
      }
    });
    return missing;
  }

  /** Translated: the key is there with a text ("" only for a plural suffix such as "s", which Chinese has not). */
  private static boolean has(JsonNode layer, String key) {
    return layer != null && layer.path("labels").hasNonNull(key);
  }

  private static ObjectNode labels(ObjectNode file) {
    return file.has("labels") ? (ObjectNode) file.get("labels") : file.putObject("labels");
  }

  private static void merge(ObjectNode file, JsonNode layer) {
    if (layer == null) {
      return;
    }
    ObjectNode labels = labels(file);
    layer.path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
    if (layer.has("dateLocales")) {
      file.set("dateLocales", layer.get("dateLocales"));
    }
  }

  private JsonNode read(String path, boolean required) {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      if (required) {
        throw new IllegalStateException("Missing on the classpath: " + path);
      }
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      return json.readTree(in); // Jackson skips the byte-order mark some of these files start with
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
