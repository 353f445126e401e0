import type { Access } from 'payload'

/** Any logged-in user: internal planning data is not public. */
export const loggedIn: Access = ({ req }) => !!req.user
