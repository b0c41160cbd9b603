// Bundles the compiled chaincode (dist/chaincode/src/main.js) and its dependencies into one file,
// so the peer's external builder never runs npm install. tsc runs first: it emits the decorator
// metadata that fabric-contract-api reads and that esbuild alone would not produce.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({
  entryPoints: [path.join(root, 'dist/chaincode/src/main.js')],
  outfile: path.join(root, 'dist/chaincode-bundle/chaincode.js'),
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
