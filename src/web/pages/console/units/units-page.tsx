// The organisation tree (admin): every unit with its kind and code.
import { Button, Card, Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnits, type OrgUnit } from '../../../server-api/org-units.js';
import { useLabels } from '../../../components/labels.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { StatusTag, type Tone } from '../../../components/status-tag.js';
import { buildUnitTree, type UnitNode } from '../../../components/unit-tree.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { useLocalName } from '../../../i18n/use-language.js';
import { REGION_KINDS } from '../../../../modules/identity/roles.js';

function toneOf(unit: OrgUnit): Tone {
  return REGION_KINDS.includes(unit.kind) ? 'neutral' : 'info';
}

export function UnitsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const localName = useLocalName();
  const units = useOrgUnits();
  useDocumentTitle(t('units.title'));

  const toData = (nodes: UnitNode[]): TreeDataNode[] =>
    nodes.map(({ unit, children }) => ({
      key: unit.id,
      title: (
        <span className="custos-unit-node">
          <span>{localName(unit)}</span>
          <StatusTag tone={toneOf(unit)}>{labels.unitKind(unit.kind)}</StatusTag>
          <code className="custos-unit-code">{unit.code}</code>
        </span>
      ),
      children: toData(children),
    }));
  const treeData = toData(buildUnitTree(units.data ?? []));

  return (
    <>
      <h1 className="custos-page-title">{t('units.title')}</h1>
      <Card>
        <p className="custos-intro">{t('units.intro')}</p>
        {units.isPending ? <Skeleton active /> : null}
        {units.isError ? (
          <ProblemAlert error={units.error}>
            <Button size="small" onClick={() => void units.refetch()}>
              {t('common.retry')}
            </Button>
          </ProblemAlert>
        ) : null}
        {units.data && units.data.length === 0 ? <Empty description={t('units.empty')} /> : null}
        {units.data && units.data.length > 0 ? (
          <Tree treeData={treeData} defaultExpandAll showLine selectable={false} blockNode />
        ) : null}
      </Card>
    </>
  );
}
