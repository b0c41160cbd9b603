import { expect } from 'chai';
import { exitCodes } from '../../../sdk/src/cli/exitCodes';

describe('CLI exit codes', () => {
  it('gives every category its own code', () => {
    const seen = new Map<number, string>();
    for (const [category, code] of Object.entries(exitCodes)) {
      expect(seen.get(code), `${category} shares ${code} with ${seen.get(code)}`).to.equal(undefined);
      seen.set(code, category);
    }
  });

  it('separates contract errors from conflicts', () => {
    expect(exitCodes.contract).to.not.equal(exitCodes.conflict);
  });
});
