import { chromium, type Browser, type Page } from 'playwright-core'
import { PASSWORD } from './fixtures'

/** Debian's Chromium (installed by .ci/run), headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

/** Logs in through the admin's login page, which the admin redirects `target` to, and lands on `target`. */
export async function adminLogin(page: Page, base: string, email: string, target: string) {
  await page.context().clearCookies()
  await page.goto(`${base}${target}`)
  // The dashboard itself redirects to /admin/login with no redirect parameter.
  await page.waitForURL(/\/admin\/login/)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(`${base}${target}`)
}

/** Clicks one of our side-navigation links, opening the navigation first when it is collapsed. */
export async function navTo(page: Page, id: string) {
  const link = page.locator(`#${id}`)
  if (!(await link.isVisible()) || (await link.evaluate((el) => !!el.closest('[inert]')))) {
    await page.locator('button.nav-toggler').first().click()
  }
  await link.click()
}
