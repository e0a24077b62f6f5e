// Folds the flat list of organisation units into the province → city → district → unit tree.
import type { OrgUnit } from '../server-api/org-units.js';

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
}

/** Units whose parent is missing from the list become roots, so nothing is silently dropped. */
export function buildUnitTree(units: readonly OrgUnit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byCode = (a: UnitNode, b: UnitNode) => a.unit.code.localeCompare(b.unit.code);
  const sort = (list: UnitNode[]): UnitNode[] => {
    list.sort(byCode);
    list.forEach((node) => sort(node.children));
    return list;
  };
  return sort(roots);
}

export interface UnitTreeSelectNode {
  value: string;
  title: string;
  children: UnitTreeSelectNode[];
}

/** Tree data for antd TreeSelect, titled in the UI language. */
export function toTreeSelectData(
  nodes: readonly UnitNode[],
  name: (unit: OrgUnit) => string,
): UnitTreeSelectNode[] {
  return nodes.map((node) => ({
    value: node.unit.id,
    title: name(node.unit),
    children: toTreeSelectData(node.children, name),
  }));
}
