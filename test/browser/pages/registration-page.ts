// Page object for the public lawyer registration (/register), reached from the sign-in page's link as a
// lawyer finds it: the form (fields found by their visible labels), the SMS code, the check-your-answers
// step and the result.
import type { Locator, Page } from 'playwright-core';

/** The form's text fields by their Chinese labels. */
export const FIELD_LABELS = {
  name: '姓名',
  licenceNo: '律师执业证号',
  idNo: '身份证号',
  firmName: '律师事务所名称',
  username: '用户名',
  password: '密码',
  repeat: '再次输入密码',
  mobile: '手机号码',
  code: '短信验证码',
} as const;

export type RegistrationField = keyof typeof FIELD_LABELS;

export class RegistrationPage {
  constructor(readonly page: Page) {}

  /** From the sign-in page, follows "还没有账号？律师注册". */
  async openFromLogin(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/login', baseUrl).toString());
    await this.page.getByTestId('login-register').click();
    await this.page.waitForURL((url) => url.pathname === '/register');
    await this.page.getByTestId('register-next').waitFor();
  }

  field(name: RegistrationField): Locator {
    return this.page.getByLabel(FIELD_LABELS[name], { exact: true });
  }

  async fill(values: Partial<Record<RegistrationField, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values) as [RegistrationField, string][]) {
      await this.field(name).fill(value);
    }
  }

  /** Taps "获取验证码" and waits until the page says the code was sent. */
  async sendCode(): Promise<void> {
    await this.page.getByTestId('register-send-code').click();
    await this.page.locator('.ant-message').getByText('验证码已发送，10 分钟内有效').waitFor();
  }

  async sendCodeButtonText(): Promise<string> {
    return (await this.page.getByTestId('register-send-code').innerText()).trim();
  }

  /** Chooses the licence photo, as the phone's file picker hands it over, and waits for its preview. */
  async choosePhoto(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('licence-photo-input').setInputFiles(file);
    await this.page.getByAltText('所选执业证照片的预览').waitFor();
  }

  /**
   * The error shown on a field, found the way a screen reader finds it: the help text the input's
   * aria-describedby names (beside any standing hint). Waits for one to appear.
   */
  async fieldError(name: RegistrationField): Promise<string> {
    const input = this.field(name);
    await this.formItemOf(input).locator('.ant-form-item-explain-error').first().waitFor();
    const described = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
    const help = described.find((id) => id.endsWith('_help'));
    if (!help) return '';
    return (await this.page.locator(`[id="${help}"]`).innerText()).trim();
  }

  /** Whether the field is marked invalid for assistive technology. */
  async isInvalid(name: RegistrationField): Promise<boolean> {
    return (await this.field(name).getAttribute('aria-invalid')) === 'true';
  }

  /** The code's error: the code input sits beside its button, so its message is under the row. */
  async codeError(): Promise<string> {
    const error = this.formItemOf(this.page.getByTestId('register-code')).locator(
      '.ant-form-item-explain-error',
    );
    await error.first().waitFor();
    return (await error.first().innerText()).trim();
  }

  async waitForNoFieldError(name: RegistrationField): Promise<void> {
    await this.formItemOf(this.field(name))
      .locator('.ant-form-item-explain-error')
      .waitFor({ state: 'detached' });
  }

  /** "下一步：核对信息"; waits for the check-your-answers step. */
  async next(): Promise<void> {
    await this.page.getByTestId('register-next').click();
    await this.page.getByRole('heading', { name: '请核对您的注册信息' }).waitFor();
  }

  /** The check step's answers, label → value. */
  async answers(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const row of await this.page.locator('.ant-descriptions-row').all()) {
      const label = (await row.locator('th').innerText()).trim();
      out[label] = (await row.locator('td').innerText()).trim();
    }
    return out;
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('register-submit').click();
  }

  /** After a refusal the form comes back with the server's word beside the field. */
  async waitForForm(): Promise<void> {
    await this.page.getByTestId('register-next').waitFor();
  }

  /** The result once the registration is in: its title and what it says. */
  async result(): Promise<{ title: string; body: string }> {
    const result = this.page.locator('.ant-result');
    await result.waitFor();
    return {
      title: (await result.locator('.ant-result-title').innerText()).trim(),
      body: (await result.locator('.ant-result-subtitle').innerText()).trim(),
    };
  }

  private formItemOf(input: Locator): Locator {
    return this.page.locator('.ant-form-item', { has: input }).last();
  }
}
