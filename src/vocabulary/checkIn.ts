import { l, vocabulary } from './define'

/**
 * An event's audience groups: the fields of its `audience` group (hand-entered counts) and the
 * answer an attendee picks when checking in. Defined once; AUDIENCE_METRICS maps each to its measure.
 */
export const AudienceGroup = {
  Leaders: 'leaders',
  DxSpecialists: 'dxSpecialists',
  CivilServants: 'civilServants',
  Citizens: 'citizens',
  Students: 'students',
} as const
export type AudienceGroup = (typeof AudienceGroup)[keyof typeof AudienceGroup]
export const audienceGroups = vocabulary<AudienceGroup>({
  leaders: l('Lãnh đạo', 'Leaders'),
  dxSpecialists: l('Cán bộ chuyên trách CĐS', 'DX specialists'),
  civilServants: l('Cán bộ, công chức, viên chức', 'Civil servants'),
  citizens: l('Người dân', 'Citizens'),
  students: l('Học sinh, sinh viên', 'Students'),
})

/** Age bands asked (optionally) at check-in and in the surveys; working age is 15-59 here. */
export const AgeBand = {
  Under15: 'under-15',
  From15To24: '15-24',
  From25To39: '25-39',
  From40To59: '40-59',
  From60: '60-plus',
} as const
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand]
export const ageBands = vocabulary<AgeBand>({
  'under-15': l('Dưới 15 tuổi', 'Under 15'),
  '15-24': l('Từ 15 đến 24 tuổi', '15 to 24'),
  '25-39': l('Từ 25 đến 39 tuổi', '25 to 39'),
  '40-59': l('Từ 40 đến 59 tuổi', '40 to 59'),
  '60-plus': l('Từ 60 tuổi trở lên', '60 and over'),
})

/** Which participant figures of an event the reports use: typed in, or counted at check-in. */
export const ParticipantsSource = {
  Entered: 'entered',
  CheckIn: 'check-in',
} as const
export type ParticipantsSource = (typeof ParticipantsSource)[keyof typeof ParticipantsSource]
export const participantsSources = vocabulary<ParticipantsSource>({
  entered: l('Số liệu nhập tay', 'Entered by hand'),
  'check-in': l('Số điểm danh bằng mã QR', 'Counted at check-in'),
})
