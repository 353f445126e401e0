/** The campaign's themes, as in Quyết định 146/QĐ-TTg and the provincial plans. */
export const TOPICS = [
  {
    key: 'cqs',
    title: 'Chính quyền số',
    description:
      'Hoạt động của cơ quan nhà nước trên môi trường số: văn bản điện tử, họp trực tuyến, điều hành dựa trên dữ liệu, số hóa hồ sơ và kết quả giải quyết thủ tục hành chính.',
  },
  {
    key: 'kts',
    title: 'Kinh tế số',
    description:
      'Doanh nghiệp, hợp tác xã, hộ kinh doanh ứng dụng công nghệ số: thương mại điện tử, thanh toán không dùng tiền mặt, truy xuất nguồn gốc nông sản.',
  },
  {
    key: 'xhs',
    title: 'Xã hội số',
    description:
      'Người dân tiếp cận bình đẳng các dịch vụ số thiết yếu về y tế, giáo dục, giao thông, ngân hàng; tổ công nghệ số cộng đồng đồng hành ở từng ấp, khu phố.',
  },
  {
    key: 'kns',
    title: 'Kỹ năng số',
    description:
      'Phổ cập kỹ năng số cho cán bộ, công chức, viên chức, người lao động, học sinh, sinh viên và người dân; đào tạo, bồi dưỡng, tập huấn về chuyển đổi số.',
  },
  {
    key: 'dvc',
    title: 'Dịch vụ công trực tuyến',
    description:
      'Hướng dẫn sử dụng Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, tài khoản định danh điện tử VNeID.',
  },
  {
    key: 'attt',
    title: 'An toàn thông tin',
    description:
      'Bảo vệ dữ liệu cá nhân, nhận diện và phòng tránh lừa đảo trực tuyến, bảo đảm an toàn hệ thống thông tin của cơ quan, đơn vị.',
  },
] as const

export type TopicKey = (typeof TOPICS)[number]['key']
