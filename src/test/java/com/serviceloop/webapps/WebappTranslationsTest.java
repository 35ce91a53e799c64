package com.serviceloop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the four Camunda web apps load, fetched over HTTP from the running application as a browser does
 * (no login: the login page needs them): ServiceLoop's config.js, styles and locale files take the
 * webjar's place, Chinese is complete for the Camunda version on the classpath, and the migration
 * banner carries the operator's text.
 */
@ServiceLoopTest
class WebappTranslationsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired WebappTranslations translations;
  @Autowired WebappProperties properties;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppLoadsServiceLoopsConfigurationInsteadOfTheWebjars(String app) {
    ResponseEntity<String> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("import serviceLoopConfig from '../../serviceloop/config.js'");
    // what the four apps share, imported from next to the custom script: /camunda/app/serviceloop/config.js
    ResponseEntity<String> shared = rest.getForEntity("/camunda/app/serviceloop/config.js", String.class);
    assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shared.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(shared.getBody())
        .contains("availableLocales: [locale]", "fallbackLocale: locale", "serviceloop.locale")
        .contains("normal: 'YYYY-MM-DD HH:mm'")
        .contains("customScripts: ['../serviceloop/webapps']");
    assertThat(rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class).getBody())
        .contains(".ce-eol-banner:empty");
    // the custom script resolves next to the apps: /camunda/app/<app>/../serviceloop/webapps.js
    assertThat(rest.getForEntity("/camunda/app/serviceloop/webapps.js", String.class).getBody())
        .contains("serviceloop-language", "'sv-SE'", "import FLATPICKR_ZH from './flatpickr-zh.js'",
            "flatpickr.localize(FLATPICKR_ZH)");
    // the date pickers' Chinese, imported by webapps.js from next to it
    ResponseEntity<String> flatpickrZh = rest.getForEntity("/camunda/app/serviceloop/flatpickr-zh.js", String.class);
    assertThat(flatpickrZh.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(flatpickrZh.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(flatpickrZh.getBody()).contains("'十二月'", "'周一'", "firstDayOfWeek: 1", "export default Mandarin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasEveryKeyOfTheAppTranslated(String app) throws Exception {
    assertThat(translations.untranslated(app)).as("keys of %s/en.json without a Chinese translation", app).isEmpty();

    JsonNode zh = json.readTree(rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class).getBody());
    JsonNode en = translations.webjarLabels(app);
    en.fields().forEachRemaining(e -> {
      // NO_TASK_FORM is empty in English too; a plural suffix ("s") has no Chinese
      if (!e.getValue().asText().isBlank() && !e.getValue().asText().matches("[a-z]{1,2}")) {
        assertThat(zh.path("labels").path(e.getKey()).asText()).as(e.getKey()).isNotBlank();
      }
    });
    // every placeholder of the English text is kept, so no message loses its {{message}}
    en.fields().forEachRemaining(e -> {
      for (String placeholder : placeholders(e.getValue().asText())) {
        assertThat(zh.path("labels").path(e.getKey()).asText().replace(" ", "")).as(e.getKey()).contains(placeholder);
      }
    });
    assertThat(zh.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(zh.at("/dateLocales/weekdays/1").asText()).isEqualTo("星期一");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrationBannerCarriesTheOperatorsText(String app) throws Exception {
    JsonNode zh = json.readTree(rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class).getBody());
    JsonNode en = json.readTree(rest.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class).getBody());
    assertThat(zh.at("/labels/BANNER_CE_EOL_TEXT").asText()).isEqualTo(properties.bannerZh()).contains("系统支撑部");
    assertThat(en.at("/labels/BANNER_CE_EOL_TEXT").asText()).isEqualTo(properties.bannerEn());
    assertThat(zh.toString() + en).doesNotContain("Camunda 8", "migrating-from-camunda-7");
    // English is Camunda's own file otherwise
    assertThat(en.at("/labels/SUBMIT").asText()).isEqualTo(translations.webjarLabels(app).path("SUBMIT").asText(""));
  }

  @org.junit.jupiter.api.Test
  void theChineseLabelsAreChinese() throws Exception {
    JsonNode tasklist = json.readTree(rest.getForEntity("/camunda/app/tasklist/locales/zh.json", String.class).getBody());
    assertThat(tasklist.at("/labels/ALL_TASKS").asText()).isEqualTo("所有任务");
    assertThat(tasklist.at("/labels/PAGINATION_NEXT").asText()).isEqualTo("下一页");
    JsonNode cockpit = json.readTree(rest.getForEntity("/camunda/app/cockpit/locales/zh.json", String.class).getBody());
    assertThat(cockpit.at("/labels/DASHBOARD_PROCESS_DEFINITIONS").asText()).isEqualTo("流程定义");
    assertThat(cockpit.at("/labels/PLGN_BATCH_S").asText()).isEmpty(); // "instance" + "s": no plural in Chinese
    // only zh and en are offered; another language falls through to the webjar
    assertThat(rest.getForEntity("/camunda/app/tasklist/locales/de.json", String.class).getBody()).contains("Aufgabe");
  }

  /** No label left in English: a Chinese text equal to the English one is an id, a symbol, a format or a name. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noLabelIsLeftInEnglish(String app) {
    JsonNode zh = translations.build(app, WebappTranslations.CHINESE).path("labels");
    java.util.List<String> english = new java.util.ArrayList<>();
    translations.webjarLabels(app).fields().forEachRemaining(e -> {
      String text = e.getValue().asText();
      boolean untranslatable = text.isBlank() || text.matches("[a-z]{1,2}") // a plural suffix
          || text.matches("[A-Z]{2,5}") // ID, CSV, JSON, DMN
          || text.matches("[<>=]+|<null>|<undefined>|Camunda|ID\\*|YYYY-MM-DDTHH:mm:ss");
      if (!untranslatable && text.equals(zh.path(e.getKey()).asText())) {
        english.add(e.getKey() + " = " + text);
      }
    });
    assertThat(english).as("%s labels whose Chinese is the English text", app).isEmpty();
    if (app.equals("cockpit")) {
      assertThat(zh.path("ERROR").asText()).isEqualTo("错误");
      assertThat(zh.path("SUCCESS").asText()).isEqualTo("成功");
      assertThat(zh.path("PLGN_AUDIT_LOAD_MORE").asText()).isEqualTo("加载更多日志条目…");
    }
  }

  @org.junit.jupiter.api.Test
  void theBannerTextIsPlainTextNotHtml() {
    WebappTranslations withMarkup = new WebappTranslations(json,
        new WebappProperties("<script>alert(1)</script>服务", "", java.util.List.of()));
    assertThat(withMarkup.build("tasklist", "zh").at("/labels/BANNER_CE_EOL_TEXT").asText())
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;服务");
    assertThat(withMarkup.build("tasklist", "en").at("/labels/BANNER_CE_EOL_TEXT").asText()).isEmpty();
  }

  private static java.util.List<String> placeholders(String text) {
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*[^}]+?\\s*}}").matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    return found;
  }
}
