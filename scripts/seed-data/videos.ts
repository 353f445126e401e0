/**
 * Demo TV/radio programmes. The YouTube ids are placeholders in the right shape ("TayNinhCDS1"…):
 * the page embeds them, YouTube answers "video unavailable"; replace them with the station's own.
 */
import type { Video } from '@/payload-types'
import type { PaletteName } from './images'
import type { TopicKey } from './topics'
import type { UnitKey } from './units'

export type VideoSeed = {
  title: string
  description: string
  kind: Video['kind']
  externalUrl: string
  durationSeconds: number
  owner: UnitKey
  topics: TopicKey[]
  tags: string[]
  publishedAt: string
  palette: PaletteName
  /** WebVTT captions uploaded with the video, when the programme has them. */
  captions?: string
}

export const VIDEOS: VideoSeed[] = [
  {
    title: 'Phóng sự: Nông sản Tân Biên lên sàn thương mại điện tử',
    description:
      'Phóng sự ghi nhận cách các hợp tác xã, hộ nông dân ở huyện Tân Biên đưa sản phẩm lên sàn thương mại điện tử, livestream bán hàng và nhận thanh toán qua mã QR.',
    kind: 'reportage',
    externalUrl: 'https://www.youtube.com/watch?v=TayNinhCDS1',
    durationSeconds: 11 * 60 + 40,
    owner: 'dai',
    topics: ['kts'],
    tags: ['phóng sự', 'thương mại điện tử', 'Tân Biên'],
    publishedAt: '2025-05-24T19:45:00+07:00',
    palette: 'green',
  },
  {
    title: 'Đối thoại: Chính quyền số – người dân được gì?',
    description:
      'Chương trình đối thoại giữa lãnh đạo Sở Thông tin và Truyền thông, Trung tâm Phục vụ hành chính công và người dân về dịch vụ công trực tuyến, số hóa hồ sơ và phản ánh hiện trường qua ứng dụng Tây Ninh Smart.',
    kind: 'dialogue',
    externalUrl: 'https://www.youtube.com/watch?v=TayNinhCDS2',
    durationSeconds: 42 * 60,
    owner: 'dai',
    topics: ['cqs', 'dvc'],
    tags: ['đối thoại', 'chính quyền số', 'Tây Ninh Smart'],
    publishedAt: '2025-09-27T20:00:00+07:00',
    palette: 'blue',
    captions: [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:06.000',
      'Kính chào quý vị khán giả đến với chương trình Đối thoại chuyển đổi số.',
      '',
      '00:00:06.000 --> 00:00:13.000',
      'Chủ đề hôm nay: chính quyền số mang lại lợi ích gì cho người dân?',
      '',
      '00:00:13.000 --> 00:00:21.000',
      'Thưa ông, người dân Tây Ninh đã có thể nộp những thủ tục nào trực tuyến?',
      '',
    ].join('\n'),
  },
  {
    title: 'Chuyên mục Tây Ninh chuyển đổi số – số tháng 12/2025',
    description:
      'Chuyên mục truyền hình định kỳ: điểm lại kết quả giai đoạn 2022–2025, câu chuyện tổ công nghệ số cộng đồng và hướng dẫn cài đặt ứng dụng Tây Ninh Smart.',
    kind: 'tv-programme',
    externalUrl: 'https://www.youtube.com/watch?v=TayNinhCDS3',
    durationSeconds: 20 * 60,
    owner: 'dai',
    topics: ['cqs', 'xhs', 'kns'],
    tags: ['chuyên mục', 'tổng kết giai đoạn'],
    publishedAt: '2025-12-22T20:10:00+07:00',
    palette: 'navy',
  },
  {
    title: 'Clip 60 giây: Kích hoạt tài khoản định danh điện tử mức độ 2',
    description:
      'Clip ngắn cho mạng xã hội hướng dẫn từng bước kích hoạt và sử dụng tài khoản VNeID mức độ 2 để làm thủ tục trực tuyến.',
    kind: 'clip',
    externalUrl: 'https://www.youtube.com/watch?v=TayNinhCDS4',
    durationSeconds: 60,
    owner: 'stttt',
    topics: ['dvc', 'kns'],
    tags: ['VNeID', 'clip ngắn', 'TikTok'],
    publishedAt: '2026-02-03T11:00:00+07:00',
    palette: 'purple',
  },
  {
    title: 'Phát thanh: Chuyển đổi số ở cơ sở – Kỳ 5: Cảnh giác lừa đảo qua mạng',
    description:
      'Chương trình phát thanh phát trên sóng Đài và hệ thống truyền thanh cơ sở: các thủ đoạn lừa đảo qua điện thoại, mạng xã hội và cách phòng tránh.',
    kind: 'radio-programme',
    externalUrl: 'https://www.youtube.com/watch?v=TayNinhCDS5',
    durationSeconds: 15 * 60,
    owner: 'dai',
    topics: ['attt'],
    tags: ['phát thanh', 'truyền thanh cơ sở', 'lừa đảo trực tuyến'],
    publishedAt: '2026-07-18T06:30:00+07:00',
    palette: 'red',
  },
]
