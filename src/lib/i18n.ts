import { l } from '@/vocabulary/define'

export { l }
export type { Label } from '@/vocabulary/define'

/** Select options with bilingual labels from `[value, vi, en]` rows (for options that belong to one field only). */
export const options = (rows: ReadonlyArray<readonly [string, string, string]>) =>
  rows.map(([value, vi, en]) => ({ value, label: l(vi, en) }))

/**
 * Payload's Vietnamese strings that mix in English ("Lỗi - Field sau không hợp lệ", "Collection"),
 * said in Vietnamese; merged over Payload's own (payload.config.ts `i18n.translations`).
 */
export const vietnameseOverrides = {
  error: {
    correctInvalidFields: 'Hãy sửa các trường chưa hợp lệ.',
    followingFieldsInvalid_one: 'Trường sau chưa hợp lệ:',
    followingFieldsInvalid_other: 'Các trường sau chưa hợp lệ:',
    incorrectCollection: 'Loại dữ liệu không hợp lệ.',
    noMatchedField: 'Không tìm thấy trường "{{label}}".',
  },
  fields: {
    block: 'Khối',
    blocks: 'khối',
    blockType: 'Loại khối',
    searchForBlock: 'Tìm khối',
    toggleBlock: 'Mở/đóng khối',
  },
  upload: { selectCollectionToBrowse: 'Chọn loại dữ liệu để xem', selectFile: 'Chọn một tệp' },
  validation: {
    fieldHasNo: 'Trường này không có: {{label}}',
    invalidSelection: 'Lựa chọn ở trường này không hợp lệ.',
    invalidSelections: 'Trường này có những lựa chọn không hợp lệ sau:',
    validUploadID: 'Trường này không chứa mã tệp tải lên hợp lệ.',
  },
}
