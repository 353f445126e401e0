import { l, vocabulary } from './define'

/** What the audit trail records: people's changes, approvals, sign-ins, credential changes, downloads. */
export const AuditAction = {
  Create: 'create',
  Update: 'update',
  Delete: 'delete',
  Publish: 'publish',
  Unpublish: 'unpublish',
  Approve: 'approve',
  Return: 'return',
  Login: 'login',
  LoginFailed: 'login-failed',
  CredentialsChanged: 'credentials-changed',
  ExportDownloaded: 'export-downloaded',
  /** Content or a publication withdrawn from its channels ("gỡ bài"), with the reason. */
  Withdraw: 'withdraw',
} as const
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction]

export const auditActions = vocabulary<AuditAction>({
  create: l('Tạo mới', 'Created'),
  update: l('Sửa', 'Updated'),
  delete: l('Xoá', 'Deleted'),
  publish: l('Xuất bản', 'Published'),
  unpublish: l('Gỡ xuất bản', 'Unpublished'),
  approve: l('Duyệt', 'Approved'),
  return: l('Trả lại', 'Returned'),
  login: l('Đăng nhập', 'Logged in'),
  'login-failed': l('Đăng nhập thất bại', 'Failed login'),
  'credentials-changed': l('Đổi thông tin xác thực kênh', 'Channel credentials changed'),
  'export-downloaded': l('Tải tệp xuất', 'Export downloaded'),
  withdraw: l('Gỡ bài', 'Withdrawn'),
})
