/*
 * ServiceLoop: what the four apps' scripts/config.js share (each replaces the webjar's own config.js,
 * same classpath path; the application's own resources come first on the classpath). See docs/webapps.md.
 *
 * Language: Simplified Chinese whatever the browser's language; English when the user picked it with the
 * 中文 / English switch in the footer (kept in this browser, localStorage "serviceloop.locale"). Only one
 * locale is offered at a time, so the browser's own language never decides. The locale files are served
 * by the application (WebappTranslationController).
 * Dates: the operator's format, yyyy-MM-dd HH:mm (moment patterns), in every language.
 */
const locale = window.localStorage.getItem('serviceloop.locale') === 'en' ? 'en' : 'zh';

/** The configuration of one app, named in Chinese and in English. */
export default function serviceLoopConfig(zhName, enName) {
  return {
    app: {
      name: locale === 'zh' ? zhName : enName
    },
    locales: {
      availableLocales: [locale],
      fallbackLocale: locale
    },
    dateFormat: {
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'YYYY-MM-DD HH:mm',
      normal: 'YYYY-MM-DD HH:mm',
      long: 'YYYY-MM-DD HH:mm:ss',
      short: 'YYYY-MM-DD'
    },
    // the language switch in the footer, and Camunda Forms' date fields in yyyy-MM-dd
    customScripts: ['../serviceloop/webapps']
  };
}
