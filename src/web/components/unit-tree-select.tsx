// Picks an organisation unit from the tree; used to filter users and to place a new user.
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgUnits } from '../server-api/org-units.js';
import { useLocalName } from '../i18n/use-language.js';
import { buildUnitTree, toTreeSelectData } from './unit-tree.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export function UnitTreeSelect({ id, value, onChange, placeholder, allowClear, style }: Props) {
  const units = useOrgUnits();
  const localName = useLocalName();
  const treeData = useMemo(
    () => toTreeSelectData(buildUnitTree(units.data ?? []), localName),
    [units.data, localName],
  );
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      loading={units.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
