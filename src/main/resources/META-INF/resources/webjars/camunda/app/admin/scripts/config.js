// Directive Tracker: replaces Camunda Admin's default config.js (same path, our classpath entry wins).
import common, {VENDOR} from '../../directive-tracker/common-config.js';

export default {
  ...common,
  app: {
    name: 'Quản trị',
    vendor: VENDOR
  }
};
