/** Shared by the save hook and the fire-time re-check: the two places an edit after approval is caught. */
export const EDITED_AFTER_APPROVAL =
  'Nội dung đã được sửa sau khi duyệt: cần quản lý chiến dịch duyệt lại trước khi đăng.'

/** The approval group of a publication sent back for approval. */
export const reopenedApproval = (approval: Record<string, unknown> | null | undefined) => ({
  ...(approval ?? {}),
  approvedAt: null,
  approvedBy: null,
  contentFingerprint: null,
  required: true,
})
