import type { ElementContent } from '../../../chaincode/src/api/chemistry';
import { submitAll } from '../driver/setup';
import type { BenchContext } from '../suites/context';
import { mintedContent } from './elementContent';
import { LOT_MASS_GRAMS, mintLots, SETUP_CONCURRENCY, type Facility } from './fixtures';
import { transformRequest, type ProcessRecipe } from './transform';

/** Most inputs one transformation takes (the chaincode's limit is 100). */
const MAX_FAN_IN = 99;
/** Fan-in of the upper levels of a large tree. */
const WIDE_FAN_IN = 10;

/** A planned node of a provenance tree: a leaf (minted lot) or a lot transformed from its children. */
export interface TreeNode {
  readonly children: readonly TreeNode[];
}

/**
 * Plans a provenance tree of exactly `size` lots: up to 100 lots as one transformation of `size - 1` minted lots,
 * larger trees as up to 10 subtrees of even sizes, so depth stays logarithmic (1,000 lots are 3 levels deep).
 * @throws {RangeError} for a size below 2
 */
export function planTree(size: number): TreeNode {
  if (!Number.isInteger(size) || size < 2) {
    throw new RangeError(`a provenance tree needs at least 2 lots, got ${size}`);
  }
  const below = size - 1;
  if (below <= MAX_FAN_IN) {
    return { children: Array.from({ length: below }, () => ({ children: [] })) };
  }
  const count = Math.min(WIDE_FAN_IN, Math.ceil(below / 2));
  return { children: evenParts(below, count).map((part) => (part === 1 ? { children: [] } : planTree(part))) };
}

/** Splits `total` into `count` integer parts that differ by at most one. */
export function evenParts(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.floor(total / count) + (index < total % count ? 1 : 0));
}

/** Number of lots in a planned tree. */
export function treeSize(node: TreeNode): number {
  return 1 + node.children.reduce((sum, child) => sum + treeSize(child), 0);
}

interface Built {
  readonly node: TreeNode;
  lotId: string;
  massGrams: number;
  content: ElementContent;
}

/**
 * Builds a planned tree at `facility`: mints every leaf, then runs each level's transformations concurrently
 * (every child lot consumed whole into its parent, its elements conserved), bottom-up.
 * @returns the id of the root lot
 */
export async function buildTree(context: BenchContext, facility: Facility, recipe: ProcessRecipe, plan: TreeNode): Promise<string> {
  const levels: Built[][] = [];
  const place = (node: TreeNode): Built => {
    const built: Built = { node, lotId: '', massGrams: LOT_MASS_GRAMS, content: mintedContent(recipe.input) };
    const height = heightOf(node);
    (levels[height] ??= []).push(built);
    return built;
  };
  const all = new Map<TreeNode, Built>();
  const visit = (node: TreeNode): void => {
    all.set(node, place(node));
    node.children.forEach(visit);
  };
  visit(plan);
  const leaves = levels[0] ?? [];
  const leafIds = await mintLots(context, facility, leaves.length, recipe.input);
  leaves.forEach((leaf, index) => {
    leaf.lotId = leafIds[index] ?? '';
  });
  for (const level of levels.slice(1)) {
    const transforms = level.map((built) => {
      const inputs = built.node.children.map((child) => all.get(child)).map((child) => ({ lotId: child?.lotId ?? '', massGrams: child?.massGrams ?? 0, content: child?.content ?? {} }));
      const transform = transformRequest(context, facility, recipe, inputs, 1);
      built.lotId = transform.outputIds[0] ?? '';
      built.massGrams = transform.firstOutputMass;
      built.content = transform.outputContent;
      return transform.request;
    });
    await submitAll(context.connections, transforms, SETUP_CONCURRENCY, `${transforms.length} transformations of a provenance tree`);
  }
  return all.get(plan)?.lotId ?? '';
}

function heightOf(node: TreeNode): number {
  return node.children.length === 0 ? 0 : 1 + Math.max(...node.children.map(heightOf));
}
