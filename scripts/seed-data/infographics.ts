/** Demo infographics and posters, each with the full text of the graphic for screen readers. */
import type { Infographic } from '@/payload-types'
import type { InfographicSpec } from './images'
import type { TopicKey } from './topics'
import type { UnitKey } from './units'

export type InfographicSeed = {
  title: string
  kind: Infographic['kind']
  alt: string
  longDescription: string
  dataSource: string
  owner: UnitKey
  topics: TopicKey[]
  tags: string[]
  publishedAt: string
  graphic: Omit<InfographicSpec, 'title'>
}

const QD1155 = 'Quyết định số 1155/QĐ-UBND ngày 24/5/2022 của UBND tỉnh Tây Ninh'
const QD146 = 'Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ'

export const INFOGRAPHICS: InfographicSeed[] = [
  {
    title: 'Kinh phí thực hiện kế hoạch chuyển đổi số giai đoạn 2022–2025',
    kind: 'infographic',
    alt: 'Biểu đồ cột kinh phí kế hoạch nâng cao nhận thức, kỹ năng số của tỉnh Tây Ninh theo từng năm 2022–2025, tổng 5,191 tỷ đồng.',
    longDescription: [
      'Đồ họa trình bày kinh phí dự kiến thực hiện Kế hoạch nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số của tỉnh Tây Ninh giai đoạn 2022–2025.',
      'Tổng kinh phí: 5.191.000.000 đồng (năm tỷ một trăm chín mươi mốt triệu đồng).',
      'Năm 2022: 1.170.385.000 đồng.',
      'Năm 2023: 1.340.205.000 đồng.',
      'Năm 2024: 1.340.205.000 đồng.',
      'Năm 2025: 1.340.205.000 đồng.',
      'Nguồn kinh phí: ngân sách tỉnh; huy động từ các nguồn tài trợ, đóng góp hợp pháp của tổ chức, doanh nghiệp (nếu có).',
    ].join('\n'),
    dataSource: QD1155,
    owner: 'stttt',
    topics: ['cqs'],
    tags: ['kinh phí', 'Quyết định 1155'],
    publishedAt: '2025-02-10T08:00:00+07:00',
    graphic: {
      subtitle: 'Tổng 5.191.000.000 đồng · Kế hoạch nâng cao nhận thức, phổ cập kỹ năng số',
      items: [
        { label: 'Năm 2022', value: 1170.385, display: '1.170.385.000 đ' },
        { label: 'Năm 2023', value: 1340.205, display: '1.340.205.000 đ' },
        { label: 'Năm 2024', value: 1340.205, display: '1.340.205.000 đ' },
        { label: 'Năm 2025', value: 1340.205, display: '1.340.205.000 đ' },
      ],
      source: QD1155,
      palette: 'blue',
    },
  },
  {
    title: 'Mục tiêu phổ cập kỹ năng số đến năm 2025 và 2030',
    kind: 'infographic',
    alt: 'Biểu đồ so sánh các mục tiêu phổ cập kỹ năng số năm 2025 và năm 2030: 70% và 90% người trong độ tuổi lao động biết dùng dịch vụ công trực tuyến, 50% và 80% trường có STEM.',
    longDescription: [
      'Đồ họa trình bày các mục tiêu chính của Đề án nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia, được tỉnh Tây Ninh triển khai.',
      '100% cán bộ, công chức, viên chức và người lao động trong cơ quan nhà nước hằng năm được đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, kỹ năng số.',
      'Người dân trong độ tuổi lao động biết và có kỹ năng sử dụng dịch vụ công trực tuyến và các dịch vụ số thiết yếu: 70% vào năm 2025; 90% vào năm 2030.',
      'Cơ sở giáo dục từ tiểu học đến trung học phổ thông có tổ chức hoạt động giáo dục STEM/STEAM và kỹ năng số: 50% vào năm 2025; 80% vào năm 2030.',
    ].join('\n'),
    dataSource: QD146,
    owner: 'stttt',
    topics: ['kns', 'xhs'],
    tags: ['mục tiêu', 'Quyết định 146'],
    publishedAt: '2025-04-02T08:00:00+07:00',
    graphic: {
      subtitle: 'Những con số Đề án đặt ra cho người dân, cán bộ và trường học',
      items: [
        { label: 'Cán bộ, công chức được tập huấn hằng năm', value: 100, display: '100%' },
        { label: 'Người dân biết dùng dịch vụ công – 2025', value: 70, display: '70%' },
        { label: 'Người dân biết dùng dịch vụ công – 2030', value: 90, display: '90%' },
        { label: 'Trường có hoạt động STEM – 2025', value: 50, display: '50%' },
        { label: 'Trường có hoạt động STEM – 2030', value: 80, display: '80%' },
      ],
      source: QD146,
      palette: 'green',
    },
  },
  {
    title: 'Năm bước nộp hồ sơ trực tuyến',
    kind: 'poster',
    alt: 'Áp phích năm bước nộp hồ sơ trên Cổng Dịch vụ công quốc gia: đăng nhập VNeID, chọn thủ tục, điền tờ khai, đính kèm giấy tờ, nộp và theo dõi.',
    longDescription: [
      'Áp phích hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia trong năm bước.',
      'Bước 1 – Đăng nhập: dùng tài khoản định danh điện tử VNeID.',
      'Bước 2 – Chọn thủ tục: tìm theo tên thủ tục, chọn cơ quan giải quyết thuộc tỉnh Tây Ninh.',
      'Bước 3 – Điền tờ khai: nhiều thông tin tự động lấy từ Cơ sở dữ liệu quốc gia về dân cư.',
      'Bước 4 – Đính kèm giấy tờ và thanh toán phí, lệ phí trực tuyến nếu có.',
      'Bước 5 – Nộp hồ sơ, theo dõi tiến độ và nhận kết quả điện tử hoặc qua bưu chính.',
      'Cần hỗ trợ: liên hệ Trung tâm Phục vụ hành chính công tỉnh hoặc tổ công nghệ số cộng đồng ở địa phương.',
    ].join('\n'),
    dataSource: 'Sở Thông tin và Truyền thông Tây Ninh',
    owner: 'stttt',
    topics: ['dvc'],
    tags: ['dịch vụ công trực tuyến', 'áp phích'],
    publishedAt: '2025-03-28T09:30:00+07:00',
    graphic: {
      subtitle: 'Trên Cổng Dịch vụ công quốc gia, ngay trên điện thoại của bạn',
      items: [
        { label: 'Đăng nhập', display: 'Dùng tài khoản định danh điện tử VNeID' },
        { label: 'Chọn thủ tục', display: 'Tìm theo tên, chọn cơ quan giải quyết tại Tây Ninh' },
        { label: 'Điền tờ khai', display: 'Thông tin tự điền từ dữ liệu dân cư' },
        {
          label: 'Đính kèm, thanh toán',
          display: 'Ảnh chụp giấy tờ rõ nét; phí, lệ phí trực tuyến',
        },
        { label: 'Nộp và theo dõi', display: 'Nhận kết quả điện tử hoặc qua bưu chính' },
      ],
      source: 'Sở Thông tin và Truyền thông Tây Ninh',
      palette: 'navy',
    },
  },
  {
    title: 'Năm dấu hiệu nhận biết cuộc gọi, tin nhắn lừa đảo',
    kind: 'poster',
    alt: 'Áp phích năm dấu hiệu lừa đảo trực tuyến: giả danh cơ quan nhà nước, yêu cầu cài ứng dụng, đòi mã OTP, hối thúc chuyển tiền, đường dẫn lạ.',
    longDescription: [
      'Áp phích giúp người dân nhận biết cuộc gọi, tin nhắn lừa đảo.',
      'Dấu hiệu 1: tự xưng là công an, cơ quan thuế, điện lực, ngân hàng gọi từ số lạ.',
      'Dấu hiệu 2: yêu cầu cài đặt ứng dụng qua đường dẫn gửi trong tin nhắn.',
      'Dấu hiệu 3: đề nghị cung cấp mã OTP, mật khẩu hoặc ảnh giấy tờ tùy thân.',
      'Dấu hiệu 4: hối thúc chuyển tiền gấp, đe dọa xử phạt hoặc hứa hẹn quà tặng, lợi nhuận cao.',
      'Dấu hiệu 5: đường dẫn có tên miền lạ, sai chính tả so với trang chính thức.',
      'Khi nghi ngờ: dừng cuộc gọi, không bấm đường dẫn, báo ngay cho công an xã, phường.',
    ].join('\n'),
    dataSource: 'Đài Phát thanh và Truyền hình Tây Ninh tổng hợp',
    owner: 'dai',
    topics: ['attt'],
    tags: ['lừa đảo trực tuyến', 'áp phích'],
    publishedAt: '2025-05-13T08:00:00+07:00',
    graphic: {
      subtitle: 'Dừng lại – kiểm tra – báo ngay cho công an xã, phường',
      items: [
        { label: 'Giả danh cơ quan nhà nước', display: 'Công an, thuế, điện lực gọi từ số lạ' },
        { label: 'Yêu cầu cài ứng dụng', display: 'Gửi đường dẫn tải ứng dụng qua tin nhắn' },
        { label: 'Đòi mã OTP, mật khẩu', display: 'Hoặc ảnh căn cước, ảnh chân dung' },
        { label: 'Hối thúc chuyển tiền', display: 'Đe dọa xử phạt, hứa quà tặng, lãi cao' },
        { label: 'Đường dẫn lạ', display: 'Tên miền sai chính tả, không phải .gov.vn' },
      ],
      source: 'Đài Phát thanh và Truyền hình Tây Ninh tổng hợp',
      palette: 'red',
    },
  },
  {
    title: 'Lịch báo cáo kết quả tuyên truyền chuyển đổi số',
    kind: 'infographic',
    alt: 'Dòng thời gian báo cáo chuyển đổi số: các đơn vị gửi kết quả cho Sở TT&TT, Sở báo cáo UBND tỉnh và Bộ trước ngày 15/12; sơ kết năm 2023, tổng kết năm 2025.',
    longDescription: [
      'Đồ họa trình bày chế độ báo cáo theo Kế hoạch nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số của tỉnh Tây Ninh.',
      'Hằng năm: các sở, ban, ngành, UBND các huyện, thị xã, thành phố gửi kết quả thực hiện về Sở Thông tin và Truyền thông.',
      'Trước ngày 15/12 hằng năm: Sở Thông tin và Truyền thông chủ trì, phối hợp Sở Nội vụ tổng hợp, tham mưu UBND tỉnh báo cáo định kỳ.',
      'Năm 2023: báo cáo sơ kết giữa giai đoạn.',
      'Năm 2025: báo cáo tổng kết giai đoạn 2022–2025.',
    ].join('\n'),
    dataSource: QD1155,
    owner: 'stttt',
    topics: ['cqs'],
    tags: ['báo cáo', 'lịch'],
    publishedAt: '2025-11-20T08:00:00+07:00',
    graphic: {
      subtitle: 'Ai báo cáo, báo cáo cho ai, khi nào',
      items: [
        {
          label: 'Hằng năm – các đơn vị',
          display: 'Gửi kết quả thực hiện về Sở Thông tin và Truyền thông',
        },
        { label: 'Trước 15/12 hằng năm', display: 'Sở TT&TT tổng hợp, tham mưu UBND tỉnh báo cáo' },
        { label: 'Năm 2023', display: 'Báo cáo sơ kết giữa giai đoạn' },
        { label: 'Năm 2025', display: 'Báo cáo tổng kết giai đoạn 2022–2025' },
      ],
      source: QD1155,
      palette: 'purple',
    },
  },
]
