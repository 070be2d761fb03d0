// Directive Tracker: settings every Camunda webapp shares, imported by each app's scripts/config.js.
// The issuing body's name is static here (one province per deployment; README "Giao diện tiếng Việt").
// Camunda shows "<vendor> <name>" in the header and the page title, and the name alone on the login page.
export const VENDOR = 'UBND tỉnh Gia Lai ·';

export default {
  // Vietnamese first (locales/vi.json, terms in docs/glossary.md); webapp-ui.js makes it the default
  // whatever the browser's language and adds the switch to English.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
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
