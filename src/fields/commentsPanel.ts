import type { Field } from 'payload'

/** The document's comment thread in its edit view's sidebar (no data of its own: collections/Comments). */
export const commentsPanelField = (): Field => ({
  name: 'commentsPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/admin/comments/CommentsPanel#CommentsPanel' },
  },
})
