import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * Payload's email adapter over SMTP (nodemailer) when `SMTP_HOST` is set; without it Payload's
 * default adapter writes each email to the log instead of sending it. The same shape as
 * @payloadcms/email-nodemailer, which is not used because its release pins an older `payload`
 * than this project's (Payload refuses to start with mismatched package versions).
 */
export function emailAdapter(): EmailAdapter | undefined {
  const host = process.env.SMTP_HOST
  if (!host) return undefined
  const user = process.env.SMTP_USER
  const defaultFromAddress = process.env.SMTP_FROM || 'no-reply@cds.local'
  const defaultFromName = process.env.SMTP_FROM_NAME || 'CMS Chuyển đổi số'
  const transport = nodemailer.createTransport({
    host,
    port: Number(process.env.SMTP_PORT || 587),
    secure: process.env.SMTP_SECURE === 'true',
    ...(user ? { auth: { user, pass: process.env.SMTP_PASS ?? '' } } : {}),
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: (message) =>
      transport.sendMail({
        from: `"${defaultFromName}" <${defaultFromAddress}>`,
        ...message,
      }),
  })
}
