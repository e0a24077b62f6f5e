// The 中文 / English switch every page object shares: flips the UI language and waits for <html lang>.
import type { Page } from 'playwright-core';

export type UiLanguage = 'zh-CN' | 'en';

const LABELS: Record<UiLanguage, string> = { 'zh-CN': '中文', en: 'English' };

export async function currentLanguage(page: Page): Promise<UiLanguage> {
  const lang = await page.locator('html').getAttribute('lang');
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** Switches to `to`, or to the other language when omitted; returns the language now shown. */
export async function switchLanguage(page: Page, to?: UiLanguage): Promise<UiLanguage> {
  const target = to ?? ((await currentLanguage(page)) === 'en' ? 'zh-CN' : 'en');
  await page.getByTestId('lang-switch').getByText(LABELS[target], { exact: true }).click();
  await page.locator(`html[lang="${target}"]`).waitFor({ state: 'attached' });
  return target;
}
