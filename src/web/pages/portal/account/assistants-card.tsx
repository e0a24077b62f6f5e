// Assistants: a lawyer names one by username and it holds once they accept; an assistant sees the lawyer
// they assist (or an offer to accept or decline). Either side may end the link.
import { App, Button, Card, Form, Input, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/form-errors.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag } from '../../../components/status-tag.js';
import { useProblemText } from '../../../components/use-problem-text.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { isApiProblem } from '../../../server-api/problem.js';
import {
  useAssistantLinkAction,
  useInviteAssistant,
  type AssistantLinkView,
  type LawyerAccountView,
} from '../../../server-api/lawyers.js';

export function AssistantsCard({ account }: { account: LawyerAccountView }) {
  const { t } = useTranslation();
  return (
    <Card
      title={<h2 className="custos-card-title">{t('lawyerAccount.assistantsTitle')}</h2>}
      data-testid="account-assistants"
    >
      {account.assisting ? (
        <Assisting link={account.assisting} />
      ) : (
        <Principal assistants={account.assistants} />
      )}
    </Card>
  );
}

function useLinkAction() {
  const { message } = App.useApp();
  const problemText = useProblemText();
  const action = useAssistantLinkAction();
  const run = (linkId: string, which: 'confirm' | 'end') =>
    action.mutate({ linkId, action: which }, { onError: (error) => void message.error(problemText(error)) });
  return { run, pending: action.isPending };
}

function Assisting({ link }: { link: AssistantLinkView }) {
  const { t } = useTranslation();
  const { run, pending } = useLinkAction();
  const who = { name: link.principal.name, username: link.principal.username };
  return (
    <div className="custos-stack">
      <h3 className="custos-subheading">{t('lawyerAccount.assistingTitle')}</h3>
      {link.confirmedAt ? (
        <>
          <p className="custos-account-line">{t('lawyerAccount.assistingActive', who)}</p>
          <Popconfirm
            title={t('lawyerAccount.endConfirm', { name: who.name })}
            onConfirm={() => run(link.id, 'end')}
          >
            <Button loading={pending}>{t('lawyerAccount.end')}</Button>
          </Popconfirm>
        </>
      ) : (
        <>
          <p className="custos-account-line">{t('lawyerAccount.assistingOffer', who)}</p>
          <div className="custos-account-actions">
            <Button onClick={() => run(link.id, 'end')} loading={pending}>
              {t('lawyerAccount.decline')}
            </Button>
            <Button type="primary" onClick={() => run(link.id, 'confirm')} loading={pending}>
              {t('lawyerAccount.accept')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function Principal({ assistants }: { assistants: AssistantLinkView[] }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const invite = useInviteAssistant();
  const { run, pending } = useLinkAction();
  const [form] = Form.useForm<{ username: string }>();

  return (
    <div className="custos-stack">
      <p className="custos-intro">{t('lawyerAccount.assistantsIntro')}</p>
      {assistants.length === 0 ? (
        <p className="custos-account-line">{t('lawyerAccount.noAssistants')}</p>
      ) : (
        <ul className="custos-account-list">
          {assistants.map((link) => (
            <li key={link.id} className="custos-account-row">
              <span>
                {link.assistant.name}（{link.assistant.username}）
              </span>
              <StatusTag tone={link.confirmedAt ? 'good' : 'warn'}>
                {link.confirmedAt ? t('lawyerAccount.confirmed') : t('lawyerAccount.awaitingConfirm')}
              </StatusTag>
              <Popconfirm
                title={t('lawyerAccount.endConfirm', { name: link.assistant.name })}
                onConfirm={() => run(link.id, 'end')}
              >
                <Button type="link" size="small" loading={pending}>
                  {t('lawyerAccount.end')}
                </Button>
              </Popconfirm>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={invite.error && !showsOnField(invite.error) ? invite.error : null} />
      <Form
        form={form}
        name="invite-assistant"
        layout="vertical"
        onFinish={({ username }) =>
          invite.mutate(username.trim(), {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('lawyerAccount.invited'));
            },
            onError: (error) => showFieldErrors(form, error, language, ['username']),
          })
        }
      >
        <Form.Item
          label={t('lawyerAccount.assistantUsername')}
          name="username"
          rules={[
            { required: true, whitespace: true, message: t('lawyerAccount.assistantUsernameRequired') },
          ]}
        >
          <Input autoCapitalize="none" spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit" loading={invite.isPending}>
          {t('lawyerAccount.invite')}
        </Button>
      </Form>
    </div>
  );
}

/** Errors naming a field are shown beside it, not in the alert. */
function showsOnField(error: unknown): boolean {
  return isApiProblem(error) && (error.problem.errors?.length ?? 0) > 0;
}
