// Renders resources/icons/icon.svg to the PNG sizes the packages need
// (resources/icons/NxN.png: Linux takes the folder, macOS and Windows the
// 1024 px one), with the same Chromium the e2e suite drives. Run it after
// changing the SVG: `npm run icons`.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const ICONS = fileURLToPath(new URL('../resources/icons/', import.meta.url))
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const svg = await readFile(`${ICONS}icon.svg`)
const source = `data:image/svg+xml;base64,${svg.toString('base64')}`
const browser = await chromium.launch({
  executablePath: process.env['OFFPRINT_CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}"></body>`,
    )
    await page.locator('img').evaluate((image) => image.decode())
    await page.screenshot({ path: `${ICONS}${size}x${size}.png`, omitBackground: true })
    console.log(`resources/icons/${size}x${size}.png`)
  }
} finally {
  await browser.close()
}
