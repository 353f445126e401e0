import { l, vocabulary } from './define'

/** The question types a campaign manager builds a short survey from. */
export const QuestionKind = {
  Single: 'single',
  Multiple: 'multiple',
  YesNo: 'yes-no',
  Scale: 'scale',
} as const
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind]
export const questionKinds = vocabulary<QuestionKind>({
  single: l('Chọn một', 'Single choice'),
  multiple: l('Chọn nhiều', 'Multiple choice'),
  'yes-no': l('Có / Không', 'Yes / no'),
  scale: l('Thang điểm 1-5', '1-5 scale'),
})

/** The answers of a yes/no question, and of a 1-5 scale, as stored. */
export const YES = 'co'
export const NO = 'khong'
export const yesNoAnswers = vocabulary<typeof YES | typeof NO>({
  co: l('Có', 'Yes'),
  khong: l('Không', 'No'),
})
export const SCALE_VALUES = ['1', '2', '3', '4', '5'] as const
