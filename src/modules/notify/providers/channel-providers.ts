// Picks each channel's provider from the settings: the development mailbox unless a real one is configured.
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { Settings } from '../../../config.js';
import type { NotifyRepository } from '../repository.js';
import { TEMPLATE_KEYS } from '../templates.js';
import { AliyunSmsProvider } from './aliyun-sms-provider.js';
import { DevProvider } from './dev-provider.js';
import type { ChannelProviders } from './provider.js';
import { SmtpProvider } from './smtp-provider.js';

export function buildChannelProviders(
  settings: Settings['notify'],
  deps: { db: Db; repo: NotifyRepository; clock: Clock; warn: (obj: object, msg: string) => void },
): ChannelProviders {
  const dev = new DevProvider(deps.db, deps.repo, deps.clock, settings.smsSignName);
  let sms: ChannelProviders['sms'] = dev;
  if (settings.smsProvider === 'aliyun') {
    const aliyun = new AliyunSmsProvider(settings.aliyun, deps.clock);
    const unmapped = aliyun.unmappedTemplates(TEMPLATE_KEYS);
    if (unmapped.length > 0) {
      deps.warn({ templates: unmapped }, 'SMS templates without an Aliyun TemplateCode will fail to send');
    }
    sms = aliyun;
  }
  const email = settings.emailProvider === 'smtp' ? new SmtpProvider(settings.smtp) : dev;
  return { sms, email };
}
