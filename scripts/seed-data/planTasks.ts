/**
 * The task table of Tây Ninh's plan 1155/QĐ-UBND (24/5/2022), section III "Nhiệm vụ và giải pháp
 * cụ thể", read once from the seed text (shared/seeds/000_3f71efe26119f0db.txt) into the shape plans
 * circulate in: one row per task with the plan's own wording for the lead unit, the coordinating
 * units and the time frame. The seed turns it into a CSV and imports it through the same import as
 * a user's file (src/reporting/tasks/import.ts), then records some demo progress.
 */
import { stringify } from 'csv-stringify/sync'
import type { Payload } from 'payload'
import { importTaskTable, TASK_COLUMNS } from '@/reporting/tasks/import'
import { TaskStatus } from '@/vocabulary'

export type PlanTaskRow = {
  number: string
  group: string
  title: string
  description: string
  lead: string
  coordinating: string
  timeFrame: string
  products: string
}

const G1 = '1. Nhóm các nhiệm vụ nâng cao nhận thức về chuyển đổi số'
const G2 = '2. Nhóm các nhiệm vụ về phổ cập kỹ năng chuyển đổi số'
const G3 = '3. Nhóm các nhiệm vụ về phát triển nguồn nhân lực chuyển đổi số'
const STTTT = 'Sở Thông tin và Truyền thông'

export const TASKS_1155: PlanTaskRow[] = [
  {
    number: '1.a',
    group: G1,
    title:
      'Tuyên truyền, nâng cao nhận thức của các cấp, các ngành, các cơ quan, tổ chức, doanh nghiệp và toàn xã hội về vai trò, ý nghĩa của Đề án về chuyển đổi số',
    description:
      'Tăng cường tuyên truyền trên Cụm thông tin cơ sở của tỉnh, các kênh tuyên truyền trên các mạng xã hội (zalo, facebook, youtube, tiktok), trên ứng dụng Tây Ninh smart và trên các cổng/trang thông tin điện tử, mạng nội bộ của các cơ quan, tổ chức trên địa bàn tỉnh.',
    lead: STTTT,
    coordinating: 'Các Sở ban ngành tỉnh, UBND cấp huyện, UBND cấp xã',
    timeFrame: 'Thực hiện thường xuyên',
    products: 'Các chương trình, sự kiện truyền thông tuyên truyền về chuyển đổi số.',
  },
  {
    number: '1.b',
    group: G1,
    title: 'Xây dựng chuyên trang về chuyển đổi số',
    description:
      'Xây dựng, thiết lập và duy trì thường xuyên chuyên trang về chuyển đổi số; đưa tin, đặt bài, viết bài về chuyển đổi số.',
    lead: STTTT,
    coordinating: 'Báo Tây Ninh, các Sở ban ngành tỉnh, UBND cấp huyện, UBND cấp xã',
    timeFrame:
      'Quý II năm 2022 hoàn thành thiết lập chuyên trang về chuyển đổi số và hằng năm thường xuyên cập nhật tin, bài viết về chuyển đổi số',
    products: 'Chuyên trang, bài viết, tin bài...',
  },
  {
    number: '1.c',
    group: G1,
    title: 'Xây dựng các chương trình, nội dung thông tin, tuyên truyền',
    description:
      'Biên tập, sản xuất các chương trình truyền hình/truyền thanh, phóng sự, đối thoại, chuyên đề chuyên sâu về chuyển đổi số; biên tập, sản xuất các nội dung tin bài, ảnh, video, clip về chuyển đổi số để đăng, phát trên các kênh, nền tảng khác nhau và trên các phương tiện thông tin đại chúng.',
    lead: STTTT,
    coordinating:
      'Đài Phát thanh và Truyền hình Tây Ninh, các Sở ban ngành tỉnh, UBND cấp huyện, Trung tâm văn hóa, Thể thao và Truyền thanh cấp huyện, UBND cấp xã',
    timeFrame: 'Hàng năm',
    products: 'Các chương trình truyền hình, phát thanh.',
  },
  {
    number: '1.d',
    group: G1,
    title: 'Tổ chức các hội nghị, hội thảo, tọa đàm, triển lãm về chuyển đổi số',
    description:
      'Phối hợp với các đơn vị thuộc Bộ Thông tin và Truyền thông tổ chức các hội nghị, hội thảo, triển lãm, trưng bày về sản phẩm số, giải pháp số, các thành tựu về chuyển đổi số của Việt Nam.',
    lead: STTTT,
    coordinating:
      'Các sở, ban, ngành, UBND cấp huyện, các doanh nghiệp công nghệ số Việt Nam và các đơn vị liên quan',
    timeFrame: 'Hàng năm',
    products: 'Hội nghị, hội thảo, tọa đàm, triển lãm, trưng bày về chuyển đổi số.',
  },
  {
    number: '1.đ',
    group: G1,
    title: 'Biểu dương, tôn vinh và khen thưởng',
    description:
      'Tham mưu, đề xuất cấp có thẩm quyền biểu dương, tôn vinh, khen thưởng các cơ quan, tổ chức, cá nhân điển hình tiên tiến có cách làm hay, sáng kiến có giá trị trong thực hiện chuyển đổi số.',
    lead: STTTT,
    coordinating: 'Sở Nội vụ',
    timeFrame: 'Hàng năm',
    products:
      'Bằng khen của Bộ Thông tin và Truyền thông, Bằng khen của UBND tỉnh về chuyển đổi số.',
  },
  {
    number: '2',
    group: G2,
    title:
      'Phối hợp tổ chức đào tạo, đào tạo lại, đào tạo ngắn hạn, bồi dưỡng, tập huấn về chuyển đổi số, kỹ năng số cho cán bộ, công chức, viên chức và người lao động',
    description:
      'Phối hợp với các bộ, ngành, các cơ sở đào tạo chính quy tổ chức đào tạo, đào tạo lại, đào tạo ngắn hạn, bồi dưỡng, tập huấn về chuyển đổi số, kỹ năng số cho cán bộ, công chức, viên chức và người lao động làm việc trong các cơ quan từ tỉnh đến cấp xã, trong tổ chức, doanh nghiệp nhà nước và cơ quan thông tấn, báo chí trực tiếp và trực tuyến trên các nền tảng đào tạo trực tuyến của tỉnh, các trường và học viện có uy tín.',
    lead: STTTT,
    coordinating: 'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
    timeFrame: 'Hàng năm',
    products:
      'Các khóa đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, kỹ năng số được tổ chức theo từng đối tượng phù hợp.',
  },
  {
    number: '3.a',
    group: G3,
    title:
      'Phối hợp tổ chức các khóa đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, công nghệ số cho đội ngũ là cán bộ lãnh đạo, quản lý, cán bộ làm công tác tham mưu chuyển đổi số',
    description:
      'Tổ chức hoặc đăng ký tham gia các khóa đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, công nghệ số cho đội ngũ cán bộ lãnh đạo, quản lý, cán bộ làm công tác tham mưu chuyển đổi số trong các cơ quan nhà nước đến cấp xã, các doanh nghiệp nhà nước khi các bộ, ngành Trung ương tổ chức.',
    lead: STTTT,
    coordinating: 'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã, công ty nhà nước',
    timeFrame: 'Hàng năm',
    products:
      'Các khóa đào tạo, bồi dưỡng, tập huấn về chuyển đổi số, công nghệ số cho các đối tượng.',
  },
  {
    number: '3.b',
    group: G3,
    title: 'Phối hợp đào tạo, bồi dưỡng chuyên gia chuyển đổi số',
    description:
      'Tham mưu lựa chọn, đề cử nhân sự tham gia các chương trình cập nhật những kiến thức, kỹ năng mới nhất về chuyển đổi số, công nghệ số theo kế hoạch đào tạo 1.000 chuyên gia do Bộ Thông tin và Truyền thông tổ chức.',
    lead: STTTT,
    coordinating: 'Các sở, ban, ngành; UBND cấp huyện',
    timeFrame: 'Khi có kế hoạch của Bộ Thông tin và Truyền thông',
    // The plan names no product for this task.
    products: '',
  },
]

/** The rows as the CSV a user would import: the template's headers, then one line per task. */
export function planTasksCsv(rows: PlanTaskRow[]): string {
  const h = (k: keyof typeof TASK_COLUMNS) => TASK_COLUMNS[k].aliases[0]
  return stringify([
    [
      h('number'),
      h('group'),
      h('title'),
      h('description'),
      h('lead'),
      h('coordinating'),
      h('timeFrame'),
      h('products'),
    ],
    ...rows.map((r) => [
      r.number,
      r.group,
      r.title,
      r.description,
      r.lead,
      r.coordinating,
      r.timeFrame,
      r.products,
    ]),
  ])
}

/**
 * Demo progress as Sở TT&TT would have recorded it (the demo's own figures; the plan has none):
 * 2022-2024 closed, 2025 mixed, so the board and the review tables show every state.
 */
const PROGRESS: {
  number: string
  year: number
  status: TaskStatus
  result?: string
  reason?: string
}[] = [
  {
    number: '1.b',
    year: 2022,
    status: TaskStatus.DoneLate,
    result: 'Chuyên trang hoạt động từ tháng 8/2022 (chậm so với Quý II).',
  },
  {
    number: '1.c',
    year: 2024,
    status: TaskStatus.Done,
    result: '24 chương trình truyền hình, 36 chương trình phát thanh.',
  },
  {
    number: '1.d',
    year: 2024,
    status: TaskStatus.Done,
    result: 'Hội thảo Ngày Chuyển đổi số 10/10.',
  },
  {
    number: '1.a',
    year: 2025,
    status: TaskStatus.InProgress,
    result: 'Tuyên truyền trên Zalo OA, Facebook, Tây Ninh Smart.',
  },
  {
    number: '1.b',
    year: 2025,
    status: TaskStatus.Done,
    result: 'Cập nhật 120 tin, bài trên chuyên trang.',
  },
  { number: '1.c', year: 2025, status: TaskStatus.InProgress },
  {
    number: '1.d',
    year: 2025,
    status: TaskStatus.Done,
    result: 'Hội nghị, triển lãm tháng cao điểm 10/10/2025.',
  },
  {
    number: '1.đ',
    year: 2025,
    status: TaskStatus.NotDone,
    reason: 'Chưa ban hành Hướng dẫn liên ngành khen thưởng với Sở Nội vụ.',
  },
  {
    number: '2',
    year: 2025,
    status: TaskStatus.DoneLate,
    result: 'Sáu lớp bồi dưỡng; hai lớp dời sang tháng 12.',
  },
]

/**
 * Seeds the plan's tasks (through the import, once: a plan that already has tasks is left alone)
 * and the demo progress (each row only if missing). Returns how many tasks were created.
 */
export async function seedPlanTasks(payload: Payload, planReference = '1155/QĐ-UBND') {
  const campaign = (
    await payload.find({
      collection: 'campaigns',
      where: { planReference: { equals: planReference } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  if (!campaign) return 0
  const has = await payload.count({
    collection: 'plan-tasks',
    where: { campaign: { equals: campaign.id } },
    overrideAccess: true,
  })
  let created = 0
  if (!has.totalDocs) {
    const result = await importTaskTable(
      payload,
      String(campaign.id),
      Buffer.from(planTasksCsv(TASKS_1155)),
      {
        confirm: true,
      },
    )
    if (!result.saved)
      throw new Error(`Nhập nhiệm vụ kế hoạch 1155 lỗi: ${result.problems.join(' | ')}`)
    created = result.created
  }
  const tasks = await payload.find({
    collection: 'plan-tasks',
    where: { campaign: { equals: campaign.id } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { number: true },
  })
  const idOf = new Map(tasks.docs.map((t) => [t.number, t.id]))
  for (const p of PROGRESS) {
    const task = idOf.get(p.number)
    if (!task) continue
    const exists = await payload.count({
      collection: 'task-progress',
      where: { and: [{ task: { equals: task } }, { year: { equals: p.year } }] },
      overrideAccess: true,
    })
    if (exists.totalDocs) continue
    await payload.create({
      collection: 'task-progress',
      data: { task, year: p.year, status: p.status, result: p.result, reason: p.reason },
      overrideAccess: true,
    })
  }
  return created
}
