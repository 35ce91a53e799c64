/*
 * ServiceLoop: this file replaces the webjar's app/tasklist/scripts/config.js (same classpath path,
 * META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js; the application's own resources come
 * first on the classpath). See docs/webapps.md.
 *
 * Language: Simplified Chinese whatever the browser's language; English when the user picked it with the
 * 中文 / English switch in the footer (kept in this browser, localStorage "serviceloop.locale"). Only one
 * locale is offered at a time, so the browser's own language never decides. The locale files are served
 * by the application (WebappTranslationController).
 * Dates: the operator's format, yyyy-MM-dd HH:mm (moment patterns), in every language.
 */
const locale = window.localStorage.getItem('serviceloop.locale') === 'en' ? 'en' : 'zh';

export default {
  app: {
    name: locale === 'zh' ? '任务列表' : 'Tasklist'
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
  customScripts: ['../serviceloop/webapps'],
  // as in Camunda's config.js
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
