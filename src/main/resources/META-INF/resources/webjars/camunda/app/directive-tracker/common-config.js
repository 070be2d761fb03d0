// Directive Tracker: settings every Camunda webapp shares, imported by each app's scripts/config.js.
// The issuing body's name is static here (one province per deployment; README "Giao diện tiếng Việt").
// Camunda shows "<vendor> <name>" in the header and the page title, and the name alone on the login page.
export const VENDOR = 'UBND tỉnh Gia Lai ·';

// The user's language: Vietnamese unless they chose English with the header's switch (webapp-ui.js).
export const LOCALE_KEY = 'directiveTracker.locale';
export const LOCALE = localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';

export default {
  // Vietnamese first (locales/vi.json, terms in docs/glossary.md); webapp-ui.js makes the chosen
  // language win over the browser's. The fallback is the chosen language itself: with another one,
  // Camunda loads both files and whichever arrives last sets moment's date locale ("a minute ago" in
  // a Vietnamese page); the build's coverage test guarantees vi.json lacks no key.
  locales: {
    availableLocales: LOCALE === 'vi' ? ['vi', 'en'] : ['en', 'vi'],
    fallbackLocale: LOCALE
  },
  // Path relative to app/<name>/.
  customScripts: ['../directive-tracker/webapp-ui'],
  // moment formats; month and day names come from the dateLocales of vi.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  }
};
