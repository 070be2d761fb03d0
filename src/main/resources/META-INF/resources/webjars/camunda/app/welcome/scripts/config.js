// Directive Tracker: replaces the Welcome app's default config.js (same path, our classpath entry wins).
// The Welcome page is where Tasklist's and Cockpit's app menu leads; it lists the workspace and the leaders' dashboard.
import common, {VENDOR} from '../../directive-tracker/common-config.js';

export default {
  ...common,
  app: {
    name: 'Trang chủ',
    vendor: VENDOR
  },
  links: [
    {
      label: 'Không gian làm việc: văn bản chỉ đạo',
      href: '/app/',
      description: 'Danh sách văn bản, tạo văn bản mới từ công văn, chi tiết, điều chỉnh, thu hồi; ủy quyền'
    },
    {
      label: 'Bảng theo dõi thực hiện văn bản chỉ đạo',
      href: '/dashboard/',
      description: 'Thống kê theo đơn vị, nhiệm vụ quá hạn, sắp đến hạn, tiến độ từng văn bản (lãnh đạo, chuyên viên theo dõi)'
    }
  ]
};
