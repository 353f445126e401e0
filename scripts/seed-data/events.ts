/**
 * Demo events over 2025–2026. Each has both an "upcoming" and a "held" outcome: the seed records
 * an event as held (with attendance by audience) only when it has already ended at seed time, so
 * the demo stays coherent whenever it is run.
 */
import type { Event } from '@/payload-types'
import type { TopicKey } from './topics'
import type { UnitKey } from './units'

type Audience = {
  leaders: number
  dxSpecialists: number
  civilServants: number
  citizens: number
  students: number
}

export type EventSeed = {
  title: string
  kind: Event['kind']
  /** ISO times in Vietnam time (+07:00). */
  startsAt: string
  endsAt: string
  venue: string
  owner: UnitKey
  coordinating: UnitKey[]
  topics: TopicKey[]
  tags: string[]
  description: string[]
  publishedAt: string
  upcoming: { status: 'planned' | 'confirmed'; expectedParticipants: number }
  held: { actualParticipants: number; audience: Audience; resultsSummary: string }
}

export const EVENTS: EventSeed[] = [
  {
    title: 'Hội nghị triển khai kế hoạch nâng cao nhận thức, phổ cập kỹ năng số năm 2025',
    kind: 'conference',
    startsAt: '2025-03-14T08:00:00+07:00',
    endsAt: '2025-03-14T11:30:00+07:00',
    venue: 'Hội trường UBND tỉnh Tây Ninh',
    owner: 'stttt',
    coordinating: ['snv', 'stc', 'tptn', 'trangbang', 'hoathanh', 'tanbien', 'dmc'],
    topics: ['cqs', 'kns'],
    tags: ['hội nghị', 'kế hoạch năm 2025'],
    description: [
      'Hội nghị quán triệt kế hoạch năm 2025, năm cuối thực hiện Quyết định số 1155/QĐ-UBND, và phân công nhiệm vụ cho các sở, ngành, UBND cấp huyện.',
      'Thành phần: lãnh đạo các sở, ban, ngành tỉnh; lãnh đạo UBND các huyện, thị xã, thành phố; cán bộ chuyên trách chuyển đổi số; đại diện Báo Tây Ninh và Đài Phát thanh và Truyền hình Tây Ninh.',
    ],
    publishedAt: '2025-03-05T08:00:00+07:00',
    upcoming: { status: 'confirmed', expectedParticipants: 220 },
    held: {
      actualParticipants: 236,
      audience: { leaders: 58, dxSpecialists: 42, civilServants: 136, citizens: 0, students: 0 },
      resultsSummary:
        'Hội nghị thống nhất 12 nhiệm vụ trọng tâm năm 2025; các đơn vị đăng ký chỉ tiêu tin, bài, chương trình và số lớp tập huấn; Sở TT&TT công bố đầu mối tiếp nhận báo cáo.',
    },
  },
  {
    title: 'Lớp tập huấn kỹ năng số cho cán bộ, công chức cấp xã năm 2025',
    kind: 'training',
    startsAt: '2025-06-17T07:30:00+07:00',
    endsAt: '2025-06-19T16:30:00+07:00',
    venue: 'Trường Chính trị tỉnh Tây Ninh',
    owner: 'stttt',
    coordinating: ['snv', 'thanhtan', 'tanlap'],
    topics: ['kns', 'cqs', 'attt'],
    tags: ['tập huấn', 'cán bộ cấp xã'],
    description: [
      'Lớp tập huấn ba ngày về chính quyền số, văn bản điện tử và chữ ký số, xử lý hồ sơ trực tuyến, khai thác dữ liệu dân cư và an toàn thông tin.',
      'Học viên làm bài kiểm tra trực tuyến cuối khóa.',
    ],
    publishedAt: '2025-06-02T08:00:00+07:00',
    upcoming: { status: 'confirmed', expectedParticipants: 180 },
    held: {
      actualParticipants: 184,
      audience: { leaders: 0, dxSpecialists: 37, civilServants: 147, citizens: 0, students: 0 },
      resultsSummary:
        '184 học viên hoàn thành khóa học; 176 học viên đạt yêu cầu bài kiểm tra trực tuyến cuối khóa.',
    },
  },
  {
    title: 'Ngày Chuyển đổi số tỉnh Tây Ninh năm 2025 (10/10)',
    kind: 'dx-day',
    startsAt: '2025-10-10T07:00:00+07:00',
    endsAt: '2025-10-10T17:00:00+07:00',
    venue: 'Quảng trường thành phố Tây Ninh',
    owner: 'stttt',
    coordinating: ['tptn', 'sgddt', 'sldtbxh', 'skhdt', 'bao', 'dai'],
    topics: ['xhs', 'dvc', 'kts', 'attt'],
    tags: ['Ngày Chuyển đổi số', '10/10'],
    description: [
      'Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10: gian hàng trải nghiệm dịch vụ công trực tuyến, y tế số, giáo dục số, thanh toán không dùng tiền mặt, thương mại điện tử.',
      'Khu hướng dẫn kích hoạt tài khoản định danh điện tử, cài đặt ứng dụng Tây Ninh Smart; khu trải nghiệm nhận diện lừa đảo trực tuyến.',
    ],
    publishedAt: '2025-09-25T08:00:00+07:00',
    upcoming: { status: 'confirmed', expectedParticipants: 1200 },
    held: {
      actualParticipants: 1560,
      audience: {
        leaders: 45,
        dxSpecialists: 60,
        civilServants: 280,
        citizens: 825,
        students: 350,
      },
      resultsSummary:
        'Hơn 1.500 lượt người tham dự; 24 gian hàng trưng bày; khoảng 600 tài khoản định danh điện tử được hướng dẫn kích hoạt tại chỗ.',
    },
  },
  {
    title: 'Triển lãm sản phẩm, giải pháp chuyển đổi số tiêu biểu năm 2026',
    kind: 'exhibition',
    startsAt: '2026-12-08T08:00:00+07:00',
    endsAt: '2026-12-10T17:00:00+07:00',
    venue: 'Trung tâm Hội nghị tỉnh Tây Ninh',
    owner: 'stttt',
    coordinating: ['skhdt', 'sgddt', 'hoathanh', 'dmc', 'bao', 'dai'],
    topics: ['kts', 'xhs', 'cqs'],
    tags: ['triển lãm', 'sản phẩm số'],
    description: [
      'Trưng bày sản phẩm, giải pháp số của doanh nghiệp công nghệ, hợp tác xã, trường học trên địa bàn tỉnh và các đơn vị thuộc Bộ.',
      'Khu trải nghiệm STEM cho học sinh, khu nông sản có truy xuất nguồn gốc, khu hướng dẫn dịch vụ công trực tuyến.',
    ],
    publishedAt: '2026-11-10T08:00:00+07:00',
    upcoming: { status: 'confirmed', expectedParticipants: 2000 },
    held: {
      actualParticipants: 2150,
      audience: {
        leaders: 70,
        dxSpecialists: 90,
        civilServants: 540,
        citizens: 1050,
        students: 400,
      },
      resultsSummary: 'Triển lãm đón hơn 2.000 lượt khách tham quan với 40 gian trưng bày.',
    },
  },
  {
    title: 'Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Tây Ninh năm 2026',
    kind: 'contest',
    startsAt: '2026-12-01T08:00:00+07:00',
    endsAt: '2026-12-31T17:00:00+07:00',
    venue: 'Trực tuyến trên ứng dụng Tây Ninh Smart',
    owner: 'stttt',
    coordinating: ['sgddt', 'snv', 'sldtbxh', 'bao', 'dai'],
    topics: ['kns', 'xhs', 'attt'],
    tags: ['cuộc thi', 'tìm hiểu chuyển đổi số'],
    description: [
      'Cuộc thi dành cho cán bộ, công chức, viên chức, người lao động, học sinh, sinh viên và người dân trên địa bàn tỉnh; thí sinh trả lời câu hỏi trắc nghiệm và một câu hỏi tự luận.',
      'Giải thưởng dành cho cá nhân có kết quả cao và tập thể có nhiều người tham gia.',
    ],
    publishedAt: '2026-11-16T09:00:00+07:00',
    upcoming: { status: 'planned', expectedParticipants: 10000 },
    held: {
      actualParticipants: 12480,
      audience: {
        leaders: 100,
        dxSpecialists: 180,
        civilServants: 4200,
        citizens: 5000,
        students: 3000,
      },
      resultsSummary:
        'Hơn 12.000 lượt thí sinh dự thi; trao 1 giải nhất, 2 giải nhì, 3 giải ba và 10 giải khuyến khích cá nhân, 3 giải tập thể.',
    },
  },
]
