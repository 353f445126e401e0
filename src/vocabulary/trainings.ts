import { l, vocabulary } from './define'

/** Training programmes of Decision 146/QĐ-TTg as the provincial plans list them. */
export const TrainingProgramme = {
  DxExperts: 'dx-experts',
  Leaders: 'leaders',
  DxStaff: 'dx-staff',
  CivilServants: 'civil-servants',
  Citizens: 'citizens',
  Students: 'students',
} as const
export type TrainingProgramme = (typeof TrainingProgramme)[keyof typeof TrainingProgramme]

export const trainingProgrammes = vocabulary<TrainingProgramme>({
  'dx-experts': l(
    'Chuyên gia chuyển đổi số cho các ngành, lĩnh vực',
    'DX experts for sectors and areas',
  ),
  leaders: l(
    'Bồi dưỡng ngắn hạn: lãnh đạo, quản lý chủ chốt',
    'Short course: leaders and key managers',
  ),
  'dx-staff': l(
    'Bồi dưỡng ngắn hạn: cán bộ chuyên trách chuyển đổi số',
    'Short course: dedicated DX staff',
  ),
  'civil-servants': l(
    'Bồi dưỡng ngắn hạn: cán bộ, công chức, viên chức, người lao động',
    'Short course: civil servants, public employees, workers',
  ),
  citizens: l('Người dân', 'Citizens'),
  students: l('Học sinh, sinh viên', 'Students'),
})

/** The short domestic courses ("2. Bồi dưỡng ngắn hạn trong nước"): their sum is the plan's row 2. */
export const SHORT_COURSE_PROGRAMMES: readonly TrainingProgramme[] = [
  TrainingProgramme.Leaders,
  TrainingProgramme.DxStaff,
  TrainingProgramme.CivilServants,
]

export const TrainingStatus = { Planned: 'planned', Held: 'held', Cancelled: 'cancelled' } as const
export type TrainingStatus = (typeof TrainingStatus)[keyof typeof TrainingStatus]

export const trainingStatuses = vocabulary<TrainingStatus>({
  planned: l('Dự kiến', 'Planned'),
  held: l('Đã tổ chức', 'Held'),
  cancelled: l('Hủy', 'Cancelled'),
})

/** The rows of a plan whose typed subtotal is checked against its detail rows. */
export const PlanSubtotal = {
  DxExperts: 'dx-experts',
  ShortCourses: 'short-courses',
  GrandTotal: 'grand-total',
} as const
export type PlanSubtotal = (typeof PlanSubtotal)[keyof typeof PlanSubtotal]

export const planSubtotals = vocabulary<PlanSubtotal>({
  'dx-experts': l('1. Chuyên gia chuyển đổi số', '1. DX experts'),
  'short-courses': l(
    '2. Bồi dưỡng ngắn hạn trong nước (a + b + c)',
    '2. Short domestic courses (a + b + c)',
  ),
  'grand-total': l('Tổng cộng', 'Grand total'),
})
