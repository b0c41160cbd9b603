import { PolicyError, type Principal, type PolicyRule, type SignaturePolicy } from './SignaturePolicy';

type Node = { readonly principal: string } | { readonly gate: 'and' | 'or' | 'outof'; readonly threshold?: number; readonly args: readonly Node[] };

const GATES: Readonly<Record<string, 'and' | 'or' | 'outof'>> = { AND: 'and', And: 'and', and: 'and', OR: 'or', Or: 'or', or: 'or', OutOf: 'outof', outof: 'outof', OUTOF: 'outof' };
const PRINCIPAL = /^([A-Za-z0-9.-]+)\.(admin|member|client|peer|orderer)$/;
const TOKEN = /\s*(?:(?<name>[A-Za-z]+)|(?<number>\d+)|'(?<single>[^']*)'|"(?<double>[^"]*)"|(?<punct>[(),]))/y;

interface Token {
  readonly kind: 'name' | 'number' | 'string' | 'punct';
  readonly text: string;
  readonly at: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let at = TOKEN.lastIndex; at < text.trimEnd().length; at = TOKEN.lastIndex) {
    const groups = TOKEN.exec(text)?.groups;
    if (groups === undefined) {
      throw new PolicyError(`unexpected character at ${String(at)} in policy string '${text}'`);
    }
    const { name, number, single, double, punct } = groups;
    if (name !== undefined) tokens.push({ kind: 'name', text: name, at });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number, at });
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct, at });
    else tokens.push({ kind: 'string', text: single ?? double ?? '', at });
  }
  return tokens;
}

class Parser {
  readonly #tokens: readonly Token[];
  readonly #text: string;
  #next = 0;

  constructor(text: string) {
    this.#text = text;
    this.#tokens = tokenize(text);
  }

  parse(): Node {
    const node = this.#gate();
    if (this.#next < this.#tokens.length) {
      this.#fail('trailing input');
    }
    return node;
  }

  #gate(): Node {
    const name = this.#take('name');
    const gate = GATES[name.text] ?? this.#fail(`unrecognized token '${name.text}'`);
    this.#expect('(');
    const threshold = gate === 'outof' ? Number(this.#take('number').text) : undefined;
    if (threshold !== undefined) this.#expect(',');
    const args: Node[] = [this.#argument()];
    while (this.#peek()?.text === ',') {
      this.#expect(',');
      args.push(this.#argument());
    }
    this.#expect(')');
    return threshold === undefined ? { gate, args } : { gate, threshold, args };
  }

  #argument(): Node {
    return this.#peek()?.kind === 'string' ? { principal: this.#take('string').text } : this.#gate();
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#next];
  }

  #take(kind: Token['kind']): Token {
    const token = this.#peek();
    if (token?.kind !== kind) {
      this.#fail(`expected a ${kind}`);
    }
    this.#next += 1;
    return token;
  }

  #expect(punct: string): void {
    if (this.#take('punct').text !== punct) {
      this.#fail(`expected '${punct}'`);
    }
  }

  #fail(message: string): never {
    const at = this.#peek()?.at ?? this.#text.length;
    throw new PolicyError(`${message} at ${String(at)} in policy string '${this.#text}'`);
  }
}

function principalOf(text: string): Principal {
  const match = PRINCIPAL.exec(text);
  const [, mspId, role] = match ?? [];
  if (mspId === undefined || (role !== 'admin' && role !== 'member' && role !== 'client' && role !== 'peer' && role !== 'orderer')) {
    throw new PolicyError(`error parsing principal ${text}`);
  }
  return { mspId, role };
}

/**
 * Builds a gate's rule the way Fabric's policydsl numbers identities: nested gates first (their arguments
 * are evaluated before the gate runs), then the gate's own principals, left to right. The envelope then
 * has the same bytes as the one the peer CLI builds from the same text.
 */
function build(node: Node, identities: Principal[]): PolicyRule {
  if ('principal' in node) {
    throw new PolicyError(`a policy must be a gate, not the principal '${node.principal}'`);
  }
  const rules: (PolicyRule | undefined)[] = node.args.map((arg) => ('gate' in arg ? build(arg, identities) : undefined));
  node.args.forEach((arg, i) => {
    if ('principal' in arg) {
      rules[i] = { signedBy: identities.push(principalOf(arg.principal)) - 1 };
    }
  });
  const count = node.args.length;
  const threshold = node.gate === 'and' ? count : node.gate === 'or' ? 1 : (node.threshold ?? 0);
  if (threshold > count + 1) {
    throw new PolicyError(`invalid t-out-of-n predicate, t ${String(threshold)}, n ${String(count)}`);
  }
  return { outOf: threshold, rules: rules.filter((rule) => rule !== undefined) };
}

/**
 * Parses the policy text the peer CLI takes (`--signature-policy`, collection policies): `AND(...)`, `OR(...)`
 * and `OutOf(n, ...)` over `'<MSP id>.<role>'` principals, nested freely.
 * @throws {@link PolicyError} on a syntax error or an unknown role
 * @example
 * ```ts
 * parsePolicy("OutOf(2, 'MiningMSP.peer', 'ManufacturingMSP.peer', 'RecyclingMSP.peer')");
 * parsePolicy("AND('MiningMSP.member', OR('ManufacturingMSP.peer', 'AuditorMSP.peer'))");
 * ```
 */
export function parsePolicy(text: string): SignaturePolicy {
  const identities: Principal[] = [];
  const rule = build(new Parser(text).parse(), identities);
  return { identities, rule };
}
