import type { Access } from 'payload'

/** Any logged-in user: internal planning data is not public. */
export const isStaff: Access = ({ req }) => !!req.user
