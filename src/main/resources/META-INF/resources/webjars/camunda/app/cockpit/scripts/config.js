// Directive Tracker: replaces Camunda Cockpit's default config.js (same path, our classpath entry wins).
import common, {VENDOR} from '../../directive-tracker/common-config.js';

export default {
  ...common,
  app: {
    name: 'Giám sát quy trình',
    vendor: VENDOR
  }
};
