package com.serviceloop.webapps;

import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code <application-path>/app/<app>/locales/{zh,en}.json} in place of the webjar's static
 * files (a handler mapping wins over the starter's resource handler for /app/**). Open like the
 * webjar's files: the login page needs them before anyone is logged in. Other locales are not served
 * (config.js offers zh and en only), so they fall through to the webjar.
 */
@RestController
@RequiredArgsConstructor
public class WebappTranslationController {

  private final WebappTranslations translations;

  @GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/app/{app:tasklist|cockpit|admin|welcome}/locales/{locale:zh|en}.json")
  public ResponseEntity<byte[]> locale(@PathVariable String app, @PathVariable String locale) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        // the apps ask with ?bust=<version> and keep a copy in localStorage; a restart with a new text
        // or translation is seen on the next page load
        .cacheControl(CacheControl.noCache())
        .body(translations.file(app, locale));
  }
}
