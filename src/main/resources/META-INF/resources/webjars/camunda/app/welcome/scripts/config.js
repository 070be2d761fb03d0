// Directive Tracker: replaces the Welcome app's default config.js (same path, our classpath entry wins).
// The Welcome page is where Tasklist's and Cockpit's app menu leads; it lists the leaders' dashboard.
import common, {VENDOR} from '../../directive-tracker/common-config.js';

export default {
  ...common,
  app: {
    name: 'Trang chủ',
    vendor: VENDOR
  },
  links: [
    {
      label: 'Không gian làm việc',
      href: '/app/',
      description: 'Văn bản chỉ đạo, nhiệm vụ của đơn vị, báo cáo tiến độ'
    },
    {
      label: 'Bảng theo dõi thực hiện văn bản chỉ đạo',
      href: '/dashboard/',
      description: 'Thống kê theo đơn vị, nhiệm vụ quá hạn, sắp đến hạn, tiến độ từng văn bản (lãnh đạo, chuyên viên theo dõi)'
    }
  ]
};
