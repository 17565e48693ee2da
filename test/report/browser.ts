/**
 * Opens a report in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; no
 * browser is downloaded) and checks what a reader would see: every section and its figures
 * rendered, no console errors, and sortable tables. Shared with the study's end-to-end test.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const CHROMIUM = process.env.NNMOTIFS_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser check cannot run here, or null when it can. */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `chromium not found at ${CHROMIUM} (apt-get install chromium, or set NNMOTIFS_CHROMIUM)`;
}

export interface SectionCheck {
  readonly id: string;
  readonly title: string;
  /** Figures the report says the section has (data-figures). */
  readonly expectedFigures: number;
  /** Figures whose SVG rendered with a non-zero size. */
  readonly renderedFigures: number;
  readonly tables: number;
}

export interface BrowserCheck {
  readonly title: string;
  readonly sections: SectionCheck[];
  readonly consoleErrors: string[];
  /** Clicking a numeric column's header sorted it ascending, a second click descending. */
  readonly sortWorks: boolean;
  readonly firstScreenText: string;
  readonly screenshotPath: string;
}

/**
 * Loads `htmlPath` from disk with the network blocked, checks it and saves a screenshot of the
 * first screen to `screenshotPath`. Throws when chromium is missing (see browserUnavailable).
 */
export async function checkReportInBrowser(
  htmlPath: string,
  screenshotPath: string,
): Promise<BrowserCheck> {
  const why = browserUnavailable();
  if (why) throw new Error(why);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    // The report must be self-contained: any request other than the file itself is an error.
    const url = pathToFileURL(resolve(htmlPath)).href;
    await page.route("**/*", (route) => {
      if (route.request().url() === url) return route.continue();
      consoleErrors.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(url, { waitUntil: "load" });
    const title = await page.title();
    // Page-side code is passed as source text: this project compiles without the DOM library.
    const sections =
      (await page.evaluate(`Array.from(document.querySelectorAll("section")).map((s) => {
      const figures = Array.from(s.querySelectorAll("figure.chart"));
      const rendered = figures.filter((f) => {
        const svg = f.querySelector("svg");
        if (!svg) return false;
        const box = svg.getBoundingClientRect();
        return box.width > 50 && box.height > 50 && svg.querySelectorAll("path, rect, text").length > 5;
      });
      return {
        id: s.id,
        title: s.querySelector("h2") ? s.querySelector("h2").textContent : "",
        expectedFigures: Number(s.getAttribute("data-figures") || "0"),
        renderedFigures: rendered.length,
        tables: s.querySelectorAll("table").length,
      };
    })`)) as SectionCheck[];
    const firstScreenText = (await page.evaluate(`(() => {
      const out = [];
      document.querySelectorAll("h1, .headline, .finding p").forEach((e) => {
        if (e.getBoundingClientRect().top < window.innerHeight) out.push(e.textContent || "");
      });
      return out.join("\\n");
    })()`)) as string;
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    const sortWorks = await checkSorting(page);
    return { title, sections, consoleErrors, sortWorks, firstScreenText, screenshotPath };
  } finally {
    await browser.close();
  }
}

type Page = import("playwright-core").Page;

/** Finds a numeric column with distinct values in a table of ≥ 3 rows and clicks its header twice. */
async function checkSorting(page: Page): Promise<boolean> {
  const target = (await page.evaluate(`(() => {
    const tables = Array.from(document.querySelectorAll("table.sortable"));
    for (let t = 0; t < tables.length; t++) {
      const table = tables[t];
      const rows = table.tBodies[0] ? Array.from(table.tBodies[0].rows) : [];
      if (rows.length < 3) continue;
      const columns = table.tHead ? table.tHead.rows[0].cells.length : 0;
      for (let c = 0; c < columns; c++) {
        const values = rows.map((r) => Number(r.cells[c] ? r.cells[c].getAttribute("data-sort") ?? "x" : "x"));
        if (values.every((v) => Number.isFinite(v)) && new Set(values).size > 2) return { t, c };
      }
    }
    return null;
  })()`)) as { t: number; c: number } | null;
  if (!target) return false;
  const read = async (): Promise<number[]> =>
    (await page.evaluate(`Array.from(document.querySelectorAll("table.sortable")[${target.t}].tBodies[0].rows)
      .map((r) => Number(r.cells[${target.c}].getAttribute("data-sort")))`)) as number[];
  const header = page.locator("table.sortable").nth(target.t).locator("thead th").nth(target.c);
  await header.scrollIntoViewIfNeeded();
  await header.click();
  const up = await read();
  await header.click();
  const down = await read();
  const sorted = (xs: number[], dir: number): boolean =>
    xs.every((x, i) => i === 0 || dir * (x - xs[i - 1]) >= 0);
  return sorted(up, 1) && sorted(down, -1) && up[0] !== up.at(-1);
}
