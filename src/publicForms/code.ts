import crypto from 'node:crypto'

/** A public form's random, unguessable code in its link and QR code (10 url-safe characters, 60 bits). */
export const newFormCode = () => crypto.randomBytes(8).toString('base64url').slice(0, 10)

/** The shape every form code has; anything else is not looked up. */
export const FORM_CODE = /^[A-Za-z0-9_-]{6,32}$/
