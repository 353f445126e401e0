import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { PASSWORD } from './fixtures'
import { stopTestServer } from './server'

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

/** An e2e file's browser and its one page (1440×1000 unless told), with a default time-out. */
export async function openPage(
  context: BrowserContextOptions = { viewport: { width: 1440, height: 1000 } },
  timeoutMs = 30_000,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser()
  const page = await (await browser.newContext(context)).newPage()
  page.setDefaultTimeout(timeoutMs)
  return { browser, page }
}

/**
 * The end of an e2e file: a screenshot of where its page was (test-results/<name>-last.png, what
 * a failure left on screen), then the browser and the test server stop.
 */
export async function endE2e(name: string, browser?: Browser, page?: Page): Promise<void> {
  const shots = path.resolve(__dirname, '../../test-results')
  fs.mkdirSync(shots, { recursive: true })
  await page
    ?.screenshot({ path: path.join(shots, `${name}-last.png`), fullPage: true })
    .catch(() => {})
  await browser?.close()
  await stopTestServer()
}
