// Bundles a compiled chaincode entry point (default: the product's, dist/chaincode/src/main.js) and its
// dependencies into one file, so the peer's external builder never runs npm install. tsc runs first: it emits
// the decorator metadata that fabric-contract-api reads and that esbuild alone would not produce.
//   node scripts/bundle-chaincode.mjs [--entry dist/…/main.js] [--out dist/…/chaincode.js]
// Relative paths are taken from the repository root.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'dist/chaincode/src/main.js' },
    out: { type: 'string', default: 'dist/chaincode-bundle/chaincode.js' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('Usage: node scripts/bundle-chaincode.mjs [--entry COMPILED_MAIN_JS] [--out BUNDLE_JS]\n');
  process.exit(0);
}

await build({
  entryPoints: [path.resolve(root, values.entry)],
  outfile: path.resolve(root, values.out),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // optional native modules of transitive dependencies that the chaincode never loads
  external: ['pkcs11js'],
});
