/*
 * ServiceLoop's custom script for Tasklist, Cockpit, Admin and Welcome (config.js: customScripts).
 * See docs/webapps.md.
 *
 * 1. The language switch: a link in the footer, "English" in Chinese and "中文" in English. It keeps the
 *    choice in this browser (localStorage "serviceloop.locale", read by each app's config.js) and reloads.
 * 2. Camunda Forms' date fields in the operator's format yyyy-MM-dd. form-js 1.x (Tasklist 7.24) takes the
 *    date field's pattern, placeholder and parsing from the browser's locale
 *    (new Intl.DateTimeFormat('default')): mm/dd/yyyy under an American browser, yyyy/mm/dd under a
 *    Chinese one, and it has no option for it. Only that call — the 'default' locale with no options — is
 *    answered with a locale whose numeric date is yyyy-MM-dd (sv-SE); every other use of
 *    Intl.DateTimeFormat is untouched. The value a form submits is ISO either way.
 * 3. The date fields' pop-up calendar in Chinese. Camunda Forms draw it with flatpickr (4.6.13, bundled in the
 *    web apps' lib/deps.js), created without a locale option, so it takes flatpickr's default locale: English
 *    month and weekday names. In Chinese, flatpickr's own zh locale (flatpickr-zh.js) is registered and made
 *    the default with flatpickr's public flatpickr.localize(), on the flatpickr that the bundle puts on
 *    window.flatpickr — now if it is there, else the moment the bundle puts it there — before any form's
 *    picker is created. English keeps flatpickr's English.
 */
import FLATPICKR_ZH from './flatpickr-zh.js';

const STORAGE_KEY = 'serviceloop.locale';
const current = window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';

const NativeDateTimeFormat = Intl.DateTimeFormat;
if (!NativeDateTimeFormat.serviceLoopIsoDates) {
  const IsoDateTimeFormat = function (locales, options) {
    const isoDate = locales === 'default' && options === undefined;
    return new NativeDateTimeFormat(isoDate ? 'sv-SE' : locales, options);
  };
  IsoDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  IsoDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
  IsoDateTimeFormat.serviceLoopIsoDates = true;
  Intl.DateTimeFormat = IsoDateTimeFormat;
}

function localizeFlatpickr(flatpickr) {
  if (flatpickr && flatpickr.l10ns && typeof flatpickr.localize === 'function' && !flatpickr.serviceLoopZh) {
    flatpickr.l10ns.zh = FLATPICKR_ZH;
    flatpickr.localize(FLATPICKR_ZH);
    flatpickr.serviceLoopZh = true;
  }
}

if (current === 'zh') {
  if (window.flatpickr) {
    localizeFlatpickr(window.flatpickr);
  } else {
    let flatpickr;
    Object.defineProperty(window, 'flatpickr', {
      configurable: true,
      enumerable: true,
      get: () => flatpickr,
      set: value => {
        flatpickr = value;
        localizeFlatpickr(value);
      }
    });
  }
}

function addLanguageSwitch() {
  const timezone = document.getElementById('footer-timezone');
  if (!timezone || document.getElementById('serviceloop-language')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'serviceloop-language';
  link.href = '#';
  link.lang = current === 'zh' ? 'en' : 'zh-CN';
  link.textContent = current === 'zh' ? 'English' : '中文';
  link.title = current === 'zh' ? 'Switch to English' : '切换到中文';
  link.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, current === 'zh' ? 'en' : 'zh');
    window.location.reload();
  });
  timezone.appendChild(document.createTextNode(' · '));
  timezone.appendChild(link);
}

// the footer is drawn by AngularJS after this script has run, and again on some page changes
new MutationObserver(addLanguageSwitch).observe(document.body, {childList: true, subtree: true});
addLanguageSwitch();
