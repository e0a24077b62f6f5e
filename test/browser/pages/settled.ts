// Brings the page to rest before axe measures it: axe reads colours as they are at that instant, and a
// button fading out of its loading state, a toast fading away or a button under the last click's pointer
// is not what a person reads. Endless animations (a skeleton's shimmer) are left running.
import type { Page } from 'playwright-core';

export async function settled(page: Page): Promise<void> {
  // The pointer stays where the last click was; a hovered button is not the page's resting state.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}
